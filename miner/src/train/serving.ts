import { realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { pino, type Logger } from 'pino';
import { hashModelWeights, loadModelFromDir, MODEL_JSON, parameterCount } from '#training';

/** What a served model is; the miner's Info answer. */
export interface ServingInfo {
  /** Architecture name from the checkpoint metadata, or 'external' for a model trained elsewhere. */
  modelName: string;
  parameterCount: number;
  /** sha256 (hex) of the weight bytes. */
  checkpointHash: string;
  /** Training step from the checkpoint metadata (0 when unknown). */
  step: number;
  /** Per-sample input shape the model expects, e.g. [784]. */
  inputShape: number[];
  /** The directory it was loaded from (symlinks resolved). */
  dir: string;
}

export interface Predictor {
  /** Runs the model on `input` of shape [n, ...inputShape]; resolves with the output tensor's data and shape. */
  predict(input: Float32Array, shape: number[]): Promise<{ data: Float32Array; shape: number[] }>;
  info: ServingInfo;
  dispose(): void;
}

export interface ServingOptions {
  /** Samples per predict batch inside the model; default 1024 (LayersModel.predict's default of 32 is slow). */
  batchSize?: number;
  /** Largest n accepted per call; default 4096. */
  maxBatch?: number;
}

/**
 * Loads a TensorFlow.js layers model directory (a trainer checkpoint, `checkpoints/best`, or a model
 * trained elsewhere) for inference on the current tfjs backend; the miner selects the backend once at start.
 */
export async function loadServingModel(dir: string, options: ServingOptions = {}): Promise<Predictor> {
  const real = await realpath(dir);
  const [model, checkpointHash] = await Promise.all([loadModelFromDir(real), hashModelWeights(real)]);
  const meta = (model.getUserDefinedMetadata() as { arena?: { modelName?: unknown; step?: unknown } } | undefined)?.arena;
  const inputShape = (model.inputs[0]?.shape ?? []).slice(1).map((d) => d ?? -1);
  const info: ServingInfo = {
    modelName: typeof meta?.modelName === 'string' ? meta.modelName : 'external',
    parameterCount: parameterCount(model),
    checkpointHash,
    step: typeof meta?.step === 'number' ? meta.step : 0,
    inputShape,
    dir: real,
  };
  const batchSize = options.batchSize ?? 1024, maxBatch = options.maxBatch ?? 4096;
  return {
    info,
    predict: async (input, shape) => {
      checkInput(input, shape, inputShape, maxBatch);
      const out = tf.tidy(() => model.predict(tf.tensor(input, shape, 'float32'), { batchSize }) as tf.Tensor);
      try {
        return { data: (await out.data()) as Float32Array, shape: out.shape.slice() };
      } finally {
        out.dispose();
      }
    },
    dispose: () => model.dispose(),
  };
}

function checkInput(input: Float32Array, shape: number[], inputShape: number[], maxBatch: number): void {
  const n = shape[0];
  const rest = shape.slice(1);
  if (n === undefined || !Number.isInteger(n) || n < 1 || n > maxBatch) throw new Error(`expected a batch of 1..${maxBatch} samples, found shape [${shape.join(', ')}]`);
  if (rest.length !== inputShape.length || rest.some((d, i) => inputShape[i] !== -1 && d !== inputShape[i])) {
    throw new Error(`expected input shape [n, ${inputShape.join(', ')}], found [${shape.join(', ')}]`);
  }
  const size = shape.reduce((a, b) => a * b, 1);
  if (input.length !== size) throw new Error(`expected ${size} values for shape [${shape.join(', ')}], found ${input.length}`);
  for (let i = 0; i < input.length; i++) {
    if (!Number.isFinite(input[i]!)) throw new Error(`expected finite input values, found ${input[i]} at index ${i}`);
  }
}

export interface ModelWatcher {
  /** The predictor in use now. */
  current(): Predictor;
  close(): void;
}

/** Identity of what is on disk: the resolved directory plus model.json's size and mtime. */
async function signature(dir: string): Promise<string> {
  const real = await realpath(dir);
  const s = await stat(join(real, MODEL_JSON));
  return `${real}:${s.size}:${s.mtimeMs}`;
}

/**
 * Serves a model directory (`--model-dir`) and reloads it when it changes (polled every `intervalMs`,
 * default 1000): the new model is loaded fully, then swapped in at once and the old one disposed.
 * A directory that fails to load is logged and the current model keeps serving.
 */
export async function watchModelDir(dir: string, onChange: (p: Predictor) => void,
  options: ServingOptions & { intervalMs?: number; logger?: Logger } = {}): Promise<ModelWatcher> {
  const logger = (options.logger ?? pino({ level: 'silent' })).child({ component: 'miner.model-dir' });
  let sig = await signature(dir);
  let current = await loadServingModel(dir, options);
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void reload().finally(() => { busy = false; });
  }, options.intervalMs ?? 1000);
  async function reload(): Promise<void> {
    try {
      const next = await signature(dir);
      if (next === sig) return;
      const loaded = await loadServingModel(dir, options);
      const old = current;
      current = loaded;
      sig = next;
      old.dispose();
      logger.info({ dir: loaded.info.dir, step: loaded.info.step, checkpointHash: loaded.info.checkpointHash }, 'served model reloaded');
      onChange(loaded);
    } catch (err: unknown) {
      logger.warn({ err, dir }, 'model directory reload failed; still serving the previous model');
    }
  }
  return { current: () => current, close: () => clearInterval(timer) };
}
