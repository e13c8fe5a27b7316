/**
 * Ranking by EMA loss with incumbency protection.
 *
 * The rule, precisely:
 * 1. Incumbency order: candidates sorted by registration block, then uid (earlier = incumbent).
 * 2. The ranking is built by inserting candidates one at a time in incumbency order. A newcomer `c`
 *    starts at the bottom and climbs past the miner `m` directly above it only while
 *    `loss(c) < loss(m) * (1 - epsilon)`; it stops below the first miner it does not beat.
 * 3. Hence exact ties (and anything within the margin) go to the earlier registration, and with
 *    `epsilon = 0` the result is exactly a sort by (loss, registration block, uid).
 *
 * Examples (epsilon = 0.01, registration order A, B, C):
 * - A 1.00, B 0.98            -> [B, A]   (0.98 < 0.99: B passes A)
 * - A 1.00, B 0.995           -> [A, B]   (0.995 >= 0.99: B is within the margin, A keeps its place)
 * - A 1.00, B 1.00            -> [A, B]   (exact tie: the earlier registration)
 * - A 1.00, B 0.995, C 0.98   -> [C, A, B] (C beats B: 0.98 < 0.98505, then A: 0.98 < 0.99)
 * - A 1.00, B 0.995, C 0.989  -> [A, B, C] (C does not beat B by the margin, so it stays below B,
 *   even though it beats A: passing is one rung at a time, never a jump over a miner it did not beat)
 */

/** What ranking needs to know about one candidate. */
export interface RankCandidate {
  uid: number;
  emaLoss: number;
  registrationBlock: number;
}

/** True when `challenger` beats `incumbent` by the relative margin. */
export function beats(challenger: number, incumbent: number, epsilon: number): boolean {
  return challenger < incumbent * (1 - epsilon);
}

/** Candidates in incumbency order: registration block, then uid. */
export function incumbencyOrder<T extends RankCandidate>(candidates: readonly T[]): T[] {
  return [...candidates].sort((a, b) => a.registrationBlock - b.registrationBlock || a.uid - b.uid);
}

/** Ranks candidates best first under the rule above; `epsilon` in [0, 1). */
export function rankMiners<T extends RankCandidate>(candidates: readonly T[], epsilon: number): T[] {
  if (!(epsilon >= 0 && epsilon < 1)) throw new RangeError(`expected epsilon in [0, 1), found ${epsilon}`);
  const ranked: T[] = [];
  for (const c of incumbencyOrder(candidates)) {
    let pos = ranked.length;
    while (pos > 0 && beats(c.emaLoss, ranked[pos - 1]!.emaLoss, epsilon)) pos--;
    ranked.splice(pos, 0, c);
  }
  return ranked;
}
