import { parentPort, workerData } from 'node:worker_threads';
import { errorMessage } from '#core';
import { selectBackend, type BackendName } from '#training';
import { loadServingModel, type Predictor, type ServingOptions } from './serving.ts';

// A serving worker thread: holds one model and answers predictions, off the miner's event loop.
export interface PredictorWorkerConfig {
  dir: string;
  backend: BackendName;
  options: ServingOptions;
}
export type PredictorWorkerRequest = { type: 'predict'; id: number; input: Float32Array; shape: number[] } | { type: 'close' };
export type PredictorWorkerReply =
  | { type: 'ready'; info: Predictor['info']; backend: string }
  | { type: 'load-failed'; message: string }
  | { type: 'result'; id: number; data: Float32Array; shape: number[] }
  | { type: 'failed'; id: number; message: string };

const cfg = workerData as PredictorWorkerConfig;
const port = parentPort!;

async function main(): Promise<void> {
  let predictor: Predictor;
  let backend: string;
  try {
    backend = (await selectBackend(cfg.backend)).backend;
    // No event loop to protect here: predict in the largest chunks.
    predictor = await loadServingModel(cfg.dir, { ...cfg.options, thread: 'main', sliceMs: 60_000 });
  } catch (err: unknown) {
    port.postMessage({ type: 'load-failed', message: errorMessage(err) } satisfies PredictorWorkerReply);
    return;
  }
  port.on('message', (m: PredictorWorkerRequest) => {
    if (m.type === 'close') {
      predictor.dispose();
      port.close();
      return;
    }
    predictor.predict(m.input, m.shape).then(
      (out) =>
        port.postMessage({ type: 'result', id: m.id, data: out.data, shape: out.shape } satisfies PredictorWorkerReply, [
          out.data.buffer as ArrayBuffer,
        ]),
      (err: unknown) => port.postMessage({ type: 'failed', id: m.id, message: errorMessage(err) } satisfies PredictorWorkerReply),
    );
  });
  port.postMessage({ type: 'ready', info: predictor.info, backend } satisfies PredictorWorkerReply);
}

void main();
