import test from 'ava';
import { placeShares, prizeVector, quantiseU16, toU16Weights } from '../src/prizes.ts';

const table = { type: 'table' as const, shares: [0.5, 0.3, 0.2] };

test('a share table pays the places that have miners, renormalised', (t) => {
  t.deepEqual(
    [...prizeVector([4, 2, 9, 1], table)],
    [
      [4, 0.5],
      [2, 0.3],
      [9, 0.2],
      [1, 0],
    ],
  );
  t.deepEqual(
    [...prizeVector([4, 2], table)].map(([u, p]) => [u, Number(p.toFixed(12))]),
    [
      [4, 0.625],
      [2, 0.375],
    ],
  );
  t.deepEqual([...prizeVector([], table)], []);
});

test('the power curve pays rank^-p over the top k, normalised', (t) => {
  const sched = { type: 'power' as const, exponent: 0.75, topK: 3 };
  const raw = [1, 2 ** -0.75, 3 ** -0.75];
  t.deepEqual(placeShares(sched), raw);
  const total = raw[0]! + raw[1]! + raw[2]!;
  const p = prizeVector([10, 11, 12, 13], sched);
  t.deepEqual(
    [...p.values()].map((v) => Number(v.toFixed(6))),
    [0.491813, 0.292434, 0.215754, 0],
  );
  t.true(Math.abs(p.get(10)! - 1 / total) < 1e-15);
});

test('quantiseU16 max-upscales: the largest becomes 65535', (t) => {
  t.deepEqual(quantiseU16([0.5, 0.3, 0.2, 0]), [65535, 39321, 26214, 0]);
  t.deepEqual(quantiseU16([0, 0]), [0, 0]);
  t.deepEqual(quantiseU16([1, Number.NaN, -1]), [65535, 0, 0]);
  t.deepEqual(quantiseU16([1, 1e-6]), [65535, 0], 'tiny prizes round to 0 and are dropped later');
});

test('toU16Weights drops zeros, sorts by uid, and never weights self', (t) => {
  const prizes = new Map([
    [4, 0.5],
    [2, 0.3],
    [9, 0.2],
    [1, 0],
    [0, 0.9],
  ]);
  t.deepEqual(toU16Weights(prizes, { minAllowedWeights: 1, registeredUids: [0, 1, 2, 4, 9], ownUid: 0 }), {
    uids: [2, 4, 9],
    weights: [39321, 65535, 26214],
  });
});

test('toU16Weights fills with explicit zeros up to min(MinAllowedWeights, N), self last', (t) => {
  const prizes = new Map([[3, 1]]);
  t.deepEqual(toU16Weights(prizes, { minAllowedWeights: 3, registeredUids: [0, 1, 2, 3], ownUid: 1 }), {
    uids: [0, 2, 3],
    weights: [0, 0, 65535],
  });
  t.deepEqual(
    toU16Weights(prizes, { minAllowedWeights: 8, registeredUids: [0, 1, 3], ownUid: 1 }),
    { uids: [0, 1, 3], weights: [0, 0, 65535] },
    'min capped by N; self used only as the last filler',
  );
});

test('toU16Weights falls back to a self-weight when nobody else earned anything', (t) => {
  t.deepEqual(toU16Weights(new Map([[2, 0]]), { minAllowedWeights: 4, registeredUids: [0, 1, 2], ownUid: 1 }), {
    uids: [1],
    weights: [65535],
  });
  t.deepEqual(toU16Weights(new Map(), { minAllowedWeights: 1, registeredUids: [], ownUid: undefined }), { uids: [], weights: [] });
});
