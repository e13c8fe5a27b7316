/**
 * `exp` on I32F32 exactly as subtensor computes it: substrate-fixed 0.6's `transcendental::exp`
 * (operand and result I32F32) behind subtensor's `exp_safe` clamp. Bit-exact port; the algorithm:
 * - exactly 0 → 1; exactly 1 → the crate's constant e, which is stored with 23 fractional bits
 *   (I9F23, truncated: 22802600 / 2^23 ≈ 2.7182817), not the series value;
 * - a negative operand is negated, the series computed for |x|, and the result inverted (1 / s);
 * - series `s = 1 + x + Σ_{i=2}^{31} t_i` with `t_1 = x`, `t_i = (t_{i−1} · x) / i`: every product
 *   floored to I32F32, every quotient truncated (all values are positive here);
 * - any overflow makes the crate return an error, which `exp_safe` maps to 0 (input ≤ 0) or the
 *   largest I32F32 (input > 0). Inside the clamp [−20, 20] no step overflows (e^20 < 2^31).
 */
import { ONE32, I32F32 } from './fixed.ts';

/** Terms run for i in 2..frac_bits (exclusive): 2..=31 for I32F32. */
const LAST_TERM = 31n;
/** substrate-fixed's `E` (I9F23 bits 22802600) widened to I32F32. */
export const FIXED_E = 22802600n << 9n;
const LIMIT = 20n << 32n;

const fits = (bits: bigint): boolean => bits >= I32F32.min && bits <= I32F32.max;

/** substrate-fixed `exp::<I32F32, I32F32>`: the result bits, or null where the crate returns Err. */
export function fixedExp(x: bigint): bigint | null {
  if (x === 0n) return ONE32;
  if (x === ONE32) return FIXED_E;
  const neg = x < 0n;
  const operand = neg ? -x : x;
  if (!fits(operand)) return null; // checked_neg of the minimum
  let result = operand + ONE32;
  if (!fits(result)) return null;
  let term = operand;
  for (let i = 2n; i <= LAST_TERM; i++) {
    term = (term * operand) >> 32n;
    if (!fits(term)) return null;
    term = term / i; // (term << 32) / (i << 32), truncated
    result += term;
    if (!fits(result)) return null;
  }
  if (!neg) return result;
  return (ONE32 << 32n) / result; // 1 / result, truncated; result ≥ 1 so never overflows
}

/** subtensor `exp_safe`: input clamped to [−20, 20], then {@link fixedExp}; an error maps to 0 or max. */
export function safeExp(x: bigint): bigint {
  const clamped = x < -LIMIT ? -LIMIT : x > LIMIT ? LIMIT : x;
  const out = fixedExp(clamped);
  if (out !== null) return out;
  return clamped <= 0n ? 0n : I32F32.max;
}
