/**
 * Root dividends owed to root stakers, as upstream `staking/claim_root.rs` (spec 425): each epoch
 * credits a validator's root alpha to `RootClaimable[hotkey][netuid]` as alpha per unit of root
 * stake (I96F32); a coldkey is owed `rate × its root stake − RootClaimed` and claims it either as
 * alpha on the subnet (Keep) or swapped to TAO and restaked on root (Swap, the default). Root
 * stake added later pre-counts what it was not there for (`RootClaimed` += rate × amount).
 */
import type { RuntimeContext } from '../../../frame/pallet.ts';
import type { ReadState, State } from '../../../frame/state.ts';
import { I96F32, fromInt, mul, div, add, sub, toU64 } from '../math/fixed.ts';
import { SubtensorStorage, type RootClaimTypeValue } from '../storage.ts';
import { emit } from '../events.ts';
import { increaseStake, stakeOf } from './stake.ts';
import { subnetAccountId, transferTaoFromSubnet } from './tao.ts';

const ROOT = 0;
const U128_MAX = (1n << 128n) - 1n;

function claimableRate(s: ReadState, hotkey: Uint8Array, netuid: number): bigint {
  return SubtensorStorage.RootClaimable.get(s, hotkey).find(([n]) => n === netuid)?.[1].bits ?? 0n;
}

/** Adds `delta` (I96F32 bits) to `RootClaimable[hotkey][netuid]`, keeping the map sorted by netuid. */
function addClaimableRate(s: State, hotkey: Uint8Array, netuid: number, delta: bigint): void {
  const map = SubtensorStorage.RootClaimable.get(s, hotkey);
  const i = map.findIndex(([n]) => n === netuid);
  const next: Array<[number, { bits: bigint }]> = map.map(([n, v]) => [n, { bits: v.bits }]);
  if (i >= 0) next[i]![1].bits = add(I96F32, next[i]![1].bits, delta);
  else next.push([netuid, { bits: delta }]);
  next.sort((a, b) => a[0] - b[0]);
  SubtensorStorage.RootClaimable.set(s, hotkey, next);
}

/**
 * `increase_root_claimable_for_hotkey_and_subnet`: `amount / root stake of the hotkey` joins the
 * claimable rate. More root alpha than root stake (no root stake at all, say) is staked to the
 * hotkey's owner on the subnet instead, as upstream does.
 */
export function increaseRootClaimable(s: State, hotkey: Uint8Array, netuid: number, amount: bigint): void {
  const total = fromInt(I96F32, SubtensorStorage.TotalHotkeyAlpha.get(s, hotkey, ROOT));
  const increment = div(I96F32, fromInt(I96F32, amount), total);
  if (amount > toU64(I96F32, total)) {
    increaseStake(s, hotkey, SubtensorStorage.Owner.get(s, hotkey), netuid, amount);
    return;
  }
  addClaimableRate(s, hotkey, netuid, increment);
}

/** `get_root_owed_for_hotkey_coldkey_float`: `rate × root stake − RootClaimed` (I96F32 bits, may be negative). */
export function rootOwed(s: ReadState, hotkey: Uint8Array, coldkey: Uint8Array, netuid: number): bigint {
  const stake = fromInt(I96F32, stakeOf(s, hotkey, coldkey, ROOT));
  const claimable = mul(I96F32, claimableRate(s, hotkey, netuid), stake);
  return sub(I96F32, claimable, fromInt(I96F32, SubtensorStorage.RootClaimed.get3(s, netuid, hotkey, coldkey)));
}

function wantsSwap(type: RootClaimTypeValue, netuid: number): boolean {
  if (type.type === 'Swap') return true;
  if (type.type === 'Keep') return false;
  return !type.value.subnets.includes(netuid);
}

/**
 * `root_claim_on_subnet`: pays what (hotkey, coldkey) is owed on `netuid` when it reaches
 * `RootClaimableThreshold` (or always with `ignoreMinimum`). Swap sells the alpha 1:1 (stable
 * mechanism: alpha leaves `SubnetAlphaOut` for `SubnetAlphaIn`, the TAO leaves `SubnetTAO` and the
 * subnet account for the root account) and stakes the TAO on root; Keep stakes the alpha on the subnet.
 */
export function rootClaimOnSubnet(
  ctx: RuntimeContext,
  hotkey: Uint8Array,
  coldkey: Uint8Array,
  netuid: number,
  type: RootClaimTypeValue,
  ignoreMinimum: boolean,
): void {
  const s = ctx.state;
  const owed = rootOwed(s, hotkey, coldkey, netuid);
  if (!ignoreMinimum && owed < SubtensorStorage.RootClaimableThreshold.get(s, netuid).bits) return;
  const amount = toU64(I96F32, owed);
  if (amount === 0n) return;
  if (wantsSwap(type, netuid)) swapToRoot(ctx, hotkey, coldkey, netuid, amount);
  else increaseStake(s, hotkey, coldkey, netuid, amount);
  SubtensorStorage.RootClaimed.set3(
    s,
    netuid,
    hotkey,
    coldkey,
    clampU128(SubtensorStorage.RootClaimed.get3(s, netuid, hotkey, coldkey) + amount),
  );
}

function swapToRoot(ctx: RuntimeContext, hotkey: Uint8Array, coldkey: Uint8Array, netuid: number, alpha: bigint): void {
  const s = ctx.state;
  const subSat = (x: bigint): bigint => (x > alpha ? x - alpha : 0n);
  // swap_alpha_for_tao on a stable subnet: 1 alpha = 1 TAO, no fee.
  SubtensorStorage.SubnetAlphaIn.mutate(s, netuid, (x) => x + alpha);
  SubtensorStorage.SubnetAlphaOut.mutate(s, netuid, subSat);
  SubtensorStorage.SubnetTAO.mutate(s, netuid, subSat);
  SubtensorStorage.TotalStake.mutate(s, subSat);
  transferTaoFromSubnet(ctx, netuid, subnetAccountId(ROOT), alpha);
  increaseStake(s, hotkey, coldkey, ROOT, alpha);
  SubtensorStorage.SubnetTAO.mutate(s, ROOT, (x) => x + alpha);
  SubtensorStorage.SubnetAlphaOut.mutate(s, ROOT, (x) => x + alpha);
  SubtensorStorage.TotalStake.mutate(s, (x) => x + alpha);
  addStakeAdjustRootClaimed(s, hotkey, coldkey, alpha);
}

const clampU128 = (x: bigint): bigint => (x < 0n ? 0n : x > U128_MAX ? U128_MAX : x);

/** `add_stake_adjust_root_claimed_for_hotkey_and_coldkey`: new root stake is not owed past dividends. */
export function addStakeAdjustRootClaimed(s: State, hotkey: Uint8Array, coldkey: Uint8Array, amount: bigint): void {
  for (const [netuid, rate] of SubtensorStorage.RootClaimable.get(s, hotkey)) {
    const claimed = SubtensorStorage.RootClaimed.get3(s, netuid, hotkey, coldkey);
    const delta = toU128(mul(I96F32, rate.bits, fromInt(I96F32, amount)));
    SubtensorStorage.RootClaimed.set3(s, netuid, hotkey, coldkey, clampU128(claimed + delta));
  }
}

/** `remove_stake_adjust_root_claimed_for_hotkey_and_coldkey`: removed root stake takes its claimed part along. */
export function removeStakeAdjustRootClaimed(s: State, hotkey: Uint8Array, coldkey: Uint8Array, amount: bigint): void {
  for (const [netuid, rate] of SubtensorStorage.RootClaimable.get(s, hotkey)) {
    if (netuid === ROOT) continue;
    const claimed = SubtensorStorage.RootClaimed.get3(s, netuid, hotkey, coldkey);
    const delta = toU128(mul(I96F32, rate.bits, fromInt(I96F32, amount)));
    SubtensorStorage.RootClaimed.set3(s, netuid, hotkey, coldkey, clampU128(claimed - delta));
  }
}

/** I96F32 → u128, `saturating_to_num` (floor; negative → 0). */
function toU128(bits: bigint): bigint {
  return clampU128(bits >> 32n);
}

/**
 * `do_root_claim`: claims on every subnet in `RootClaimable` of each of the coldkey's staking
 * hotkeys (only `subnets` when given), by the coldkey's `RootClaimType`, then `RootClaimed { coldkey }`.
 */
export function doRootClaim(ctx: RuntimeContext, coldkey: Uint8Array, subnets?: readonly number[]): void {
  const s = ctx.state;
  const type = SubtensorStorage.RootClaimType.get(s, coldkey);
  for (const hotkey of SubtensorStorage.StakingHotkeys.get(s, coldkey)) {
    for (const [netuid] of SubtensorStorage.RootClaimable.get(s, hotkey)) {
      if (subnets && !subnets.includes(netuid)) continue;
      rootClaimOnSubnet(ctx, hotkey, coldkey, netuid, type, false);
    }
  }
  emit(ctx, 'RootClaimed', { coldkey });
}
