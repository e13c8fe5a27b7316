/**
 * Dense vector helpers over raw fixed-point bits (`bigint`), I32F32 unless the name says otherwise.
 * Each mirrors one helper of subtensor's epoch math with the same truncation points.
 */
import { I64F64, ONE32, add32, div, div32, mul32, sub32 } from './fixed.ts';
import { safeExp } from './exp.ts';

export { safeExp };

/** Plain (saturating) sum of I32F32 values. */
export function sum(xs: readonly bigint[]): bigint {
  let s = 0n;
  for (const x of xs) s = add32(s, x);
  return s;
}

/** True when every element is zero. */
export function isZero(xs: readonly bigint[]): boolean {
  return xs.every((x) => x === 0n);
}

/** `x_i / Σx` (each division truncated); unchanged when Σx = 0. Returns a new vector. */
export function normalize(xs: readonly bigint[]): bigint[] {
  const s = sum(xs);
  if (s === 0n) return xs.slice();
  return xs.map((x) => div32(x, s));
}

/** `x_i / total` with a given total; unchanged when total = 0. */
export function normalizeUsingSum(xs: readonly bigint[], total: bigint): bigint[] {
  if (total === 0n) return xs.slice();
  return xs.map((x) => div32(x, total));
}

/** I64F64 normalization (stake): plain sum (saturating), each element divided and truncated. */
export function normalize64(xs: readonly bigint[]): bigint[] {
  let s = 0n;
  for (const x of xs) s += x;
  if (s > I64F64.max) s = I64F64.max;
  if (s === 0n) return xs.slice();
  return xs.map((x) => div(I64F64, x, s));
}

/** Zero the entries whose mask is true. */
export function maskVector(mask: readonly boolean[], xs: readonly bigint[]): bigint[] {
  return xs.map((x, i) => (mask[i] ? 0n : x));
}

/** Elementwise product (each truncated). */
export function vecMul(a: readonly bigint[], b: readonly bigint[]): bigint[] {
  return a.map((x, i) => mul32(x, b[i] ?? 0n));
}

/**
 * `is_topk_nonzero`: true for non-zero entries; then, if `n ≥ k`, the `n − k` smallest entries
 * (stable ascending sort, so among equal values the lower index is dropped first) are cleared.
 */
export function isTopkNonzero(xs: readonly bigint[], k: number): boolean[] {
  const n = xs.length;
  const result = xs.map((x) => x !== 0n);
  if (n < k) return result;
  const idx = Array.from({ length: n }, (_, i) => i);
  idx.sort((a, b) => {
    const xa = xs[a]!;
    const xb = xs[b]!;
    return xa < xb ? -1 : xa > xb ? 1 : a - b;
  });
  for (let r = 0; r < n - k; r++) result[idx[r]!] = false;
  return result;
}

/** Clamp an I32F32 value to [lo, hi]. */
export function clamp32(x: bigint, lo: bigint, hi: bigint): bigint {
  return x < lo ? lo : x > hi ? hi : x;
}

const HALF = ONE32 >> 1n;
const MINUS_100 = -100n << 32n;
/**
 * Yuma3 liquid alpha for one (i, j) (§8 step 12):
 * `d = clamp(w − c, 0, 1)` if `w ≥ b` else `clamp(b − w, 0, 1)`;
 * `σ = 1 / (1 + exp((steepness / −100) · (d − 0.5)))`;
 * `α = clamp(lo + σ·(hi − lo), lo, hi)`. All steps I32F32, `exp` included (see {@link safeExp}).
 */
export function alphaSigmoid(
  consensus: bigint,
  weight: bigint,
  bond: bigint,
  alphaLow: bigint,
  alphaHigh: bigint,
  steepness: bigint,
): bigint {
  const diffBuy = clamp32(sub32(weight, consensus), 0n, ONE32);
  const diffSell = clamp32(sub32(bond, weight), 0n, ONE32);
  const combined = weight >= bond ? diffBuy : diffSell;
  const exponent = mul32(div32(steepness, MINUS_100), sub32(combined, HALF));
  const sigmoid = div32(ONE32, add32(ONE32, safeExp(exponent)));
  const alpha = add32(alphaLow, mul32(sigmoid, sub32(alphaHigh, alphaLow)));
  return clamp32(alpha, alphaLow, alphaHigh);
}
