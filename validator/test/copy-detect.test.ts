import test from 'ava';
import { dropCopyPairs, flaggedCopies, meanAbsDiff, pairKey, updateCopyCounters, type CopyInput } from '../src/copy-detect.ts';

const opts = { threshold: 1e-3, minRounds: 3 };
const v = (...xs: number[]): Float32Array => Float32Array.from(xs);
const inp = (uid: number, registrationBlock: number, probs: Float32Array): CopyInput => ({ uid, registrationBlock, probs });

test('meanAbsDiff is the mean of |a - b| and stops early past the limit', (t) => {
  t.true(Math.abs(meanAbsDiff(v(0.5, 0.5, 1, 0), v(0.25, 0.75, 1, 0)) - 0.125) < 1e-9);
  t.true(meanAbsDiff(v(1, 0, 0, 0), v(0, 1, 0, 0), 0.1) >= 0.1);
  t.is(meanAbsDiff(v(1), v(1, 0)), Number.POSITIVE_INFINITY);
});

test('pairs count consecutive near-identical rounds, reset when they diverge, keep when one is silent', (t) => {
  const p = v(0.9, 0.1), q = v(0.9004, 0.0996), far = v(0.1, 0.9);
  let c = updateCopyCounters(new Map(), [inp(1, 10, p), inp(2, 20, q), inp(3, 30, far)], opts);
  t.deepEqual([...c], [[pairKey(1, 2), 1]]);
  c = updateCopyCounters(c, [inp(1, 10, p), inp(3, 30, far)], opts);
  t.deepEqual([...c], [['1:2', 1]], 'uid 2 silent: counter kept');
  c = updateCopyCounters(c, [inp(2, 20, q), inp(1, 10, p)], opts);
  c = updateCopyCounters(c, [inp(2, 20, q), inp(1, 10, p)], opts);
  t.deepEqual([...c], [['1:2', 3]]);
  t.deepEqual([...flaggedCopies(c, new Map([[1, 10], [2, 20]]), 3)], [[2, 1]], 'the later registration is the copy');
  t.deepEqual([...flaggedCopies(c, new Map([[1, 50], [2, 20]]), 3)], [[1, 2]]);
  t.deepEqual([...flaggedCopies(c, new Map([[1, 20], [2, 20]]), 3)], [[2, 1]], 'same block: the higher uid');
  t.deepEqual([...flaggedCopies(c, new Map([[1, 10]]), 3)], [], 'unknown uid skipped');
  c = updateCopyCounters(c, [inp(1, 10, p), inp(2, 20, far)], opts);
  t.deepEqual([...c], [], 'diverged: reset');
  t.deepEqual([...flaggedCopies(c, new Map([[1, 10], [2, 20]]), 3)], []);
});

test('below minRounds nobody is flagged', (t) => {
  t.deepEqual([...flaggedCopies(new Map([['1:2', 2]]), new Map([[1, 1], [2, 2]]), 3)], []);
});

test('dropCopyPairs forgets pairs of uids that changed hands', (t) => {
  t.deepEqual([...dropCopyPairs(new Map([['1:2', 3], ['2:5', 1], ['3:4', 2]]), [2])], [['3:4', 2]]);
});
