/**
 * Compatibility test vectors TV1, TV2, TV4 (subtensor-api.md §11), reproduced exactly.
 * Common setup: TaoWeight 0, StakeThreshold 0, CR off, classic Yuma, Kappa 32767,
 * BondsMovingAverage 900_000, BondsPenalty 65535, LastMechansimStepBlock 0, epoch emission 1e9.
 */
import test from 'ava';
import { runEpoch, type EpochInput, type EpochOutput } from './epoch.ts';

const RAO = 1_000_000_000n;

function fill<T>(n: number, v: T): T[] {
  return Array.from({ length: n }, () => v);
}

test('TV1 test_10_graph: self-weights only, no permits ⇒ zero consensus/dividends, emission by stake', (t) => {
  const n = 10;
  const out = runEpoch({
    n,
    currentBlock: 1,
    tempo: 360,
    activityCutoff: 5000,
    lastUpdate: fill(n, 1),
    blockAtRegistration: fill(n, 1),
    alphaStake: fill(n, 1n),
    validatorPermit: fill(n, false),
    maxAllowedValidators: 64,
    weights: Array.from({ length: n }, (_, i) => [[i, 65535] as const]),
    bonds: [],
    raoEmission: RAO,
  });
  t.deepEqual(out.consensus, fill(n, 0));
  t.deepEqual(out.incentive, fill(n, 0));
  t.deepEqual(out.dividends, fill(n, 0));
  t.deepEqual(out.emission, fill(n, 99_999_999n));
  // Fallback ve = stake = floor(2^32 / 10) / 2^32.
  t.deepEqual(out.fixed.validatorProportion, fill(n, 429_496_729n));
  t.deepEqual(out.serverEmission, fill(n, 0n));
  t.deepEqual(out.newValidatorPermit, fill(n, true));
});

/** CPU ms (user + system) this process has used since `from`. */
function cpuMsSince(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
}

test('TV2 test_512_graph: 64 validators, 448 servers, 3 epochs with bonds carried, under 5 s of CPU', (t) => {
  // CPU time, not wall time: a speed target that must not fail because other test files share the cores
  // (the body is synchronous, so nothing else in this process runs meanwhile). The epoch's figures at
  // n = 256 are tracked by `npm run bench -- epoch` (bench/epoch.ts).
  const started = process.cpuUsage();
  const n = 512;
  const base: EpochInput = {
    n,
    currentBlock: 1,
    tempo: 65534,
    activityCutoff: 5000,
    lastUpdate: fill(n, 1),
    blockAtRegistration: fill(n, 0),
    alphaStake: Array.from({ length: n }, (_, i) => (i < 64 ? 328_125_000_000_000n : 0n)),
    validatorPermit: fill(n, false),
    maxAllowedValidators: 64,
    weights: [],
    bonds: [],
    raoEmission: RAO,
  };
  const first = runEpoch(base);
  t.deepEqual(
    first.newValidatorPermit,
    Array.from({ length: n }, (_, i) => i < 64),
  );
  const row = Array.from({ length: 448 }, (_, k) => [64 + k, 65535] as const);
  const weights = fill(64, row);
  let out: EpochOutput = first;
  for (let k = 0; k < 3; k++) {
    out = runEpoch({ ...base, validatorPermit: out.newValidatorPermit, weights, bonds: out.bonds });
  }
  for (let uid = 0; uid < 64; uid++) {
    t.is(out.consensus[uid], 0);
    t.is(out.incentive[uid], 0);
    t.is(out.dividends[uid], 1023);
    t.is(out.emission[uid], 7_812_500n);
    t.deepEqual(
      out.bonds[uid],
      row.map(([j]) => [j, 65535]),
    );
  }
  for (let uid = 64; uid < n; uid++) {
    t.is(out.consensus[uid], 146);
    t.is(out.incentive[uid], 146);
    t.is(out.dividends[uid], 0);
    t.is(out.emission[uid], 1_116_071n);
    t.deepEqual(out.bonds[uid], []);
  }
  const cpuMs = cpuMsSince(started);
  t.true(cpuMs < 5000, `4 epochs at n=512 (and their checks) took ${cpuMs.toFixed(0)} ms of CPU`);
});

test('TV4 test_active_stake: three epochs with bonds carried in storage form', (t) => {
  const n = 4;
  const base: EpochInput = {
    n,
    currentBlock: 0,
    tempo: 1,
    activityCutoff: 5000,
    lastUpdate: [0, 0, 0, 0],
    blockAtRegistration: [0, 0, 0, 0],
    alphaStake: [1n, 1n, 1n, 1n],
    validatorPermit: [false, false, false, false],
    maxAllowedValidators: 4,
    weights: [],
    bonds: [],
    raoEmission: RAO,
  };
  const e0 = runEpoch(base);
  t.deepEqual(e0.newValidatorPermit, [true, true, true, true]);
  const w = [
    [2, 65535],
    [3, 65535],
  ] as const;

  const e1 = runEpoch({
    ...base,
    currentBlock: 1,
    lastUpdate: [1, 1, 0, 0],
    validatorPermit: e0.newValidatorPermit,
    weights: [w, w],
    bonds: e0.bonds,
  });
  t.deepEqual(e1.dividends, [32767, 32767, 0, 0]);
  t.deepEqual(e1.emission, [250_000_000n, 250_000_000n, 250_000_000n, 250_000_000n]);
  t.deepEqual(e1.bonds, [
    [
      [2, 65535],
      [3, 65535],
    ],
    [
      [2, 65535],
      [3, 65535],
    ],
    [],
    [],
  ]);

  // Block 5002: uid 0 re-sets, uid 1 (last update 1) is now inactive.
  const e2 = runEpoch({
    ...base,
    currentBlock: 5002,
    lastUpdate: [5002, 1, 0, 0],
    validatorPermit: e1.newValidatorPermit,
    weights: [w, w],
    bonds: e1.bonds,
  });
  t.deepEqual(e2.active, [true, false, false, false]);
  t.deepEqual(e2.dividends, [36044, 29490, 0, 0]);
  t.deepEqual(e2.emission, [274_999_999n, 224_999_999n, 250_000_000n, 250_000_000n]);
  t.deepEqual(e2.bonds, [
    [
      [2, 65535],
      [3, 65535],
    ],
    [
      [2, 53619],
      [3, 53619],
    ],
    [],
    [],
  ]);

  // uid 1 re-sets at 5002, epoch at 5003.
  const e3 = runEpoch({
    ...base,
    currentBlock: 5003,
    lastUpdate: [5002, 5002, 0, 0],
    validatorPermit: e2.newValidatorPermit,
    weights: [w, w],
    bonds: e2.bonds,
  });
  t.deepEqual(e3.dividends, [35716, 29818, 0, 0]);
  t.deepEqual(e3.emission, [272_501_132n, 227_498_866n, 250_000_000n, 250_000_000n]);
  t.deepEqual(e3.bonds, [
    [
      [2, 65535],
      [3, 65535],
    ],
    [
      [2, 54712],
      [3, 54712],
    ],
    [],
    [],
  ]);
});
