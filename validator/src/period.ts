/**
 * Competition periods: commit before, reveal after. Each period has a fresh 32-byte secret and salt;
 * every round's batch seed is H(secret, competition, period, round), so no miner can compute it. Before
 * the period's first round the validator puts `periodCommitment(...)` on chain (pallet Commitments); at
 * the end it publishes a `PeriodReveal` (secret, salt, data hash, round range, commitment block) with
 * which anyone regenerates every round and re-scores it. Pure functions and the reveal's shape live here.
 */
import { createHash, randomBytes } from 'node:crypto';
import { errorMessage } from '#core';
import { decodeAddress } from '@polkadot/util-crypto';

const COMMIT_DOMAIN = 'arena/period-commitment/v1';
const SEED_DOMAIN = 'arena/secret-round-seed/v1';

/** A period as the validator keeps it (secret material in hex, no 0x). */
export interface PeriodSecret {
  index: number;
  secret: string;
  salt: string;
  /** sha256 of the held-out data description (see `heldOutDataHash`), hex. */
  dataHash: string;
  /** The commitment put on chain, hex. */
  commitment: string;
  /** Block the commitment was included in; undefined until then. */
  commitBlock?: number;
  commitBlockHash?: string;
  /** First and last round scored in this period (undefined before the first). */
  firstRound?: number;
  lastRound?: number;
}

/** What the validator publishes at the end of a period (`<data-dir>/reveals/period-<n>.json`, HTTP `/reveals/<n>`). */
export interface PeriodReveal {
  version: 1;
  netuid: number;
  validatorHotkey: string;
  competitionId: string;
  period: number;
  secret: string;
  salt: string;
  dataHash: string;
  commitment: string;
  commitBlock: number;
  commitBlockHash: string;
  /** Rounds scored in this period, inclusive; null when none was. */
  firstRound: number | null;
  lastRound: number | null;
  roundLengthBlocks: number;
  revealedAt: string;
}

const u16 = (n: number): Buffer => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};
const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};
const hex32 = (h: string, what: string): Buffer => {
  if (!/^[0-9a-f]{64}$/.test(h))
    throw new TypeError(`expected ${what} as 64 lower-case hex digits, found ${JSON.stringify(h.slice(0, 80))}`);
  return Buffer.from(h, 'hex');
};

/**
 * The commitment of a period: sha256(domain ‖ u16 netuid ‖ validator public key ‖ u32 len ‖ competition id ‖
 * u32 period ‖ secret ‖ salt ‖ dataHash), hex. Binds who, where, which period and which data.
 */
export function periodCommitment(p: {
  netuid: number;
  validatorHotkey: string;
  competitionId: string;
  period: number;
  secret: string;
  salt: string;
  dataHash: string;
}): string {
  const id = Buffer.from(p.competitionId, 'utf8');
  return createHash('sha256')
    .update(COMMIT_DOMAIN)
    .update(u16(p.netuid))
    .update(decodeAddress(p.validatorHotkey))
    .update(u32(id.length))
    .update(id)
    .update(u32(p.period))
    .update(hex32(p.secret, 'secret'))
    .update(hex32(p.salt, 'salt'))
    .update(hex32(p.dataHash, 'dataHash'))
    .digest('hex');
}

/** The round seed from the period secret: H(domain ‖ secret ‖ len ‖ competition ‖ u32 period ‖ u64 round), 0x-hex. */
export function deriveSecretRoundSeed(secret: string, competitionId: string, period: number, roundId: number): string {
  const id = Buffer.from(competitionId, 'utf8');
  const round = Buffer.alloc(8);
  round.writeBigUInt64LE(BigInt(roundId));
  return `0x${createHash('sha256').update(SEED_DOMAIN).update(hex32(secret, 'secret')).update(u32(id.length)).update(id).update(u32(period)).update(round).digest('hex')}`;
}

/** sha256 of a description of the held-out data (the generator version, or a private file's bytes), hex. */
export function heldOutDataHash(description: string | Uint8Array): string {
  return createHash('sha256').update(description).digest('hex');
}

/** A fresh period: new secret and salt, and its commitment. */
export function newPeriod(
  index: number,
  ctx: { netuid: number; validatorHotkey: string; competitionId: string; dataHash: string },
): PeriodSecret {
  const secret = randomBytes(32).toString('hex');
  const salt = randomBytes(32).toString('hex');
  return { index, secret, salt, dataHash: ctx.dataHash, commitment: periodCommitment({ ...ctx, period: index, secret, salt }) };
}

/** The reveal of a committed period. */
export function revealOf(
  p: PeriodSecret,
  ctx: { netuid: number; validatorHotkey: string; competitionId: string; roundLengthBlocks: number },
  now = new Date(),
): PeriodReveal {
  if (p.commitBlock === undefined || p.commitBlockHash === undefined)
    throw new Error(`expected period ${p.index} to be committed before it is revealed`);
  return {
    version: 1,
    netuid: ctx.netuid,
    validatorHotkey: ctx.validatorHotkey,
    competitionId: ctx.competitionId,
    period: p.index,
    secret: p.secret,
    salt: p.salt,
    dataHash: p.dataHash,
    commitment: p.commitment,
    commitBlock: p.commitBlock,
    commitBlockHash: p.commitBlockHash,
    firstRound: p.firstRound ?? null,
    lastRound: p.lastRound ?? null,
    roundLengthBlocks: ctx.roundLengthBlocks,
    revealedAt: now.toISOString(),
  };
}

/** The reveal file name of a period. */
export function revealFileName(period: number): string {
  return `period-${period}.json`;
}

/** Parses a reveal; throws naming the first field that is wrong. */
export function parseReveal(text: string, where: string): PeriodReveal {
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(text) as Record<string, unknown>;
  } catch (err: unknown) {
    throw new Error(`${where}: expected a period reveal (JSON), ${errorMessage(err)}`);
  }
  const need = (k: string, ok: (x: unknown) => boolean, what: string): void => {
    if (!ok(v[k])) throw new Error(`${where}: expected ${k} to be ${what}, found ${JSON.stringify(v[k])}`);
  };
  const hex = (x: unknown): boolean => typeof x === 'string' && /^[0-9a-f]{64}$/.test(x);
  const int = (x: unknown): boolean => Number.isInteger(x) && (x as number) >= 0;
  if (typeof v !== 'object' || v === null || v.version !== 1) throw new Error(`${where}: expected a period reveal { version: 1, ... }`);
  need('netuid', int, 'an integer');
  need('validatorHotkey', (x) => typeof x === 'string', 'an SS58 address');
  need('competitionId', (x) => typeof x === 'string', 'a string');
  need('period', int, 'an integer');
  for (const k of ['secret', 'salt', 'dataHash', 'commitment']) need(k, hex, '64 lower-case hex digits');
  need('commitBlock', int, 'a block number');
  need('commitBlockHash', (x) => typeof x === 'string' && /^0x[0-9a-f]{64}$/.test(x), 'a 0x block hash');
  need('firstRound', (x) => x === null || int(x), 'a round id or null');
  need('lastRound', (x) => x === null || int(x), 'a round id or null');
  need('roundLengthBlocks', (x) => int(x) && (x as number) > 0, 'a positive integer');
  return v as unknown as PeriodReveal;
}
