/**
 * AdminUtils (pallet 19): hyperparameter setters with upstream call indices, argument names and
 * origins (subtensor-api.md §3). Owner/Root calls accept the subnet-owner coldkey or root (via
 * Sudo); the owner rate limit and the admin freeze window are not enforced on the devchain.
 */
import { T } from '../scale/types.ts';
import { DispatchFailure, call, definePallet, errorList, type CallDef, type DispatchContext, type Pallet } from '../runtime/pallet.ts';
import type { State } from '../runtime/state.ts';
import { S } from './subtensor/storage.ts';
import { same, subnetExists } from './subtensor/core.ts';
import type { TypeDef } from '../scale/types.ts';

const P = 'AdminUtils';

type Origin = 'root' | 'owner';
interface Item<V> { set(s: State, netuid: number, v: V): void }

function ensureOrigin(ctx: DispatchContext, netuid: number | null, origin: Origin): 'root' | 'owner' {
  if (ctx.origin.type === 'Root') return 'root';
  if (origin === 'owner' && ctx.origin.type === 'Signed' && netuid !== null && same(S.SubnetOwner.get(ctx.state, netuid), ctx.origin.who)) return 'owner';
  throw new DispatchFailure({ type: 'BadOrigin' }, origin === 'root' ? 'BadOrigin: root is required' : 'BadOrigin: the subnet owner or root is required');
}

interface SetterSpec {
  index: number; name: string; arg: string; type: TypeDef; origin: Origin;
  apply: (ctx: DispatchContext, netuid: number, v: never, who: 'root' | 'owner') => void;
  /** Event of SubtensorModule deposited as `(netuid, value)`. */
  event?: string;
}

const err = (name: string): never => { throw AdminUtils.error(name); };

function netSetter(spec: SetterSpec): CallDef {
  return call<Record<string, unknown>>({
    name: spec.name, index: spec.index,
    args: [{ name: 'netuid', type: T.u16, typeName: 'NetUid' }, { name: spec.arg, type: spec.type }],
    dispatch: (ctx, a) => {
      const netuid = a.netuid as number;
      const who = ensureOrigin(ctx, netuid, spec.origin);
      if (!subnetExists(ctx.state, netuid)) err('SubnetDoesNotExist');
      spec.apply(ctx, netuid, a[spec.arg] as never, who);
      if (spec.event) ctx.deposit({ pallet: 'SubtensorModule', name: spec.event, value: [netuid, a[spec.arg]] as unknown as Record<string, unknown> });
    },
  });
}

const put = <V>(item: Item<V>) => (ctx: DispatchContext, netuid: number, v: V): void => item.set(ctx.state, netuid, v);
const putNonRoot = <V>(item: Item<V>) => (ctx: DispatchContext, netuid: number, v: V): void => {
  if (netuid === 0) err('NotPermittedOnRootSubnet');
  item.set(ctx.state, netuid, v);
};

const setters: SetterSpec[] = [
  { index: 3, name: 'sudo_set_serving_rate_limit', arg: 'serving_rate_limit', type: T.u64, origin: 'owner', apply: put(S.ServingRateLimit), event: 'ServingRateLimitSet' },
  { index: 6, name: 'sudo_set_weights_version_key', arg: 'weights_version_key', type: T.u64, origin: 'owner', apply: put(S.WeightsVersionKey), event: 'WeightsVersionKeySet' },
  { index: 7, name: 'sudo_set_weights_set_rate_limit', arg: 'weights_set_rate_limit', type: T.u64, origin: 'root', apply: put(S.WeightsSetRateLimit), event: 'WeightsSetRateLimitSet' },
  { index: 13, name: 'sudo_set_immunity_period', arg: 'immunity_period', type: T.u16, origin: 'owner', apply: put(S.ImmunityPeriod), event: 'ImmunityPeriodSet' },
  { index: 14, name: 'sudo_set_min_allowed_weights', arg: 'min_allowed_weights', type: T.u16, origin: 'owner', apply: put(S.MinAllowedWeights), event: 'MinAllowedWeightSet' },
  {
    index: 15, name: 'sudo_set_max_allowed_uids', arg: 'max_allowed_uids', type: T.u16, origin: 'owner', event: 'MaxAllowedUidsSet',
    apply: (ctx, netuid, v: number) => {
      if (v < S.SubnetworkN.get(ctx.state, netuid)) err('MaxAllowedUIdsLessThanCurrentUIds');
      if (v > 256) err('MaxAllowedUidsGreaterThanDefaultMaxAllowedUids');
      S.MaxAllowedUids.set(ctx.state, netuid, v);
    },
  },
  { index: 16, name: 'sudo_set_kappa', arg: 'kappa', type: T.u16, origin: 'root', apply: put(S.Kappa), event: 'KappaSet' },
  { index: 17, name: 'sudo_set_rho', arg: 'rho', type: T.u16, origin: 'owner', apply: put(S.Rho), event: 'RhoSet' },
  {
    index: 18, name: 'sudo_set_activity_cutoff', arg: 'activity_cutoff', type: T.u16, origin: 'owner', event: 'ActivityCutoffSet',
    apply: (ctx, netuid, v: number) => { if (v < 360) throw new DispatchFailure({ type: 'Module', value: { index: 7, error: Uint8Array.of(86, 0, 0, 0) } }, 'SubtensorModule.ActivityCutoffTooLow'); S.ActivityCutoff.set(ctx.state, netuid, v); },
  },
  { index: 19, name: 'sudo_set_network_registration_allowed', arg: 'registration_allowed', type: T.bool, origin: 'root', apply: put(S.NetworkRegistrationAllowed), event: 'RegistrationAllowed' },
  { index: 20, name: 'sudo_set_network_pow_registration_allowed', arg: 'registration_allowed', type: T.bool, origin: 'owner', apply: () => err('POWRegistrationDisabled') },
  { index: 21, name: 'sudo_set_target_registrations_per_interval', arg: 'target_registrations_per_interval', type: T.u16, origin: 'root', apply: putNonRoot(S.TargetRegistrationsPerInterval) },
  {
    index: 22, name: 'sudo_set_min_burn', arg: 'min_burn', type: T.u64, origin: 'owner', event: 'MinBurnSet',
    apply: (ctx, netuid, v: bigint) => { if (v > S.MaxBurn.get(ctx.state, netuid)) err('ValueNotInBounds'); S.MinBurn.set(ctx.state, netuid, v); },
  },
  {
    index: 23, name: 'sudo_set_max_burn', arg: 'max_burn', type: T.u64, origin: 'owner', event: 'MaxBurnSet',
    apply: (ctx, netuid, v: bigint) => { if (v < S.MinBurn.get(ctx.state, netuid)) err('ValueNotInBounds'); S.MaxBurn.set(ctx.state, netuid, v); },
  },
  { index: 24, name: 'sudo_set_difficulty', arg: 'difficulty', type: T.u64, origin: 'root', apply: put(S.Difficulty), event: 'DifficultySet' },
  {
    index: 25, name: 'sudo_set_max_allowed_validators', arg: 'max_allowed_validators', type: T.u16, origin: 'root', event: 'MaxAllowedValidatorsSet',
    apply: (ctx, netuid, v: number) => { if (v > S.MaxAllowedUids.get(ctx.state, netuid)) err('MaxValidatorsLargerThanMaxUIds'); S.MaxAllowedValidators.set(ctx.state, netuid, v); },
  },
  {
    index: 26, name: 'sudo_set_bonds_moving_average', arg: 'bonds_moving_average', type: T.u64, origin: 'owner', event: 'BondsMovingAverageSet',
    apply: (ctx, netuid, v: bigint, who) => { if (who === 'owner' && v > 975_000n) err('BondsMovingAverageMaxReached'); S.BondsMovingAverage.set(ctx.state, netuid, v); },
  },
  { index: 27, name: 'sudo_set_max_registrations_per_block', arg: 'max_registrations_per_block', type: T.u16, origin: 'root', apply: putNonRoot(S.MaxRegistrationsPerBlock) },
  {
    index: 30, name: 'sudo_set_tempo', arg: 'tempo', type: T.u16, origin: 'root', event: 'TempoSet',
    apply: (ctx, netuid, v: number) => { S.Tempo.set(ctx.state, netuid, v); S.LastEpochBlock.set(ctx.state, netuid, BigInt(ctx.blockNumber)); },
  },
  {
    index: 49, name: 'sudo_set_commit_reveal_weights_enabled', arg: 'enabled', type: T.bool, origin: 'owner', event: 'CommitRevealEnabled',
    apply: put(S.CommitRevealWeightsEnabled),
  },
  {
    index: 50, name: 'sudo_set_liquid_alpha_enabled', arg: 'enabled', type: T.bool, origin: 'owner', apply: put(S.LiquidAlphaOn),
  },
  {
    index: 57, name: 'sudo_set_commit_reveal_weights_interval', arg: 'interval', type: T.u64, origin: 'owner', event: 'CommitRevealPeriodsSet',
    apply: (ctx, netuid, v: bigint) => {
      if (v < 1n) throw new DispatchFailure({ type: 'Module', value: { index: 7, error: Uint8Array.of(113, 0, 0, 0) } }, 'SubtensorModule.RevealPeriodTooSmall');
      if (v > 100n) throw new DispatchFailure({ type: 'Module', value: { index: 7, error: Uint8Array.of(112, 0, 0, 0) } }, 'SubtensorModule.RevealPeriodTooLarge');
      S.RevealPeriodEpochs.set(ctx.state, netuid, v);
    },
  },
  { index: 60, name: 'sudo_set_bonds_penalty', arg: 'bonds_penalty', type: T.u16, origin: 'owner', apply: put(S.BondsPenalty), event: 'BondsPenaltySet' },
  { index: 69, name: 'sudo_set_yuma3_enabled', arg: 'enabled', type: T.bool, origin: 'owner', apply: put(S.Yuma3On) },
  { index: 70, name: 'sudo_set_bonds_reset_enabled', arg: 'enabled', type: T.bool, origin: 'owner', apply: put(S.BondsResetOn), event: 'BondsResetOnSet' },
  {
    index: 72, name: 'sudo_set_owner_immune_neuron_limit', arg: 'immune_neurons', type: T.u16, origin: 'owner',
    apply: (ctx, netuid, v: number) => { if (v < 1 || v > 10) err('InvalidValue'); S.ImmuneOwnerUidsLimit.set(ctx.state, netuid, v); },
  },
  { index: 84, name: 'sudo_set_min_non_immune_uids', arg: 'min', type: T.u16, origin: 'root', apply: put(S.MinNonImmuneUids) },
  { index: 89, name: 'sudo_set_burn_half_life', arg: 'burn_half_life', type: T.u16, origin: 'owner', apply: put(S.BurnHalfLife) },
];

const calls: CallDef[] = setters.map(netSetter);

// Calls with other shapes.
calls.push(
  call<{ netuid: number; alpha_low: number; alpha_high: number }>({
    name: 'sudo_set_alpha_values', index: 51,
    args: [{ name: 'netuid', type: T.u16, typeName: 'NetUid' }, { name: 'alpha_low', type: T.u16 }, { name: 'alpha_high', type: T.u16 }],
    dispatch: (ctx, a) => {
      ensureOrigin(ctx, a.netuid, 'owner');
      if (!subnetExists(ctx.state, a.netuid)) err('SubnetDoesNotExist');
      const sub = (i: number, n: string): never => { throw new DispatchFailure({ type: 'Module', value: { index: 7, error: Uint8Array.of(i, 0, 0, 0) } }, `SubtensorModule.${n}`); };
      if (!S.LiquidAlphaOn.get(ctx.state, a.netuid)) sub(55, 'LiquidAlphaDisabled');
      if (a.alpha_high < 1638) sub(56, 'AlphaHighTooLow');
      if (a.alpha_low < 1638 || a.alpha_low > a.alpha_high) sub(57, 'AlphaLowOutOfRange');
      S.AlphaValues.set(ctx.state, a.netuid, [a.alpha_low, a.alpha_high]);
    },
  }),
  call<{ rate_limit: bigint }>({
    name: 'sudo_set_network_rate_limit', index: 29, args: [{ name: 'rate_limit', type: T.u64, typeName: 'u64' }],
    dispatch: (ctx, a) => {
      ensureOrigin(ctx, null, 'root');
      S.NetworkRateLimit.set(ctx.state, a.rate_limit);
      ctx.deposit({ pallet: 'SubtensorModule', name: 'NetworkRateLimitSet', value: a.rate_limit as unknown as Record<string, unknown> });
    },
  }),
  call<{ min_stake: bigint }>({
    name: 'sudo_set_stake_threshold', index: 42, args: [{ name: 'min_stake', type: T.u64, typeName: 'u64' }],
    dispatch: (ctx, a) => {
      ensureOrigin(ctx, null, 'root');
      S.StakeThreshold.set(ctx.state, a.min_stake);
      ctx.deposit({ pallet: 'SubtensorModule', name: 'StakeThresholdSet', value: a.min_stake as unknown as Record<string, unknown> });
    },
  }),
  call<{ lock_cost: bigint }>({
    name: 'sudo_set_network_min_lock_cost', index: 35, args: [{ name: 'lock_cost', type: T.u64, typeName: 'TaoBalance' }],
    dispatch: (ctx, a) => { ensureOrigin(ctx, null, 'root'); S.NetworkMinLockCost.set(ctx.state, a.lock_cost); S.NetworkLastLockCost.set(ctx.state, a.lock_cost); },
  }),
  call<{ subnet_owner_cut: number }>({
    name: 'sudo_set_subnet_owner_cut', index: 28, args: [{ name: 'subnet_owner_cut', type: T.u16, typeName: 'u16' }],
    dispatch: (ctx, a) => { ensureOrigin(ctx, null, 'root'); S.SubnetOwnerCut.set(ctx.state, a.subnet_owner_cut); },
  }),
);
calls.sort((a, b) => a.index - b.index);

export const AdminUtils: Pallet = definePallet({
  name: P, index: 19, path: 'pallet_admin_utils',
  docs: [' Hyperparameter setters for subnet owners and root.'],
  calls,
  errors: errorList([
    'SubnetDoesNotExist', 'MaxValidatorsLargerThanMaxUIds', 'MaxAllowedUIdsLessThanCurrentUIds', 'BondsMovingAverageMaxReached',
    'NegativeSigmoidSteepness', 'ValueNotInBounds', 'MinAllowedUidsGreaterThanCurrentUids', 'MinAllowedUidsGreaterThanMaxAllowedUids',
    'MaxAllowedUidsLessThanMinAllowedUids', 'MaxAllowedUidsGreaterThanDefaultMaxAllowedUids', 'InvalidValue', 'NotPermittedOnRootSubnet',
    'POWRegistrationDisabled', 'Deprecated',
  ]),
});
