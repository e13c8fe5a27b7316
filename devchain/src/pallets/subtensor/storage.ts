/**
 * SubtensorModule (pallet 7) types and storage items, with upstream names, hashers and defaults
 * (subtensor-api.md §4). Stake uses the stable mechanism (SubnetMechanism 0: 1 TAO = 1 alpha) and
 * a share pool per hotkey (`Alpha` shares as U64F64 bits, `TotalHotkeyShares`).
 */
import { T, array, vec } from '../../scale/types.ts';
import { AccountId32, H256 } from '../../frame/common-types.ts';
import { StorageDoubleMap, StorageMap, StorageValue, type Hasher } from '../../frame/storage.ts';
import type { TypeRef } from '../../scale/types.ts';
import { START_CALL_DELAY } from './options.ts';

export const P = 'SubtensorModule';
export const ZERO_ACCOUNT = new Uint8Array(32);

export const AxonInfo = T.struct('pallet_subtensor::AxonInfo', {
  block: T.u64,
  version: T.u32,
  ip: T.u128,
  port: T.u16,
  ip_type: T.u8,
  protocol: T.u8,
  placeholder1: T.u8,
  placeholder2: T.u8,
});
export interface AxonInfoValue {
  block: bigint;
  version: number;
  ip: bigint;
  port: number;
  ip_type: number;
  protocol: number;
  placeholder1: number;
  placeholder2: number;
}
export const EMPTY_AXON: AxonInfoValue = {
  block: 0n,
  version: 0,
  ip: 0n,
  port: 0,
  ip_type: 0,
  protocol: 0,
  placeholder1: 0,
  placeholder2: 0,
};

export const PrometheusInfo = T.struct('pallet_subtensor::PrometheusInfo', {
  block: T.u64,
  version: T.u32,
  ip: T.u128,
  port: T.u16,
  ip_type: T.u8,
});
export interface PrometheusInfoValue {
  block: bigint;
  version: number;
  ip: bigint;
  port: number;
  ip_type: number;
}
export const EMPTY_PROMETHEUS: PrometheusInfoValue = { block: 0n, version: 0, ip: 0n, port: 0, ip_type: 0 };

export const U16Pair = T.tuple(T.u16, T.u16);
export const SparseRowType = vec(U16Pair);
export const U64F64 = T.struct('substrate_fixed::FixedU128', { bits: T.u128 }, [{ name: 'Frac' }]);
/** U96F32 has U64F64's layout (u128 bits); the registry shares the type (its Frac parameter is not modelled). */
export const U96F32 = U64F64;
/** I96F32 (`substrate_fixed::FixedI128<U32>`): i128 bits, 32 fractional. */
export const I96F32 = T.struct('substrate_fixed::FixedI128', { bits: T.i128 }, [{ name: 'Frac' }]);
/** `BTreeMap<NetUid, I96F32>`: SCALE as a vector of (key, value) pairs sorted by key. */
export const NetUidI96F32Map = T.newtype('BTreeMap', vec(T.tuple(T.u16, I96F32)), [
  { name: 'K', type: T.u16 },
  { name: 'V', type: I96F32 },
]);
/** `BTreeSet<NetUid>`: SCALE as a sorted vector without duplicates. */
export const NetUidSet = T.newtype('BTreeSet', vec(T.u16), [{ name: 'T', type: T.u16 }]);
/** Upstream `RootClaimTypeEnum` (per coldkey): swap root alpha to TAO (default), keep it, or keep it on some subnets. */
export const RootClaimTypeEnum = T.variant('pallet_subtensor::pallet::RootClaimTypeEnum', [
  { name: 'Swap', index: 0, fields: [] },
  { name: 'Keep', index: 1, fields: [] },
  { name: 'KeepSubnets', index: 2, fields: [{ name: 'subnets', type: NetUidSet, typeName: 'BTreeSet<NetUid>' }] },
]);
export type RootClaimTypeValue = { type: 'Swap' } | { type: 'Keep' } | { type: 'KeepSubnets'; value: { subnets: number[] } };
/** One commit of the CR v2 queue: (hash, commit_epoch, commit_block, 0). */
export const CommitTuple = T.tuple(H256, T.u64, T.u64, T.u64);
export type CommitValue = [Uint8Array, bigint, bigint, bigint];

type Row = Array<[number, number]>;

/** A storage map with three keys (upstream `StorageNMap`), built on the double-map helper. */
export class StorageNMap3<K1, K2, K3, V> extends StorageDoubleMap<K1, K2, V> {
  constructor(
    pallet: string,
    name: string,
    hashers: [Hasher, Hasher, Hasher],
    keys: [TypeRef, TypeRef, TypeRef],
    value: TypeRef,
    defaultValue: V,
  ) {
    super(pallet, name, [hashers[0], hashers[1]], [keys[0], keys[1]], value, defaultValue);
    this.meta.hashers.push(hashers[2]);
    this.meta.keys.push(keys[2]);
  }
  key3(k1: K1, k2: K2, k3: K3): string {
    return this.keyOf([k1, k2, k3]);
  }
  get3(s: Parameters<StorageDoubleMap<K1, K2, V>['get']>[0], k1: K1, k2: K2, k3: K3): V {
    return this.read(s, this.key3(k1, k2, k3)) as V;
  }
  set3(s: Parameters<StorageDoubleMap<K1, K2, V>['set']>[0], k1: K1, k2: K2, k3: K3, v: V): void {
    this.write(s, this.key3(k1, k2, k3), v);
  }
}

const netMap = <V>(name: string, type: TypeRef, def: V, hasher: Hasher = 'Identity'): StorageMap<number, V> =>
  new StorageMap<number, V>(P, name, hasher, T.u16, type, def);
const netMapOpt = <V>(name: string, type: TypeRef): StorageMap<number, V, undefined> =>
  new StorageMap<number, V, undefined>(P, name, 'Identity', T.u16, type, undefined);
const value = <V>(name: string, type: TypeRef, def: V): StorageValue<V> => new StorageValue<V>(P, name, type, def);

/** Every SubtensorModule storage item, by its upstream name. */
export const SubtensorStorage = {
  // Registration and keys
  Uids: new StorageDoubleMap<number, Uint8Array, number, undefined>(
    P,
    'Uids',
    ['Identity', 'Blake2_128Concat'],
    [T.u16, AccountId32],
    T.u16,
    undefined,
  ),
  Keys: new StorageDoubleMap<number, number, Uint8Array>(P, 'Keys', ['Identity', 'Identity'], [T.u16, T.u16], AccountId32, ZERO_ACCOUNT),
  Owner: new StorageMap<Uint8Array, Uint8Array>(P, 'Owner', 'Blake2_128Concat', AccountId32, AccountId32, ZERO_ACCOUNT),
  OwnedHotkeys: new StorageMap<Uint8Array, Uint8Array[]>(P, 'OwnedHotkeys', 'Blake2_128Concat', AccountId32, vec(AccountId32), []),
  StakingHotkeys: new StorageMap<Uint8Array, Uint8Array[]>(P, 'StakingHotkeys', 'Blake2_128Concat', AccountId32, vec(AccountId32), []),
  IsNetworkMember: new StorageDoubleMap<Uint8Array, number, boolean>(
    P,
    'IsNetworkMember',
    ['Blake2_128Concat', 'Identity'],
    [AccountId32, T.u16],
    T.bool,
    false,
  ),
  Axons: new StorageDoubleMap<number, Uint8Array, AxonInfoValue, undefined>(
    P,
    'Axons',
    ['Identity', 'Blake2_128Concat'],
    [T.u16, AccountId32],
    AxonInfo,
    undefined,
  ),
  Prometheus: new StorageDoubleMap<number, Uint8Array, PrometheusInfoValue, undefined>(
    P,
    'Prometheus',
    ['Identity', 'Blake2_128Concat'],
    [T.u16, AccountId32],
    PrometheusInfo,
    undefined,
  ),
  Weights: new StorageDoubleMap<number, number, Row>(P, 'Weights', ['Identity', 'Identity'], [T.u16, T.u16], SparseRowType, []),
  Bonds: new StorageDoubleMap<number, number, Row>(P, 'Bonds', ['Identity', 'Identity'], [T.u16, T.u16], SparseRowType, []),
  BlockAtRegistration: new StorageDoubleMap<number, number, bigint>(
    P,
    'BlockAtRegistration',
    ['Identity', 'Identity'],
    [T.u16, T.u16],
    T.u64,
    0n,
  ),
  // Per-uid vectors
  Active: netMap<boolean[]>('Active', vec(T.bool), []),
  Emission: netMap<bigint[]>('Emission', vec(T.u64), []),
  Incentive: netMap<number[]>('Incentive', vec(T.u16), []),
  Consensus: netMap<number[]>('Consensus', vec(T.u16), []),
  Dividends: netMap<number[]>('Dividends', vec(T.u16), []),
  ValidatorTrust: netMap<number[]>('ValidatorTrust', vec(T.u16), []),
  StakeWeight: netMap<number[]>('StakeWeight', vec(T.u16), []),
  ValidatorPermit: netMap<boolean[]>('ValidatorPermit', vec(T.bool), []),
  LastUpdate: netMap<bigint[]>('LastUpdate', vec(T.u64), []),
  // Subnets
  SubnetworkN: netMap<number>('SubnetworkN', T.u16, 0),
  NetworksAdded: netMap<boolean>('NetworksAdded', T.bool, false),
  TotalNetworks: value<number>('TotalNetworks', T.u16, 0),
  NetworkRegisteredAt: netMap<bigint>('NetworkRegisteredAt', T.u64, 0n),
  SubnetOwner: netMap<Uint8Array>('SubnetOwner', AccountId32, ZERO_ACCOUNT),
  SubnetOwnerHotkey: netMap<Uint8Array>('SubnetOwnerHotkey', AccountId32, ZERO_ACCOUNT),
  SubnetMechanism: netMap<number>('SubnetMechanism', T.u16, 0),
  FirstEmissionBlockNumber: netMapOpt<bigint>('FirstEmissionBlockNumber', T.u64),
  SubtokenEnabled: netMap<boolean>('SubtokenEnabled', T.bool, false),
  SubnetLocked: netMap<bigint>('SubnetLocked', T.u64, 0n),
  // Epoch schedule (dynamic tempo)
  Tempo: netMap<number>('Tempo', T.u16, 360),
  LastEpochBlock: netMap<bigint>('LastEpochBlock', T.u64, 0n),
  PendingEpochAt: netMap<bigint>('PendingEpochAt', T.u64, 0n),
  SubnetEpochIndex: netMap<bigint>('SubnetEpochIndex', T.u64, 0n),
  BlocksSinceLastStep: netMap<bigint>('BlocksSinceLastStep', T.u64, 0n),
  LastMechansimStepBlock: netMap<bigint>('LastMechansimStepBlock', T.u64, 0n),
  // Stake
  TotalHotkeyAlpha: new StorageDoubleMap<Uint8Array, number, bigint>(
    P,
    'TotalHotkeyAlpha',
    ['Blake2_128Concat', 'Identity'],
    [AccountId32, T.u16],
    T.u64,
    0n,
  ),
  TotalHotkeyShares: new StorageDoubleMap<Uint8Array, number, { bits: bigint }>(
    P,
    'TotalHotkeyShares',
    ['Blake2_128Concat', 'Identity'],
    [AccountId32, T.u16],
    U64F64,
    { bits: 0n },
  ),
  Alpha: new StorageNMap3<Uint8Array, Uint8Array, number, { bits: bigint }>(
    P,
    'Alpha',
    ['Blake2_128Concat', 'Blake2_128Concat', 'Identity'],
    [AccountId32, AccountId32, T.u16],
    U64F64,
    { bits: 0n },
  ),
  SubnetTAO: netMap<bigint>('SubnetTAO', T.u64, 0n),
  SubnetAlphaIn: netMap<bigint>('SubnetAlphaIn', T.u64, 0n),
  SubnetAlphaOut: netMap<bigint>('SubnetAlphaOut', T.u64, 0n),
  TotalStake: value<bigint>('TotalStake', T.u64, 0n),
  TotalIssuance: value<bigint>('TotalIssuance', T.u64, 0n),
  TaoWeight: value<bigint>('TaoWeight', T.u64, 971_718_665_099_567_868n),
  StakeThreshold: value<bigint>('StakeThreshold', T.u64, 0n),
  Delegates: new StorageMap<Uint8Array, number>(P, 'Delegates', 'Blake2_128Concat', AccountId32, T.u16, 11_796),
  // Emission bookkeeping
  PendingServerEmission: netMap<bigint>('PendingServerEmission', T.u64, 0n),
  PendingValidatorEmission: netMap<bigint>('PendingValidatorEmission', T.u64, 0n),
  PendingRootAlphaDivs: netMap<bigint>('PendingRootAlphaDivs', T.u64, 0n),
  PendingOwnerCut: netMap<bigint>('PendingOwnerCut', T.u64, 0n),
  /** Root proportion of each emitting subnet after the block's coinbase, U96F32 bits (`update_root_prop`). */
  RootProp: netMap<{ bits: bigint }>('RootProp', U96F32, { bits: 0n }),
  /** Last epoch's alpha dividends (after the validator take) per (netuid, hotkey). */
  AlphaDividendsPerSubnet: new StorageDoubleMap<number, Uint8Array, bigint>(
    P,
    'AlphaDividendsPerSubnet',
    ['Identity', 'Blake2_128Concat'],
    [T.u16, AccountId32],
    T.u64,
    0n,
  ),
  /** Last epoch's root alpha dividends (after the validator take) per (netuid, hotkey), made claimable by root stakers. */
  RootAlphaDividendsPerSubnet: new StorageDoubleMap<number, Uint8Array, bigint>(
    P,
    'RootAlphaDividendsPerSubnet',
    ['Identity', 'Blake2_128Concat'],
    [T.u16, AccountId32],
    T.u64,
    0n,
  ),
  /** `TotalHotkeyAlpha` of a hotkey when its last alpha dividends were recorded. */
  TotalHotkeyAlphaLastEpoch: new StorageDoubleMap<Uint8Array, number, bigint>(
    P,
    'TotalHotkeyAlphaLastEpoch',
    ['Blake2_128Concat', 'Identity'],
    [AccountId32, T.u16],
    T.u64,
    0n,
  ),
  SubnetOwnerCut: value<number>('SubnetOwnerCut', T.u16, 11_796),
  RAORecycledForRegistration: netMap<bigint>('RAORecycledForRegistration', T.u64, 0n),
  // Hyperparameters
  Kappa: netMap<number>('Kappa', T.u16, 32_767),
  Rho: netMap<number>('Rho', T.u16, 10),
  MaxAllowedUids: netMap<number>('MaxAllowedUids', T.u16, 256),
  MinAllowedUids: netMap<number>('MinAllowedUids', T.u16, 64),
  MaxAllowedValidators: netMap<number>('MaxAllowedValidators', T.u16, 128),
  MinAllowedWeights: netMap<number>('MinAllowedWeights', T.u16, 1024),
  MaxWeightsLimit: netMap<number>('MaxWeightsLimit', T.u16, 65_535),
  ImmunityPeriod: netMap<number>('ImmunityPeriod', T.u16, 4096),
  ActivityCutoff: netMap<number>('ActivityCutoff', T.u16, 5000),
  ActivityCutoffFactorMilli: netMap<number>('ActivityCutoffFactorMilli', T.u32, 13_889),
  WeightsSetRateLimit: netMap<bigint>('WeightsSetRateLimit', T.u64, 100n),
  WeightsVersionKey: netMap<bigint>('WeightsVersionKey', T.u64, 0n),
  BondsMovingAverage: netMap<bigint>('BondsMovingAverage', T.u64, 900_000n),
  BondsPenalty: netMap<number>('BondsPenalty', T.u16, 65_535),
  BondsResetOn: netMap<boolean>('BondsResetOn', T.bool, false),
  LiquidAlphaOn: netMap<boolean>('LiquidAlphaOn', T.bool, false, 'Blake2_128Concat'),
  Yuma3On: netMap<boolean>('Yuma3On', T.bool, false, 'Blake2_128Concat'),
  AlphaValues: netMap<[number, number]>('AlphaValues', T.tuple(T.u16, T.u16), [45_875, 58_982]),
  AlphaSigmoidSteepness: netMap<number>('AlphaSigmoidSteepness', T.i16, 1000),
  CommitRevealWeightsEnabled: netMap<boolean>('CommitRevealWeightsEnabled', T.bool, true),
  RevealPeriodEpochs: netMap<bigint>('RevealPeriodEpochs', T.u64, 1n, 'Twox64Concat'),
  CommitRevealWeightsVersion: value<number>('CommitRevealWeightsVersion', T.u16, 4),
  WeightCommits: new StorageDoubleMap<number, Uint8Array, CommitValue[], undefined>(
    P,
    'WeightCommits',
    ['Twox64Concat', 'Twox64Concat'],
    [T.u16, AccountId32],
    vec(CommitTuple),
    undefined,
  ),
  ServingRateLimit: netMap<bigint>('ServingRateLimit', T.u64, 50n),
  Burn: netMap<bigint>('Burn', T.u64, 100_000_000n),
  MinBurn: netMap<bigint>('MinBurn', T.u64, 500_000n),
  MaxBurn: netMap<bigint>('MaxBurn', T.u64, 100_000_000_000n),
  BurnHalfLife: netMap<number>('BurnHalfLife', T.u16, 360),
  // U64F64::from_num(1.26) converts the f64 1.26 (slightly above 1.26) exactly: 1.26 · 2^52 is an integer.
  BurnIncreaseMult: netMap<{ bits: bigint }>('BurnIncreaseMult', U64F64, { bits: BigInt(1.26 * 2 ** 52) << 12n }),
  RegistrationsThisBlock: netMap<number>('RegistrationsThisBlock', T.u16, 0),
  RegistrationsThisInterval: netMap<number>('RegistrationsThisInterval', T.u16, 0),
  MaxRegistrationsPerBlock: netMap<number>('MaxRegistrationsPerBlock', T.u16, 1),
  TargetRegistrationsPerInterval: netMap<number>('TargetRegistrationsPerInterval', T.u16, 2),
  AdjustmentInterval: netMap<number>('AdjustmentInterval', T.u16, 100),
  AdjustmentAlpha: netMap<bigint>('AdjustmentAlpha', T.u64, 0n),
  Difficulty: netMap<bigint>('Difficulty', T.u64, 10_000_000n),
  MinDifficulty: netMap<bigint>('MinDifficulty', T.u64, 10_000_000n),
  MaxDifficulty: netMap<bigint>('MaxDifficulty', T.u64, (1n << 64n) / 4n),
  NetworkRegistrationAllowed: netMap<boolean>('NetworkRegistrationAllowed', T.bool, true),
  NetworkPowRegistrationAllowed: netMap<boolean>('NetworkPowRegistrationAllowed', T.bool, true),
  ImmuneOwnerUidsLimit: netMap<number>('ImmuneOwnerUidsLimit', T.u16, 1),
  MinNonImmuneUids: netMap<number>('MinNonImmuneUids', T.u16, 10),
  MaxEpochsPerBlock: value<number>('MaxEpochsPerBlock', T.u8, 2),
  AdminFreezeWindow: value<number>('AdminFreezeWindow', T.u16, 10),
  OwnerHyperparamRateLimit: value<number>('OwnerHyperparamRateLimit', T.u16, 2),
  /** Owner rate limit of `sudo_set_weights_version_key`, in tempos (upstream storage value, default 5). */
  WeightsVersionKeyRateLimit: value<bigint>('WeightsVersionKeyRateLimit', T.u64, 5n),
  /**
   * Devchain-specific (upstream keeps this in `LastRateLimitedBlock`, keyed by a `RateLimitKey` enum):
   * block of the last successful owner change of a hyperparameter, keyed by (netuid, AdminUtils call
   * index). Root changes are not recorded.
   */
  LastOwnerHyperparamUpdate: new StorageDoubleMap<number, number, bigint>(
    P,
    'LastOwnerHyperparamUpdate',
    ['Identity', 'Identity'],
    [T.u16, T.u8],
    T.u64,
    0n,
    [
      ' Block of the last owner change of a hyperparameter, keyed by (netuid, AdminUtils call index); 0 = never.',
      ' Devchain-specific stand-in for upstream `LastRateLimitedBlock(RateLimitKey::OwnerHyperparamUpdate)`.',
    ],
  ),
  // Network registration (global)
  NetworkMinLockCost: value<bigint>('NetworkMinLockCost', T.u64, 1_000_000_000_000n),
  NetworkLastLockCost: value<bigint>('NetworkLastLockCost', T.u64, 1_000_000_000_000n),
  NetworkLockReductionInterval: value<bigint>('NetworkLockReductionInterval', T.u64, 100_800n),
  NetworkRateLimit: value<bigint>('NetworkRateLimit', T.u64, 7200n),
  NetworkLastRegistered: value<bigint>('NetworkLastRegistered', T.u64, 0n),
  SubnetLimit: value<number>('SubnetLimit', T.u16, 128),
  /** Blocks after NetworkRegisteredAt before `start_call` (upstream local runtime: InitialStartCallDelay 0). */
  StartCallDelay: value<bigint>('StartCallDelay', T.u64, START_CALL_DELAY),
  /** Share of the last epoch's miner incentive withheld from the owner's hotkeys, U96F32 bits (32 fractional). */
  MinerBurned: netMap<{ bits: bigint }>('MinerBurned', U96F32, { bits: 0n }),
  // Root claim (upstream staking/claim_root.rs)
  /** Minimum owed alpha (I96F32 bits) a claim pays out on a subnet; default 500,000 rao. */
  RootClaimableThreshold: netMap<{ bits: bigint }>('RootClaimableThreshold', I96F32, { bits: 500_000n << 32n }, 'Blake2_128Concat'),
  /** Root alpha claimable per unit of root stake, per hotkey and subnet (I96F32 bits, netuid-sorted pairs). */
  RootClaimable: new StorageMap<Uint8Array, Array<[number, { bits: bigint }]>>(
    P,
    'RootClaimable',
    'Blake2_128Concat',
    AccountId32,
    NetUidI96F32Map,
    [],
  ),
  /** Root alpha already claimed (or pre-counted for stake added later) per (netuid, hotkey, coldkey). */
  RootClaimed: new StorageNMap3<number, Uint8Array, Uint8Array, bigint>(
    P,
    'RootClaimed',
    ['Identity', 'Blake2_128Concat', 'Blake2_128Concat'],
    [T.u16, AccountId32, AccountId32],
    T.u128,
    0n,
  ),
  RootClaimType: new StorageMap<Uint8Array, RootClaimTypeValue>(P, 'RootClaimType', 'Blake2_128Concat', AccountId32, RootClaimTypeEnum, {
    type: 'Swap',
  }),
  /** Coldkeys holding root stake (or that claimed), densely indexed for the per-block auto-claim. */
  StakingColdkeysByIndex: new StorageMap<bigint, Uint8Array, undefined>(
    P,
    'StakingColdkeysByIndex',
    'Identity',
    T.u64,
    AccountId32,
    undefined,
  ),
  StakingColdkeys: new StorageMap<Uint8Array, bigint, undefined>(P, 'StakingColdkeys', 'Identity', AccountId32, T.u64, undefined),
  NumStakingColdkeys: value<bigint>('NumStakingColdkeys', T.u64, 0n),
  /** Coldkeys auto-claimed per block (0 disables auto-claim). */
  NumRootClaim: value<bigint>('NumRootClaim', T.u64, 5n),
};

export { array };
