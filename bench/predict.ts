/**
 * Predict wire benchmark: gRPC round trips/s, MB/s and p50 latency at batch 1, 64, 1024 (MNIST: 784 float32
 * in, 10 out per row) with 1 and 64 concurrent callers, signing on and off, next to raw TCP (Node `net`,
 * length-prefixed messages of the same sizes) in the same process. Prints one JSON object.
 *
 *   node --import tsx bench/predict.ts [--seconds 1.5] [--warmup-calls 8000]
 *
 * Client and server share this process (as do the TCP ends), so the ratio compares like with like.
 * "signing off" serves the same codec path (decode, validate, encode) without Epistula signing and checks.
 * Signed variants: `grpcSigned` = `MinerClient.predict` (encode + hash + sign per call, response verified before
 * the call resolves); `grpcSignedPrepared` = `predictPrepared` on a request encoded and hashed once (what the
 * validator does for its many miners), response verified before resolving; `grpcSignedPreparedDeferred` = the
 * same with `verifyResponse: 'defer'`, the response signature checked right after the latency sample is taken
 * (its CPU still counts in throughput and cpuMsPerCall; only the latency leaves it out).
 */
import { Client, credentials, Metadata, Server, ServerCredentials, type ServerUnaryCall, type sendUnaryData } from '@grpc/grpc-js';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import {
  MINER_SERVICE,
  MinerClient,
  decodePredictResponse,
  encodePredictRequest,
  minerChannelOptions,
  preparePredictRequest,
  type PredictRequest,
} from '#protocol';
import { pino } from 'pino';
import { createMinerServer, InMemoryCallerDirectory, widenHttp2Windows, type Predictor } from '../miner/src/server/index.ts';
import { handlePredict } from '../miner/src/server/predict.ts';

const IN = 784;
const OUT = 10;
const BATCHES = [1, 64, 1024];
const CONCURRENCY = [1, 64];
const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const SECONDS = arg('seconds', 1.5);
const WARMUP_CALLS = arg('warmup-calls', 8000);
const MAX_BYTES = 64 * 1024 * 1024;

const predictor: Predictor = { predict: async (_input, shape) => ({ data: new Float32Array(shape[0]! * OUT), shape: [shape[0]!, OUT] }) };
const info = () => ({
  competitionId: 'mnist',
  backend: 'bench',
  parameterCount: 0,
  checkpointHash: '0x',
  trainingStep: 0,
  modelName: 'zeros',
  version: '0',
});
const limits = { inputShape: [IN], outputShape: [OUT], maxBatch: 1024, maxMessageBytes: MAX_BYTES };

function request(batch: number): PredictRequest {
  const data = new Float32Array(batch * IN).map((_, i) => (i % 255) / 255);
  return { competitionId: 'mnist', roundId: 1, input: { dtype: 'float32', shape: [batch, IN], data } };
}

interface Result {
  calls: number;
  seconds: number;
  p50Ms: number;
  cpuMs: number;
}

/** Runs `call` from `concurrency` loops for `seconds`; returns calls done and the median latency. */
async function measure<T>(call: () => Promise<T>, concurrency: number, seconds: number, after?: (r: T) => void): Promise<Result> {
  const lat: number[] = [];
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        const r = await call();
        lat.push(performance.now() - t0);
        after?.(r);
      }
    }),
  );
  const took = (performance.now() - start) / 1000;
  return summarize(lat, took, cpu0);
}

function summarize(lat: number[], seconds: number, cpu0: NodeJS.CpuUsage): Result {
  const cpu = process.cpuUsage(cpu0);
  lat.sort((a, b) => a - b);
  return { calls: lat.length, seconds, p50Ms: lat[Math.floor(lat.length / 2)] ?? NaN, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** Throughput, median latency, and CPU per call (both ends, this process): the figure least hurt by a busy machine. */
function row(r: Result, bytesPerCall: number): { roundTripsPerSec: number; mbPerSec: number; p50Ms: number; cpuMsPerCall: number } {
  const rps = r.calls / r.seconds;
  return {
    roundTripsPerSec: Math.round(rps),
    mbPerSec: +((rps * bytesPerCall) / 1e6).toFixed(1),
    p50Ms: +r.p50Ms.toFixed(3),
    cpuMsPerCall: +(r.cpuMs / r.calls).toFixed(3),
  };
}

async function unsignedServer(window: number): Promise<{ server: Server; port: number }> {
  const server = new Server({ 'grpc.max_receive_message_length': MAX_BYTES, 'grpc.max_send_message_length': MAX_BYTES });
  const deps = { predictor, info, limits };
  server.addService(MINER_SERVICE, {
    Predict: (call: ServerUnaryCall<Buffer, Buffer>, cb: sendUnaryData<Buffer>) => {
      handlePredict(call.request, deps).then(
        (b) => cb(null, b),
        (e: unknown) => cb({ code: 13, details: String(e) }),
      );
    },
    Info: (_c: ServerUnaryCall<Buffer, Buffer>, cb: sendUnaryData<Buffer>) => cb(null, Buffer.alloc(0)),
  });
  const port = await new Promise<number>((res, rej) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (e, p) => (e ? rej(e) : res(p))),
  );
  widenHttp2Windows(server, window, pino({ level: 'silent' }));
  return { server, port };
}

/** Raw TCP: each message is a 4-byte length plus payload; the server answers each request with `resBytes`. */
async function tcpServer(): Promise<{ port: number; close: () => void }> {
  const sockets = new Set<Socket>();
  const server = createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    framed(s, (msg) => {
      const resLen = msg.readUInt32LE(0); // first payload word says how big the answer is
      const out = Buffer.allocUnsafe(4 + resLen);
      out.writeUInt32LE(resLen, 0);
      s.write(out);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

function framed(s: Socket, onMessage: (m: Buffer) => void): void {
  let chunks: Buffer[] = [];
  let have = 0;
  let need = -1;
  s.on('data', (d: Buffer) => {
    chunks.push(d);
    have += d.length;
    for (;;) {
      if (need < 0 && have >= 4) {
        if (chunks[0]!.length < 4) chunks = [Buffer.concat(chunks)];
        need = chunks[0]!.readUInt32LE(0) + 4;
      }
      if (need < 0 || have < need) return;
      // Concatenate only once a whole message is in (what a real framing layer does).
      const all = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, have);
      onMessage(all.subarray(4, need));
      chunks = all.length > need ? [all.subarray(need)] : [];
      have -= need;
      need = -1;
    }
  });
}

async function tcpClient(port: number, reqBytes: number, resBytes: number): Promise<{ call: () => Promise<void>; close: () => void }> {
  const s = connect(port, '127.0.0.1');
  s.setNoDelay(true);
  await new Promise<void>((r) => s.once('connect', () => r()));
  const msg = Buffer.alloc(4 + reqBytes);
  msg.writeUInt32LE(reqBytes, 0);
  msg.writeUInt32LE(resBytes, 4);
  let pending: (() => void) | undefined;
  framed(s, () => pending?.());
  return {
    call: () =>
      new Promise<void>((r) => {
        pending = r;
        s.write(msg);
      }),
    close: () => s.destroy(),
  };
}

async function main(): Promise<void> {
  await cryptoWaitReady();
  const kr = new Keyring({ type: 'sr25519' });
  const validator = kr.addFromUri('//Alice');
  const miner = kr.addFromUri('//Bob');
  const signed = createMinerServer({
    predictor,
    info,
    hotkey: miner,
    callerDirectory: new InMemoryCallerDirectory({ [validator.address]: { uid: 0, validatorPermit: true, stakeRao: 0n } }),
    rateLimit: { ratePerSec: 1e9, burst: 1e9 },
    // Transport throughput is the figure here: the admission budgets (which cap one caller's calls per second)
    // are off, and so is the relay guard (its per-batch cost is product logic, measured by bench/hostile.ts).
    limits: {
      ...limits,
      replayCacheSize: 1_000_000,
      admission: {
        perAddressPerSec: 1e9,
        perHotkeyPerSec: 1e9,
        verifyPerSec: 1e9,
        maxInFlightBytes: 2 ** 40,
        maxInFlightBytesPerConnection: 2 ** 40,
      },
      relayGuard: false,
    },
  });
  const { port: signedPort } = await signed.start('127.0.0.1', 0);
  const plain = await unsignedServer(MAX_BYTES);
  const narrow = await unsignedServer(0);
  const tcp = await tcpServer();
  const sClient = new MinerClient({
    address: `127.0.0.1:${signedPort}`,
    minerHotkey: miner.address,
    signer: validator,
    maxMessageBytes: MAX_BYTES,
  });
  const pClient = new Client(`127.0.0.1:${plain.port}`, credentials.createInsecure(), minerChannelOptions({ maxMessageBytes: MAX_BYTES }));
  const nClient = new Client(`127.0.0.1:${narrow.port}`, credentials.createInsecure(), minerChannelOptions({ maxMessageBytes: MAX_BYTES }));
  const callOn = (c: Client) => (body: Buffer) =>
    new Promise<void>((res, rej) =>
      c.makeUnaryRequest(
        MINER_SERVICE.Predict.path,
        (b: Buffer) => b,
        (b: Buffer) => b,
        body,
        new Metadata(),
        { deadline: Date.now() + 30_000 },
        (e, r) => {
          if (e || !r) return rej(e);
          decodePredictResponse(r);
          res();
        },
      ),
    );
  const plainCall = callOn(pClient);
  const narrowCall = callOn(nClient);

  const reqs = new Map(BATCHES.map((b) => [b, request(b)]));
  // Warm-up: grpc-js CPU per call falls ~4x after a few thousand calls.
  const r1 = reqs.get(1)!;
  for (let i = 0; i < WARMUP_CALLS; i += 64) {
    await Promise.all(Array.from({ length: 64 }, () => Promise.all([sClient.predict(r1), plainCall(encodePredictRequest(r1))])));
  }

  const results: Record<string, unknown>[] = [];
  for (const batch of BATCHES) {
    const req = reqs.get(batch)!;
    const body = encodePredictRequest(req);
    const resBytes = batch * OUT * 4 + 80;
    const bytesPerCall = body.length + resBytes;
    for (const concurrency of CONCURRENCY) {
      const tcpClients = await Promise.all(Array.from({ length: concurrency }, () => tcpClient(tcp.port, body.length, resBytes)));
      await measure(() => plainCall(body), concurrency, 0.2);
      const off = row(await measure(() => plainCall(body), concurrency, SECONDS), bytesPerCall);
      await measure(() => sClient.predict(req), concurrency, 0.2);
      const on = row(await measure(() => sClient.predict(req), concurrency, SECONDS), bytesPerCall);
      const prepared = preparePredictRequest(req);
      const onPrepared = row(await measure(() => sClient.predictPrepared(prepared), concurrency, SECONDS), bytesPerCall);
      const deferred = () => sClient.predictPrepared(prepared, { verifyResponse: 'defer' });
      const mustVerify = (r: Awaited<ReturnType<typeof deferred>>) => {
        if (!r.verify().ok) throw new Error('bench: response signature failed');
      };
      const onDeferred = row(await measure(deferred, concurrency, SECONDS, mustVerify), bytesPerCall);
      await tcpRun(tcpClients, 0.2);
      const rawTcp = row(await tcpRun(tcpClients, SECONDS), bytesPerCall);
      for (const c of tcpClients) c.close();
      results.push({
        batch,
        concurrency,
        requestBytes: body.length,
        responseBytes: resBytes,
        grpcSigned: on,
        grpcSignedPrepared: onPrepared,
        grpcSignedPreparedDeferred: onDeferred,
        grpcUnsigned: off,
        rawTcp,
        signedVsTcp: +(on.mbPerSec / rawTcp.mbPerSec).toFixed(3),
        signedPreparedVsTcp: +(onPrepared.mbPerSec / rawTcp.mbPerSec).toFixed(3),
        signedPreparedDeferredVsTcp: +(onDeferred.mbPerSec / rawTcp.mbPerSec).toFixed(3),
        unsignedVsTcp: +(off.mbPerSec / rawTcp.mbPerSec).toFixed(3),
      });
    }
  }
  // What the HTTP/2 window widening buys: same unsigned path, Node's default 64 KiB window vs widened.
  const bigBody = encodePredictRequest(reqs.get(1024)!);
  const bigBytes = bigBody.length + 1024 * OUT * 4 + 80;
  await measure(() => narrowCall(bigBody), 1, 0.2);
  const windowAb = {
    batch: 1024,
    concurrency: 1,
    window64KiB: row(await measure(() => narrowCall(bigBody), 1, SECONDS), bigBytes),
    windowWidened: row(await measure(() => plainCall(bigBody), 1, SECONDS), bigBytes),
  };
  type P50 = { p50Ms: number };
  const b1 = results.find((r) => r.batch === 1 && r.concurrency === 1) as {
    grpcSigned: P50;
    grpcSignedPrepared: P50;
    grpcSignedPreparedDeferred: P50;
    grpcUnsigned: P50;
  };
  const big = results.filter((r) => r.batch === 1024) as Array<{
    signedVsTcp: number;
    signedPreparedVsTcp: number;
    signedPreparedDeferredVsTcp: number;
    unsignedVsTcp: number;
  }>;
  console.log(
    JSON.stringify({
      bench: 'predict',
      node: process.version,
      seconds: SECONDS,
      warmupCalls: WARMUP_CALLS,
      loadAverage1m: (await import('node:os')).loadavg()[0],
      results,
      windowAb,
      targets: {
        batch1024BestSignedVsTcp: Math.max(...big.map((r) => r.signedVsTcp)),
        batch1024BestSignedPreparedVsTcp: Math.max(...big.map((r) => r.signedPreparedVsTcp)),
        batch1024BestSignedPreparedDeferredVsTcp: Math.max(...big.map((r) => r.signedPreparedDeferredVsTcp)),
        batch1024BestUnsignedVsTcp: Math.max(...big.map((r) => r.unsignedVsTcp)),
        batch1024VsTcpGoal: 0.3,
        batch1P50MsSigned: b1.grpcSigned.p50Ms,
        batch1P50MsSignedPrepared: b1.grpcSignedPrepared.p50Ms,
        batch1P50MsSignedPreparedDeferred: b1.grpcSignedPreparedDeferred.p50Ms,
        batch1P50MsUnsigned: b1.grpcUnsigned.p50Ms,
        batch1P50MsGoal: 0.2,
      },
    }),
  );
  sClient.close();
  pClient.close();
  nClient.close();
  narrow.server.forceShutdown();
  tcp.close();
  plain.server.forceShutdown();
  await signed.stop(100);
}

/** Each concurrent loop owns one TCP connection (TCP has no multiplexing). */
async function tcpRun(clients: Array<{ call: () => Promise<void> }>, seconds: number): Promise<Result> {
  const lat: number[] = [];
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  await Promise.all(
    clients.map(async (c) => {
      while (performance.now() < end) {
        const t0 = performance.now();
        await c.call();
        lat.push(performance.now() - t0);
      }
    }),
  );
  return summarize(lat, (performance.now() - start) / 1000, cpu0);
}

await main();
