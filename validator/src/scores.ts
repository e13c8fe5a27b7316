/**
 * Per-uid moving averages of loss and availability.
 *
 * The first observation of a uid sets its EMA to that value (no pull towards an arbitrary prior);
 * later ones apply `ema = alpha * x + (1 - alpha) * ema`. Only uids actually queried in a round are
 * updated. An entry belongs to the hotkey that earned it: when a uid changes hands, it starts over.
 */

/** The memory kept for one uid. */
export interface ScoreEntry {
  /** Hotkey that earned this history (SS58). */
  hotkey: string;
  /** EMA of the per-round loss. */
  emaLoss: number;
  /** EMA of availability (1 = answered usefully, 0 = did not). */
  availability: number;
  /** Number of rounds folded into this entry. */
  rounds: number;
}

/** Scores by uid. Treated as immutable: updates return a new map. */
export type Scores = ReadonlyMap<number, ScoreEntry>;

/** One round's observation for one queried uid. */
export interface RoundObservation {
  uid: number;
  hotkey: string;
  loss: number;
  available: boolean;
}

/** Smoothing factors, each in (0, 1]. */
export interface EmaOptions {
  /** Weight of the newest loss; default 0.1 in the config. */
  alpha: number;
  /** Weight of the newest availability sample. */
  availabilityAlpha: number;
}

/** One EMA step; `prev` undefined means first observation. */
export function emaStep(prev: number | undefined, x: number, alpha: number): number {
  return prev === undefined ? x : alpha * x + (1 - alpha) * prev;
}

/**
 * Folds one round's observations into the scores. Uids not observed keep their entry unchanged;
 * an observation whose hotkey differs from the stored one replaces the entry (a new owner).
 */
export function updateScores(prev: Scores, observations: readonly RoundObservation[], opts: EmaOptions): Map<number, ScoreEntry> {
  const next = new Map(prev);
  for (const o of observations) {
    const old = prev.get(o.uid);
    const same = old !== undefined && old.hotkey === o.hotkey ? old : undefined;
    next.set(o.uid, {
      hotkey: o.hotkey,
      emaLoss: emaStep(same?.emaLoss, o.loss, opts.alpha),
      availability: emaStep(same?.availability, o.available ? 1 : 0, opts.availabilityAlpha),
      rounds: (same?.rounds ?? 0) + 1,
    });
  }
  return next;
}

/**
 * Drops the state of every uid whose hotkey changed between `oldHotkeys` and `newHotkeys` or that
 * left the metagraph. Generic so it serves scores and any other per-uid memory.
 * Returns the kept entries and the uids that were reset (sorted).
 */
export function reconcileHotkeys<T>(
  prev: ReadonlyMap<number, T>,
  oldHotkeys: ReadonlyMap<number, string>,
  newHotkeys: ReadonlyMap<number, string>,
): { kept: Map<number, T>; reset: number[] } {
  const kept = new Map<number, T>();
  const reset: number[] = [];
  for (const [uid, value] of prev) {
    const now = newHotkeys.get(uid);
    if (now !== undefined && now === oldHotkeys.get(uid)) kept.set(uid, value);
    else reset.push(uid);
  }
  return { kept, reset: reset.sort((a, b) => a - b) };
}

/** The hotkey each score entry was earned by, for `reconcileHotkeys`. */
export function hotkeysOf(scores: Scores): Map<number, string> {
  return new Map([...scores].map(([uid, e]) => [uid, e.hotkey]));
}
