import type { BackendName, Competition, ModelName } from '#training';

/** What the trainer worker receives as workerData. */
export interface TrainerWorkerConfig {
  competition: Competition;
  modelName: ModelName;
  backend: BackendName;
  dataDir: string;
  batchSize: number;
  learningRate: number;
  seed: number;
  /** Stop after this many steps in total (counting steps done before a restart). */
  maxSteps?: number;
  /** Train on the competition's held-out augmentation (shifts, noise) instead of raw images. */
  augment: boolean;
  /** Evaluate on the miner's validation split every this many steps. */
  evalEvery: number;
  /** Report progress every this many steps. */
  progressEvery: number;
  /** Numbered checkpoints kept on disk (the best one is always kept). */
  keepCheckpoints: number;
  /** Nice value of the training thread (Linux: per thread), 0..19; the serving threads keep 0. */
  niceness: number;
}

export interface ProgressEvent { step: number; epoch: number; loss: number; samplesPerSec: number }
export interface EvalEvent { step: number; valLoss: number; valAccuracy: number; improved: boolean }
export interface CheckpointEvent { step: number; dir: string; valLoss: number; valAccuracy: number }

/** Messages from the worker to the main thread. */
export type WorkerMessage =
  | { type: 'ready'; backend: string; simd: boolean; threads: boolean; step: number; resumed: boolean; parameterCount: number; niceness?: number }
  | ({ type: 'progress' } & ProgressEvent)
  | ({ type: 'eval' } & EvalEvent)
  | ({ type: 'checkpoint' } & CheckpointEvent)
  | { type: 'done'; step: number; reason: 'stopped' | 'max-steps' }
  | { type: 'error'; message: string; stack?: string };

/** Messages from the main thread to the worker. */
export type MainMessage = { type: 'stop' };

/** dataDir/trainer-state.json: enough to resume without optimizer state. */
export interface TrainerState {
  version: 1;
  competitionId: string;
  modelName: ModelName;
  step: number;
  epoch: number;
  bestStep: number;
  bestValLoss: number;
  bestValAccuracy: number;
  updatedAt: string;
}
