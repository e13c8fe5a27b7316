/**
 * From remembered scores to prizes: who is eligible, the ranking, the copies, the prize vector.
 * Used after each round and again when weights are set (also right after a restart).
 */
import type { ScoringConfig } from './config.ts';
import { flaggedCopies, type CopyCounters } from './copy-detect.ts';
import type { NeuronView } from './ports.ts';
import { prizeVector } from './prizes.ts';
import { rankMiners } from './ranking.ts';
import type { Scores } from './scores.ts';

/** The outcome of ranking. */
export interface Standings {
  /** Eligible uids, best first. */
  ranked: number[];
  /** Prize per ranked uid (sums to 1 when anyone is ranked). */
  prizes: Map<number, number>;
  /** Copy uid -> the uid it copies (excluded from ranking). */
  copies: Map<number, number>;
}

type StandingsConfig = Pick<ScoringConfig, 'epsilon' | 'prize' | 'minAvailability' | 'copyMinRounds'>;

/**
 * Eligible: a current neuron other than ourselves, with a score earned by its current hotkey,
 * availability EMA >= `minAvailability`, and not flagged as a copy.
 */
export function computeStandings(scores: Scores, counters: CopyCounters, neurons: readonly NeuronView[], ownUid: number | undefined, cfg: StandingsConfig): Standings {
  const registration = new Map(neurons.map((n) => [n.uid, n.registrationBlock]));
  const copies = flaggedCopies(counters, registration, cfg.copyMinRounds);
  const candidates = neurons.flatMap((n) => {
    const s = scores.get(n.uid);
    if (s === undefined || s.hotkey !== n.hotkey || n.uid === ownUid || copies.has(n.uid)) return [];
    if (s.availability < cfg.minAvailability) return [];
    return [{ uid: n.uid, emaLoss: s.emaLoss, registrationBlock: n.registrationBlock }];
  });
  const ranked = rankMiners(candidates, cfg.epsilon).map((c) => c.uid);
  return { ranked, prizes: prizeVector(ranked, cfg.prize), copies };
}
