/**
 * Registration burn price model (spec ≥ 411, subtensor-api.md §9 items 6–7): per-block
 * exponential decay by a Q32 factor `f` and a multiplicative bump (U64F64) per registration,
 * both clamped to [MinBurn, MaxBurn].
 */
import { U64_MAX } from './fixed.ts';

const Q32_ONE = 1n << 32n;
const Q32_HALF = 1n << 31n;

/** `base^exp` in Q32 by repeated squaring, truncating after every product. */
export function powQ32(base: bigint, exp: number): bigint {
  let result = Q32_ONE;
  let b = base;
  let e = exp;
  while (e > 0) {
    if (e & 1) result = (result * b) >> 32n;
    e >>>= 1;
    if (e > 0) b = (b * b) >> 32n;
  }
  return result;
}

/**
 * Per-block decay factor: the largest Q32 `f` in [0, 1] with `powQ32(f, halfLife) ≤ 0.5`, found by
 * binary search. Half-life 0 ⇒ 1.0 (no decay).
 */
export function burnDecayFactor(halfLife: number): bigint {
  if (!Number.isInteger(halfLife) || halfLife < 0 || halfLife > 65535) {
    throw new RangeError(`burnDecayFactor: expected halfLife to be a u16, found ${String(halfLife)}`);
  }
  if (halfLife === 0) return Q32_ONE;
  let lo = 0n;
  let hi = Q32_ONE;
  // Invariant: powQ32(lo) ≤ 0.5 < powQ32(hi) (powQ32(1) = 1 > 0.5).
  while (hi - lo > 1n) {
    const mid = (lo + hi) >> 1n;
    if (powQ32(mid, halfLife) <= Q32_HALF) lo = mid;
    else hi = mid;
  }
  return lo;
}

function clamp(x: bigint, min: bigint, max: bigint): bigint {
  return x < min ? min : x > max ? max : x;
}

/** One block of decay: `clamp(floor(burn · f / 2^32), minBurn, maxBurn)`. */
export function decayBurn(burn: bigint, factor: bigint, minBurn = 0n, maxBurn = U64_MAX): bigint {
  return clamp((burn * factor) >> 32n, minBurn, maxBurn);
}

/** One registration: `clamp(floor(burn · mult), minBurn, maxBurn)`, `mult` as U64F64 raw bits. */
export function bumpBurn(burn: bigint, multU64F64: bigint, minBurn = 0n, maxBurn = U64_MAX): bigint {
  return clamp((burn * multU64F64) >> 64n, minBurn, maxBurn);
}
