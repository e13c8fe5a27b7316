/**
 * Reads a subnet from any subtensor-compatible chain through `@polkadot/api`, using only the standard
 * SubtensorModule storage names (subtensor-api.md §4), at the best block or at a past block hash.
 * Browser-safe: the dashboard bundles this file and runs it in the page.
 */
import type { ApiPromise } from '@polkadot/api';
import type { ApiDecoration, QueryableStorageEntry } from '@polkadot/api/types';
import type { Codec } from '@polkadot/types/types';
import { axonText, nextEpochBlock, type NeuronState, type SubnetSnapshot } from './model.ts';

/** Why a read failed: no SubtensorModule, unknown block or subnet, or undecodable data. */
export type ReadErrorCode = 'CHAIN_UNSUPPORTED' | 'BLOCK_NOT_FOUND' | 'SUBNET_NOT_FOUND' | 'CHAIN_DECODE';

/** A read failure with a message that says what was expected and what was found. */
export class LeaderboardReadError extends Error {
  readonly code: ReadErrorCode;
  constructor(code: ReadErrorCode, message: string) {
    super(message);
    this.name = 'LeaderboardReadError';
    this.code = code;
  }
}

type Decorated = ApiDecoration<'promise'>;
type Entry = QueryableStorageEntry<'promise'>;

/** `SubtensorModule.<name>` at `apiAt`, or undefined when this chain has no such item. */
function maybe(apiAt: Decorated, name: string): Entry | undefined {
  return apiAt.query.subtensorModule?.[name];
}

function need(apiAt: Decorated, name: string, block?: number): Entry {
  const entry = maybe(apiAt, name);
  if (entry === undefined) {
    const what = apiAt.query.subtensorModule === undefined ? 'no SubtensorModule pallet' : `no SubtensorModule.${name.charAt(0).toUpperCase()}${name.slice(1)} storage`;
    throw new LeaderboardReadError('CHAIN_UNSUPPORTED', `expected a subtensor-compatible chain, found ${what}${block === undefined ? '' : ` at block ${block}`}`);
  }
  return entry;
}

/** A codec (or plain value) as bigint. */
export function big(c: unknown): bigint {
  const v = (c as { toBigInt?: () => bigint } | null)?.toBigInt?.();
  if (v !== undefined) return v;
  const p = (c as Codec | null)?.toPrimitive?.() ?? c;
  if (typeof p === 'number' || typeof p === 'bigint') return BigInt(p);
  if (typeof p === 'string' && /^(0x[0-9a-f]+|\d+)$/i.test(p)) return BigInt(p);
  throw new LeaderboardReadError('CHAIN_DECODE', `expected an integer value, found ${JSON.stringify(p)}`);
}

const num = (c: unknown): number => Number(big(c));

function list(c: unknown): unknown[] {
  if (c === undefined || c === null) return [];
  const inner = (c as { isNone?: boolean; isSome?: boolean; unwrap?: () => unknown });
  if (inner.isNone === true) return [];
  const value = inner.isSome === true && inner.unwrap !== undefined ? inner.unwrap() : c;
  return [...(value as Iterable<unknown>)];
}

const nums = (c: unknown): number[] => list(c).map(num);
const bigs = (c: unknown): bigint[] => list(c).map(big);
const bools = (c: unknown): boolean[] => list(c).map((x) => (x as Codec).toPrimitive?.() === true || x === true);

function unwrapOption(c: unknown): unknown {
  const o = c as { isNone?: boolean; isSome?: boolean; unwrap?: () => unknown };
  if (o.isNone === true) return undefined;
  if (o.isSome === true && o.unwrap !== undefined) return o.unwrap();
  return c;
}

function axonOf(c: unknown): string | null {
  const s = unwrapOption(c) as Record<string, unknown> | undefined;
  if (s === undefined) return null;
  try {
    return axonText(big(s.ip), num(s.ipType ?? s.ip_type), num(s.port));
  } catch {
    return null;
  }
}

/** Resolves a block number (or hash, or undefined = best block) to `{ hash, number }`. */
export async function resolveBlock(api: ApiPromise, at?: number | string): Promise<{ hash: string; number: number }> {
  if (typeof at === 'string') {
    const header = await api.rpc.chain.getHeader(at).catch(() => undefined);
    if (header === undefined) throw new LeaderboardReadError('BLOCK_NOT_FOUND', `expected a known block hash, found ${at}`);
    return { hash: at, number: header.number.toNumber() };
  }
  if (at === undefined) {
    const header = await api.rpc.chain.getHeader();
    return { hash: header.hash.toHex(), number: header.number.toNumber() };
  }
  const best = (await api.rpc.chain.getHeader()).number.toNumber();
  if (!Number.isInteger(at) || at < 0 || at > best) {
    throw new LeaderboardReadError('BLOCK_NOT_FOUND', `expected a block number in [0, ${best}] (the best block), found ${at}`);
  }
  const hash = (await api.rpc.chain.getBlockHash(at)).toHex();
  if (/^0x0+$/.test(hash)) throw new LeaderboardReadError('BLOCK_NOT_FOUND', `block ${at} is not known to the node (pruned?)`);
  return { hash, number: at };
}

/** Reads `netuid` at `at` (block number or hash; default the best block). */
export async function readSubnet(api: ApiPromise, netuid: number, at?: number | string): Promise<SubnetSnapshot> {
  const { hash, number: block } = await resolveBlock(api, at);
  const apiAt = await api.at(hash);
  const q = (name: string): Entry => need(apiAt, name, block);
  const added = maybe(apiAt, 'networksAdded');
  if (added !== undefined && (await added(netuid)).toPrimitive() !== true) {
    throw new LeaderboardReadError('SUBNET_NOT_FOUND', `expected subnet ${netuid} to exist at block ${block}, found no such subnet (NetworksAdded is false)`);
  }
  const [nC, tempoC, keyEntries] = await Promise.all([q('subnetworkN')(netuid), q('tempo')(netuid), q('keys').entries(netuid)]);
  const n = num(nC);
  const tempo = num(tempoC);
  const byUid = new Map(keyEntries.map(([k, v]) => [num(k.args[1]), v.toString()] as const));
  const uids = Array.from({ length: n }, (_, i) => i).filter((uid) => byUid.has(uid));
  const hotkeys = uids.map((uid) => byUid.get(uid) ?? '');
  const stakeEntry = maybe(apiAt, 'totalHotkeyAlpha');
  const legacyStake = maybe(apiAt, 'totalHotkeyStake');
  const lastEpoch = maybe(apiAt, 'lastEpochBlock');
  const pending = maybe(apiAt, 'pendingEpochAt');
  const [owners, axons, stakes, regs, vectors, lastEpochC, pendingC] = await Promise.all([
    hotkeys.length === 0 ? [] : q('owner').multi(hotkeys),
    hotkeys.length === 0 ? [] : q('axons').multi(hotkeys.map((h) => [netuid, h])),
    hotkeys.length === 0 ? [] : stakeEntry !== undefined ? stakeEntry.multi(hotkeys.map((h) => [h, netuid]))
      : legacyStake !== undefined ? legacyStake.multi(hotkeys) : Promise.resolve(hotkeys.map(() => 0n)),
    hotkeys.length === 0 ? [] : q('blockAtRegistration').multi(uids.map((uid) => [netuid, uid])),
    Promise.all(['incentive', 'emission', 'dividends', 'consensus', 'validatorTrust', 'validatorPermit', 'lastUpdate', 'active']
      .map((name) => q(name)(netuid))),
    lastEpoch === undefined ? undefined : lastEpoch(netuid),
    pending === undefined ? undefined : pending(netuid),
  ]);
  const [incentiveC, emissionC, dividendsC, consensusC, vtrustC, permitC, lastUpdateC, activeC] = vectors;
  const incentive = nums(incentiveC); const emission = bigs(emissionC); const dividends = nums(dividendsC);
  const consensus = nums(consensusC); const vtrust = nums(vtrustC); const permit = bools(permitC);
  const lastUpdate = nums(lastUpdateC); const active = bools(activeC);
  const neurons = uids.map((uid, i): NeuronState => ({
    uid,
    hotkey: hotkeys[i] ?? '',
    coldkey: String(owners[i] ?? ''),
    active: active[uid] ?? false,
    validatorPermit: permit[uid] ?? false,
    incentive: incentive[uid] ?? 0,
    emissionRao: emission[uid] ?? 0n,
    dividends: dividends[uid] ?? 0,
    consensus: consensus[uid] ?? 0,
    validatorTrust: vtrust[uid] ?? 0,
    stakeRao: big(stakes[i] ?? 0n),
    lastUpdate: lastUpdate[uid] ?? 0,
    blockAtRegistration: num(regs[i] ?? 0),
    axon: axonOf(axons[i]),
  }));
  return {
    netuid, block, blockHash: hash, tempo, n, neurons,
    nextEpochBlock: nextEpochBlock({
      block, netuid, tempo,
      lastEpochBlock: lastEpochC === undefined ? null : num(lastEpochC),
      pendingEpochAt: pendingC === undefined ? null : num(pendingC),
    }),
  };
}

/** Per-uid incentive (u16) and emission (rao) at one block: what the dashboard's history charts plot. */
export interface VectorPoint {
  block: number;
  blockHash: string;
  incentive: number[];
  emissionRao: bigint[];
}

/** Reads the incentive and emission vectors of `netuid` at block hash `hash` (2 storage reads). */
export async function readVectorsAt(api: ApiPromise, netuid: number, hash: string, block: number): Promise<VectorPoint> {
  const apiAt = await api.at(hash);
  const [inc, em] = await Promise.all([need(apiAt, 'incentive', block)(netuid), need(apiAt, 'emission', block)(netuid)]);
  return { block, blockHash: hash, incentive: nums(inc), emissionRao: bigs(em) };
}

/** Weight rows set by validators: `weights[i] = [uid, [[dest, w], ...]]`, raw u16 (max-upscaled). */
export type WeightRows = [number, [number, number][]][];

/** Reads `SubtensorModule.Weights` of `netuid` (all rows, sorted by uid) at block hash `hash` (default best). */
export async function readWeights(api: ApiPromise, netuid: number, hash?: string): Promise<WeightRows> {
  const h = hash ?? (await api.rpc.chain.getHeader()).hash.toHex();
  const apiAt = await api.at(h);
  const entries = await need(apiAt, 'weights').entries(netuid);
  const rows: WeightRows = entries.map(([k, v]) => [
    num(k.args[1]),
    list(v).map((pair) => {
      const [dest, w] = [...(pair as Iterable<unknown>)];
      return [num(dest), num(w)] as [number, number];
    }),
  ]);
  return rows.filter(([, ws]) => ws.length > 0).sort((a, b) => a[0] - b[0]);
}

/**
 * The same neurons through the runtime API `NeuronInfoRuntimeApi.get_neurons_lite` (decorated from the
 * chain's metadata V15), at block `at` (default best). `blockAtRegistration` is not part of
 * `NeuronInfoLite` and is 0 here. Undefined when the chain does not expose the API.
 */
export async function readNeuronsLite(api: ApiPromise, netuid: number, at?: number | string): Promise<NeuronState[] | undefined> {
  const { hash } = await resolveBlock(api, at);
  const apiAt = await api.at(hash);
  const fn = (apiAt.call as unknown as Record<string, Record<string, ((netuid: number) => Promise<unknown>) | undefined> | undefined>)
    .neuronInfoRuntimeApi?.getNeuronsLite;
  if (fn === undefined) return undefined;
  return list(await fn(netuid)).map((raw): NeuronState => {
    const n = raw as Record<string, unknown>;
    const stake = list(n.stake).reduce<bigint>((acc, pair) => acc + big([...(pair as Iterable<unknown>)][1]), 0n);
    return {
      uid: num(n.uid), hotkey: String(n.hotkey), coldkey: String(n.coldkey),
      active: (n.active as Codec).toPrimitive() === true, validatorPermit: (n.validatorPermit as Codec).toPrimitive() === true,
      incentive: num(n.incentive), emissionRao: big(n.emission), dividends: num(n.dividends), consensus: num(n.consensus),
      validatorTrust: num(n.validatorTrust), stakeRao: stake, lastUpdate: num(n.lastUpdate), blockAtRegistration: 0,
      axon: axonOf(n.axonInfo),
    };
  });
}
