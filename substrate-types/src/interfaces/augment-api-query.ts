// Auto-generated via `yarn polkadot-types-from-chain`, do not edit
/* eslint-disable */

// import type lookup before we augment - in some environments
// this is required to allow for ambient/previous definitions
import '@polkadot/api-base/types/storage';

import type { ApiTypes, AugmentedQuery, QueryableStorageEntry } from '@polkadot/api-base/types';
import type { BTreeMap, Bytes, Option, Vec, bool, i16, u128, u16, u32, u64, u8 } from '@polkadot/types-codec';
import type { AnyNumber, ITuple } from '@polkadot/types-codec/types';
import type { AccountId32, H256 } from '@polkadot/types/interfaces/runtime';
import type { FrameSupportDispatchPerDispatchClassWeight, FrameSystemAccountInfo, FrameSystemEventRecord, FrameSystemLastRuntimeUpgradeInfo, FrameSystemPhase, PalletCommitmentsRegistration, PalletCommitmentsUsageTracker, PalletSubtensorAxonInfo, PalletSubtensorPrometheusInfo, PalletSubtensorRootClaimTypeEnum, PalletTransactionPaymentReleases, SpRuntimeDigest, SubstrateFixedFixedI128, SubstrateFixedFixedU128 } from '@polkadot/types/lookup';
import type { Observable } from '@polkadot/types/types';

export type __AugmentedQuery<ApiType extends ApiTypes> = AugmentedQuery<ApiType, () => unknown>;
export type __QueryableStorageEntry<ApiType extends ApiTypes> = QueryableStorageEntry<ApiType>;

declare module '@polkadot/api-base/types/storage' {
  interface AugmentedQueries<ApiType extends ApiTypes> {
    balances: {
      inactiveIssuance: AugmentedQuery<ApiType, () => Observable<u128>, []> & QueryableStorageEntry<ApiType, []>;
      /**
       * The total units issued in the system.
       **/
      totalIssuance: AugmentedQuery<ApiType, () => Observable<u128>, []> & QueryableStorageEntry<ApiType, []>;
      /**
       * Generic query
       **/
      [key: string]: QueryableStorageEntry<ApiType>;
    };
    commitments: {
      /**
       * Identity data by account
       **/
      commitmentOf: AugmentedQuery<ApiType, (arg1: u16 | AnyNumber | Uint8Array, arg2: AccountId32 | string | Uint8Array) => Observable<Option<PalletCommitmentsRegistration>>, [u16, AccountId32]> & QueryableStorageEntry<ApiType, [u16, AccountId32]>;
      lastBondsReset: AugmentedQuery<ApiType, (arg1: u16 | AnyNumber | Uint8Array, arg2: AccountId32 | string | Uint8Array) => Observable<Option<u32>>, [u16, AccountId32]> & QueryableStorageEntry<ApiType, [u16, AccountId32]>;
      lastCommitment: AugmentedQuery<ApiType, (arg1: u16 | AnyNumber | Uint8Array, arg2: AccountId32 | string | Uint8Array) => Observable<Option<u32>>, [u16, AccountId32]> & QueryableStorageEntry<ApiType, [u16, AccountId32]>;
      maxSpace: AugmentedQuery<ApiType, () => Observable<u32>, []> & QueryableStorageEntry<ApiType, []>;
      revealedCommitments: AugmentedQuery<ApiType, (arg1: u16 | AnyNumber | Uint8Array, arg2: AccountId32 | string | Uint8Array) => Observable<Option<Vec<ITuple<[Bytes, u64]>>>>, [u16, AccountId32]> & QueryableStorageEntry<ApiType, [u16, AccountId32]>;
      /**
       * Tracks all CommitmentOf that have at least one timelocked field.
       **/
      timelockedIndex: AugmentedQuery<ApiType, () => Observable<Vec<ITuple<[u16, AccountId32]>>>, []> & QueryableStorageEntry<ApiType, []>;
      /**
       * Maps (netuid, who) -> usage (how many “bytes” they've committed)
       * in the RateLimit window
       **/
      usedSpaceOf: AugmentedQuery<ApiType, (arg1: u16 | AnyNumber | Uint8Array, arg2: AccountId32 | string | Uint8Array) => Observable<Option<PalletCommitmentsUsageTracker>>, [u16, AccountId32]> & QueryableStorageEntry<ApiType, [u16, AccountId32]>;
      /**
       * Generic query
       **/
      [key: string]: QueryableStorageEntry<ApiType>;
    };
    subtensorModule: {
      active: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<Vec<bool>>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      activityCutoff: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u16>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      activityCutoffFactorMilli: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u32>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      adjustmentAlpha: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u64>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      adjustmentInterval: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u16>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      adminFreezeWindow: AugmentedQuery<ApiType, () => Observable<u16>, []> & QueryableStorageEntry<ApiType, []>;
      alpha: AugmentedQuery<ApiType, (arg1: AccountId32 | string | Uint8Array, arg2: AccountId32 | string | Uint8Array, arg3: u16 | AnyNumber | Uint8Array) => Observable<SubstrateFixedFixedU128>, [AccountId32, AccountId32, u16]> & QueryableStorageEntry<ApiType, [AccountId32, AccountId32, u16]>;
      alphaDividendsPerSubnet: AugmentedQuery<ApiType, (arg1: u16 | AnyNumber | Uint8Array, arg2: AccountId32 | string | Uint8Array) => Observable<u64>, [u16, AccountId32]> & QueryableStorageEntry<ApiType, [u16, AccountId32]>;
      alphaSigmoidSteepness: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<i16>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      alphaValues: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<ITuple<[u16, u16]>>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      axons: AugmentedQuery<ApiType, (arg1: u16 | AnyNumber | Uint8Array, arg2: AccountId32 | string | Uint8Array) => Observable<Option<PalletSubtensorAxonInfo>>, [u16, AccountId32]> & QueryableStorageEntry<ApiType, [u16, AccountId32]>;
      blockAtRegistration: AugmentedQuery<ApiType, (arg1: u16 | AnyNumber | Uint8Array, arg2: u16 | AnyNumber | Uint8Array) => Observable<u64>, [u16, u16]> & QueryableStorageEntry<ApiType, [u16, u16]>;
      blocksSinceLastStep: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u64>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      bonds: AugmentedQuery<ApiType, (arg1: u16 | AnyNumber | Uint8Array, arg2: u16 | AnyNumber | Uint8Array) => Observable<Vec<ITuple<[u16, u16]>>>, [u16, u16]> & QueryableStorageEntry<ApiType, [u16, u16]>;
      bondsMovingAverage: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u64>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      bondsPenalty: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u16>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      bondsResetOn: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<bool>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      burn: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u64>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      burnHalfLife: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u16>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      burnIncreaseMult: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<SubstrateFixedFixedU128>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      commitRevealWeightsEnabled: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<bool>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      commitRevealWeightsVersion: AugmentedQuery<ApiType, () => Observable<u16>, []> & QueryableStorageEntry<ApiType, []>;
      consensus: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<Vec<u16>>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      delegates: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<u16>, [AccountId32]> & QueryableStorageEntry<ApiType, [AccountId32]>;
      difficulty: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u64>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      dividends: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<Vec<u16>>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      emission: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<Vec<u64>>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      firstEmissionBlockNumber: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<Option<u64>>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      immuneOwnerUidsLimit: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u16>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      immunityPeriod: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u16>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      incentive: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<Vec<u16>>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      isNetworkMember: AugmentedQuery<ApiType, (arg1: AccountId32 | string | Uint8Array, arg2: u16 | AnyNumber | Uint8Array) => Observable<bool>, [AccountId32, u16]> & QueryableStorageEntry<ApiType, [AccountId32, u16]>;
      kappa: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u16>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      keys: AugmentedQuery<ApiType, (arg1: u16 | AnyNumber | Uint8Array, arg2: u16 | AnyNumber | Uint8Array) => Observable<AccountId32>, [u16, u16]> & QueryableStorageEntry<ApiType, [u16, u16]>;
      lastEpochBlock: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u64>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      lastMechansimStepBlock: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u64>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      /**
       * Block of the last owner change of a hyperparameter, keyed by (netuid, AdminUtils call index); 0 = never.
       * Devchain-specific stand-in for upstream `LastRateLimitedBlock(RateLimitKey::OwnerHyperparamUpdate)`.
       **/
      lastOwnerHyperparamUpdate: AugmentedQuery<ApiType, (arg1: u16 | AnyNumber | Uint8Array, arg2: u8 | AnyNumber | Uint8Array) => Observable<u64>, [u16, u8]> & QueryableStorageEntry<ApiType, [u16, u8]>;
      lastUpdate: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<Vec<u64>>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      liquidAlphaOn: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<bool>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      maxAllowedUids: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u16>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      maxAllowedValidators: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u16>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      maxBurn: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u64>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      maxDifficulty: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u64>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      maxEpochsPerBlock: AugmentedQuery<ApiType, () => Observable<u8>, []> & QueryableStorageEntry<ApiType, []>;
      maxRegistrationsPerBlock: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u16>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      maxWeightsLimit: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u16>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      minAllowedUids: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u16>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      minAllowedWeights: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u16>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      minBurn: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u64>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      minDifficulty: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u64>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      minerBurned: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<SubstrateFixedFixedU128>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      minNonImmuneUids: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u16>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      networkLastLockCost: AugmentedQuery<ApiType, () => Observable<u64>, []> & QueryableStorageEntry<ApiType, []>;
      networkLastRegistered: AugmentedQuery<ApiType, () => Observable<u64>, []> & QueryableStorageEntry<ApiType, []>;
      networkLockReductionInterval: AugmentedQuery<ApiType, () => Observable<u64>, []> & QueryableStorageEntry<ApiType, []>;
      networkMinLockCost: AugmentedQuery<ApiType, () => Observable<u64>, []> & QueryableStorageEntry<ApiType, []>;
      networkPowRegistrationAllowed: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<bool>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      networkRateLimit: AugmentedQuery<ApiType, () => Observable<u64>, []> & QueryableStorageEntry<ApiType, []>;
      networkRegisteredAt: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u64>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      networkRegistrationAllowed: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<bool>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      networksAdded: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<bool>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      numRootClaim: AugmentedQuery<ApiType, () => Observable<u64>, []> & QueryableStorageEntry<ApiType, []>;
      numStakingColdkeys: AugmentedQuery<ApiType, () => Observable<u64>, []> & QueryableStorageEntry<ApiType, []>;
      ownedHotkeys: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<Vec<AccountId32>>, [AccountId32]> & QueryableStorageEntry<ApiType, [AccountId32]>;
      owner: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<AccountId32>, [AccountId32]> & QueryableStorageEntry<ApiType, [AccountId32]>;
      ownerHyperparamRateLimit: AugmentedQuery<ApiType, () => Observable<u16>, []> & QueryableStorageEntry<ApiType, []>;
      pendingEpochAt: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u64>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      pendingOwnerCut: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u64>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      pendingRootAlphaDivs: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u64>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      pendingServerEmission: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u64>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      pendingValidatorEmission: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u64>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      prometheus: AugmentedQuery<ApiType, (arg1: u16 | AnyNumber | Uint8Array, arg2: AccountId32 | string | Uint8Array) => Observable<Option<PalletSubtensorPrometheusInfo>>, [u16, AccountId32]> & QueryableStorageEntry<ApiType, [u16, AccountId32]>;
      raoRecycledForRegistration: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u64>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      registrationsThisBlock: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u16>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      registrationsThisInterval: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u16>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      revealPeriodEpochs: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u64>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      rho: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u16>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      rootAlphaDividendsPerSubnet: AugmentedQuery<ApiType, (arg1: u16 | AnyNumber | Uint8Array, arg2: AccountId32 | string | Uint8Array) => Observable<u64>, [u16, AccountId32]> & QueryableStorageEntry<ApiType, [u16, AccountId32]>;
      rootClaimable: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<BTreeMap<u16, SubstrateFixedFixedI128>>, [AccountId32]> & QueryableStorageEntry<ApiType, [AccountId32]>;
      rootClaimableThreshold: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<SubstrateFixedFixedI128>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      rootClaimed: AugmentedQuery<ApiType, (arg1: u16 | AnyNumber | Uint8Array, arg2: AccountId32 | string | Uint8Array, arg3: AccountId32 | string | Uint8Array) => Observable<u128>, [u16, AccountId32, AccountId32]> & QueryableStorageEntry<ApiType, [u16, AccountId32, AccountId32]>;
      rootClaimType: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<PalletSubtensorRootClaimTypeEnum>, [AccountId32]> & QueryableStorageEntry<ApiType, [AccountId32]>;
      rootProp: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<SubstrateFixedFixedU128>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      servingRateLimit: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u64>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      stakeThreshold: AugmentedQuery<ApiType, () => Observable<u64>, []> & QueryableStorageEntry<ApiType, []>;
      stakeWeight: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<Vec<u16>>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      stakingColdkeys: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<Option<u64>>, [AccountId32]> & QueryableStorageEntry<ApiType, [AccountId32]>;
      stakingColdkeysByIndex: AugmentedQuery<ApiType, (arg: u64 | AnyNumber | Uint8Array) => Observable<Option<AccountId32>>, [u64]> & QueryableStorageEntry<ApiType, [u64]>;
      stakingHotkeys: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<Vec<AccountId32>>, [AccountId32]> & QueryableStorageEntry<ApiType, [AccountId32]>;
      startCallDelay: AugmentedQuery<ApiType, () => Observable<u64>, []> & QueryableStorageEntry<ApiType, []>;
      subnetAlphaIn: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u64>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      subnetAlphaOut: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u64>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      subnetEpochIndex: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u64>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      subnetLimit: AugmentedQuery<ApiType, () => Observable<u16>, []> & QueryableStorageEntry<ApiType, []>;
      subnetLocked: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u64>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      subnetMechanism: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u16>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      subnetOwner: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<AccountId32>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      subnetOwnerCut: AugmentedQuery<ApiType, () => Observable<u16>, []> & QueryableStorageEntry<ApiType, []>;
      subnetOwnerHotkey: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<AccountId32>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      subnetTAO: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u64>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      subnetworkN: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u16>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      subtokenEnabled: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<bool>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      taoWeight: AugmentedQuery<ApiType, () => Observable<u64>, []> & QueryableStorageEntry<ApiType, []>;
      targetRegistrationsPerInterval: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u16>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      tempo: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u16>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      totalHotkeyAlpha: AugmentedQuery<ApiType, (arg1: AccountId32 | string | Uint8Array, arg2: u16 | AnyNumber | Uint8Array) => Observable<u64>, [AccountId32, u16]> & QueryableStorageEntry<ApiType, [AccountId32, u16]>;
      totalHotkeyAlphaLastEpoch: AugmentedQuery<ApiType, (arg1: AccountId32 | string | Uint8Array, arg2: u16 | AnyNumber | Uint8Array) => Observable<u64>, [AccountId32, u16]> & QueryableStorageEntry<ApiType, [AccountId32, u16]>;
      totalHotkeyShares: AugmentedQuery<ApiType, (arg1: AccountId32 | string | Uint8Array, arg2: u16 | AnyNumber | Uint8Array) => Observable<SubstrateFixedFixedU128>, [AccountId32, u16]> & QueryableStorageEntry<ApiType, [AccountId32, u16]>;
      totalIssuance: AugmentedQuery<ApiType, () => Observable<u64>, []> & QueryableStorageEntry<ApiType, []>;
      totalNetworks: AugmentedQuery<ApiType, () => Observable<u16>, []> & QueryableStorageEntry<ApiType, []>;
      totalStake: AugmentedQuery<ApiType, () => Observable<u64>, []> & QueryableStorageEntry<ApiType, []>;
      uids: AugmentedQuery<ApiType, (arg1: u16 | AnyNumber | Uint8Array, arg2: AccountId32 | string | Uint8Array) => Observable<Option<u16>>, [u16, AccountId32]> & QueryableStorageEntry<ApiType, [u16, AccountId32]>;
      validatorPermit: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<Vec<bool>>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      validatorTrust: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<Vec<u16>>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      weightCommits: AugmentedQuery<ApiType, (arg1: u16 | AnyNumber | Uint8Array, arg2: AccountId32 | string | Uint8Array) => Observable<Option<Vec<ITuple<[H256, u64, u64, u64]>>>>, [u16, AccountId32]> & QueryableStorageEntry<ApiType, [u16, AccountId32]>;
      weights: AugmentedQuery<ApiType, (arg1: u16 | AnyNumber | Uint8Array, arg2: u16 | AnyNumber | Uint8Array) => Observable<Vec<ITuple<[u16, u16]>>>, [u16, u16]> & QueryableStorageEntry<ApiType, [u16, u16]>;
      weightsSetRateLimit: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u64>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      weightsVersionKey: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<u64>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      weightsVersionKeyRateLimit: AugmentedQuery<ApiType, () => Observable<u64>, []> & QueryableStorageEntry<ApiType, []>;
      yuma3On: AugmentedQuery<ApiType, (arg: u16 | AnyNumber | Uint8Array) => Observable<bool>, [u16]> & QueryableStorageEntry<ApiType, [u16]>;
      /**
       * Generic query
       **/
      [key: string]: QueryableStorageEntry<ApiType>;
    };
    sudo: {
      /**
       * The `AccountId` of the sudo key.
       **/
      key: AugmentedQuery<ApiType, () => Observable<Option<AccountId32>>, []> & QueryableStorageEntry<ApiType, []>;
      /**
       * Generic query
       **/
      [key: string]: QueryableStorageEntry<ApiType>;
    };
    system: {
      /**
       * The full account information for a particular account ID.
       **/
      account: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<FrameSystemAccountInfo>, [AccountId32]> & QueryableStorageEntry<ApiType, [AccountId32]>;
      allExtrinsicsLen: AugmentedQuery<ApiType, () => Observable<Option<u32>>, []> & QueryableStorageEntry<ApiType, []>;
      blockHash: AugmentedQuery<ApiType, (arg: u32 | AnyNumber | Uint8Array) => Observable<H256>, [u32]> & QueryableStorageEntry<ApiType, [u32]>;
      blockWeight: AugmentedQuery<ApiType, () => Observable<FrameSupportDispatchPerDispatchClassWeight>, []> & QueryableStorageEntry<ApiType, []>;
      digest: AugmentedQuery<ApiType, () => Observable<SpRuntimeDigest>, []> & QueryableStorageEntry<ApiType, []>;
      eventCount: AugmentedQuery<ApiType, () => Observable<u32>, []> & QueryableStorageEntry<ApiType, []>;
      events: AugmentedQuery<ApiType, () => Observable<Vec<FrameSystemEventRecord>>, []> & QueryableStorageEntry<ApiType, []>;
      executionPhase: AugmentedQuery<ApiType, () => Observable<Option<FrameSystemPhase>>, []> & QueryableStorageEntry<ApiType, []>;
      extrinsicCount: AugmentedQuery<ApiType, () => Observable<Option<u32>>, []> & QueryableStorageEntry<ApiType, []>;
      extrinsicData: AugmentedQuery<ApiType, (arg: u32 | AnyNumber | Uint8Array) => Observable<Bytes>, [u32]> & QueryableStorageEntry<ApiType, [u32]>;
      inherentsApplied: AugmentedQuery<ApiType, () => Observable<bool>, []> & QueryableStorageEntry<ApiType, []>;
      lastRuntimeUpgrade: AugmentedQuery<ApiType, () => Observable<Option<FrameSystemLastRuntimeUpgradeInfo>>, []> & QueryableStorageEntry<ApiType, []>;
      number: AugmentedQuery<ApiType, () => Observable<u32>, []> & QueryableStorageEntry<ApiType, []>;
      parentHash: AugmentedQuery<ApiType, () => Observable<H256>, []> & QueryableStorageEntry<ApiType, []>;
      /**
       * Generic query
       **/
      [key: string]: QueryableStorageEntry<ApiType>;
    };
    timestamp: {
      didUpdate: AugmentedQuery<ApiType, () => Observable<bool>, []> & QueryableStorageEntry<ApiType, []>;
      /**
       * The current time for the current block.
       **/
      now: AugmentedQuery<ApiType, () => Observable<u64>, []> & QueryableStorageEntry<ApiType, []>;
      /**
       * Generic query
       **/
      [key: string]: QueryableStorageEntry<ApiType>;
    };
    transactionPayment: {
      nextFeeMultiplier: AugmentedQuery<ApiType, () => Observable<u128>, []> & QueryableStorageEntry<ApiType, []>;
      storageVersion: AugmentedQuery<ApiType, () => Observable<PalletTransactionPaymentReleases>, []> & QueryableStorageEntry<ApiType, []>;
      /**
       * Generic query
       **/
      [key: string]: QueryableStorageEntry<ApiType>;
    };
  } // AugmentedQueries
} // declare module
