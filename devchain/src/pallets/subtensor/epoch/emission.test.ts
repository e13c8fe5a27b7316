import test from 'ava';
import { DEFAULT_VALIDATOR_TAKE, distributeEmission, splitBlockEmission } from './emission.ts';
import { runEpoch } from './epoch.ts';

/** floor(11796 · 2^32 / 65535): the 18% cut/take as U96F32 bits. */
const CUT_BITS = (11_796n << 32n) / 65_535n;

test('block split: 18% owner cut, then miners and validators 50/50 (U96F32, floored)', (t) => {
  t.is(CUT_BITS, 773_074_452n);
  const s = splitBlockEmission(1_000_000_000n);
  // owner = floor(1e9 · 773074452 / 2^32) = floor(179995422.27); rest/2 = floor(410002288.86).
  t.deepEqual(s, { ownerCut: 179_995_422n, server: 410_002_288n, validator: 410_002_288n, rootDivs: 0n });
  t.deepEqual(splitBlockEmission(1_000_000_000n, { subnetOwnerCut: 0 }), {
    ownerCut: 0n,
    server: 500_000_000n,
    validator: 500_000_000n,
    rootDivs: 0n,
  });
  // Half of the validator half goes to root stakers when root_prop = 0.5.
  const r = splitBlockEmission(1_000_000_000n, { rootProportion: 1n << 31n });
  t.is(r.rootDivs, 205_001_144n);
  t.is(r.validator, 205_001_144n);
  t.throws(() => splitBlockEmission(-1n), { message: /alphaOut to be a u64/ });
  t.throws(() => splitBlockEmission(1n, { subnetOwnerCut: 70_000 }), { message: /subnetOwnerCut: expected a u16/ });
});

test('distribution after an epoch: miners exactly, validators pro rata with take', (t) => {
  // The 2-validator / 2-miner graph of epoch.test.ts: I = (0,0,1,0), D = (6/7, 1/7).
  const epoch = runEpoch({
    n: 4,
    currentBlock: 1000,
    tempo: 100,
    activityCutoff: 5000,
    lastUpdate: [1000, 1000, 0, 0],
    blockAtRegistration: [0, 0, 0, 0],
    alphaStake: [3n, 1n, 0n, 0n],
    validatorPermit: [true, true, false, false],
    maxAllowedValidators: 2,
    weights: [
      [[2, 65535]],
      [
        [2, 65535],
        [3, 65535],
      ],
    ],
    bonds: [],
    raoEmission: 1_000_000_000n,
  });
  const out = distributeEmission({
    hotkeys: ['v0', 'v1', 'm2', 'm3'],
    coldkeys: ['c0', 'c1', 'c2', 'c3'],
    serverEmission: epoch.serverEmission,
    validatorEmission: epoch.validatorEmission,
    pendingServer: 500_000_000n,
    pendingValidator: 500_000_000n,
    ownerCut: 7n,
    subnetOwnerHotkey: 'owner-hot',
    subnetOwnerColdkey: 'owner-cold',
  });
  const by = new Map(out.credits.map((c) => [c.hotkey, c]));
  t.is(by.get('m2')?.incentive, 500_000_000n);
  t.false(by.has('m3'));
  // Upstream, in U96F32 bits: share = (ve_i << 32) / Σve; prop = pool · share; take = (CUT · prop) >> 32;
  // paid: take >> 32 and (prop − take) >> 32, each floored.
  const ve = epoch.validatorEmission;
  const total = ve[0]! + ve[1]!;
  const expected = (v: bigint): [bigint, bigint] => {
    const prop = 500_000_000n * ((v << 32n) / total);
    const take = (CUT_BITS * prop) >> 32n;
    return [take >> 32n, (prop - take) >> 32n];
  };
  const [take0, rest0] = expected(ve[0]!);
  const [take1, rest1] = expected(ve[1]!);
  t.true(take0 + rest0 > 428_571_000n && take1 + rest1 > 71_428_000n);
  const v0 = by.get('v0')!;
  const v1 = by.get('v1')!;
  t.deepEqual([v0.validatorTake, v0.nominatorDividends], [take0, rest0]);
  t.deepEqual([v1.validatorTake, v1.nominatorDividends], [take1, rest1]);
  t.is(out.undistributed, 500_000_000n - take0 - rest0 - take1 - rest1);
  t.is(out.validatorPool, 500_000_000n);
  t.deepEqual(by.get('owner-hot'), {
    uid: undefined,
    hotkey: 'owner-hot',
    coldkey: 'owner-cold',
    incentive: 0n,
    validatorTake: 0n,
    nominatorDividends: 0n,
    ownerCut: 7n,
    rootTake: 0n,
    rootDividends: 0n,
  });
  t.is(DEFAULT_VALIDATOR_TAKE, 11_796);
});

test('dividend rounding as upstream: U96F32 share, then take and rest floored separately', (t) => {
  const pay = (pool: bigint, ve: bigint[]) =>
    distributeEmission({
      hotkeys: ve.map((_, i) => `v${i}`),
      coldkeys: ve.map((_, i) => `c${i}`),
      serverEmission: ve.map(() => 0n),
      validatorEmission: ve,
      pendingServer: 0n,
      pendingValidator: pool,
    }).credits.map((c) => [c.validatorTake, c.nominatorDividends]);
  // Pool 1000, ve (1, 2): share0 = floor(2^32/3) bits, prop0 = 1000 · share0 ≈ 333.33; take ≈ 59.998,
  // rest ≈ 273.33 ⇒ 59 + 273 = 332 (an integer share floor(1000/3) = 333 would pay 59 + 274);
  // v1: prop ≈ 666.67 ⇒ 119 + 546 = 665.
  t.deepEqual(pay(1000n, [1n, 2n]), [
    [59n, 273n],
    [119n, 546n],
  ]);
  // Pool 4.1e8, ve (1, 6): same total as an integer share, but the take is one rao larger
  // (10542589 + 48028839; the integer share gave 10542588 + 48028840).
  t.deepEqual(pay(410_000_000n, [1n, 6n])[0], [10_542_589n, 48_028_839n]);
});

test('no miner incentive ⇒ validators share validator + server; take 0 and 100%', (t) => {
  const out = distributeEmission({
    hotkeys: ['a', 'b'],
    coldkeys: ['ca', 'cb'],
    serverEmission: [0n, 0n],
    validatorEmission: [3n, 1n],
    pendingServer: 400n,
    pendingValidator: 400n,
    takes: [0, 65535],
  });
  t.is(out.validatorPool, 800n);
  t.deepEqual(
    out.credits.map((c) => [c.hotkey, c.validatorTake, c.nominatorDividends]),
    [
      ['a', 0n, 600n],
      ['b', 200n, 0n],
    ],
  );
  t.is(out.undistributed, 0n);
});

test('owner immune hotkeys: incentive recycled; owner cut merges into an existing uid credit', (t) => {
  const out = distributeEmission({
    hotkeys: ['own', 'm'],
    coldkeys: ['oc', 'mc'],
    serverEmission: [100n, 300n],
    validatorEmission: [0n, 0n],
    pendingServer: 400n,
    pendingValidator: 0n,
    ownerCut: 50n,
    subnetOwnerHotkey: 'own',
    recycleIncentiveOf: ['own'],
  });
  t.is(out.recycled, 100n);
  t.deepEqual(
    out.credits.map((c) => [c.hotkey, c.incentive, c.ownerCut]),
    [
      ['own', 0n, 50n],
      ['m', 300n, 0n],
    ],
  );
  t.throws(
    () =>
      distributeEmission({
        hotkeys: ['a'],
        coldkeys: [],
        serverEmission: [0n],
        validatorEmission: [0n],
        pendingServer: 0n,
        pendingValidator: 0n,
      }),
    {
      message: /coldkeys to have 1 entries/,
    },
  );
});
