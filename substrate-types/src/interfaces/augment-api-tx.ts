// Auto-generated via `yarn polkadot-types-from-chain`, do not edit
/* eslint-disable */

// import type lookup before we augment - in some environments
// this is required to allow for ambient/previous definitions
import '@polkadot/api-base/types/submittable';

import type { ApiTypes, AugmentedSubmittable, SubmittableExtrinsic, SubmittableExtrinsicFunction } from '@polkadot/api-base/types';
import type { BTreeSet, Bytes, Compact, Vec, bool, u128, u16, u32, u64, u8 } from '@polkadot/types-codec';
import type { AnyNumber, IMethod, ITuple } from '@polkadot/types-codec/types';
import type { AccountId32, Call, H256, MultiAddress } from '@polkadot/types/interfaces/runtime';
import type { PalletCommitmentsCommitmentInfo, PalletSubtensorRootClaimTypeEnum, SpWeightsWeightV2Weight } from '@polkadot/types/lookup';

export type __AugmentedSubmittable = AugmentedSubmittable<() => unknown>;
export type __SubmittableExtrinsic<ApiType extends ApiTypes> = SubmittableExtrinsic<ApiType>;
export type __SubmittableExtrinsicFunction<ApiType extends ApiTypes> = SubmittableExtrinsicFunction<ApiType>;

declare module '@polkadot/api-base/types/submittable' {
  interface AugmentedSubmittables<ApiType extends ApiTypes> {
    adminUtils: {
      sudoSetActivityCutoff: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, activityCutoff: u16 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, u16]>;
      sudoSetAdminFreezeWindow: AugmentedSubmittable<(window: u16 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16]>;
      sudoSetAlphaValues: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, alphaLow: u16 | AnyNumber | Uint8Array, alphaHigh: u16 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, u16, u16]>;
      sudoSetBondsMovingAverage: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, bondsMovingAverage: u64 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, u64]>;
      sudoSetBondsPenalty: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, bondsPenalty: u16 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, u16]>;
      sudoSetBondsResetEnabled: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, enabled: bool | boolean | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, bool]>;
      sudoSetBurnHalfLife: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, burnHalfLife: u16 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, u16]>;
      sudoSetCommitRevealWeightsEnabled: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, enabled: bool | boolean | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, bool]>;
      sudoSetCommitRevealWeightsInterval: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, interval: u64 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, u64]>;
      sudoSetDifficulty: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, difficulty: u64 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, u64]>;
      sudoSetImmunityPeriod: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, immunityPeriod: u16 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, u16]>;
      sudoSetKappa: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, kappa: u16 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, u16]>;
      sudoSetLiquidAlphaEnabled: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, enabled: bool | boolean | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, bool]>;
      sudoSetMaxAllowedUids: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, maxAllowedUids: u16 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, u16]>;
      sudoSetMaxAllowedValidators: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, maxAllowedValidators: u16 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, u16]>;
      sudoSetMaxBurn: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, maxBurn: u64 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, u64]>;
      sudoSetMaxRegistrationsPerBlock: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, maxRegistrationsPerBlock: u16 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, u16]>;
      sudoSetMinAllowedWeights: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, minAllowedWeights: u16 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, u16]>;
      sudoSetMinBurn: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, minBurn: u64 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, u64]>;
      sudoSetMinNonImmuneUids: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, min: u16 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, u16]>;
      sudoSetNetworkMinLockCost: AugmentedSubmittable<(lockCost: u64 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u64]>;
      sudoSetNetworkPowRegistrationAllowed: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, registrationAllowed: bool | boolean | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, bool]>;
      sudoSetNetworkRateLimit: AugmentedSubmittable<(rateLimit: u64 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u64]>;
      sudoSetNetworkRegistrationAllowed: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, registrationAllowed: bool | boolean | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, bool]>;
      sudoSetOwnerHparamRateLimit: AugmentedSubmittable<(epochs: u16 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16]>;
      sudoSetOwnerImmuneNeuronLimit: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, immuneNeurons: u16 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, u16]>;
      sudoSetRho: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, rho: u16 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, u16]>;
      sudoSetServingRateLimit: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, servingRateLimit: u64 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, u64]>;
      sudoSetStakeThreshold: AugmentedSubmittable<(minStake: u64 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u64]>;
      sudoSetStartCallDelay: AugmentedSubmittable<(delay: u64 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u64]>;
      sudoSetSubnetOwnerCut: AugmentedSubmittable<(subnetOwnerCut: u16 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16]>;
      sudoSetTargetRegistrationsPerInterval: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, targetRegistrationsPerInterval: u16 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, u16]>;
      sudoSetTempo: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, tempo: u16 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, u16]>;
      sudoSetWeightsSetRateLimit: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, weightsSetRateLimit: u64 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, u64]>;
      sudoSetWeightsVersionKey: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, weightsVersionKey: u64 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, u64]>;
      sudoSetYuma3Enabled: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, enabled: bool | boolean | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, bool]>;
      /**
       * Generic tx
       **/
      [key: string]: SubmittableExtrinsicFunction<ApiType>;
    };
    balances: {
      forceSetBalance: AugmentedSubmittable<(who: MultiAddress | { Id: any } | { Index: any } | { Raw: any } | { Address32: any } | { Address20: any } | string | Uint8Array, newFree: Compact<u128> | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [MultiAddress, Compact<u128>]>;
      forceTransfer: AugmentedSubmittable<(source: MultiAddress | { Id: any } | { Index: any } | { Raw: any } | { Address32: any } | { Address20: any } | string | Uint8Array, dest: MultiAddress | { Id: any } | { Index: any } | { Raw: any } | { Address32: any } | { Address20: any } | string | Uint8Array, value: Compact<u128> | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [MultiAddress, MultiAddress, Compact<u128>]>;
      transferAll: AugmentedSubmittable<(dest: MultiAddress | { Id: any } | { Index: any } | { Raw: any } | { Address32: any } | { Address20: any } | string | Uint8Array, keepAlive: bool | boolean | Uint8Array) => SubmittableExtrinsic<ApiType>, [MultiAddress, bool]>;
      transferAllowDeath: AugmentedSubmittable<(dest: MultiAddress | { Id: any } | { Index: any } | { Raw: any } | { Address32: any } | { Address20: any } | string | Uint8Array, value: Compact<u128> | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [MultiAddress, Compact<u128>]>;
      transferKeepAlive: AugmentedSubmittable<(dest: MultiAddress | { Id: any } | { Index: any } | { Raw: any } | { Address32: any } | { Address20: any } | string | Uint8Array, value: Compact<u128> | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [MultiAddress, Compact<u128>]>;
      /**
       * Generic tx
       **/
      [key: string]: SubmittableExtrinsicFunction<ApiType>;
    };
    commitments: {
      /**
       * Set the commitment for a given netuid
       **/
      setCommitment: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, info: PalletCommitmentsCommitmentInfo | { fields?: any } | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, PalletCommitmentsCommitmentInfo]>;
      /**
       * Sudo-set MaxSpace
       **/
      setMaxSpace: AugmentedSubmittable<(newLimit: u32 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u32]>;
      /**
       * Generic tx
       **/
      [key: string]: SubmittableExtrinsicFunction<ApiType>;
    };
    subtensorModule: {
      addStake: AugmentedSubmittable<(hotkey: AccountId32 | string | Uint8Array, netuid: u16 | AnyNumber | Uint8Array, amountStaked: u64 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [AccountId32, u16, u64]>;
      burnedRegister: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, hotkey: AccountId32 | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, AccountId32]>;
      claimRoot: AugmentedSubmittable<(subnets: BTreeSet<u16>) => SubmittableExtrinsic<ApiType>, [BTreeSet<u16>]>;
      commitWeights: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, commitHash: H256 | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, H256]>;
      register: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, blockNumber: u64 | AnyNumber | Uint8Array, nonce: u64 | AnyNumber | Uint8Array, work: Bytes | string | Uint8Array, hotkey: AccountId32 | string | Uint8Array, coldkey: AccountId32 | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, u64, u64, Bytes, AccountId32, AccountId32]>;
      registerNetwork: AugmentedSubmittable<(hotkey: AccountId32 | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [AccountId32]>;
      removeStake: AugmentedSubmittable<(hotkey: AccountId32 | string | Uint8Array, netuid: u16 | AnyNumber | Uint8Array, amountUnstaked: u64 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [AccountId32, u16, u64]>;
      revealWeights: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, uids: Vec<u16> | (u16 | AnyNumber | Uint8Array)[], values: Vec<u16> | (u16 | AnyNumber | Uint8Array)[], salt: Vec<u16> | (u16 | AnyNumber | Uint8Array)[], versionKey: u64 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, Vec<u16>, Vec<u16>, Vec<u16>, u64]>;
      serveAxon: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, version: u32 | AnyNumber | Uint8Array, ip: u128 | AnyNumber | Uint8Array, port: u16 | AnyNumber | Uint8Array, ipType: u8 | AnyNumber | Uint8Array, protocol: u8 | AnyNumber | Uint8Array, placeholder1: u8 | AnyNumber | Uint8Array, placeholder2: u8 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, u32, u128, u16, u8, u8, u8, u8]>;
      servePrometheus: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, version: u32 | AnyNumber | Uint8Array, ip: u128 | AnyNumber | Uint8Array, port: u16 | AnyNumber | Uint8Array, ipType: u8 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, u32, u128, u16, u8]>;
      setRootClaimType: AugmentedSubmittable<(newRootClaimType: PalletSubtensorRootClaimTypeEnum | { Swap: any } | { Keep: any } | { KeepSubnets: any } | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [PalletSubtensorRootClaimTypeEnum]>;
      setWeights: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, dests: Vec<u16> | (u16 | AnyNumber | Uint8Array)[], weights: Vec<u16> | (u16 | AnyNumber | Uint8Array)[], versionKey: u64 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, Vec<u16>, Vec<u16>, u64]>;
      startCall: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16]>;
      sudoSetNumRootClaims: AugmentedSubmittable<(newValue: u64 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u64]>;
      sudoSetRootClaimThreshold: AugmentedSubmittable<(netuid: u16 | AnyNumber | Uint8Array, newValue: u64 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, u64]>;
      /**
       * Generic tx
       **/
      [key: string]: SubmittableExtrinsicFunction<ApiType>;
    };
    sudo: {
      removeKey: AugmentedSubmittable<() => SubmittableExtrinsic<ApiType>, []>;
      setKey: AugmentedSubmittable<(updated: MultiAddress | { Id: any } | { Index: any } | { Raw: any } | { Address32: any } | { Address20: any } | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [MultiAddress]>;
      sudo: AugmentedSubmittable<(call: Call | IMethod | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [Call]>;
      sudoAs: AugmentedSubmittable<(who: MultiAddress | { Id: any } | { Index: any } | { Raw: any } | { Address32: any } | { Address20: any } | string | Uint8Array, call: Call | IMethod | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [MultiAddress, Call]>;
      sudoUncheckedWeight: AugmentedSubmittable<(call: Call | IMethod | string | Uint8Array, weight: SpWeightsWeightV2Weight | { refTime?: any; proofSize?: any } | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [Call, SpWeightsWeightV2Weight]>;
      /**
       * Generic tx
       **/
      [key: string]: SubmittableExtrinsicFunction<ApiType>;
    };
    system: {
      killPrefix: AugmentedSubmittable<(prefix: Bytes | string | Uint8Array, subkeys: u32 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [Bytes, u32]>;
      killStorage: AugmentedSubmittable<(keys: Vec<Bytes> | (Bytes | string | Uint8Array)[]) => SubmittableExtrinsic<ApiType>, [Vec<Bytes>]>;
      remark: AugmentedSubmittable<(remark: Bytes | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [Bytes]>;
      remarkWithEvent: AugmentedSubmittable<(remark: Bytes | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [Bytes]>;
      setStorage: AugmentedSubmittable<(items: Vec<ITuple<[Bytes, Bytes]>> | ([Bytes | string | Uint8Array, Bytes | string | Uint8Array])[]) => SubmittableExtrinsic<ApiType>, [Vec<ITuple<[Bytes, Bytes]>>]>;
      /**
       * Generic tx
       **/
      [key: string]: SubmittableExtrinsicFunction<ApiType>;
    };
    timestamp: {
      set: AugmentedSubmittable<(now: Compact<u64> | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [Compact<u64>]>;
      /**
       * Generic tx
       **/
      [key: string]: SubmittableExtrinsicFunction<ApiType>;
    };
    utility: {
      batch: AugmentedSubmittable<(calls: Vec<Call> | (Call | IMethod | string | Uint8Array)[]) => SubmittableExtrinsic<ApiType>, [Vec<Call>]>;
      batchAll: AugmentedSubmittable<(calls: Vec<Call> | (Call | IMethod | string | Uint8Array)[]) => SubmittableExtrinsic<ApiType>, [Vec<Call>]>;
      forceBatch: AugmentedSubmittable<(calls: Vec<Call> | (Call | IMethod | string | Uint8Array)[]) => SubmittableExtrinsic<ApiType>, [Vec<Call>]>;
      withWeight: AugmentedSubmittable<(call: Call | IMethod | string | Uint8Array, weight: SpWeightsWeightV2Weight | { refTime?: any; proofSize?: any } | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [Call, SpWeightsWeightV2Weight]>;
      /**
       * Generic tx
       **/
      [key: string]: SubmittableExtrinsicFunction<ApiType>;
    };
  } // AugmentedSubmittables
} // declare module
