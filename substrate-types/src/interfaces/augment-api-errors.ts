// Auto-generated via `yarn polkadot-types-from-chain`, do not edit
/* eslint-disable */

// import type lookup before we augment - in some environments
// this is required to allow for ambient/previous definitions
import '@polkadot/api-base/types/errors';

import type { ApiTypes, AugmentedError } from '@polkadot/api-base/types';

export type __AugmentedError<ApiType extends ApiTypes> = AugmentedError<ApiType>;

declare module '@polkadot/api-base/types/errors' {
  interface AugmentedErrors<ApiType extends ApiTypes> {
    adminUtils: {
      BondsMovingAverageMaxReached: AugmentedError<ApiType>;
      Deprecated: AugmentedError<ApiType>;
      InvalidValue: AugmentedError<ApiType>;
      MaxAllowedUidsGreaterThanDefaultMaxAllowedUids: AugmentedError<ApiType>;
      MaxAllowedUIdsLessThanCurrentUIds: AugmentedError<ApiType>;
      MaxAllowedUidsLessThanMinAllowedUids: AugmentedError<ApiType>;
      MaxValidatorsLargerThanMaxUIds: AugmentedError<ApiType>;
      MinAllowedUidsGreaterThanCurrentUids: AugmentedError<ApiType>;
      MinAllowedUidsGreaterThanMaxAllowedUids: AugmentedError<ApiType>;
      NegativeSigmoidSteepness: AugmentedError<ApiType>;
      NotPermittedOnRootSubnet: AugmentedError<ApiType>;
      POWRegistrationDisabled: AugmentedError<ApiType>;
      SubnetDoesNotExist: AugmentedError<ApiType>;
      ValueNotInBounds: AugmentedError<ApiType>;
      /**
       * Generic error
       **/
      [key: string]: AugmentedError<ApiType>;
    };
    balances: {
      DeadAccount: AugmentedError<ApiType>;
      DeltaZero: AugmentedError<ApiType>;
      ExistentialDeposit: AugmentedError<ApiType>;
      ExistingVestingSchedule: AugmentedError<ApiType>;
      Expendability: AugmentedError<ApiType>;
      InsufficientBalance: AugmentedError<ApiType>;
      IssuanceDeactivated: AugmentedError<ApiType>;
      LiquidityRestrictions: AugmentedError<ApiType>;
      TooManyFreezes: AugmentedError<ApiType>;
      TooManyHolds: AugmentedError<ApiType>;
      TooManyReserves: AugmentedError<ApiType>;
      VestingBalance: AugmentedError<ApiType>;
      /**
       * Generic error
       **/
      [key: string]: AugmentedError<ApiType>;
    };
    commitments: {
      AccountNotAllowedCommit: AugmentedError<ApiType>;
      SpaceLimitExceeded: AugmentedError<ApiType>;
      TooManyFieldsInCommitmentInfo: AugmentedError<ApiType>;
      UnexpectedUnreserveLeftover: AugmentedError<ApiType>;
      /**
       * Generic error
       **/
      [key: string]: AugmentedError<ApiType>;
    };
    subtensorModule: {
      ActivityCutoffFactorMilliOutOfBounds: AugmentedError<ApiType>;
      ActivityCutoffTooLow: AugmentedError<ApiType>;
      AdminActionProhibitedDuringWeightsWindow: AugmentedError<ApiType>;
      AlphaHighTooLow: AugmentedError<ApiType>;
      AlphaLowOutOfRange: AugmentedError<ApiType>;
      AmountTooLow: AugmentedError<ApiType>;
      AutoEpochAlreadyImminent: AugmentedError<ApiType>;
      CannotAffordLockCost: AugmentedError<ApiType>;
      CanNotSetRootNetworkWeights: AugmentedError<ApiType>;
      CannotUseSystemAccount: AugmentedError<ApiType>;
      CommitRevealDisabled: AugmentedError<ApiType>;
      CommitRevealEnabled: AugmentedError<ApiType>;
      CommittingWeightsTooFast: AugmentedError<ApiType>;
      DuplicateUids: AugmentedError<ApiType>;
      DynamicTempoBlockedByCommitReveal: AugmentedError<ApiType>;
      EpochTriggerAlreadyPending: AugmentedError<ApiType>;
      ExpiredWeightCommit: AugmentedError<ApiType>;
      HotKeyAccountNotExists: AugmentedError<ApiType>;
      HotKeyAlreadyRegisteredInSubNet: AugmentedError<ApiType>;
      HotKeyNotRegisteredInNetwork: AugmentedError<ApiType>;
      HotKeyNotRegisteredInSubNet: AugmentedError<ApiType>;
      IncorrectCommitRevealVersion: AugmentedError<ApiType>;
      IncorrectWeightVersionKey: AugmentedError<ApiType>;
      InputLengthsUnequal: AugmentedError<ApiType>;
      InsufficientBalance: AugmentedError<ApiType>;
      InsufficientLiquidity: AugmentedError<ApiType>;
      InvalidDifficulty: AugmentedError<ApiType>;
      InvalidIpAddress: AugmentedError<ApiType>;
      InvalidIpType: AugmentedError<ApiType>;
      InvalidNumRootClaim: AugmentedError<ApiType>;
      InvalidPort: AugmentedError<ApiType>;
      InvalidRevealCommitHashNotMatch: AugmentedError<ApiType>;
      InvalidRootClaimThreshold: AugmentedError<ApiType>;
      InvalidSeal: AugmentedError<ApiType>;
      InvalidSubnetNumber: AugmentedError<ApiType>;
      InvalidValue: AugmentedError<ApiType>;
      InvalidWorkBlock: AugmentedError<ApiType>;
      LiquidAlphaDisabled: AugmentedError<ApiType>;
      MaxWeightExceeded: AugmentedError<ApiType>;
      MechanismDoesNotExist: AugmentedError<ApiType>;
      NeedWaitingMoreBlocksToStarCall: AugmentedError<ApiType>;
      NetworkTxRateLimitExceeded: AugmentedError<ApiType>;
      NeuronNoValidatorPermit: AugmentedError<ApiType>;
      NonAssociatedColdKey: AugmentedError<ApiType>;
      NoNeuronIdAvailable: AugmentedError<ApiType>;
      NotEnoughBalanceToStake: AugmentedError<ApiType>;
      NotEnoughStake: AugmentedError<ApiType>;
      NotEnoughStakeToSetWeights: AugmentedError<ApiType>;
      NotEnoughStakeToWithdraw: AugmentedError<ApiType>;
      NotSubnetOwner: AugmentedError<ApiType>;
      NoWeightsCommitFound: AugmentedError<ApiType>;
      RegistrationNotPermittedOnRootSubnet: AugmentedError<ApiType>;
      RegistrationPriceLimitExceeded: AugmentedError<ApiType>;
      RevealPeriodTooLarge: AugmentedError<ApiType>;
      RevealPeriodTooSmall: AugmentedError<ApiType>;
      RevealTooEarly: AugmentedError<ApiType>;
      RootNetworkDoesNotExist: AugmentedError<ApiType>;
      ServingRateLimitExceeded: AugmentedError<ApiType>;
      SettingWeightsTooFast: AugmentedError<ApiType>;
      SlippageTooHigh: AugmentedError<ApiType>;
      StakeTooLowForRoot: AugmentedError<ApiType>;
      SubnetLimitReached: AugmentedError<ApiType>;
      SubnetNotExists: AugmentedError<ApiType>;
      SubNetRegistrationDisabled: AugmentedError<ApiType>;
      SubtokenDisabled: AugmentedError<ApiType>;
      TempoOutOfBounds: AugmentedError<ApiType>;
      TooManyRegistrationsThisBlock: AugmentedError<ApiType>;
      TooManyRegistrationsThisInterval: AugmentedError<ApiType>;
      TooManyUnrevealedCommits: AugmentedError<ApiType>;
      TransactorAccountShouldBeHotKey: AugmentedError<ApiType>;
      TxRateLimitExceeded: AugmentedError<ApiType>;
      UidsLengthExceedUidsInSubNet: AugmentedError<ApiType>;
      UidVecContainInvalidOne: AugmentedError<ApiType>;
      Unused100: AugmentedError<ApiType>;
      Unused101: AugmentedError<ApiType>;
      Unused102: AugmentedError<ApiType>;
      Unused103: AugmentedError<ApiType>;
      Unused104: AugmentedError<ApiType>;
      Unused105: AugmentedError<ApiType>;
      Unused106: AugmentedError<ApiType>;
      Unused108: AugmentedError<ApiType>;
      Unused109: AugmentedError<ApiType>;
      Unused11: AugmentedError<ApiType>;
      Unused111: AugmentedError<ApiType>;
      Unused117: AugmentedError<ApiType>;
      Unused118: AugmentedError<ApiType>;
      Unused119: AugmentedError<ApiType>;
      Unused120: AugmentedError<ApiType>;
      Unused121: AugmentedError<ApiType>;
      Unused125: AugmentedError<ApiType>;
      Unused126: AugmentedError<ApiType>;
      Unused127: AugmentedError<ApiType>;
      Unused128: AugmentedError<ApiType>;
      Unused129: AugmentedError<ApiType>;
      Unused13: AugmentedError<ApiType>;
      Unused130: AugmentedError<ApiType>;
      Unused131: AugmentedError<ApiType>;
      Unused132: AugmentedError<ApiType>;
      Unused133: AugmentedError<ApiType>;
      Unused135: AugmentedError<ApiType>;
      Unused136: AugmentedError<ApiType>;
      Unused137: AugmentedError<ApiType>;
      Unused138: AugmentedError<ApiType>;
      Unused14: AugmentedError<ApiType>;
      Unused140: AugmentedError<ApiType>;
      Unused146: AugmentedError<ApiType>;
      Unused22: AugmentedError<ApiType>;
      Unused23: AugmentedError<ApiType>;
      Unused28: AugmentedError<ApiType>;
      Unused34: AugmentedError<ApiType>;
      Unused35: AugmentedError<ApiType>;
      Unused36: AugmentedError<ApiType>;
      Unused40: AugmentedError<ApiType>;
      Unused44: AugmentedError<ApiType>;
      Unused45: AugmentedError<ApiType>;
      Unused46: AugmentedError<ApiType>;
      Unused49: AugmentedError<ApiType>;
      Unused50: AugmentedError<ApiType>;
      Unused58: AugmentedError<ApiType>;
      Unused59: AugmentedError<ApiType>;
      Unused60: AugmentedError<ApiType>;
      Unused61: AugmentedError<ApiType>;
      Unused62: AugmentedError<ApiType>;
      Unused63: AugmentedError<ApiType>;
      Unused65: AugmentedError<ApiType>;
      Unused66: AugmentedError<ApiType>;
      Unused67: AugmentedError<ApiType>;
      Unused68: AugmentedError<ApiType>;
      Unused69: AugmentedError<ApiType>;
      Unused70: AugmentedError<ApiType>;
      Unused71: AugmentedError<ApiType>;
      Unused72: AugmentedError<ApiType>;
      Unused73: AugmentedError<ApiType>;
      Unused75: AugmentedError<ApiType>;
      Unused85: AugmentedError<ApiType>;
      Unused87: AugmentedError<ApiType>;
      Unused88: AugmentedError<ApiType>;
      Unused90: AugmentedError<ApiType>;
      Unused91: AugmentedError<ApiType>;
      Unused92: AugmentedError<ApiType>;
      Unused93: AugmentedError<ApiType>;
      Unused95: AugmentedError<ApiType>;
      Unused96: AugmentedError<ApiType>;
      Unused98: AugmentedError<ApiType>;
      Unused99: AugmentedError<ApiType>;
      WeightVecLengthIsLow: AugmentedError<ApiType>;
      WeightVecNotEqualSize: AugmentedError<ApiType>;
      /**
       * Generic error
       **/
      [key: string]: AugmentedError<ApiType>;
    };
    sudo: {
      RequireSudo: AugmentedError<ApiType>;
      /**
       * Generic error
       **/
      [key: string]: AugmentedError<ApiType>;
    };
    system: {
      CallFiltered: AugmentedError<ApiType>;
      FailedToExtractRuntimeVersion: AugmentedError<ApiType>;
      InvalidSpecName: AugmentedError<ApiType>;
      MultiBlockMigrationsOngoing: AugmentedError<ApiType>;
      NonDefaultComposite: AugmentedError<ApiType>;
      NonZeroRefCount: AugmentedError<ApiType>;
      NothingAuthorized: AugmentedError<ApiType>;
      SpecVersionNeedsToIncrease: AugmentedError<ApiType>;
      Unauthorized: AugmentedError<ApiType>;
      /**
       * Generic error
       **/
      [key: string]: AugmentedError<ApiType>;
    };
    utility: {
      TooManyCalls: AugmentedError<ApiType>;
      /**
       * Generic error
       **/
      [key: string]: AugmentedError<ApiType>;
    };
  } // AugmentedErrors
} // declare module
