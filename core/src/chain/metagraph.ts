/**
 * The metagraph: an immutable snapshot of one subnet read from SubtensorModule storage at one block
 * (storage names as in subtensor-api.md §4).
 */
import type { ApiPromise } from '@polkadot/api';
import type { HexString } from '@polkadot/util/types';
import { toColdkey, toHotkey, toNetUid, toUid, type Coldkey, type Hotkey, type NetUid, type Uid } from '../brands.ts';
import { ChainError } from '../errors.ts';
import { ipFromChain } from './ip.ts';
import { subtensorAt } from './reader.ts';
import { readNeurons, type NeuronRecord } from './subnet-reads.ts';

/** Integer codec to bigint (moved to codec.ts; kept here for existing importers). */
export { codecToBigInt } from './codec.ts';

/** A served axon, decoded. An all-zero axon (never served) has `ip` `0.0.0.0` and `port` 0. */
export interface Axon {
  /** Block at which it was served. */
  block: number;
  version: number;
  /** IPv4 dotted or IPv6 text. */
  ip: string;
  port: number;
  ipType: 4 | 6 | 0;
  protocol: number;
}

/** A subnet snapshot; per-uid arrays are indexed by uid. u16 proportions are raw (divide by 65535). */
export interface Metagraph {
  readonly netuid: NetUid;
  /** Block number the snapshot was read at. */
  readonly block: number;
  readonly blockHash: HexString;
  /** Number of uids (SubnetworkN). */
  readonly n: number;
  readonly uids: readonly Uid[];
  readonly hotkeys: readonly Hotkey[];
  /** Owner coldkey of each hotkey. */
  readonly coldkeys: readonly Coldkey[];
  readonly axons: readonly Axon[];
  /** Total alpha staked on each hotkey on this subnet, in rao (TotalHotkeyAlpha). */
  readonly stakeRao: readonly bigint[];
  readonly validatorPermit: readonly boolean[];
  /** Block of the last weight set/commit. */
  readonly lastUpdate: readonly number[];
  readonly blockAtRegistration: readonly number[];
  /** u16 proportions. */
  readonly incentive: readonly number[];
  /** Alpha emission of the last epoch per uid, rao. */
  readonly emissionRao: readonly bigint[];
  /** u16 proportions. */
  readonly dividends: readonly number[];
  /** u16 proportions. */
  readonly consensus: readonly number[];
  /** u16 proportions. */
  readonly validatorTrust: readonly number[];
  readonly active: readonly boolean[];
}

/** Raw storage values (already plain JS) that `buildMetagraph` turns into a snapshot. */
export interface RawMetagraph {
  netuid: number;
  block: number;
  blockHash: HexString;
  n: number;
  /** `Keys` entries: uid → hotkey (SS58 or 0x public key). */
  keys: ReadonlyArray<[number, string]>;
  /** `Owner[hotkey]` per uid, in uid order. */
  owners: readonly string[];
  /** `Axons[netuid][hotkey]` per uid (undefined when never served). */
  axons: ReadonlyArray<RawAxon | undefined>;
  /** `TotalHotkeyAlpha[hotkey][netuid]` per uid. */
  stake: readonly bigint[];
  blockAtRegistration: readonly number[];
  incentive: readonly number[];
  emission: readonly bigint[];
  dividends: readonly number[];
  consensus: readonly number[];
  validatorTrust: readonly number[];
  validatorPermit: readonly boolean[];
  lastUpdate: readonly number[];
  active: readonly boolean[];
}

/** `AxonInfo` as stored. */
export interface RawAxon {
  block: bigint | number;
  version: number;
  ip: bigint;
  port: number;
  ipType: number;
  protocol: number;
}

/** Decodes an `AxonInfo`; unknown ip types and bad values decode as "not served" rather than throwing. */
export function decodeAxon(raw: RawAxon | undefined): Axon {
  if (raw === undefined || raw.ip === 0n || (raw.ipType !== 4 && raw.ipType !== 6)) {
    return {
      block: Number(raw?.block ?? 0),
      version: raw?.version ?? 0,
      ip: '0.0.0.0',
      port: raw?.port ?? 0,
      ipType: 0,
      protocol: raw?.protocol ?? 0,
    };
  }
  try {
    return {
      block: Number(raw.block),
      version: raw.version,
      ip: ipFromChain(raw.ip, raw.ipType),
      port: raw.port,
      ipType: raw.ipType,
      protocol: raw.protocol,
    };
  } catch {
    // An out-of-range value for its ip_type: treat as not served (chain data we cannot use).
    return { block: Number(raw.block), version: raw.version, ip: '0.0.0.0', port: 0, ipType: 0, protocol: raw.protocol };
  }
}

function pad<T>(values: readonly T[], n: number, fill: T): T[] {
  return Array.from({ length: n }, (_, i) => values[i] ?? fill);
}

function frozen<T>(values: T[]): readonly T[] {
  return Object.freeze(values);
}

/** Builds an immutable snapshot; vectors are padded/truncated to `n`, a missing `Keys` entry is an error. */
export function buildMetagraph(raw: RawMetagraph): Metagraph {
  const byUid = new Map(raw.keys);
  const hotkeys = Array.from({ length: raw.n }, (_, uid) => {
    const key = byUid.get(uid);
    if (key === undefined)
      throw new ChainError(
        'CHAIN_DECODE',
        `metagraph of netuid ${raw.netuid} at block ${raw.block}: uid ${uid} < SubnetworkN ${raw.n} has no Keys entry`,
      );
    return toHotkey(key);
  });
  return Object.freeze({
    netuid: toNetUid(raw.netuid),
    block: raw.block,
    blockHash: raw.blockHash,
    n: raw.n,
    uids: frozen(Array.from({ length: raw.n }, (_, i) => toUid(i))),
    hotkeys: frozen(hotkeys),
    coldkeys: frozen(hotkeys.map((_, i) => toColdkey(raw.owners[i] ?? new Uint8Array(32)))),
    axons: frozen(hotkeys.map((_, i) => Object.freeze(decodeAxon(raw.axons[i])))),
    stakeRao: frozen(pad(raw.stake, raw.n, 0n)),
    validatorPermit: frozen(pad(raw.validatorPermit, raw.n, false)),
    lastUpdate: frozen(pad(raw.lastUpdate, raw.n, 0)),
    blockAtRegistration: frozen(pad(raw.blockAtRegistration, raw.n, 0)),
    incentive: frozen(pad(raw.incentive, raw.n, 0)),
    emissionRao: frozen(pad(raw.emission, raw.n, 0n)),
    dividends: frozen(pad(raw.dividends, raw.n, 0)),
    consensus: frozen(pad(raw.consensus, raw.n, 0)),
    validatorTrust: frozen(pad(raw.validatorTrust, raw.n, 0)),
    active: frozen(pad(raw.active, raw.n, false)),
  });
}

/** Reads the metagraph of `netuid` at block hash `at` (default: the best block) from SubtensorModule storage. */
export async function fetchMetagraph(api: ApiPromise, netuid: number, at?: HexString): Promise<Metagraph> {
  const s = await subtensorAt(api, at);
  const { n, neurons } = await readNeurons(s, netuid);
  const byUid = (pick: (r: NeuronRecord) => unknown): unknown[] => {
    const out: unknown[] = [];
    for (const r of neurons) out[r.uid] = pick(r);
    return out;
  };
  return buildMetagraph({
    netuid,
    block: s.block.number,
    blockHash: s.block.hash,
    n,
    keys: neurons.map((r) => [r.uid, r.hotkey]),
    owners: byUid((r) => r.coldkey) as string[],
    axons: byUid((r) => r.axon) as Array<RawAxon | undefined>,
    stake: byUid((r) => r.stakeRao) as bigint[],
    blockAtRegistration: byUid((r) => r.blockAtRegistration) as number[],
    incentive: byUid((r) => r.incentive) as number[],
    emission: byUid((r) => r.emissionRao) as bigint[],
    dividends: byUid((r) => r.dividends) as number[],
    consensus: byUid((r) => r.consensus) as number[],
    validatorTrust: byUid((r) => r.validatorTrust) as number[],
    validatorPermit: byUid((r) => r.validatorPermit) as boolean[],
    lastUpdate: byUid((r) => r.lastUpdate) as number[],
    active: byUid((r) => r.active) as boolean[],
  });
}
