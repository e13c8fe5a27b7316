/**
 * Hand-made gRPC calls over raw HTTP/2 from a chosen local address. All of 127.0.0.0/8 is loopback on Linux, so
 * binding the client socket to 127.0.0.2, 127.0.0.3, ... makes the server see distinct remote addresses, as it
 * would see distinct hosts (grpc-js has no client option for the source address).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { connect as h2connect, type ClientHttp2Session, type OutgoingHttpHeaders } from 'node:http2';
import { connect as tcpConnect } from 'node:net';
import { encodeAddress } from '@polkadot/util-crypto';
import {
  EPISTULA_VERSION,
  MINER_SERVICE,
  MinerClient,
  encodePredictRequest,
  requestHeaderRecord,
  signRequest,
  type Signer,
} from '#protocol';
import { batch, devKeys, IN } from './harness.ts';
import { rssMiB, sampleRss, startServerProcess } from './hostile.ts';

/** One call's outcome: grpc-status (or 'reset' / 'closed' without one), grpc-message, ms after the flood began. */
export interface Answer {
  status: string;
  message: string;
  atMs: number;
  /** RST_STREAM code when the stream was reset (0 when it ended normally). */
  rstCode: number;
}

/** A small, well-formed Predict body (one row). */
export const PREDICT_BODY = encodePredictRequest({
  competitionId: 'mnist',
  roundId: 1,
  input: { dtype: 'float32', shape: [1, IN], data: batch(1) },
});

/** `n` random SS58 addresses (public keys nobody holds: enough to name registered callers in a directory). */
export function randomHotkeys(n: number): string[] {
  return Array.from({ length: n }, () => encodeAddress(randomBytes(32), 42));
}

/** An HTTP/2 session to 127.0.0.1:`port` whose socket is bound to `localAddress`. */
export function sessionFrom(port: number, localAddress: string): ClientHttp2Session {
  const session = h2connect(`http://127.0.0.1:${port}`, {
    createConnection: () => tcpConnect({ host: '127.0.0.1', port, localAddress }),
    // Large bodies: do not let the client's own 64 KiB windows be the limit measured, nor its 10 MB session
    // memory (past it Node rejects the server's answers with ENHANCE_YOUR_CALM while bodies are still queued).
    settings: { initialWindowSize: 16 << 20 },
    maxSessionMemory: 4096,
  });
  session.on('error', () => undefined); // a reset connection is one of the outcomes under test
  return session;
}

/** Epistula headers claiming `claimed` with a random (forged) signature. */
export function forgedHeaders(claimed: string, minerHotkey: string): OutgoingHttpHeaders {
  return requestHeaderRecord({
    version: EPISTULA_VERSION,
    timestamp: String(Date.now()),
    uuid: randomUUID(),
    signedBy: claimed,
    signedFor: minerHotkey,
    signature: `0x${randomBytes(64).toString('hex')}`,
  });
}

/** Epistula headers of `body` really signed by `signer`. */
export function signedHeaders(body: Uint8Array, signer: Signer, minerHotkey: string): OutgoingHttpHeaders {
  return requestHeaderRecord(signRequest(body, signer, minerHotkey));
}

/** One Predict on `session` with `headers` and `body` (gRPC-framed here); resolves with its outcome. */
export function callOn(session: ClientHttp2Session, headers: OutgoingHttpHeaders, body: Uint8Array, t0: number): Promise<Answer> {
  const framed = Buffer.alloc(5 + body.length);
  framed.writeUInt32BE(body.length, 1);
  framed.set(body, 5);
  return new Promise((resolve) => {
    let done = false;
    const finish = (status: string, message: string, rstCode: number): void => {
      if (done) return;
      done = true;
      resolve({ status, message: decodeURIComponent(message), atMs: performance.now() - t0, rstCode });
    };
    const s = session.request({
      ':method': 'POST',
      ':path': MINER_SERVICE.Predict.path,
      'content-type': 'application/grpc',
      te: 'trailers',
      ...headers,
    });
    const fromHeaders = (h: Record<string, unknown>): void => {
      if (h['grpc-status'] !== undefined) finish(String(h['grpc-status']), String(h['grpc-message'] ?? ''), 0);
    };
    s.on('response', fromHeaders);
    s.on('trailers', fromHeaders);
    s.on('data', () => undefined);
    s.on('error', () => undefined);
    s.on('close', () => finish(s.rstCode ? 'reset' : 'closed', '', s.rstCode ?? 0));
    s.end(framed);
  });
}

/**
 * `n` forged Predicts from `localAddress`, `concurrency` at a time, naming `claimed[i % claimed.length]` in turn;
 * `t0` is the flood's start (performance.now()).
 */
export async function forgeFrom(
  port: number,
  localAddress: string,
  claimed: readonly string[],
  minerHotkey: string,
  n: number,
  t0: number,
  concurrency = 8,
): Promise<Answer[]> {
  const session = sessionFrom(port, localAddress);
  const out: Answer[] = [];
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < n) {
          const i = next++;
          out.push(await callOn(session, forgedHeaders(claimed[i % claimed.length]!, minerHotkey), PREDICT_BODY, t0));
        }
      }),
    );
  } finally {
    session.destroy();
  }
  return out;
}

/** Counts answers by grpc-status. */
export function countStatuses(answers: readonly Answer[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of answers) out[a.status] = (out[a.status] ?? 0) + 1;
  return out;
}

/** What `nearLimitFlood` saw. */
export interface NearLimitFlood {
  /** Answers per connection. */
  perConnection: Answer[][];
  /** Server RSS growth at peak, MiB. */
  grewMiB: number;
  /** A validator's call afterwards: '1' (the round id) when served, else the error. */
  served: string;
}

/**
 * //Alice (an admitted caller, really signing) sends `streams` bodies of 15 MiB on each of `connections` connections
 * at once to a fresh server process with admission `caps`; then //Eve calls once. The bodies are junk: read in full,
 * they are answered INVALID_ARGUMENT.
 */
export async function nearLimitFlood(caps: Record<string, number>, connections: number, streams: number): Promise<NearLimitFlood> {
  const keys = await devKeys();
  const body = Buffer.alloc(15 << 20, 7);
  const server = await startServerProcess({ limits: { admission: caps } });
  try {
    const before = rssMiB(server.pid);
    const sampler = sampleRss(server.pid);
    const t0 = performance.now();
    const perConnection = await Promise.all(
      Array.from({ length: connections }, async () => {
        const session = sessionFrom(server.port, '127.0.0.1');
        try {
          return await Promise.all(
            Array.from({ length: streams }, () => callOn(session, signedHeaders(body, keys.alice, keys.bob.address), body, t0)),
          );
        } finally {
          session.destroy();
        }
      }),
    );
    const grewMiB = sampler.stop() - before;
    const legit = new MinerClient({
      address: `127.0.0.1:${server.port}`,
      minerHotkey: keys.bob.address,
      signer: keys.eve,
      defaultDeadlineMs: 20_000,
    });
    let served = '';
    try {
      served = String(
        (await legit.predict({ competitionId: 'mnist', roundId: 1, input: { dtype: 'float32', shape: [1, IN], data: batch(1) } })).value
          .roundId,
      );
    } catch (err: unknown) {
      served = String(err);
    } finally {
      legit.close();
    }
    return { perConnection, grewMiB, served };
  } finally {
    await server.stop();
  }
}
