import type { ModelName } from '#training';
import type { TrainerOptions } from './trainer.ts';

/** What the trainer worker receives as workerData: the trainer's options with every default resolved. */
export type TrainerWorkerConfig = Required<Omit<TrainerOptions, 'logger' | 'onProgress' | 'onCheckpoint' | 'maxSteps'>> &
  Pick<TrainerOptions, 'maxSteps'>;

export interface ProgressEvent {
  step: number;
  epoch: number;
  loss: number;
  samplesPerSec: number;
}
export interface EvalEvent {
  step: number;
  valLoss: number;
  valAccuracy: number;
  improved: boolean;
}
export interface CheckpointEvent {
  step: number;
  dir: string;
  valLoss: number;
  valAccuracy: number;
}

/** Messages from the worker to the main thread. */
export type WorkerMessage =
  | {
      type: 'ready';
      backend: string;
      simd: boolean;
      threads: boolean;
      step: number;
      resumed: boolean;
      parameterCount: number;
      niceness?: number;
    }
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
