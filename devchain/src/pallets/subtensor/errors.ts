/**
 * SubtensorModule errors at their upstream variant indices (subtensor-api.md §5) and `fail`, which
 * dispatch code throws to fail with one of them.
 */
import { errorBuilder, type ErrorDef } from '../../frame/pallet.ts';
import { P } from './storage.ts';

export const PALLET_INDEX = 7;

const KNOWN_ERRORS: Record<number, string> = {
  0: 'RootNetworkDoesNotExist',
  1: 'InvalidIpType',
  2: 'InvalidIpAddress',
  3: 'InvalidPort',
  4: 'HotKeyNotRegisteredInSubNet',
  5: 'HotKeyAccountNotExists',
  6: 'HotKeyNotRegisteredInNetwork',
  7: 'NonAssociatedColdKey',
  8: 'NotEnoughStake',
  9: 'NotEnoughStakeToWithdraw',
  10: 'NotEnoughStakeToSetWeights',
  12: 'NotEnoughBalanceToStake',
  15: 'NeuronNoValidatorPermit',
  16: 'WeightVecNotEqualSize',
  17: 'DuplicateUids',
  18: 'UidVecContainInvalidOne',
  19: 'WeightVecLengthIsLow',
  20: 'TooManyRegistrationsThisBlock',
  21: 'HotKeyAlreadyRegisteredInSubNet',
  24: 'InvalidWorkBlock',
  25: 'InvalidDifficulty',
  26: 'InvalidSeal',
  27: 'MaxWeightExceeded',
  29: 'SettingWeightsTooFast',
  30: 'IncorrectWeightVersionKey',
  31: 'ServingRateLimitExceeded',
  32: 'UidsLengthExceedUidsInSubNet',
  33: 'NetworkTxRateLimitExceeded',
  37: 'SubNetRegistrationDisabled',
  38: 'TooManyRegistrationsThisInterval',
  39: 'TransactorAccountShouldBeHotKey',
  41: 'NotSubnetOwner',
  42: 'RegistrationNotPermittedOnRootSubnet',
  43: 'StakeTooLowForRoot',
  47: 'CanNotSetRootNetworkWeights',
  48: 'NoNeuronIdAvailable',
  51: 'NoWeightsCommitFound',
  52: 'InvalidRevealCommitHashNotMatch',
  53: 'CommitRevealEnabled',
  54: 'CommitRevealDisabled',
  55: 'LiquidAlphaDisabled',
  56: 'AlphaHighTooLow',
  57: 'AlphaLowOutOfRange',
  64: 'TxRateLimitExceeded',
  74: 'MechanismDoesNotExist',
  76: 'SubnetNotExists',
  77: 'TooManyUnrevealedCommits',
  78: 'ExpiredWeightCommit',
  79: 'RevealTooEarly',
  80: 'InputLengthsUnequal',
  81: 'CommittingWeightsTooFast',
  82: 'AmountTooLow',
  83: 'InsufficientLiquidity',
  84: 'SlippageTooHigh',
  86: 'ActivityCutoffTooLow',
  89: 'NeedWaitingMoreBlocksToStarCall',
  94: 'SubtokenDisabled',
  97: 'InsufficientBalance',
  107: 'AdminActionProhibitedDuringWeightsWindow',
  110: 'IncorrectCommitRevealVersion',
  112: 'RevealPeriodTooLarge',
  113: 'RevealPeriodTooSmall',
  114: 'InvalidValue',
  115: 'SubnetLimitReached',
  116: 'CannotAffordLockCost',
  122: 'InvalidNumRootClaim',
  123: 'InvalidRootClaimThreshold',
  124: 'InvalidSubnetNumber',
  134: 'RegistrationPriceLimitExceeded',
  139: 'CannotUseSystemAccount',
  141: 'TempoOutOfBounds',
  142: 'ActivityCutoffFactorMilliOutOfBounds',
  143: 'EpochTriggerAlreadyPending',
  144: 'AutoEpochAlreadyImminent',
  145: 'DynamicTempoBlockedByCommitReveal',
};
/** 147 variants (0..146); names unknown here are placeholders `Unused<index>`. */
export const SUBTENSOR_ERRORS: ErrorDef[] = Array.from({ length: 147 }, (_, index) => ({
  name: KNOWN_ERRORS[index] ?? `Unused${index}`,
  index,
}));

const moduleError = errorBuilder({ name: P, index: PALLET_INDEX, errors: SUBTENSOR_ERRORS });

/** Fails the current dispatch with `SubtensorModule.<name>` (state changes roll back). */
export function fail(name: string): never {
  throw moduleError(name);
}
