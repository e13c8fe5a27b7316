/**
 * SubtensorModule (pallet 7): the calls miners, validators and subnet owners use, with upstream
 * call indices, argument names, checks and errors (subtensor-api.md §2, §9), events and errors at
 * their upstream variant indices (§5), the per-block step (§7) and genesis (root network, global
 * rate limits, optional pre-built subnets).
 */
import { T, compact, vec } from '../../scale/types.ts';
import { AccountId32, H256, Bytes, DispatchError } from '../../runtime/common-types.ts';
import {
  DispatchFailure, InvalidTransaction, call, definePallet, ensureSigned, type CallDef, type DispatchContext, type EventDef, type ErrorDef, type Pallet,
} from '../../runtime/pallet.ts';
import type { ReadState } from '../../runtime/state.ts';
import { withdraw, deposit, freeBalance } from '../balances.ts';
import { commitHash, maxUpscaleU16, isCommitExpired, isRevealEpoch } from './epoch/index.ts';
import { S, P, type CommitValue } from './storage.ts';
import {
  DEFAULT_MIN_STAKE, START_CALL_DELAY, appendNeuron, axonError, blockStep, bumpBurn, createAccountIfNew, currentCommitEpoch,
  decreaseStake, increaseStake, initNetwork, isZeroAccount, neuronToPrune, networkLockCost, nextNetuid, replaceNeuron, same,
  stakeOf, subnetExists, validIp, type SubtensorOptions,
} from './core.ts';
import { genesisSubnets } from './genesis.ts';
import { neuronApis, neuronRpc } from './apis.ts';

// ---------------------------------------------------------------- errors and events (upstream indices)

const KNOWN_ERRORS: Record<number, string> = {
  0: 'RootNetworkDoesNotExist', 1: 'InvalidIpType', 2: 'InvalidIpAddress', 3: 'InvalidPort', 4: 'HotKeyNotRegisteredInSubNet',
  5: 'HotKeyAccountNotExists', 6: 'HotKeyNotRegisteredInNetwork', 7: 'NonAssociatedColdKey', 8: 'NotEnoughStake',
  9: 'NotEnoughStakeToWithdraw', 10: 'NotEnoughStakeToSetWeights', 12: 'NotEnoughBalanceToStake', 15: 'NeuronNoValidatorPermit',
  16: 'WeightVecNotEqualSize', 17: 'DuplicateUids', 18: 'UidVecContainInvalidOne', 19: 'WeightVecLengthIsLow',
  20: 'TooManyRegistrationsThisBlock', 21: 'HotKeyAlreadyRegisteredInSubNet', 24: 'InvalidWorkBlock', 25: 'InvalidDifficulty',
  26: 'InvalidSeal', 27: 'MaxWeightExceeded', 29: 'SettingWeightsTooFast', 30: 'IncorrectWeightVersionKey',
  31: 'ServingRateLimitExceeded', 32: 'UidsLengthExceedUidsInSubNet', 33: 'NetworkTxRateLimitExceeded', 37: 'SubNetRegistrationDisabled',
  38: 'TooManyRegistrationsThisInterval', 39: 'TransactorAccountShouldBeHotKey', 41: 'NotSubnetOwner',
  42: 'RegistrationNotPermittedOnRootSubnet', 43: 'StakeTooLowForRoot', 47: 'CanNotSetRootNetworkWeights', 48: 'NoNeuronIdAvailable',
  51: 'NoWeightsCommitFound', 52: 'InvalidRevealCommitHashNotMatch', 53: 'CommitRevealEnabled', 54: 'CommitRevealDisabled',
  55: 'LiquidAlphaDisabled', 56: 'AlphaHighTooLow', 57: 'AlphaLowOutOfRange', 64: 'TxRateLimitExceeded', 74: 'MechanismDoesNotExist',
  76: 'SubnetNotExists', 77: 'TooManyUnrevealedCommits', 78: 'ExpiredWeightCommit', 79: 'RevealTooEarly', 80: 'InputLengthsUnequal',
  81: 'CommittingWeightsTooFast', 82: 'AmountTooLow', 83: 'InsufficientLiquidity', 84: 'SlippageTooHigh', 86: 'ActivityCutoffTooLow',
  89: 'NeedWaitingMoreBlocksToStarCall', 94: 'SubtokenDisabled', 107: 'AdminActionProhibitedDuringWeightsWindow',
  110: 'IncorrectCommitRevealVersion', 112: 'RevealPeriodTooLarge', 113: 'RevealPeriodTooSmall', 114: 'InvalidValue',
  115: 'SubnetLimitReached', 116: 'CannotAffordLockCost', 134: 'RegistrationPriceLimitExceeded', 139: 'CannotUseSystemAccount',
  141: 'TempoOutOfBounds', 142: 'ActivityCutoffFactorMilliOutOfBounds', 143: 'EpochTriggerAlreadyPending',
  144: 'AutoEpochAlreadyImminent', 145: 'DynamicTempoBlockedByCommitReveal',
};
/** 147 variants (0..146); names unknown here are placeholders `Unused<index>`. */
export const SUBTENSOR_ERRORS: ErrorDef[] = Array.from({ length: 147 }, (_, index) => ({ name: KNOWN_ERRORS[index] ?? `Unused${index}`, index }));

const f = (type: Parameters<typeof vec>[0], typeName?: string): { type: typeof type; typeName?: string } => ({ type, typeName });
const NetUid = T.u16;
const netU16: EventDef['fields'] = [f(NetUid, 'NetUid'), f(T.u16, 'u16')];
const netU64: EventDef['fields'] = [f(NetUid, 'NetUid'), f(T.u64, 'u64')];
const netBool: EventDef['fields'] = [f(NetUid, 'NetUid'), f(T.bool, 'bool')];
const KNOWN_EVENTS: Record<number, [string, EventDef['fields']]> = {
  0: ['NetworkAdded', netU16], 1: ['NetworkRemoved', [f(NetUid, 'NetUid')]],
  2: ['StakeAdded', [f(AccountId32), f(AccountId32), f(T.u64, 'TaoBalance'), f(T.u64, 'AlphaBalance'), f(NetUid, 'NetUid'), f(T.u64, 'u64')]],
  3: ['StakeRemoved', [f(AccountId32), f(AccountId32), f(T.u64, 'TaoBalance'), f(T.u64, 'AlphaBalance'), f(NetUid, 'NetUid'), f(T.u64, 'u64')]],
  4: ['StakeMoved', [f(AccountId32), f(AccountId32), f(NetUid), f(AccountId32), f(NetUid), f(T.u64)]],
  5: ['WeightsSet', [f(T.u16, 'NetUidStorageIndex'), f(T.u16, 'u16')]], 6: ['NeuronRegistered', [f(NetUid, 'NetUid'), f(T.u16, 'u16'), f(AccountId32, 'T::AccountId')]],
  9: ['MaxAllowedUidsSet', netU16], 10: ['MaxWeightLimitSet', netU16], 11: ['DifficultySet', netU64], 15: ['ActivityCutoffSet', netU16],
  16: ['RhoSet', netU16], 17: ['AlphaSigmoidSteepnessSet', [f(NetUid), f(T.i16)]], 18: ['KappaSet', netU16], 19: ['MinAllowedWeightSet', netU16],
  22: ['WeightsSetRateLimitSet', netU64], 23: ['ImmunityPeriodSet', netU16], 24: ['BondsMovingAverageSet', netU64], 25: ['BondsPenaltySet', netU16],
  26: ['BondsResetOnSet', netBool], 27: ['MaxAllowedValidatorsSet', netU16],
  28: ['AxonServed', [f(NetUid, 'NetUid'), f(AccountId32, 'T::AccountId')]], 29: ['PrometheusServed', [f(NetUid, 'NetUid'), f(AccountId32, 'T::AccountId')]],
  32: ['WeightsVersionKeySet', netU64], 35: ['ServingRateLimitSet', netU64], 36: ['BurnSet', netU64], 37: ['MaxBurnSet', netU64], 38: ['MinBurnSet', netU64],
  39: ['TxRateLimitSet', [f(T.u64)]], 47: ['NetworkRateLimitSet', [f(T.u64)]], 50: ['RegistrationAllowed', netBool], 52: ['TempoSet', netU16],
  54: ['StakeThresholdSet', [f(T.u64)]],
  85: ['WeightsCommitted', [f(AccountId32), f(T.u16, 'NetUidStorageIndex'), f(H256, 'H256')]],
  86: ['WeightsRevealed', [f(AccountId32), f(T.u16, 'NetUidStorageIndex'), f(H256, 'H256')]],
  87: ['WeightsBatchRevealed', [f(AccountId32), f(NetUid), f(vec(H256))]], 88: ['BatchWeightsCompleted', [f(vec(compact(T.u16))), f(AccountId32)]],
  89: ['BatchCompletedWithErrors', []], 90: ['BatchWeightItemFailed', [f(NetUid), f(DispatchError)]],
  95: ['FirstEmissionBlockNumberSet', netU64], 100: ['CommitRevealPeriodsSet', netU64], 101: ['CommitRevealEnabled', netBool],
  110: ['IncentiveAlphaEmittedToMiners', [{ name: 'netuid', type: T.u16, typeName: 'NetUidStorageIndex' }, { name: 'emissions', type: vec(T.u64), typeName: 'Vec<AlphaBalance>' }]],
  131: ['EpochTriggered', [{ name: 'netuid', type: NetUid }, { name: 'by', type: AccountId32 }, { name: 'fires_at', type: T.u64 }]],
  132: ['EpochDeferred', [{ name: 'netuid', type: NetUid }, { name: 'from_block', type: T.u64 }, { name: 'to_block', type: T.u64 }]],
  133: ['EpochSkipped', [{ name: 'netuid', type: NetUid }, { name: 'block', type: T.u64 }]],
};
/** 137 variants (0..136); names unknown here are placeholders `Unused<index>` without fields. */
export const SUBTENSOR_EVENTS: EventDef[] = Array.from({ length: 137 }, (_, index) => {
  const k = KNOWN_EVENTS[index];
  return { name: k?.[0] ?? `Unused${index}`, index, fields: k?.[1] ?? [] };
});

// ---------------------------------------------------------------- checks

type Fail = (name: string) => never;

/** Upstream `set_weights` checks (§2.1) in order; `reveal` skips the rate limit and LastUpdate. */
export function checkWeights(s: ReadState, block: number, hotkey: Uint8Array, a: { netuid: number; dests: number[]; weights: number[]; version_key: bigint }, fail: Fail, reveal: boolean): { uid: number; upscaled: number[] } {
  const { netuid, dests, weights } = a;
  if (netuid === 0) fail('CanNotSetRootNetworkWeights');
  if (dests.length !== weights.length) fail('WeightVecNotEqualSize');
  if (!subnetExists(s, netuid)) fail('MechanismDoesNotExist');
  const n = S.SubnetworkN.get(s, netuid);
  if (dests.length > n) fail('UidsLengthExceedUidsInSubNet');
  const uid = S.Uids.get(s, netuid, hotkey);
  if (uid === undefined) return fail('HotKeyNotRegisteredInSubNet');
  const isOwner = same(S.SubnetOwnerHotkey.get(s, netuid), hotkey);
  if (!isOwner && S.TotalHotkeyAlpha.get(s, hotkey, netuid) < S.StakeThreshold.get(s)) fail('NotEnoughStakeToSetWeights');
  const vk = S.WeightsVersionKey.get(s, netuid);
  if (vk !== 0n && a.version_key < vk) fail('IncorrectWeightVersionKey');
  const cr = S.CommitRevealWeightsEnabled.get(s, netuid);
  if (!reveal && !cr) {
    const last = S.LastUpdate.get(s, netuid)[uid] ?? 0n;
    if (last !== 0n && BigInt(block) - last < S.WeightsSetRateLimit.get(s, netuid)) fail('SettingWeightsTooFast');
  }
  const selfWeight = dests.length === 1 && dests[0] === uid;
  if (!selfWeight && !isOwner && !(S.ValidatorPermit.get(s, netuid)[uid] ?? false)) fail('NeuronNoValidatorPermit');
  if (new Set(dests).size !== dests.length) fail('DuplicateUids');
  if (dests.some((d) => !S.Keys.contains(s, netuid, d))) fail('UidVecContainInvalidOne');
  if (!selfWeight && weights.length < Math.min(S.MinAllowedWeights.get(s, netuid), n)) fail('WeightVecLengthIsLow');
  const upscaled = maxUpscaleU16(weights);
  const limit = S.MaxWeightsLimit.get(s, netuid);
  if (!selfWeight && limit !== 65535) {
    const total = upscaled.reduce((x, y) => x + y, 0);
    if (total > 0 && Math.max(...upscaled) * 65535 > limit * total) fail('MaxWeightExceeded');
  }
  return { uid, upscaled };
}

// ---------------------------------------------------------------- the pallet

interface WeightsArgs { netuid: number; dests: number[]; weights: number[]; version_key: bigint }
interface AxonArgs { netuid: number; version: number; ip: bigint; port: number; ip_type: number; protocol: number; placeholder1: number; placeholder2: number }

/** Custom pool-validation codes of upstream `CustomTransactionError`. */
export const CUSTOM_CODES: Record<string, number> = {
  HotKeyNotRegisteredInNetwork: 10, InvalidIpAddress: 11, ServingRateLimitExceeded: 12, InvalidPort: 13, InvalidIpType: 11,
};

export function createSubtensorModule(options: SubtensorOptions): Pallet {
  const err = (name: string): never => { throw Pallet.error(name); };
  const ev = (ctx: { deposit: DispatchContext['deposit'] }, name: string, value: unknown): void => {
    ctx.deposit(Pallet.event(name, value as Record<string, unknown>));
  };

  function register(ctx: DispatchContext, payer: Uint8Array, netuid: number, hotkey: Uint8Array, coldkey: Uint8Array): void {
    const s = ctx.state;
    if (netuid === 0) err('RegistrationNotPermittedOnRootSubnet');
    if (!subnetExists(s, netuid)) err('SubnetNotExists');
    if (!S.NetworkRegistrationAllowed.get(s, netuid)) err('SubNetRegistrationDisabled');
    if (S.Uids.get(s, netuid, hotkey) !== undefined) err('HotKeyAlreadyRegisteredInSubNet');
    const cost = S.Burn.get(s, netuid);
    if (freeBalance(s, payer) < cost) err('NotEnoughBalanceToStake');
    if (S.Owner.contains(s, hotkey) && !same(S.Owner.get(s, hotkey), coldkey)) err('NonAssociatedColdKey');
    const n = S.SubnetworkN.get(s, netuid);
    const full = n >= S.MaxAllowedUids.get(s, netuid);
    const prune = full ? neuronToPrune(s, netuid, ctx.blockNumber) : null;
    if (full && prune === null) err('NoNeuronIdAvailable');
    if (!withdraw(ctx, payer, cost)) err('NotEnoughBalanceToStake');
    S.RAORecycledForRegistration.mutate(s, netuid, (x) => x + cost);
    createAccountIfNew(s, coldkey, hotkey);
    let uid: number;
    if (prune !== null) { replaceNeuron(s, netuid, prune, hotkey, ctx.blockNumber); uid = prune; }
    else uid = appendNeuron(s, netuid, hotkey, ctx.blockNumber);
    S.Burn.set(s, netuid, bumpBurn(cost, S.BurnIncreaseMult.get(s, netuid).bits, S.MinBurn.get(s, netuid), S.MaxBurn.get(s, netuid)));
    S.RegistrationsThisBlock.mutate(s, netuid, (x) => x + 1);
    S.RegistrationsThisInterval.mutate(s, netuid, (x) => x + 1);
    ev(ctx, 'NeuronRegistered', [netuid, uid, hotkey]);
  }

  function storeWeights(ctx: DispatchContext, hotkey: Uint8Array, a: WeightsArgs, reveal: boolean): void {
    const s = ctx.state;
    const { uid, upscaled } = checkWeights(s, ctx.blockNumber, hotkey, a, err, reveal);
    S.Weights.set(s, a.netuid, uid, a.dests.map((d, i) => [d, upscaled[i]!] as [number, number]));
    if (!S.CommitRevealWeightsEnabled.get(s, a.netuid)) S.LastUpdate.mutate(s, a.netuid, (v) => setLast(v, uid, ctx.blockNumber));
    ev(ctx, 'WeightsSet', [a.netuid, uid]);
  }

  const weightsArgs = [
    { name: 'netuid', type: NetUid, typeName: 'NetUid' }, { name: 'dests', type: vec(T.u16), typeName: 'Vec<u16>' },
    { name: 'weights', type: vec(T.u16), typeName: 'Vec<u16>' }, { name: 'version_key', type: T.u64, typeName: 'u64' },
  ];

  const calls: CallDef[] = [
    call<WeightsArgs>({
      name: 'set_weights', index: 0, args: weightsArgs, pays: 'No',
      dispatch: (ctx, a) => {
        const who = ensureSigned(ctx);
        if (a.netuid !== 0 && S.CommitRevealWeightsEnabled.get(ctx.state, a.netuid)) err('CommitRevealEnabled');
        storeWeights(ctx, who, a, false);
      },
    }),
    call<{ hotkey: Uint8Array; netuid: number; amount_staked: bigint }>({
      name: 'add_stake', index: 2,
      args: [{ name: 'hotkey', type: AccountId32, typeName: 'T::AccountId' }, { name: 'netuid', type: NetUid, typeName: 'NetUid' }, { name: 'amount_staked', type: T.u64, typeName: 'TaoBalance' }],
      dispatch: (ctx, a) => {
        const cold = ensureSigned(ctx);
        const s = ctx.state;
        if (!subnetExists(s, a.netuid)) err('SubnetNotExists');
        if (a.netuid !== 0 && !S.SubtokenEnabled.get(s, a.netuid)) err('SubtokenDisabled');
        if (a.amount_staked < DEFAULT_MIN_STAKE) err('AmountTooLow');
        if (freeBalance(s, cold) < a.amount_staked) err('NotEnoughBalanceToStake');
        if (!S.Owner.contains(s, a.hotkey)) err('HotKeyAccountNotExists');
        if (!withdraw(ctx, cold, a.amount_staked)) err('NotEnoughBalanceToStake');
        // Stable mechanism: 1 TAO = 1 alpha, no swap fee.
        S.SubnetTAO.mutate(s, a.netuid, (x) => x + a.amount_staked);
        S.SubnetAlphaOut.mutate(s, a.netuid, (x) => x + a.amount_staked);
        S.TotalStake.mutate(s, (x) => x + a.amount_staked);
        increaseStake(s, a.hotkey, cold, a.netuid, a.amount_staked);
        ev(ctx, 'StakeAdded', [cold, a.hotkey, a.amount_staked, a.amount_staked, a.netuid, 0n]);
      },
    }),
    call<{ hotkey: Uint8Array; netuid: number; amount_unstaked: bigint }>({
      name: 'remove_stake', index: 3,
      args: [{ name: 'hotkey', type: AccountId32, typeName: 'T::AccountId' }, { name: 'netuid', type: NetUid, typeName: 'NetUid' }, { name: 'amount_unstaked', type: T.u64, typeName: 'AlphaBalance' }],
      dispatch: (ctx, a) => {
        const cold = ensureSigned(ctx);
        const s = ctx.state;
        if (a.amount_unstaked === 0n) err('AmountTooLow');
        if (!subnetExists(s, a.netuid)) err('SubnetNotExists');
        if (!S.Owner.contains(s, a.hotkey)) err('HotKeyAccountNotExists');
        const held = stakeOf(s, a.hotkey, cold, a.netuid);
        if (held < a.amount_unstaked) err('NotEnoughStakeToWithdraw');
        if (held > a.amount_unstaked && a.amount_unstaked < DEFAULT_MIN_STAKE) err('AmountTooLow');
        decreaseStake(s, a.hotkey, cold, a.netuid, a.amount_unstaked);
        S.SubnetTAO.mutate(s, a.netuid, (x) => (x > a.amount_unstaked ? x - a.amount_unstaked : 0n));
        S.SubnetAlphaOut.mutate(s, a.netuid, (x) => (x > a.amount_unstaked ? x - a.amount_unstaked : 0n));
        S.TotalStake.mutate(s, (x) => (x > a.amount_unstaked ? x - a.amount_unstaked : 0n));
        deposit(ctx, cold, a.amount_unstaked);
        ev(ctx, 'StakeRemoved', [cold, a.hotkey, a.amount_unstaked, a.amount_unstaked, a.netuid, 0n]);
      },
    }),
    call<AxonArgs>({
      name: 'serve_axon', index: 4, pays: 'No',
      args: [
        { name: 'netuid', type: NetUid, typeName: 'NetUid' }, { name: 'version', type: T.u32, typeName: 'u32' }, { name: 'ip', type: T.u128, typeName: 'u128' },
        { name: 'port', type: T.u16, typeName: 'u16' }, { name: 'ip_type', type: T.u8, typeName: 'u8' }, { name: 'protocol', type: T.u8, typeName: 'u8' },
        { name: 'placeholder1', type: T.u8, typeName: 'u8' }, { name: 'placeholder2', type: T.u8, typeName: 'u8' },
      ],
      validate: (ctx, a, who) => {
        const e = axonError(ctx.state, ctx.blockNumber + 1, who, a, options.allowLoopbackAxons);
        if (e) throw new InvalidTransaction('Custom', CUSTOM_CODES[e] ?? 255, `Custom error: ${CUSTOM_CODES[e] ?? 255} (${e})`);
      },
      dispatch: (ctx, a) => {
        const who = ensureSigned(ctx);
        const e = axonError(ctx.state, ctx.blockNumber, who, a, options.allowLoopbackAxons);
        if (e) err(e);
        S.Axons.set(ctx.state, a.netuid, who, { block: BigInt(ctx.blockNumber), version: a.version, ip: a.ip, port: a.port, ip_type: a.ip_type, protocol: a.protocol, placeholder1: a.placeholder1, placeholder2: a.placeholder2 });
        ev(ctx, 'AxonServed', [a.netuid, who]);
      },
    }),
    call<{ netuid: number; version: number; ip: bigint; port: number; ip_type: number }>({
      name: 'serve_prometheus', index: 5, pays: 'No',
      args: [
        { name: 'netuid', type: NetUid, typeName: 'NetUid' }, { name: 'version', type: T.u32, typeName: 'u32' }, { name: 'ip', type: T.u128, typeName: 'u128' },
        { name: 'port', type: T.u16, typeName: 'u16' }, { name: 'ip_type', type: T.u8, typeName: 'u8' },
      ],
      dispatch: (ctx, a) => {
        const who = ensureSigned(ctx);
        const s = ctx.state;
        if (S.Uids.get(s, a.netuid, who) === undefined) err('HotKeyNotRegisteredInNetwork');
        if (a.ip_type !== 4 && a.ip_type !== 6) err('InvalidIpType');
        if (!validIp(a.ip_type, a.ip, false, options.allowLoopbackAxons)) err('InvalidIpAddress');
        const prev = S.Prometheus.get(s, a.netuid, who);
        const limit = S.ServingRateLimit.get(s, a.netuid);
        if (prev && limit !== 0n && prev.block !== 0n && BigInt(ctx.blockNumber) - prev.block < limit) err('ServingRateLimitExceeded');
        if (a.port === 0) err('InvalidPort');
        S.Prometheus.set(s, a.netuid, who, { block: BigInt(ctx.blockNumber), version: a.version, ip: a.ip, port: a.port, ip_type: a.ip_type });
        ev(ctx, 'PrometheusServed', [a.netuid, who]);
      },
    }),
    call<{ netuid: number; block_number: bigint; nonce: bigint; work: Uint8Array; hotkey: Uint8Array; coldkey: Uint8Array }>({
      name: 'register', index: 6,
      args: [
        { name: 'netuid', type: NetUid, typeName: 'NetUid' }, { name: 'block_number', type: T.u64, typeName: 'u64' }, { name: 'nonce', type: T.u64, typeName: 'u64' },
        { name: 'work', type: Bytes, typeName: 'Vec<u8>' }, { name: 'hotkey', type: AccountId32, typeName: 'T::AccountId' }, { name: 'coldkey', type: AccountId32, typeName: 'T::AccountId' },
      ],
      dispatch: (ctx, a) => register(ctx, ensureSigned(ctx), a.netuid, a.hotkey, a.coldkey),
    }),
    call<{ netuid: number; hotkey: Uint8Array }>({
      name: 'burned_register', index: 7,
      args: [{ name: 'netuid', type: NetUid, typeName: 'NetUid' }, { name: 'hotkey', type: AccountId32, typeName: 'T::AccountId' }],
      dispatch: (ctx, a) => { const cold = ensureSigned(ctx); register(ctx, cold, a.netuid, a.hotkey, cold); },
    }),
    call<{ hotkey: Uint8Array }>({
      name: 'register_network', index: 59,
      args: [{ name: 'hotkey', type: AccountId32, typeName: 'T::AccountId' }],
      dispatch: (ctx, a) => {
        const cold = ensureSigned(ctx);
        const s = ctx.state;
        if (S.Owner.contains(s, a.hotkey) && !same(S.Owner.get(s, a.hotkey), cold)) err('NonAssociatedColdKey');
        const now = BigInt(ctx.blockNumber);
        if (now - S.NetworkLastRegistered.get(s) < S.NetworkRateLimit.get(s)) err('NetworkTxRateLimitExceeded');
        if (S.TotalNetworks.get(s) - 1 >= S.SubnetLimit.get(s)) err('SubnetLimitReached');
        const lock = networkLockCost(s, ctx.blockNumber);
        if (freeBalance(s, cold) < lock) err('CannotAffordLockCost');
        if (!withdraw(ctx, cold, lock)) err('CannotAffordLockCost');
        const netuid = nextNetuid(s);
        S.NetworkLastRegistered.set(s, now);
        S.NetworkLastLockCost.set(s, lock);
        initNetwork(s, { netuid, owner: cold, ownerHotkey: a.hotkey, block: ctx.blockNumber, lock });
        ev(ctx, 'NetworkAdded', [netuid, 0]);
      },
    }),
    call<{ netuid: number }>({
      name: 'start_call', index: 92, args: [{ name: 'netuid', type: NetUid, typeName: 'NetUid' }],
      dispatch: (ctx, a) => {
        const who = ensureSigned(ctx);
        const s = ctx.state;
        if (!subnetExists(s, a.netuid)) err('SubnetNotExists');
        if (!same(S.SubnetOwner.get(s, a.netuid), who)) throw new DispatchFailure({ type: 'BadOrigin' }, 'BadOrigin: only the subnet owner coldkey may call start_call');
        // Upstream: FirstEmissionBlockNumberAlreadySet (index not in the reference); devchain uses InvalidValue.
        if (S.FirstEmissionBlockNumber.get(s, a.netuid) !== undefined) err('InvalidValue');
        const registered = S.NetworkRegisteredAt.get(s, a.netuid);
        if (BigInt(ctx.blockNumber) < registered + START_CALL_DELAY) err('NeedWaitingMoreBlocksToStarCall');
        const first = BigInt(ctx.blockNumber) + 1n;
        S.FirstEmissionBlockNumber.set(s, a.netuid, first);
        S.SubtokenEnabled.set(s, a.netuid, true);
        ev(ctx, 'FirstEmissionBlockNumberSet', [a.netuid, first]);
      },
    }),
    call<{ netuid: number; commit_hash: Uint8Array }>({
      name: 'commit_weights', index: 96, pays: 'No',
      args: [{ name: 'netuid', type: NetUid, typeName: 'NetUid' }, { name: 'commit_hash', type: H256, typeName: 'H256' }],
      dispatch: (ctx, a) => {
        const who = ensureSigned(ctx);
        const s = ctx.state;
        if (!S.CommitRevealWeightsEnabled.get(s, a.netuid)) err('CommitRevealDisabled');
        const uid = S.Uids.get(s, a.netuid, who);
        if (uid === undefined) return err('HotKeyNotRegisteredInSubNet');
        const last = S.LastUpdate.get(s, a.netuid)[uid] ?? 0n;
        if (last !== 0n && BigInt(ctx.blockNumber) - last < S.WeightsSetRateLimit.get(s, a.netuid)) err('CommittingWeightsTooFast');
        const epoch = currentCommitEpoch(s, a.netuid, ctx.blockNumber);
        const period = Number(S.RevealPeriodEpochs.get(s, a.netuid));
        const q = (S.WeightCommits.get(s, a.netuid, who) ?? []).filter((c) => !isCommitExpired(Number(c[1]), epoch, period));
        if (q.length >= 10) err('TooManyUnrevealedCommits');
        q.push([a.commit_hash, BigInt(epoch), BigInt(ctx.blockNumber), 0n]);
        S.WeightCommits.set(s, a.netuid, who, q);
        S.LastUpdate.mutate(s, a.netuid, (v) => setLast(v, uid, ctx.blockNumber));
        ev(ctx, 'WeightsCommitted', [who, a.netuid, a.commit_hash]);
      },
    }),
    call<{ netuid: number; uids: number[]; values: number[]; salt: number[]; version_key: bigint }>({
      name: 'reveal_weights', index: 97, pays: 'No',
      args: [
        { name: 'netuid', type: NetUid, typeName: 'NetUid' }, { name: 'uids', type: vec(T.u16), typeName: 'Vec<u16>' }, { name: 'values', type: vec(T.u16), typeName: 'Vec<u16>' },
        { name: 'salt', type: vec(T.u16), typeName: 'Vec<u16>' }, { name: 'version_key', type: T.u64, typeName: 'u64' },
      ],
      dispatch: (ctx, a) => {
        const who = ensureSigned(ctx);
        const s = ctx.state;
        if (!S.CommitRevealWeightsEnabled.get(s, a.netuid)) err('CommitRevealDisabled');
        const all: CommitValue[] | undefined = S.WeightCommits.get(s, a.netuid, who);
        if (!all || all.length === 0) return err('NoWeightsCommitFound');
        const epoch = currentCommitEpoch(s, a.netuid, ctx.blockNumber);
        const period = Number(S.RevealPeriodEpochs.get(s, a.netuid));
        const hash = commitHash({ hotkey: who, netuidIndex: a.netuid, uids: a.uids, values: a.values, salt: a.salt, versionKey: a.version_key });
        const live = all.filter((c) => !isCommitExpired(Number(c[1]), epoch, period));
        const pos = live.findIndex((c) => same(c[0], hash));
        if (pos < 0) {
          if (all.some((c) => same(c[0], hash))) { S.WeightCommits.set(s, a.netuid, who, live); }
          return err(all.some((c) => same(c[0], hash)) ? 'ExpiredWeightCommit' : 'InvalidRevealCommitHashNotMatch');
        }
        if (!isRevealEpoch(Number(live[pos]![1]), epoch, period)) err('RevealTooEarly');
        const rest = live.slice(pos + 1);
        if (rest.length) S.WeightCommits.set(s, a.netuid, who, rest); else S.WeightCommits.remove(s, a.netuid, who);
        storeWeights(ctx, who, { netuid: a.netuid, dests: a.uids, weights: a.values, version_key: a.version_key }, true);
        ev(ctx, 'WeightsRevealed', [who, a.netuid, hash]);
      },
    }),
  ];

  const Pallet: Pallet = definePallet({
    name: P, index: 7, path: 'pallet_subtensor',
    docs: [' Bittensor subnets, neurons, weights, stake and Yuma consensus (devchain implementation).'],
    calls, events: SUBTENSOR_EVENTS, errors: SUBTENSOR_ERRORS,
    storage: Object.values(S) as unknown as NonNullable<Parameters<typeof definePallet>[0]['storage']>,
    constants: [
      { name: 'InitialStartCallDelay', type: T.u64, value: START_CALL_DELAY, docs: [' Blocks after registration before `start_call` is allowed.'] },
      { name: 'InitialNetworkRateLimit', type: T.u64, value: 7200n },
      { name: 'InitialMinLockCost', type: T.u64, value: 1_000_000_000_000n },
      { name: 'InitialSubnetOwnerCut', type: T.u16, value: 11_796 },
      { name: 'InitialTempo', type: T.u16, value: 360 },
      { name: 'InitialMaxAllowedUids', type: T.u16, value: 256 },
      { name: 'InitialMinBurn', type: T.u64, value: 500_000n },
      { name: 'InitialMaxBurn', type: T.u64, value: 100_000_000_000n },
    ],
    hooks: {
      onInitialize: (ctx) => blockStep(ctx, { options, event: (name, value) => ctx.deposit(Pallet.event(name, value as Record<string, unknown>)) }),
      genesis: (ctx) => genesisSubnets(ctx),
    },
    runtimeApis: neuronApis(),
    rpc: neuronRpc(),
  });
  return Pallet;
}

function setLast(v: bigint[], uid: number, block: number): bigint[] {
  const out = v.slice();
  while (out.length <= uid) out.push(0n);
  out[uid] = BigInt(block);
  return out;
}

export { isZeroAccount, initNetwork };
