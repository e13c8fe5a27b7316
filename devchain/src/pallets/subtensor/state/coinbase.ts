/**
 * Coinbase: per-block emission accrual into the pending pools, and at an epoch the Yuma run over
 * storage (epoch/ is the pure module), its outputs written back and the alpha paid out.
 */
import type { RuntimeContext } from '../../../frame/pallet.ts';
import type { ReadState, State } from '../../../frame/state.ts';
import {
  runEpoch,
  activityCutoffBlocks,
  splitBlockEmission,
  distributeEmission,
  isCommitExpired,
  rootProportion,
  type EpochInput,
  type HotkeyCredit,
} from '../epoch/index.ts';
import { SubtensorStorage } from '../storage.ts';
import { hex, isZeroAccount } from '../accounts.ts';
import { emit } from '../events.ts';
import type { SubtensorOptions } from '../options.ts';
import { hotkeysOf } from './subnets.ts';
import { increaseStake, addNominatorAlpha } from './stake.ts';
import { currentCommitEpoch } from './epoch-schedule.ts';
import { mintTaoToSubnet } from './tao.ts';
import { increaseRootClaimable } from './root-claim.ts';

const U64_MAX = (1n << 64n) - 1n;

/**
 * `get_subnets_to_emit_to` for one subnet: not root, did `start_call`, subtoken enabled,
 * registration allowed (and the devchain's emission per block is not 0).
 */
export function emitsTo(s: ReadState, netuid: number, block: number, options: SubtensorOptions): boolean {
  if (netuid === 0 || options.emissionPerBlock <= 0n) return false;
  const first = SubtensorStorage.FirstEmissionBlockNumber.get(s, netuid);
  if (first === undefined || BigInt(block) < first || !SubtensorStorage.SubtokenEnabled.get(s, netuid)) return false;
  return SubtensorStorage.NetworkRegistrationAllowed.get(s, netuid);
}

/**
 * `get_network_root_sell_flag`: root alpha is set aside for root stakers only while the moving
 * alpha prices of the emitting subnets sum to more than 1. A stable subnet's price is 1, so on the
 * devchain that means at least two emitting subnets; with one, root alpha is recycled.
 */
export function rootSellFlag(emitting: readonly number[]): boolean {
  return emitting.length > 1;
}

/** `root_proportion(netuid)` from storage: `SubnetTAO[0] × tao_weight` against the subnet's alpha issuance. */
export function subnetRootProportion(s: ReadState, netuid: number): bigint {
  const issuance = SubtensorStorage.SubnetAlphaIn.get(s, netuid) + SubtensorStorage.SubnetAlphaOut.get(s, netuid);
  return rootProportion(SubtensorStorage.SubnetTAO.get(s, 0), SubtensorStorage.TaoWeight.get(s), issuance);
}

/**
 * Accrues one block's emission into the pending pools of a subnet it emits to (`emit_to_subnets`):
 * the alpha is minted into `SubnetAlphaOut` first, then the owner cut, the root share
 * (`root_proportion` of the validators' half: `PendingRootAlphaDivs` under the root sell flag,
 * else recycled out of `SubnetAlphaOut`), miners and validators.
 */
export function accrueEmission(ctx: RuntimeContext, netuid: number, options: SubtensorOptions, rootSell: boolean): void {
  const s = ctx.state;
  SubtensorStorage.SubnetAlphaOut.mutate(s, netuid, (x) => x + options.emissionPerBlock);
  const split = splitBlockEmission(options.emissionPerBlock, {
    subnetOwnerCut: SubtensorStorage.SubnetOwnerCut.get(s),
    rootProportion: subnetRootProportion(s, netuid),
  });
  SubtensorStorage.PendingServerEmission.mutate(s, netuid, (x) => x + split.server);
  SubtensorStorage.PendingValidatorEmission.mutate(s, netuid, (x) => x + split.validator);
  SubtensorStorage.PendingOwnerCut.mutate(s, netuid, (x) => x + split.ownerCut);
  if (rootSell) SubtensorStorage.PendingRootAlphaDivs.mutate(s, netuid, (x) => x + split.rootDivs);
  else if (split.rootDivs > 0n) SubtensorStorage.SubnetAlphaOut.mutate(s, netuid, (x) => (x > split.rootDivs ? x - split.rootDivs : 0n));
  // The TAO side of the block's emission (upstream injects tao_in into the subnet account and
  // SubnetTAO): on the 1:1 stable model it backs the emitted alpha, so earned stake can be unstaked.
  const minted = mintTaoToSubnet(ctx, netuid, options.emissionPerBlock);
  SubtensorStorage.SubnetTAO.mutate(s, netuid, (x) => x + minted);
  SubtensorStorage.TotalStake.mutate(s, (x) => x + minted);
}

/** Reads the epoch input of `netuid` from storage (§8 inputs). */
export function epochInput(s: ReadState, netuid: number, block: number, raoEmission: bigint): EpochInput {
  const n = SubtensorStorage.SubnetworkN.get(s, netuid);
  const tempo = SubtensorStorage.Tempo.get(s, netuid);
  const hotkeys = hotkeysOf(s, netuid);
  const hasHotkey = Array.from({ length: n }, (_, uid) => SubtensorStorage.Keys.contains(s, netuid, uid));
  const ownerUid = SubtensorStorage.Uids.get(s, netuid, SubtensorStorage.SubnetOwnerHotkey.get(s, netuid));
  const cr = SubtensorStorage.CommitRevealWeightsEnabled.get(s, netuid);
  let earliestCommitBlock: (number | null)[] | undefined;
  if (cr) {
    const current = currentCommitEpoch(s, netuid, block);
    const period = Number(SubtensorStorage.RevealPeriodEpochs.get(s, netuid));
    earliestCommitBlock = hotkeys.map((hk) => {
      const q = SubtensorStorage.WeightCommits.get(s, netuid, hk) ?? [];
      const live = q.filter((c) => !isCommitExpired(Number(c[1]), current, period));
      return live.length ? Math.min(...live.map((c) => Number(c[2]))) : null;
    });
  }
  const av = SubtensorStorage.AlphaValues.get(s, netuid);
  return {
    n,
    currentBlock: block,
    tempo,
    activityCutoff: activityCutoffBlocks(SubtensorStorage.ActivityCutoffFactorMilli.get(s, netuid), tempo),
    lastUpdate: SubtensorStorage.LastUpdate.get(s, netuid).map(Number),
    blockAtRegistration: Array.from({ length: n }, (_, uid) => Number(SubtensorStorage.BlockAtRegistration.get(s, netuid, uid))),
    hasHotkey,
    alphaStake: hotkeys.map((hk) => SubtensorStorage.TotalHotkeyAlpha.get(s, hk, netuid)),
    // Root stake counts at TaoWeight (upstream get_stake_weights_for_hotkey_on_subnet).
    rootStake: hotkeys.map((hk) => SubtensorStorage.TotalHotkeyAlpha.get(s, hk, 0)),
    taoWeight: SubtensorStorage.TaoWeight.get(s),
    stakeThreshold: SubtensorStorage.StakeThreshold.get(s),
    ownerUid,
    validatorPermit: SubtensorStorage.ValidatorPermit.get(s, netuid),
    maxAllowedValidators: SubtensorStorage.MaxAllowedValidators.get(s, netuid),
    weights: Array.from({ length: n }, (_, uid) => SubtensorStorage.Weights.get(s, netuid, uid)),
    bonds: Array.from({ length: n }, (_, uid) => SubtensorStorage.Bonds.get(s, netuid, uid)),
    kappa: SubtensorStorage.Kappa.get(s, netuid),
    bondsPenalty: SubtensorStorage.BondsPenalty.get(s, netuid),
    bondsMovingAverage: SubtensorStorage.BondsMovingAverage.get(s, netuid),
    yuma3On: SubtensorStorage.Yuma3On.get(s, netuid),
    liquidAlphaOn: SubtensorStorage.LiquidAlphaOn.get(s, netuid),
    alphaValues: [av[0], av[1]],
    alphaSigmoidSteepness: SubtensorStorage.AlphaSigmoidSteepness.get(s, netuid),
    lastMechanismStepBlock: Number(SubtensorStorage.LastMechansimStepBlock.get(s, netuid)),
    earliestCommitBlock,
    raoEmission: raoEmission > U64_MAX ? U64_MAX : raoEmission,
  };
}

/** `is_epoch_input_state_consistent`: no hotkey appears twice in the subnet's `Keys`. */
export function isEpochInputConsistent(s: ReadState, netuid: number): boolean {
  const seen = new Set<string>();
  for (const [, hotkey] of SubtensorStorage.Keys.entriesOf(s, netuid)) {
    const k = hex(hotkey);
    if (seen.has(k)) return false;
    seen.add(k);
  }
  return true;
}

/** Drains pending emission, runs the epoch, writes outputs and pays out (§7 step 4–5). */
export function runSubnetEpoch(ctx: RuntimeContext, netuid: number): void {
  const s = ctx.state;
  const server = SubtensorStorage.PendingServerEmission.get(s, netuid);
  const validator = SubtensorStorage.PendingValidatorEmission.get(s, netuid);
  const ownerCut = SubtensorStorage.PendingOwnerCut.get(s, netuid);
  const root = SubtensorStorage.PendingRootAlphaDivs.get(s, netuid);
  for (const item of [
    SubtensorStorage.PendingServerEmission,
    SubtensorStorage.PendingValidatorEmission,
    SubtensorStorage.PendingOwnerCut,
    SubtensorStorage.PendingRootAlphaDivs,
  ])
    if (item.get(s, netuid) !== 0n) item.set(s, netuid, 0n);
  const n = SubtensorStorage.SubnetworkN.get(s, netuid);
  const hotkeys = hotkeysOf(s, netuid);
  const input = epochInput(s, netuid, ctx.blockNumber, server + validator + root);
  const out = runEpoch(input);
  SubtensorStorage.Active.set(s, netuid, out.active);
  SubtensorStorage.Emission.set(s, netuid, out.emission);
  SubtensorStorage.Consensus.set(s, netuid, out.consensus);
  SubtensorStorage.Incentive.set(s, netuid, out.incentive);
  SubtensorStorage.Dividends.set(s, netuid, out.dividends);
  SubtensorStorage.ValidatorTrust.set(s, netuid, out.validatorTrust);
  SubtensorStorage.StakeWeight.set(s, netuid, out.stakeWeight);
  SubtensorStorage.ValidatorPermit.set(s, netuid, out.newValidatorPermit);
  // Upstream inserts every uid's row, an empty one included (the key then exists).
  for (let uid = 0; uid < n; uid++) SubtensorStorage.Bonds.set(s, netuid, uid, out.bonds[uid] ?? []);
  const ownerHot = SubtensorStorage.SubnetOwnerHotkey.get(s, netuid);
  const ownerCold = SubtensorStorage.SubnetOwner.get(s, netuid);
  const coldkeys = hotkeys.map((hk) => SubtensorStorage.Owner.get(s, hk));
  const withheld = ownerHotkeysOnSubnet(s, netuid);
  const dist = distributeEmission({
    hotkeys: hotkeys.map(hex),
    coldkeys: coldkeys.map(hex),
    serverEmission: out.serverEmission,
    validatorEmission: out.validatorEmission,
    pendingServer: server,
    pendingValidator: validator,
    ownerCut,
    takes: hotkeys.map((hk) => SubtensorStorage.Delegates.get(s, hk)),
    subnetOwnerHotkey: isZeroAccount(ownerHot) ? undefined : hex(ownerHot),
    subnetOwnerColdkey: hex(ownerCold),
    recycleIncentiveOf: withheld.map(hex),
    pendingRoot: root,
    // The stake map is read after the epoch and before any payout, as upstream's get_stake_map.
    alphaStake: hotkeys.map((hk) => SubtensorStorage.TotalHotkeyAlpha.get(s, hk, netuid)),
    rootStake: hotkeys.map((hk) => SubtensorStorage.TotalHotkeyAlpha.get(s, hk, 0)),
    taoWeight: SubtensorStorage.TaoWeight.get(s),
  });
  const withheldSet = new Set(withheld.map(hex));
  const total = out.serverEmission.reduce((a, b) => a + b, 0n);
  const held = hotkeys.reduce((a, hk, uid) => (withheldSet.has(hex(hk)) ? a + (out.serverEmission[uid] ?? 0n) : a), 0n);
  SubtensorStorage.MinerBurned.set(s, netuid, { bits: total === 0n ? 0n : (held << 32n) / total });
  const byHex = new Map(hotkeys.map((hk, i) => [hex(hk), { hk, cold: coldkeys[i]! }]));
  if (!isZeroAccount(ownerHot)) byHex.set(hex(ownerHot), { hk: ownerHot, cold: ownerCold });
  for (const c of dist.credits) {
    const who = byHex.get(c.hotkey);
    if (!who) continue;
    increaseStake(s, who.hk, who.cold, netuid, c.incentive + c.validatorTake);
    addNominatorAlpha(s, who.hk, netuid, c.nominatorDividends);
    if (c.ownerCut > 0n) increaseStake(s, who.hk, ownerCold, netuid, c.ownerCut);
  }
  payRootDividends(s, netuid, hotkeys, coldkeys, dist.credits);
  emit(ctx, 'IncentiveAlphaEmittedToMiners', { netuid, emissions: out.serverEmission });
}

/**
 * The dividend records and the root half of `distribute_dividends_and_incentives`, for every uid's
 * hotkey (zero entries included, as upstream writes them): `AlphaDividendsPerSubnet` (alpha after
 * the take) and `TotalHotkeyAlphaLastEpoch`; then the root take staked to the validator's coldkey
 * on the subnet, the rest credited to its root stakers (`RootClaimable`) and recorded in
 * `RootAlphaDividendsPerSubnet`.
 */
function payRootDividends(s: State, netuid: number, hotkeys: Uint8Array[], coldkeys: Uint8Array[], credits: HotkeyCredit[]): void {
  const byHotkey = new Map(credits.map((c) => [c.hotkey, c]));
  SubtensorStorage.AlphaDividendsPerSubnet.clearPrefix(s, netuid);
  for (const hk of hotkeys) {
    const c = byHotkey.get(hex(hk));
    SubtensorStorage.AlphaDividendsPerSubnet.mutate(s, netuid, hk, (x) => x + (c?.nominatorDividends ?? 0n));
    SubtensorStorage.TotalHotkeyAlphaLastEpoch.set(s, hk, netuid, SubtensorStorage.TotalHotkeyAlpha.get(s, hk, netuid));
  }
  SubtensorStorage.RootAlphaDividendsPerSubnet.clearPrefix(s, netuid);
  hotkeys.forEach((hk, uid) => {
    const c = byHotkey.get(hex(hk));
    increaseStake(s, hk, coldkeys[uid]!, netuid, c?.rootTake ?? 0n);
    increaseRootClaimable(s, hk, netuid, c?.rootDividends ?? 0n);
    SubtensorStorage.RootAlphaDividendsPerSubnet.mutate(s, netuid, hk, (x) => x + (c?.rootDividends ?? 0n));
  });
}

/** `get_owner_hotkeys`: the owner coldkey's hotkeys registered on the subnet, plus the subnet owner hotkey. */
export function ownerHotkeysOnSubnet(s: ReadState, netuid: number): Uint8Array[] {
  const owned = SubtensorStorage.OwnedHotkeys.get(s, SubtensorStorage.SubnetOwner.get(s, netuid)).filter(
    (hk) => SubtensorStorage.Uids.get(s, netuid, hk) !== undefined,
  );
  const ownerHot = SubtensorStorage.SubnetOwnerHotkey.get(s, netuid);
  if (
    !isZeroAccount(ownerHot) &&
    SubtensorStorage.Uids.get(s, netuid, ownerHot) !== undefined &&
    !owned.some((h) => hex(h) === hex(ownerHot))
  )
    owned.unshift(ownerHot);
  return owned;
}
