/**
 * Fixed-point numbers as subtensor uses them (`substrate-fixed`), represented by their raw bits
 * in a `bigint`. A value `x` of format `F` with `f` fractional bits is stored as `bits = x · 2^f`.
 *
 * Bit-compatibility rules (subtensor-api.md §0):
 *  - mul: floor of the double-width product shifted right by `f` (arithmetic shift, so toward −∞);
 *  - div: `(a << f) / b` with integer division truncating toward zero; divisor 0 ⇒ 0 ("safe div");
 *  - fixed → narrower fixed and fixed → int drop bits with an arithmetic shift (floor);
 *  - int → fixed is exact; float → fixed rounds to nearest, ties to even;
 *  - every helper here saturates at the format's bounds instead of wrapping.
 */

export interface FixedFormat {
  readonly name: string;
  /** Number of fractional bits. */
  readonly frac: bigint;
  /** Smallest and largest raw bit pattern. */
  readonly min: bigint;
  readonly max: bigint;
}

function signed(name: string, intBits: number, fracBits: number): FixedFormat {
  const total = BigInt(intBits + fracBits);
  return { name, frac: BigInt(fracBits), min: -(1n << (total - 1n)), max: (1n << (total - 1n)) - 1n };
}
function unsigned(name: string, intBits: number, fracBits: number): FixedFormat {
  const total = BigInt(intBits + fracBits);
  return { name, frac: BigInt(fracBits), min: 0n, max: (1n << total) - 1n };
}

export const I32F32: FixedFormat = signed('I32F32', 32, 32);
export const I64F64: FixedFormat = signed('I64F64', 64, 64);
export const U64F64: FixedFormat = unsigned('U64F64', 64, 64);
export const I96F32: FixedFormat = signed('I96F32', 96, 32);
export const U96F32: FixedFormat = unsigned('U96F32', 96, 32);

/** Raw bits of 1 in I32F32. */
export const ONE32 = 1n << 32n;
export const U16_MAX = 65535n;
export const U64_MAX = (1n << 64n) - 1n;

/** Clamp raw bits to the bounds of `fmt`. */
export function saturate(fmt: FixedFormat, bits: bigint): bigint {
  if (bits > fmt.max) return fmt.max;
  if (bits < fmt.min) return fmt.min;
  return bits;
}

/** Integer → fixed (exact, saturating). */
export function fromInt(fmt: FixedFormat, n: bigint | number): bigint {
  return saturate(fmt, BigInt(n) << fmt.frac);
}

/** `num / den` as fixed: `fromInt(num) / fromInt(den)` with safe division (0 when den = 0). */
export function fromRatio(fmt: FixedFormat, num: bigint | number, den: bigint | number): bigint {
  return div(fmt, fromInt(fmt, num), fromInt(fmt, den));
}

/** Multiplication: floor((a·b) >> frac), saturating. */
export function mul(fmt: FixedFormat, a: bigint, b: bigint): bigint {
  return saturate(fmt, (a * b) >> fmt.frac);
}

/** Division: `(a << frac) / b` truncated toward zero; 0 when `b = 0`; saturating. */
export function div(fmt: FixedFormat, a: bigint, b: bigint): bigint {
  if (b === 0n) return 0n;
  return saturate(fmt, (a << fmt.frac) / b);
}

export function add(fmt: FixedFormat, a: bigint, b: bigint): bigint {
  return saturate(fmt, a + b);
}
export function sub(fmt: FixedFormat, a: bigint, b: bigint): bigint {
  return saturate(fmt, a - b);
}

/** Fixed → fixed of another format: drops (arithmetic shift) or appends fractional bits; saturating. */
export function convert(from: FixedFormat, to: FixedFormat, bits: bigint): bigint {
  const shifted = to.frac >= from.frac ? bits << (to.frac - from.frac) : bits >> (from.frac - to.frac);
  return saturate(to, shifted);
}

/** Fixed → integer, floor (= truncation for the non-negative values of the epoch). Not saturating. */
export function toInt(fmt: FixedFormat, bits: bigint): bigint {
  return bits >> fmt.frac;
}

/** Fixed → u64 with saturation (`saturating_to_num::<u64>()`). */
export function toU64(fmt: FixedFormat, bits: bigint): bigint {
  const v = bits >> fmt.frac;
  if (v < 0n) return 0n;
  return v > U64_MAX ? U64_MAX : v;
}

/** `.round()`: nearest integer-valued fixed, ties away from zero (result still in fixed bits). */
export function roundHalfAway(fmt: FixedFormat, bits: bigint): bigint {
  const half = 1n << (fmt.frac - 1n);
  const mask = (1n << fmt.frac) - 1n;
  if (bits >= 0n) return saturate(fmt, (bits + half) & ~mask);
  return saturate(fmt, -((-bits + half) & ~mask));
}

/** Exact value of a finite float scaled by 2^frac, rounded to nearest integer with ties to even. */
function roundFloatScaled(value: number, frac: bigint): bigint {
  if (!Number.isFinite(value)) {
    throw new RangeError(`fixed-point conversion expected a finite number, found ${value}`);
  }
  // Multiplying by a power of two is exact for doubles (barring overflow, handled by saturation).
  const scaled = value * 2 ** Number(frac);
  if (!Number.isFinite(scaled)) return value > 0 ? 1n << 200n : -(1n << 200n);
  const fl = Math.floor(scaled);
  const rest = scaled - fl; // exact: both are doubles within one ulp range
  let r = fl;
  if (rest > 0.5) r = fl + 1;
  else if (rest === 0.5) r = BigInt(fl) % 2n === 0n ? fl : fl + 1;
  return BigInt(r);
}

/** Float (f64) literal → fixed, round to nearest ties even, saturating. */
export function fromFloat(fmt: FixedFormat, value: number): bigint {
  return saturate(fmt, roundFloatScaled(value, fmt.frac));
}

/** f32 literal → fixed: `value` is first rounded to single precision (as a Rust `0.1_f32` literal). */
export function fromF32(fmt: FixedFormat, value: number): bigint {
  return fromFloat(fmt, Math.fround(value));
}

/** Fixed → float (approximate; for logs and tests). */
export function toFloat(fmt: FixedFormat, bits: bigint): number {
  const intPart = bits >> fmt.frac;
  const fracPart = bits - (intPart << fmt.frac);
  return Number(intPart) + Number(fracPart) / 2 ** Number(fmt.frac);
}

// ---- I32F32 fast paths (the epoch's working type) -------------------------------------------

const I32_MIN = I32F32.min;
const I32_MAX = I32F32.max;

/** I32F32 multiplication: floor((a·b) >> 32), saturating. */
export function mul32(a: bigint, b: bigint): bigint {
  const r = (a * b) >> 32n;
  return r > I32_MAX ? I32_MAX : r < I32_MIN ? I32_MIN : r;
}

/** I32F32 safe division: `(a << 32) / b` truncated toward zero, 0 when b = 0, saturating. */
export function div32(a: bigint, b: bigint): bigint {
  if (b === 0n) return 0n;
  const r = (a << 32n) / b;
  return r > I32_MAX ? I32_MAX : r < I32_MIN ? I32_MIN : r;
}

/** I32F32 saturating addition / subtraction. */
export function add32(a: bigint, b: bigint): bigint {
  const r = a + b;
  return r > I32_MAX ? I32_MAX : r < I32_MIN ? I32_MIN : r;
}
export function sub32(a: bigint, b: bigint): bigint {
  const r = a - b;
  return r > I32_MAX ? I32_MAX : r < I32_MIN ? I32_MIN : r;
}

/** u16 → I32F32 (exact). */
export function fromU16(v: number): bigint {
  return BigInt(v) << 32n;
}

/**
 * "u16 proportion" → I32F32: `I32F32(v) / I32F32(65535)` (truncating division).
 * 65535 maps to exactly 1.
 */
export function u16ProportionToFixed(v: number): bigint {
  return div32(BigInt(v) << 32n, U16_MAX << 32n);
}

/**
 * I32F32 → u16 proportion: `floor(x · 65535)` (the product truncated, then the integer part),
 * saturating to [0, 65535].
 */
export function toU16Proportion(x: bigint): number {
  const v = mul32(x, U16_MAX << 32n) >> 32n;
  if (v <= 0n) return 0;
  return v >= U16_MAX ? 65535 : Number(v);
}

/** I32F32 proportion × u64 amount, as the epoch does it: `floor(I96F32(x) · amount)` saturating u64. */
export function proportionOfAmount(x: bigint, amount: bigint): bigint {
  const bits = mul(I96F32, x, saturate(I96F32, amount << 32n));
  return toU64(I96F32, bits);
}
