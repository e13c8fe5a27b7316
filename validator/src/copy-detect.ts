/**
 * Copy detection: two miners whose probabilities are near-identical round after round.
 *
 * Per round, for every pair of miners that both answered validly, the mean absolute difference of
 * their (clamped, renormalised) probability vectors is computed. Below `threshold` the pair's counter
 * goes up by one; at or above it the counter resets to 0 (they diverged). A pair where one side did
 * not answer keeps its counter (no evidence either way). A pair is flagged once its counter reaches
 * `minRounds`; while flagged, the later-registered miner of the pair (registration block, then uid)
 * is the copy and earns nothing. Counters are dropped when either uid changes hands.
 */
import { createHash } from 'node:crypto';

/** Pair counters keyed by `pairKey(a, b)`. */
export type CopyCounters = ReadonlyMap<string, number>;

/** Tunables. */
export interface CopyOptions {
  /** Mean absolute difference below which two answers count as the same; e.g. 1e-4. */
  threshold: number;
  /** Consecutive similar rounds before a pair is flagged; e.g. 3. */
  minRounds: number;
}

/** A miner's answer this round and its incumbency. */
export interface CopyInput {
  uid: number;
  registrationBlock: number;
  probs: Float32Array;
}

/** Canonical key of an unordered pair. */
export function pairKey(a: number, b: number): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

/** The two uids of a pair key. */
export function pairUids(key: string): [number, number] {
  const [a, b] = key.split(':').map(Number);
  return [a!, b!];
}

/**
 * Mean absolute difference of two equal-length vectors, stopping early once it must exceed
 * `limit` (then the returned value is only known to be >= limit).
 */
export function meanAbsDiff(a: Float32Array, b: Float32Array, limit = Number.POSITIVE_INFINITY): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  const budget = limit * a.length;
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    sum += Math.abs(a[i]! - b[i]!);
    if (sum >= budget) return sum / a.length;
  }
  return a.length === 0 ? 0 : sum / a.length;
}

/** sha256 of the vector's bytes: byte-identical answers (the common copy) skip the full comparison. */
function digest(v: Float32Array): string {
  return createHash('sha256').update(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)).digest('base64');
}

/** Updates the pair counters with one round of answers. */
export function updateCopyCounters(prev: CopyCounters, answers: readonly CopyInput[], opts: CopyOptions): Map<string, number> {
  const next = new Map(prev);
  const digests = answers.map((a) => digest(a.probs));
  for (let i = 0; i < answers.length; i++) {
    for (let j = i + 1; j < answers.length; j++) {
      const a = answers[i]!, b = answers[j]!;
      const key = pairKey(a.uid, b.uid);
      const same = digests[i] === digests[j] || meanAbsDiff(a.probs, b.probs, opts.threshold) < opts.threshold;
      if (same) next.set(key, (prev.get(key) ?? 0) + 1);
      else next.delete(key);
    }
  }
  return next;
}

/** Drops the counters of pairs involving any of `uids` (hotkey changed, or deregistered). */
export function dropCopyPairs(prev: CopyCounters, uids: readonly number[]): Map<string, number> {
  const gone = new Set(uids);
  return new Map([...prev].filter(([key]) => { const [a, b] = pairUids(key); return !gone.has(a) && !gone.has(b); }));
}

/**
 * The copies: for every flagged pair, the later-registered uid, mapped to the uid it copies.
 * `registration` gives each current uid's registration block; pairs with an unknown uid are skipped.
 */
export function flaggedCopies(counters: CopyCounters, registration: ReadonlyMap<number, number>, minRounds: number): Map<number, number> {
  const copies = new Map<number, number>();
  for (const [key, count] of [...counters].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (count < minRounds) continue;
    const [a, b] = pairUids(key);
    const ra = registration.get(a), rb = registration.get(b);
    if (ra === undefined || rb === undefined) continue;
    const aFirst = ra < rb || (ra === rb && a < b);
    const [original, copy] = aFirst ? [a, b] : [b, a];
    if (!copies.has(copy)) copies.set(copy, original);
  }
  return copies;
}
