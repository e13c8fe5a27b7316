import test from 'ava';
import { mkdtemp, readdir, readFile, readlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBuiltinCompetition, loadHeldOutSplit, scorePredictions, selectBackend } from '#training';
import { bestCheckpointDir, loadServingModel, startTrainer, watchModelDir, type CheckpointEvent } from '../../src/train/index.ts';

const competition = loadBuiltinCompetition('mnist');

test('the trainer worker checkpoints, the served model beats chance on held-out data, and a restart resumes', async (t) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'arena-trainer-'));
  t.teardown(() => rm(dataDir, { recursive: true, force: true }));
  const checkpoints: CheckpointEvent[] = [];
  let progress = 0;
  const base = {
    competition,
    modelName: 'mlp' as const,
    backend: 'wasm' as const,
    dataDir,
    batchSize: 128,
    learningRate: 1e-3,
    seed: 3,
    evalEvery: 40,
    progressEvery: 10,
  };
  const trainer = await startTrainer({
    ...base,
    maxSteps: 120,
    onProgress: () => {
      progress++;
    },
    onCheckpoint: (c) => checkpoints.push(c),
  });
  const final = await trainer.done;
  t.is(final.state, 'finished', final.error);
  t.is(final.step, 120);
  t.is(final.backend, 'wasm');
  t.true(progress >= 12);
  t.true(checkpoints.length >= 1);
  const last = checkpoints.at(-1)!;
  t.is(await readlink(bestCheckpointDir(dataDir)), String(last.step));
  const state = JSON.parse(await readFile(join(dataDir, 'trainer-state.json'), 'utf8')) as { step: number; bestStep: number };
  t.is(state.step, 120);
  t.is(state.bestStep, last.step);

  await selectBackend('wasm');
  const predictor = await loadServingModel(bestCheckpointDir(dataDir));
  t.teardown(() => predictor.dispose());
  t.is(predictor.info.modelName, 'mlp');
  t.is(predictor.info.step, last.step);
  t.is(predictor.info.parameterCount, 784 * 256 + 256 + 256 * 128 + 128 + 128 * 10 + 10);
  t.regex(predictor.info.checkpointHash, /^[0-9a-f]{64}$/);
  const heldOut = loadHeldOutSplit(competition);
  const out = await predictor.predict(heldOut.inputs, [heldOut.count, 784]);
  t.deepEqual(out.shape, [heldOut.count, 10]);
  const score = scorePredictions(out.data, out.shape, heldOut.labels);
  t.true(score.accuracy > 0.5, `held-out accuracy ${score.accuracy}`);
  await t.throwsAsync(predictor.predict(new Float32Array(10), [1, 10]), { message: /expected input shape \[n, 784\]/ });

  // Restart: resumes at step 120 from the best checkpoint and continues counting.
  const again = await startTrainer({ ...base, maxSteps: 160 });
  const resumed = await again.done;
  t.is(resumed.state, 'finished', resumed.error);
  t.true(resumed.resumed);
  t.is(resumed.step, 160);
});

test('stop() ends a trainer that has no step limit', async (t) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'arena-trainer-'));
  t.teardown(() => rm(dataDir, { recursive: true, force: true }));
  const trainer = await startTrainer({
    competition,
    modelName: 'linear',
    backend: 'wasm',
    dataDir,
    batchSize: 64,
    learningRate: 1e-2,
    seed: 1,
    evalEvery: 20,
    progressEvery: 5,
  });
  await new Promise<void>((resolve) => {
    const i = setInterval(() => {
      if (trainer.status().step >= 20) {
        clearInterval(i);
        resolve();
      }
    }, 20);
  });
  await trainer.stop();
  t.is(trainer.status().state, 'stopped');
});

/** Nice values of this process's threads (Linux), from /proc/self/task/<tid>/stat field 19. */
async function threadNiceness(): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (const tid of await readdir('/proc/self/task')) {
    const stat = await readFile(`/proc/self/task/${tid}/stat`, 'utf8').catch(() => '');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.length > 16) out.set(Number(tid), Number(fields[16]));
  }
  return out;
}

// Serial (AVA runs serial tests before the concurrent ones): a trainer started by another test of this file
// could otherwise have a worker thread that exists at the `before` read but renices itself only afterwards.
test.serial('the training thread runs at the asked niceness (default 10) and the rest of the process does not', async (t) => {
  if (process.platform !== 'linux') {
    t.pass('per-thread niceness is Linux only');
    return;
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'arena-trainer-'));
  t.teardown(() => rm(dataDir, { recursive: true, force: true }));
  const before = await threadNiceness();
  const trainer = await startTrainer({
    competition,
    modelName: 'linear',
    backend: 'wasm',
    dataDir,
    batchSize: 64,
    learningRate: 1e-2,
    seed: 1,
    evalEvery: 20,
    progressEvery: 5,
  });
  t.teardown(() => trainer.stop());
  while (trainer.status().state === 'starting') await new Promise((r) => setTimeout(r, 20));
  const during = await threadNiceness();
  // The worker thread, plus any thread it started afterwards (they inherit its nice value).
  const niced = [...during].filter(([tid, nice]) => !before.has(tid) && nice === 10);
  t.true(niced.length >= 1, `thread niceness: ${JSON.stringify([...during])}`);
  t.is(during.get(process.pid), 0, 'the main thread keeps its priority');
  for (const [tid, nice] of before) if (during.has(tid)) t.is(during.get(tid), nice, `thread ${tid} existed before and keeps its niceness`);
  await trainer.stop();
  await t.throwsAsync(
    startTrainer({ competition, modelName: 'linear', backend: 'wasm', dataDir, batchSize: 64, learningRate: 1e-2, seed: 1, niceness: 25 }),
    { message: /niceness in 0\.\.19/ },
  );
});

test('watchModelDir swaps in a new checkpoint when checkpoints/best moves', async (t) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'arena-trainer-'));
  t.teardown(() => rm(dataDir, { recursive: true, force: true }));
  const base = {
    competition,
    modelName: 'linear' as const,
    backend: 'wasm' as const,
    dataDir,
    batchSize: 64,
    learningRate: 1e-2,
    seed: 1,
    evalEvery: 10,
    progressEvery: 10,
  };
  t.is((await (await startTrainer({ ...base, maxSteps: 10 })).done).state, 'finished');
  await selectBackend('wasm');
  const changes: number[] = [];
  const watcher = await watchModelDir(bestCheckpointDir(dataDir), (p) => changes.push(p.info.step), { intervalMs: 50 });
  t.teardown(() => {
    watcher.close();
    watcher.current().dispose();
  });
  t.is(watcher.current().info.step, 10);
  t.is((await (await startTrainer({ ...base, maxSteps: 30 })).done).state, 'finished');
  const deadline = Date.now() + 15_000;
  while (watcher.current().info.step === 10 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  t.true(watcher.current().info.step > 10, `still serving step ${watcher.current().info.step}`);
  // The watcher may also have seen the step-20 checkpoint on its way to step 30.
  t.true(changes.length >= 1);
  t.is(changes.at(-1), watcher.current().info.step);
});
