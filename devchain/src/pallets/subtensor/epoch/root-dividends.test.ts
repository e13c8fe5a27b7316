import test from 'ava';
import { rootProportion, splitDividends, taoWeightU96 } from './root-dividends.ts';
import { splitBlockEmission } from './emission.ts';

const TAO = 1_000_000_000n;
/** Upstream's default TaoWeight (runtime `SubtensorInitialTaoWeight`). */
const TAO_WEIGHT = 971_718_665_099_567_868n;
const R = 20_000n * TAO;

test('tao weight and root proportion as U96F32 bits (the figures of test/subtensor-root-dividends.test.ts, block 3)', (t) => {
  // floor(971718665099567868 · 2^32 / (2^64 − 1)) ≈ 0.0526769743; u64::MAX ⇒ exactly 1.
  t.is(taoWeightU96(TAO_WEIGHT), 226_245_882n);
  t.is(taoWeightU96((1n << 64n) - 1n), 1n << 32n);
  // 40,000 TAO on root against 2002 TAO of alpha: 2107.079 / 4109.079 ≈ 0.5127862.
  const rp = rootProportion(2n * R, TAO_WEIGHT, 2002n * TAO);
  t.is(rp, 2_202_399_939n);
  t.is(rootProportion(0n, TAO_WEIGHT, 0n), 0n, 'nothing on either side: 0, not a division by zero');
  t.is(rootProportion(R, TAO_WEIGHT, 0n), 1n << 32n, 'no alpha issued: everything to root');
  // (rp · 1e9) · 0.5 ≈ 256,393,097.69; validators keep 1e9 − 5e8 − that ≈ 243,606,902.31.
  t.deepEqual(splitBlockEmission(TAO, { subnetOwnerCut: 0, rootProportion: rp }), {
    ownerCut: 0n,
    server: 500_000_000n,
    validator: 243_606_902n,
    rootDivs: 256_393_097n,
  });
});

test('dividend split: root only, alpha only, both (hand-worked in test/subtensor-root-dividends.test.ts)', (t) => {
  const split = splitDividends({
    dividends: [256_468_638n, 243_525_742n, 500_005_617n, 0n],
    alphaStake: [0n, 1_000_371_772_244n, 1_000_417_933_061n, 0n],
    rootStake: [R, 0n, R, 0n],
    taoWeight: TAO_WEIGHT,
    pendingAlpha: 743_606_902n,
    pendingRoot: 256_393_097n,
  });
  const rao = (bits: bigint): bigint => bits >> 32n;
  t.deepEqual(split.alpha.map(rao), [0n, 371_794_872n, 371_812_029n, 0n]);
  t.deepEqual(split.root.map(rao), [128_196_548n, 0n, 128_196_548n, 0n]);
});

test('dividend split: without root stake it is the plain pro-rata share; without dividends nothing is paid', (t) => {
  const plain = splitDividends({
    dividends: [3n, 1n],
    alphaStake: [5n, 5n],
    rootStake: [],
    taoWeight: TAO_WEIGHT,
    pendingAlpha: 1000n,
    pendingRoot: 77n,
  });
  t.deepEqual(
    plain.alpha.map((b) => b >> 32n),
    [750n, 250n],
  );
  t.deepEqual(plain.root, [0n, 0n], 'no root stake: the root pool is not paid to anyone');
  const none = splitDividends({
    dividends: [0n],
    alphaStake: [1n],
    rootStake: [1n],
    taoWeight: TAO_WEIGHT,
    pendingAlpha: 9n,
    pendingRoot: 9n,
  });
  t.deepEqual([none.alpha, none.root], [[0n], [0n]]);
});
