/**
 * `MetagraphWatcher`: refreshes the metagraph on new blocks and swaps the snapshot atomically; readers
 * always see one complete snapshot and can check its age.
 */
import type { ApiPromise } from '@polkadot/api';
import type { HexString } from '@polkadot/util/types';
import type { Logger } from 'pino';
import { silentLogger } from '../logger.ts';
import { fetchMetagraph, type Metagraph } from './metagraph.ts';

/** A new-head subscription: calls `onHead` per block, resolves to an unsubscribe function. */
export type HeadSource = (onHead: (head: { number: number; hash: HexString }) => void) => Promise<() => void>;

/** Options of `MetagraphWatcher`. */
export interface MetagraphWatcherOptions {
  netuid: number;
  /** New-head source; `headsFromApi(api)` for a real chain. */
  heads: HeadSource;
  /** Reads a snapshot at a block hash; `(hash) => fetchMetagraph(api, netuid, hash)` for a real chain. */
  fetch: (blockHash: HexString) => Promise<Metagraph>;
  /** Refresh at most every this many blocks; default 1. */
  everyBlocks?: number;
  logger?: Logger;
  /** Clock for ages, ms; default `Date.now`. */
  now?: () => number;
}

/** New heads of a real chain (`chain_subscribeNewHeads`); the hash is computed from the header. */
export function headsFromApi(api: ApiPromise): HeadSource {
  return async (onHead) =>
    api.rpc.chain.subscribeNewHeads((header) => {
      onHead({ number: header.number.toNumber(), hash: header.hash.toHex() });
    });
}

/** Builds a watcher for `netuid` on a real chain. */
export function watchMetagraph(api: ApiPromise, netuid: number, options: { everyBlocks?: number; logger?: Logger } = {}): MetagraphWatcher {
  return new MetagraphWatcher({ netuid, heads: headsFromApi(api), fetch: (hash) => fetchMetagraph(api, netuid, hash), ...options });
}

/** Keeps a fresh metagraph snapshot; refreshes never overlap, failures keep the previous snapshot. */
export class MetagraphWatcher {
  readonly #opts: MetagraphWatcherOptions;
  readonly #log: Logger;
  #snapshot: Metagraph | undefined;
  #fetchedAt = 0;
  #refreshing = false;
  #pending: { number: number; hash: HexString } | undefined;
  #unsubscribe: (() => void) | undefined;
  #lastBlock = -Infinity;
  #waiters: Array<(m: Metagraph) => void> = [];

  constructor(options: MetagraphWatcherOptions) {
    this.#opts = options;
    this.#log = (options.logger ?? silentLogger()).child({ component: 'chain.metagraph', netuid: options.netuid });
  }

  /** The current snapshot (undefined until the first refresh completed). */
  get snapshot(): Metagraph | undefined {
    return this.#snapshot;
  }

  /** Milliseconds since the current snapshot was fetched (Infinity before the first one). */
  get ageMs(): number {
    return this.#snapshot === undefined ? Infinity : (this.#opts.now ?? Date.now)() - this.#fetchedAt;
  }

  /** How many blocks the snapshot is behind `currentBlock`. */
  ageBlocks(currentBlock: number): number {
    return this.#snapshot === undefined ? Infinity : Math.max(0, currentBlock - this.#snapshot.block);
  }

  /** Subscribes to new heads; every `everyBlocks` blocks the snapshot is refreshed. */
  async start(): Promise<void> {
    if (this.#unsubscribe !== undefined) return;
    this.#unsubscribe = await this.#opts.heads((head) => this.#onHead(head));
  }

  /** Resolves with the first snapshot (immediately when one exists). */
  ready(): Promise<Metagraph> {
    if (this.#snapshot !== undefined) return Promise.resolve(this.#snapshot);
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** Unsubscribes; the last snapshot stays readable. */
  stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #onHead(head: { number: number; hash: HexString }): void {
    if (head.number - this.#lastBlock < (this.#opts.everyBlocks ?? 1)) return;
    this.#lastBlock = head.number;
    if (this.#refreshing) {
      this.#pending = head; // only the newest pending head matters
      return;
    }
    void this.#refresh(head);
  }

  async #refresh(head: { number: number; hash: HexString }): Promise<void> {
    this.#refreshing = true;
    const started = (this.#opts.now ?? Date.now)();
    try {
      const next = await this.#opts.fetch(head.hash);
      this.#snapshot = next; // a single reference swap: readers never see a half-built snapshot
      this.#fetchedAt = (this.#opts.now ?? Date.now)();
      this.#log.debug({ block: head.number, durationMs: this.#fetchedAt - started }, 'metagraph refreshed');
      for (const w of this.#waiters.splice(0)) w(next);
    } catch (err: unknown) {
      this.#log.warn({ err, block: head.number }, 'metagraph refresh failed; keeping the previous snapshot');
    } finally {
      this.#refreshing = false;
      const pending = this.#pending;
      this.#pending = undefined;
      if (pending !== undefined && this.#unsubscribe !== undefined) void this.#refresh(pending);
    }
  }
}
