import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type * as tf from '@tensorflow/tfjs';
import {
  buildModel,
  evaluateModel,
  loadModelFromDir,
  loadTrainingSplit,
  parameterCount,
  saveModelToDir,
  selectBackend,
  TrainSession,
} from '#training';
import { checkpointsDir, pruneCheckpoints, readTrainerState, updateBestLink, writeTrainerState } from './checkpoints.ts';
import type { MainMessage, TrainerState, TrainerWorkerConfig, WorkerMessage } from './messages.ts';

// The trainer's worker thread: all tfjs work happens here, off the miner's event loop.
const cfg = workerData as TrainerWorkerConfig;
const port = parentPort;
let stopping = false;

function post(msg: WorkerMessage): void {
  port?.postMessage(msg);
}

port?.on('message', (m: MainMessage) => {
  if (m.type === 'stop') stopping = true;
});

interface Best {
  step: number;
  loss: number;
  accuracy: number;
}

async function loadOrBuild(): Promise<{ model: tf.LayersModel; state: TrainerState | undefined }> {
  const state = await readTrainerState(cfg.dataDir);
  if (state && state.modelName === cfg.modelName && state.competitionId === cfg.competition.id && state.bestStep >= 0) {
    return { model: await loadModelFromDir(join(checkpointsDir(cfg.dataDir), String(state.bestStep))), state };
  }
  return { model: buildModel(cfg.modelName, cfg.seed, cfg.competition.classes), state: undefined };
}

async function checkpoint(model: tf.LayersModel, step: number, best: Best): Promise<void> {
  const dir = join(checkpointsDir(cfg.dataDir), String(step));
  model.setUserDefinedMetadata({
    arena: { modelName: cfg.modelName, competitionId: cfg.competition.id, step, valLoss: best.loss, valAccuracy: best.accuracy },
  });
  await saveModelToDir(model, dir);
  await updateBestLink(cfg.dataDir, step);
  await pruneCheckpoints(cfg.dataDir, cfg.keepCheckpoints, step);
  post({ type: 'checkpoint', step, dir, valLoss: best.loss, valAccuracy: best.accuracy });
}

async function saveState(step: number, epoch: number, best: Best): Promise<void> {
  await writeTrainerState(cfg.dataDir, {
    version: 1,
    competitionId: cfg.competition.id,
    modelName: cfg.modelName,
    step,
    epoch,
    bestStep: best.step,
    bestValLoss: best.loss,
    bestValAccuracy: best.accuracy,
    updatedAt: new Date().toISOString(),
  });
}

/**
 * Lowers this thread's priority: on Linux a thread id given to setpriority(PRIO_PROCESS) names that
 * thread alone (/proc/thread-self links to <pid>/task/<tid>). Returns the nice value set, or undefined.
 */
function niceThisThread(niceness: number): number | undefined {
  if (niceness === 0 || process.platform !== 'linux') return undefined;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
    if (!Number.isInteger(tid) || tid <= 0 || tid === process.pid) return undefined;
    setPriority(tid, niceness);
    return niceness;
  } catch {
    return undefined; // not permitted or not available: train at normal priority
  }
}

async function main(): Promise<void> {
  const niceness = niceThisThread(cfg.niceness);
  const info = await selectBackend(cfg.backend);
  const split = loadTrainingSplit(cfg.competition);
  const { model, state } = await loadOrBuild();
  let step = state?.step ?? 0;
  const best: Best = state
    ? { step: state.bestStep, loss: state.bestValLoss, accuracy: state.bestValAccuracy }
    : { step: -1, loss: Infinity, accuracy: 0 };
  post({
    type: 'ready',
    backend: info.backend,
    simd: info.simd,
    threads: info.threads,
    step,
    resumed: state !== undefined,
    parameterCount: parameterCount(model),
    ...(niceness !== undefined ? { niceness } : {}),
  });
  const session = new TrainSession(model, split.train, {
    batchSize: cfg.batchSize,
    learningRate: cfg.learningRate,
    seed: cfg.seed,
    startEpoch: state?.epoch ?? 0,
    ...(cfg.augment ? { augmentation: cfg.competition.augmentation } : {}),
  });
  const limit = cfg.maxSteps ?? Number.POSITIVE_INFINITY;
  while (!stopping && step < limit) {
    const n = Math.min(cfg.progressEvery, cfg.evalEvery - (step % cfg.evalEvery), limit - step);
    const t0 = performance.now();
    const loss = session.steps(n);
    step += n;
    post({ type: 'progress', step, epoch: session.epoch, loss, samplesPerSec: (n * cfg.batchSize) / ((performance.now() - t0) / 1000) });
    if (step % cfg.evalEvery === 0 || step >= limit) {
      const val = evaluateModel(model, split.validation);
      const improved = val.loss < best.loss;
      post({ type: 'eval', step, valLoss: val.loss, valAccuracy: val.accuracy, improved });
      if (improved) {
        Object.assign(best, { step, loss: val.loss, accuracy: val.accuracy });
        await checkpoint(model, step, best);
      }
      await saveState(step, session.epoch, best);
    }
    // Let a 'stop' message in between chunks of synchronous training.
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (best.step >= 0) await saveState(step, session.epoch, best);
  session.dispose();
  model.dispose();
  post({ type: 'done', step, reason: stopping ? 'stopped' : 'max-steps' });
}

main()
  .catch((err: unknown) => {
    const e = err instanceof Error ? err : new Error(String(err));
    post({ type: 'error', message: e.message, ...(e.stack ? { stack: e.stack } : {}) });
  })
  .finally(() => {
    // The 'stop' listener would keep the thread alive; posted messages are still delivered.
    port?.unref();
  });
