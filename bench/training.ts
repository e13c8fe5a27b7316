// Training and inference throughput per tfjs backend, and the miner's event-loop delay while its
// trainer worker runs. Standalone: `node --import tsx bench/training.ts` prints one JSON object.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as tf from '@tensorflow/tfjs';
import { buildModel, loadBuiltinCompetition, loadTrainingSplit, selectBackend, TrainSession, type Dataset } from '#training';
import { loadServingModel, startTrainer, bestCheckpointDir } from '../miner/src/train/index.ts';

const competition = loadBuiltinCompetition('mnist');
const split = loadTrainingSplit(competition);

/** Samples/s of the fast trainer: one warm-up step, then steps until `budgetMs` has passed. */
function fastTraining(name: 'mlp' | 'cnn', batchSize: number, budgetMs: number): number {
  const model = buildModel(name, 1);
  const session = new TrainSession(model, split.train, { batchSize, learningRate: 1e-3, seed: 1 });
  session.steps(1);
  let steps = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < budgetMs) {
    session.steps(1);
    steps++;
  }
  const rate = (steps * batchSize) / ((performance.now() - t0) / 1000);
  session.dispose();
  model.dispose();
  return Math.round(rate);
}

/** Samples/s of the naive path (model.fit, Layers API gradients) for the same model, as the baseline. */
async function naiveFit(name: 'mlp' | 'cnn', batchSize: number, samples: number): Promise<number> {
  const model = buildModel(name, 1);
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'categoricalCrossentropy' });
  const [x, y] = tf.tidy(() => [
    tf.tensor2d(split.train.inputs.subarray(0, samples * 784), [samples, 784]),
    tf.oneHot(tf.tensor1d(split.train.labels.subarray(0, samples), 'int32'), 10),
  ]);
  await model.fit(x!.slice(0, batchSize), y!.slice(0, batchSize), { batchSize, epochs: 1, verbose: 0 });
  const t0 = performance.now();
  await model.fit(x!, y!, { batchSize, epochs: 1, verbose: 0, shuffle: false });
  const rate = samples / ((performance.now() - t0) / 1000);
  tf.dispose([x!, y!]);
  model.dispose();
  return Math.round(rate);
}

function inference(name: 'mlp' | 'cnn', data: Dataset, batch: number, reps: number): number {
  const model = buildModel(name, 1);
  const x = tf.tensor2d(data.inputs.subarray(0, batch * 784), [batch, 784]);
  const run = (): void => {
    const out = model.predict(x, { batchSize: batch }) as tf.Tensor;
    out.dataSync();
    out.dispose();
  };
  run();
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) run();
  const rate = (reps * batch) / ((performance.now() - t0) / 1000);
  x.dispose();
  model.dispose();
  return Math.round(rate);
}

/** Event-loop delay on this thread while the trainer worker trains, idle and while serving predictions. */
async function eventLoopWhileTraining(modelName: 'mlp' | 'cnn', seconds: number): Promise<Record<string, number>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'arena-bench-'));
  try {
    const trainer = await startTrainer({
      competition,
      modelName,
      backend: 'wasm',
      dataDir,
      batchSize: 128,
      learningRate: 1e-3,
      seed: 1,
      evalEvery: 50,
      progressEvery: 10,
    });
    while (trainer.status().state === 'starting') await new Promise((r) => setTimeout(r, 20));
    const h = monitorEventLoopDelay({ resolution: 1 });
    h.enable();
    await new Promise((r) => setTimeout(r, seconds * 500));
    h.disable();
    const idleP99 = h.percentile(99) / 1e6;
    // Serve batch-1024 predictions from the latest checkpoint on this thread while training goes on.
    while (trainer.status().bestStep === undefined) await new Promise((r) => setTimeout(r, 50));
    const predictor = await loadServingModel(bestCheckpointDir(dataDir));
    const input = split.validation.inputs.subarray(0, 512 * 784);
    const h2 = monitorEventLoopDelay({ resolution: 1 });
    h2.enable();
    const end = Date.now() + seconds * 500;
    let served = 0;
    while (Date.now() < end) {
      await predictor.predict(input, [512, 784]);
      served += 512;
      await new Promise((r) => setTimeout(r, 10));
    }
    h2.disable();
    const step = trainer.status().step;
    const trainRate = trainer.status().samplesPerSec ?? 0;
    await trainer.stop();
    predictor.dispose();
    return {
      eventLoopDelayP99Ms: round(idleP99),
      eventLoopDelayMaxMs: round(h.max / 1e6),
      servingEventLoopDelayP99Ms: round(h2.percentile(99) / 1e6),
      servedSamplesPerSec: Math.round(served / (seconds / 2)),
      workerStepsDone: step,
      workerSamplesPerSec: Math.round(trainRate),
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

const round = (v: number): number => Math.round(v * 100) / 100;

async function main(): Promise<void> {
  const result: Record<string, unknown> = { node: process.version, cores: (await import('node:os')).cpus().length };
  const training: Record<string, Record<string, number>> = {};
  for (const backend of ['wasm', 'cpu'] as const) {
    const info = await selectBackend(backend);
    const row: Record<string, number> = {};
    for (const name of ['mlp', 'cnn'] as const) {
      for (const bs of [64, 256]) {
        // The cpu backend's convolutions take seconds per batch: a short budget still measures several steps of the MLP.
        if (backend === 'cpu' && name === 'cnn' && bs === 256) continue;
        row[`${name}.batch${bs}`] = fastTraining(name, bs, backend === 'cpu' ? 1500 : 3000);
      }
    }
    if (backend === 'wasm') {
      row['mlp.batch64.naiveFit'] = await naiveFit('mlp', 64, 4096);
      row['mlp.batch256.naiveFit'] = await naiveFit('mlp', 256, 4096);
      row['cnn.batch64.naiveFit'] = await naiveFit('cnn', 64, 1024);
      result.inference = {
        backend: 'wasm',
        'mlp.batch1024': inference('mlp', split.train, 1024, 20),
        'cnn.batch1024': inference('cnn', split.train, 1024, 3),
      };
    }
    training[`${info.backend}${info.simd ? '-simd' : ''}`] = row;
  }
  result.trainingSamplesPerSec = training;
  await selectBackend('wasm');
  result.mainThreadWhileTrainingMlp = await eventLoopWhileTraining('mlp', 6);
  result.mainThreadWhileTrainingCnn = await eventLoopWhileTraining('cnn', 6);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
