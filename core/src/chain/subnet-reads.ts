/**
 * Composite reads of one subnet through `SubtensorAt` (storage names as in subtensor-api.md §4): the
 * neurons, the epoch schedule, weight rows, vectors, the runtime API view, and the single items the
 * miner needs. Each tolerates items that older or other runtimes lack where a default is meaningful.
 * Browser-safe.
 */
import { ChainError } from '../errors.ts';
import {
  codecBigInts,
  codecBool,
  codecBools,
  codecList,
  codecNumbers,
  codecToBigInt,
  codecToNumber,
  field,
  unwrapOption,
} from './codec.ts';
import type { RawAxon } from './metagraph.ts';
import type { SubtensorAt } from './reader.ts';

/** One registered neuron as stored; u16 proportions raw (divide by 65535). */
export interface NeuronRecord {
  uid: number;
  hotkey: string;
  coldkey: string;
  /** Undefined when never served. */
  axon: RawAxon | undefined;
  /** Total stake on the hotkey on this subnet (TotalHotkeyAlpha; legacy TotalHotkeyStake), rao. */
  stakeRao: bigint;
  blockAtRegistration: number;
  incentive: number;
  emissionRao: bigint;
  dividends: number;
  consensus: number;
  validatorTrust: number;
  validatorPermit: boolean;
  lastUpdate: number;
  active: boolean;
}

/** `AxonInfo` (or an `Option` of it) as stored; undefined when None. */
export function rawAxon(c: unknown): RawAxon | undefined {
  const s = unwrapOption(c);
  if (s === undefined) return undefined;
  const num = (name: string): number => codecToNumber(field(s, name) ?? 0);
  return {
    block: codecToBigInt(field(s, 'block') ?? 0),
    version: num('version'),
    ip: codecToBigInt(field(s, 'ip') ?? 0),
    port: num('port'),
    ipType: num('ipType'),
    protocol: num('protocol'),
  };
}

/** Whether subnet `netuid` exists (NetworksAdded; true when the chain lacks the item). */
export async function readSubnetExists(s: SubtensorAt, netuid: number): Promise<boolean> {
  const added = s.maybe('networksAdded');
  return added === undefined ? true : codecBool(await added(netuid));
}

/** `CHAIN_SUBNET_NOT_FOUND` unless subnet `netuid` exists at the block read. */
export async function requireSubnet(s: SubtensorAt, netuid: number): Promise<void> {
  if (await readSubnetExists(s, netuid)) return;
  throw new ChainError(
    'CHAIN_SUBNET_NOT_FOUND',
    `expected subnet ${netuid} to exist at block ${s.block.number}, found no such subnet (NetworksAdded is false)`,
  );
}

const VECTORS = ['incentive', 'emission', 'dividends', 'consensus', 'validatorTrust', 'validatorPermit', 'lastUpdate', 'active'] as const;

async function stakesOf(s: SubtensorAt, netuid: number, hotkeys: readonly string[]): Promise<bigint[]> {
  const alpha = s.maybe('totalHotkeyAlpha');
  if (alpha !== undefined) return (await alpha.multi(hotkeys.map((h) => [h, netuid]))).map(codecToBigInt);
  const legacy = s.entry('totalHotkeyStake');
  if (legacy !== undefined) return (await legacy.multi([...hotkeys])).map(codecToBigInt);
  return hotkeys.map(() => 0n);
}

/** `SubnetworkN` and every uid below it that has a `Keys` entry, with its per-uid storage. */
export async function readNeurons(s: SubtensorAt, netuid: number): Promise<{ n: number; neurons: NeuronRecord[] }> {
  const [nC, keyEntries] = await Promise.all([s.need('subnetworkN')(netuid), s.need('keys').entries(netuid)]);
  const n = codecToNumber(nC);
  const byUid = new Map(keyEntries.map(([k, v]) => [codecToNumber(k.args[1]), v.toString()] as const));
  const uids = Array.from({ length: n }, (_, i) => i).filter((uid) => byUid.has(uid));
  const hotkeys = uids.map((uid) => byUid.get(uid) ?? '');
  if (hotkeys.length === 0) return { n, neurons: [] };
  const [owners, axons, stakes, regs, vectors] = await Promise.all([
    s.need('owner').multi(hotkeys),
    s.need('axons').multi(hotkeys.map((h) => [netuid, h])),
    stakesOf(s, netuid, hotkeys),
    s.need('blockAtRegistration').multi(uids.map((uid) => [netuid, uid])),
    Promise.all(VECTORS.map((name) => s.need(name)(netuid))),
  ]);
  const [incentive, emission, dividends, consensus, vtrust, permit, lastUpdate, active] = [
    codecNumbers(vectors[0]),
    codecBigInts(vectors[1]),
    codecNumbers(vectors[2]),
    codecNumbers(vectors[3]),
    codecNumbers(vectors[4]),
    codecBools(vectors[5]),
    codecNumbers(vectors[6]),
    codecBools(vectors[7]),
  ];
  const neurons = uids.map(
    (uid, i): NeuronRecord => ({
      uid,
      hotkey: hotkeys[i] ?? '',
      coldkey: String(owners[i] ?? ''),
      axon: rawAxon(axons[i]),
      stakeRao: stakes[i] ?? 0n,
      blockAtRegistration: codecToNumber(regs[i] ?? 0),
      incentive: incentive[uid] ?? 0,
      emissionRao: emission[uid] ?? 0n,
      dividends: dividends[uid] ?? 0,
      consensus: consensus[uid] ?? 0,
      validatorTrust: vtrust[uid] ?? 0,
      validatorPermit: permit[uid] ?? false,
      lastUpdate: lastUpdate[uid] ?? 0,
      active: active[uid] ?? false,
    }),
  );
  return { n, neurons };
}

/** The epoch scheduling items of a subnet; null where this runtime lacks the item (legacy fixed tempo). */
export interface EpochScheduleRecord {
  tempo: number;
  lastEpochBlock: number | null;
  /** 0 = no triggered epoch pending. */
  pendingEpochAt: number | null;
  subnetEpochIndex: number | null;
  blocksSinceLastStep: number | null;
}

async function optionalNumber(s: SubtensorAt, name: string, netuid: number): Promise<number | null> {
  const entry = s.entry(name);
  return entry === undefined ? null : codecToNumber(await entry(netuid));
}

/** Tempo and the dynamic-tempo items (spec >= 423) of `netuid`. */
export async function readEpochSchedule(s: SubtensorAt, netuid: number): Promise<EpochScheduleRecord> {
  const [tempo, lastEpochBlock, pendingEpochAt, subnetEpochIndex, blocksSinceLastStep] = await Promise.all([
    s.need('tempo')(netuid).then(codecToNumber),
    optionalNumber(s, 'lastEpochBlock', netuid),
    optionalNumber(s, 'pendingEpochAt', netuid),
    optionalNumber(s, 'subnetEpochIndex', netuid),
    optionalNumber(s, 'blocksSinceLastStep', netuid),
  ]);
  return { tempo, lastEpochBlock, pendingEpochAt, subnetEpochIndex, blocksSinceLastStep };
}

/** Per-uid incentive (u16) and emission (rao) of `netuid`. */
export async function readIncentiveEmission(s: SubtensorAt, netuid: number): Promise<{ incentive: number[]; emissionRao: bigint[] }> {
  const [inc, em] = await Promise.all([s.need('incentive')(netuid), s.need('emission')(netuid)]);
  return { incentive: codecNumbers(inc), emissionRao: codecBigInts(em) };
}

/** Weight rows set by validators: `[uid, [[dest, w], ...]]`, raw u16, non-empty rows only, sorted by uid. */
export type WeightRows = [number, [number, number][]][];

/** `SubtensorModule.Weights` of `netuid`. */
export async function readWeightRows(s: SubtensorAt, netuid: number): Promise<WeightRows> {
  const entries = await s.need('weights').entries(netuid);
  const rows: WeightRows = entries.map(([k, v]) => [
    codecToNumber(k.args[1]),
    codecList(v).map((pair) => {
      const [dest, w] = [...(pair as Iterable<unknown>)];
      return [codecToNumber(dest), codecToNumber(w)] as [number, number];
    }),
  ]);
  return rows.filter(([, ws]) => ws.length > 0).sort((a, b) => a[0] - b[0]);
}

/**
 * The neurons through the runtime API `NeuronInfoRuntimeApi.get_neurons_lite` (metadata V15);
 * `blockAtRegistration` is not part of `NeuronInfoLite` and is 0. Undefined when the chain lacks the API.
 */
export async function readNeuronsLite(s: SubtensorAt, netuid: number): Promise<NeuronRecord[] | undefined> {
  const fn = s.runtime('neuronInfoRuntimeApi', 'getNeuronsLite');
  if (fn === undefined) return undefined;
  return codecList(await fn(netuid)).map(
    (n): NeuronRecord => ({
      uid: codecToNumber(field(n, 'uid')),
      hotkey: String(field(n, 'hotkey')),
      coldkey: String(field(n, 'coldkey')),
      active: codecBool(field(n, 'active')),
      validatorPermit: codecBool(field(n, 'validatorPermit')),
      incentive: codecToNumber(field(n, 'incentive')),
      emissionRao: codecToBigInt(field(n, 'emission')),
      dividends: codecToNumber(field(n, 'dividends')),
      consensus: codecToNumber(field(n, 'consensus')),
      validatorTrust: codecToNumber(field(n, 'validatorTrust')),
      lastUpdate: codecToNumber(field(n, 'lastUpdate')),
      stakeRao: codecList(field(n, 'stake')).reduce<bigint>((acc, pair) => acc + codecToBigInt([...(pair as Iterable<unknown>)][1]), 0n),
      blockAtRegistration: 0,
      axon: rawAxon(field(n, 'axonInfo')),
    }),
  );
}

/** The hyperparameters that decide how and when a validator sets weights. */
export interface WeightHyperparamsRecord {
  tempo: number;
  weightsSetRateLimit: number;
  weightsVersionKey: bigint;
  minAllowedWeights: number;
  commitRevealEnabled: boolean;
  revealPeriodEpochs: number;
  /** Items this chain lacks (their defaults were used). */
  missing: string[];
}

/** Storage defaults (subtensor-api.md §4) used when a chain lacks an item. */
export const WEIGHT_HYPERPARAM_DEFAULTS = {
  tempo: 360,
  weightsSetRateLimit: 100,
  weightsVersionKey: 0n,
  minAllowedWeights: 1,
  commitRevealEnabled: false,
  revealPeriodEpochs: 1,
} as const;

async function itemOrUndefined(s: SubtensorAt, name: string, netuid: number, missing: string[]): Promise<unknown> {
  const entry = s.entry(name);
  if (entry === undefined) {
    missing.push(name);
    return undefined;
  }
  return entry(netuid);
}

/** Tempo, rate limit, version key, minimum weights and commit-reveal settings of `netuid` (defaults where missing). */
export async function readWeightHyperparams(s: SubtensorAt, netuid: number): Promise<WeightHyperparamsRecord> {
  const missing: string[] = [];
  const names = [
    'tempo',
    'weightsSetRateLimit',
    'weightsVersionKey',
    'minAllowedWeights',
    'commitRevealWeightsEnabled',
    'revealPeriodEpochs',
  ];
  const [tempo, rate, version, minW, cr, period] = await Promise.all(names.map((n) => itemOrUndefined(s, n, netuid, missing)));
  const d = WEIGHT_HYPERPARAM_DEFAULTS;
  const num = (v: unknown, dflt: number): number => (v === undefined ? dflt : codecToNumber(v));
  return {
    tempo: num(tempo, d.tempo),
    weightsSetRateLimit: num(rate, d.weightsSetRateLimit),
    weightsVersionKey: version === undefined ? d.weightsVersionKey : codecToBigInt(version),
    minAllowedWeights: num(minW, d.minAllowedWeights),
    commitRevealEnabled: cr === undefined ? d.commitRevealEnabled : codecBool(cr),
    revealPeriodEpochs: num(period, d.revealPeriodEpochs),
    missing,
  };
}

/** The uid of `hotkey` on `netuid`, undefined when not registered. */
export async function readUid(s: SubtensorAt, netuid: number, hotkey: string): Promise<number | undefined> {
  const v = unwrapOption(await s.need('uids')(netuid, hotkey));
  return v === undefined ? undefined : codecToNumber(v);
}

/** The registration burn of `netuid`, rao. */
export async function readBurn(s: SubtensorAt, netuid: number): Promise<bigint> {
  return codecToBigInt(await s.need('burn')(netuid));
}

/** The axon stored for `hotkey` on `netuid`, undefined when never served. */
export async function readAxon(s: SubtensorAt, netuid: number, hotkey: string): Promise<RawAxon | undefined> {
  return rawAxon(await s.need('axons')(netuid, hotkey));
}

/** Free balance of `address` (System.Account), rao. */
export async function readFreeBalance(s: SubtensorAt, address: string): Promise<bigint> {
  const account = s.palletEntry('system', 'account');
  if (account === undefined) throw new ChainError('CHAIN_UNSUPPORTED', 'expected a System.Account storage item, found none');
  return codecToBigInt(field(field(await account(address), 'data'), 'free'));
}
