/**
 * AdminUtils (pallet 19): hyperparameter setters with upstream call indices, argument names and
 * origins (subtensor-api.md §3). Owner/Root calls accept the subnet-owner coldkey or root (via
 * Sudo).
 *
 * Owner callers (not root) are subject to, in this order, after the origin and subnet checks:
 * - the owner rate limit: a hyperparameter (an AdminUtils call index) may be changed by the owner at
 *   most once every `OwnerHyperparamRateLimit × Tempo` blocks (`WeightsVersionKeyRateLimit × Tempo`
 *   for `sudo_set_weights_version_key`), else `SubtensorModule.TxRateLimitExceeded`. The last change
 *   is kept in `SubtensorModule.LastOwnerHyperparamUpdate (netuid, call index) → block` (a
 *   devchain-specific stand-in for upstream `LastRateLimitedBlock`); root changes neither count nor
 *   are limited; a limit of 0 or a never-changed parameter always passes.
 * - the admin freeze window: fails with `SubtensorModule.AdminActionProhibitedDuringWeightsWindow`
 *   while fewer than `AdminFreezeWindow` blocks remain before the next automatic epoch
 *   (`LastEpochBlock + Tempo − now`) or while a triggered epoch is pending (`PendingEpochAt > 0`);
 *   never with tempo 0.
 * Simplification: upstream also applies the freeze window to most root calls; the devchain exempts
 * root entirely so that sudo setup in tests and scripts never depends on the block position (with
 * a tempo at or below the window, upstream would block every such call).
 * Root-only `sudo_set_admin_freeze_window` (74) and `sudo_set_owner_hparam_rate_limit` (75) set the
 * two globals (no event: their upstream event indices are not reproduced).
 */
import { T } from '../scale/types.ts';
import { DispatchFailure, call, definePallet, errorList, type CallDef, type DispatchContext, type Pallet } from '../frame/pallet.ts';
import type { ReadState, State } from '../frame/state.ts';
import { SubtensorStorage } from './subtensor/storage.ts';
import { same } from './subtensor/accounts.ts';
import { subnetExists } from './subtensor/state/subnets.ts';
import type { TypeDef } from '../scale/types.ts';

const P = 'AdminUtils';

type Origin = 'root' | 'owner';
interface Item<V> {
  set(s: State, netuid: number, v: V): void;
}

function ensureOrigin(ctx: DispatchContext, netuid: number | null, origin: Origin): 'root' | 'owner' {
  if (ctx.origin.type === 'Root') return 'root';
  if (
    origin === 'owner' &&
    ctx.origin.type === 'Signed' &&
    netuid !== null &&
    same(SubtensorStorage.SubnetOwner.get(ctx.state, netuid), ctx.origin.who)
  )
    return 'owner';
  throw new DispatchFailure(
    { type: 'BadOrigin' },
    origin === 'root' ? 'BadOrigin: root is required' : 'BadOrigin: the subnet owner or root is required',
  );
}

interface SetterSpec {
  index: number;
  name: string;
  arg: string;
  type: TypeDef;
  origin: Origin;
  apply: (ctx: DispatchContext, netuid: number, v: never, who: 'root' | 'owner') => void;
  /** Event of SubtensorModule deposited as `(netuid, value)`. */
  event?: string;
}

const err = (name: string): never => {
  throw AdminUtils.error(name);
};

/** Raises a SubtensorModule (pallet 7) error at its upstream variant index, as upstream AdminUtils does. */
const subtensorErr = (index: number, name: string): never => {
  throw new DispatchFailure({ type: 'Module', value: { index: 7, error: Uint8Array.of(index, 0, 0, 0) } }, `SubtensorModule.${name}`);
};

/** AdminUtils call index of `sudo_set_weights_version_key` (own rate limit factor). */
const WEIGHTS_VERSION_KEY_CALL = 6;

/**
 * Is the admin window open for owner calls on `netuid` at `block`? Closed while a triggered epoch is
 * pending or when fewer than `window` blocks remain before `lastEpochBlock + tempo`; always open
 * with tempo 0 (no epochs).
 */
export function adminWindowOpen(
  x: { tempo: number; lastEpochBlock: bigint; pendingEpochAt: bigint; window: number },
  block: number,
): boolean {
  if (x.tempo <= 0) return true;
  if (x.pendingEpochAt > 0n) return false;
  const next = x.lastEpochBlock + BigInt(x.tempo);
  const remaining = next > BigInt(block) ? next - BigInt(block) : 0n;
  return remaining >= BigInt(x.window);
}

/** Blocks an owner must wait between two changes of the hyperparameter set by AdminUtils call `callIndex`. */
export function ownerRateLimitBlocks(s: ReadState, netuid: number, callIndex: number): bigint {
  const tempo = BigInt(SubtensorStorage.Tempo.get(s, netuid));
  const factor =
    callIndex === WEIGHTS_VERSION_KEY_CALL
      ? SubtensorStorage.WeightsVersionKeyRateLimit.get(s)
      : BigInt(SubtensorStorage.OwnerHyperparamRateLimit.get(s));
  return factor * tempo;
}

/** Owner rate limit, then freeze window (module doc); no-op for root. */
function ensureOwnerLimits(ctx: DispatchContext, netuid: number, callIndex: number, who: 'root' | 'owner'): void {
  if (who === 'root') return;
  const s = ctx.state;
  const now = BigInt(ctx.blockNumber);
  const last = SubtensorStorage.LastOwnerHyperparamUpdate.get(s, netuid, callIndex);
  const limit = ownerRateLimitBlocks(s, netuid, callIndex);
  if (limit > 0n && last > 0n && now - last < limit) subtensorErr(64, 'TxRateLimitExceeded');
  const open = adminWindowOpen(
    {
      tempo: SubtensorStorage.Tempo.get(s, netuid),
      lastEpochBlock: SubtensorStorage.LastEpochBlock.get(s, netuid),
      pendingEpochAt: SubtensorStorage.PendingEpochAt.get(s, netuid),
      window: SubtensorStorage.AdminFreezeWindow.get(s),
    },
    ctx.blockNumber,
  );
  if (!open) subtensorErr(107, 'AdminActionProhibitedDuringWeightsWindow');
}

/** Records a successful owner change (root changes are not recorded). */
function recordOwnerChange(ctx: DispatchContext, netuid: number, callIndex: number, who: 'root' | 'owner'): void {
  if (who === 'owner') SubtensorStorage.LastOwnerHyperparamUpdate.set(ctx.state, netuid, callIndex, BigInt(ctx.blockNumber));
}

function netSetter(spec: SetterSpec): CallDef {
  return call<Record<string, unknown>>({
    name: spec.name,
    index: spec.index,
    args: [
      { name: 'netuid', type: T.u16, typeName: 'NetUid' },
      { name: spec.arg, type: spec.type },
    ],
    dispatch: (ctx, a) => {
      const netuid = a.netuid as number;
      const who = ensureOrigin(ctx, netuid, spec.origin);
      if (!subnetExists(ctx.state, netuid)) err('SubnetDoesNotExist');
      ensureOwnerLimits(ctx, netuid, spec.index, who);
      spec.apply(ctx, netuid, a[spec.arg] as never, who);
      recordOwnerChange(ctx, netuid, spec.index, who);
      if (spec.event)
        ctx.deposit({ pallet: 'SubtensorModule', name: spec.event, value: [netuid, a[spec.arg]] as unknown as Record<string, unknown> });
    },
  });
}

const put =
  <V>(item: Item<V>) =>
  (ctx: DispatchContext, netuid: number, v: V): void =>
    item.set(ctx.state, netuid, v);
const putNonRoot =
  <V>(item: Item<V>) =>
  (ctx: DispatchContext, netuid: number, v: V): void => {
    if (netuid === 0) err('NotPermittedOnRootSubnet');
    item.set(ctx.state, netuid, v);
  };

const setters: SetterSpec[] = [
  {
    index: 3,
    name: 'sudo_set_serving_rate_limit',
    arg: 'serving_rate_limit',
    type: T.u64,
    origin: 'owner',
    apply: put(SubtensorStorage.ServingRateLimit),
    event: 'ServingRateLimitSet',
  },
  {
    index: 6,
    name: 'sudo_set_weights_version_key',
    arg: 'weights_version_key',
    type: T.u64,
    origin: 'owner',
    apply: put(SubtensorStorage.WeightsVersionKey),
    event: 'WeightsVersionKeySet',
  },
  {
    index: 7,
    name: 'sudo_set_weights_set_rate_limit',
    arg: 'weights_set_rate_limit',
    type: T.u64,
    origin: 'root',
    apply: put(SubtensorStorage.WeightsSetRateLimit),
    event: 'WeightsSetRateLimitSet',
  },
  {
    index: 13,
    name: 'sudo_set_immunity_period',
    arg: 'immunity_period',
    type: T.u16,
    origin: 'owner',
    apply: put(SubtensorStorage.ImmunityPeriod),
    event: 'ImmunityPeriodSet',
  },
  {
    index: 14,
    name: 'sudo_set_min_allowed_weights',
    arg: 'min_allowed_weights',
    type: T.u16,
    origin: 'owner',
    apply: put(SubtensorStorage.MinAllowedWeights),
    event: 'MinAllowedWeightSet',
  },
  {
    index: 15,
    name: 'sudo_set_max_allowed_uids',
    arg: 'max_allowed_uids',
    type: T.u16,
    origin: 'owner',
    event: 'MaxAllowedUidsSet',
    apply: (ctx, netuid, v: number) => {
      if (v < SubtensorStorage.SubnetworkN.get(ctx.state, netuid)) err('MaxAllowedUIdsLessThanCurrentUIds');
      if (v > 256) err('MaxAllowedUidsGreaterThanDefaultMaxAllowedUids');
      SubtensorStorage.MaxAllowedUids.set(ctx.state, netuid, v);
    },
  },
  { index: 16, name: 'sudo_set_kappa', arg: 'kappa', type: T.u16, origin: 'root', apply: put(SubtensorStorage.Kappa), event: 'KappaSet' },
  { index: 17, name: 'sudo_set_rho', arg: 'rho', type: T.u16, origin: 'owner', apply: put(SubtensorStorage.Rho), event: 'RhoSet' },
  {
    index: 18,
    name: 'sudo_set_activity_cutoff',
    arg: 'activity_cutoff',
    type: T.u16,
    origin: 'owner',
    event: 'ActivityCutoffSet',
    apply: (ctx, netuid, v: number) => {
      if (v < 360) subtensorErr(86, 'ActivityCutoffTooLow');
      SubtensorStorage.ActivityCutoff.set(ctx.state, netuid, v);
    },
  },
  {
    index: 19,
    name: 'sudo_set_network_registration_allowed',
    arg: 'registration_allowed',
    type: T.bool,
    origin: 'root',
    apply: put(SubtensorStorage.NetworkRegistrationAllowed),
    event: 'RegistrationAllowed',
  },
  {
    index: 20,
    name: 'sudo_set_network_pow_registration_allowed',
    arg: 'registration_allowed',
    type: T.bool,
    origin: 'owner',
    apply: () => err('POWRegistrationDisabled'),
  },
  {
    index: 21,
    name: 'sudo_set_target_registrations_per_interval',
    arg: 'target_registrations_per_interval',
    type: T.u16,
    origin: 'root',
    apply: putNonRoot(SubtensorStorage.TargetRegistrationsPerInterval),
  },
  {
    index: 22,
    name: 'sudo_set_min_burn',
    arg: 'min_burn',
    type: T.u64,
    origin: 'owner',
    event: 'MinBurnSet',
    apply: (ctx, netuid, v: bigint) => {
      if (v > SubtensorStorage.MaxBurn.get(ctx.state, netuid)) err('ValueNotInBounds');
      SubtensorStorage.MinBurn.set(ctx.state, netuid, v);
    },
  },
  {
    index: 23,
    name: 'sudo_set_max_burn',
    arg: 'max_burn',
    type: T.u64,
    origin: 'owner',
    event: 'MaxBurnSet',
    apply: (ctx, netuid, v: bigint) => {
      if (v < SubtensorStorage.MinBurn.get(ctx.state, netuid)) err('ValueNotInBounds');
      SubtensorStorage.MaxBurn.set(ctx.state, netuid, v);
    },
  },
  {
    index: 24,
    name: 'sudo_set_difficulty',
    arg: 'difficulty',
    type: T.u64,
    origin: 'root',
    apply: put(SubtensorStorage.Difficulty),
    event: 'DifficultySet',
  },
  {
    index: 25,
    name: 'sudo_set_max_allowed_validators',
    arg: 'max_allowed_validators',
    type: T.u16,
    origin: 'root',
    event: 'MaxAllowedValidatorsSet',
    apply: (ctx, netuid, v: number) => {
      if (v > SubtensorStorage.MaxAllowedUids.get(ctx.state, netuid)) err('MaxValidatorsLargerThanMaxUIds');
      SubtensorStorage.MaxAllowedValidators.set(ctx.state, netuid, v);
    },
  },
  {
    index: 26,
    name: 'sudo_set_bonds_moving_average',
    arg: 'bonds_moving_average',
    type: T.u64,
    origin: 'owner',
    event: 'BondsMovingAverageSet',
    apply: (ctx, netuid, v: bigint, who) => {
      if (who === 'owner' && v > 975_000n) err('BondsMovingAverageMaxReached');
      SubtensorStorage.BondsMovingAverage.set(ctx.state, netuid, v);
    },
  },
  {
    index: 27,
    name: 'sudo_set_max_registrations_per_block',
    arg: 'max_registrations_per_block',
    type: T.u16,
    origin: 'root',
    apply: putNonRoot(SubtensorStorage.MaxRegistrationsPerBlock),
  },
  {
    index: 30,
    name: 'sudo_set_tempo',
    arg: 'tempo',
    type: T.u16,
    origin: 'root',
    event: 'TempoSet',
    apply: (ctx, netuid, v: number) => {
      SubtensorStorage.Tempo.set(ctx.state, netuid, v);
      SubtensorStorage.LastEpochBlock.set(ctx.state, netuid, BigInt(ctx.blockNumber));
    },
  },
  {
    index: 49,
    name: 'sudo_set_commit_reveal_weights_enabled',
    arg: 'enabled',
    type: T.bool,
    origin: 'owner',
    event: 'CommitRevealEnabled',
    apply: put(SubtensorStorage.CommitRevealWeightsEnabled),
  },
  {
    index: 50,
    name: 'sudo_set_liquid_alpha_enabled',
    arg: 'enabled',
    type: T.bool,
    origin: 'owner',
    apply: put(SubtensorStorage.LiquidAlphaOn),
  },
  {
    index: 57,
    name: 'sudo_set_commit_reveal_weights_interval',
    arg: 'interval',
    type: T.u64,
    origin: 'owner',
    event: 'CommitRevealPeriodsSet',
    apply: (ctx, netuid, v: bigint) => {
      if (v < 1n) subtensorErr(113, 'RevealPeriodTooSmall');
      if (v > 100n) subtensorErr(112, 'RevealPeriodTooLarge');
      SubtensorStorage.RevealPeriodEpochs.set(ctx.state, netuid, v);
    },
  },
  {
    index: 60,
    name: 'sudo_set_bonds_penalty',
    arg: 'bonds_penalty',
    type: T.u16,
    origin: 'owner',
    apply: put(SubtensorStorage.BondsPenalty),
    event: 'BondsPenaltySet',
  },
  { index: 69, name: 'sudo_set_yuma3_enabled', arg: 'enabled', type: T.bool, origin: 'owner', apply: put(SubtensorStorage.Yuma3On) },
  {
    index: 70,
    name: 'sudo_set_bonds_reset_enabled',
    arg: 'enabled',
    type: T.bool,
    origin: 'owner',
    apply: put(SubtensorStorage.BondsResetOn),
    event: 'BondsResetOnSet',
  },
  {
    index: 72,
    name: 'sudo_set_owner_immune_neuron_limit',
    arg: 'immune_neurons',
    type: T.u16,
    origin: 'owner',
    apply: (ctx, netuid, v: number) => {
      if (v < 1 || v > 10) err('InvalidValue');
      SubtensorStorage.ImmuneOwnerUidsLimit.set(ctx.state, netuid, v);
    },
  },
  {
    index: 84,
    name: 'sudo_set_min_non_immune_uids',
    arg: 'min',
    type: T.u16,
    origin: 'root',
    apply: put(SubtensorStorage.MinNonImmuneUids),
  },
  {
    index: 89,
    name: 'sudo_set_burn_half_life',
    arg: 'burn_half_life',
    type: T.u16,
    origin: 'owner',
    apply: put(SubtensorStorage.BurnHalfLife),
  },
];

const calls: CallDef[] = setters.map(netSetter);

// Calls with other shapes.
calls.push(
  call<{ netuid: number; alpha_low: number; alpha_high: number }>({
    name: 'sudo_set_alpha_values',
    index: 51,
    args: [
      { name: 'netuid', type: T.u16, typeName: 'NetUid' },
      { name: 'alpha_low', type: T.u16 },
      { name: 'alpha_high', type: T.u16 },
    ],
    dispatch: (ctx, a) => {
      const who = ensureOrigin(ctx, a.netuid, 'owner');
      if (!subnetExists(ctx.state, a.netuid)) err('SubnetDoesNotExist');
      ensureOwnerLimits(ctx, a.netuid, 51, who);
      if (!SubtensorStorage.LiquidAlphaOn.get(ctx.state, a.netuid)) subtensorErr(55, 'LiquidAlphaDisabled');
      if (a.alpha_high < 1638) subtensorErr(56, 'AlphaHighTooLow');
      if (a.alpha_low < 1638 || a.alpha_low > a.alpha_high) subtensorErr(57, 'AlphaLowOutOfRange');
      SubtensorStorage.AlphaValues.set(ctx.state, a.netuid, [a.alpha_low, a.alpha_high]);
      recordOwnerChange(ctx, a.netuid, 51, who);
    },
  }),
  call<{ rate_limit: bigint }>({
    name: 'sudo_set_network_rate_limit',
    index: 29,
    args: [{ name: 'rate_limit', type: T.u64, typeName: 'u64' }],
    dispatch: (ctx, a) => {
      ensureOrigin(ctx, null, 'root');
      SubtensorStorage.NetworkRateLimit.set(ctx.state, a.rate_limit);
      ctx.deposit({ pallet: 'SubtensorModule', name: 'NetworkRateLimitSet', value: a.rate_limit as unknown as Record<string, unknown> });
    },
  }),
  call<{ min_stake: bigint }>({
    name: 'sudo_set_stake_threshold',
    index: 42,
    args: [{ name: 'min_stake', type: T.u64, typeName: 'u64' }],
    dispatch: (ctx, a) => {
      ensureOrigin(ctx, null, 'root');
      SubtensorStorage.StakeThreshold.set(ctx.state, a.min_stake);
      ctx.deposit({ pallet: 'SubtensorModule', name: 'StakeThresholdSet', value: a.min_stake as unknown as Record<string, unknown> });
    },
  }),
  call<{ lock_cost: bigint }>({
    name: 'sudo_set_network_min_lock_cost',
    index: 35,
    args: [{ name: 'lock_cost', type: T.u64, typeName: 'TaoBalance' }],
    dispatch: (ctx, a) => {
      ensureOrigin(ctx, null, 'root');
      SubtensorStorage.NetworkMinLockCost.set(ctx.state, a.lock_cost);
      SubtensorStorage.NetworkLastLockCost.set(ctx.state, a.lock_cost);
    },
  }),
  call<{ window: number }>({
    name: 'sudo_set_admin_freeze_window',
    index: 74,
    args: [{ name: 'window', type: T.u16, typeName: 'u16' }],
    dispatch: (ctx, a) => {
      ensureOrigin(ctx, null, 'root');
      SubtensorStorage.AdminFreezeWindow.set(ctx.state, a.window);
    },
  }),
  call<{ delay: bigint }>({
    name: 'sudo_set_start_call_delay',
    index: 85,
    args: [{ name: 'delay', type: T.u64, typeName: 'u64' }],
    dispatch: (ctx, a) => {
      ensureOrigin(ctx, null, 'root');
      SubtensorStorage.StartCallDelay.set(ctx.state, a.delay);
      ctx.deposit({ pallet: 'SubtensorModule', name: 'StartCallDelaySet', value: a.delay as unknown as Record<string, unknown> });
    },
  }),
  call<{ epochs: number }>({
    name: 'sudo_set_owner_hparam_rate_limit',
    index: 75,
    args: [{ name: 'epochs', type: T.u16, typeName: 'u16' }],
    dispatch: (ctx, a) => {
      ensureOrigin(ctx, null, 'root');
      SubtensorStorage.OwnerHyperparamRateLimit.set(ctx.state, a.epochs);
    },
  }),
  call<{ subnet_owner_cut: number }>({
    name: 'sudo_set_subnet_owner_cut',
    index: 28,
    args: [{ name: 'subnet_owner_cut', type: T.u16, typeName: 'u16' }],
    dispatch: (ctx, a) => {
      ensureOrigin(ctx, null, 'root');
      SubtensorStorage.SubnetOwnerCut.set(ctx.state, a.subnet_owner_cut);
    },
  }),
);
calls.sort((a, b) => a.index - b.index);

export const AdminUtils: Pallet = definePallet({
  name: P,
  index: 19,
  path: 'pallet_admin_utils',
  docs: [' Hyperparameter setters for subnet owners and root.'],
  calls,
  errors: errorList([
    'SubnetDoesNotExist',
    'MaxValidatorsLargerThanMaxUIds',
    'MaxAllowedUIdsLessThanCurrentUIds',
    'BondsMovingAverageMaxReached',
    'NegativeSigmoidSteepness',
    'ValueNotInBounds',
    'MinAllowedUidsGreaterThanCurrentUids',
    'MinAllowedUidsGreaterThanMaxAllowedUids',
    'MaxAllowedUidsLessThanMinAllowedUids',
    'MaxAllowedUidsGreaterThanDefaultMaxAllowedUids',
    'InvalidValue',
    'NotPermittedOnRootSubnet',
    'POWRegistrationDisabled',
    'Deprecated',
  ]),
});
