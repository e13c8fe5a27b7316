/**
 * SubtensorModule state transitions shared by calls, hooks and genesis: neurons (append / replace /
 * prune), stake share pools (stable mechanism, 1 TAO = 1 alpha), subnet creation, the per-block step
 * (burn decay, emission, epochs) and the epoch wiring to the pure Yuma module.
 */
import { u8aToHex } from '@polkadot/util';
import type { ReadState, State } from '../../runtime/state.ts';
import type { RuntimeContext } from '../../runtime/pallet.ts';
import {
  runEpoch, isEpochDue, consumeEpochSlot, activityCutoffBlocks, initialLastEpochBlock, splitBlockEmission, distributeEmission,
  burnDecayFactor, decayBurn, bumpBurn, isCommitExpired, commitEpochIndex, type EpochInput, type EpochScheduleState,
} from './epoch/index.ts';
import { S, ZERO_ACCOUNT, type AxonInfoValue } from './storage.ts';

export const hex = (k: Uint8Array): string => u8aToHex(k);
export const same = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
export const isZeroAccount = (a: Uint8Array): boolean => a.every((b) => b === 0);

/** Node-level options of the subtensor pallets (not part of the chain state). */
export interface SubtensorOptions {
  /** Accept 127.0.0.1 / ::1 axon addresses (single-machine runs). */
  allowLoopbackAxons: boolean;
  /** Alpha emitted per block to each subnet that did `start_call` (rao); default 1e9 (1 TAO, as mainnet). */
  emissionPerBlock: bigint;
}
export const DEFAULT_SUBTENSOR_OPTIONS: SubtensorOptions = { allowLoopbackAxons: false, emissionPerBlock: 1_000_000_000n };

/** Upstream `DefaultStartCallDelay` (0 blocks on the local chain; mainnet 7 days). */
export const START_CALL_DELAY = 0n;
export const DEFAULT_MIN_STAKE = 2_000_000n;
const U64_MAX = (1n << 64n) - 1n;

// ---------------------------------------------------------------- per-uid vectors

export function setAt<V>(arr: V[], i: number, v: V, fill: V): V[] {
  const out = arr.slice();
  while (out.length <= i) out.push(fill);
  out[i] = v;
  return out;
}

export function subnetExists(s: ReadState, netuid: number): boolean { return S.NetworksAdded.get(s, netuid); }

export function hotkeysOf(s: ReadState, netuid: number): Uint8Array[] {
  const n = S.SubnetworkN.get(s, netuid);
  return Array.from({ length: n }, (_, uid) => S.Keys.get(s, netuid, uid));
}

// ---------------------------------------------------------------- stake (share pools)

const SHARE_ONE = 1n << 64n;

/** Alpha of (hotkey, coldkey) on netuid: `TotalHotkeyAlpha × share / TotalHotkeyShares`. */
export function stakeOf(s: ReadState, hotkey: Uint8Array, coldkey: Uint8Array, netuid: number): bigint {
  const total = S.TotalHotkeyAlpha.get(s, hotkey, netuid);
  const shares = S.TotalHotkeyShares.get(s, hotkey, netuid).bits;
  if (shares === 0n) return 0n;
  return (total * S.Alpha.get3(s, hotkey, coldkey, netuid).bits) / shares;
}

/** Credits `amount` alpha to (hotkey, coldkey): mints shares at the current share price. */
export function increaseStake(s: State, hotkey: Uint8Array, coldkey: Uint8Array, netuid: number, amount: bigint): void {
  if (amount <= 0n) return;
  const total = S.TotalHotkeyAlpha.get(s, hotkey, netuid);
  const shares = S.TotalHotkeyShares.get(s, hotkey, netuid).bits;
  const minted = shares === 0n || total === 0n ? amount * SHARE_ONE : (amount * shares) / total;
  S.Alpha.set3(s, hotkey, coldkey, netuid, { bits: S.Alpha.get3(s, hotkey, coldkey, netuid).bits + minted });
  S.TotalHotkeyShares.set(s, hotkey, netuid, { bits: (total === 0n ? 0n : shares) + minted });
  S.TotalHotkeyAlpha.set(s, hotkey, netuid, total + amount);
  const staking = S.StakingHotkeys.get(s, coldkey);
  if (!staking.some((h) => same(h, hotkey))) S.StakingHotkeys.set(s, coldkey, [...staking, hotkey]);
}

/** Removes `amount` alpha from (hotkey, coldkey): burns the matching shares. */
export function decreaseStake(s: State, hotkey: Uint8Array, coldkey: Uint8Array, netuid: number, amount: bigint): void {
  const total = S.TotalHotkeyAlpha.get(s, hotkey, netuid);
  const shares = S.TotalHotkeyShares.get(s, hotkey, netuid).bits;
  const mine = S.Alpha.get3(s, hotkey, coldkey, netuid).bits;
  if (total === 0n || shares === 0n) return;
  const held = (total * mine) / shares;
  const burned = amount >= held ? mine : (amount * shares + total - 1n) / total;
  S.Alpha.set3(s, hotkey, coldkey, netuid, { bits: mine - (burned > mine ? mine : burned) });
  S.TotalHotkeyShares.set(s, hotkey, netuid, { bits: shares - (burned > mine ? mine : burned) });
  S.TotalHotkeyAlpha.set(s, hotkey, netuid, total - (amount > total ? total : amount));
}

/** Emission to nominators: grows the hotkey's alpha without minting shares. */
export function addNominatorAlpha(s: State, hotkey: Uint8Array, netuid: number, amount: bigint): void {
  if (amount <= 0n) return;
  if (S.TotalHotkeyShares.get(s, hotkey, netuid).bits === 0n) {
    increaseStake(s, hotkey, S.Owner.get(s, hotkey), netuid, amount);
    return;
  }
  S.TotalHotkeyAlpha.mutate(s, hotkey, netuid, (x) => x + amount);
}

// ---------------------------------------------------------------- neurons

export function createAccountIfNew(s: State, coldkey: Uint8Array, hotkey: Uint8Array): void {
  if (S.Owner.contains(s, hotkey)) return;
  S.Owner.set(s, hotkey, coldkey);
  const owned = S.OwnedHotkeys.get(s, coldkey);
  if (!owned.some((h) => same(h, hotkey))) S.OwnedHotkeys.set(s, coldkey, [...owned, hotkey]);
  const staking = S.StakingHotkeys.get(s, coldkey);
  if (!staking.some((h) => same(h, hotkey))) S.StakingHotkeys.set(s, coldkey, [...staking, hotkey]);
}

/** `append_neuron` (§9): a new uid at the end of every per-uid vector. */
export function appendNeuron(s: State, netuid: number, hotkey: Uint8Array, block: number): number {
  const uid = S.SubnetworkN.get(s, netuid);
  S.SubnetworkN.set(s, netuid, uid + 1);
  S.Active.mutate(s, netuid, (v) => setAt(v, uid, true, false));
  S.Emission.mutate(s, netuid, (v) => setAt(v, uid, 0n, 0n));
  S.Consensus.mutate(s, netuid, (v) => setAt(v, uid, 0, 0));
  S.Incentive.mutate(s, netuid, (v) => setAt(v, uid, 0, 0));
  S.Dividends.mutate(s, netuid, (v) => setAt(v, uid, 0, 0));
  S.ValidatorTrust.mutate(s, netuid, (v) => setAt(v, uid, 0, 0));
  S.StakeWeight.mutate(s, netuid, (v) => setAt(v, uid, 0, 0));
  S.ValidatorPermit.mutate(s, netuid, (v) => setAt(v, uid, false, false));
  S.LastUpdate.mutate(s, netuid, (v) => setAt(v, uid, BigInt(block), 0n));
  S.Keys.set(s, netuid, uid, hotkey);
  S.Uids.set(s, netuid, hotkey, uid);
  S.BlockAtRegistration.set(s, netuid, uid, BigInt(block));
  S.IsNetworkMember.set(s, hotkey, netuid, true);
  return uid;
}

/** `replace_neuron` (§9): the uid gets a new hotkey; its outputs, bonds, weights and incoming weights are reset. */
export function replaceNeuron(s: State, netuid: number, uid: number, hotkey: Uint8Array, block: number): void {
  const old = S.Keys.get(s, netuid, uid);
  S.Uids.remove(s, netuid, old);
  S.IsNetworkMember.remove(s, old, netuid);
  S.Axons.remove(s, netuid, old);
  S.Prometheus.remove(s, netuid, old);
  S.Keys.set(s, netuid, uid, hotkey);
  S.Uids.set(s, netuid, hotkey, uid);
  S.IsNetworkMember.set(s, hotkey, netuid, true);
  S.BlockAtRegistration.set(s, netuid, uid, BigInt(block));
  S.Active.mutate(s, netuid, (v) => setAt(v, uid, true, false));
  S.Emission.mutate(s, netuid, (v) => setAt(v, uid, 0n, 0n));
  for (const item of [S.Consensus, S.Incentive, S.Dividends, S.StakeWeight, S.ValidatorTrust]) item.mutate(s, netuid, (v) => setAt(v, uid, 0, 0));
  S.ValidatorPermit.mutate(s, netuid, (v) => setAt(v, uid, false, false));
  S.LastUpdate.mutate(s, netuid, (v) => setAt(v, uid, BigInt(block), 0n));
  S.Bonds.remove(s, netuid, uid);
  S.Weights.remove(s, netuid, uid);
  for (const [row, w] of S.Weights.entriesOf(s, netuid)) {
    if (w.some(([j]) => j === uid)) S.Weights.set(s, netuid, row, w.map(([j, v]) => [j, j === uid ? 0 : v] as [number, number]));
  }
}

/** `get_neuron_to_prune` (§9, spec ≥ 365): lowest Emission, then earliest registration, then lowest uid. */
export function neuronToPrune(s: ReadState, netuid: number, block: number): number | null {
  const n = S.SubnetworkN.get(s, netuid);
  const ownerHot = S.SubnetOwnerHotkey.get(s, netuid);
  const immortal = new Set<number>();
  const ownerUid = S.Uids.get(s, netuid, ownerHot);
  if (ownerUid !== undefined && S.ImmuneOwnerUidsLimit.get(s, netuid) > 0) immortal.add(ownerUid);
  const immunity = BigInt(S.ImmunityPeriod.get(s, netuid));
  const emission = S.Emission.get(s, netuid);
  const better = (a: number, b: number): boolean => {
    const ea = emission[a] ?? 0n, eb = emission[b] ?? 0n;
    if (ea !== eb) return ea < eb;
    const ra = S.BlockAtRegistration.get(s, netuid, a), rb = S.BlockAtRegistration.get(s, netuid, b);
    if (ra !== rb) return ra < rb;
    return a < b;
  };
  let bestFree: number | null = null, bestImmune: number | null = null, freeCount = 0;
  for (let uid = 0; uid < n; uid++) {
    if (immortal.has(uid)) continue;
    const immune = BigInt(block) - S.BlockAtRegistration.get(s, netuid, uid) < immunity;
    if (immune) { if (bestImmune === null || better(uid, bestImmune)) bestImmune = uid; }
    else { freeCount++; if (bestFree === null || better(uid, bestFree)) bestFree = uid; }
  }
  if (bestFree !== null && freeCount > S.MinNonImmuneUids.get(s, netuid)) return bestFree;
  // Devchain: when no immune candidate exists the best non-immune uid is used (see README).
  return bestImmune ?? bestFree;
}

// ---------------------------------------------------------------- subnets

export interface SubnetInit { netuid: number; owner: Uint8Array; ownerHotkey: Uint8Array; block: number; lock: bigint }

/** `init_new_network` plus the owner hotkey as uid 0 (stable mechanism). */
export function initNetwork(s: State, x: SubnetInit): void {
  const { netuid, block } = x;
  S.NetworksAdded.set(s, netuid, true);
  S.TotalNetworks.mutate(s, (v) => v + 1);
  S.NetworkRegisteredAt.set(s, netuid, BigInt(block));
  S.SubnetMechanism.set(s, netuid, 0);
  S.SubnetOwner.set(s, netuid, x.owner);
  S.SubnetOwnerHotkey.set(s, netuid, x.ownerHotkey);
  const tempo = S.Tempo.get(s, netuid);
  S.Tempo.set(s, netuid, tempo);
  S.LastEpochBlock.set(s, netuid, BigInt(initialLastEpochBlock(block, netuid, tempo)));
  S.MaxAllowedUids.set(s, netuid, 256);
  S.MaxAllowedValidators.set(s, netuid, 64);
  S.MinAllowedWeights.set(s, netuid, 1);
  S.ImmunityPeriod.set(s, netuid, 5000);
  S.Yuma3On.set(s, netuid, true);
  S.Burn.set(s, netuid, 1_000_000_000n);
  S.SubnetTAO.set(s, netuid, x.lock);
  S.SubnetLocked.set(s, netuid, x.lock);
  S.NetworkRegistrationAllowed.set(s, netuid, true);
  if (!isZeroAccount(x.ownerHotkey)) {
    createAccountIfNew(s, x.owner, x.ownerHotkey);
    appendNeuron(s, netuid, x.ownerHotkey, block);
  }
}

/** Lowest free netuid above 0. */
export function nextNetuid(s: ReadState): number {
  let n = 1;
  while (S.NetworksAdded.get(s, n)) n++;
  return n;
}

/** `get_network_lock_cost`: `max(min, last·2 − (last / interval)·(now − last_block))`. */
export function networkLockCost(s: ReadState, block: number): bigint {
  const last = S.NetworkLastLockCost.get(s);
  const min = S.NetworkMinLockCost.get(s);
  const lastBlock = S.NetworkLastRegistered.get(s);
  const interval = S.NetworkLockReductionInterval.get(s);
  const mult = lastBlock === 0n ? 1n : 2n;
  const reduction = interval === 0n ? 0n : (last / interval) * (BigInt(block) - lastBlock);
  const cost = last * mult - reduction;
  return cost < min ? min : cost;
}

// ---------------------------------------------------------------- axon checks

/** Upstream `is_valid_ip_address` (loopback optionally accepted). */
export function validIp(ipType: number, ip: bigint, allowZero: boolean, allowLoopback: boolean): boolean {
  if (!allowZero && ip === 0n) return false;
  if (ipType === 4) {
    if (ip >= 0xffffffffn) return false;
    if (ip === 0x7f000001n && !allowLoopback) return false;
  }
  if (ipType === 6) {
    if (ip === (1n << 128n) - 1n) return false;
    if (ip === 1n && !allowLoopback) return false;
  }
  return true;
}

/** First failing axon check (§2.3) as an upstream error name, or null. */
export function axonError(s: ReadState, block: number, hotkey: Uint8Array, a: { netuid: number; ip: bigint; port: number; ip_type: number }, allowLoopback: boolean): string | null {
  if (!S.IsNetworkMember.get(s, hotkey, a.netuid) || S.Uids.get(s, a.netuid, hotkey) === undefined) return 'HotKeyNotRegisteredInNetwork';
  if (a.ip_type !== 4 && a.ip_type !== 6) return 'InvalidIpType';
  if (!validIp(a.ip_type, a.ip, true, allowLoopback)) return 'InvalidIpAddress';
  const prev: AxonInfoValue | undefined = S.Axons.get(s, a.netuid, hotkey);
  const limit = S.ServingRateLimit.get(s, a.netuid);
  if (prev && limit !== 0n && prev.block !== 0n && BigInt(block) - prev.block < limit) return 'ServingRateLimitExceeded';
  if (a.port === 0) return 'InvalidPort';
  return null;
}

// ---------------------------------------------------------------- commit-reveal epoch index

export function scheduleOf(s: ReadState, netuid: number): EpochScheduleState {
  return {
    tempo: S.Tempo.get(s, netuid),
    lastEpochBlock: Number(S.LastEpochBlock.get(s, netuid)),
    pendingEpochAt: Number(S.PendingEpochAt.get(s, netuid)),
    subnetEpochIndex: Number(S.SubnetEpochIndex.get(s, netuid)),
    blocksSinceLastStep: Number(S.BlocksSinceLastStep.get(s, netuid)),
  };
}

/** Current CR epoch of a subnet at `block` (spec ≥ 423). */
export function currentCommitEpoch(s: ReadState, netuid: number, block: number): number {
  const st = scheduleOf(s, netuid);
  return commitEpochIndex(st.subnetEpochIndex, isEpochDue(st, block));
}

// ---------------------------------------------------------------- block step

const decayFactors = new Map<number, bigint>();
function decayFactor(halfLife: number): bigint {
  let f = decayFactors.get(halfLife);
  if (f === undefined) { f = burnDecayFactor(halfLife); decayFactors.set(halfLife, f); }
  return f;
}

export function netuids(s: ReadState): number[] {
  return S.NetworksAdded.entries(s).filter(([, added]) => added).map(([n]) => n).sort((a, b) => a - b);
}

export interface StepDeps {
  options: SubtensorOptions;
  event: (name: string, value: unknown) => void;
}

/** `block_step` (§7): burn decay, emission accrual, due epochs with payouts. */
export function blockStep(ctx: RuntimeContext, deps: StepDeps): void {
  const s = ctx.state;
  const block = ctx.blockNumber;
  for (const netuid of netuids(s)) {
    if (netuid === 0) continue;
    // (1) registration price decay
    if (block > 1) {
      const burn = S.Burn.get(s, netuid);
      const next = decayBurn(burn, decayFactor(S.BurnHalfLife.get(s, netuid)), S.MinBurn.get(s, netuid), S.MaxBurn.get(s, netuid));
      if (next !== burn) S.Burn.set(s, netuid, next);
    }
    if (S.RegistrationsThisBlock.get(s, netuid) !== 0) S.RegistrationsThisBlock.set(s, netuid, 0);
    // (2) emission accrual for subnets that did start_call
    const first = S.FirstEmissionBlockNumber.get(s, netuid);
    if (first !== undefined && BigInt(block) >= first && S.SubtokenEnabled.get(s, netuid) && deps.options.emissionPerBlock > 0n) {
      const split = splitBlockEmission(deps.options.emissionPerBlock, { subnetOwnerCut: S.SubnetOwnerCut.get(s) });
      S.PendingServerEmission.mutate(s, netuid, (x) => x + split.server);
      S.PendingValidatorEmission.mutate(s, netuid, (x) => x + split.validator);
      S.PendingOwnerCut.mutate(s, netuid, (x) => x + split.ownerCut);
      S.SubnetAlphaOut.mutate(s, netuid, (x) => x + deps.options.emissionPerBlock);
    }
    // (4) epochs by dynamic tempo
    S.BlocksSinceLastStep.mutate(s, netuid, (x) => x + 1n);
    const st = scheduleOf(s, netuid);
    if (!isEpochDue(st, block)) continue;
    const next = consumeEpochSlot(st, block);
    S.LastEpochBlock.set(s, netuid, BigInt(next.lastEpochBlock));
    S.PendingEpochAt.set(s, netuid, 0n);
    S.SubnetEpochIndex.set(s, netuid, BigInt(next.subnetEpochIndex));
    S.BlocksSinceLastStep.set(s, netuid, 0n);
    runSubnetEpoch(ctx, netuid, deps);
    S.LastMechansimStepBlock.set(s, netuid, BigInt(block));
  }
}

/** Reads the epoch input of `netuid` from storage (§8 inputs). */
export function epochInput(s: ReadState, netuid: number, block: number, raoEmission: bigint): EpochInput {
  const n = S.SubnetworkN.get(s, netuid);
  const tempo = S.Tempo.get(s, netuid);
  const hotkeys = hotkeysOf(s, netuid);
  const hasHotkey = Array.from({ length: n }, (_, uid) => S.Keys.contains(s, netuid, uid));
  const ownerUid = S.Uids.get(s, netuid, S.SubnetOwnerHotkey.get(s, netuid));
  const cr = S.CommitRevealWeightsEnabled.get(s, netuid);
  let earliestCommitBlock: (number | null)[] | undefined;
  if (cr) {
    const current = currentCommitEpoch(s, netuid, block);
    const period = Number(S.RevealPeriodEpochs.get(s, netuid));
    earliestCommitBlock = hotkeys.map((hk) => {
      const q = S.WeightCommits.get(s, netuid, hk) ?? [];
      const live = q.filter((c) => !isCommitExpired(Number(c[1]), current, period));
      return live.length ? Math.min(...live.map((c) => Number(c[2]))) : null;
    });
  }
  const av = S.AlphaValues.get(s, netuid);
  return {
    n, currentBlock: block, tempo,
    activityCutoff: activityCutoffBlocks(S.ActivityCutoffFactorMilli.get(s, netuid), tempo),
    lastUpdate: S.LastUpdate.get(s, netuid).map(Number),
    blockAtRegistration: Array.from({ length: n }, (_, uid) => Number(S.BlockAtRegistration.get(s, netuid, uid))),
    hasHotkey,
    alphaStake: hotkeys.map((hk) => S.TotalHotkeyAlpha.get(s, hk, netuid)),
    taoWeight: S.TaoWeight.get(s),
    stakeThreshold: S.StakeThreshold.get(s),
    ownerUid,
    validatorPermit: S.ValidatorPermit.get(s, netuid),
    maxAllowedValidators: S.MaxAllowedValidators.get(s, netuid),
    weights: Array.from({ length: n }, (_, uid) => S.Weights.get(s, netuid, uid)),
    bonds: Array.from({ length: n }, (_, uid) => S.Bonds.get(s, netuid, uid)),
    kappa: S.Kappa.get(s, netuid),
    bondsPenalty: S.BondsPenalty.get(s, netuid),
    bondsMovingAverage: S.BondsMovingAverage.get(s, netuid),
    yuma3On: S.Yuma3On.get(s, netuid),
    liquidAlphaOn: S.LiquidAlphaOn.get(s, netuid),
    alphaValues: [av[0], av[1]],
    alphaSigmoidSteepness: S.AlphaSigmoidSteepness.get(s, netuid),
    lastMechanismStepBlock: Number(S.LastMechansimStepBlock.get(s, netuid)),
    earliestCommitBlock,
    raoEmission: raoEmission > U64_MAX ? U64_MAX : raoEmission,
  };
}

/** Drains pending emission, runs the epoch, writes outputs and pays out (§7 step 4–5). */
export function runSubnetEpoch(ctx: RuntimeContext, netuid: number, deps: StepDeps): void {
  const s = ctx.state;
  const server = S.PendingServerEmission.get(s, netuid);
  const validator = S.PendingValidatorEmission.get(s, netuid);
  const ownerCut = S.PendingOwnerCut.get(s, netuid);
  const root = S.PendingRootAlphaDivs.get(s, netuid);
  for (const item of [S.PendingServerEmission, S.PendingValidatorEmission, S.PendingOwnerCut, S.PendingRootAlphaDivs]) if (item.get(s, netuid) !== 0n) item.set(s, netuid, 0n);
  const n = S.SubnetworkN.get(s, netuid);
  const hotkeys = hotkeysOf(s, netuid);
  // Upstream skips a subnet whose Keys contain a duplicate hotkey.
  if (new Set(hotkeys.map(hex)).size !== hotkeys.length) return;
  const input = epochInput(s, netuid, ctx.blockNumber, server + validator + root);
  const out = runEpoch(input);
  S.Active.set(s, netuid, out.active);
  S.Emission.set(s, netuid, out.emission);
  S.Consensus.set(s, netuid, out.consensus);
  S.Incentive.set(s, netuid, out.incentive);
  S.Dividends.set(s, netuid, out.dividends);
  S.ValidatorTrust.set(s, netuid, out.validatorTrust);
  S.StakeWeight.set(s, netuid, out.stakeWeight);
  S.ValidatorPermit.set(s, netuid, out.newValidatorPermit);
  for (let uid = 0; uid < n; uid++) {
    const row = out.bonds[uid] ?? [];
    if (row.length || S.Bonds.contains(s, netuid, uid)) S.Bonds.set(s, netuid, uid, row);
  }
  const ownerHot = S.SubnetOwnerHotkey.get(s, netuid);
  const ownerCold = S.SubnetOwner.get(s, netuid);
  const coldkeys = hotkeys.map((hk) => S.Owner.get(s, hk));
  const dist = distributeEmission({
    hotkeys: hotkeys.map(hex), coldkeys: coldkeys.map(hex),
    serverEmission: out.serverEmission, validatorEmission: out.validatorEmission,
    pendingServer: server, pendingValidator: validator + root, ownerCut,
    takes: hotkeys.map((hk) => S.Delegates.get(s, hk)),
    subnetOwnerHotkey: isZeroAccount(ownerHot) ? undefined : hex(ownerHot),
    subnetOwnerColdkey: hex(ownerCold),
    recycleIncentiveOf: isZeroAccount(ownerHot) ? [] : [hex(ownerHot)],
  });
  const byHex = new Map(hotkeys.map((hk, i) => [hex(hk), { hk, cold: coldkeys[i]! }]));
  if (!isZeroAccount(ownerHot)) byHex.set(hex(ownerHot), { hk: ownerHot, cold: ownerCold });
  for (const c of dist.credits) {
    const who = byHex.get(c.hotkey);
    if (!who) continue;
    increaseStake(s, who.hk, who.cold, netuid, c.incentive + c.validatorTake);
    addNominatorAlpha(s, who.hk, netuid, c.nominatorDividends);
    if (c.ownerCut > 0n) increaseStake(s, who.hk, ownerCold, netuid, c.ownerCut);
  }
  deps.event('IncentiveAlphaEmittedToMiners', { netuid, emissions: out.serverEmission });
}

export { ZERO_ACCOUNT, decayBurn, bumpBurn };
