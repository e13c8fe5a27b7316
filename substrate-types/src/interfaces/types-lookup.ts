// Auto-generated via `yarn polkadot-types-from-defs`, do not edit
/* eslint-disable */

// import type lookup before we augment - in some environments
// this is required to allow for ambient/previous definitions
import '@polkadot/types/lookup';

import type { BTreeSet, Bytes, Compact, Enum, Null, Option, Result, Struct, Text, U8aFixed, Vec, bool, i128, i16, u128, u16, u32, u64, u8 } from '@polkadot/types-codec';
import type { ITuple } from '@polkadot/types-codec/types';
import type { AccountId32, Call, H256, MultiAddress } from '@polkadot/types/interfaces/runtime';
import type { Event } from '@polkadot/types/interfaces/system';

declare module '@polkadot/types/lookup' {
  /** @name FrameSystemAccountInfo (3) */
  interface FrameSystemAccountInfo extends Struct {
    readonly nonce: u32;
    readonly consumers: u32;
    readonly providers: u32;
    readonly sufficients: u32;
    readonly data: PalletBalancesAccountData;
  }

  /** @name PalletBalancesAccountData (5) */
  interface PalletBalancesAccountData extends Struct {
    readonly free: u128;
    readonly reserved: u128;
    readonly frozen: u128;
    readonly flags: u128;
  }

  /** @name FrameSupportDispatchPerDispatchClassWeight (9) */
  interface FrameSupportDispatchPerDispatchClassWeight extends Struct {
    readonly normal: SpWeightsWeightV2Weight;
    readonly operational: SpWeightsWeightV2Weight;
    readonly mandatory: SpWeightsWeightV2Weight;
  }

  /** @name SpWeightsWeightV2Weight (10) */
  interface SpWeightsWeightV2Weight extends Struct {
    readonly refTime: Compact<u64>;
    readonly proofSize: Compact<u64>;
  }

  /** @name SpRuntimeDigest (15) */
  interface SpRuntimeDigest extends Struct {
    readonly logs: Vec<SpRuntimeDigestDigestItem>;
  }

  /** @name SpRuntimeDigestDigestItem (16) */
  interface SpRuntimeDigestDigestItem extends Enum {
    readonly isOther: boolean;
    readonly asOther: Bytes;
    readonly isConsensus: boolean;
    readonly asConsensus: ITuple<[U8aFixed, Bytes]>;
    readonly isSeal: boolean;
    readonly asSeal: ITuple<[U8aFixed, Bytes]>;
    readonly isPreRuntime: boolean;
    readonly asPreRuntime: ITuple<[U8aFixed, Bytes]>;
    readonly isRuntimeEnvironmentUpdated: boolean;
    readonly type: 'Other' | 'Consensus' | 'Seal' | 'PreRuntime' | 'RuntimeEnvironmentUpdated';
  }

  /** @name FrameSystemEventRecord (19) */
  interface FrameSystemEventRecord extends Struct {
    readonly phase: FrameSystemPhase;
    readonly event: Event;
    readonly topics: Vec<H256>;
  }

  /** @name FrameSystemEvent (21) */
  interface FrameSystemEvent extends Enum {
    readonly isExtrinsicSuccess: boolean;
    readonly asExtrinsicSuccess: {
      readonly dispatchInfo: FrameSystemDispatchEventInfo;
    } & Struct;
    readonly isExtrinsicFailed: boolean;
    readonly asExtrinsicFailed: {
      readonly dispatchError: SpRuntimeDispatchError;
      readonly dispatchInfo: FrameSystemDispatchEventInfo;
    } & Struct;
    readonly isCodeUpdated: boolean;
    readonly isNewAccount: boolean;
    readonly asNewAccount: {
      readonly account: AccountId32;
    } & Struct;
    readonly isKilledAccount: boolean;
    readonly asKilledAccount: {
      readonly account: AccountId32;
    } & Struct;
    readonly isRemarked: boolean;
    readonly asRemarked: {
      readonly sender: AccountId32;
      readonly hash_: H256;
    } & Struct;
    readonly type: 'ExtrinsicSuccess' | 'ExtrinsicFailed' | 'CodeUpdated' | 'NewAccount' | 'KilledAccount' | 'Remarked';
  }

  /** @name FrameSystemDispatchEventInfo (22) */
  interface FrameSystemDispatchEventInfo extends Struct {
    readonly weight: SpWeightsWeightV2Weight;
    readonly class: FrameSupportDispatchDispatchClass;
    readonly paysFee: FrameSupportDispatchPays;
  }

  /** @name FrameSupportDispatchDispatchClass (23) */
  interface FrameSupportDispatchDispatchClass extends Enum {
    readonly isNormal: boolean;
    readonly isOperational: boolean;
    readonly isMandatory: boolean;
    readonly type: 'Normal' | 'Operational' | 'Mandatory';
  }

  /** @name FrameSupportDispatchPays (24) */
  interface FrameSupportDispatchPays extends Enum {
    readonly isYes: boolean;
    readonly isNo: boolean;
    readonly type: 'Yes' | 'No';
  }

  /** @name SpRuntimeDispatchError (25) */
  interface SpRuntimeDispatchError extends Enum {
    readonly isOther: boolean;
    readonly isCannotLookup: boolean;
    readonly isBadOrigin: boolean;
    readonly isModule: boolean;
    readonly asModule: SpRuntimeModuleError;
    readonly isConsumerRemaining: boolean;
    readonly isNoProviders: boolean;
    readonly isTooManyConsumers: boolean;
    readonly isToken: boolean;
    readonly asToken: SpRuntimeTokenError;
    readonly isArithmetic: boolean;
    readonly asArithmetic: SpArithmeticArithmeticError;
    readonly isTransactional: boolean;
    readonly asTransactional: SpRuntimeTransactionalError;
    readonly isExhausted: boolean;
    readonly isCorruption: boolean;
    readonly isUnavailable: boolean;
    readonly isRootNotAllowed: boolean;
    readonly type: 'Other' | 'CannotLookup' | 'BadOrigin' | 'Module' | 'ConsumerRemaining' | 'NoProviders' | 'TooManyConsumers' | 'Token' | 'Arithmetic' | 'Transactional' | 'Exhausted' | 'Corruption' | 'Unavailable' | 'RootNotAllowed';
  }

  /** @name SpRuntimeModuleError (26) */
  interface SpRuntimeModuleError extends Struct {
    readonly index: u8;
    readonly error: U8aFixed;
  }

  /** @name SpRuntimeTokenError (27) */
  interface SpRuntimeTokenError extends Enum {
    readonly isFundsUnavailable: boolean;
    readonly isOnlyProvider: boolean;
    readonly isBelowMinimum: boolean;
    readonly isCannotCreate: boolean;
    readonly isUnknownAsset: boolean;
    readonly isFrozen: boolean;
    readonly isUnsupported: boolean;
    readonly isCannotCreateHold: boolean;
    readonly isNotExpendable: boolean;
    readonly isBlocked: boolean;
    readonly type: 'FundsUnavailable' | 'OnlyProvider' | 'BelowMinimum' | 'CannotCreate' | 'UnknownAsset' | 'Frozen' | 'Unsupported' | 'CannotCreateHold' | 'NotExpendable' | 'Blocked';
  }

  /** @name SpArithmeticArithmeticError (28) */
  interface SpArithmeticArithmeticError extends Enum {
    readonly isUnderflow: boolean;
    readonly isOverflow: boolean;
    readonly isDivisionByZero: boolean;
    readonly type: 'Underflow' | 'Overflow' | 'DivisionByZero';
  }

  /** @name SpRuntimeTransactionalError (29) */
  interface SpRuntimeTransactionalError extends Enum {
    readonly isLimitReached: boolean;
    readonly isNoLayer: boolean;
    readonly type: 'LimitReached' | 'NoLayer';
  }

  /** @name PalletBalancesEvent (30) */
  interface PalletBalancesEvent extends Enum {
    readonly isEndowed: boolean;
    readonly asEndowed: {
      readonly account: AccountId32;
      readonly freeBalance: u128;
    } & Struct;
    readonly isDustLost: boolean;
    readonly asDustLost: {
      readonly account: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isTransfer: boolean;
    readonly asTransfer: {
      readonly from: AccountId32;
      readonly to: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isBalanceSet: boolean;
    readonly asBalanceSet: {
      readonly who: AccountId32;
      readonly free: u128;
    } & Struct;
    readonly isReserved: boolean;
    readonly asReserved: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isUnreserved: boolean;
    readonly asUnreserved: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isReserveRepatriated: boolean;
    readonly asReserveRepatriated: {
      readonly from: AccountId32;
      readonly to: AccountId32;
      readonly amount: u128;
      readonly destinationStatus: FrameSupportTokensMiscBalanceStatus;
    } & Struct;
    readonly isDeposit: boolean;
    readonly asDeposit: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isWithdraw: boolean;
    readonly asWithdraw: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isSlashed: boolean;
    readonly asSlashed: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isMinted: boolean;
    readonly asMinted: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isBurned: boolean;
    readonly asBurned: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly type: 'Endowed' | 'DustLost' | 'Transfer' | 'BalanceSet' | 'Reserved' | 'Unreserved' | 'ReserveRepatriated' | 'Deposit' | 'Withdraw' | 'Slashed' | 'Minted' | 'Burned';
  }

  /** @name FrameSupportTokensMiscBalanceStatus (31) */
  interface FrameSupportTokensMiscBalanceStatus extends Enum {
    readonly isFree: boolean;
    readonly isReserved: boolean;
    readonly type: 'Free' | 'Reserved';
  }

  /** @name PalletTransactionPaymentEvent (32) */
  interface PalletTransactionPaymentEvent extends Enum {
    readonly isTransactionFeePaid: boolean;
    readonly asTransactionFeePaid: {
      readonly who: AccountId32;
      readonly actualFee: u128;
      readonly tip: u128;
    } & Struct;
    readonly type: 'TransactionFeePaid';
  }

  /** @name PalletSubtensorEvent (33) */
  interface PalletSubtensorEvent extends Enum {
    readonly isNetworkAdded: boolean;
    readonly asNetworkAdded: ITuple<[u16, u16]>;
    readonly isNetworkRemoved: boolean;
    readonly asNetworkRemoved: u16;
    readonly isStakeAdded: boolean;
    readonly asStakeAdded: ITuple<[AccountId32, AccountId32, u64, u64, u16, u64]>;
    readonly isStakeRemoved: boolean;
    readonly asStakeRemoved: ITuple<[AccountId32, AccountId32, u64, u64, u16, u64]>;
    readonly isStakeMoved: boolean;
    readonly asStakeMoved: ITuple<[AccountId32, AccountId32, u16, AccountId32, u16, u64]>;
    readonly isWeightsSet: boolean;
    readonly asWeightsSet: ITuple<[u16, u16]>;
    readonly isNeuronRegistered: boolean;
    readonly asNeuronRegistered: ITuple<[u16, u16, AccountId32]>;
    readonly isUnused7: boolean;
    readonly isUnused8: boolean;
    readonly isMaxAllowedUidsSet: boolean;
    readonly asMaxAllowedUidsSet: ITuple<[u16, u16]>;
    readonly isMaxWeightLimitSet: boolean;
    readonly asMaxWeightLimitSet: ITuple<[u16, u16]>;
    readonly isDifficultySet: boolean;
    readonly asDifficultySet: ITuple<[u16, u64]>;
    readonly isUnused12: boolean;
    readonly isUnused13: boolean;
    readonly isUnused14: boolean;
    readonly isActivityCutoffSet: boolean;
    readonly asActivityCutoffSet: ITuple<[u16, u16]>;
    readonly isRhoSet: boolean;
    readonly asRhoSet: ITuple<[u16, u16]>;
    readonly isAlphaSigmoidSteepnessSet: boolean;
    readonly asAlphaSigmoidSteepnessSet: ITuple<[u16, i16]>;
    readonly isKappaSet: boolean;
    readonly asKappaSet: ITuple<[u16, u16]>;
    readonly isMinAllowedWeightSet: boolean;
    readonly asMinAllowedWeightSet: ITuple<[u16, u16]>;
    readonly isUnused20: boolean;
    readonly isUnused21: boolean;
    readonly isWeightsSetRateLimitSet: boolean;
    readonly asWeightsSetRateLimitSet: ITuple<[u16, u64]>;
    readonly isImmunityPeriodSet: boolean;
    readonly asImmunityPeriodSet: ITuple<[u16, u16]>;
    readonly isBondsMovingAverageSet: boolean;
    readonly asBondsMovingAverageSet: ITuple<[u16, u64]>;
    readonly isBondsPenaltySet: boolean;
    readonly asBondsPenaltySet: ITuple<[u16, u16]>;
    readonly isBondsResetOnSet: boolean;
    readonly asBondsResetOnSet: ITuple<[u16, bool]>;
    readonly isMaxAllowedValidatorsSet: boolean;
    readonly asMaxAllowedValidatorsSet: ITuple<[u16, u16]>;
    readonly isAxonServed: boolean;
    readonly asAxonServed: ITuple<[u16, AccountId32]>;
    readonly isPrometheusServed: boolean;
    readonly asPrometheusServed: ITuple<[u16, AccountId32]>;
    readonly isUnused30: boolean;
    readonly isUnused31: boolean;
    readonly isWeightsVersionKeySet: boolean;
    readonly asWeightsVersionKeySet: ITuple<[u16, u64]>;
    readonly isUnused33: boolean;
    readonly isUnused34: boolean;
    readonly isServingRateLimitSet: boolean;
    readonly asServingRateLimitSet: ITuple<[u16, u64]>;
    readonly isBurnSet: boolean;
    readonly asBurnSet: ITuple<[u16, u64]>;
    readonly isMaxBurnSet: boolean;
    readonly asMaxBurnSet: ITuple<[u16, u64]>;
    readonly isMinBurnSet: boolean;
    readonly asMinBurnSet: ITuple<[u16, u64]>;
    readonly isUnused39: boolean;
    readonly isTxRateLimitSet: boolean;
    readonly asTxRateLimitSet: u64;
    readonly isUnused41: boolean;
    readonly isUnused42: boolean;
    readonly isUnused43: boolean;
    readonly isUnused44: boolean;
    readonly isUnused45: boolean;
    readonly isUnused46: boolean;
    readonly isUnused47: boolean;
    readonly isUnused48: boolean;
    readonly isUnused49: boolean;
    readonly isRegistrationAllowed: boolean;
    readonly asRegistrationAllowed: ITuple<[u16, bool]>;
    readonly isUnused51: boolean;
    readonly isTempoSet: boolean;
    readonly asTempoSet: ITuple<[u16, u16]>;
    readonly isUnused53: boolean;
    readonly isStakeThresholdSet: boolean;
    readonly asStakeThresholdSet: u64;
    readonly isUnused55: boolean;
    readonly isUnused56: boolean;
    readonly isUnused57: boolean;
    readonly isNetworkRateLimitSet: boolean;
    readonly asNetworkRateLimitSet: u64;
    readonly isUnused59: boolean;
    readonly isStartCallDelaySet: boolean;
    readonly asStartCallDelaySet: u64;
    readonly isUnused61: boolean;
    readonly isUnused62: boolean;
    readonly isUnused63: boolean;
    readonly isUnused64: boolean;
    readonly isUnused65: boolean;
    readonly isUnused66: boolean;
    readonly isUnused67: boolean;
    readonly isUnused68: boolean;
    readonly isUnused69: boolean;
    readonly isUnused70: boolean;
    readonly isUnused71: boolean;
    readonly isUnused72: boolean;
    readonly isUnused73: boolean;
    readonly isUnused74: boolean;
    readonly isUnused75: boolean;
    readonly isUnused76: boolean;
    readonly isUnused77: boolean;
    readonly isUnused78: boolean;
    readonly isUnused79: boolean;
    readonly isUnused80: boolean;
    readonly isUnused81: boolean;
    readonly isUnused82: boolean;
    readonly isUnused83: boolean;
    readonly isUnused84: boolean;
    readonly isWeightsCommitted: boolean;
    readonly asWeightsCommitted: ITuple<[AccountId32, u16, H256]>;
    readonly isWeightsRevealed: boolean;
    readonly asWeightsRevealed: ITuple<[AccountId32, u16, H256]>;
    readonly isWeightsBatchRevealed: boolean;
    readonly asWeightsBatchRevealed: ITuple<[AccountId32, u16, Vec<H256>]>;
    readonly isBatchWeightsCompleted: boolean;
    readonly asBatchWeightsCompleted: ITuple<[Vec<Compact<u16>>, AccountId32]>;
    readonly isBatchCompletedWithErrors: boolean;
    readonly isBatchWeightItemFailed: boolean;
    readonly asBatchWeightItemFailed: ITuple<[u16, SpRuntimeDispatchError]>;
    readonly isUnused91: boolean;
    readonly isUnused92: boolean;
    readonly isUnused93: boolean;
    readonly isUnused94: boolean;
    readonly isFirstEmissionBlockNumberSet: boolean;
    readonly asFirstEmissionBlockNumberSet: ITuple<[u16, u64]>;
    readonly isUnused96: boolean;
    readonly isUnused97: boolean;
    readonly isUnused98: boolean;
    readonly isUnused99: boolean;
    readonly isCommitRevealPeriodsSet: boolean;
    readonly asCommitRevealPeriodsSet: ITuple<[u16, u64]>;
    readonly isCommitRevealEnabled: boolean;
    readonly asCommitRevealEnabled: ITuple<[u16, bool]>;
    readonly isUnused102: boolean;
    readonly isUnused103: boolean;
    readonly isUnused104: boolean;
    readonly isUnused105: boolean;
    readonly isUnused106: boolean;
    readonly isUnused107: boolean;
    readonly isUnused108: boolean;
    readonly isUnused109: boolean;
    readonly isIncentiveAlphaEmittedToMiners: boolean;
    readonly asIncentiveAlphaEmittedToMiners: {
      readonly netuid: u16;
      readonly emissions: Vec<u64>;
    } & Struct;
    readonly isUnused111: boolean;
    readonly isUnused112: boolean;
    readonly isUnused113: boolean;
    readonly isRootClaimed: boolean;
    readonly asRootClaimed: {
      readonly coldkey: AccountId32;
    } & Struct;
    readonly isRootClaimTypeSet: boolean;
    readonly asRootClaimTypeSet: {
      readonly coldkey: AccountId32;
      readonly rootClaimType: PalletSubtensorRootClaimTypeEnum;
    } & Struct;
    readonly isUnused116: boolean;
    readonly isUnused117: boolean;
    readonly isUnused118: boolean;
    readonly isUnused119: boolean;
    readonly isUnused120: boolean;
    readonly isUnused121: boolean;
    readonly isUnused122: boolean;
    readonly isUnused123: boolean;
    readonly isUnused124: boolean;
    readonly isUnused125: boolean;
    readonly isUnused126: boolean;
    readonly isUnused127: boolean;
    readonly isUnused128: boolean;
    readonly isUnused129: boolean;
    readonly isUnused130: boolean;
    readonly isEpochTriggered: boolean;
    readonly asEpochTriggered: {
      readonly netuid: u16;
      readonly by: AccountId32;
      readonly firesAt: u64;
    } & Struct;
    readonly isEpochDeferred: boolean;
    readonly asEpochDeferred: {
      readonly netuid: u16;
      readonly fromBlock: u64;
      readonly toBlock: u64;
    } & Struct;
    readonly isEpochSkipped: boolean;
    readonly asEpochSkipped: {
      readonly netuid: u16;
      readonly block: u64;
    } & Struct;
    readonly isUnused134: boolean;
    readonly isUnused135: boolean;
    readonly isUnused136: boolean;
    readonly type: 'NetworkAdded' | 'NetworkRemoved' | 'StakeAdded' | 'StakeRemoved' | 'StakeMoved' | 'WeightsSet' | 'NeuronRegistered' | 'Unused7' | 'Unused8' | 'MaxAllowedUidsSet' | 'MaxWeightLimitSet' | 'DifficultySet' | 'Unused12' | 'Unused13' | 'Unused14' | 'ActivityCutoffSet' | 'RhoSet' | 'AlphaSigmoidSteepnessSet' | 'KappaSet' | 'MinAllowedWeightSet' | 'Unused20' | 'Unused21' | 'WeightsSetRateLimitSet' | 'ImmunityPeriodSet' | 'BondsMovingAverageSet' | 'BondsPenaltySet' | 'BondsResetOnSet' | 'MaxAllowedValidatorsSet' | 'AxonServed' | 'PrometheusServed' | 'Unused30' | 'Unused31' | 'WeightsVersionKeySet' | 'Unused33' | 'Unused34' | 'ServingRateLimitSet' | 'BurnSet' | 'MaxBurnSet' | 'MinBurnSet' | 'Unused39' | 'TxRateLimitSet' | 'Unused41' | 'Unused42' | 'Unused43' | 'Unused44' | 'Unused45' | 'Unused46' | 'Unused47' | 'Unused48' | 'Unused49' | 'RegistrationAllowed' | 'Unused51' | 'TempoSet' | 'Unused53' | 'StakeThresholdSet' | 'Unused55' | 'Unused56' | 'Unused57' | 'NetworkRateLimitSet' | 'Unused59' | 'StartCallDelaySet' | 'Unused61' | 'Unused62' | 'Unused63' | 'Unused64' | 'Unused65' | 'Unused66' | 'Unused67' | 'Unused68' | 'Unused69' | 'Unused70' | 'Unused71' | 'Unused72' | 'Unused73' | 'Unused74' | 'Unused75' | 'Unused76' | 'Unused77' | 'Unused78' | 'Unused79' | 'Unused80' | 'Unused81' | 'Unused82' | 'Unused83' | 'Unused84' | 'WeightsCommitted' | 'WeightsRevealed' | 'WeightsBatchRevealed' | 'BatchWeightsCompleted' | 'BatchCompletedWithErrors' | 'BatchWeightItemFailed' | 'Unused91' | 'Unused92' | 'Unused93' | 'Unused94' | 'FirstEmissionBlockNumberSet' | 'Unused96' | 'Unused97' | 'Unused98' | 'Unused99' | 'CommitRevealPeriodsSet' | 'CommitRevealEnabled' | 'Unused102' | 'Unused103' | 'Unused104' | 'Unused105' | 'Unused106' | 'Unused107' | 'Unused108' | 'Unused109' | 'IncentiveAlphaEmittedToMiners' | 'Unused111' | 'Unused112' | 'Unused113' | 'RootClaimed' | 'RootClaimTypeSet' | 'Unused116' | 'Unused117' | 'Unused118' | 'Unused119' | 'Unused120' | 'Unused121' | 'Unused122' | 'Unused123' | 'Unused124' | 'Unused125' | 'Unused126' | 'Unused127' | 'Unused128' | 'Unused129' | 'Unused130' | 'EpochTriggered' | 'EpochDeferred' | 'EpochSkipped' | 'Unused134' | 'Unused135' | 'Unused136';
  }

  /** @name PalletSubtensorRootClaimTypeEnum (40) */
  interface PalletSubtensorRootClaimTypeEnum extends Enum {
    readonly isSwap: boolean;
    readonly isKeep: boolean;
    readonly isKeepSubnets: boolean;
    readonly asKeepSubnets: {
      readonly subnets: BTreeSet<u16>;
    } & Struct;
    readonly type: 'Swap' | 'Keep' | 'KeepSubnets';
  }

  /** @name PalletUtilityEvent (43) */
  interface PalletUtilityEvent extends Enum {
    readonly isBatchInterrupted: boolean;
    readonly asBatchInterrupted: {
      readonly index: u32;
      readonly error: SpRuntimeDispatchError;
    } & Struct;
    readonly isBatchCompleted: boolean;
    readonly isBatchCompletedWithErrors: boolean;
    readonly isItemCompleted: boolean;
    readonly isItemFailed: boolean;
    readonly asItemFailed: {
      readonly error: SpRuntimeDispatchError;
    } & Struct;
    readonly isDispatchedAs: boolean;
    readonly asDispatchedAs: {
      readonly result: Result<Null, SpRuntimeDispatchError>;
    } & Struct;
    readonly type: 'BatchInterrupted' | 'BatchCompleted' | 'BatchCompletedWithErrors' | 'ItemCompleted' | 'ItemFailed' | 'DispatchedAs';
  }

  /** @name PalletSudoEvent (46) */
  interface PalletSudoEvent extends Enum {
    readonly isSudid: boolean;
    readonly asSudid: {
      readonly sudoResult: Result<Null, SpRuntimeDispatchError>;
    } & Struct;
    readonly isKeyChanged: boolean;
    readonly asKeyChanged: {
      readonly old: Option<AccountId32>;
      readonly new_: AccountId32;
    } & Struct;
    readonly isKeyRemoved: boolean;
    readonly isSudoAsDone: boolean;
    readonly asSudoAsDone: {
      readonly sudoResult: Result<Null, SpRuntimeDispatchError>;
    } & Struct;
    readonly type: 'Sudid' | 'KeyChanged' | 'KeyRemoved' | 'SudoAsDone';
  }

  /** @name PalletCommitmentsEvent (48) */
  interface PalletCommitmentsEvent extends Enum {
    readonly isCommitment: boolean;
    readonly asCommitment: {
      readonly netuid: u16;
      readonly who: AccountId32;
    } & Struct;
    readonly isTimelockCommitment: boolean;
    readonly asTimelockCommitment: {
      readonly netuid: u16;
      readonly who: AccountId32;
      readonly revealRound: u64;
    } & Struct;
    readonly isCommitmentRevealed: boolean;
    readonly asCommitmentRevealed: {
      readonly netuid: u16;
      readonly who: AccountId32;
    } & Struct;
    readonly type: 'Commitment' | 'TimelockCommitment' | 'CommitmentRevealed';
  }

  /** @name FrameSystemPhase (49) */
  interface FrameSystemPhase extends Enum {
    readonly isApplyExtrinsic: boolean;
    readonly asApplyExtrinsic: u32;
    readonly isFinalization: boolean;
    readonly isInitialization: boolean;
    readonly type: 'ApplyExtrinsic' | 'Finalization' | 'Initialization';
  }

  /** @name FrameSystemLastRuntimeUpgradeInfo (51) */
  interface FrameSystemLastRuntimeUpgradeInfo extends Struct {
    readonly specVersion: Compact<u32>;
    readonly specName: Text;
  }

  /** @name FrameSystemCall (54) */
  interface FrameSystemCall extends Enum {
    readonly isRemark: boolean;
    readonly asRemark: {
      readonly remark: Bytes;
    } & Struct;
    readonly isSetStorage: boolean;
    readonly asSetStorage: {
      readonly items: Vec<ITuple<[Bytes, Bytes]>>;
    } & Struct;
    readonly isKillStorage: boolean;
    readonly asKillStorage: {
      readonly keys_: Vec<Bytes>;
    } & Struct;
    readonly isKillPrefix: boolean;
    readonly asKillPrefix: {
      readonly prefix: Bytes;
      readonly subkeys: u32;
    } & Struct;
    readonly isRemarkWithEvent: boolean;
    readonly asRemarkWithEvent: {
      readonly remark: Bytes;
    } & Struct;
    readonly type: 'Remark' | 'SetStorage' | 'KillStorage' | 'KillPrefix' | 'RemarkWithEvent';
  }

  /** @name FrameSystemLimitsBlockWeights (58) */
  interface FrameSystemLimitsBlockWeights extends Struct {
    readonly baseBlock: SpWeightsWeightV2Weight;
    readonly maxBlock: SpWeightsWeightV2Weight;
    readonly perClass: FrameSupportDispatchPerDispatchClassWeightsPerClass;
  }

  /** @name FrameSupportDispatchPerDispatchClassWeightsPerClass (59) */
  interface FrameSupportDispatchPerDispatchClassWeightsPerClass extends Struct {
    readonly normal: FrameSystemLimitsWeightsPerClass;
    readonly operational: FrameSystemLimitsWeightsPerClass;
    readonly mandatory: FrameSystemLimitsWeightsPerClass;
  }

  /** @name FrameSystemLimitsWeightsPerClass (60) */
  interface FrameSystemLimitsWeightsPerClass extends Struct {
    readonly baseExtrinsic: SpWeightsWeightV2Weight;
    readonly maxExtrinsic: Option<SpWeightsWeightV2Weight>;
    readonly maxTotal: Option<SpWeightsWeightV2Weight>;
    readonly reserved: Option<SpWeightsWeightV2Weight>;
  }

  /** @name FrameSystemLimitsBlockLength (62) */
  interface FrameSystemLimitsBlockLength extends Struct {
    readonly max: FrameSupportDispatchPerDispatchClassU32;
  }

  /** @name FrameSupportDispatchPerDispatchClassU32 (63) */
  interface FrameSupportDispatchPerDispatchClassU32 extends Struct {
    readonly normal: u32;
    readonly operational: u32;
    readonly mandatory: u32;
  }

  /** @name SpWeightsRuntimeDbWeight (64) */
  interface SpWeightsRuntimeDbWeight extends Struct {
    readonly read: u64;
    readonly write: u64;
  }

  /** @name SpVersionRuntimeVersion (65) */
  interface SpVersionRuntimeVersion extends Struct {
    readonly specName: Text;
    readonly implName: Text;
    readonly authoringVersion: u32;
    readonly specVersion: u32;
    readonly implVersion: u32;
    readonly apis: Vec<ITuple<[U8aFixed, u32]>>;
    readonly transactionVersion: u32;
    readonly systemVersion: u8;
  }

  /** @name FrameSystemError (69) */
  interface FrameSystemError extends Enum {
    readonly isInvalidSpecName: boolean;
    readonly isSpecVersionNeedsToIncrease: boolean;
    readonly isFailedToExtractRuntimeVersion: boolean;
    readonly isNonDefaultComposite: boolean;
    readonly isNonZeroRefCount: boolean;
    readonly isCallFiltered: boolean;
    readonly isMultiBlockMigrationsOngoing: boolean;
    readonly isNothingAuthorized: boolean;
    readonly isUnauthorized: boolean;
    readonly type: 'InvalidSpecName' | 'SpecVersionNeedsToIncrease' | 'FailedToExtractRuntimeVersion' | 'NonDefaultComposite' | 'NonZeroRefCount' | 'CallFiltered' | 'MultiBlockMigrationsOngoing' | 'NothingAuthorized' | 'Unauthorized';
  }

  /** @name PalletTimestampCall (70) */
  interface PalletTimestampCall extends Enum {
    readonly isSet: boolean;
    readonly asSet: {
      readonly now: Compact<u64>;
    } & Struct;
    readonly type: 'Set';
  }

  /** @name PalletBalancesCall (71) */
  interface PalletBalancesCall extends Enum {
    readonly isTransferAllowDeath: boolean;
    readonly asTransferAllowDeath: {
      readonly dest: MultiAddress;
      readonly value: Compact<u128>;
    } & Struct;
    readonly isForceTransfer: boolean;
    readonly asForceTransfer: {
      readonly source: MultiAddress;
      readonly dest: MultiAddress;
      readonly value: Compact<u128>;
    } & Struct;
    readonly isTransferKeepAlive: boolean;
    readonly asTransferKeepAlive: {
      readonly dest: MultiAddress;
      readonly value: Compact<u128>;
    } & Struct;
    readonly isTransferAll: boolean;
    readonly asTransferAll: {
      readonly dest: MultiAddress;
      readonly keepAlive: bool;
    } & Struct;
    readonly isForceSetBalance: boolean;
    readonly asForceSetBalance: {
      readonly who: MultiAddress;
      readonly newFree: Compact<u128>;
    } & Struct;
    readonly type: 'TransferAllowDeath' | 'ForceTransfer' | 'TransferKeepAlive' | 'TransferAll' | 'ForceSetBalance';
  }

  /** @name PalletBalancesError (76) */
  interface PalletBalancesError extends Enum {
    readonly isVestingBalance: boolean;
    readonly isLiquidityRestrictions: boolean;
    readonly isInsufficientBalance: boolean;
    readonly isExistentialDeposit: boolean;
    readonly isExpendability: boolean;
    readonly isExistingVestingSchedule: boolean;
    readonly isDeadAccount: boolean;
    readonly isTooManyReserves: boolean;
    readonly isTooManyHolds: boolean;
    readonly isTooManyFreezes: boolean;
    readonly isIssuanceDeactivated: boolean;
    readonly isDeltaZero: boolean;
    readonly type: 'VestingBalance' | 'LiquidityRestrictions' | 'InsufficientBalance' | 'ExistentialDeposit' | 'Expendability' | 'ExistingVestingSchedule' | 'DeadAccount' | 'TooManyReserves' | 'TooManyHolds' | 'TooManyFreezes' | 'IssuanceDeactivated' | 'DeltaZero';
  }

  /** @name PalletTransactionPaymentReleases (78) */
  interface PalletTransactionPaymentReleases extends Enum {
    readonly isV1Ancient: boolean;
    readonly isV2: boolean;
    readonly type: 'V1Ancient' | 'V2';
  }

  /** @name PalletSubtensorAxonInfo (83) */
  interface PalletSubtensorAxonInfo extends Struct {
    readonly block: u64;
    readonly version: u32;
    readonly ip: u128;
    readonly port: u16;
    readonly ipType: u8;
    readonly protocol: u8;
    readonly placeholder1: u8;
    readonly placeholder2: u8;
  }

  /** @name PalletSubtensorPrometheusInfo (84) */
  interface PalletSubtensorPrometheusInfo extends Struct {
    readonly block: u64;
    readonly version: u32;
    readonly ip: u128;
    readonly port: u16;
    readonly ipType: u8;
  }

  /** @name SubstrateFixedFixedU128 (87) */
  interface SubstrateFixedFixedU128 extends Struct {
    readonly bits: u128;
  }

  /** @name SubstrateFixedFixedI128 (92) */
  interface SubstrateFixedFixedI128 extends Struct {
    readonly bits: i128;
  }

  /** @name PalletSubtensorCall (98) */
  interface PalletSubtensorCall extends Enum {
    readonly isSetWeights: boolean;
    readonly asSetWeights: {
      readonly netuid: u16;
      readonly dests: Vec<u16>;
      readonly weights: Vec<u16>;
      readonly versionKey: u64;
    } & Struct;
    readonly isAddStake: boolean;
    readonly asAddStake: {
      readonly hotkey: AccountId32;
      readonly netuid: u16;
      readonly amountStaked: u64;
    } & Struct;
    readonly isRemoveStake: boolean;
    readonly asRemoveStake: {
      readonly hotkey: AccountId32;
      readonly netuid: u16;
      readonly amountUnstaked: u64;
    } & Struct;
    readonly isServeAxon: boolean;
    readonly asServeAxon: {
      readonly netuid: u16;
      readonly version: u32;
      readonly ip: u128;
      readonly port: u16;
      readonly ipType: u8;
      readonly protocol: u8;
      readonly placeholder1: u8;
      readonly placeholder2: u8;
    } & Struct;
    readonly isServePrometheus: boolean;
    readonly asServePrometheus: {
      readonly netuid: u16;
      readonly version: u32;
      readonly ip: u128;
      readonly port: u16;
      readonly ipType: u8;
    } & Struct;
    readonly isRegister: boolean;
    readonly asRegister: {
      readonly netuid: u16;
      readonly blockNumber: u64;
      readonly nonce: u64;
      readonly work: Bytes;
      readonly hotkey: AccountId32;
      readonly coldkey: AccountId32;
    } & Struct;
    readonly isBurnedRegister: boolean;
    readonly asBurnedRegister: {
      readonly netuid: u16;
      readonly hotkey: AccountId32;
    } & Struct;
    readonly isRegisterNetwork: boolean;
    readonly asRegisterNetwork: {
      readonly hotkey: AccountId32;
    } & Struct;
    readonly isStartCall: boolean;
    readonly asStartCall: {
      readonly netuid: u16;
    } & Struct;
    readonly isCommitWeights: boolean;
    readonly asCommitWeights: {
      readonly netuid: u16;
      readonly commitHash: H256;
    } & Struct;
    readonly isRevealWeights: boolean;
    readonly asRevealWeights: {
      readonly netuid: u16;
      readonly uids: Vec<u16>;
      readonly values: Vec<u16>;
      readonly salt: Vec<u16>;
      readonly versionKey: u64;
    } & Struct;
    readonly isClaimRoot: boolean;
    readonly asClaimRoot: {
      readonly subnets: BTreeSet<u16>;
    } & Struct;
    readonly isSetRootClaimType: boolean;
    readonly asSetRootClaimType: {
      readonly newRootClaimType: PalletSubtensorRootClaimTypeEnum;
    } & Struct;
    readonly isSudoSetNumRootClaims: boolean;
    readonly asSudoSetNumRootClaims: {
      readonly newValue: u64;
    } & Struct;
    readonly isSudoSetRootClaimThreshold: boolean;
    readonly asSudoSetRootClaimThreshold: {
      readonly netuid: u16;
      readonly newValue: u64;
    } & Struct;
    readonly type: 'SetWeights' | 'AddStake' | 'RemoveStake' | 'ServeAxon' | 'ServePrometheus' | 'Register' | 'BurnedRegister' | 'RegisterNetwork' | 'StartCall' | 'CommitWeights' | 'RevealWeights' | 'ClaimRoot' | 'SetRootClaimType' | 'SudoSetNumRootClaims' | 'SudoSetRootClaimThreshold';
  }

  /** @name PalletSubtensorError (99) */
  interface PalletSubtensorError extends Enum {
    readonly isRootNetworkDoesNotExist: boolean;
    readonly isInvalidIpType: boolean;
    readonly isInvalidIpAddress: boolean;
    readonly isInvalidPort: boolean;
    readonly isHotKeyNotRegisteredInSubNet: boolean;
    readonly isHotKeyAccountNotExists: boolean;
    readonly isHotKeyNotRegisteredInNetwork: boolean;
    readonly isNonAssociatedColdKey: boolean;
    readonly isNotEnoughStake: boolean;
    readonly isNotEnoughStakeToWithdraw: boolean;
    readonly isNotEnoughStakeToSetWeights: boolean;
    readonly isUnused11: boolean;
    readonly isNotEnoughBalanceToStake: boolean;
    readonly isUnused13: boolean;
    readonly isUnused14: boolean;
    readonly isNeuronNoValidatorPermit: boolean;
    readonly isWeightVecNotEqualSize: boolean;
    readonly isDuplicateUids: boolean;
    readonly isUidVecContainInvalidOne: boolean;
    readonly isWeightVecLengthIsLow: boolean;
    readonly isTooManyRegistrationsThisBlock: boolean;
    readonly isHotKeyAlreadyRegisteredInSubNet: boolean;
    readonly isUnused22: boolean;
    readonly isUnused23: boolean;
    readonly isInvalidWorkBlock: boolean;
    readonly isInvalidDifficulty: boolean;
    readonly isInvalidSeal: boolean;
    readonly isMaxWeightExceeded: boolean;
    readonly isUnused28: boolean;
    readonly isSettingWeightsTooFast: boolean;
    readonly isIncorrectWeightVersionKey: boolean;
    readonly isServingRateLimitExceeded: boolean;
    readonly isUidsLengthExceedUidsInSubNet: boolean;
    readonly isNetworkTxRateLimitExceeded: boolean;
    readonly isUnused34: boolean;
    readonly isUnused35: boolean;
    readonly isUnused36: boolean;
    readonly isSubNetRegistrationDisabled: boolean;
    readonly isTooManyRegistrationsThisInterval: boolean;
    readonly isTransactorAccountShouldBeHotKey: boolean;
    readonly isUnused40: boolean;
    readonly isNotSubnetOwner: boolean;
    readonly isRegistrationNotPermittedOnRootSubnet: boolean;
    readonly isStakeTooLowForRoot: boolean;
    readonly isUnused44: boolean;
    readonly isUnused45: boolean;
    readonly isUnused46: boolean;
    readonly isCanNotSetRootNetworkWeights: boolean;
    readonly isNoNeuronIdAvailable: boolean;
    readonly isUnused49: boolean;
    readonly isUnused50: boolean;
    readonly isNoWeightsCommitFound: boolean;
    readonly isInvalidRevealCommitHashNotMatch: boolean;
    readonly isCommitRevealEnabled: boolean;
    readonly isCommitRevealDisabled: boolean;
    readonly isLiquidAlphaDisabled: boolean;
    readonly isAlphaHighTooLow: boolean;
    readonly isAlphaLowOutOfRange: boolean;
    readonly isUnused58: boolean;
    readonly isUnused59: boolean;
    readonly isUnused60: boolean;
    readonly isUnused61: boolean;
    readonly isUnused62: boolean;
    readonly isUnused63: boolean;
    readonly isTxRateLimitExceeded: boolean;
    readonly isUnused65: boolean;
    readonly isUnused66: boolean;
    readonly isUnused67: boolean;
    readonly isUnused68: boolean;
    readonly isUnused69: boolean;
    readonly isUnused70: boolean;
    readonly isUnused71: boolean;
    readonly isUnused72: boolean;
    readonly isUnused73: boolean;
    readonly isMechanismDoesNotExist: boolean;
    readonly isUnused75: boolean;
    readonly isSubnetNotExists: boolean;
    readonly isTooManyUnrevealedCommits: boolean;
    readonly isExpiredWeightCommit: boolean;
    readonly isRevealTooEarly: boolean;
    readonly isInputLengthsUnequal: boolean;
    readonly isCommittingWeightsTooFast: boolean;
    readonly isAmountTooLow: boolean;
    readonly isInsufficientLiquidity: boolean;
    readonly isSlippageTooHigh: boolean;
    readonly isUnused85: boolean;
    readonly isActivityCutoffTooLow: boolean;
    readonly isUnused87: boolean;
    readonly isUnused88: boolean;
    readonly isNeedWaitingMoreBlocksToStarCall: boolean;
    readonly isUnused90: boolean;
    readonly isUnused91: boolean;
    readonly isUnused92: boolean;
    readonly isUnused93: boolean;
    readonly isSubtokenDisabled: boolean;
    readonly isUnused95: boolean;
    readonly isUnused96: boolean;
    readonly isInsufficientBalance: boolean;
    readonly isUnused98: boolean;
    readonly isUnused99: boolean;
    readonly isUnused100: boolean;
    readonly isUnused101: boolean;
    readonly isUnused102: boolean;
    readonly isUnused103: boolean;
    readonly isUnused104: boolean;
    readonly isUnused105: boolean;
    readonly isUnused106: boolean;
    readonly isAdminActionProhibitedDuringWeightsWindow: boolean;
    readonly isUnused108: boolean;
    readonly isUnused109: boolean;
    readonly isIncorrectCommitRevealVersion: boolean;
    readonly isUnused111: boolean;
    readonly isRevealPeriodTooLarge: boolean;
    readonly isRevealPeriodTooSmall: boolean;
    readonly isInvalidValue: boolean;
    readonly isSubnetLimitReached: boolean;
    readonly isCannotAffordLockCost: boolean;
    readonly isUnused117: boolean;
    readonly isUnused118: boolean;
    readonly isUnused119: boolean;
    readonly isUnused120: boolean;
    readonly isUnused121: boolean;
    readonly isInvalidNumRootClaim: boolean;
    readonly isInvalidRootClaimThreshold: boolean;
    readonly isInvalidSubnetNumber: boolean;
    readonly isUnused125: boolean;
    readonly isUnused126: boolean;
    readonly isUnused127: boolean;
    readonly isUnused128: boolean;
    readonly isUnused129: boolean;
    readonly isUnused130: boolean;
    readonly isUnused131: boolean;
    readonly isUnused132: boolean;
    readonly isUnused133: boolean;
    readonly isRegistrationPriceLimitExceeded: boolean;
    readonly isUnused135: boolean;
    readonly isUnused136: boolean;
    readonly isUnused137: boolean;
    readonly isUnused138: boolean;
    readonly isCannotUseSystemAccount: boolean;
    readonly isUnused140: boolean;
    readonly isTempoOutOfBounds: boolean;
    readonly isActivityCutoffFactorMilliOutOfBounds: boolean;
    readonly isEpochTriggerAlreadyPending: boolean;
    readonly isAutoEpochAlreadyImminent: boolean;
    readonly isDynamicTempoBlockedByCommitReveal: boolean;
    readonly isUnused146: boolean;
    readonly type: 'RootNetworkDoesNotExist' | 'InvalidIpType' | 'InvalidIpAddress' | 'InvalidPort' | 'HotKeyNotRegisteredInSubNet' | 'HotKeyAccountNotExists' | 'HotKeyNotRegisteredInNetwork' | 'NonAssociatedColdKey' | 'NotEnoughStake' | 'NotEnoughStakeToWithdraw' | 'NotEnoughStakeToSetWeights' | 'Unused11' | 'NotEnoughBalanceToStake' | 'Unused13' | 'Unused14' | 'NeuronNoValidatorPermit' | 'WeightVecNotEqualSize' | 'DuplicateUids' | 'UidVecContainInvalidOne' | 'WeightVecLengthIsLow' | 'TooManyRegistrationsThisBlock' | 'HotKeyAlreadyRegisteredInSubNet' | 'Unused22' | 'Unused23' | 'InvalidWorkBlock' | 'InvalidDifficulty' | 'InvalidSeal' | 'MaxWeightExceeded' | 'Unused28' | 'SettingWeightsTooFast' | 'IncorrectWeightVersionKey' | 'ServingRateLimitExceeded' | 'UidsLengthExceedUidsInSubNet' | 'NetworkTxRateLimitExceeded' | 'Unused34' | 'Unused35' | 'Unused36' | 'SubNetRegistrationDisabled' | 'TooManyRegistrationsThisInterval' | 'TransactorAccountShouldBeHotKey' | 'Unused40' | 'NotSubnetOwner' | 'RegistrationNotPermittedOnRootSubnet' | 'StakeTooLowForRoot' | 'Unused44' | 'Unused45' | 'Unused46' | 'CanNotSetRootNetworkWeights' | 'NoNeuronIdAvailable' | 'Unused49' | 'Unused50' | 'NoWeightsCommitFound' | 'InvalidRevealCommitHashNotMatch' | 'CommitRevealEnabled' | 'CommitRevealDisabled' | 'LiquidAlphaDisabled' | 'AlphaHighTooLow' | 'AlphaLowOutOfRange' | 'Unused58' | 'Unused59' | 'Unused60' | 'Unused61' | 'Unused62' | 'Unused63' | 'TxRateLimitExceeded' | 'Unused65' | 'Unused66' | 'Unused67' | 'Unused68' | 'Unused69' | 'Unused70' | 'Unused71' | 'Unused72' | 'Unused73' | 'MechanismDoesNotExist' | 'Unused75' | 'SubnetNotExists' | 'TooManyUnrevealedCommits' | 'ExpiredWeightCommit' | 'RevealTooEarly' | 'InputLengthsUnequal' | 'CommittingWeightsTooFast' | 'AmountTooLow' | 'InsufficientLiquidity' | 'SlippageTooHigh' | 'Unused85' | 'ActivityCutoffTooLow' | 'Unused87' | 'Unused88' | 'NeedWaitingMoreBlocksToStarCall' | 'Unused90' | 'Unused91' | 'Unused92' | 'Unused93' | 'SubtokenDisabled' | 'Unused95' | 'Unused96' | 'InsufficientBalance' | 'Unused98' | 'Unused99' | 'Unused100' | 'Unused101' | 'Unused102' | 'Unused103' | 'Unused104' | 'Unused105' | 'Unused106' | 'AdminActionProhibitedDuringWeightsWindow' | 'Unused108' | 'Unused109' | 'IncorrectCommitRevealVersion' | 'Unused111' | 'RevealPeriodTooLarge' | 'RevealPeriodTooSmall' | 'InvalidValue' | 'SubnetLimitReached' | 'CannotAffordLockCost' | 'Unused117' | 'Unused118' | 'Unused119' | 'Unused120' | 'Unused121' | 'InvalidNumRootClaim' | 'InvalidRootClaimThreshold' | 'InvalidSubnetNumber' | 'Unused125' | 'Unused126' | 'Unused127' | 'Unused128' | 'Unused129' | 'Unused130' | 'Unused131' | 'Unused132' | 'Unused133' | 'RegistrationPriceLimitExceeded' | 'Unused135' | 'Unused136' | 'Unused137' | 'Unused138' | 'CannotUseSystemAccount' | 'Unused140' | 'TempoOutOfBounds' | 'ActivityCutoffFactorMilliOutOfBounds' | 'EpochTriggerAlreadyPending' | 'AutoEpochAlreadyImminent' | 'DynamicTempoBlockedByCommitReveal' | 'Unused146';
  }

  /** @name PalletUtilityCall (100) */
  interface PalletUtilityCall extends Enum {
    readonly isBatch: boolean;
    readonly asBatch: {
      readonly calls: Vec<Call>;
    } & Struct;
    readonly isBatchAll: boolean;
    readonly asBatchAll: {
      readonly calls: Vec<Call>;
    } & Struct;
    readonly isForceBatch: boolean;
    readonly asForceBatch: {
      readonly calls: Vec<Call>;
    } & Struct;
    readonly isWithWeight: boolean;
    readonly asWithWeight: {
      readonly call: Call;
      readonly weight: SpWeightsWeightV2Weight;
    } & Struct;
    readonly type: 'Batch' | 'BatchAll' | 'ForceBatch' | 'WithWeight';
  }

  /** @name PalletSudoCall (102) */
  interface PalletSudoCall extends Enum {
    readonly isSudo: boolean;
    readonly asSudo: {
      readonly call: Call;
    } & Struct;
    readonly isSudoUncheckedWeight: boolean;
    readonly asSudoUncheckedWeight: {
      readonly call: Call;
      readonly weight: SpWeightsWeightV2Weight;
    } & Struct;
    readonly isSetKey: boolean;
    readonly asSetKey: {
      readonly new_: MultiAddress;
    } & Struct;
    readonly isSudoAs: boolean;
    readonly asSudoAs: {
      readonly who: MultiAddress;
      readonly call: Call;
    } & Struct;
    readonly isRemoveKey: boolean;
    readonly type: 'Sudo' | 'SudoUncheckedWeight' | 'SetKey' | 'SudoAs' | 'RemoveKey';
  }

  /** @name PalletCommitmentsCall (103) */
  interface PalletCommitmentsCall extends Enum {
    readonly isSetCommitment: boolean;
    readonly asSetCommitment: {
      readonly netuid: u16;
      readonly info: PalletCommitmentsCommitmentInfo;
    } & Struct;
    readonly isSetMaxSpace: boolean;
    readonly asSetMaxSpace: {
      readonly newLimit: u32;
    } & Struct;
    readonly type: 'SetCommitment' | 'SetMaxSpace';
  }

  /** @name PalletCommitmentsCommitmentInfo (104) */
  interface PalletCommitmentsCommitmentInfo extends Struct {
    readonly fields: Vec<PalletCommitmentsData>;
  }

  /** @name PalletCommitmentsData (105) */
  interface PalletCommitmentsData extends Enum {
    readonly isNone: boolean;
    readonly isRaw0: boolean;
    readonly asRaw0: U8aFixed;
    readonly isRaw1: boolean;
    readonly asRaw1: U8aFixed;
    readonly isRaw2: boolean;
    readonly asRaw2: U8aFixed;
    readonly isRaw3: boolean;
    readonly asRaw3: U8aFixed;
    readonly isRaw4: boolean;
    readonly asRaw4: U8aFixed;
    readonly isRaw5: boolean;
    readonly asRaw5: U8aFixed;
    readonly isRaw6: boolean;
    readonly asRaw6: U8aFixed;
    readonly isRaw7: boolean;
    readonly asRaw7: U8aFixed;
    readonly isRaw8: boolean;
    readonly asRaw8: U8aFixed;
    readonly isRaw9: boolean;
    readonly asRaw9: U8aFixed;
    readonly isRaw10: boolean;
    readonly asRaw10: U8aFixed;
    readonly isRaw11: boolean;
    readonly asRaw11: U8aFixed;
    readonly isRaw12: boolean;
    readonly asRaw12: U8aFixed;
    readonly isRaw13: boolean;
    readonly asRaw13: U8aFixed;
    readonly isRaw14: boolean;
    readonly asRaw14: U8aFixed;
    readonly isRaw15: boolean;
    readonly asRaw15: U8aFixed;
    readonly isRaw16: boolean;
    readonly asRaw16: U8aFixed;
    readonly isRaw17: boolean;
    readonly asRaw17: U8aFixed;
    readonly isRaw18: boolean;
    readonly asRaw18: U8aFixed;
    readonly isRaw19: boolean;
    readonly asRaw19: U8aFixed;
    readonly isRaw20: boolean;
    readonly asRaw20: U8aFixed;
    readonly isRaw21: boolean;
    readonly asRaw21: U8aFixed;
    readonly isRaw22: boolean;
    readonly asRaw22: U8aFixed;
    readonly isRaw23: boolean;
    readonly asRaw23: U8aFixed;
    readonly isRaw24: boolean;
    readonly asRaw24: U8aFixed;
    readonly isRaw25: boolean;
    readonly asRaw25: U8aFixed;
    readonly isRaw26: boolean;
    readonly asRaw26: U8aFixed;
    readonly isRaw27: boolean;
    readonly asRaw27: U8aFixed;
    readonly isRaw28: boolean;
    readonly asRaw28: U8aFixed;
    readonly isRaw29: boolean;
    readonly asRaw29: U8aFixed;
    readonly isRaw30: boolean;
    readonly asRaw30: U8aFixed;
    readonly isRaw31: boolean;
    readonly asRaw31: U8aFixed;
    readonly isRaw32: boolean;
    readonly asRaw32: U8aFixed;
    readonly isRaw33: boolean;
    readonly asRaw33: U8aFixed;
    readonly isRaw34: boolean;
    readonly asRaw34: U8aFixed;
    readonly isRaw35: boolean;
    readonly asRaw35: U8aFixed;
    readonly isRaw36: boolean;
    readonly asRaw36: U8aFixed;
    readonly isRaw37: boolean;
    readonly asRaw37: U8aFixed;
    readonly isRaw38: boolean;
    readonly asRaw38: U8aFixed;
    readonly isRaw39: boolean;
    readonly asRaw39: U8aFixed;
    readonly isRaw40: boolean;
    readonly asRaw40: U8aFixed;
    readonly isRaw41: boolean;
    readonly asRaw41: U8aFixed;
    readonly isRaw42: boolean;
    readonly asRaw42: U8aFixed;
    readonly isRaw43: boolean;
    readonly asRaw43: U8aFixed;
    readonly isRaw44: boolean;
    readonly asRaw44: U8aFixed;
    readonly isRaw45: boolean;
    readonly asRaw45: U8aFixed;
    readonly isRaw46: boolean;
    readonly asRaw46: U8aFixed;
    readonly isRaw47: boolean;
    readonly asRaw47: U8aFixed;
    readonly isRaw48: boolean;
    readonly asRaw48: U8aFixed;
    readonly isRaw49: boolean;
    readonly asRaw49: U8aFixed;
    readonly isRaw50: boolean;
    readonly asRaw50: U8aFixed;
    readonly isRaw51: boolean;
    readonly asRaw51: U8aFixed;
    readonly isRaw52: boolean;
    readonly asRaw52: U8aFixed;
    readonly isRaw53: boolean;
    readonly asRaw53: U8aFixed;
    readonly isRaw54: boolean;
    readonly asRaw54: U8aFixed;
    readonly isRaw55: boolean;
    readonly asRaw55: U8aFixed;
    readonly isRaw56: boolean;
    readonly asRaw56: U8aFixed;
    readonly isRaw57: boolean;
    readonly asRaw57: U8aFixed;
    readonly isRaw58: boolean;
    readonly asRaw58: U8aFixed;
    readonly isRaw59: boolean;
    readonly asRaw59: U8aFixed;
    readonly isRaw60: boolean;
    readonly asRaw60: U8aFixed;
    readonly isRaw61: boolean;
    readonly asRaw61: U8aFixed;
    readonly isRaw62: boolean;
    readonly asRaw62: U8aFixed;
    readonly isRaw63: boolean;
    readonly asRaw63: U8aFixed;
    readonly isRaw64: boolean;
    readonly asRaw64: U8aFixed;
    readonly isRaw65: boolean;
    readonly asRaw65: U8aFixed;
    readonly isRaw66: boolean;
    readonly asRaw66: U8aFixed;
    readonly isRaw67: boolean;
    readonly asRaw67: U8aFixed;
    readonly isRaw68: boolean;
    readonly asRaw68: U8aFixed;
    readonly isRaw69: boolean;
    readonly asRaw69: U8aFixed;
    readonly isRaw70: boolean;
    readonly asRaw70: U8aFixed;
    readonly isRaw71: boolean;
    readonly asRaw71: U8aFixed;
    readonly isRaw72: boolean;
    readonly asRaw72: U8aFixed;
    readonly isRaw73: boolean;
    readonly asRaw73: U8aFixed;
    readonly isRaw74: boolean;
    readonly asRaw74: U8aFixed;
    readonly isRaw75: boolean;
    readonly asRaw75: U8aFixed;
    readonly isRaw76: boolean;
    readonly asRaw76: U8aFixed;
    readonly isRaw77: boolean;
    readonly asRaw77: U8aFixed;
    readonly isRaw78: boolean;
    readonly asRaw78: U8aFixed;
    readonly isRaw79: boolean;
    readonly asRaw79: U8aFixed;
    readonly isRaw80: boolean;
    readonly asRaw80: U8aFixed;
    readonly isRaw81: boolean;
    readonly asRaw81: U8aFixed;
    readonly isRaw82: boolean;
    readonly asRaw82: U8aFixed;
    readonly isRaw83: boolean;
    readonly asRaw83: U8aFixed;
    readonly isRaw84: boolean;
    readonly asRaw84: U8aFixed;
    readonly isRaw85: boolean;
    readonly asRaw85: U8aFixed;
    readonly isRaw86: boolean;
    readonly asRaw86: U8aFixed;
    readonly isRaw87: boolean;
    readonly asRaw87: U8aFixed;
    readonly isRaw88: boolean;
    readonly asRaw88: U8aFixed;
    readonly isRaw89: boolean;
    readonly asRaw89: U8aFixed;
    readonly isRaw90: boolean;
    readonly asRaw90: U8aFixed;
    readonly isRaw91: boolean;
    readonly asRaw91: U8aFixed;
    readonly isRaw92: boolean;
    readonly asRaw92: U8aFixed;
    readonly isRaw93: boolean;
    readonly asRaw93: U8aFixed;
    readonly isRaw94: boolean;
    readonly asRaw94: U8aFixed;
    readonly isRaw95: boolean;
    readonly asRaw95: U8aFixed;
    readonly isRaw96: boolean;
    readonly asRaw96: U8aFixed;
    readonly isRaw97: boolean;
    readonly asRaw97: U8aFixed;
    readonly isRaw98: boolean;
    readonly asRaw98: U8aFixed;
    readonly isRaw99: boolean;
    readonly asRaw99: U8aFixed;
    readonly isRaw100: boolean;
    readonly asRaw100: U8aFixed;
    readonly isRaw101: boolean;
    readonly asRaw101: U8aFixed;
    readonly isRaw102: boolean;
    readonly asRaw102: U8aFixed;
    readonly isRaw103: boolean;
    readonly asRaw103: U8aFixed;
    readonly isRaw104: boolean;
    readonly asRaw104: U8aFixed;
    readonly isRaw105: boolean;
    readonly asRaw105: U8aFixed;
    readonly isRaw106: boolean;
    readonly asRaw106: U8aFixed;
    readonly isRaw107: boolean;
    readonly asRaw107: U8aFixed;
    readonly isRaw108: boolean;
    readonly asRaw108: U8aFixed;
    readonly isRaw109: boolean;
    readonly asRaw109: U8aFixed;
    readonly isRaw110: boolean;
    readonly asRaw110: U8aFixed;
    readonly isRaw111: boolean;
    readonly asRaw111: U8aFixed;
    readonly isRaw112: boolean;
    readonly asRaw112: U8aFixed;
    readonly isRaw113: boolean;
    readonly asRaw113: U8aFixed;
    readonly isRaw114: boolean;
    readonly asRaw114: U8aFixed;
    readonly isRaw115: boolean;
    readonly asRaw115: U8aFixed;
    readonly isRaw116: boolean;
    readonly asRaw116: U8aFixed;
    readonly isRaw117: boolean;
    readonly asRaw117: U8aFixed;
    readonly isRaw118: boolean;
    readonly asRaw118: U8aFixed;
    readonly isRaw119: boolean;
    readonly asRaw119: U8aFixed;
    readonly isRaw120: boolean;
    readonly asRaw120: U8aFixed;
    readonly isRaw121: boolean;
    readonly asRaw121: U8aFixed;
    readonly isRaw122: boolean;
    readonly asRaw122: U8aFixed;
    readonly isRaw123: boolean;
    readonly asRaw123: U8aFixed;
    readonly isRaw124: boolean;
    readonly asRaw124: U8aFixed;
    readonly isRaw125: boolean;
    readonly asRaw125: U8aFixed;
    readonly isRaw126: boolean;
    readonly asRaw126: U8aFixed;
    readonly isRaw127: boolean;
    readonly asRaw127: U8aFixed;
    readonly isRaw128: boolean;
    readonly asRaw128: U8aFixed;
    readonly isBlakeTwo256: boolean;
    readonly asBlakeTwo256: U8aFixed;
    readonly isSha256: boolean;
    readonly asSha256: U8aFixed;
    readonly isKeccak256: boolean;
    readonly asKeccak256: U8aFixed;
    readonly isShaThree256: boolean;
    readonly asShaThree256: U8aFixed;
    readonly isTimelockEncrypted: boolean;
    readonly asTimelockEncrypted: {
      readonly encrypted: Bytes;
      readonly revealRound: u64;
    } & Struct;
    readonly isResetBondsFlag: boolean;
    readonly isBigRaw: boolean;
    readonly asBigRaw: Bytes;
    readonly type: 'None' | 'Raw0' | 'Raw1' | 'Raw2' | 'Raw3' | 'Raw4' | 'Raw5' | 'Raw6' | 'Raw7' | 'Raw8' | 'Raw9' | 'Raw10' | 'Raw11' | 'Raw12' | 'Raw13' | 'Raw14' | 'Raw15' | 'Raw16' | 'Raw17' | 'Raw18' | 'Raw19' | 'Raw20' | 'Raw21' | 'Raw22' | 'Raw23' | 'Raw24' | 'Raw25' | 'Raw26' | 'Raw27' | 'Raw28' | 'Raw29' | 'Raw30' | 'Raw31' | 'Raw32' | 'Raw33' | 'Raw34' | 'Raw35' | 'Raw36' | 'Raw37' | 'Raw38' | 'Raw39' | 'Raw40' | 'Raw41' | 'Raw42' | 'Raw43' | 'Raw44' | 'Raw45' | 'Raw46' | 'Raw47' | 'Raw48' | 'Raw49' | 'Raw50' | 'Raw51' | 'Raw52' | 'Raw53' | 'Raw54' | 'Raw55' | 'Raw56' | 'Raw57' | 'Raw58' | 'Raw59' | 'Raw60' | 'Raw61' | 'Raw62' | 'Raw63' | 'Raw64' | 'Raw65' | 'Raw66' | 'Raw67' | 'Raw68' | 'Raw69' | 'Raw70' | 'Raw71' | 'Raw72' | 'Raw73' | 'Raw74' | 'Raw75' | 'Raw76' | 'Raw77' | 'Raw78' | 'Raw79' | 'Raw80' | 'Raw81' | 'Raw82' | 'Raw83' | 'Raw84' | 'Raw85' | 'Raw86' | 'Raw87' | 'Raw88' | 'Raw89' | 'Raw90' | 'Raw91' | 'Raw92' | 'Raw93' | 'Raw94' | 'Raw95' | 'Raw96' | 'Raw97' | 'Raw98' | 'Raw99' | 'Raw100' | 'Raw101' | 'Raw102' | 'Raw103' | 'Raw104' | 'Raw105' | 'Raw106' | 'Raw107' | 'Raw108' | 'Raw109' | 'Raw110' | 'Raw111' | 'Raw112' | 'Raw113' | 'Raw114' | 'Raw115' | 'Raw116' | 'Raw117' | 'Raw118' | 'Raw119' | 'Raw120' | 'Raw121' | 'Raw122' | 'Raw123' | 'Raw124' | 'Raw125' | 'Raw126' | 'Raw127' | 'Raw128' | 'BlakeTwo256' | 'Sha256' | 'Keccak256' | 'ShaThree256' | 'TimelockEncrypted' | 'ResetBondsFlag' | 'BigRaw';
  }

  /** @name PalletAdminUtilsCall (232) */
  interface PalletAdminUtilsCall extends Enum {
    readonly isSudoSetServingRateLimit: boolean;
    readonly asSudoSetServingRateLimit: {
      readonly netuid: u16;
      readonly servingRateLimit: u64;
    } & Struct;
    readonly isSudoSetWeightsVersionKey: boolean;
    readonly asSudoSetWeightsVersionKey: {
      readonly netuid: u16;
      readonly weightsVersionKey: u64;
    } & Struct;
    readonly isSudoSetWeightsSetRateLimit: boolean;
    readonly asSudoSetWeightsSetRateLimit: {
      readonly netuid: u16;
      readonly weightsSetRateLimit: u64;
    } & Struct;
    readonly isSudoSetImmunityPeriod: boolean;
    readonly asSudoSetImmunityPeriod: {
      readonly netuid: u16;
      readonly immunityPeriod: u16;
    } & Struct;
    readonly isSudoSetMinAllowedWeights: boolean;
    readonly asSudoSetMinAllowedWeights: {
      readonly netuid: u16;
      readonly minAllowedWeights: u16;
    } & Struct;
    readonly isSudoSetMaxAllowedUids: boolean;
    readonly asSudoSetMaxAllowedUids: {
      readonly netuid: u16;
      readonly maxAllowedUids: u16;
    } & Struct;
    readonly isSudoSetKappa: boolean;
    readonly asSudoSetKappa: {
      readonly netuid: u16;
      readonly kappa: u16;
    } & Struct;
    readonly isSudoSetRho: boolean;
    readonly asSudoSetRho: {
      readonly netuid: u16;
      readonly rho: u16;
    } & Struct;
    readonly isSudoSetActivityCutoff: boolean;
    readonly asSudoSetActivityCutoff: {
      readonly netuid: u16;
      readonly activityCutoff: u16;
    } & Struct;
    readonly isSudoSetNetworkRegistrationAllowed: boolean;
    readonly asSudoSetNetworkRegistrationAllowed: {
      readonly netuid: u16;
      readonly registrationAllowed: bool;
    } & Struct;
    readonly isSudoSetNetworkPowRegistrationAllowed: boolean;
    readonly asSudoSetNetworkPowRegistrationAllowed: {
      readonly netuid: u16;
      readonly registrationAllowed: bool;
    } & Struct;
    readonly isSudoSetTargetRegistrationsPerInterval: boolean;
    readonly asSudoSetTargetRegistrationsPerInterval: {
      readonly netuid: u16;
      readonly targetRegistrationsPerInterval: u16;
    } & Struct;
    readonly isSudoSetMinBurn: boolean;
    readonly asSudoSetMinBurn: {
      readonly netuid: u16;
      readonly minBurn: u64;
    } & Struct;
    readonly isSudoSetMaxBurn: boolean;
    readonly asSudoSetMaxBurn: {
      readonly netuid: u16;
      readonly maxBurn: u64;
    } & Struct;
    readonly isSudoSetDifficulty: boolean;
    readonly asSudoSetDifficulty: {
      readonly netuid: u16;
      readonly difficulty: u64;
    } & Struct;
    readonly isSudoSetMaxAllowedValidators: boolean;
    readonly asSudoSetMaxAllowedValidators: {
      readonly netuid: u16;
      readonly maxAllowedValidators: u16;
    } & Struct;
    readonly isSudoSetBondsMovingAverage: boolean;
    readonly asSudoSetBondsMovingAverage: {
      readonly netuid: u16;
      readonly bondsMovingAverage: u64;
    } & Struct;
    readonly isSudoSetMaxRegistrationsPerBlock: boolean;
    readonly asSudoSetMaxRegistrationsPerBlock: {
      readonly netuid: u16;
      readonly maxRegistrationsPerBlock: u16;
    } & Struct;
    readonly isSudoSetSubnetOwnerCut: boolean;
    readonly asSudoSetSubnetOwnerCut: {
      readonly subnetOwnerCut: u16;
    } & Struct;
    readonly isSudoSetNetworkRateLimit: boolean;
    readonly asSudoSetNetworkRateLimit: {
      readonly rateLimit: u64;
    } & Struct;
    readonly isSudoSetTempo: boolean;
    readonly asSudoSetTempo: {
      readonly netuid: u16;
      readonly tempo: u16;
    } & Struct;
    readonly isSudoSetNetworkMinLockCost: boolean;
    readonly asSudoSetNetworkMinLockCost: {
      readonly lockCost: u64;
    } & Struct;
    readonly isSudoSetStakeThreshold: boolean;
    readonly asSudoSetStakeThreshold: {
      readonly minStake: u64;
    } & Struct;
    readonly isSudoSetCommitRevealWeightsEnabled: boolean;
    readonly asSudoSetCommitRevealWeightsEnabled: {
      readonly netuid: u16;
      readonly enabled: bool;
    } & Struct;
    readonly isSudoSetLiquidAlphaEnabled: boolean;
    readonly asSudoSetLiquidAlphaEnabled: {
      readonly netuid: u16;
      readonly enabled: bool;
    } & Struct;
    readonly isSudoSetAlphaValues: boolean;
    readonly asSudoSetAlphaValues: {
      readonly netuid: u16;
      readonly alphaLow: u16;
      readonly alphaHigh: u16;
    } & Struct;
    readonly isSudoSetCommitRevealWeightsInterval: boolean;
    readonly asSudoSetCommitRevealWeightsInterval: {
      readonly netuid: u16;
      readonly interval: u64;
    } & Struct;
    readonly isSudoSetBondsPenalty: boolean;
    readonly asSudoSetBondsPenalty: {
      readonly netuid: u16;
      readonly bondsPenalty: u16;
    } & Struct;
    readonly isSudoSetYuma3Enabled: boolean;
    readonly asSudoSetYuma3Enabled: {
      readonly netuid: u16;
      readonly enabled: bool;
    } & Struct;
    readonly isSudoSetBondsResetEnabled: boolean;
    readonly asSudoSetBondsResetEnabled: {
      readonly netuid: u16;
      readonly enabled: bool;
    } & Struct;
    readonly isSudoSetOwnerImmuneNeuronLimit: boolean;
    readonly asSudoSetOwnerImmuneNeuronLimit: {
      readonly netuid: u16;
      readonly immuneNeurons: u16;
    } & Struct;
    readonly isSudoSetAdminFreezeWindow: boolean;
    readonly asSudoSetAdminFreezeWindow: {
      readonly window: u16;
    } & Struct;
    readonly isSudoSetOwnerHparamRateLimit: boolean;
    readonly asSudoSetOwnerHparamRateLimit: {
      readonly epochs: u16;
    } & Struct;
    readonly isSudoSetMinNonImmuneUids: boolean;
    readonly asSudoSetMinNonImmuneUids: {
      readonly netuid: u16;
      readonly min: u16;
    } & Struct;
    readonly isSudoSetStartCallDelay: boolean;
    readonly asSudoSetStartCallDelay: {
      readonly delay: u64;
    } & Struct;
    readonly isSudoSetBurnHalfLife: boolean;
    readonly asSudoSetBurnHalfLife: {
      readonly netuid: u16;
      readonly burnHalfLife: u16;
    } & Struct;
    readonly type: 'SudoSetServingRateLimit' | 'SudoSetWeightsVersionKey' | 'SudoSetWeightsSetRateLimit' | 'SudoSetImmunityPeriod' | 'SudoSetMinAllowedWeights' | 'SudoSetMaxAllowedUids' | 'SudoSetKappa' | 'SudoSetRho' | 'SudoSetActivityCutoff' | 'SudoSetNetworkRegistrationAllowed' | 'SudoSetNetworkPowRegistrationAllowed' | 'SudoSetTargetRegistrationsPerInterval' | 'SudoSetMinBurn' | 'SudoSetMaxBurn' | 'SudoSetDifficulty' | 'SudoSetMaxAllowedValidators' | 'SudoSetBondsMovingAverage' | 'SudoSetMaxRegistrationsPerBlock' | 'SudoSetSubnetOwnerCut' | 'SudoSetNetworkRateLimit' | 'SudoSetTempo' | 'SudoSetNetworkMinLockCost' | 'SudoSetStakeThreshold' | 'SudoSetCommitRevealWeightsEnabled' | 'SudoSetLiquidAlphaEnabled' | 'SudoSetAlphaValues' | 'SudoSetCommitRevealWeightsInterval' | 'SudoSetBondsPenalty' | 'SudoSetYuma3Enabled' | 'SudoSetBondsResetEnabled' | 'SudoSetOwnerImmuneNeuronLimit' | 'SudoSetAdminFreezeWindow' | 'SudoSetOwnerHparamRateLimit' | 'SudoSetMinNonImmuneUids' | 'SudoSetStartCallDelay' | 'SudoSetBurnHalfLife';
  }

  /** @name PalletUtilityError (234) */
  interface PalletUtilityError extends Enum {
    readonly isTooManyCalls: boolean;
    readonly type: 'TooManyCalls';
  }

  /** @name PalletSudoError (235) */
  interface PalletSudoError extends Enum {
    readonly isRequireSudo: boolean;
    readonly type: 'RequireSudo';
  }

  /** @name PalletCommitmentsRegistration (237) */
  interface PalletCommitmentsRegistration extends Struct {
    readonly deposit: u64;
    readonly block: u32;
    readonly info: PalletCommitmentsCommitmentInfo;
  }

  /** @name PalletCommitmentsUsageTracker (240) */
  interface PalletCommitmentsUsageTracker extends Struct {
    readonly lastEpoch: u64;
    readonly usedSpace: u64;
  }

  /** @name PalletCommitmentsError (241) */
  interface PalletCommitmentsError extends Enum {
    readonly isTooManyFieldsInCommitmentInfo: boolean;
    readonly isAccountNotAllowedCommit: boolean;
    readonly isSpaceLimitExceeded: boolean;
    readonly isUnexpectedUnreserveLeftover: boolean;
    readonly type: 'TooManyFieldsInCommitmentInfo' | 'AccountNotAllowedCommit' | 'SpaceLimitExceeded' | 'UnexpectedUnreserveLeftover';
  }

  /** @name PalletAdminUtilsError (242) */
  interface PalletAdminUtilsError extends Enum {
    readonly isSubnetDoesNotExist: boolean;
    readonly isMaxValidatorsLargerThanMaxUIds: boolean;
    readonly isMaxAllowedUIdsLessThanCurrentUIds: boolean;
    readonly isBondsMovingAverageMaxReached: boolean;
    readonly isNegativeSigmoidSteepness: boolean;
    readonly isValueNotInBounds: boolean;
    readonly isMinAllowedUidsGreaterThanCurrentUids: boolean;
    readonly isMinAllowedUidsGreaterThanMaxAllowedUids: boolean;
    readonly isMaxAllowedUidsLessThanMinAllowedUids: boolean;
    readonly isMaxAllowedUidsGreaterThanDefaultMaxAllowedUids: boolean;
    readonly isInvalidValue: boolean;
    readonly isNotPermittedOnRootSubnet: boolean;
    readonly isPowRegistrationDisabled: boolean;
    readonly isDeprecated: boolean;
    readonly type: 'SubnetDoesNotExist' | 'MaxValidatorsLargerThanMaxUIds' | 'MaxAllowedUIdsLessThanCurrentUIds' | 'BondsMovingAverageMaxReached' | 'NegativeSigmoidSteepness' | 'ValueNotInBounds' | 'MinAllowedUidsGreaterThanCurrentUids' | 'MinAllowedUidsGreaterThanMaxAllowedUids' | 'MaxAllowedUidsLessThanMinAllowedUids' | 'MaxAllowedUidsGreaterThanDefaultMaxAllowedUids' | 'InvalidValue' | 'NotPermittedOnRootSubnet' | 'PowRegistrationDisabled' | 'Deprecated';
  }

  /** @name NodeSubtensorRuntimeRuntime (243) */
  type NodeSubtensorRuntimeRuntime = Null;

  /** @name SpRuntimeMultiSignature (245) */
  interface SpRuntimeMultiSignature extends Enum {
    readonly isEd25519: boolean;
    readonly asEd25519: SpCoreEd25519Signature;
    readonly isSr25519: boolean;
    readonly asSr25519: SpCoreSr25519Signature;
    readonly isEcdsa: boolean;
    readonly asEcdsa: SpCoreEcdsaSignature;
    readonly type: 'Ed25519' | 'Sr25519' | 'Ecdsa';
  }

  /** @name SpCoreEd25519Signature (246) */
  interface SpCoreEd25519Signature extends U8aFixed {}

  /** @name SpCoreSr25519Signature (247) */
  interface SpCoreSr25519Signature extends U8aFixed {}

  /** @name SpCoreEcdsaSignature (248) */
  interface SpCoreEcdsaSignature extends U8aFixed {}





  /** @name NodeSubtensorRuntimeCheckNonce (255) */
  interface NodeSubtensorRuntimeCheckNonce extends Compact<u32> {}


  /** @name SubtensorTransactionFeeChargeTransactionPaymentWrapper (257) */
  interface SubtensorTransactionFeeChargeTransactionPaymentWrapper extends PalletTransactionPaymentChargeTransactionPayment {}

  /** @name PalletTransactionPaymentChargeTransactionPayment (258) */
  interface PalletTransactionPaymentChargeTransactionPayment extends Compact<u128> {}

  /** @name PalletSudoExtensionSudoTransactionExtension (259) */
  type PalletSudoExtensionSudoTransactionExtension = Null;

  /** @name PalletShieldExtensionCheckShieldedTxValidity (260) */
  type PalletShieldExtensionCheckShieldedTxValidity = Null;

  /** @name PalletSubtensorTransactionExtensionSubtensorTransactionExtension (261) */
  type PalletSubtensorTransactionExtensionSubtensorTransactionExtension = Null;

  /** @name PalletDrandDrandPriority (262) */
  type PalletDrandDrandPriority = Null;

  /** @name FrameMetadataHashExtensionCheckMetadataHash (263) */
  interface FrameMetadataHashExtensionCheckMetadataHash extends Struct {
    readonly mode: FrameMetadataHashExtensionMode;
  }

  /** @name FrameMetadataHashExtensionMode (264) */
  interface FrameMetadataHashExtensionMode extends Enum {
    readonly isDisabled: boolean;
    readonly isEnabled: boolean;
    readonly type: 'Disabled' | 'Enabled';
  }

} // declare module
