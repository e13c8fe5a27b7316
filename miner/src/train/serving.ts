import { realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { pino, type Logger } from 'pino';
import { Worker } from 'node:worker_threads';
import { BACKEND_NAMES, hashModelWeights, loadModelFromDir, MODEL_JSON, parameterCount, type BackendName } from '#training';
import type { PredictorWorkerConfig, PredictorWorkerReply, PredictorWorkerRequest } from './predictor-worker.ts';

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
  /** Largest chunk passed to LayersModel.predict at once (its default of 32 is slow); default 1024. */
  batchSize?: number;
  /** Target duration of one synchronous predict chunk on the main thread, in ms; default 8 (keeps event-loop delay low). */
  sliceMs?: number;
  /** Largest n accepted per call; default 4096. */
  maxBatch?: number;
  /**
   * Where inference runs: 'main' (this thread, in ~sliceMs chunks that yield) or 'worker' (a worker
   * thread holding the model; this thread only copies the input over and the output back; loading
   * takes ~1 s longer). Default 'main'. With training in another worker, 'worker' keeps the event-loop
   * delay p99 under 20 ms where 'main' did not (bench/serving.ts).
   */
  thread?: 'main' | 'worker';
  /** Backend of a serving worker; default the backend of the calling thread. */
  backend?: BackendName;
}

/**
 * Loads a TensorFlow.js layers model directory (a trainer checkpoint, `checkpoints/best`, or a model
 * trained elsewhere) for inference on the current tfjs backend; the miner selects the backend once at start.
 * With `thread: 'worker'` the model lives in a serving worker thread (see loadServingModelInWorker).
 */
export async function loadServingModel(dir: string, options: ServingOptions = {}): Promise<Predictor> {
  if (options.thread === 'worker') return loadServingModelInWorker(dir, options);
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
  const maxBatch = options.maxBatch ?? 4096;
  const chunker = new Chunker(options.sliceMs ?? 8, options.batchSize ?? 1024);
  // A predict yields between chunks, so a swap may dispose this model while a call is still running:
  // disposal waits until the last running call has finished.
  const life = { running: 0, disposed: false, freed: false };
  const freeIfIdle = (): void => {
    if (life.disposed && life.running === 0 && !life.freed) {
      life.freed = true;
      model.dispose();
    }
  };
  return {
    info,
    predict: async (input, shape) => {
      if (life.disposed) throw new Error('this model was replaced; retry with the current one');
      life.running++;
      try {
        return await predictChunked(input, shape);
      } finally {
        life.running--;
        freeIfIdle();
      }
    },
    dispose: () => {
      life.disposed = true;
      freeIfIdle();
    },
  };

  async function predictChunked(input: Float32Array, shape: number[]): Promise<{ data: Float32Array; shape: number[] }> {
    checkInput(input, shape, inputShape, maxBatch);
    const n = shape[0]!,
      size = input.length / n;
    let data: Float32Array | undefined;
    let outShape: number[] = [];
    // Predict in chunks sized to take about sliceMs each and yield in between, so a large batch
    // through a slow model never holds the event loop for long.
    for (let start = 0; start < n; ) {
      const count = Math.min(chunker.size, n - start);
      const t0 = performance.now();
      const out = tf.tidy(
        () =>
          model.predict(tf.tensor(input.subarray(start * size, (start + count) * size), [count, ...shape.slice(1)], 'float32'), {
            batchSize: count,
          }) as tf.Tensor,
      );
      const part = out.dataSync() as Float32Array;
      out.dispose();
      chunker.observe(count, performance.now() - t0);
      if (!data) {
        outShape = [n, ...out.shape.slice(1)];
        data = new Float32Array((part.length / count) * n);
      }
      data.set(part, (part.length / count) * start);
      start += count;
      if (start < n) await new Promise((resolve) => setImmediate(resolve));
    }
    return { data: data!, shape: outShape };
  }
}

/**
 * Loads a model directory into a worker thread of its own and serves it from there: the caller's
 * event loop only copies inputs and outputs, so training in another worker and large batches never
 * hold it. Same contract as `loadServingModel`: dispose() waits for running calls, then ends the worker.
 * Rejects (and ends the worker) when the directory does not load.
 */
export async function loadServingModelInWorker(dir: string, options: ServingOptions = {}): Promise<Predictor> {
  const current = tf.getBackend();
  const backend: BackendName =
    options.backend ?? ((BACKEND_NAMES as readonly string[]).includes(current) ? (current as BackendName) : 'auto');
  const { thread: _thread, backend: _backend, ...serving } = options;
  const config: PredictorWorkerConfig = { dir, backend, options: serving };
  const worker = new Worker(new URL('./predictor-worker-bootstrap.mjs', import.meta.url), {
    workerData: config,
    stdout: true,
    stderr: true,
  });
  // tfjs may print a banner: keep the miner's stdout clean.
  worker.stdout.resume();
  worker.stderr.resume();
  const pending = new Map<number, { resolve: (o: { data: Float32Array; shape: number[] }) => void; reject: (e: Error) => void }>();
  let exited: Error | undefined;
  const info = await new Promise<ServingInfo>((resolve, reject) => {
    const onMessage = (m: PredictorWorkerReply): void => {
      if (m.type === 'ready') {
        worker.off('message', onMessage);
        resolve(m.info);
      }
      if (m.type === 'load-failed') {
        worker.off('message', onMessage);
        void worker.terminate();
        reject(new Error(m.message));
      }
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`serving worker for ${dir} exited with code ${code} before loading the model`)));
  });
  worker.on('message', (m: PredictorWorkerReply) => {
    if (m.type !== 'result' && m.type !== 'failed') return;
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (pending.size === 0) worker.unref();
    if (m.type === 'result') p.resolve({ data: m.data, shape: m.shape });
    else p.reject(new Error(m.message));
  });
  worker.on('error', (err) => {
    exited = err;
  });
  worker.on('exit', (code) => {
    exited ??= new Error(`serving worker for ${info.dir} exited with code ${code}`);
    for (const p of pending.values()) p.reject(exited);
    pending.clear();
  });
  // An idle serving worker never keeps the process alive; a running prediction does.
  worker.unref();
  let nextId = 0;
  let disposed = false,
    closed = false;
  const closeIfIdle = (): void => {
    if (disposed && pending.size === 0 && !closed) {
      closed = true;
      worker.postMessage({ type: 'close' } satisfies PredictorWorkerRequest);
      // A worker that does not end by itself (it should) is ended after a grace period.
      const timer = setTimeout(() => {
        void worker.terminate();
      }, 5_000);
      timer.unref();
      worker.once('exit', () => clearTimeout(timer));
    }
  };
  return {
    info,
    predict: async (input, shape) => {
      if (disposed) throw new Error('this model was replaced; retry with the current one');
      if (exited) throw new Error(`the serving worker is gone: ${exited.message}`);
      const id = nextId++;
      // A copy of exactly the input's bytes (it may be a view into a larger request buffer), moved over.
      const copy = input.slice();
      try {
        return await new Promise<{ data: Float32Array; shape: number[] }>((resolve, reject) => {
          pending.set(id, { resolve, reject });
          worker.ref();
          worker.postMessage({ type: 'predict', id, input: copy, shape: [...shape] } satisfies PredictorWorkerRequest, [copy.buffer]);
        });
      } finally {
        closeIfIdle();
      }
    },
    dispose: () => {
      disposed = true;
      closeIfIdle();
    },
  };
}

/** Adapts the chunk size to the model's measured speed: about `sliceMs` of work per chunk. */
class Chunker {
  size = 256;
  constructor(
    private readonly sliceMs: number,
    private readonly maxSize: number,
  ) {}
  observe(count: number, ms: number): void {
    const perSample = ms / count;
    if (perSample > 0) this.size = Math.max(16, Math.min(this.maxSize, Math.round(this.sliceMs / perSample)));
  }
}

function checkInput(input: Float32Array, shape: number[], inputShape: number[], maxBatch: number): void {
  const n = shape[0];
  const rest = shape.slice(1);
  if (n === undefined || !Number.isInteger(n) || n < 1 || n > maxBatch)
    throw new Error(`expected a batch of 1..${maxBatch} samples, found shape [${shape.join(', ')}]`);
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
export async function watchModelDir(
  dir: string,
  onChange: (p: Predictor) => void,
  options: ServingOptions & { intervalMs?: number; logger?: Logger } = {},
): Promise<ModelWatcher> {
  const logger = (options.logger ?? pino({ level: 'silent' })).child({ component: 'miner.model-dir' });
  let sig = await signature(dir);
  let current = await loadServingModel(dir, options);
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void reload().finally(() => {
      busy = false;
    });
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
