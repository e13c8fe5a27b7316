/**
 * The fixed-point `exp` port (substrate-fixed 0.6 behind subtensor's exp_safe). Special cases are
 * pinned to their bits; the series is checked against an exact rational evaluation of the same
 * truncated series (within the ulps its floors and truncations can lose) and shown to differ from
 * the float `exp` the devchain used before where the 31-term truncation or the I9F23 `e` shows.
 */
import test from 'ava';
import { I32F32, ONE32 } from './fixed.ts';
import { FIXED_E, fixedExp, safeExp } from './exp.ts';
import { runEpoch } from '../epoch/epoch.ts';

const ulp = (x: number): bigint => BigInt(Math.round(x * 2 ** 32));

/** Σ_{i=0}^{31} x^i / i! for x = bits / 2^32, exactly (rationals), floored to I32F32 bits. */
function exactTruncatedSeries(bits: bigint): bigint {
  let num = 0n;
  const den = 1n;
  // Common denominator (2^32)^31 · 31!: term_i = bits^i · 2^(32·(31−i)) · 31!/i!.
  let fact31 = 1n;
  for (let i = 2n; i <= 31n; i++) fact31 *= i;
  let fi = 1n;
  for (let i = 0n; i <= 31n; i++) {
    if (i > 0n) fi *= i;
    num += bits ** i * (1n << (32n * (31n - i))) * (fact31 / fi);
  }
  const total = (1n << (32n * 31n)) * fact31 * den;
  return (num << 32n) / total;
}

test("special cases: 0 gives 1, exactly 1 gives the crate's I9F23 constant e, not the series", (t) => {
  t.is(safeExp(0n), ONE32);
  t.is(FIXED_E, 11674931200n);
  t.is(safeExp(ONE32), FIXED_E);
  // The series value for 1 is closer to e than the constant: the special case is observable.
  t.not(fixedExp(ONE32 + 1n)! - 1n, FIXED_E);
  t.true(fixedExp(ONE32 + 1n)! - FIXED_E > 300n);
  // −1 is not special: series for 1 (not the constant), then 1 / s.
  t.not(safeExp(-ONE32), (ONE32 << 32n) / FIXED_E);
});

test('smallest magnitudes: exp(2^-32) = 1 + 2^-32 (later terms floor to 0); exp(−2^-32) = 1 / that, truncated', (t) => {
  t.is(safeExp(1n), ONE32 + 1n);
  t.is(safeExp(-1n), (ONE32 << 32n) / (ONE32 + 1n));
  t.is(safeExp(-1n), ONE32 - 1n);
});

test('clamp to [−20, 20]: beyond it, the value at the bound (as upstream test_math_exp_safe)', (t) => {
  const lo = safeExp(-20n << 32n);
  const hi = safeExp(20n << 32n);
  t.is(safeExp(-21n << 32n), lo);
  t.is(safeExp(I32F32.min), lo);
  t.is(safeExp(21n << 32n), hi);
  t.is(safeExp(I32F32.max), hi);
  t.true(lo > 0n);
});

test('the series is the 31-term one: at 20 it lacks the tail the float exp has (≈ 3.9 million)', (t) => {
  const x = 20n << 32n;
  const exact = exactTruncatedSeries(x);
  const port = safeExp(x);
  // 30 floored products and 30 truncated quotients lose at most a few ulps each, relative to the
  // magnitude of each term (up to 4.3e7): allow 64 ulps of I32F32 times the largest term.
  t.true(exact - port >= 0n && exact - port < 64n * 50_000_000n, `exact ${exact} port ${port}`);
  const float = ulp(Math.exp(20));
  const gap = Number(float - port) / 2 ** 32;
  t.true(gap > 1e6, `float exp(20) exceeds the 31-term series by ${gap}`);
  t.log(`exp(20): port ${Number(port) / 2 ** 32}, float ${Math.exp(20)}`);
});

test('across (0, 20] the port stays within the carried rounding of the exact truncated series (positive inputs) and never exceeds it', (t) => {
  for (let k = 1; k <= 200; k++) {
    const bits = BigInt(Math.floor(k * 0.1 * 2 ** 32)) + BigInt(k * 7919);
    const exact = exactTruncatedSeries(bits);
    const port = fixedExp(bits)!;
    t.true(port <= exact, `x=${bits}`);
    // A lost ulp in term i is carried into later terms scaled by x^k/k!: at most about 2·e^x ulps.
    t.true(exact - port <= 64n + 2n * (exact >> 32n), `x=${bits}: exact ${exact} port ${port}`);
  }
});

test('through the epoch: a Yuma3 liquid-alpha epoch (steepness 200, exponent exactly 1 ⇒ the I9F23 e) pays validator 0 one rao less than the float exp did', (t) => {
  const FULL = 65535;
  const out = runEpoch({
    n: 4,
    currentBlock: 1000,
    tempo: 100,
    activityCutoff: 5000,
    lastUpdate: [1000, 1000, 0, 0],
    blockAtRegistration: [0, 0, 0, 0],
    alphaStake: [3_000_000_000n, 1_000_000_000n, 0n, 0n],
    validatorPermit: [true, true, false, false],
    maxAllowedValidators: 2,
    weights: [
      [[2, FULL]],
      [
        [2, FULL],
        [3, FULL],
      ],
    ],
    bonds: [[[2, 30000]], [[3, 20000]]],
    yuma3On: true,
    liquidAlphaOn: true,
    alphaValues: [6553, 58982],
    alphaSigmoidSteepness: 200,
    raoEmission: 1_000_000_000n,
  });
  // Float exp gave 461445568; the series with the crate's constant e gives one rao less.
  t.deepEqual(out.validatorEmission, [461445567n, 38554431n, 0n, 0n]);
  t.deepEqual(out.bonds.slice(0, 2), [[[2, 41198]], [[2, 10326]]]);
});
