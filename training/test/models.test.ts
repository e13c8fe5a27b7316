import test from 'ava';
import * as tf from '@tensorflow/tfjs';
import {
  BackendUnavailableError,
  buildModel,
  compileLogits,
  conv2dBackpropFilter,
  evaluateModel,
  loadBuiltinCompetition,
  loadTrainingSplit,
  parameterCount,
  selectBackend,
  TrainSession,
  type ModelName,
} from '../src/index.ts';

const split = loadTrainingSplit(loadBuiltinCompetition('mnist'));

test.serial('auto selects wasm here (no native binding), with SIMD and threads off, and says so', async (t) => {
  const lines: string[] = [];
  const { pino } = await import('pino');
  const logger = pino(
    { level: 'info' },
    {
      write: (s: string) => {
        lines.push(s);
      },
    },
  );
  const info = await selectBackend('auto', logger);
  t.is(info.backend, 'wasm');
  t.is(tf.getBackend(), 'wasm');
  t.true(info.simd);
  t.false(info.threads);
  const logged = lines
    .map((l) => JSON.parse(l) as { msg: string; backend?: string; simd?: boolean; threads?: boolean })
    .find((l) => l.msg === 'tfjs backend selected');
  t.like(logged, { backend: 'wasm', simd: true, threads: false });
});

test.serial('asking for tensorflow explicitly fails with a clear error naming the missing package', async (t) => {
  const err = await t.throwsAsync(selectBackend('tensorflow'), { instanceOf: BackendUnavailableError });
  t.regex(err!.message, /@tensorflow\/tfjs-node/);
  await t.throwsAsync(selectBackend('nope' as 'cpu'), { message: /expected a backend among/ });
  t.is(tf.getBackend(), 'wasm');
});

test.serial('the wasm Conv2DBackpropFilter matches the cpu backend on small random tensors', async (t) => {
  const cases: { x: [number, number, number, number]; f: [number, number, number, number]; stride: number; pad: 'valid' | 'same' }[] = [
    { x: [2, 7, 7, 3], f: [3, 3, 3, 4], stride: 1, pad: 'valid' },
    { x: [2, 8, 6, 2], f: [3, 2, 2, 5], stride: 1, pad: 'same' },
    { x: [1, 9, 9, 2], f: [3, 3, 2, 3], stride: 2, pad: 'valid' },
  ];
  for (const c of cases) {
    await selectBackend('cpu');
    const xv = tf.randomNormal(c.x, 0, 1, 'float32', 1).dataSync();
    const wv = tf.randomNormal(c.f, 0, 1, 'float32', 2).dataSync();
    const grad = (): Float32Array => {
      const x = tf.tensor4d(xv, c.x),
        w = tf.tensor4d(wv, c.f);
      const g = tf.grad((ww: tf.Tensor) => tf.sum(tf.square(tf.conv2d(x, ww as tf.Tensor4D, c.stride, c.pad))))(w);
      return g.dataSync() as Float32Array;
    };
    const expected = grad();
    await selectBackend('wasm');
    t.truthy(tf.getKernel('Conv2DBackpropFilter', 'wasm'));
    const actual = grad();
    const maxDiff = actual.reduce((m, v, i) => Math.max(m, Math.abs(v - expected[i]!)), 0);
    t.true(maxDiff < 1e-3 * Math.max(1, ...Array.from(expected, Math.abs)), `${JSON.stringify(c)}: max diff ${maxDiff}`);
    // Direct call, too.
    const direct = tf.tidy(() =>
      conv2dBackpropFilter(tf.tensor4d(xv, c.x), tf.ones([c.x[0], 1, 1, c.f[3]]) as tf.Tensor4D, c.f, c.stride, c.pad),
    );
    t.deepEqual(direct.shape, c.f);
    direct.dispose();
  }
});

test.serial(
  'the fast cnn gradients on wasm (fused conv+relu+pool, filter and bias from one conv) match tf.grads of the Layers model on cpu',
  async (t) => {
    // Random inputs: equal values inside a pooling window (ties) are then improbable, and ties are the one
    // place the two differ (the fast pool gradient goes to every tied maximum, tfjs's to the first).
    const n = 6;
    const xv = Float32Array.from({ length: n * 784 }, (_, i) => Math.sin(i * 12.9898) * 0.5 + 0.5);
    const labels = Array.from({ length: n }, (_, i) => i % 10);
    const run = (fast: boolean): Float32Array[] => {
      const model = buildModel('cnn', 3);
      const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
      const logits = compileLogits(model);
      const { value, grads } = tf.variableGrads(
        () =>
          tf.tidy(() => {
            const x = tf.tensor2d(xv, [n, 784]),
              y = tf.oneHot(tf.tensor1d(labels, 'int32'), 10);
            return fast
              ? (tf.losses.softmaxCrossEntropy(y, logits(x)) as tf.Scalar)
              : (tf.neg(tf.mean(tf.sum(tf.mul(y, tf.log(model.apply(x) as tf.Tensor)), 1))) as tf.Scalar);
          }),
        vars,
      );
      const out = vars.map((v) => grads[v.name]!.dataSync() as Float32Array);
      tf.dispose([value, grads]);
      model.dispose();
      return out;
    };
    await selectBackend('cpu');
    const expected = run(false);
    await selectBackend('wasm');
    const before = tf.memory().numTensors;
    const actual = run(true);
    t.is(tf.memory().numTensors, before, 'tensors leaked by the fast gradient');
    t.is(actual.length, 6);
    actual.forEach((a, i) => {
      const e = expected[i]!;
      const scale = Math.max(1e-6, ...Array.from(e, Math.abs));
      const maxDiff = a.reduce((m, v, j) => Math.max(m, Math.abs(v - e[j]!)), 0);
      t.true(maxDiff <= 2e-3 * scale, `variable ${i}: max diff ${maxDiff} vs scale ${scale}`);
    });
  },
);

test.serial('models have the documented parameter counts and seeded weights', async (t) => {
  await selectBackend('wasm');
  const counts: Record<ModelName, number> = { linear: 7850, 'mlp-small': 101770, mlp: 235146, cnn: 160 + 4640 + 8010 };
  for (const [name, n] of Object.entries(counts) as [ModelName, number][]) {
    const a = buildModel(name, 5),
      b = buildModel(name, 5),
      c = buildModel(name, 6);
    t.is(parameterCount(a), n, name);
    const wa = a.getWeights()[0]!.dataSync(),
      wb = b.getWeights()[0]!.dataSync(),
      wc = c.getWeights()[0]!.dataSync();
    t.deepEqual(wa, wb);
    t.notDeepEqual(wa, wc);
    [a, b, c].forEach((m) => m.dispose());
  }
});

for (const name of ['linear', 'mlp-small', 'mlp', 'cnn'] as const) {
  test.serial(`${name} trains on wasm with decreasing loss and no leaked tensors`, async (t) => {
    await selectBackend('wasm');
    const model = buildModel(name, 1);
    const session = new TrainSession(model, split.train, { batchSize: 64, learningRate: name === 'linear' ? 1e-2 : 2e-3, seed: 1 });
    const before = evaluateModel(model, split.validation).loss;
    session.steps(2);
    const tensors = tf.memory().numTensors;
    const first = session.steps(10);
    const later = session.steps(30);
    t.is(tf.memory().numTensors, tensors, 'tensors leaked by training steps');
    const after = evaluateModel(model, split.validation);
    t.true(later < first, `loss ${first} -> ${later}`);
    t.true(after.loss < before, `validation loss ${before} -> ${after.loss}`);
    session.dispose();
    model.dispose();
  });
}

test.serial('the fast training step gives the same loss as the Layers API gradient', async (t) => {
  await selectBackend('wasm');
  for (const name of ['mlp', 'cnn'] as const) {
    const a = buildModel(name, 9),
      b = buildModel(name, 9);
    const s = new TrainSession(a, split.train, { batchSize: 32, learningRate: 1e-3, seed: 4 });
    const fast = s.steps(3);
    // Same batches through model.apply + optimizer.minimize.
    const ref = new TrainSession(b, split.train, { batchSize: 32, learningRate: 1e-3, seed: 4 });
    const order = (ref as unknown as { order: Int32Array }).order;
    const opt = tf.train.adam(1e-3);
    let sum = 0;
    for (let i = 0; i < 3; i++) {
      const rows = order.subarray(i * 32, (i + 1) * 32);
      const x = tf.tensor2d(
        Float32Array.from(Array.from(rows).flatMap((r) => Array.from(split.train.inputs.subarray(r * 784, (r + 1) * 784)))),
        [32, 784],
      );
      const y = tf.oneHot(
        tf.tensor1d(
          Array.from(rows, (r) => split.train.labels[r]!),
          'int32',
        ),
        10,
      );
      const loss = opt.minimize(() => tf.losses.softmaxCrossEntropy(y, tf.log(b.apply(x) as tf.Tensor)) as tf.Scalar, true)!;
      sum += loss.dataSync()[0]!;
      tf.dispose([x, y, loss]);
    }
    t.true(Math.abs(sum / 3 - fast) < 1e-3, `${name}: fast ${fast} vs layers ${sum / 3}`);
    [s, ref].forEach((x) => x.dispose());
    [a, b].forEach((m) => m.dispose());
    opt.dispose();
  }
});
