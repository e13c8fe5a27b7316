/** Runs copy detection (similarity -> memory -> verdict) over synthetic rounds, as runRound does. */
import { parseScoringConfig, type ScoringConfig } from '../../src/config.ts';
import { copyVerdict, crowdGroups, emptyCopyState, updateCopyState, type CopyState, type CopyVerdict } from '../../src/copy-detect.ts';
import { roundSimilarity, type RoundSimilarity, type SimilarityOptions } from '../../src/copy-similarity.ts';
import { copyRulesOf } from '../../src/standings.ts';
import { CLASSES, type Items } from './synthetic-answers.ts';

export interface SimAnswer {
  uid: number;
  probs: Float32Array;
  latencyMs: number;
}

export function similarityOptions(cfg: ScoringConfig): SimilarityOptions {
  return {
    identicalBelow: cfg.copyThreshold,
    rhoFloor: cfg.copyRhoFloor,
    rhoCap: cfg.copyRhoCap,
    kappaFloor: cfg.copyKappaFloor,
    kappaCap: cfg.copyKappaCap,
    madK: cfg.copyMadK,
    minErrors: cfg.copyMinErrors,
    mixPartners: cfg.copyMixPartners,
    crowdMergeRatio: cfg.copyCrowdMergeRatio,
  };
}

export interface SimRound {
  roundId: number;
  sim: RoundSimilarity;
  verdict: CopyVerdict;
  state: CopyState;
}

/** Runs `rounds` rounds; `answersAt` gives each round's answers on that round's items. */
export function runCopyRounds(
  rounds: number,
  itemsAt: (round: number) => Items,
  answersAt: (round: number, items: Items) => SimAnswer[],
  registration: ReadonlyMap<number, number>,
  cfgIn: Record<string, unknown> = {},
  start: CopyState = emptyCopyState(),
  firstRound = 0,
): SimRound[] {
  const cfg = parseScoringConfig(cfgIn);
  const rules = copyRulesOf(cfg);
  let state = start;
  const out: SimRound[] = [];
  for (let r = firstRound; r < firstRound + rounds; r++) {
    const items = itemsAt(r);
    const answers = answersAt(r, items);
    const sim = roundSimilarity(answers, items.labels, CLASSES, crowdGroups(state, rules), similarityOptions(cfg));
    state = updateCopyState(state, sim, new Map(answers.map((a) => [a.uid, a.latencyMs])), r, rules);
    out.push({ roundId: r, sim, state, verdict: copyVerdict(state, registration, r, rules) });
  }
  return out;
}

/** Sybils that can still earn: not copies, and each cluster counted once. */
export function earningMembers(v: CopyVerdict, uids: readonly number[]): number {
  const free = uids.filter((u) => !v.copies.has(u));
  const clustered = v.clusters.filter((c) => c.some((u) => free.includes(u)));
  return free.filter((u) => !clustered.some((c) => c.includes(u))).length + clustered.length;
}

/** True when `uid` is a copy of `of` (any reason) or shares a cluster with it. */
export function caught(v: CopyVerdict, uid: number, of: number): boolean {
  return v.copies.has(uid) || v.clusters.some((c) => c.includes(uid) && c.includes(of));
}
