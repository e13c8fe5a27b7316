// Auto-generated via `yarn polkadot-types-from-chain`, do not edit
/* eslint-disable */

// import type lookup before we augment - in some environments
// this is required to allow for ambient/previous definitions
import '@polkadot/api-base/types/events';

import type { ApiTypes, AugmentedEvent } from '@polkadot/api-base/types';
import type { Compact, Null, Option, Result, Vec, bool, i16, u128, u16, u32, u64 } from '@polkadot/types-codec';
import type { AccountId32, H256 } from '@polkadot/types/interfaces/runtime';
import type { FrameSupportTokensMiscBalanceStatus, FrameSystemDispatchEventInfo, PalletSubtensorRootClaimTypeEnum, SpRuntimeDispatchError } from '@polkadot/types/lookup';

export type __AugmentedEvent<ApiType extends ApiTypes> = AugmentedEvent<ApiType>;

declare module '@polkadot/api-base/types/events' {
  interface AugmentedEvents<ApiType extends ApiTypes> {
    balances: {
      BalanceSet: AugmentedEvent<ApiType, [who: AccountId32, free: u128], { who: AccountId32, free: u128 }>;
      Burned: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      Deposit: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      DustLost: AugmentedEvent<ApiType, [account: AccountId32, amount: u128], { account: AccountId32, amount: u128 }>;
      Endowed: AugmentedEvent<ApiType, [account: AccountId32, freeBalance: u128], { account: AccountId32, freeBalance: u128 }>;
      Minted: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      Reserved: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      ReserveRepatriated: AugmentedEvent<ApiType, [from: AccountId32, to: AccountId32, amount: u128, destinationStatus: FrameSupportTokensMiscBalanceStatus], { from: AccountId32, to: AccountId32, amount: u128, destinationStatus: FrameSupportTokensMiscBalanceStatus }>;
      Slashed: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      Transfer: AugmentedEvent<ApiType, [from: AccountId32, to: AccountId32, amount: u128], { from: AccountId32, to: AccountId32, amount: u128 }>;
      Unreserved: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      Withdraw: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      /**
       * Generic event
       **/
      [key: string]: AugmentedEvent<ApiType>;
    };
    commitments: {
      /**
       * A commitment was set
       **/
      Commitment: AugmentedEvent<ApiType, [netuid: u16, who: AccountId32], { netuid: u16, who: AccountId32 }>;
      /**
       * A timelock-encrypted commitment was auto-revealed
       **/
      CommitmentRevealed: AugmentedEvent<ApiType, [netuid: u16, who: AccountId32], { netuid: u16, who: AccountId32 }>;
      /**
       * A timelock-encrypted commitment was set
       **/
      TimelockCommitment: AugmentedEvent<ApiType, [netuid: u16, who: AccountId32, revealRound: u64], { netuid: u16, who: AccountId32, revealRound: u64 }>;
      /**
       * Generic event
       **/
      [key: string]: AugmentedEvent<ApiType>;
    };
    subtensorModule: {
      ActivityCutoffSet: AugmentedEvent<ApiType, [u16, u16]>;
      AlphaSigmoidSteepnessSet: AugmentedEvent<ApiType, [u16, i16]>;
      AxonServed: AugmentedEvent<ApiType, [u16, AccountId32]>;
      BatchCompletedWithErrors: AugmentedEvent<ApiType, []>;
      BatchWeightItemFailed: AugmentedEvent<ApiType, [u16, SpRuntimeDispatchError]>;
      BatchWeightsCompleted: AugmentedEvent<ApiType, [Vec<Compact<u16>>, AccountId32]>;
      BondsMovingAverageSet: AugmentedEvent<ApiType, [u16, u64]>;
      BondsPenaltySet: AugmentedEvent<ApiType, [u16, u16]>;
      BondsResetOnSet: AugmentedEvent<ApiType, [u16, bool]>;
      BurnSet: AugmentedEvent<ApiType, [u16, u64]>;
      CommitRevealEnabled: AugmentedEvent<ApiType, [u16, bool]>;
      CommitRevealPeriodsSet: AugmentedEvent<ApiType, [u16, u64]>;
      DifficultySet: AugmentedEvent<ApiType, [u16, u64]>;
      EpochDeferred: AugmentedEvent<ApiType, [netuid: u16, fromBlock: u64, toBlock: u64], { netuid: u16, fromBlock: u64, toBlock: u64 }>;
      EpochSkipped: AugmentedEvent<ApiType, [netuid: u16, block: u64], { netuid: u16, block: u64 }>;
      EpochTriggered: AugmentedEvent<ApiType, [netuid: u16, by: AccountId32, firesAt: u64], { netuid: u16, by: AccountId32, firesAt: u64 }>;
      FirstEmissionBlockNumberSet: AugmentedEvent<ApiType, [u16, u64]>;
      ImmunityPeriodSet: AugmentedEvent<ApiType, [u16, u16]>;
      IncentiveAlphaEmittedToMiners: AugmentedEvent<ApiType, [netuid: u16, emissions: Vec<u64>], { netuid: u16, emissions: Vec<u64> }>;
      KappaSet: AugmentedEvent<ApiType, [u16, u16]>;
      MaxAllowedUidsSet: AugmentedEvent<ApiType, [u16, u16]>;
      MaxAllowedValidatorsSet: AugmentedEvent<ApiType, [u16, u16]>;
      MaxBurnSet: AugmentedEvent<ApiType, [u16, u64]>;
      MaxWeightLimitSet: AugmentedEvent<ApiType, [u16, u16]>;
      MinAllowedWeightSet: AugmentedEvent<ApiType, [u16, u16]>;
      MinBurnSet: AugmentedEvent<ApiType, [u16, u64]>;
      NetworkAdded: AugmentedEvent<ApiType, [u16, u16]>;
      NetworkRateLimitSet: AugmentedEvent<ApiType, [u64]>;
      NetworkRemoved: AugmentedEvent<ApiType, [u16]>;
      NeuronRegistered: AugmentedEvent<ApiType, [u16, u16, AccountId32]>;
      PrometheusServed: AugmentedEvent<ApiType, [u16, AccountId32]>;
      RegistrationAllowed: AugmentedEvent<ApiType, [u16, bool]>;
      RhoSet: AugmentedEvent<ApiType, [u16, u16]>;
      RootClaimed: AugmentedEvent<ApiType, [coldkey: AccountId32], { coldkey: AccountId32 }>;
      RootClaimTypeSet: AugmentedEvent<ApiType, [coldkey: AccountId32, rootClaimType: PalletSubtensorRootClaimTypeEnum], { coldkey: AccountId32, rootClaimType: PalletSubtensorRootClaimTypeEnum }>;
      ServingRateLimitSet: AugmentedEvent<ApiType, [u16, u64]>;
      StakeAdded: AugmentedEvent<ApiType, [AccountId32, AccountId32, u64, u64, u16, u64]>;
      StakeMoved: AugmentedEvent<ApiType, [AccountId32, AccountId32, u16, AccountId32, u16, u64]>;
      StakeRemoved: AugmentedEvent<ApiType, [AccountId32, AccountId32, u64, u64, u16, u64]>;
      StakeThresholdSet: AugmentedEvent<ApiType, [u64]>;
      StartCallDelaySet: AugmentedEvent<ApiType, [u64]>;
      TempoSet: AugmentedEvent<ApiType, [u16, u16]>;
      TxRateLimitSet: AugmentedEvent<ApiType, [u64]>;
      Unused102: AugmentedEvent<ApiType, []>;
      Unused103: AugmentedEvent<ApiType, []>;
      Unused104: AugmentedEvent<ApiType, []>;
      Unused105: AugmentedEvent<ApiType, []>;
      Unused106: AugmentedEvent<ApiType, []>;
      Unused107: AugmentedEvent<ApiType, []>;
      Unused108: AugmentedEvent<ApiType, []>;
      Unused109: AugmentedEvent<ApiType, []>;
      Unused111: AugmentedEvent<ApiType, []>;
      Unused112: AugmentedEvent<ApiType, []>;
      Unused113: AugmentedEvent<ApiType, []>;
      Unused116: AugmentedEvent<ApiType, []>;
      Unused117: AugmentedEvent<ApiType, []>;
      Unused118: AugmentedEvent<ApiType, []>;
      Unused119: AugmentedEvent<ApiType, []>;
      Unused12: AugmentedEvent<ApiType, []>;
      Unused120: AugmentedEvent<ApiType, []>;
      Unused121: AugmentedEvent<ApiType, []>;
      Unused122: AugmentedEvent<ApiType, []>;
      Unused123: AugmentedEvent<ApiType, []>;
      Unused124: AugmentedEvent<ApiType, []>;
      Unused125: AugmentedEvent<ApiType, []>;
      Unused126: AugmentedEvent<ApiType, []>;
      Unused127: AugmentedEvent<ApiType, []>;
      Unused128: AugmentedEvent<ApiType, []>;
      Unused129: AugmentedEvent<ApiType, []>;
      Unused13: AugmentedEvent<ApiType, []>;
      Unused130: AugmentedEvent<ApiType, []>;
      Unused134: AugmentedEvent<ApiType, []>;
      Unused135: AugmentedEvent<ApiType, []>;
      Unused136: AugmentedEvent<ApiType, []>;
      Unused14: AugmentedEvent<ApiType, []>;
      Unused20: AugmentedEvent<ApiType, []>;
      Unused21: AugmentedEvent<ApiType, []>;
      Unused30: AugmentedEvent<ApiType, []>;
      Unused31: AugmentedEvent<ApiType, []>;
      Unused33: AugmentedEvent<ApiType, []>;
      Unused34: AugmentedEvent<ApiType, []>;
      Unused39: AugmentedEvent<ApiType, []>;
      Unused41: AugmentedEvent<ApiType, []>;
      Unused42: AugmentedEvent<ApiType, []>;
      Unused43: AugmentedEvent<ApiType, []>;
      Unused44: AugmentedEvent<ApiType, []>;
      Unused45: AugmentedEvent<ApiType, []>;
      Unused46: AugmentedEvent<ApiType, []>;
      Unused47: AugmentedEvent<ApiType, []>;
      Unused48: AugmentedEvent<ApiType, []>;
      Unused49: AugmentedEvent<ApiType, []>;
      Unused51: AugmentedEvent<ApiType, []>;
      Unused53: AugmentedEvent<ApiType, []>;
      Unused55: AugmentedEvent<ApiType, []>;
      Unused56: AugmentedEvent<ApiType, []>;
      Unused57: AugmentedEvent<ApiType, []>;
      Unused59: AugmentedEvent<ApiType, []>;
      Unused61: AugmentedEvent<ApiType, []>;
      Unused62: AugmentedEvent<ApiType, []>;
      Unused63: AugmentedEvent<ApiType, []>;
      Unused64: AugmentedEvent<ApiType, []>;
      Unused65: AugmentedEvent<ApiType, []>;
      Unused66: AugmentedEvent<ApiType, []>;
      Unused67: AugmentedEvent<ApiType, []>;
      Unused68: AugmentedEvent<ApiType, []>;
      Unused69: AugmentedEvent<ApiType, []>;
      Unused7: AugmentedEvent<ApiType, []>;
      Unused70: AugmentedEvent<ApiType, []>;
      Unused71: AugmentedEvent<ApiType, []>;
      Unused72: AugmentedEvent<ApiType, []>;
      Unused73: AugmentedEvent<ApiType, []>;
      Unused74: AugmentedEvent<ApiType, []>;
      Unused75: AugmentedEvent<ApiType, []>;
      Unused76: AugmentedEvent<ApiType, []>;
      Unused77: AugmentedEvent<ApiType, []>;
      Unused78: AugmentedEvent<ApiType, []>;
      Unused79: AugmentedEvent<ApiType, []>;
      Unused8: AugmentedEvent<ApiType, []>;
      Unused80: AugmentedEvent<ApiType, []>;
      Unused81: AugmentedEvent<ApiType, []>;
      Unused82: AugmentedEvent<ApiType, []>;
      Unused83: AugmentedEvent<ApiType, []>;
      Unused84: AugmentedEvent<ApiType, []>;
      Unused91: AugmentedEvent<ApiType, []>;
      Unused92: AugmentedEvent<ApiType, []>;
      Unused93: AugmentedEvent<ApiType, []>;
      Unused94: AugmentedEvent<ApiType, []>;
      Unused96: AugmentedEvent<ApiType, []>;
      Unused97: AugmentedEvent<ApiType, []>;
      Unused98: AugmentedEvent<ApiType, []>;
      Unused99: AugmentedEvent<ApiType, []>;
      WeightsBatchRevealed: AugmentedEvent<ApiType, [AccountId32, u16, Vec<H256>]>;
      WeightsCommitted: AugmentedEvent<ApiType, [AccountId32, u16, H256]>;
      WeightsRevealed: AugmentedEvent<ApiType, [AccountId32, u16, H256]>;
      WeightsSet: AugmentedEvent<ApiType, [u16, u16]>;
      WeightsSetRateLimitSet: AugmentedEvent<ApiType, [u16, u64]>;
      WeightsVersionKeySet: AugmentedEvent<ApiType, [u16, u64]>;
      /**
       * Generic event
       **/
      [key: string]: AugmentedEvent<ApiType>;
    };
    sudo: {
      KeyChanged: AugmentedEvent<ApiType, [old: Option<AccountId32>, new_: AccountId32], { old: Option<AccountId32>, new_: AccountId32 }>;
      KeyRemoved: AugmentedEvent<ApiType, []>;
      Sudid: AugmentedEvent<ApiType, [sudoResult: Result<Null, SpRuntimeDispatchError>], { sudoResult: Result<Null, SpRuntimeDispatchError> }>;
      SudoAsDone: AugmentedEvent<ApiType, [sudoResult: Result<Null, SpRuntimeDispatchError>], { sudoResult: Result<Null, SpRuntimeDispatchError> }>;
      /**
       * Generic event
       **/
      [key: string]: AugmentedEvent<ApiType>;
    };
    system: {
      CodeUpdated: AugmentedEvent<ApiType, []>;
      ExtrinsicFailed: AugmentedEvent<ApiType, [dispatchError: SpRuntimeDispatchError, dispatchInfo: FrameSystemDispatchEventInfo], { dispatchError: SpRuntimeDispatchError, dispatchInfo: FrameSystemDispatchEventInfo }>;
      ExtrinsicSuccess: AugmentedEvent<ApiType, [dispatchInfo: FrameSystemDispatchEventInfo], { dispatchInfo: FrameSystemDispatchEventInfo }>;
      KilledAccount: AugmentedEvent<ApiType, [account: AccountId32], { account: AccountId32 }>;
      NewAccount: AugmentedEvent<ApiType, [account: AccountId32], { account: AccountId32 }>;
      Remarked: AugmentedEvent<ApiType, [sender: AccountId32, hash_: H256], { sender: AccountId32, hash_: H256 }>;
      /**
       * Generic event
       **/
      [key: string]: AugmentedEvent<ApiType>;
    };
    transactionPayment: {
      TransactionFeePaid: AugmentedEvent<ApiType, [who: AccountId32, actualFee: u128, tip: u128], { who: AccountId32, actualFee: u128, tip: u128 }>;
      /**
       * Generic event
       **/
      [key: string]: AugmentedEvent<ApiType>;
    };
    utility: {
      BatchCompleted: AugmentedEvent<ApiType, []>;
      BatchCompletedWithErrors: AugmentedEvent<ApiType, []>;
      BatchInterrupted: AugmentedEvent<ApiType, [index: u32, error: SpRuntimeDispatchError], { index: u32, error: SpRuntimeDispatchError }>;
      DispatchedAs: AugmentedEvent<ApiType, [result: Result<Null, SpRuntimeDispatchError>], { result: Result<Null, SpRuntimeDispatchError> }>;
      ItemCompleted: AugmentedEvent<ApiType, []>;
      ItemFailed: AugmentedEvent<ApiType, [error: SpRuntimeDispatchError], { error: SpRuntimeDispatchError }>;
      /**
       * Generic event
       **/
      [key: string]: AugmentedEvent<ApiType>;
    };
  } // AugmentedEvents
} // declare module
