/**
 * A tiny but real miner for validator tests and the round benchmark: a grpc-js server speaking
 * `arena.v1.MinerService` with Epistula-signed requests and responses (through `#protocol`), and a
 * chosen behaviour. `good` is a nearest-class-mean classifier fitted on the competition's training
 * split (~80% on MNIST, no training loop needed); the others misbehave on purpose.
 *
 * Run as a child process: `node --import tsx tiny-miner.ts '<json TinyMinerOptions>'`; it prints
 * one line `{"port":N,"hotkey":"..."}` when listening and exits on SIGTERM/SIGINT.
 */
import { Server, ServerCredentials, status as GrpcStatus, type Metadata, type ServerUnaryCall, type sendUnaryData } from '@grpc/grpc-js';
import { readFileSync, writeFileSync } from 'node:fs';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import {
  decodePredictRequest,
  encodeInfoResponse,
  encodePredictResponse,
  ensureCryptoReady,
  MINER_SERVICE,
  MinerClient,
  responseMetadata,
  signResponse,
  verifyRequest,
} from '#protocol';
import { loadBuiltinCompetition, loadTrainingSplit } from '#training';

export type TinyBehaviour = 'good' | 'random' | 'uniform' | 'wrong' | 'nan' | 'wrong-shape' | 'garbage' | 'slow' | 'die' | 'proxy';

export interface TinyMinerOptions {
  /** sr25519 dev URI of the miner hotkey, e.g. `//miner1`. */
  hotkeyUri: string;
  behaviour: TinyBehaviour;
  port?: number;
  /** `good` only: softmax temperature over negative squared distances (smaller = more confident). */
  temperature?: number;
  /** `slow`: delay before answering, ms. */
  delayMs?: number;
  /** `die`: answer this many requests, then exit the process on the next one (mid-round). */
  dieAfter?: number;
  /** File of precomputed class means (`writeClassMeans`), so child processes skip loading the digits. */
  meansFile?: string;
  /**
   * `good`: measure distances over a seeded half of the pixels only (another "architecture": same
   * training data, other features, so its own mistakes). Absent: all pixels.
   */
  pixelSeed?: number;
  /** `proxy`: the miner whose answers it forwards (asked with the proxy's own signature after the validator asks the proxy). */
  victim?: { port: number; hotkey: string };
}

const CLASSES = 10;
let means: Float32Array | undefined;

/** Writes the class means to `path` (raw float32 little-endian) for `meansFile`. */
export function writeClassMeans(path: string): void {
  const m = classMeans();
  writeFileSync(path, new Uint8Array(m.buffer, m.byteOffset, m.byteLength));
}

/** Class means of the training split (10 x 784), computed once. */
function classMeans(file?: string): Float32Array {
  if (means !== undefined) return means;
  if (file !== undefined) {
    const b = readFileSync(file);
    means = new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
    return means;
  }
  const { train } = loadTrainingSplit(loadBuiltinCompetition('mnist'));
  const d = train.sampleSize;
  const sum = new Float64Array(CLASSES * d);
  const count = new Float64Array(CLASSES);
  for (let i = 0; i < train.count; i++) {
    const l = train.labels[i]!;
    count[l]!++;
    for (let j = 0; j < d; j++) sum[l * d + j]! += train.inputs[i * d + j]!;
  }
  means = Float32Array.from(sum, (v, k) => v / Math.max(1, count[Math.floor(k / d)]!));
  return means;
}

/** The pixels a `pixelSeed` model looks at: a seeded half (all pixels when no seed). */
function pixelMask(dim: number, seed: number | undefined): Uint8Array {
  if (seed === undefined) return new Uint8Array(dim).fill(1);
  let x = (seed * 2654435761) >>> 0 || 1;
  return Uint8Array.from({ length: dim }, () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x >>> 31;
  });
}

/** Probabilities of the nearest-class-mean model for `rows` inputs of `dim` values (over `pixelSeed`'s pixels when given). */
export function nearestMeanProbs(input: Float32Array, rows: number, dim: number, temperature: number, pixelSeed?: number): Float32Array {
  const m = classMeans();
  const mask = pixelMask(dim, pixelSeed);
  const out = new Float32Array(rows * CLASSES);
  const logits = new Float64Array(CLASSES);
  for (let r = 0; r < rows; r++) {
    let max = -Infinity;
    for (let c = 0; c < CLASSES; c++) {
      let dist = 0;
      for (let j = 0; j < dim; j++) {
        if (mask[j] === 0) continue;
        const x = input[r * dim + j]! - m[c * dim + j]!;
        dist += x * x;
      }
      logits[c] = -dist / temperature;
      if (logits[c]! > max) max = logits[c]!;
    }
    let z = 0;
    for (let c = 0; c < CLASSES; c++) {
      logits[c] = Math.exp(logits[c]! - max);
      z += logits[c]!;
    }
    for (let c = 0; c < CLASSES; c++) out[r * CLASSES + c] = logits[c]! / z;
  }
  return out;
}

function answer(
  o: TinyMinerOptions,
  input: Float32Array,
  rows: number,
  dim: number,
): { data: Float32Array | Int32Array; shape: number[]; dtype: 'float32' | 'int32' } {
  switch (o.behaviour) {
    case 'good':
    case 'slow':
    case 'die':
      return { dtype: 'float32', shape: [rows, CLASSES], data: nearestMeanProbs(input, rows, dim, o.temperature ?? 5, o.pixelSeed) };
    case 'proxy':
      throw new Error('a proxy answers from its victim (forward), not from a model');
    case 'random': {
      // Cheap, distinct per miner: seeded random rows, normalised.
      let x = 2166136261;
      for (const ch of o.hotkeyUri) x = Math.imul(x ^ ch.charCodeAt(0), 16777619) >>> 0;
      const out = new Float32Array(rows * CLASSES);
      for (let r = 0; r < rows; r++) {
        let z = 0;
        for (let c = 0; c < CLASSES; c++) {
          x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
          out[r * CLASSES + c] = 0.05 + x / 2 ** 32;
          z += out[r * CLASSES + c]!;
        }
        for (let c = 0; c < CLASSES; c++) out[r * CLASSES + c]! /= z;
      }
      return { dtype: 'float32', shape: [rows, CLASSES], data: out };
    }
    case 'uniform':
      return { dtype: 'float32', shape: [rows, CLASSES], data: new Float32Array(rows * CLASSES).fill(1 / CLASSES) };
    case 'wrong': {
      // Confidently the class after the model's guess: a valid but bad answer.
      const p = nearestMeanProbs(input, rows, dim, 0.5);
      const out = new Float32Array(rows * CLASSES);
      for (let r = 0; r < rows; r++) for (let c = 0; c < CLASSES; c++) out[r * CLASSES + ((c + 1) % CLASSES)] = p[r * CLASSES + c]!;
      return { dtype: 'float32', shape: [rows, CLASSES], data: out };
    }
    case 'nan': {
      const p = nearestMeanProbs(input, rows, dim, o.temperature ?? 5);
      p[3] = Number.NaN;
      return { dtype: 'float32', shape: [rows, CLASSES], data: p };
    }
    case 'wrong-shape':
      return { dtype: 'float32', shape: [rows, CLASSES - 1], data: new Float32Array(rows * (CLASSES - 1)).fill(1 / (CLASSES - 1)) };
    case 'garbage':
      return { dtype: 'int32', shape: [rows, CLASSES], data: Int32Array.from({ length: rows * CLASSES }, (_, i) => (i * 2654435761) | 0) };
  }
}

let victimClient: MinerClient | undefined;

/** The proxy's attack: ask the victim the same question, signed by the proxy itself, and return its answer. */
async function forward(
  o: TinyMinerOptions,
  key: KeyringPair,
  req: ReturnType<typeof decodePredictRequest>,
): Promise<{ data: Float32Array | Int32Array; shape: number[]; dtype: 'float32' | 'int32' }> {
  if (o.victim === undefined) throw new Error('expected a victim for the proxy behaviour, found none');
  victimClient ??= new MinerClient({ address: `127.0.0.1:${o.victim.port}`, minerHotkey: o.victim.hotkey, signer: key });
  const r = await victimClient.predict({ competitionId: req.competitionId, roundId: req.roundId, input: req.input }, { deadlineMs: 5_000 });
  const out = r.value.output;
  return { dtype: out.dtype === 'int32' ? 'int32' : 'float32', shape: [...out.shape], data: out.data as Float32Array | Int32Array };
}

/** A running tiny miner. */
export interface TinyMiner {
  port: number;
  hotkey: string;
  requests: number;
  stop(): Promise<void>;
}

/** Starts a tiny miner in this process (the benchmark); tests run it as a child process instead. */
export async function startTinyMiner(o: TinyMinerOptions, pair?: KeyringPair): Promise<TinyMiner> {
  await ensureCryptoReady();
  const key = pair ?? new Keyring({ type: 'sr25519' }).addFromUri(o.hotkeyUri);
  if (o.behaviour !== 'uniform' && o.behaviour !== 'random' && o.behaviour !== 'wrong-shape' && o.behaviour !== 'garbage')
    classMeans(o.meansFile);
  const server = new Server({ 'grpc.max_receive_message_length': 16 << 20, 'grpc.max_send_message_length': 16 << 20 });
  const state = { requests: 0 };
  const predict = (call: ServerUnaryCall<Buffer, Buffer>, cb: sendUnaryData<Buffer>): void => {
    void (async () => {
      const v = verifyRequest(call.request, call.metadata, { expectedSignedFor: key.address });
      if (!v.ok) return cb({ code: GrpcStatus.UNAUTHENTICATED, details: v.reason });
      state.requests++;
      if (o.behaviour === 'die' && state.requests > (o.dieAfter ?? 0)) process.exit(0);
      if (o.behaviour === 'slow') await new Promise((r) => setTimeout(r, o.delayMs ?? 5_000));
      const req = decodePredictRequest(call.request, { maxElements: 2 ** 22 });
      const rows = req.input.shape[0] ?? 0;
      const dim = req.input.shape.slice(1).reduce((a, b) => a * b, 1);
      const out = o.behaviour === 'proxy' ? await forward(o, key, req) : answer(o, req.input.data as Float32Array, rows, dim);
      const body = encodePredictResponse({
        competitionId: req.competitionId,
        roundId: req.roundId,
        output: out,
        checkpointHash: `0x${'00'.repeat(32)}`,
        trainingStep: 0,
        computeMicros: 0,
      });
      const headers = signResponse(body, key, {
        uuid: v.record.uuid,
        validatorHotkey: v.record.signedBy,
        requestBodyHash: v.record.bodyHash,
      });
      call.sendMetadata(responseMetadata(headers) as Metadata);
      cb(null, body);
    })().catch((err: unknown) => cb({ code: GrpcStatus.INTERNAL, details: String(err) }));
  };
  const info = (_call: ServerUnaryCall<Buffer, Buffer>, cb: sendUnaryData<Buffer>): void => {
    cb(
      null,
      encodeInfoResponse({
        competitionId: 'mnist',
        backend: 'js',
        parameterCount: 7840,
        checkpointHash: `0x${'00'.repeat(32)}`,
        trainingStep: 0,
        modelName: o.behaviour,
        version: 'tiny',
        hotkey: key.address,
      }),
    );
  };
  server.addService(MINER_SERVICE, { Predict: predict, Info: info });
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`127.0.0.1:${o.port ?? 0}`, ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p)));
  });
  return {
    port,
    hotkey: key.address,
    get requests() {
      return state.requests;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.tryShutdown(() => resolve());
        setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, 1_000).unref();
      }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const opts = JSON.parse(process.argv[2] ?? '{}') as TinyMinerOptions;
  const m = await startTinyMiner(opts);
  process.stdout.write(`${JSON.stringify({ port: m.port, hotkey: m.hotkey })}\n`);
  const bye = (): void => {
    void m.stop().then(() => process.exit(0));
  };
  process.once('SIGTERM', bye);
  process.once('SIGINT', bye);
}
