import test from 'ava';
import { I32F32, I64F64, ONE32, fromRatio, toFloat, u16ProportionToFixed } from './fixed.ts';
import { alphaSigmoid, isTopkNonzero, isZero, maskVector, normalize, normalize64, normalizeUsingSum, safeExp, sum, vecMul } from './vec.ts';

test('normalize divides by the sum with truncation; a zero vector is unchanged', (t) => {
  t.deepEqual(normalize([1n << 32n, 1n << 32n, 1n << 32n]), [1_431_655_765n, 1_431_655_765n, 1_431_655_765n]);
  t.deepEqual(normalize([0n, 0n]), [0n, 0n]);
  t.deepEqual(normalizeUsingSum([ONE32, ONE32], 4n * ONE32), [ONE32 / 4n, ONE32 / 4n]);
  t.deepEqual(normalizeUsingSum([5n], 0n), [5n]);
  t.is(sum([1n, 2n, 3n]), 6n);
  t.true(isZero([0n, 0n]));
  t.false(isZero([0n, 1n]));
});

test('normalize64 works in I64F64 (stake)', (t) => {
  const xs = [1n << 64n, 2n << 64n];
  t.deepEqual(normalize64(xs), [fromRatio(I64F64, 1, 3), fromRatio(I64F64, 2, 3)]);
  t.deepEqual(normalize64([0n]), [0n]);
});

test('masks and elementwise products', (t) => {
  t.deepEqual(maskVector([true, false], [5n, 6n]), [0n, 6n]);
  t.deepEqual(vecMul([ONE32 / 2n, 3n], [ONE32 / 2n, ONE32]), [ONE32 / 4n, 3n]);
});

test('top-k non-zero: zeros never pass; ties drop the lower uid first; n < k keeps all non-zero', (t) => {
  t.deepEqual(isTopkNonzero([1n, 2n, 2n, 0n, 2n], 2), [false, false, true, false, true]);
  t.deepEqual(isTopkNonzero([1n, 0n, 3n], 5), [true, false, true]);
  t.deepEqual(isTopkNonzero([0n, 0n, 0n], 2), [false, false, false]);
  // n == k: everything non-zero passes.
  t.deepEqual(isTopkNonzero([4n, 0n, 1n], 3), [true, false, true]);
  // Equal stakes, k = 2 of 4: uids 0 and 1 are dropped.
  t.deepEqual(isTopkNonzero([7n, 7n, 7n, 7n], 2), [false, false, true, true]);
});

test('safe exp clamps its input to [-20, 20] (the series itself: exp.test.ts)', (t) => {
  t.is(safeExp(0n), ONE32);
  t.is(safeExp(100n << 32n), safeExp(20n << 32n));
  t.true(Math.abs(toFloat(I32F32, safeExp(-(1n << 32n))) - Math.exp(-1)) < 1e-8);
});

test('liquid-alpha sigmoid: midpoint exact, extremes approach alpha_low/high (≈1e-9)', (t) => {
  const lo = u16ProportionToFixed(45875);
  const hi = u16ProportionToFixed(58982);
  const steep = 1000n << 32n;
  // w = b = c ⇒ diff 0 ⇒ exponent (−10)(−0.5) = 5 ⇒ σ = 1/(1+e^5) ≈ 0.006693 ⇒ α ≈ lo + 0.006693·(hi − lo).
  const a0 = alphaSigmoid(ONE32 / 2n, ONE32 / 2n, ONE32 / 2n, lo, hi, steep);
  const expect0 = toFloat(I32F32, lo) + (1 / (1 + Math.exp(5))) * toFloat(I32F32, hi - lo);
  t.true(Math.abs(toFloat(I32F32, a0) - expect0) < 1e-8);
  // Buying exactly half above consensus: d = 0.5 ⇒ exponent 0 ⇒ σ = 1/2 exactly ⇒ lo + floor((hi − lo)/2).
  const mid = alphaSigmoid(0n, ONE32 / 2n, 0n, lo, hi, steep);
  t.is(mid, lo + ((hi - lo) >> 1n));
  // Selling everything (w = 0, b = 1): d = 1 ⇒ σ = 1/(1+e^−5) ≈ 0.99331.
  const a1 = alphaSigmoid(0n, 0n, ONE32, lo, hi, steep);
  const expect1 = toFloat(I32F32, lo) + (1 / (1 + Math.exp(-5))) * toFloat(I32F32, hi - lo);
  t.true(Math.abs(toFloat(I32F32, a1) - expect1) < 1e-8);
  t.true(a1 <= hi && a0 >= lo);
});
