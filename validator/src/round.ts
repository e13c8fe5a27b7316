/**
 * One scoring round: seed -> batch -> query all serving miners at once -> evaluate -> update
 * scores and copy counters -> rank -> prizes -> report. Pure apart from the ports it is given.
 */
import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import type { ScoringConfig } from './config.ts';
import { crowdGroups, dropCopyUids, updateCopyState } from './copy-detect.ts';
import { roundSimilarity } from './copy-similarity.ts';
import { collectEvidence, type ResponsesSidecar, type SignedResponseRecord } from './evidence.ts';
import { evaluateAnswer, maxValidLoss, type MinerEvaluation } from './evaluate.ts';
import type { ChainSnapshot, ChainView, DataSource, MinerQuerier, RoundBatch } from './ports.ts';
import { queryMiners, selectTargets } from './query.ts';
import type { MinerReport, RoundReport } from './report.ts';
import { hotkeysOf, reconcileHotkeys, updateScores } from './scores.ts';
import { deriveSecretRoundSeed } from './period.ts';
import { batchHash, deriveRoundSeed, roundIdAt, seedBlockOf } from './seed.ts';
import { computeStandings, copyRulesOf, type Standings } from './standings.ts';
import type { ValidatorState } from './state.ts';

/** The ports a round uses. */
export interface RoundDeps {
  chain: ChainView;
  querier: MinerQuerier;
  data: DataSource;
  log: Logger;
  /** The committed competition period this round belongs to: its batch seed comes from the period's secret. */
  period?: { index: number; secret: string };
}

/** A finished round: the new state, its report and standings. */
export interface RoundResult {
  state: ValidatorState;
  report: RoundReport;
  standings: Standings;
  /** The round's request and response bodies, to write next to the report (`writeReport(dir, report, keep, sidecar)`). */
  sidecar: ResponsesSidecar;
}

function minerLine(
  uid: number,
  hotkey: string,
  e: MinerEvaluation | undefined,
  state: ValidatorState,
  st: Standings,
  signed: SignedResponseRecord | undefined,
): MinerReport {
  const s = state.scores.get(uid);
  const rank = st.ranked.indexOf(uid);
  return {
    uid,
    hotkey,
    status: e?.status ?? 'not-queried',
    loss: e?.loss ?? null,
    accuracy: e?.accuracy ?? null,
    latencyMs: e?.latencyMs ?? null,
    emaLoss: s?.emaLoss ?? null,
    availability: s?.availability ?? null,
    rank: rank >= 0 ? rank + 1 : null,
    prize: st.prizes.get(uid) ?? 0,
    copyOf: st.copies.get(uid) ?? null,
    cluster: st.clusters.find((c) => c.includes(uid)) ?? null,
    copyFinding: st.findings.get(uid) ?? null,
    responseHash: e?.responseHash ?? null,
    detail: e?.detail ?? null,
    signedResponse: signed ?? null,
  };
}

/** Copy detection's memory after this round: compared on the labelled batch, latencies on our clock. */
function foldCopies(
  prev: ValidatorState,
  reset: readonly number[],
  evals: readonly MinerEvaluation[],
  batch: RoundBatch,
  roundId: number,
  cfg: ScoringConfig,
): ValidatorState['copy'] {
  const rules = copyRulesOf(cfg);
  const kept = dropCopyUids(prev.copy, reset);
  const answers = evals.flatMap((e) => (e.probs === undefined ? [] : [{ uid: e.uid, probs: e.probs }]));
  const sim = roundSimilarity(answers, batch.labels, batch.numClasses, crowdGroups(kept, rules), {
    identicalBelow: cfg.copyThreshold,
    rhoFloor: cfg.copyRhoFloor,
    rhoCap: cfg.copyRhoCap,
    kappaFloor: cfg.copyKappaFloor,
    kappaCap: cfg.copyKappaCap,
    madK: cfg.copyMadK,
    minErrors: cfg.copyMinErrors,
    mixPartners: cfg.copyMixPartners,
    crowdMergeRatio: cfg.copyCrowdMergeRatio,
  });
  return updateCopyState(kept, sim, new Map(evals.map((e) => [e.uid, e.latencyMs])), roundId, rules);
}

/** Scores this round's evaluations into the state (hotkey reset, EMA, copy detection). */
function foldRound(
  prev: ValidatorState,
  view: ChainSnapshot,
  evals: MinerEvaluation[],
  batch: RoundBatch,
  roundId: number,
  cfg: ScoringConfig,
): { state: ValidatorState; resetUids: number[] } {
  const current = new Map(view.neurons.map((n) => [n.uid, n.hotkey]));
  // Every uid in copy detection's memory also has a score entry, so the score reset list covers both.
  const { kept, reset } = reconcileHotkeys(prev.scores, hotkeysOf(prev.scores), current);
  const observations = evals.map((e) => ({ uid: e.uid, hotkey: current.get(e.uid)!, loss: e.loss, available: e.available }));
  const scores = updateScores(kept, observations, { alpha: cfg.emaAlpha, availabilityAlpha: cfg.availabilityAlpha });
  return { state: { ...prev, scores, copy: foldCopies(prev, reset, evals, batch, roundId, cfg) }, resetUids: reset };
}

/** Runs one round at `view` (the caller read it; `view.block` decides the round id). */
export async function runRound(deps: RoundDeps, cfg: ScoringConfig, view: ChainSnapshot, prev: ValidatorState): Promise<RoundResult> {
  const t0 = performance.now();
  const roundId = roundIdAt(view.block, cfg.roundLengthBlocks);
  const log = deps.log.child({ round: roundId, block: view.block });
  const seedBlock = seedBlockOf(roundId, cfg.roundLengthBlocks);
  // In a committed period the seed comes from the validator's secret, so no miner can compute the batch;
  // without one, from the shared block hash (every validator scores the same batch, and so can every miner).
  const seed =
    deps.period !== undefined
      ? deriveSecretRoundSeed(deps.period.secret, cfg.competitionId, deps.period.index, roundId)
      : deriveRoundSeed(seedBlock === view.block ? view.blockHash : await deps.chain.blockHash(seedBlock), cfg.competitionId, roundId);
  const t1 = performance.now();
  const batch = await deps.data.sampleRoundBatch(seed, cfg.batchSize);
  const t2 = performance.now();
  const targets = selectTargets(view.neurons, view.ownUid);
  const answers = await queryMiners(deps.querier, targets, batch.input, cfg.queryDeadlineMs, log, { roundId });
  const t3 = performance.now();
  const worstLoss = cfg.worstLoss ?? maxValidLoss(batch.numClasses);
  const evals = targets.map((t) => evaluateAnswer(t.uid, answers.get(t.uid), batch, worstLoss));
  const evidence = collectEvidence(roundId, targets, answers, cfg.evidenceMaxBodyBytes);
  const folded = foldRound(prev, view, evals, batch, roundId, cfg);
  const state: ValidatorState = { ...folded.state, lastRoundId: roundId, lastRoundBlock: view.block };
  const standings = computeStandings(state.scores, state.copy, view.neurons, view.ownUid, roundId, cfg);
  const byUid = new Map(evals.map((e) => [e.uid, e]));
  const miners = view.neurons
    .filter((n) => n.uid !== view.ownUid && (byUid.has(n.uid) || state.scores.has(n.uid)))
    .sort((a, b) => a.uid - b.uid)
    .map((n) => minerLine(n.uid, n.hotkey, byUid.get(n.uid), state, standings, evidence.records.get(n.uid)));
  const t4 = performance.now();
  const report: RoundReport = {
    roundId,
    netuid: view.netuid,
    competitionId: cfg.competitionId,
    validatorHotkey: view.ownHotkey,
    validatorUid: view.ownUid ?? null,
    block: view.block,
    blockHash: view.blockHash,
    seedBlock,
    seed,
    period: deps.period?.index ?? null,
    batchHash: batchHash(batch.input.data),
    batchSize: batch.labels.length,
    startedAt: new Date(Date.now() - (t4 - t0)).toISOString(),
    timings: { chainMs: t1 - t0, dataMs: t2 - t1, queryMs: t3 - t2, scoringMs: t4 - t3, totalMs: t4 - t0 },
    resetUids: folded.resetUids,
    miners,
    responses: evidence.summary,
  };
  const failed = evals.filter((e) => !e.available).length;
  log.info(
    {
      miners: targets.length,
      failed,
      ranked: standings.ranked.length,
      copies: standings.copies.size,
      clusters: standings.clusters.length,
      durationMs: Math.round(t4 - t0),
    },
    'round scored',
  );
  return { state, report, standings, sidecar: evidence.sidecar };
}
