/**
 * Issue 10 item 9: every named SubtensorModule event and error of the devchain sits at its upstream
 * variant index (subtensor at spec 425: `pallets/subtensor/src/macros/events.rs` and `errors.rs`,
 * enum order). Checked on the metadata a real devchain serves, read with an unmodified ApiPromise,
 * plus one event emitted for real (`NetworkRateLimitSet`, index 58) and decoded from its raw index.
 * Variants the devchain does not model are placeholders `Unused<index>`.
 */
import test from 'ava';
import { startChain, exec, key } from './_helpers/subtensor.ts';

/** Upstream `Event` variant names in enum order (index = position). */
const UPSTREAM_EVENTS = [
  'NetworkAdded', 'NetworkRemoved', 'StakeAdded', 'StakeRemoved', 'StakeMoved', 'WeightsSet',
  'NeuronRegistered', 'BulkNeuronsRegistered', 'BulkBalancesSet', 'MaxAllowedUidsSet', 'MaxWeightLimitSet',
  'DifficultySet', 'AdjustmentIntervalSet', 'RegistrationPerIntervalSet', 'MaxRegistrationsPerBlockSet',
  'ActivityCutoffSet', 'RhoSet', 'AlphaSigmoidSteepnessSet', 'KappaSet', 'MinAllowedWeightSet',
  'ValidatorPruneLenSet', 'ScalingLawPowerSet', 'WeightsSetRateLimitSet', 'ImmunityPeriodSet',
  'BondsMovingAverageSet', 'BondsPenaltySet', 'BondsResetOnSet', 'MaxAllowedValidatorsSet', 'AxonServed',
  'PrometheusServed', 'DelegateAdded', 'DefaultTakeSet', 'WeightsVersionKeySet', 'MinDifficultySet',
  'MaxDifficultySet', 'ServingRateLimitSet', 'BurnSet', 'MaxBurnSet', 'MinBurnSet', 'MaxEpochsPerBlockSet',
  'TxRateLimitSet', 'TxDelegateTakeRateLimitSet', 'TxChildKeyTakeRateLimitSet', 'AdminFreezeWindowSet',
  'OwnerHyperparamRateLimitSet', 'MinChildKeyTakeSet', 'MinChildKeyTakePerSubnetSet', 'MaxChildKeyTakeSet',
  'ChildKeyTakeSet', 'Sudid', 'RegistrationAllowed', 'PowRegistrationAllowed', 'TempoSet',
  'RAORecycledForRegistrationSet', 'StakeThresholdSet', 'AdjustmentAlphaSet', 'Faucet', 'SubnetOwnerCutSet',
  'NetworkRateLimitSet', 'NetworkImmunityPeriodSet', 'StartCallDelaySet', 'NetworkMinLockCostSet',
  'SubnetLimitSet', 'NetworkLockCostReductionIntervalSet', 'TakeDecreased', 'TakeIncreased', 'HotkeySwapped',
  'MaxDelegateTakeSet', 'MinDelegateTakeSet', 'ColdkeySwapAnnounced', 'ColdkeySwapReset', 'ColdkeySwapped',
  'ColdkeySwapDisputed', 'AllBalanceUnstakedAndTransferredToNewColdkey', 'ArbitrationPeriodExtended',
  'SetChildrenScheduled', 'SetChildren', 'ChainIdentitySet', 'SubnetIdentitySet', 'SubnetIdentityRemoved',
  'DissolveNetworkScheduled', 'ColdkeySwapAnnouncementDelaySet', 'ColdkeySwapReannouncementDelaySet',
  'DissolveNetworkScheduleDurationSet', 'CRV3WeightsCommitted', 'WeightsCommitted', 'WeightsRevealed',
  'WeightsBatchRevealed', 'BatchWeightsCompleted', 'BatchCompletedWithErrors', 'BatchWeightItemFailed',
  'StakeTransferred', 'StakeSwapped', 'TransferToggle', 'SubnetOwnerHotkeySet',
  'FirstEmissionBlockNumberSet', 'AlphaRecycled', 'AlphaBurned', 'EvmKeyAssociated', 'CRV3WeightsRevealed',
  'CommitRevealPeriodsSet', 'CommitRevealEnabled', 'HotkeySwappedOnSubnet', 'SubnetLeaseCreated',
  'SubnetLeaseTerminated', 'SymbolUpdated', 'CommitRevealVersionSet', 'TimelockedWeightsCommitted',
  'TimelockedWeightsRevealed', 'AutoStakeAdded', 'IncentiveAlphaEmittedToMiners', 'MinAllowedUidsSet',
  'AutoStakeDestinationSet', 'MinNonImmuneUidsSet', 'RootClaimed', 'RootClaimTypeSet',
  'VotingPowerTrackingEnabled', 'VotingPowerTrackingDisableScheduled', 'VotingPowerTrackingDisabled',
  'VotingPowerEmaAlphaSet', 'SubnetLeaseDividendsDistributed', 'AddStakeBurn', 'ColdkeySwapCleared',
  'TransactionFeePaidWithAlpha', 'BurnHalfLifeSet', 'BurnIncreaseMultSet', 'AutoParentDelegationEnabledSet',
  'StakeLocked', 'StakeUnlocked', 'LockMoved', 'ActivityCutoffFactorMilliSet', 'EpochTriggered',
  'EpochDeferred', 'EpochSkipped', 'SubnetOwnerChanged', 'PerpetualLockUpdated', 'RejectLockedAlphaUpdated',
];

/** Upstream `Error` variant names in enum order (index = position). */
const UPSTREAM_ERRORS = [
  'RootNetworkDoesNotExist', 'InvalidIpType', 'InvalidIpAddress', 'InvalidPort',
  'HotKeyNotRegisteredInSubNet', 'HotKeyAccountNotExists', 'HotKeyNotRegisteredInNetwork',
  'NonAssociatedColdKey', 'NotEnoughStake', 'NotEnoughStakeToWithdraw', 'NotEnoughStakeToSetWeights',
  'NotEnoughStakeToSetChildkeys', 'NotEnoughBalanceToStake', 'BalanceWithdrawalError',
  'ZeroBalanceAfterWithdrawn', 'NeuronNoValidatorPermit', 'WeightVecNotEqualSize', 'DuplicateUids',
  'UidVecContainInvalidOne', 'WeightVecLengthIsLow', 'TooManyRegistrationsThisBlock',
  'HotKeyAlreadyRegisteredInSubNet', 'NewHotKeyIsSameWithOld', 'NewHotKeyNotCleanForRootSwap',
  'InvalidWorkBlock', 'InvalidDifficulty', 'InvalidSeal', 'MaxWeightExceeded', 'HotKeyAlreadyDelegate',
  'SettingWeightsTooFast', 'IncorrectWeightVersionKey', 'ServingRateLimitExceeded',
  'UidsLengthExceedUidsInSubNet', 'NetworkTxRateLimitExceeded', 'DelegateTxRateLimitExceeded',
  'HotKeySetTxRateLimitExceeded', 'StakingRateLimitExceeded', 'SubNetRegistrationDisabled',
  'TooManyRegistrationsThisInterval', 'TransactorAccountShouldBeHotKey', 'FaucetDisabled', 'NotSubnetOwner',
  'RegistrationNotPermittedOnRootSubnet', 'StakeTooLowForRoot', 'AllNetworksInImmunity',
  'NotEnoughBalanceToPaySwapHotKey', 'NotRootSubnet', 'CanNotSetRootNetworkWeights', 'NoNeuronIdAvailable',
  'DelegateTakeTooLow', 'DelegateTakeTooHigh', 'NoWeightsCommitFound', 'InvalidRevealCommitHashNotMatch',
  'CommitRevealEnabled', 'CommitRevealDisabled', 'LiquidAlphaDisabled', 'AlphaHighTooLow',
  'AlphaLowOutOfRange', 'ColdKeyAlreadyAssociated', 'NotEnoughBalanceToPaySwapColdKey', 'InvalidChild',
  'DuplicateChild', 'ProportionOverflow', 'TooManyChildren', 'TxRateLimitExceeded',
  'ColdkeySwapAnnouncementNotFound', 'ColdkeySwapTooEarly', 'ColdkeySwapReannouncedTooEarly',
  'AnnouncedColdkeyHashDoesNotMatch', 'ColdkeySwapAlreadyDisputed', 'NewColdKeyIsHotkey',
  'InvalidChildkeyTake', 'TxChildkeyTakeRateLimitExceeded', 'InvalidIdentity', 'MechanismDoesNotExist',
  'StakeUnavailable', 'SubnetNotExists', 'TooManyUnrevealedCommits', 'ExpiredWeightCommit', 'RevealTooEarly',
  'InputLengthsUnequal', 'CommittingWeightsTooFast', 'AmountTooLow', 'InsufficientLiquidity',
  'SlippageTooHigh', 'TransferDisallowed', 'ActivityCutoffTooLow', 'CallDisabled',
  'FirstEmissionBlockNumberAlreadySet', 'NeedWaitingMoreBlocksToStarCall', 'NotEnoughAlphaOutToRecycle',
  'CannotBurnOrRecycleOnRootSubnet', 'UnableToRecoverPublicKey', 'InvalidRecoveredPublicKey',
  'SubtokenDisabled', 'HotKeySwapOnSubnetIntervalNotPassed', 'SameNetuid', 'InsufficientBalance',
  'InvalidLeaseBeneficiary', 'LeaseCannotEndInThePast', 'LeaseNetuidNotFound', 'LeaseDoesNotExist',
  'LeaseHasNoEndBlock', 'LeaseHasNotEnded', 'Overflow', 'BeneficiaryDoesNotOwnHotkey',
  'ExpectedBeneficiaryOrigin', 'AdminActionProhibitedDuringWeightsWindow', 'SymbolDoesNotExist',
  'SymbolAlreadyInUse', 'IncorrectCommitRevealVersion', 'InvalidRevealRound', 'RevealPeriodTooLarge',
  'RevealPeriodTooSmall', 'InvalidValue', 'SubnetLimitReached', 'CannotAffordLockCost',
  'EvmKeyAssociateRateLimitExceeded', 'SameAutoStakeHotkeyAlreadySet', 'UidMapCouldNotBeCleared',
  'TrimmingWouldExceedMaxImmunePercentage', 'ChildParentInconsistency', 'InvalidNumRootClaim',
  'InvalidRootClaimThreshold', 'InvalidSubnetNumber', 'TooManyUIDsPerMechanism',
  'VotingPowerTrackingNotEnabled', 'InvalidVotingPowerEmaAlpha', 'Deprecated',
  'AddStakeBurnRateLimitExceeded', 'ColdkeySwapAnnounced', 'ColdkeySwapDisputed', 'ColdkeySwapClearTooEarly',
  'DisabledTemporarily', 'RegistrationPriceLimitExceeded', 'LockHotkeyMismatch', 'InsufficientStakeForLock',
  'NoExistingLock', 'ActiveLockExists', 'CannotUseSystemAccount', 'UnlockAmountTooHigh', 'TempoOutOfBounds',
  'ActivityCutoffFactorMilliOutOfBounds', 'EpochTriggerAlreadyPending', 'AutoEpochAlreadyImminent',
  'DynamicTempoBlockedByCommitReveal', 'AccountRejectsLockedAlpha',
];

test('every named SubtensorModule event and error is at its upstream index; NetworkRateLimitSet is emitted as [7, 58]', async (t) => {
  const chain = await startChain(t, { subnets: [] });
  const { api } = chain;
  const pallet = api.registry.metadata.pallets.find((p) => p.name.toString() === 'SubtensorModule')!;
  t.is(pallet.index.toNumber(), 7);
  const variants = (typeId: number) => api.registry.lookup.getSiType(typeId).def.asVariant.variants.map((v) => [v.index.toNumber(), v.name.toString()] as const);
  const events = variants(pallet.events.unwrap().type.toNumber());
  const errors = variants(pallet.errors.unwrap().type.toNumber());
  t.is(events.length, UPSTREAM_EVENTS.length, 'as many event variants as upstream');
  t.is(errors.length, UPSTREAM_ERRORS.length, 'as many error variants as upstream');
  const named = (list: ReadonlyArray<readonly [number, string]>) => list.filter(([, name]) => !/^Unused\d+$/.test(name));
  for (const [index, name] of named(events)) t.is(UPSTREAM_EVENTS.indexOf(name), index, `event ${name}`);
  for (const [index, name] of named(errors)) t.is(UPSTREAM_ERRORS.indexOf(name), index, `error ${name}`);
  t.true(named(events).length >= 46 && named(errors).length >= 71, `the pin covers the modelled variants (${named(events).length} events, ${named(errors).length} errors)`);
  t.is(api.events.subtensorModule.TxRateLimitSet.meta.index.toNumber(), 40);
  t.is(api.events.subtensorModule.NetworkRateLimitSet.meta.index.toNumber(), 58);

  const r = await exec(chain, api.tx.sudo.sudo(api.tx.adminUtils.sudoSetNetworkRateLimit(7)), key('//Alice'));
  t.true(r.ok, r.error);
  const records = await (await api.at(r.blockHash)).query.system.events();
  const ev = records.find((x) => x.event.section === 'subtensorModule' && x.event.method === 'NetworkRateLimitSet');
  t.truthy(ev, `events: ${r.events.join(', ')}`);
  t.deepEqual([...ev!.event.index], [7, 58]);
  t.is(ev!.event.data[0]!.toString(), '7');
});
