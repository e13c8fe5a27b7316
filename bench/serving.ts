/**
 * Miner serving while training: the main-thread event-loop delay (monitorEventLoopDelay, 1 ms resolution)
 * of a real miner gRPC server (`createMinerServer`, signed Predicts) serving the trainer's best checkpoint
 * through `loadServingModel`, while the trainer worker trains. A validator-like client in a separate
 * process sends batch-256 and batch-512 Predicts back to back (one in flight, requests encoded once
 * and signed per call, as the validator does). Prints one JSON object.
 *
 *   node --import tsx bench/serving.ts [--seconds 8] [--model cnn|mlp]
 *
 * Scenarios, each with a freshly (re)started trainer resuming from the same data dir:
 * - trainingOnly: nothing served (the event loop is idle apart from trainer messages);
 * - mainThread / worker: inference on the main thread in ~8 ms chunks, or in a serving worker thread;
 * - each with the trainer thread at nice 0 and at nice 10 (the trainer's default).
 * The target (DESIGN.md) is event-loop delay p99 < 20 ms while training runs.
 */
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { MinerClient, preparePredictRequest, type PredictRequest } from '#protocol';
import { loadBuiltinCompetition, loadTrainingSplit, selectBackend } from '#training';
import { createMinerServer, InMemoryCallerDirectory } from '../miner/src/server/index.ts';
import { bestCheckpointDir, loadServingModel, startTrainer, type Trainer } from '../miner/src/train/index.ts';

const arg = (name: string, dflt: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
};
const MAX_BYTES = 16 * 1024 * 1024;
const round = (v: number): number => Math.round(v * 100) / 100;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface ClientResult {
  calls: number;
  samples: number;
  seconds: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  errors: number;
}

/** The validator side, in its own process: Predicts of 256 and 512 rows back to back for `seconds`. */
async function client(port: number, minerHotkey: string, seconds: number): Promise<ClientResult> {
  await cryptoWaitReady();
  const signer = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
  const c = new MinerClient({ address: `127.0.0.1:${port}`, minerHotkey, signer, maxMessageBytes: MAX_BYTES });
  const split = loadTrainingSplit(loadBuiltinCompetition('mnist'));
  const req = (n: number): PredictRequest => ({
    competitionId: 'mnist',
    roundId: 1,
    input: { dtype: 'float32', shape: [n, 784], data: split.validation.inputs.slice(0, n * 784) },
  });
  const prepared = [preparePredictRequest(req(256)), preparePredictRequest(req(512))];
  const lat: number[] = [];
  let samples = 0,
    errors = 0,
    i = 0;
  const t0 = performance.now(),
    end = t0 + seconds * 1000;
  while (performance.now() < end) {
    const p = prepared[i++ % 2]!;
    const s = performance.now();
    try {
      await c.predictPrepared(p, { deadlineMs: 30_000 });
      samples += i % 2 === 1 ? 256 : 512;
      lat.push(performance.now() - s);
    } catch {
      errors++;
    }
  }
  c.close();
  lat.sort((a, b) => a - b);
  const q = (f: number): number => round(lat[Math.min(lat.length - 1, Math.floor(lat.length * f))] ?? Number.NaN);
  return {
    calls: lat.length,
    samples,
    seconds: round((performance.now() - t0) / 1000),
    latencyP50Ms: q(0.5),
    latencyP99Ms: q(0.99),
    errors,
  };
}

function runClient(port: number, minerHotkey: string, seconds: number): Promise<ClientResult> {
  const child = fork(fileURLToPath(import.meta.url), ['--client', String(port), minerHotkey, String(seconds)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m as ClientResult));
    child.once('exit', (code) => reject(new Error(`bench client exited with code ${code} before reporting`)));
  });
}

async function main(): Promise<void> {
  const seconds = Number(arg('seconds', '8'));
  const modelName = arg('model', 'cnn') as 'cnn' | 'mlp';
  await cryptoWaitReady();
  await selectBackend('wasm');
  const competition = loadBuiltinCompetition('mnist');
  const miner = new Keyring({ type: 'sr25519' }).addFromUri('//Bob');
  const validator = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
  const dataDir = await mkdtemp(join(tmpdir(), 'arena-bench-serving-'));
  const train = (niceness: number): Promise<Trainer> =>
    startTrainer({
      competition,
      modelName,
      backend: 'wasm',
      dataDir,
      batchSize: 128,
      learningRate: 1e-3,
      seed: 1,
      evalEvery: 20,
      progressEvery: 5,
      niceness,
    });
  const results: Record<string, unknown> = {};
  try {
    // A first checkpoint to serve.
    const first = await train(10);
    while (first.status().bestStep === undefined && first.status().state !== 'failed') await sleep(50);
    await first.stop();

    const scenarios: { name: string; thread?: 'main' | 'worker'; niceness: number }[] = [
      { name: 'trainingOnly.nice0', niceness: 0 },
      { name: 'trainingOnly.nice10', niceness: 10 },
      { name: 'mainThread.nice0', thread: 'main', niceness: 0 },
      { name: 'mainThread.nice10', thread: 'main', niceness: 10 },
      { name: 'worker.nice0', thread: 'worker', niceness: 0 },
      { name: 'worker.nice10', thread: 'worker', niceness: 10 },
    ];
    for (const sc of scenarios) {
      const trainer = await train(sc.niceness);
      while (trainer.status().state === 'starting') await sleep(20);
      await sleep(500);
      const step0 = trainer.status().step,
        t0 = performance.now();
      const h = monitorEventLoopDelay({ resolution: 1 });
      let row: Record<string, number | string> = {};
      if (!sc.thread) {
        h.enable();
        await sleep(seconds * 1000);
        h.disable();
      } else {
        const predictor = await loadServingModel(bestCheckpointDir(dataDir), { thread: sc.thread, maxBatch: 1024 });
        const info = () => ({
          competitionId: 'mnist',
          backend: 'wasm',
          parameterCount: predictor.info.parameterCount,
          checkpointHash: `0x${predictor.info.checkpointHash}`,
          trainingStep: predictor.info.step,
          modelName: predictor.info.modelName,
          version: 'bench',
        });
        const server = createMinerServer({
          predictor: { predict: (input, shape) => predictor.predict(input, [...shape]) },
          info,
          hotkey: miner,
          callerDirectory: new InMemoryCallerDirectory({ [validator.address]: { uid: 0, validatorPermit: true, stakeRao: 0n } }),
          rateLimit: { ratePerSec: 1e9, burst: 1e9 },
          limits: { inputShape: [784], outputShape: [10], maxBatch: 1024, maxMessageBytes: MAX_BYTES },
        });
        const { port } = await server.start('127.0.0.1', 0);
        await runClient(port, miner.address, 1); // warm-up (connection, first predictions)
        h.enable();
        const r = await runClient(port, miner.address, seconds);
        h.disable();
        await server.stop();
        predictor.dispose();
        row = {
          servedSamplesPerSec: Math.round(r.samples / r.seconds),
          calls: r.calls,
          errors: r.errors,
          callP50Ms: r.latencyP50Ms,
          callP99Ms: r.latencyP99Ms,
        };
      }
      const trainedSamplesPerSec = Math.round(((trainer.status().step - step0) * 128) / ((performance.now() - t0) / 1000));
      await trainer.stop();
      results[sc.name] = {
        eventLoopDelayP50Ms: round(h.percentile(50) / 1e6),
        eventLoopDelayP99Ms: round(h.percentile(99) / 1e6),
        eventLoopDelayMaxMs: round(h.max / 1e6),
        ...row,
        trainerSamplesPerSec: trainedSamplesPerSec,
      };
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  process.stdout.write(
    `${JSON.stringify({ bench: 'serving', node: process.version, model: modelName, seconds, loadAverage1m: round(loadavg()[0]!), targetP99Ms: 20, results })}\n`,
  );
}

if (process.argv[2] === '--client') {
  const r = await client(Number(process.argv[3]), process.argv[4]!, Number(process.argv[5]));
  process.send?.(r, () => process.exit(0));
} else {
  await main();
}
