/**
 * Performs what `weights.ts` plans: reveal due commits, then set or commit weights when due.
 * Every failure is logged and turned into a later retry; nothing here throws for a chain refusal.
 */
import type { Logger } from 'pino';
import type { ScoringConfig } from './config.ts';
import type { ChainSnapshot, WeightSetter } from './ports.ts';
import { toU16Weights } from './prizes.ts';
import { computeStandings } from './standings.ts';
import type { ValidatorState } from './state.ts';
import {
  afterFailure,
  afterSuccess,
  decideWeights,
  planCommit,
  planReveals,
  type PendingCommit,
  type WeightsTimingView,
} from './weights.ts';

/** Reveal errors after which the commit can never be revealed. */
const FINAL_REVEAL_ERRORS = new Set([
  'ExpiredWeightCommit',
  'InvalidRevealCommitHashNotMatch',
  'NoWeightsCommitFound',
  'CommitRevealDisabled',
]);

function timingView(view: ChainSnapshot): WeightsTimingView {
  const own = view.neurons.find((n) => n.uid === view.ownUid);
  return {
    block: view.block,
    ownUid: view.ownUid,
    hasPermit: own?.validatorPermit ?? false,
    ownLastUpdate: view.ownLastUpdate,
    hyperparams: view.hyperparams,
  };
}

async function revealOne(
  setter: WeightSetter,
  c: PendingCommit,
  view: ChainSnapshot,
  cfg: ScoringConfig,
  log: Logger,
): Promise<PendingCommit | undefined> {
  const r = await setter.revealWeights(c.uids, c.weights, c.salt, BigInt(c.versionKey));
  if (r.ok) {
    log.info({ hash: c.hash, includedBlock: r.block, uids: c.uids.length }, 'weights revealed');
    return undefined;
  }
  if (FINAL_REVEAL_ERRORS.has(r.code)) {
    log.warn({ hash: c.hash, code: r.code, detail: r.message }, 'weights reveal rejected; commit dropped');
    return undefined;
  }
  log.warn({ hash: c.hash, code: r.code, detail: r.message }, 'weights reveal failed; will retry');
  // RevealTooEarly in the epoch we computed means the chain counted the commit one epoch later
  // (spec >= 423 adds 1 when an epoch fires in the commit block): move the reveal to the next epoch.
  const revealEpoch = r.code === 'RevealTooEarly' ? Math.max(c.revealEpoch, view.epochIndex + 1) : c.revealEpoch;
  return { ...c, revealEpoch, nextRevealBlock: view.block + cfg.retryDelayBlocks };
}

/** Reveals the commits due in this epoch and drops expired ones. */
export async function revealDue(
  setter: WeightSetter,
  view: ChainSnapshot,
  state: ValidatorState,
  cfg: ScoringConfig,
  log: Logger,
): Promise<ValidatorState> {
  if (state.pendingCommits.length === 0) return state;
  const plan = planReveals(state.pendingCommits, view.epochIndex, view.block);
  for (const c of plan.expired)
    log.warn({ hash: c.hash, revealEpoch: c.revealEpoch, epoch: view.epochIndex }, 'weights commit expired before reveal; dropped');
  const kept = [...plan.waiting];
  for (const c of plan.reveal) {
    const retry = await revealOne(setter, c, view, cfg, log);
    if (retry !== undefined) kept.push(retry);
  }
  return { ...state, pendingCommits: kept };
}

/**
 * The pending commit as the chain recorded it: included in `block`, counted in `chainEpoch` when
 * the setter could read it (it differs from the plan when an epoch fired in the inclusion block,
 * or the commit waited in the pool), so the reveal goes out in the epoch the chain will accept.
 */
export function recordedCommit(
  plan: PendingCommit,
  block: number,
  chainEpoch: number | undefined,
  revealPeriodEpochs: number,
  log?: Logger,
): PendingCommit {
  if (chainEpoch === undefined || chainEpoch === plan.commitEpoch) return { ...plan, commitBlock: block };
  log?.info(
    { hash: plan.hash, plannedEpoch: plan.commitEpoch, chainEpoch },
    'commit counted in another epoch than planned; reveal epoch follows the chain',
  );
  return { ...plan, commitBlock: block, commitEpoch: chainEpoch, revealEpoch: chainEpoch + revealPeriodEpochs };
}

/**
 * Sets (or commits) weights from the current standings when the timing rules say so. With commit-reveal,
 * `persist` receives the state holding the planned commit (its salt) before commit_weights is sent: a crash
 * after the chain includes the commit, before the caller saves, would otherwise leave a commit no one can
 * reveal. A planned commit that never landed is dropped at its reveal (NoWeightsCommitFound / hash mismatch).
 */
export async function submitIfDue(
  setter: WeightSetter,
  view: ChainSnapshot,
  state: ValidatorState,
  cfg: ScoringConfig,
  log: Logger,
  persist?: (planned: ValidatorState) => Promise<void>,
): Promise<ValidatorState> {
  if (state.lastRoundId < 0) return state;
  const tv = timingView(view);
  const decision = decideWeights(tv, state.timing, cfg.weightsIntervalBlocks);
  if (!decision.due) {
    log.debug({ reason: decision.reason, nextBlock: decision.nextBlock }, 'weights not due');
    return state;
  }
  const { prizes } = computeStandings(state.scores, state.copy, view.neurons, view.ownUid, state.lastRoundId, cfg);
  const w = toU16Weights(prizes, {
    minAllowedWeights: view.hyperparams.minAllowedWeights,
    registeredUids: view.neurons.map((n) => n.uid),
    ownUid: view.ownUid,
  });
  if (w.uids.length === 0) {
    log.info({}, 'no weights to set');
    return state;
  }
  const versionKey = cfg.weightsVersionKey ?? view.hyperparams.weightsVersionKey;
  const hp = view.hyperparams;
  const plan = hp.commitRevealEnabled
    ? planCommit({
        hotkey: view.ownHotkey,
        netuid: view.netuid,
        uids: w.uids,
        weights: w.weights,
        versionKey,
        commitBlock: view.block,
        commitEpoch: view.epochIndex,
        revealPeriodEpochs: hp.revealPeriodEpochs,
      })
    : undefined;
  if (plan !== undefined) await persist?.({ ...state, pendingCommits: [...state.pendingCommits, { ...plan, unconfirmed: true }] });
  const r = plan === undefined ? await setter.setWeights(w.uids, w.weights, versionKey) : await setter.commitWeights(plan.hash);
  const kind = plan === undefined ? 'set' : 'commit';
  if (!r.ok) {
    const timing = afterFailure(state.timing, tv, cfg.retryDelayBlocks);
    log.warn({ kind, code: r.code, detail: r.message, nextAttemptBlock: timing.nextAttemptBlock }, 'weights submission failed; will retry');
    return { ...state, timing };
  }
  log.info({ kind, includedBlock: r.block, uids: w.uids.length }, 'weights submitted');
  const pendingCommits =
    plan === undefined
      ? state.pendingCommits
      : [...state.pendingCommits, recordedCommit(plan, r.block, r.commitEpoch, hp.revealPeriodEpochs, log)];
  return { ...state, timing: afterSuccess(r.block), pendingCommits };
}
