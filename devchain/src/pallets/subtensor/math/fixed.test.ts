import test from 'ava';
import {
  I32F32,
  I64F64,
  I96F32,
  ONE32,
  U64F64,
  add,
  add32,
  convert,
  div,
  div32,
  fromF32,
  fromFloat,
  fromInt,
  fromRatio,
  mul,
  mul32,
  proportionOfAmount,
  roundHalfAway,
  sub,
  sub32,
  toFloat,
  toInt,
  toU16Proportion,
  toU64,
  u16ProportionToFixed,
} from './fixed.ts';

test('int → fixed is exact and saturates at the type bounds', (t) => {
  t.is(fromInt(I32F32, 3), 3n << 32n);
  t.is(fromInt(I32F32, -2), -(2n << 32n));
  t.is(fromInt(I32F32, 1n << 40n), I32F32.max);
  t.is(fromInt(I64F64, 5), 5n << 64n);
  t.is(fromInt(U64F64, -1), 0n);
});

test('from ratio truncates: 1/3 = floor(2^32/3); x/0 = 0 (safe div)', (t) => {
  t.is(fromRatio(I32F32, 1, 3), 1_431_655_765n);
  t.is(fromRatio(I32F32, 2, 3), 2_863_311_530n);
  t.is(fromRatio(I32F32, 7, 0), 0n);
  t.is(fromRatio(I64F64, 1, 3), 6_148_914_691_236_517_205n);
  t.is(div32(ONE32, 0n), 0n);
});

test('mul is the floor of the double-width product, div truncates toward zero', (t) => {
  // (1431655765^2) >> 32
  t.is(mul32(1_431_655_765n, 1_431_655_765n), 477_218_588n);
  t.is(mul(I32F32, 1_431_655_765n, 1_431_655_765n), 477_218_588n);
  // Floor for negatives: -2^-32 · 2^-32 ... (-1 · 1) >> 32 = -1, not 0.
  t.is(mul32(-1n, 1n), -1n);
  t.is(mul32(-(3n << 31n), 1n << 31n), -(3n << 30n));
  // Division truncates toward zero: (-1 << 32) / (3 << 32) = 0 and -(2^32)/3 → -1431655765.
  t.is(div32(-1n, 3n << 32n), 0n);
  t.is(div32(-ONE32, 3n << 32n), -1_431_655_765n);
  t.is(div(I64F64, 1n << 64n, 3n << 64n), 6_148_914_691_236_517_205n);
});

test('saturating add / sub / mul clamp at the bounds', (t) => {
  t.is(add32(I32F32.max, 1n), I32F32.max);
  t.is(sub32(I32F32.min, 1n), I32F32.min);
  t.is(mul32(I32F32.max, 2n << 32n), I32F32.max);
  t.is(mul32(I32F32.max, -(2n << 32n)), I32F32.min);
  t.is(add(U64F64, U64F64.max, 1n), U64F64.max);
  t.is(sub(U64F64, 0n, 1n), 0n);
});

test('fixed → narrower fixed and fixed → int truncate (floor)', (t) => {
  t.is(convert(I64F64, I32F32, fromRatio(I64F64, 1, 3)), 1_431_655_765n);
  // BondsMovingAverage 900_000 / 1e6 in I64F64, truncated to I32F32 (not rounded: 0.9·2^32 = 3865470566.4).
  t.is(convert(I64F64, I32F32, fromRatio(I64F64, 900_000, 1_000_000)), 3_865_470_566n);
  t.is(convert(I32F32, I64F64, 5n), 5n << 32n);
  t.is(convert(I32F32, I96F32, -7n), -7n);
  t.is(toInt(I32F32, (7n << 32n) + 4_000_000_000n), 7n);
  t.is(toU64(I96F32, -1n), 0n);
  t.is(toU64(I96F32, I96F32.max), (1n << 64n) - 1n);
});

test('float literal → fixed rounds to nearest, ties to even; f32 literals differ from f64', (t) => {
  t.is(fromFloat(I32F32, 0.1), 429_496_730n); // 0.1·2^32 = 429496729.6
  t.is(fromF32(I32F32, 0.1), 429_496_736n); // 0.1f32 = 13421773·2^-27 ⇒ exactly 429496736
  t.is(fromFloat(I32F32, 2 ** -33), 0n); // exactly half an ulp ⇒ even (0)
  t.is(fromFloat(I32F32, 3 * 2 ** -33), 2n); // 1.5 ulp ⇒ 2
  t.is(fromFloat(I32F32, 5 * 2 ** -33), 2n); // 2.5 ulp ⇒ 2
  t.is(fromFloat(I32F32, -3 * 2 ** -33), -2n);
  t.is(fromFloat(I32F32, 1e30), I32F32.max);
  t.is(fromFloat(U64F64, 1.26), 23_242_897_532_874_035_200n);
  t.throws(() => fromFloat(I32F32, Number.NaN), { message: /finite number, found NaN/ });
});

test('round() is nearest with ties away from zero', (t) => {
  t.is(roundHalfAway(I32F32, (5n << 32n) / 2n), 3n << 32n);
  t.is(roundHalfAway(I32F32, -((5n << 32n) / 2n)), -(3n << 32n));
  t.is(roundHalfAway(I32F32, (5n << 32n) / 2n - 1n), 2n << 32n);
  t.is(roundHalfAway(I32F32, 0n), 0n);
});

test('u16 proportions: floor(x · 65535) saturating, and u16 / 65535 back', (t) => {
  t.is(toU16Proportion(ONE32), 65535);
  t.is(toU16Proportion(ONE32 / 2n), 32767);
  t.is(toU16Proportion(3n * ONE32), 65535);
  t.is(toU16Proportion(-5n), 0);
  t.is(toU16Proportion(9_586_980n), 146); // 2^32/448 ⇒ 146.28 floored
  t.is(u16ProportionToFixed(65535), ONE32);
  t.is(u16ProportionToFixed(32767), 2_147_450_879n); // Kappa default
  t.is(u16ProportionToFixed(0), 0n);
});

test('rao amount of a proportion: floor(I96F32(x) · amount)', (t) => {
  t.is(proportionOfAmount(429_496_729n, 1_000_000_000n), 99_999_999n);
  t.is(proportionOfAmount(ONE32 / 4n, 1_000_000_000n), 250_000_000n);
  t.is(proportionOfAmount(ONE32, (1n << 64n) - 1n), (1n << 64n) - 1n);
  t.is(toFloat(I32F32, ONE32 / 4n), 0.25);
});
