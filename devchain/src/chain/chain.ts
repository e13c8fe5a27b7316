/**
 * The block chain: genesis, the head (with its full state in memory), block and state history
 * (from the store) and the `newBlock` event subscribers listen to.
 */
import { EventEmitter } from 'node:events';
import { blake2AsU8a } from '@polkadot/util-crypto';
import { u8aToHex, hexToU8a } from '@polkadot/util';
import type { Logger } from 'pino';
import { decode, encode } from '../scale/codec.ts';
import { Header } from '../frame/common-types.ts';
import { MapState, Overlay, type ReadState } from '../frame/state.ts';
import type { GenesisConfig, ReadContext } from '../frame/pallet.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { stateRoot, type BuiltBlock, type HeaderValue } from './executor.ts';
import type { ChainStore } from './store.ts';

export interface BlockInfo {
  number: number;
  hash: Uint8Array;
  hashHex: string;
  header: Uint8Array;
  headerValue: HeaderValue;
  extrinsics: Uint8Array[];
}

export class Chain extends EventEmitter<{ block: [BlockInfo, Map<string, Uint8Array | null>] }> {
  private recent = new Map<string, BlockInfo>();
  private byNumber = new Map<number, string>();
  private snapshots = new Map<number, MapState>();

  private constructor(
    readonly store: ChainStore,
    readonly runtime: Runtime,
    readonly headState: MapState,
    public head: BlockInfo,
    readonly genesisHash: Uint8Array,
    _log: Logger,
  ) {
    super();
    this.remember(head);
  }

  /** Opens the chain in `store`, writing genesis when the store is empty. */
  static async open(store: ChainStore, runtime: Runtime, genesis: GenesisConfig, log: Logger): Promise<Chain> {
    let headNumber = await store.headNumber();
    if (headNumber === null) {
      await writeGenesis(store, runtime, genesis);
      headNumber = 0;
    }
    const state = new MapState(await store.loadState());
    const head = await loadBlock(store, headNumber);
    const genesisBlock = await loadBlock(store, 0);
    log.info({ block: head.number, hash: head.hashHex }, 'chain opened');
    const chain = new Chain(store, runtime, state, head, genesisBlock.hash, log);
    chain.remember(genesisBlock);
    return chain;
  }

  get genesisHex(): string {
    return u8aToHex(this.genesisHash);
  }

  /** Commits a built block: store batch first, then the in-memory head. */
  async commit(b: BuiltBlock): Promise<BlockInfo> {
    await this.store.writeBlock(b.number, { hash: b.hash, header: b.header, extrinsics: b.extrinsics }, b.changes);
    this.headState.apply(b.changes);
    const info: BlockInfo = {
      number: b.number,
      hash: b.hash,
      hashHex: u8aToHex(b.hash),
      header: b.header,
      headerValue: b.headerValue,
      extrinsics: b.extrinsics,
    };
    this.head = info;
    this.remember(info);
    this.emit('block', info, b.changes);
    return info;
  }

  private remember(b: BlockInfo): void {
    this.recent.set(b.hashHex, b);
    this.byNumber.set(b.number, b.hashHex);
    if (this.recent.size > 512) {
      const oldest = this.recent.keys().next().value as string;
      const ob = this.recent.get(oldest)!;
      this.recent.delete(oldest);
      if (this.byNumber.get(ob.number) === oldest) this.byNumber.delete(ob.number);
    }
  }

  async blockByNumber(n: number): Promise<BlockInfo | null> {
    if (!Number.isInteger(n) || n < 0 || n > this.head.number) return null;
    const hex = this.byNumber.get(n);
    if (hex) return this.recent.get(hex) ?? null;
    return loadBlock(this.store, n);
  }

  async blockByHash(hashHex: string): Promise<BlockInfo | null> {
    const hit = this.recent.get(hashHex.toLowerCase());
    if (hit) return hit;
    const n = await this.store.numberOf(hexToU8a(hashHex));
    return n === null ? null : loadBlock(this.store, n);
  }

  /** Hash of block `n` when known (used for mortal-era birth blocks). */
  hashOfRecent(n: number): Uint8Array | null {
    const hex = this.byNumber.get(n);
    return hex ? this.recent.get(hex)!.hash : null;
  }

  async valueAt(key: string, block: BlockInfo): Promise<Uint8Array | undefined> {
    return block.number === this.head.number ? this.headState.get(key) : this.store.valueAt(key, block.number);
  }

  async keysAt(prefix: string, block: BlockInfo): Promise<string[]> {
    return block.number === this.head.number ? this.headState.keys(prefix) : this.store.keysAt(prefix, block.number);
  }

  /** A synchronous read state at `block` (old blocks are loaded into a cached snapshot). */
  async stateAt(block: BlockInfo): Promise<ReadState> {
    if (block.number === this.head.number) return this.headState;
    let snap = this.snapshots.get(block.number);
    if (!snap) {
      const map = new Map<string, Uint8Array>();
      for (const k of await this.store.keysAt('0x', block.number)) {
        const v = await this.store.valueAt(k, block.number);
        if (v) map.set(k, v);
      }
      snap = new MapState(map);
      if (this.snapshots.size >= 4) this.snapshots.delete(this.snapshots.keys().next().value as number);
      this.snapshots.set(block.number, snap);
    }
    return snap;
  }

  async readContext(block: BlockInfo): Promise<ReadContext> {
    return { state: await this.stateAt(block), blockNumber: block.number, runtime: this.runtime };
  }
}

async function loadBlock(store: ChainStore, n: number): Promise<BlockInfo> {
  const b = await store.block(n);
  if (!b) throw new Error(`block ${n} is missing from the store`);
  return {
    number: n,
    hash: b.hash,
    hashHex: u8aToHex(b.hash),
    header: b.header,
    headerValue: decode<HeaderValue>(Header, b.header),
    extrinsics: b.extrinsics,
  };
}

async function writeGenesis(store: ChainStore, runtime: Runtime, genesis: GenesisConfig): Promise<void> {
  const overlay = new Overlay(new MapState());
  const events: unknown[] = [];
  for (const p of runtime.pallets) {
    p.hooks?.genesis?.({
      state: overlay,
      blockNumber: 0,
      runtime,
      deposit: (e) => events.push(e),
      palletConfig: genesis.pallets[p.name],
      genesis,
    });
  }
  const changes = overlay.changes();
  const headerValue: HeaderValue = {
    parent_hash: new Uint8Array(32),
    number: 0,
    state_root: stateRoot(new Uint8Array(32), changes),
    extrinsics_root: blake2AsU8a(new Uint8Array(0), 256),
    digest: { logs: [] },
  };
  const header = encode(Header, headerValue);
  await store.writeBlock(0, { hash: blake2AsU8a(header, 256), header, extrinsics: [] }, changes);
}
