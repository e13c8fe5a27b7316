/**
 * From remembered scores to prizes: who is eligible, the copies, the clusters, the ranking, the
 * prize vector. Used after each round and again when weights are set (also right after a restart).
 *
 * Clusters collapse before placing: a cluster of miners whose answers are persistently the same
 * (with no telling who copied whom) takes ONE place, at its members' best EMA loss, paid to one
 * eligible member (the one answering first most often, then the earliest registered: copy-detect.ts);
 * the others get 0. So k sybils earn what one honest
 * instance would, and honest miners ranked behind the cluster move up.
 */
import type { ScoringConfig } from './config.ts';
import { copyVerdict, type CopyFinding, type CopyRules, type CopyState } from './copy-detect.ts';
import type { NeuronView } from './ports.ts';
import { prizeVector } from './prizes.ts';
import { rankMiners } from './ranking.ts';
import type { Scores } from './scores.ts';

/** The outcome of ranking. */
export interface Standings {
  /** Eligible uids, best first (one per cluster). */
  ranked: number[];
  /** Prize per ranked uid (sums to 1 when anyone is ranked). */
  prizes: Map<number, number>;
  /** Copy uid -> the uid it copies (excluded from ranking). */
  copies: Map<number, number>;
  /** Clusters sharing one slot: members sorted; the paid member is in `findings`' peer. */
  clusters: number[][];
  /** Why each copy or cluster member is one, with the figures. */
  findings: Map<number, CopyFinding>;
}

type StandingsConfig = Pick<
  ScoringConfig,
  | 'epsilon'
  | 'prize'
  | 'minAvailability'
  | 'copyHits'
  | 'copyClusterHits'
  | 'copyWindow'
  | 'copyMinRounds'
  | 'copyDirectionMajority'
  | 'copyAmbiguityMs'
  | 'copyGateRounds'
>;

/** The copy rules of a scoring config. */
export function copyRulesOf(
  cfg: Pick<
    ScoringConfig,
    'copyHits' | 'copyClusterHits' | 'copyWindow' | 'copyMinRounds' | 'copyDirectionMajority' | 'copyAmbiguityMs' | 'copyGateRounds'
  >,
): CopyRules {
  return {
    hits: cfg.copyHits,
    clusterHits: cfg.copyClusterHits ?? cfg.copyHits,
    window: cfg.copyWindow,
    minRounds: cfg.copyMinRounds,
    majority: cfg.copyDirectionMajority,
    ambiguityMs: cfg.copyAmbiguityMs,
    gateRounds: cfg.copyGateRounds,
  };
}

/**
 * Eligible: a current neuron other than ourselves, with a score earned by its current hotkey,
 * availability EMA >= `minAvailability`, and not a copy. `roundId` is the last scored round
 * (gates are judged against it).
 */
export function computeStandings(
  scores: Scores,
  copy: CopyState,
  neurons: readonly NeuronView[],
  ownUid: number | undefined,
  roundId: number,
  cfg: StandingsConfig,
): Standings {
  const registration = new Map(neurons.map((n) => [n.uid, n.registrationBlock]));
  const verdict = copyVerdict(copy, registration, roundId, copyRulesOf(cfg));
  const eligible = new Map(
    neurons.flatMap((n) => {
      const s = scores.get(n.uid);
      if (s === undefined || s.hotkey !== n.hotkey || n.uid === ownUid || verdict.copies.has(n.uid)) return [];
      if (s.availability < cfg.minAvailability) return [];
      return [[n.uid, { uid: n.uid, emaLoss: s.emaLoss, registrationBlock: n.registrationBlock }] as const];
    }),
  );
  for (const order of verdict.payOrder) {
    const present = order.filter((u) => eligible.has(u));
    if (present.length < 2) continue;
    const payee = eligible.get(present[0]!)!;
    const best = Math.min(...present.map((u) => eligible.get(u)!.emaLoss));
    for (const u of present) eligible.delete(u);
    eligible.set(payee.uid, { ...payee, emaLoss: best });
  }
  const ranked = rankMiners([...eligible.values()], cfg.epsilon).map((c) => c.uid);
  return { ranked, prizes: prizeVector(ranked, cfg.prize), copies: verdict.copies, clusters: verdict.clusters, findings: verdict.findings };
}
