/**
 * What the miner serves: either the trainer's best checkpoint (trained in a worker thread, swapped in
 * atomically when a better one lands) or a model directory given with `--model-dir` (reloaded on change).
 */
import { existsSync } from 'node:fs';
import type { Logger } from 'pino';
import { ArenaError, errorMessage } from '#core';
import { ProtocolError, type MinerInfo } from '#protocol';
import type { BackendName, Competition } from '#training';
import type { Predictor as ServerPredictor, PredictorOutput } from './server/index.ts';
import type { TrainerOptions } from './train/index.ts';
import {
  bestCheckpointDir,
  loadServingModel,
  startTrainer,
  watchModelDir,
  type ModelWatcher,
  type Predictor as LoadedModel,
  type ProgressEvent,
  type Trainer,
  type TrainerStatus,
} from './train/index.ts';

/** The miner's version, reported by Info and encoded into the axon version. */
export const MINER_VERSION = '0.1.0';

/** Training settings of the model host (resolved: no optional defaults left except maxSteps). */
export type HostTraining = Required<
  Pick<TrainerOptions, 'modelName' | 'batchSize' | 'learningRate' | 'seed' | 'augment' | 'evalEvery' | 'progressEvery' | 'keepCheckpoints'>
> &
  Pick<TrainerOptions, 'maxSteps'>;

/** Options of `startModelHost`. */
export interface ModelHostOptions {
  competition: Competition;
  /** Backend name the trainer worker selects (the main thread's backend is selected by the caller). */
  backend: BackendName;
  /** The backend actually running on the main thread, reported by Info. */
  servingBackend: string;
  dataDir: string;
  /** Serve this directory instead of training. */
  modelDir?: string;
  training: HostTraining;
  maxBatch: number;
  logger: Logger;
  onProgress?: (p: ProgressEvent & { valLoss?: number; valAccuracy?: number }) => void;
  /** Called after each swap of the served model. */
  onServe?: (info: { step: number; checkpointHash: string; modelName: string }) => void;
}

/** The served model plus the training that feeds it. */
export interface ModelHost {
  predictor: ServerPredictor;
  info(): Omit<MinerInfo, 'hotkey'>;
  /** True once a model is loaded. */
  readonly ready: boolean;
  /** The trainer's status (undefined with --model-dir). */
  trainerStatus(): TrainerStatus | undefined;
  /** Stops training (the checkpoint stays on disk) and the model-dir watcher, then frees the model. */
  stop(): Promise<void>;
}

interface Slot {
  model: LoadedModel;
  inflight: number;
  retired: boolean;
  /** False when someone else frees the model (watchModelDir disposes the models it replaces). */
  owned: boolean;
}

/** Holds the served model; a swap is one reference assignment and the old model is freed once idle. */
class ServedModel {
  #slot: Slot | undefined;

  get current(): LoadedModel | undefined {
    return this.#slot?.model;
  }

  swap(model: LoadedModel, owned = true): void {
    const old = this.#slot;
    this.#slot = { model, inflight: 0, retired: false, owned };
    if (old !== undefined) {
      old.retired = true;
      release(old);
    }
  }

  async predict(input: Float32Array, shape: readonly number[], step: () => number): Promise<PredictorOutput> {
    const slot = this.#slot;
    if (slot === undefined) {
      throw new ProtocolError('unavailable', `no model to serve yet: the miner is training its first checkpoint (step ${step()})`);
    }
    slot.inflight++;
    try {
      const out = await slot.model.predict(input, [...shape]);
      return {
        data: out.data,
        shape: out.shape,
        checkpointHash: `0x${slot.model.info.checkpointHash}`,
        trainingStep: slot.model.info.step,
      };
    } finally {
      slot.inflight--;
      if (slot.retired) release(slot);
    }
  }

  dispose(): void {
    const slot = this.#slot;
    this.#slot = undefined;
    if (slot === undefined) return;
    slot.retired = true;
    release(slot);
  }
}

/** Frees a retired model once no prediction is using it (and only if we own it). */
function release(slot: Slot): void {
  if (slot.inflight === 0 && slot.owned) {
    slot.owned = false; // never twice
    slot.model.dispose();
  }
}

/** Starts serving: loads the existing best checkpoint (resume) or the model directory, and starts training. */
export async function startModelHost(o: ModelHostOptions): Promise<ModelHost> {
  const log = o.logger.child({ component: 'miner.model' });
  const served = new ServedModel();
  const announce = (m: LoadedModel, why: string): void => {
    log.info({ step: m.info.step, checkpointHash: m.info.checkpointHash, modelName: m.info.modelName, why }, 'serving model');
    o.onServe?.({ step: m.info.step, checkpointHash: m.info.checkpointHash, modelName: m.info.modelName });
  };
  let watcher: ModelWatcher | undefined;
  let trainer: Trainer | undefined;
  if (o.modelDir !== undefined) {
    // watchModelDir disposes the model it replaces itself, so these slots are not owned here.
    watcher = await openModelDir(o.modelDir, o.maxBatch, log, (m) => {
      served.swap(m, false);
      announce(m, 'model directory changed');
    });
    served.swap(watcher.current(), false);
    announce(watcher.current(), 'model directory');
  } else {
    await loadBest(o, served, log, announce);
    trainer = await startTrainer({
      competition: o.competition,
      modelName: o.training.modelName,
      backend: o.backend,
      dataDir: o.dataDir,
      batchSize: o.training.batchSize,
      learningRate: o.training.learningRate,
      seed: o.training.seed,
      ...(o.training.maxSteps === undefined ? {} : { maxSteps: o.training.maxSteps }),
      augment: o.training.augment,
      evalEvery: o.training.evalEvery,
      progressEvery: o.training.progressEvery,
      keepCheckpoints: o.training.keepCheckpoints,
      logger: o.logger,
      ...(o.onProgress === undefined ? {} : { onProgress: o.onProgress }),
      onCheckpoint: (c) => {
        loadServingModel(c.dir, { maxBatch: o.maxBatch, thread: 'worker' }).then(
          (m) => {
            // Loads finish in any order; never swap an older checkpoint over a newer one.
            if ((served.current?.info.step ?? -1) >= m.info.step) {
              m.dispose();
              return;
            }
            served.swap(m);
            announce(m, 'better checkpoint');
          },
          (err: unknown) => log.warn({ err, dir: c.dir }, 'new checkpoint failed to load; still serving the previous model'),
        );
      },
    });
  }
  const currentStep = (): number => trainer?.status().step ?? served.current?.info.step ?? 0;
  return {
    predictor: { predict: (input, shape) => served.predict(input, shape, currentStep) },
    get ready() {
      return served.current !== undefined;
    },
    info: () => infoOf(served.current, o),
    trainerStatus: () => trainer?.status(),
    stop: async () => {
      watcher?.close();
      await trainer?.stop();
      served.dispose();
      if (watcher !== undefined) watcher.current().dispose();
    },
  };
}

async function openModelDir(dir: string, maxBatch: number, log: Logger, onChange: (m: LoadedModel) => void): Promise<ModelWatcher> {
  try {
    return await watchModelDir(dir, onChange, { maxBatch, logger: log, thread: 'worker' });
  } catch (err: unknown) {
    throw new ArenaError(
      'USAGE',
      `cannot serve --model-dir ${dir}: expected a TensorFlow.js layers model directory (model.json + weights), found: ${errorMessage(err)}`,
      { cause: err },
    );
  }
}

/** After a restart, serve the best checkpoint at once (training resumes from it in the worker). */
async function loadBest(
  o: ModelHostOptions,
  served: ServedModel,
  log: Logger,
  announce: (m: LoadedModel, why: string) => void,
): Promise<void> {
  const dir = bestCheckpointDir(o.dataDir);
  if (!existsSync(dir)) return;
  try {
    const m = await loadServingModel(dir, { maxBatch: o.maxBatch, thread: 'worker' });
    served.swap(m);
    announce(m, 'resumed from the best checkpoint');
  } catch (err: unknown) {
    log.warn({ err, dir }, 'best checkpoint failed to load; serving starts with the next checkpoint');
  }
}

function infoOf(m: LoadedModel | undefined, o: ModelHostOptions): Omit<MinerInfo, 'hotkey'> {
  return {
    competitionId: o.competition.id,
    backend: o.servingBackend,
    parameterCount: m?.info.parameterCount ?? 0,
    checkpointHash: m === undefined ? '' : `0x${m.info.checkpointHash}`,
    trainingStep: m?.info.step ?? 0,
    modelName: m?.info.modelName ?? o.training.modelName,
    version: MINER_VERSION,
  };
}
