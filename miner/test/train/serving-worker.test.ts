import test from 'ava';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import * as tf from '@tensorflow/tfjs';
import { buildModel, loadBuiltinCompetition, loadHeldOutSplit, saveModelToDir, selectBackend } from '#training';
import { loadServingModel, loadServingModelInWorker } from '../../src/train/index.ts';

const heldOut = loadHeldOutSplit(loadBuiltinCompetition('mnist'));

async function savedModel(t: { teardown(f: () => Promise<void>): void }, name: 'mlp' | 'cnn', seed: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'arena-serving-worker-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const model = buildModel(name, seed);
  model.setUserDefinedMetadata({ arena: { modelName: name, step: 7 } });
  await saveModelToDir(model, dir);
  model.dispose();
  return dir;
}

test.serial('a model served from a worker thread answers exactly like the same model on this thread', async (t) => {
  await selectBackend('wasm');
  const dir = await savedModel(t, 'cnn', 4);
  const local = await loadServingModel(dir, { thread: 'main' });
  const remote = await loadServingModel(dir, { thread: 'worker' });
  t.teardown(() => {
    local.dispose();
    remote.dispose();
  });
  t.deepEqual(remote.info, local.info);
  t.is(remote.info.step, 7);
  // A view into a larger buffer: only its own bytes are sent.
  const big = new Float32Array(heldOut.inputs.length + 784);
  big.set(heldOut.inputs, 784);
  const input = big.subarray(784, 784 + 300 * 784);
  const [a, b] = await Promise.all([local.predict(input, [300, 784]), remote.predict(input, [300, 784])]);
  t.deepEqual(b.shape, [300, 10]);
  t.deepEqual(b.shape, a.shape);
  const maxDiff = a.data.reduce((m, v, i) => Math.max(m, Math.abs(v - b.data[i]!)), 0);
  t.true(maxDiff < 1e-5, `max diff ${maxDiff}`);
  t.is(input.length, 300 * 784, 'the caller keeps its input');
  // Concurrent calls each get their own answer.
  const outs = await Promise.all([1, 2, 3].map((k) => remote.predict(heldOut.inputs.subarray(0, k * 784), [k, 784])));
  t.deepEqual(
    outs.map((o) => o.shape[0]),
    [1, 2, 3],
  );
  // Bad input is an error naming the problem, and the worker keeps serving.
  await t.throwsAsync(remote.predict(new Float32Array(10), [1, 10]), { message: /expected input shape \[n, 784\]/ });
  await t.throwsAsync(remote.predict(Float32Array.from([Number.NaN, ...new Float32Array(783)]), [1, 784]), { message: /finite/ });
  t.deepEqual((await remote.predict(heldOut.inputs.subarray(0, 784), [1, 784])).shape, [1, 10]);
});

test.serial('dispose waits for running predictions, then refuses new ones; a directory that does not load is a clear error', async (t) => {
  await selectBackend('wasm');
  const dir = await savedModel(t, 'mlp', 5);
  const remote = await loadServingModelInWorker(dir);
  const running = remote.predict(heldOut.inputs.subarray(0, 1024 * 784), [1024, 784]);
  remote.dispose();
  t.deepEqual((await running).shape, [1024, 10]);
  await t.throwsAsync(remote.predict(heldOut.inputs.subarray(0, 784), [1, 784]), { message: /replaced/ });
  const bad = await mkdtemp(join(tmpdir(), 'arena-serving-worker-bad-'));
  t.teardown(() => rm(bad, { recursive: true, force: true }));
  await writeFile(join(bad, 'model.json'), '{ not json');
  await t.throwsAsync(loadServingModelInWorker(bad), { message: /model\.json|JSON/ });
  await t.throwsAsync(loadServingModel(bad, { thread: 'worker' }), { message: /model\.json|JSON/ });
});

test.serial('serving from a worker keeps this thread free while a large batch runs', async (t) => {
  await selectBackend('wasm');
  const dir = await savedModel(t, 'cnn', 6);
  const remote = await loadServingModelInWorker(dir, { maxBatch: 4096 });
  t.teardown(() => remote.dispose());
  const input = new Float32Array(4096 * 784).fill(0.5);
  await remote.predict(input.subarray(0, 784), [1, 784]);
  const h = monitorEventLoopDelay({ resolution: 1 });
  // predict() copies and posts the input before it returns (12.8 MB here, this thread's own share of the work):
  // measure from then on, while only the worker computes.
  const t0 = performance.now();
  const running = remote.predict(input, [4096, 784]);
  const posted = performance.now();
  const elu0 = performance.eventLoopUtilization();
  h.enable();
  await running;
  h.disable();
  const busy = performance.eventLoopUtilization(elu0);
  const took = performance.now() - t0;
  // The cnn takes well over 100 ms for 4096 samples. This thread's busy time over it (posting the input, then
  // the event loop's active time, i.e. not idle-waiting for events, while the worker computes) stays under half
  // of it. Busy time, not the longest event-loop delay: a delay also counts time an idle loop waited for a core
  // on a loaded machine.
  const busyMs = posted - t0 + busy.active;
  t.log(
    `prediction ${took.toFixed(0)} ms; this thread busy ${busyMs.toFixed(1)} ms (posting ${(posted - t0).toFixed(1)} ms); longest event-loop delay ${(h.max / 1e6).toFixed(1)} ms`,
  );
  t.true(took > 100, `predict took ${took} ms`);
  t.true(
    busyMs < took / 2,
    `this thread was busy ${busyMs.toFixed(1)} ms (posting ${(posted - t0).toFixed(1)} ms, then utilization ${busy.utilization.toFixed(2)}) of a ${took.toFixed(0)} ms prediction; longest event-loop delay ${(h.max / 1e6).toFixed(1)} ms`,
  );
  t.is(tf.getBackend(), 'wasm');
});
