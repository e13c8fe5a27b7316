import test from 'ava';
import { evaluateAnswer, maxValidLoss, normaliseRows, PROB_FLOOR, type EvalStatus } from '../src/evaluate.ts';
import type { QueryAnswer, RoundBatch } from '../src/ports.ts';

const batch: RoundBatch = {
  input: { data: new Float32Array(4), shape: [2, 2] },
  labels: Int32Array.from([0, 2]),
  numClasses: 3,
};
const WORST = 20;
const ok = (data: number[], shape = [2, 3]): QueryAnswer => ({
  status: 'ok',
  output: { data: Float32Array.from(data), shape },
  latencyMs: 5,
  responseHash: '0xab',
});

test('cross-entropy is the mean of -ln p[label] over the batch, accuracy the argmax hit rate', (t) => {
  const e = evaluateAnswer(7, ok([0.7, 0.2, 0.1, 0.1, 0.3, 0.6]), batch, WORST);
  t.is(e.status, 'ok');
  t.true(e.available);
  t.true(Math.abs(e.loss - (-Math.log(0.7) - Math.log(0.6)) / 2) < 1e-6, `loss ${e.loss}`);
  t.is(e.accuracy, 1);
  t.is(e.latencyMs, 5);
  t.is(e.responseHash, '0xab');
});

test('probabilities are clamped to [1e-7, 1] and renormalised per row', (t) => {
  const p = normaliseRows(Float32Array.from([0, 0, 0, 2, -1, 1]), 2, 3);
  t.deepEqual(
    [...p].map((v) => Number(v.toFixed(6))),
    [0.333333, 0.333333, 0.333333, 0.5, 0, 0.5],
  );
  t.true(p[4]! > 0);
  // all-zero row -> uniform -> ln 3; [1,1,0] with label 2 -> 1e-7 / (2 + 1e-7): the largest valid loss
  const e = evaluateAnswer(1, ok([0, 0, 0, 1, 1, 0]), batch, WORST);
  const expected = (Math.log(3) + Math.log((2 + PROB_FLOOR) / PROB_FLOOR)) / 2;
  t.true(Math.abs(e.loss - expected) < 1e-4, `loss ${e.loss} expected ${expected}`);
  t.is(e.accuracy, 0.5, 'argmax ties go to the first class, which is label 0 in row 0');
  t.true(Math.abs(maxValidLoss(3) - Math.log(2e7 + 1)) < 1e-9);
  t.true(Math.abs(maxValidLoss(10) - 18.31532) < 1e-5);
});

test('unusable answers score the worst loss and are unavailable, with the reason kept', (t) => {
  const cases: Array<[QueryAnswer | undefined, EvalStatus]> = [
    [undefined, 'missing'],
    [{ status: 'timeout', latencyMs: 100, detail: 'deadline exceeded' }, 'timeout'],
    [{ status: 'refused', latencyMs: 1 }, 'refused'],
    [{ status: 'error', latencyMs: 1, detail: 'INTERNAL' }, 'error'],
    [{ status: 'ok', latencyMs: 1 }, 'wrong-shape'],
    [ok([0.7, 0.2, 0.1, 0.1, 0.3, 0.6], [3, 2]), 'wrong-shape'],
    [ok([0.7, 0.2, 0.1, 0.1, 0.3, 0.6, 0], [2, 3]), 'wrong-shape'],
    [ok([0.7, 0.2, 0.1, 0.1, 0.3], [2, 3]), 'wrong-shape'],
    [ok([0.7, 0.2, 0.1, 0.1, 0.3, 0.6], [6]), 'wrong-shape'],
    [ok([0.7, Number.NaN, 0.1, 0.1, 0.3, 0.6]), 'non-finite'],
    [ok([0.7, 0.2, 0.1, 0.1, Number.POSITIVE_INFINITY, 0.6]), 'non-finite'],
  ];
  for (const [answer, status] of cases) {
    const e = evaluateAnswer(3, answer, batch, WORST);
    t.is(e.status, status);
    t.is(e.loss, WORST);
    t.is(e.accuracy, 0);
    t.false(e.available);
    t.is(e.probs, undefined);
  }
  const shaped = evaluateAnswer(3, ok([1, 2, 3, 4, 5, 6], [3, 2]), batch, WORST);
  t.is(shaped.detail, 'expected output shape [2, 3], found [3, 2]');
  t.is(
    evaluateAnswer(3, ok([0.7, Number.NaN, 0.1, 0.1, 0.3, 0.6]), batch, WORST).detail,
    'expected finite probabilities, found NaN at index 1',
  );
});

test('a valid answer never scores above the worst loss', (t) => {
  const e = evaluateAnswer(1, ok([0, 1, 1, 1, 1, 0]), batch, 5);
  t.is(e.loss, 5);
  t.true(e.available);
});
