/**
 * Round seeds that every honest validator derives identically, and batch fingerprints for reports.
 *
 * Round `r` covers blocks `[r * roundLength, (r + 1) * roundLength)`. Its seed is
 * `sha256("arena/round-seed/v1" ++ hash(block r * roundLength) ++ u32le(len(id)) ++ utf8(competitionId) ++ u64le(r))`,
 * so all validators that see the same chain draw the same batch, and nobody can know it before the
 * round's first block exists.
 */
import { createHash } from 'node:crypto';
import { endianness } from 'node:os';

const SEED_DOMAIN = 'arena/round-seed/v1';

/** The round a block belongs to. */
export function roundIdAt(block: number, roundLengthBlocks: number): number {
  if (!Number.isInteger(roundLengthBlocks) || roundLengthBlocks < 1) {
    throw new RangeError(`expected roundLengthBlocks to be a positive integer, found ${roundLengthBlocks}`);
  }
  return Math.floor(block / roundLengthBlocks);
}

/** The block whose hash seeds round `roundId`: its first block. */
export function seedBlockOf(roundId: number, roundLengthBlocks: number): number {
  return roundId * roundLengthBlocks;
}

function hexToBytes(hex: string): Buffer {
  const body = hex.startsWith('0x') ? hex.slice(2) : hex;
  if (body.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(body)) throw new TypeError(`expected a hex block hash, found ${JSON.stringify(hex)}`);
  return Buffer.from(body, 'hex');
}

/** The round seed as 0x-hex (32 bytes). */
export function deriveRoundSeed(blockHash: string, competitionId: string, roundId: number): string {
  const id = Buffer.from(competitionId, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(id.length);
  const round = Buffer.alloc(8);
  round.writeBigUInt64LE(BigInt(roundId));
  const h = createHash('sha256').update(SEED_DOMAIN).update(hexToBytes(blockHash)).update(len).update(id).update(round);
  return `0x${h.digest('hex')}`;
}

/** The first 4 bytes of a hex seed as an unsigned 32-bit integer (for RNGs that take a number). */
export function seedToU32(seed: string): number {
  return hexToBytes(seed).readUInt32LE(0);
}

/** sha256 of a float32 tensor's little-endian bytes, 0x-hex: identifies the batch in reports. */
export function batchHash(data: Float32Array): string {
  let bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (endianness() === 'BE') {
    bytes = Buffer.alloc(data.byteLength);
    data.forEach((v, i) => bytes.writeFloatLE(v, i * 4));
  }
  return `0x${createHash('sha256').update(bytes).digest('hex')}`;
}
