/**
 * Prize vector from a competition's schedule, and its u16 form for `set_weights`.
 *
 * Schedules (the `prize` field of `configs/competitions/<id>.json`):
 * - `{ type: 'table', shares: [0.5, 0.3, 0.2] }`: place i gets shares[i];
 * - `{ type: 'power', exponent: 0.75, topK: 10 }`: place r (1-based) gets r^-exponent, for r <= topK.
 * Only places that have a miner are paid, and the paid shares are renormalised to sum 1 (with two
 * miners and the table above they get 0.625 and 0.375): the validator's whole weight always goes
 * to real miners.
 *
 * Quantisation choice: max-upscale, like the chain (subtensor-api.md §2.1): the largest prize
 * becomes 65535 and the others `round(p / max * 65535)`. The chain would upscale a sum-normalised
 * vector the same way, so this only keeps the most precision on the wire.
 */

/** A prize schedule. */
export type PrizeSchedule = { type: 'table'; shares: number[] } | { type: 'power'; exponent: number; topK: number };

/** Raw (unnormalised) share of each place, best first, as long as the schedule pays. */
export function placeShares(schedule: PrizeSchedule): number[] {
  if (schedule.type === 'table') return [...schedule.shares];
  return Array.from({ length: schedule.topK }, (_, i) => (i + 1) ** -schedule.exponent);
}

/** Prize of each ranked uid (best first), normalised over the paid places; unpaid uids get 0. */
export function prizeVector(rankedUids: readonly number[], schedule: PrizeSchedule): Map<number, number> {
  const shares = placeShares(schedule);
  const paid = Math.min(shares.length, rankedUids.length);
  let total = 0;
  for (let i = 0; i < paid; i++) total += shares[i]!;
  const prizes = new Map<number, number>();
  rankedUids.forEach((uid, i) => prizes.set(uid, i < paid && total > 0 ? shares[i]! / total : 0));
  return prizes;
}

/** The u16 vectors for `set_weights` / `reveal_weights`, sorted by uid. */
export interface U16Weights {
  uids: number[];
  weights: number[];
}

/** Where filler entries may come from and who we are. */
export interface U16Options {
  /** The subnet's MinAllowedWeights. */
  minAllowedWeights: number;
  /** Every registered uid (SubnetworkN entries), for filling up to the minimum length. */
  registeredUids: readonly number[];
  /** The validator's own uid (never weighted unless nothing else is possible). */
  ownUid: number | undefined;
}

export const U16_MAX = 65535;

/** Max-upscale of non-negative prizes to u16; zeros and non-finite values become 0. */
export function quantiseU16(values: readonly number[]): number[] {
  const max = Math.max(0, ...values.filter(Number.isFinite));
  return values.map((v) => (max > 0 && Number.isFinite(v) && v > 0 ? Math.round((v / max) * U16_MAX) : 0));
}

/**
 * Quantises prizes to u16 weights: non-zero entries only, plus explicit zero entries for further
 * uids (lowest uid first, self last) until `min(MinAllowedWeights, N)` entries are present. When no
 * uid other than ourselves earns anything, the result is a self-weight `[(ownUid, 65535)]`, the only
 * vector the chain accepts without a permit and ignores in the epoch.
 */
export function toU16Weights(prizes: ReadonlyMap<number, number>, opts: U16Options): U16Weights {
  const others = [...prizes].filter(([uid]) => uid !== opts.ownUid);
  const q = quantiseU16(others.map(([, p]) => p));
  const chosen = new Map<number, number>();
  others.forEach(([uid], i) => {
    if (q[i]! > 0) chosen.set(uid, q[i]!);
  });
  if (chosen.size === 0) return opts.ownUid === undefined ? { uids: [], weights: [] } : { uids: [opts.ownUid], weights: [U16_MAX] };
  const need = Math.min(opts.minAllowedWeights, opts.registeredUids.length);
  const fillers = [...opts.registeredUids].sort((a, b) => a - b).filter((u) => u !== opts.ownUid);
  if (opts.ownUid !== undefined && opts.registeredUids.includes(opts.ownUid)) fillers.push(opts.ownUid);
  for (const uid of fillers) {
    if (chosen.size >= need) break;
    if (!chosen.has(uid)) chosen.set(uid, 0);
  }
  const uids = [...chosen.keys()].sort((a, b) => a - b);
  return { uids, weights: uids.map((u) => chosen.get(u)!) };
}
