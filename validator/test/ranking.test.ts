import test from 'ava';
import { rankMiners, type RankCandidate } from '../src/ranking.ts';

const m = (uid: number, emaLoss: number, registrationBlock: number): RankCandidate => ({ uid, emaLoss, registrationBlock });
const order = (cs: RankCandidate[], eps: number): number[] => rankMiners(cs, eps).map((c) => c.uid);

test('with epsilon 0 the ranking is a sort by loss, ties to the earlier registration', (t) => {
  t.deepEqual(order([m(5, 0.3, 10), m(2, 0.1, 30), m(9, 0.3, 5), m(1, 0.2, 20)], 0), [2, 1, 9, 5]);
  t.deepEqual(order([m(4, 0.5, 7), m(3, 0.5, 7)], 0), [3, 4], 'same block: lower uid first');
});

test('a challenger passes only with a relative margin (the documented examples)', (t) => {
  const A = 0,
    B = 1,
    C = 2;
  t.deepEqual(order([m(A, 1, 1), m(B, 0.98, 2)], 0.01), [B, A]);
  t.deepEqual(order([m(A, 1, 1), m(B, 0.995, 2)], 0.01), [A, B]);
  t.deepEqual(order([m(A, 1, 1), m(B, 1, 2)], 0.01), [A, B]);
  t.deepEqual(order([m(A, 1, 1), m(B, 0.995, 2), m(C, 0.98, 3)], 0.01), [C, A, B]);
  t.deepEqual(order([m(A, 1, 1), m(B, 0.995, 2), m(C, 0.989, 3)], 0.01), [A, B, C]);
});

test('the margin protects the incumbent, not the uid: an earlier registration on a higher uid wins a tie', (t) => {
  t.deepEqual(order([m(1, 0.5, 100), m(7, 0.5, 50)], 0.02), [7, 1]);
  t.deepEqual(order([m(1, 0.491, 100), m(7, 0.5, 50)], 0.02), [7, 1], '0.491 is not < 0.49');
  t.deepEqual(order([m(1, 0.489, 100), m(7, 0.5, 50)], 0.02), [1, 7]);
});

test('rankMiners rejects an epsilon outside [0, 1)', (t) => {
  t.throws(() => rankMiners([], 1), { instanceOf: RangeError, message: 'expected epsilon in [0, 1), found 1' });
  t.throws(() => rankMiners([], Number.NaN), { instanceOf: RangeError });
});
