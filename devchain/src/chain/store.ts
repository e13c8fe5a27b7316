/**
 * Persistence on an abstract-level store (classic-level on disk, memory-level for --tmp).
 * Layout (all keys binary):
 *   'c' ++ storageKey                 -> value          current state (loaded at start)
 *   'v' ++ storageKey ++ u32be(n)     -> 0x01 ++ value | 0x00 (deleted)   state history
 *   'b' ++ u32be(n)                   -> SCALE StoredBlock
 *   'h' ++ blockHash                  -> u32be(n)
 *   'm' ++ 'head'                     -> u32be(n)
 * One block = one atomic batch.
 */
import { ClassicLevel } from 'classic-level';
import { MemoryLevel } from 'memory-level';
import type { AbstractLevel } from 'abstract-level';
import { hexToU8a, u8aToHex, u8aConcat } from '@polkadot/util';
import { T, vec } from '../scale/types.ts';
import { encode, decode } from '../scale/codec.ts';
import { Bytes, U8_32 } from '../frame/common-types.ts';

type DB = AbstractLevel<Uint8Array | Buffer, Uint8Array, Uint8Array>;

export interface StoredBlock {
  hash: Uint8Array;
  header: Uint8Array;
  extrinsics: Uint8Array[];
}
const StoredBlockType = T.struct('arena::StoredBlock', { hash: U8_32, header: Bytes, extrinsics: vec(Bytes) });

const tag = (c: string, ...rest: Uint8Array[]): Uint8Array => u8aConcat(Uint8Array.of(c.charCodeAt(0)), ...rest);
const be32 = (n: number): Uint8Array => {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n, false);
  return b;
};
const readBe32 = (b: Uint8Array, off = 0): number => new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(off, false);
const HEAD = tag('m', new TextEncoder().encode('head'));

/** A store that does not open names its directory; a held LevelDB lock means another devchain uses it. */
function openError(dir: string | null, err: unknown): Error {
  const cause = (err as { cause?: { code?: string } }).cause;
  const why =
    cause?.code === 'LEVEL_LOCKED'
      ? 'its lock is held (a devchain already runs on it; stop that one or pick another --data-dir)'
      : err instanceof Error
        ? `${err.message}${cause instanceof Error ? `: ${cause.message}` : ''}`
        : String(err);
  return new Error(`cannot open the block store in ${dir ?? 'memory'}: ${why}`, { cause: err });
}

export class ChainStore {
  private constructor(private readonly db: DB) {}

  /** Opens the store in `dir`, or in memory when `dir` is null. */
  static async open(dir: string | null): Promise<ChainStore> {
    const opts = { keyEncoding: 'view', valueEncoding: 'view' } as const;
    const db = (dir === null
      ? new MemoryLevel<Uint8Array, Uint8Array>(opts)
      : new ClassicLevel<Uint8Array, Uint8Array>(dir, opts)) as unknown as DB;
    try {
      await db.open();
    } catch (err: unknown) {
      throw openError(dir, err);
    }
    return new ChainStore(db);
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  async headNumber(): Promise<number | null> {
    const v = await this.db.get(HEAD);
    return v === undefined ? null : readBe32(v);
  }

  /** The current state (hex key -> value). */
  async loadState(): Promise<Map<string, Uint8Array>> {
    const out = new Map<string, Uint8Array>();
    for await (const [k, v] of this.db.iterator({ gt: tag('c'), lt: tag('d') })) out.set(u8aToHex(k.subarray(1)), v);
    return out;
  }

  async block(n: number): Promise<StoredBlock | null> {
    const v = await this.db.get(tag('b', be32(n)));
    return v === undefined ? null : decode<StoredBlock>(StoredBlockType, v);
  }

  async numberOf(hash: Uint8Array): Promise<number | null> {
    const v = await this.db.get(tag('h', hash));
    return v === undefined ? null : readBe32(v);
  }

  /** Writes block `n` and its state changes atomically. */
  async writeBlock(n: number, block: StoredBlock, changes: Map<string, Uint8Array | null>): Promise<void> {
    const batch = this.db.batch();
    for (const [hex, value] of changes) {
      const key = hexToU8a(hex);
      if (value === null) {
        batch.del(tag('c', key));
        batch.put(tag('v', key, be32(n)), Uint8Array.of(0));
      } else {
        batch.put(tag('c', key), value);
        batch.put(tag('v', key, be32(n)), u8aConcat(Uint8Array.of(1), value));
      }
    }
    batch.put(tag('b', be32(n)), encode(StoredBlockType, block));
    batch.put(tag('h', block.hash), be32(n));
    batch.put(HEAD, be32(n));
    await batch.write();
  }

  /** Value of `key` at block `n` (latest version <= n). */
  async valueAt(hexKey: string, n: number): Promise<Uint8Array | undefined> {
    const key = hexToU8a(hexKey);
    const lo = tag('v', key);
    for await (const [k, v] of this.db.iterator({ gte: lo, lte: tag('v', key, be32(n)), reverse: true })) {
      if (k.length !== key.length + 5) continue; // a longer key that shares this prefix
      return v[0] === 1 ? v.subarray(1) : undefined;
    }
    return undefined;
  }

  /** All keys with `prefix` that exist at block `n`, sorted. */
  async keysAt(hexPrefix: string, n: number): Promise<string[]> {
    const prefix = hexToU8a(hexPrefix);
    const latest = new Map<string, { n: number; live: boolean }>();
    const upper = u8aConcat(prefix, new Uint8Array(64).fill(0xff));
    for await (const [k, v] of this.db.iterator({ gte: tag('v', prefix), lte: tag('v', upper) })) {
      const bn = readBe32(k, k.length - 4);
      if (bn > n) continue;
      const hex = u8aToHex(k.subarray(1, k.length - 4));
      if (!hex.startsWith(hexPrefix)) continue;
      const prev = latest.get(hex);
      if (!prev || prev.n < bn) latest.set(hex, { n: bn, live: v[0] === 1 });
    }
    return [...latest]
      .filter(([, x]) => x.live)
      .map(([k]) => k)
      .sort();
  }
}
