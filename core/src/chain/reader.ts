/**
 * The project's one chain reader: SubtensorModule storage and runtime APIs of any subtensor-compatible
 * chain (the devchain, a local node, testnet, mainnet) at a block hash or the best block. Everything
 * outside core reads the chain through this file and `subnet-reads.ts`. Browser-safe: the dashboard
 * bundles it (no node: imports here or in what it imports).
 */
import type {} from '#substrate-types/augment';
import type { ApiPromise } from '@polkadot/api';
import type { ApiDecoration, QueryableStorageEntry } from '@polkadot/api/types';
import type { HexString } from '@polkadot/util/types';
import { ChainError } from '../errors.ts';

/** A resolved block: its hash and number. */
export interface BlockAt {
  hash: HexString;
  number: number;
}

/** Which block to read: a number, a hash, or undefined for the best block. */
export type BlockRef = number | string | undefined;

type Decorated = ApiDecoration<'promise'>;
/** `api.query.subtensorModule` as typed by the substrate-types augmentation. */
export type SubtensorQuery = Decorated['query']['subtensorModule'];
/** Storage item names of SubtensorModule (camelCase, as polkadot.js decorates them). */
export type SubtensorItem = Extract<keyof SubtensorQuery, string>;
type Entry = QueryableStorageEntry<'promise'>;
type RuntimeFn = (...args: unknown[]) => Promise<unknown>;

/** Resolves a block number, hash or the best block to `{ hash, number }`; `CHAIN_BLOCK_NOT_FOUND` when unknown. */
export async function resolveBlock(api: ApiPromise, at?: BlockRef): Promise<BlockAt> {
  if (typeof at === 'string') {
    const header = await api.rpc.chain.getHeader(at).catch(() => undefined);
    if (header === undefined) throw new ChainError('CHAIN_BLOCK_NOT_FOUND', `expected a known block hash, found ${at}`);
    return { hash: at as HexString, number: header.number.toNumber() };
  }
  const best = await api.rpc.chain.getHeader();
  if (at === undefined) return { hash: best.hash.toHex(), number: best.number.toNumber() };
  const bestNumber = best.number.toNumber();
  if (!Number.isInteger(at) || at < 0 || at > bestNumber) {
    throw new ChainError('CHAIN_BLOCK_NOT_FOUND', `expected a block number in [0, ${bestNumber}] (the best block), found ${at}`);
  }
  const hash = (await api.rpc.chain.getBlockHash(at)).toHex();
  if (/^0x0+$/.test(hash)) throw new ChainError('CHAIN_BLOCK_NOT_FOUND', `block ${at} is not known to the node (pruned?)`);
  return { hash, number: at };
}

function itemTitle(name: string): string {
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

/** SubtensorModule storage and runtime APIs as they were at one block. */
export class SubtensorAt {
  /** The block read. */
  readonly block: BlockAt;
  readonly #at: Decorated;

  constructor(block: BlockAt, decorated: Decorated) {
    this.block = block;
    this.#at = decorated;
  }

  /** True when this chain (at this block) has the storage item. */
  has(name: SubtensorItem): boolean {
    return this.maybe(name) !== undefined;
  }

  /** The storage item, or undefined when this chain has no such item (older or other runtimes). */
  maybe<K extends SubtensorItem>(name: K): SubtensorQuery[K] | undefined {
    const module = this.#at.query.subtensorModule as SubtensorQuery | undefined;
    return module?.[name] as SubtensorQuery[K] | undefined;
  }

  /** The storage item, or `CHAIN_UNSUPPORTED` naming what this chain lacks. */
  need<K extends SubtensorItem>(name: K): SubtensorQuery[K] {
    const entry = this.maybe(name);
    if (entry !== undefined) return entry;
    const what =
      this.#at.query.subtensorModule === undefined ? 'no SubtensorModule pallet' : `no SubtensorModule.${itemTitle(name)} storage`;
    throw new ChainError('CHAIN_UNSUPPORTED', `expected a subtensor-compatible chain, found ${what} at block ${this.block.number}`);
  }

  /** A generic storage entry by name (for reads whose item name is computed). */
  entry(name: string): Entry | undefined {
    return (this.#at.query.subtensorModule as Record<string, Entry> | undefined)?.[name];
  }

  /** A runtime API method (`neuronInfoRuntimeApi.getNeuronsLite`, ...), or undefined when the chain does not expose it. */
  runtime(section: string, method: string): RuntimeFn | undefined {
    const calls = this.#at.call as unknown as Record<string, Record<string, RuntimeFn | undefined> | undefined>;
    return calls[section]?.[method];
  }

  /** Another pallet's storage item (e.g. `system.account`), or undefined. */
  palletEntry(pallet: string, name: string): Entry | undefined {
    return (this.#at.query as unknown as Record<string, Record<string, Entry> | undefined>)[pallet]?.[name];
  }
}

/** The chain's SubtensorModule at `at` (number, hash, or the best block when undefined). */
export async function subtensorAt(api: ApiPromise, at?: BlockRef): Promise<SubtensorAt> {
  const block = await resolveBlock(api, at);
  return new SubtensorAt(block, await api.at(block.hash));
}
