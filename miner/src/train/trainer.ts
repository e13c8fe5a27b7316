import { mkdir } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { pino, type Logger } from 'pino';
import { BACKEND_NAMES, isModelName, type BackendName, type Competition, type ModelName } from '#training';
import type { CheckpointEvent, MainMessage, ProgressEvent, TrainerWorkerConfig, WorkerMessage } from './messages.ts';

export type { CheckpointEvent, EvalEvent, ProgressEvent } from './messages.ts';

export interface TrainerOptions {
  competition: Competition;
  /** Architecture to build (ignored on resume only if it matches the saved state). */
  modelName: ModelName;
  backend: BackendName;
  /** Holds checkpoints/<step>/, checkpoints/best and trainer-state.json. */
  dataDir: string;
  batchSize: number;
  learningRate: number;
  seed: number;
  /** Total steps (including steps before a restart) after which training stops; default: run until stop(). */
  maxSteps?: number;
  /** Train on the competition's held-out augmentation (what validators score on); default true. */
  augment?: boolean;
  /** Validation every this many steps; default 100. */
  evalEvery?: number;
  /** Progress report every this many steps; default 20. */
  progressEvery?: number;
  /** Numbered checkpoints kept on disk; default 3 (the best is always kept). */
  keepCheckpoints?: number;
  /**
   * Nice value (0..19) of the training thread; default 10. On Linux it applies to that thread only, so
   * the miner's event loop and serving threads win the CPU when both want it (training takes the rest).
   */
  niceness?: number;
  logger?: Logger;
  onProgress?: (p: ProgressEvent & { valLoss?: number; valAccuracy?: number }) => void;
  onCheckpoint?: (c: CheckpointEvent) => void;
}

export interface TrainerStatus {
  state: 'starting' | 'training' | 'stopped' | 'finished' | 'failed';
  backend?: string;
  step: number;
  loss?: number;
  samplesPerSec?: number;
  valLoss?: number;
  valAccuracy?: number;
  bestStep?: number;
  bestValLoss?: number;
  resumed?: boolean;
  error?: string;
}

export interface Trainer {
  /** Asks the worker to stop after its current chunk of steps; resolves when it has exited. */
  stop(): Promise<void>;
  status(): TrainerStatus;
  /** Resolves when the worker has exited (max steps, stop() or failure). */
  done: Promise<TrainerStatus>;
}

function checkOptions(o: TrainerOptions): void {
  const bad = (what: string, found: unknown): never => {
    throw new Error(`startTrainer: expected ${what}, found ${String(found)}`);
  };
  if (!isModelName(o.modelName)) bad('a built-in model name', o.modelName);
  if (!(BACKEND_NAMES as readonly string[]).includes(o.backend)) bad(`a backend among ${BACKEND_NAMES.join(', ')}`, o.backend);
  if (!Number.isInteger(o.batchSize) || o.batchSize < 1) bad('a positive integer batchSize', o.batchSize);
  if (!(o.learningRate > 0 && o.learningRate < 10)) bad('a learningRate in (0, 10)', o.learningRate);
  if (!Number.isInteger(o.seed)) bad('an integer seed', o.seed);
  if (o.maxSteps !== undefined && (!Number.isInteger(o.maxSteps) || o.maxSteps < 1)) bad('a positive integer maxSteps', o.maxSteps);
  if (o.niceness !== undefined && (!Number.isInteger(o.niceness) || o.niceness < 0 || o.niceness > 19))
    bad('an integer niceness in 0..19', o.niceness);
}

/**
 * Starts the miner's trainer in a worker thread (tfjs never runs on the caller's event loop). It
 * trains on the competition's training split, evaluates on the miner's validation split every
 * `evalEvery` steps, checkpoints on improvement and resumes from dataDir after a restart.
 */
export async function startTrainer(options: TrainerOptions): Promise<Trainer> {
  checkOptions(options);
  const logger = (options.logger ?? pino({ level: 'silent' })).child({ component: 'miner.trainer' });
  await mkdir(options.dataDir, { recursive: true });
  const workerConfig: TrainerWorkerConfig = {
    competition: options.competition,
    modelName: options.modelName,
    backend: options.backend,
    dataDir: options.dataDir,
    batchSize: options.batchSize,
    learningRate: options.learningRate,
    seed: options.seed,
    ...(options.maxSteps !== undefined ? { maxSteps: options.maxSteps } : {}),
    evalEvery: options.evalEvery ?? 100,
    progressEvery: options.progressEvery ?? 20,
    keepCheckpoints: options.keepCheckpoints ?? 3,
    niceness: options.niceness ?? 10,
    augment: options.augment ?? true,
  };
  const worker = new Worker(new URL('./worker-bootstrap.mjs', import.meta.url), { workerData: workerConfig, stdout: true, stderr: true });
  // tfjs may print to the console; keep the miner's stdout clean and route it to the log.
  worker.stdout.on('data', (b: Buffer) => logger.debug({ text: b.toString().slice(0, 500) }, 'trainer worker stdout'));
  worker.stderr.on('data', (b: Buffer) => logger.debug({ text: b.toString().slice(0, 500) }, 'trainer worker stderr'));
  const status: TrainerStatus = { state: 'starting', step: 0 };
  worker.on('message', (m: WorkerMessage) => onMessage(m, status, options, logger));
  worker.on('error', (err) => {
    status.state = 'failed';
    status.error = err.message;
    logger.error({ err }, 'trainer worker crashed');
  });
  const done = new Promise<TrainerStatus>((resolve) =>
    worker.once('exit', (code) => {
      if (status.state === 'starting' || status.state === 'training') {
        status.state = 'failed';
        status.error ??= `trainer worker exited with code ${code} before finishing`;
      }
      resolve({ ...status });
    }),
  );
  return {
    status: () => ({ ...status }),
    done,
    stop: async () => {
      worker.postMessage({ type: 'stop' } satisfies MainMessage);
      const timer = setTimeout(() => {
        void worker.terminate();
      }, 30_000);
      await done;
      clearTimeout(timer);
    },
  };
}

function onMessage(m: WorkerMessage, status: TrainerStatus, o: TrainerOptions, logger: Logger): void {
  switch (m.type) {
    case 'ready':
      Object.assign(status, { state: 'training', backend: m.backend, step: m.step, resumed: m.resumed });
      logger.info(
        {
          backend: m.backend,
          simd: m.simd,
          threads: m.threads,
          step: m.step,
          resumed: m.resumed,
          parameterCount: m.parameterCount,
          niceness: m.niceness,
        },
        'trainer started',
      );
      return;
    case 'progress':
      Object.assign(status, { step: m.step, loss: m.loss, samplesPerSec: m.samplesPerSec });
      logger.debug({ step: m.step, loss: m.loss, samplesPerSec: Math.round(m.samplesPerSec) }, 'training progress');
      o.onProgress?.({ step: m.step, epoch: m.epoch, loss: m.loss, samplesPerSec: m.samplesPerSec });
      return;
    case 'eval':
      Object.assign(status, { valLoss: m.valLoss, valAccuracy: m.valAccuracy });
      logger.info({ step: m.step, valLoss: m.valLoss, valAccuracy: m.valAccuracy, improved: m.improved }, 'validation');
      o.onProgress?.({
        step: m.step,
        epoch: 0,
        loss: status.loss ?? Number.NaN,
        samplesPerSec: status.samplesPerSec ?? 0,
        valLoss: m.valLoss,
        valAccuracy: m.valAccuracy,
      });
      return;
    case 'checkpoint':
      Object.assign(status, { bestStep: m.step, bestValLoss: m.valLoss });
      logger.info({ step: m.step, dir: m.dir, valLoss: m.valLoss }, 'checkpoint written');
      o.onCheckpoint?.({ step: m.step, dir: m.dir, valLoss: m.valLoss, valAccuracy: m.valAccuracy });
      return;
    case 'done':
      Object.assign(status, { state: m.reason === 'stopped' ? 'stopped' : 'finished', step: m.step });
      logger.info({ step: m.step, reason: m.reason }, 'trainer finished');
      return;
    case 'error':
      Object.assign(status, { state: 'failed', error: m.message });
      logger.error({ err: { message: m.message, stack: m.stack } }, 'trainer failed');
  }
}
