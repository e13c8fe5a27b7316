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
  t.deepEqual(splitBlockEmission(1_000_000_000n, { subnetOwnerCut: 0 }), { ownerCut: 0n, server: 500_000_000n, validator: 500_000_000n, rootDivs: 0n });
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
    weights: [[[2, 65535]], [[2, 65535], [3, 65535]]],
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
  // Shares: floor(5e8 · ve_i / Σve) with ve ≈ 5e8 · (6/7, 1/7).
  const ve = epoch.validatorEmission;
  const total = ve[0]! + ve[1]!;
  const share0 = (500_000_000n * ve[0]!) / total;
  const share1 = (500_000_000n * ve[1]!) / total;
  t.true(share0 > 428_571_000n && share1 > 71_428_000n);
  const v0 = by.get('v0')!;
  const v1 = by.get('v1')!;
  t.is(v0.validatorTake + v0.nominatorDividends, share0);
  t.is(v1.validatorTake + v1.nominatorDividends, share1);
  t.is(v0.validatorTake, (share0 * CUT_BITS) >> 32n);
  t.is(v1.validatorTake, (share1 * CUT_BITS) >> 32n);
  t.is(out.undistributed, 500_000_000n - share0 - share1);
  t.is(out.validatorPool, 500_000_000n);
  t.deepEqual(by.get('owner-hot'), {
    uid: undefined,
    hotkey: 'owner-hot',
    coldkey: 'owner-cold',
    incentive: 0n,
    validatorTake: 0n,
    nominatorDividends: 0n,
    ownerCut: 7n,
  });
  t.is(DEFAULT_VALIDATOR_TAKE, 11_796);
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
  t.throws(() => distributeEmission({ hotkeys: ['a'], coldkeys: [], serverEmission: [0n], validatorEmission: [0n], pendingServer: 0n, pendingValidator: 0n }), {
    message: /coldkeys to have 1 entries/,
  });
});
