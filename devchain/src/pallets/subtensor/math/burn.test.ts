import test from 'ava';
import { U64F64, fromFloat, fromRatio } from './fixed.ts';
import { bumpBurn, burnDecayFactor, decayBurn, powQ32 } from './burn.ts';

test('decay factor is the largest Q32 f with f^halfLife ≤ 0.5 (truncating repeated squaring)', (t) => {
  t.is(burnDecayFactor(0), 1n << 32n);
  t.is(burnDecayFactor(1), 1n << 31n);
  t.is(burnDecayFactor(2), 3_037_000_500n);
  t.is(burnDecayFactor(360), 4_286_705_684n);
  for (const h of [1, 2, 3, 7, 360, 7200, 65535]) {
    const f = burnDecayFactor(h);
    t.true(powQ32(f, h) <= 1n << 31n, `half-life ${h}`);
    t.true(powQ32(f + 1n, h) > 1n << 31n, `half-life ${h} is maximal`);
  }
  t.throws(() => burnDecayFactor(-1), { message: /halfLife to be a u16, found -1/ });
});

test('Q32 power truncates after every product', (t) => {
  t.is(powQ32(1n << 31n, 3), 1n << 29n);
  t.is(powQ32(3n << 30n, 0), 1n << 32n);
  // (0.75)^2 = 0.5625 exactly; (2^32 − 1)^2 >> 32 = 2^32 − 2.
  t.is(powQ32(3n << 30n, 2), (9n << 60n) >> 32n);
  t.is(powQ32((1n << 32n) - 1n, 2), (1n << 32n) - 2n);
});

test('decay: floor(burn · f / 2^32), clamped to [min, max]', (t) => {
  const f = burnDecayFactor(360);
  t.is(decayBurn(1_000_000_000n, f), (1_000_000_000n * 4_286_705_684n) >> 32n);
  t.is(decayBurn(1_000_000_000n, f), 998_076_443n);
  t.is(decayBurn(500_000n, f, 500_000n, 100_000_000_000n), 500_000n);
  // 360 blocks of decay roughly halve the price.
  let burn = 1_000_000_000n;
  for (let i = 0; i < 360; i++) burn = decayBurn(burn, f);
  t.true(burn <= 500_000_000n && burn > 499_990_000n, `after one half-life: ${burn}`);
});

test('bump: floor(burn · mult) with mult as U64F64, clamped', (t) => {
  // 1.26 as an f64 literal rounds slightly above 1.26 ⇒ exactly 1.26e9; the truncated ratio 126/100 is below.
  t.is(bumpBurn(1_000_000_000n, fromFloat(U64F64, 1.26)), 1_260_000_000n);
  t.is(bumpBurn(1_000_000_000n, fromRatio(U64F64, 126, 100)), 1_259_999_999n);
  t.is(bumpBurn(90_000_000_000n, fromFloat(U64F64, 1.26), 0n, 100_000_000_000n), 100_000_000_000n);
  t.is(bumpBurn(10n, 1n << 64n, 500n), 500n);
});
