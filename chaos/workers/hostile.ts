/**
 * Hostile callers of a miner for `npm run chaos -- load-miner` (its own process, so its CPU is not the
 * legitimate callers'). Each kind comes from its own loopback addresses (127.0.2.x-127.0.5.x; all of
 * 127/8 is loopback on Linux), as separate attackers would, and runs until the deadline:
 *  - unregistered: properly signed Predicts from keys not on the subnet;
 *  - forged-focused / forged-spread: Predicts naming a real validator's hotkey with a signature that is not
 *    its (all on validator 0, and spread over every validator);
 *  - oversize: 15 MiB declared bodies, half under a real validator's name (admitted on headers, the body
 *    then counts against the in-flight caps), half unregistered, 1 MiB sent then left hanging;
 *  - garbage: Predicts without Epistula headers, as fast as refusals come back;
 *  - idle-tcp: raw TCP connections that never speak (reopened when the miner closes them);
 *  - idle-h2: HTTP/2 connections that complete the handshake and never call.
 * Prints one JSON line: per kind, calls sent and the answers by gRPC status (or how the stream ended).
 * Usage: node --import tsx chaos/workers/hostile.ts '<json: port, minerHotkey, validators, startAtMs, endAtMs, seed>'
 * (wall-clock ms: it loads, waits for startAtMs, attacks until endAtMs).
 */
import { Keyring } from '@polkadot/keyring';
import { randomBytes, randomUUID } from 'node:crypto';
import { connect as h2connect, type ClientHttp2Session } from 'node:http2';
import { connect as tcpConnect, type Socket } from 'node:net';
import {
  EPISTULA_VERSION,
  MINER_SERVICE,
  ensureCryptoReady,
  fastSigner,
  preparePredictRequest,
  requestHeaderRecord,
  signPreparedRequest,
  type Signer,
} from '#protocol';

interface Args {
  port: number;
  minerHotkey: string;
  validators: string[];
  startAtMs: number;
  endAtMs: number;
  seed: number;
}
const args = JSON.parse(process.argv[2] ?? '{}') as Args;
const deadline = args.endAtMs;
const live = (): boolean => Date.now() < deadline;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

type Tally = { sent: number; outcomes: Record<string, number> };
const tallies = new Map<string, Tally>();
function count(kind: string, outcome: string): void {
  const t = tallies.get(kind) ?? { sent: 0, outcomes: {} };
  t.outcomes[outcome] = (t.outcomes[outcome] ?? 0) + 1;
  tallies.set(kind, t);
}
function sent(kind: string): void {
  const t = tallies.get(kind) ?? { sent: 0, outcomes: {} };
  t.sent++;
  tallies.set(kind, t);
}

/** An HTTP/2 session to the miner from `localAddress`, reopened by `sessionFor` when the miner closes it. */
function open(localAddress: string): ClientHttp2Session {
  const s = h2connect(`http://127.0.0.1:${args.port}`, {
    createConnection: () => tcpConnect({ host: '127.0.0.1', port: args.port, localAddress }),
  });
  s.on('error', () => undefined);
  return s;
}
const sessions = new Map<string, ClientHttp2Session>();
function sessionFor(localAddress: string): ClientHttp2Session {
  let s = sessions.get(localAddress);
  if (s === undefined || s.closed || s.destroyed) {
    s = open(localAddress);
    sessions.set(localAddress, s);
  }
  return s;
}

const small = preparePredictRequest({
  competitionId: 'mnist',
  roundId: 1,
  input: { dtype: 'float32', shape: [16, 784], data: new Float32Array(16 * 784).fill(0.5) },
});
const frame = (body: Buffer): Buffer => {
  const h = Buffer.alloc(5);
  h.writeUInt32BE(body.length, 1);
  return Buffer.concat([h, body]);
};
const smallFrame = frame(small.body);

function forgedHeaders(claimed: string): Record<string, string> {
  return requestHeaderRecord({
    version: EPISTULA_VERSION,
    timestamp: String(Date.now()),
    uuid: randomUUID(),
    signedBy: claimed,
    signedFor: args.minerHotkey,
    signature: `0x${randomBytes(64).toString('hex')}`,
  });
}
function signedHeaders(signer: Signer): Record<string, string> {
  return requestHeaderRecord(signPreparedRequest(small, signer, args.minerHotkey));
}

/**
 * One Predict over `session`; resolves with the grpc-status (or 'reset', 'timeout'). `data` is written then
 * the stream is ended, unless `hang` (then it stays open until the miner ends it or the timeout).
 */
function call(
  session: ClientHttp2Session,
  headers: Record<string, string>,
  data: Buffer,
  hang: boolean,
  timeoutMs: number,
): Promise<string> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (o: string): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (!stream.closed) stream.close();
      resolve(o);
    };
    let stream: ReturnType<ClientHttp2Session['request']>;
    try {
      stream = session.request({
        ':method': 'POST',
        ':path': MINER_SERVICE.Predict.path,
        'content-type': 'application/grpc',
        te: 'trailers',
        ...headers,
      });
    } catch {
      resolve('session-closed');
      return;
    }
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    stream.on('response', (h) => {
      if (h['grpc-status'] !== undefined) finish(`status-${String(h['grpc-status'])}`);
    });
    stream.on('trailers', (h) => finish(`status-${String(h['grpc-status'])}`));
    stream.on('data', () => undefined);
    stream.on('error', () => finish('reset'));
    stream.on('close', () => finish(`closed-${stream.rstCode}`));
    stream.write(data);
    if (!hang) stream.end();
  });
}

/** Runs `one` with `concurrency` loops until the deadline. */
async function loops(concurrency: number, one: (i: number) => Promise<void>): Promise<void> {
  await Promise.all(
    Array.from({ length: concurrency }, async (_, i) => {
      while (live()) await one(i);
    }),
  );
}

async function predictKind(kind: string, address: string, concurrency: number, headers: () => Record<string, string>): Promise<void> {
  await loops(concurrency, async () => {
    sent(kind);
    count(kind, await call(sessionFor(address), headers(), smallFrame, false, 10_000));
  });
}

async function oversize(): Promise<void> {
  const prefix = Buffer.alloc(5);
  prefix.writeUInt32BE(15 << 20, 1);
  const part = Buffer.concat([prefix, Buffer.alloc(1 << 20, 7)]);
  const stranger = `5${'F'.repeat(47)}`;
  await loops(8, async (i) => {
    sent('oversize');
    const claimed = i % 2 === 0 ? args.validators[1 % args.validators.length]! : stranger;
    count('oversize', await call(sessionFor(`127.0.2.${10 + (i % 2)}`), forgedHeaders(claimed), part, true, 5_000));
  });
}

/** `perAddress` raw connections from each of `addresses`, reopened (after 100 ms) whenever the miner closes one. */
async function idle(kind: string, addresses: string[], perAddress: number, h2: boolean): Promise<void> {
  const holders: Array<Socket | ClientHttp2Session> = [];
  await Promise.all(
    addresses.flatMap((localAddress) =>
      Array.from({ length: perAddress }, async () => {
        while (live()) {
          sent(kind);
          const ended = await new Promise<string>((resolve) => {
            if (h2) {
              const s = open(localAddress);
              holders.push(s);
              s.once('close', () => resolve('closed-by-miner'));
              setTimeout(() => resolve('held-to-deadline'), Math.max(0, deadline - Date.now())).unref();
            } else {
              const s = tcpConnect({ host: '127.0.0.1', port: args.port, localAddress });
              holders.push(s);
              s.on('error', () => undefined);
              s.once('close', () => resolve('closed-by-miner'));
              setTimeout(() => resolve('held-to-deadline'), Math.max(0, deadline - Date.now())).unref();
            }
          });
          count(kind, ended);
          if (live()) await sleep(100);
        }
      }),
    ),
  );
  for (const h of holders) h.destroy();
}

await ensureCryptoReady();
await sleep(Math.max(0, args.startAtMs - Date.now()));
const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
const strangers = Array.from({ length: 8 }, (_, i) => fastSigner(keyring.addFromUri(`//chaos//stranger//${args.seed}//${i}`)));
let n = 0;
await Promise.all([
  predictKind('unregistered', '127.0.2.1', 8, () => signedHeaders(strangers[n++ % strangers.length]!)),
  predictKind('forged-focused', '127.0.2.2', 16, () => forgedHeaders(args.validators[0]!)),
  predictKind('forged-spread', '127.0.2.3', 16, () => forgedHeaders(args.validators[n++ % args.validators.length]!)),
  predictKind('garbage', '127.0.2.4', 16, () => ({})),
  oversize(),
  idle('idle-tcp', ['127.0.3.1', '127.0.3.2', '127.0.3.3', '127.0.3.4'], 40, false),
  idle('idle-h2', ['127.0.4.1', '127.0.4.2'], 40, true),
]);
for (const s of sessions.values()) s.destroy();
process.stdout.write(`${JSON.stringify({ msg: 'hostile done', tallies: Object.fromEntries(tallies) })}\n`);
process.exit(0);
