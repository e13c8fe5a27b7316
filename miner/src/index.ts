/** Public entry of the miner (`#miner`): config, daemon, chain port, and the parts it is built from. */
export { MinerConfigSchema, MINER_ENV_PREFIX, loadMinerConfig, minerConfigLeaves } from './config.ts';
export type { MinerConfig, MinerConfigInput, LoadMinerConfigOptions } from './config.ts';
export { startMiner, resolveCompetition, defaultDataDir, callerEntries, admissionLimitsOf, connectionLimitsOf } from './daemon.ts';
export type { StartMinerOptions, MinerHandle, MinerStatus } from './daemon.ts';
export { connectMinerChain, substrateMinerChain } from './chain.ts';
export type { MinerChain, MinerMetagraphView, AxonAddress, ConnectMinerChainOptions } from './chain.ts';
export { ensureRegistered, formatTao } from './registration.ts';
export { AxonKeeper, axonVersion, reachableIp, sameAxon, canonicalIp } from './axon.ts';
export { startModelHost, MINER_VERSION } from './model-host.ts';
export type { ModelHost, ModelHostOptions } from './model-host.ts';
export { ProgressLine, formatProgress } from './progress.ts';
export type { ProgressFacts } from './progress.ts';
export * from './server/index.ts';
export {
  startTrainer,
  loadServingModel,
  watchModelDir,
  bestCheckpointDir,
  checkpointsDir,
  readTrainerState,
  statePath,
  type Trainer,
  type TrainerOptions,
  type TrainerStatus,
  type ProgressEvent,
  type EvalEvent,
  type CheckpointEvent,
  type Predictor as ServingModel,
  type ServingInfo,
  type ServingOptions,
  type ModelWatcher,
  type TrainerState,
} from './train/index.ts';
