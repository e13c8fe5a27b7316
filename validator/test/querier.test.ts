/**
 * GrpcMinerQuerier against in-process signed miners on 127.0.0.1: one request encoded and hashed once for
 * the round (every miner sees the same body hash, each its own signature), answers' signatures checked
 * after all are in (a forged answer scores as an error), and bad round input never rejects.
 */
import { Server, ServerCredentials, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import test, { type ExecutionContext } from 'ava';
import {
  decodePredictRequest,
  encodePredictResponse,
  MINER_SERVICE,
  responseHash,
  responseMetadata,
  signResponse,
  verifyRequest,
} from '#protocol';
import { GrpcMinerQuerier } from '../src/adapters/querier.ts';
import type { MinerTarget } from '../src/ports.ts';

const keysP = cryptoWaitReady().then(() => {
  const kr = new Keyring({ type: 'sr25519' });
  return { alice: kr.addFromUri('//Alice'), m1: kr.addFromUri('//q-m1'), m2: kr.addFromUri('//q-m2'), forger: kr.addFromUri('//q-forger') };
});

interface Seen {
  bodyHash: string;
  signature: string;
  roundId: number;
  responseHash: string;
}

/** A signed miner answering a uniform distribution; `signWith` other than `hotkey` forges the answer's signature. */
async function miner(
  t: ExecutionContext,
  hotkey: KeyringPair,
  signWith: KeyringPair = hotkey,
  padBytes = 0,
): Promise<{ port: number; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = new Server({ 'grpc.max_receive_message_length': 16 << 20 });
  server.addService(MINER_SERVICE, {
    Predict: (call: ServerUnaryCall<Buffer, Buffer>, cb: sendUnaryData<Buffer>) => {
      const v = verifyRequest(call.request, call.metadata, { expectedSignedFor: hotkey.address });
      if (!v.ok) return cb({ code: 16, details: v.reason });
      const req = decodePredictRequest(call.request);
      const rows = req.input.shape[0]!;
      const answer = encodePredictResponse({
        competitionId: req.competitionId,
        roundId: req.roundId,
        output: { dtype: 'float32', shape: [rows, 10], data: new Float32Array(rows * 10).fill(0.1) },
        checkpointHash: '0x00',
        trainingStep: 1,
        computeMicros: 1,
      });
      // Padding as an unknown length-delimited field 15: still a valid, signed PredictResponse.
      const body = padBytes > 0 ? padded(answer, padBytes) : answer;
      seen.push({ bodyHash: v.record.bodyHash, signature: v.record.signature, roundId: req.roundId, responseHash: responseHash(body) });
      const h = signResponse(body, signWith, {
        uuid: v.record.uuid,
        validatorHotkey: v.record.signedBy,
        requestBodyHash: v.record.bodyHash,
      });
      call.sendMetadata(responseMetadata({ ...h, signedBy: hotkey.address }));
      cb(null, body);
    },
    Info: (_c: ServerUnaryCall<Buffer, Buffer>, cb: sendUnaryData<Buffer>) => cb(null, Buffer.alloc(0)),
  });
  const port = await new Promise<number>((res, rej) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (e, p) => (e ? rej(e) : res(p))),
  );
  t.teardown(() => server.forceShutdown());
  return { port, seen };
}

const input = { data: new Float32Array(8 * 784).map((_, i) => (i % 13) / 13), shape: [8, 784] };

const paddedCache = new Map<string, Buffer>();
/** `answer` + padding, built once per distinct answer (all padded miners share one buffer: the miners' memory is not the figure). */
function padded(answer: Buffer, n: number): Buffer {
  const key = `${answer.toString('base64')}/${n}`;
  let b = paddedCache.get(key);
  if (b === undefined) {
    b = Buffer.concat([answer, unknownField(n)]);
    paddedCache.set(key, b);
  }
  return b;
}

const padCache = new Map<number, Buffer>();
/** Field 15, wire type 2, `n` zero bytes (decoders skip unknown fields); built once per size. */
function unknownField(n: number): Buffer {
  let b = padCache.get(n);
  if (b === undefined) {
    const len: number[] = [];
    for (let v = n; ; v >>>= 7) {
      if (v < 0x80) {
        len.push(v);
        break;
      }
      len.push((v & 0x7f) | 0x80);
    }
    b = Buffer.concat([Buffer.from([(15 << 3) | 2, ...len]), Buffer.alloc(n)]);
    padCache.set(n, b);
  }
  return b;
}

test('one round: the same body to every miner, per-miner signatures, verified answers; a forged answer is an error', async (t) => {
  const { alice, m1, m2, forger } = await keysP;
  const [a, b, f] = await Promise.all([miner(t, m1), miner(t, m2), miner(t, forger, m1)]);
  const q = new GrpcMinerQuerier({ signer: alice, competitionId: 'mnist' });
  t.teardown(() => q.close());
  const targets: MinerTarget[] = [
    { uid: 1, hotkey: m1.address, host: '127.0.0.1', port: a.port },
    { uid: 2, hotkey: m2.address, host: '127.0.0.1', port: b.port },
    { uid: 3, hotkey: forger.address, host: '127.0.0.1', port: f.port },
  ];
  const answers = await q.queryAll(targets, input, 5_000, { roundId: 77 });
  t.is(a.seen.length, 1);
  t.is(b.seen.length, 1);
  t.is(f.seen.length, 1);
  t.is(a.seen[0]!.bodyHash, b.seen[0]!.bodyHash, 'one encoding, one hash for the round');
  t.is(a.seen[0]!.bodyHash, f.seen[0]!.bodyHash);
  t.not(a.seen[0]!.signature, b.seen[0]!.signature, 'each miner gets its own signature');
  t.is(a.seen[0]!.roundId, 77);
  for (const [uid, m] of [
    [1, a],
    [2, b],
  ] as const) {
    const ans = answers.get(uid)!;
    t.is(ans.status, 'ok', ans.detail);
    t.is(ans.responseHash, `0x${m.seen[0]!.responseHash}`);
    t.deepEqual(ans.output!.shape, [8, 10]);
  }
  const forged = answers.get(3)!;
  t.is(forged.status, 'error');
  t.regex(forged.detail ?? '', /response signature/);
  t.is(forged.output, undefined);
});

test('round input that cannot be encoded gives every miner an error answer and asks nobody', async (t) => {
  const { alice, m1 } = await keysP;
  const a = await miner(t, m1);
  const q = new GrpcMinerQuerier({ signer: alice, competitionId: 'mnist' });
  t.teardown(() => q.close());
  const answers = await q.queryAll(
    [{ uid: 1, hotkey: m1.address, host: '127.0.0.1', port: a.port }],
    { data: new Float32Array(5), shape: [2, 784] },
    2_000,
  );
  t.is(answers.get(1)!.status, 'error');
  t.regex(answers.get(1)!.detail ?? '', /needs 1568 elements/);
  t.is(a.seen.length, 0);
});

test('answers far larger than the expected output are refused at their length prefix, not read (ten 15 MiB padded miners)', async (t) => {
  t.timeout(120_000);
  const { alice } = await keysP;
  const kr = new Keyring({ type: 'sr25519' });
  const padded = Array.from({ length: 10 }, (_, i) => kr.addFromUri(`//q-pad${i}`));
  const servers = await Promise.all(padded.map((k) => miner(t, k, k, 15 << 20)));
  const honest = kr.addFromUri('//q-honest');
  const h = await miner(t, honest);
  const targets: MinerTarget[] = [
    ...padded.map((k, i) => ({ uid: i + 1, hotkey: k.address, host: '127.0.0.1', port: servers[i]!.port })),
    { uid: 99, hotkey: honest.address, host: '127.0.0.1', port: h.port },
  ];
  // The querier knows the per-row output shape ([10] classes): 8 rows need ~320 bytes plus slack.
  const q = new GrpcMinerQuerier({ signer: alice, competitionId: 'mnist', outputShape: [10] });
  t.teardown(() => q.close());
  const rss0 = process.memoryUsage().rss;
  const started = performance.now();
  const answers = await q.queryAll(targets, input, 20_000, { roundId: 5 });
  const ms = performance.now() - started;
  t.log(`10 padded miners: query ${Math.round(ms)} ms, validator RSS +${Math.round((process.memoryUsage().rss - rss0) / 2 ** 20)} MiB`);
  t.is(answers.get(99)!.status, 'ok', answers.get(99)!.detail);
  for (let uid = 1; uid <= 10; uid++) {
    const a = answers.get(uid)!;
    t.is(a.status, 'error', `uid ${uid}: a 15 MiB answer to an 8-row question must not be accepted`);
    t.regex(a.detail ?? '', /RESOURCE_EXHAUSTED|larger than max/);
  }
});
