/** The miner's training worker and model serving (re-exported by the miner's entry). */
export {
  startTrainer,
  type Trainer,
  type TrainerOptions,
  type TrainerStatus,
  type ProgressEvent,
  type EvalEvent,
  type CheckpointEvent,
} from './trainer.ts';
export {
  loadServingModel,
  loadServingModelInWorker,
  watchModelDir,
  type Predictor,
  type ServingInfo,
  type ServingOptions,
  type ModelWatcher,
} from './serving.ts';
export { bestCheckpointDir, checkpointsDir, readTrainerState, statePath } from './checkpoints.ts';
export type { TrainerState } from './messages.ts';
