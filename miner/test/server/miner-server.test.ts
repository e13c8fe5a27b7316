import { Metadata, status } from '@grpc/grpc-js';
import {
  MINER_SERVICE,
  MinerCallError,
  encodePredictRequest,
  requestMetadata,
  responseHash,
  signRequest,
  verifyResponse,
  type PredictRequest,
} from '#protocol';
import test from 'ava';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { IN, OUT, TAO, batch, client, devKeys, linearPredict, rawChannel, startServer } from './_helpers/harness.ts';

const keysP = devKeys();
const PATH = MINER_SERVICE.Predict.path;

function request(rows: number, over: Partial<PredictRequest> = {}): PredictRequest {
  return { competitionId: 'mnist', roundId: 7, input: { dtype: 'float32', shape: [rows, IN], data: batch(rows) }, ...over };
}

test('a signed Predict is answered with the model output and a response signed by the miner', async (t) => {
  const keys = await keysP;
  const { address } = await startServer(t, keys);
  const c = client(t, address, keys);
  const res = await c.predict(request(3), { deadlineMs: 5_000 });
  t.deepEqual(res.value.output.shape, [3, OUT]);
  t.deepEqual(Array.from(res.value.output.data), Array.from(linearPredict(batch(3), 3)));
  t.is(res.value.roundId, 7);
  t.is(res.value.trainingStep, 42);
  t.is(res.record.signedBy, keys.bob.address);
  t.is(res.record.signedFor, keys.alice.address);
  t.is(res.record.bodyHash, responseHash(res.body));
  // The record proves the answer later, without a clock limit.
  const md = new Metadata();
  md.set('epistula-version', '3');
  md.set('epistula-timestamp', String(res.record.timestampMs));
  md.set('epistula-uuid', res.record.uuid);
  md.set('epistula-signed-by', res.record.signedBy);
  md.set('epistula-signed-for', res.record.signedFor);
  md.set('epistula-response-signature', res.record.signature);
  md.set('epistula-request-hash', res.record.requestBodyHash!);
  t.true(verifyResponse(res.body, md, { expectedSignedBy: keys.bob.address, maxAgeMs: Infinity }).ok);
});

test('a permit-holding caller below the stake floor (a competitor miner) gets no answers: PERMISSION_DENIED naming stake and floor', async (t) => {
  const keys = await keysP;
  const { address, directory } = await startServer(t, keys);
  // The attack: a competitor miner holding a validator permit (every neuron does in a small subnet) asks for answers.
  const copier = client(t, address, keys, keys.ferdie);
  const err = await t.throwsAsync(copier.predict(request(2), { deadlineMs: 5_000 }));
  t.true(err instanceof MinerCallError, String(err));
  t.is((err as MinerCallError).grpcCode, status.PERMISSION_DENIED);
  t.regex(
    (err as MinerCallError).details,
    /^low-stake: caller \S+ \(uid 5\) has a stake of 0\.5 TAO, below this miner's floor of 100 TAO$/,
  );
  await t.throwsAsync(copier.info({ deadlineMs: 5_000 }), { instanceOf: MinerCallError });
  // A validator above the floor is served; lowering the floor (config or chain) lets the copier in again.
  t.is((await client(t, address, keys).predict(request(2), { deadlineMs: 5_000 })).value.roundId, 7);
  directory.replace(new Map([[keys.ferdie.address, { uid: 5, validatorPermit: true, stakeRao: TAO / 2n }]]), 0n);
  t.is(
    (await copier.predict(request(2, { input: { dtype: 'float32', shape: [2, IN], data: batch(2, 5) } }), { deadlineMs: 5_000 })).value
      .roundId,
    7,
  );
  // ... though not with the batch the validator sent a moment ago: the relay guard refuses that.
  const relayed = await t.throwsAsync(copier.predict(request(2), { deadlineMs: 5_000 }));
  t.regex((relayed as MinerCallError).details, /^relayed: relayed batch: 2 of 2 samples were sent by /);
});

test('Info answers what the miner serves, and health is SERVING', async (t) => {
  const keys = await keysP;
  const { address, server } = await startServer(t, keys);
  const c = client(t, address, keys);
  const info = await c.info({ deadlineMs: 5_000 });
  t.is(info.value.competitionId, 'mnist');
  t.is(info.value.hotkey, keys.bob.address);
  t.is(info.value.parameterCount, IN * OUT);
  t.is(await c.health({ deadlineMs: 5_000 }), 'SERVING');
  t.is(await c.health({ deadlineMs: 5_000, service: 'arena.v1.MinerService' }), 'SERVING');
  server.health.setStatus('', 'NOT_SERVING');
  t.is(await c.health({ deadlineMs: 5_000 }), 'NOT_SERVING');
});

test('every bad request is refused with its status while a concurrent good caller is served', async (t) => {
  const keys = await keysP;
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write: (chunk, _enc, cb) => {
      lines.push(JSON.parse(String(chunk)));
      cb();
    },
  });
  const { address } = await startServer(t, keys, {
    logger: pino({ level: 'warn' }, sink),
    rateLimit: { ratePerSec: 0.001, burst: 30 },
  });
  const raw = rawChannel(t, address);
  const good = client(t, address, keys);
  const body = encodePredictRequest(request(2));
  const signed = (b: Buffer, signer = keys.alice, nowMs?: number): Metadata =>
    requestMetadata(signRequest(b, signer, keys.bob.address, { nowMs }));

  const tampered = signed(body);
  tampered.set('epistula-request-signature', `0x${'11'.repeat(64)}`);
  const replayMd = signed(body);
  const oversized = encodePredictRequest(request(64)); // 200 KB, fine; pad below to exceed 1 MiB
  const huge = Buffer.concat([oversized, Buffer.alloc(2 * 1024 * 1024)]);
  const wrongShape = encodePredictRequest({ ...request(2), input: { dtype: 'float32', shape: [2, 28, 28], data: batch(2) } });
  const wrongDtype = encodePredictRequest({ ...request(1), input: { dtype: 'int32', shape: [1, IN], data: new Int32Array(IN) } });
  const wrongCompetition = encodePredictRequest(request(1, { competitionId: 'cifar' }));
  const garbage = Buffer.from('not a protobuf at all \xff\xff\xff');
  const eve = client(t, address, keys, keys.eve);

  const cases: Array<[string, () => Promise<unknown>, status]> = [
    ['unsigned', () => raw(PATH, body, new Metadata()), status.UNAUTHENTICATED],
    ['bad signature', () => raw(PATH, body, tampered), status.UNAUTHENTICATED],
    ['signature over other bytes', () => raw(PATH, encodePredictRequest(request(1)), signed(body)), status.UNAUTHENTICATED],
    ['stale', () => raw(PATH, body, signed(body, keys.alice, Date.now() - 120_000)), status.UNAUTHENTICATED],
    [
      'signed for another miner',
      () => raw(PATH, body, requestMetadata(signRequest(body, keys.alice, keys.charlie.address))),
      status.UNAUTHENTICATED,
    ],
    [
      'replayed',
      async () => {
        await raw(PATH, body, replayMd);
        return raw(PATH, body, replayMd);
      },
      status.ALREADY_EXISTS,
    ],
    ['unregistered', () => raw(PATH, body, signed(body, keys.charlie)), status.PERMISSION_DENIED],
    ['no permit', () => raw(PATH, body, signed(body, keys.dave)), status.PERMISSION_DENIED],
    ['oversized', () => raw(PATH, huge, signed(huge)), status.RESOURCE_EXHAUSTED],
    ['wrong shape', () => raw(PATH, wrongShape, signed(wrongShape)), status.INVALID_ARGUMENT],
    ['wrong dtype', () => raw(PATH, wrongDtype, signed(wrongDtype)), status.INVALID_ARGUMENT],
    ['wrong competition', () => raw(PATH, wrongCompetition, signed(wrongCompetition)), status.INVALID_ARGUMENT],
    ['garbage body', () => raw(PATH, garbage, signed(garbage)), status.INVALID_ARGUMENT],
    [
      'over the rate limit',
      async () => {
        // Eve's own inputs: a batch Alice sent moments ago would be refused as relayed instead (relay-guard.ts).
        const own = request(1, { input: { dtype: 'float32', shape: [1, IN], data: batch(1, 3) } });
        const all = await Promise.allSettled(Array.from({ length: 40 }, () => eve.predict(own, { deadlineMs: 5_000 })));
        return all.find((r) => r.status === 'rejected')?.reason;
      },
      status.RESOURCE_EXHAUSTED,
    ],
  ];

  let goodServed = 0;
  let stop = false;
  const goodLoop = (async () => {
    while (!stop) {
      const r = await good.predict(request(1), { deadlineMs: 5_000 });
      t.deepEqual(r.value.output.shape, [1, OUT]);
      goodServed++;
    }
  })();
  const results = await Promise.all(cases.map(async ([name, run, want]) => ({ name, want, got: await run() })));
  stop = true;
  await goodLoop;
  for (const { name, want, got } of results) {
    const code = got instanceof MinerCallError ? got.grpcCode : (got as { code?: number } | undefined)?.code;
    t.is(code, want, `${name}: expected ${status[want]}, got ${String(got)}`);
  }
  t.true(goodServed >= 1, 'the good caller was never served');
  t.is((await good.predict(request(1), { deadlineMs: 5_000 })).value.output.shape[0], 1);
  const refusals = lines.filter((l) => l.msg === 'request refused');
  // One full line per reason per interval (the rest are counted in the aggregate line).
  const reasons = new Set(refusals.map((l) => String(l.reason).split(':')[0]));
  t.true(reasons.size >= 11, `expected a full log line per refusal reason, found ${[...reasons].join(', ')}`);
  t.true(refusals.some((l) => l.caller === keys.charlie.address && typeof l.reason === 'string'));
});

test('a caller directory swap takes effect at once', async (t) => {
  const keys = await keysP;
  const { address, directory } = await startServer(t, keys);
  const c = client(t, address, keys);
  await c.predict(request(1));
  directory.replace({});
  const err = await t.throwsAsync(c.predict(request(1)), { instanceOf: MinerCallError });
  t.is(err?.grpcCode, status.PERMISSION_DENIED);
});

test('a predictor that throws or answers the wrong shape gives INTERNAL and the server keeps serving', async (t) => {
  const keys = await keysP;
  let mode: 'throw' | 'shape' | 'ok' = 'throw';
  const { address } = await startServer(t, keys, {
    predictor: {
      predict: async (input, shape) => {
        if (mode === 'throw') throw new Error('model exploded');
        if (mode === 'shape') return { data: new Float32Array(3), shape: [3] };
        return { data: linearPredict(input, shape[0]!), shape: [shape[0]!, OUT] };
      },
    },
  });
  const c = client(t, address, keys);
  t.is((await t.throwsAsync(c.predict(request(1)), { instanceOf: MinerCallError }))?.grpcCode, status.INTERNAL);
  mode = 'shape';
  t.is((await t.throwsAsync(c.predict(request(1)), { instanceOf: MinerCallError }))?.grpcCode, status.INTERNAL);
  mode = 'ok';
  t.deepEqual((await c.predict(request(2))).value.output.shape, [2, OUT]);
});

test('the client refuses an answer not signed by the expected miner', async (t) => {
  const keys = await keysP;
  const { address } = await startServer(t, keys, { hotkey: keys.charlie });
  // Requests are signed for bob, so charlie's server refuses them: wrong recipient.
  const c = client(t, address, keys);
  t.is((await t.throwsAsync(c.predict(request(1)), { instanceOf: MinerCallError }))?.grpcCode, status.UNAUTHENTICATED);
});

test('a flood of refused calls writes a bounded log: the first of each reason in full, the rest counted in one line per interval', async (t) => {
  const keys = await keysP;
  let bytes = 0;
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write: (chunk, _enc, cb) => {
      bytes += chunk.length;
      lines.push(JSON.parse(String(chunk)));
      cb();
    },
  });
  const { address, server } = await startServer(t, keys, { logger: pino({ level: 'warn' }, sink) });
  const raw = rawChannel(t, address);
  const body = encodePredictRequest(request(1));
  const n = 300;
  const results = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      raw(PATH, body, i % 2 === 0 ? new Metadata() : requestMetadata(signRequest(body, keys.charlie, keys.bob.address))),
    ),
  );
  t.true(results.every((r) => !Buffer.isBuffer(r)));
  await server.stop(100); // flushes the aggregate
  t.log(`${n} refused calls wrote ${bytes} bytes of log in ${lines.length} lines`);
  t.true(bytes < 3_000, `expected under 3 KB of log for ${n} refusals, found ${bytes} bytes`);
  const detailed = lines.filter((l) => l.msg === 'request refused');
  t.deepEqual(detailed.map((l) => l.code).sort(), ['PERMISSION_DENIED', 'UNAUTHENTICATED']);
  const summary = lines.filter((l) => l.msg === 'requests refused (aggregated)');
  const counted = summary.reduce((a, l) => a + Object.values(l.byReason as Record<string, number>).reduce((x, y) => x + y, 0), 0);
  t.is(counted + detailed.length, n, 'every refusal is counted');
});
