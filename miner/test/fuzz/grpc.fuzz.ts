/**
 * Fuzz surfaces of a real miner gRPC server (its own process): random and mutated Predict and Info bodies
 * signed correctly (so decoding is reached), and random or mutated Epistula metadata headers. Every call
 * must end with a documented status (protocol/README.md "Refusals"), never INTERNAL or UNKNOWN, within
 * its deadline; the server's memory stays bounded and a legitimate validator is served afterwards.
 */
import { Client, credentials, type Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import fc from 'fast-check';
import protobuf from 'protobufjs';
import { MINER_SERVICE, MinerClient, encodePredictRequest, requestMetadata, signRequest } from '#protocol';
import {
  assertBoundedRss,
  checkProperty,
  FuzzFailure,
  Tally,
  watchRss,
  type FuzzOptions,
  type FuzzSurface,
  type SurfaceResult,
} from '../../../test/fuzz/surface.ts';
import { batch, devKeys, IN, OUT, type Keys } from '../server/_helpers/harness.ts';

const SERVE = new URL('./serve-miner.ts', import.meta.url).pathname;
/** Statuses the miner documents for refusals, plus OK. */
const DOCUMENTED = new Set<number>([
  status.OK,
  status.INVALID_ARGUMENT,
  status.UNAUTHENTICATED,
  status.PERMISSION_DENIED,
  status.ALREADY_EXISTS,
  status.RESOURCE_EXHAUSTED,
  status.UNAVAILABLE,
]);

interface Target {
  child: ChildProcess;
  address: string;
  keys: Keys;
  call(path: string, body: Buffer, md: Metadata): Promise<{ code: number; details: string }>;
}

async function withMiner(fn: (t: Target) => Promise<SurfaceResult>): Promise<SurfaceResult> {
  const keys = await devKeys();
  const child = spawn(process.execPath, ['--import', 'tsx', SERVE], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('fuzz miner did not start within 60 s')), 60_000);
    createInterface({ input: child.stdout! }).once('line', (l) => {
      clearTimeout(timer);
      resolve((JSON.parse(l) as { port: number }).port);
    });
    child.once('exit', (c) => reject(new Error(`fuzz miner exited with ${c}`)));
  });
  const address = `127.0.0.1:${port}`;
  const client = new Client(address, credentials.createInsecure(), {
    'grpc.max_send_message_length': 8 << 20,
    'grpc.max_receive_message_length': 8 << 20,
  });
  const call = (path: string, body: Buffer, md: Metadata): Promise<{ code: number; details: string }> =>
    new Promise((resolve) => {
      client.makeUnaryRequest(
        path,
        (b: Buffer) => b,
        (b: Buffer) => b,
        body,
        md,
        { deadline: Date.now() + 10_000 },
        (err: ServiceError | null) => resolve(err ? { code: err.code, details: err.details } : { code: status.OK, details: '' }),
      );
    });
  try {
    return await fn({ child, address, keys, call });
  } finally {
    client.close();
    child.kill('SIGKILL');
    await exited;
  }
}

/** A legitimate validator gets a correct, signed answer after the attack. */
async function assertServesValidator(surface: string, o: FuzzOptions, t: Target): Promise<void> {
  const c = new MinerClient({ address: t.address, minerHotkey: t.keys.bob.address, signer: t.keys.eve, defaultDeadlineMs: 10_000 });
  try {
    // A batch never sent before: the miner refuses a batch another validator already sent (relay defence).
    const res = await c.predict({
      competitionId: 'mnist',
      roundId: 1,
      input: { dtype: 'float32', shape: [2, IN], data: batch(2, 1 + (Date.now() % 1_000_000)) },
    });
    if (res.value.output.shape.join(',') !== `2,${OUT}`) throw new Error(`wrong shape ${res.value.output.shape.join(',')}`);
  } catch (err: unknown) {
    throw new FuzzFailure(
      surface,
      o.seed,
      undefined,
      `a legitimate validator was not served after the run: ${err instanceof Error ? err.message : String(err)}`,
    );
  } finally {
    c.close();
  }
}

const Tensor = new protobuf.Type('Tensor')
  .add(new protobuf.Field('dtype', 1, 'string'))
  .add(new protobuf.Field('shape', 2, 'uint32', 'repeated'))
  .add(new protobuf.Field('data', 3, 'bytes'));
const Request = new protobuf.Type('PredictRequest')
  .add(new protobuf.Field('competitionId', 1, 'string'))
  .add(new protobuf.Field('roundId', 2, 'uint64'))
  .add(new protobuf.Field('input', 3, 'Tensor'));
new protobuf.Root().add(Tensor).add(Request);

/** A structurally random PredictRequest: dtype, shape and data lengths near and far from what the miner expects. */
const structuredBody: fc.Arbitrary<Buffer> = fc
  .record({
    competitionId: fc.oneof(fc.constant('mnist'), fc.string({ maxLength: 300 })),
    roundId: fc.oneof(fc.nat(), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n })),
    dtype: fc.constantFrom('float32', 'int32', 'uint8', 'float64', '', 'FLOAT32'),
    shape: fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 70 }), fc.constantFrom(IN, IN - 1, 1, 0)).map((s) => [...s]),
      fc.array(fc.nat(), { maxLength: 6 }),
      fc.constant([2 ** 32 - 1, 2 ** 32 - 1]),
    ),
    dataRows: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(-1)),
    fill: fc.constantFrom(0, Number.NaN, Number.POSITIVE_INFINITY, 0.5, -1e38),
  })
  .map((r) => {
    const rows = r.dataRows === -1 ? 0 : r.dataRows;
    const data = new Float32Array(rows * IN + (r.dataRows === -1 ? 3 : 0)).fill(r.fill);
    const msg = Request.create({
      competitionId: r.competitionId,
      roundId: r.roundId.toString(),
      input: Tensor.create({ dtype: r.dtype, shape: r.shape, data: new Uint8Array(data.buffer) }),
    });
    return Buffer.from(Request.encode(msg).finish());
  });

const validBody = encodePredictRequest({ competitionId: 'mnist', roundId: 3, input: { dtype: 'float32', shape: [2, IN], data: batch(2) } });
const mutatedBody: fc.Arbitrary<Buffer> = fc
  .array(fc.tuple(fc.nat(validBody.length - 1), fc.integer({ min: 1, max: 255 }), fc.boolean()), { minLength: 1, maxLength: 6 })
  .map((ms) => {
    let b = Buffer.from(validBody);
    for (const [at, x, cut] of ms) {
      if (cut) b = b.subarray(0, at);
      else if (b.length > 0) b[at % b.length] = b[at % b.length]! ^ x;
    }
    return Buffer.from(b);
  });
const bodyArb = fc.oneof(
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(b)) },
  { weight: 3, arbitrary: structuredBody },
  { weight: 3, arbitrary: mutatedBody },
);

function signed(body: Buffer, t: Target): Metadata {
  return requestMetadata(signRequest(body, t.keys.alice, t.keys.bob.address, { uuid: randomUUID() }));
}

function bodySurface(name: string, path: string, body: fc.Arbitrary<Buffer>): FuzzSurface {
  return {
    name,
    run: (o) =>
      withMiner(async (t) => {
        const started = Date.now();
        const tally = new Tally();
        const rss = watchRss(t.child.pid!);
        await checkProperty(
          name,
          fc.asyncProperty(body, async (b) => {
            const r = await t.call(path, b, signed(b, t));
            tally.add(status[r.code] ?? String(r.code));
            if (!DOCUMENTED.has(r.code))
              throw new Error(`undocumented status ${status[r.code]} (${r.details}) for body 0x${b.toString('hex').slice(0, 400)}`);
          }),
          o,
        );
        const mem = rss.stop();
        assertBoundedRss(name, o, mem, 200);
        await assertServesValidator(name, o, t);
        return { surface: name, runs: o.numRuns, seed: o.seed, ms: Date.now() - started, rss: mem, outcomes: tally.counts };
      }),
  };
}

const HEADER_NAMES = [
  'epistula-version',
  'epistula-timestamp',
  'epistula-uuid',
  'epistula-signed-by',
  'epistula-signed-for',
  'epistula-request-signature',
];
type HeaderEdit =
  | { op: 'set'; name: string; value: string }
  | { op: 'delete'; name: string }
  | { op: 'add'; name: string; value: string }
  | { op: 'bin'; name: string; value: Uint8Array };
const headerValue = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.constantFrom(
    '',
    '2',
    '1',
    '-1',
    '0',
    '1e3',
    '00000001700000000000',
    String(Date.now()),
    String(Date.now() + 3_600_000),
    '0x',
    `0x${'00'.repeat(64)}`,
    '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY',
    '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty',
    '5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy',
    'x'.repeat(4000),
  ),
  fc.uint8Array({ maxLength: 64 }).map((b) => `0x${Buffer.from(b).toString('hex')}`),
);
const editArb: fc.Arbitrary<HeaderEdit> = fc.oneof(
  fc.record({ op: fc.constant('set' as const), name: fc.constantFrom(...HEADER_NAMES), value: headerValue }),
  fc.record({ op: fc.constant('delete' as const), name: fc.constantFrom(...HEADER_NAMES) }),
  fc.record({
    op: fc.constant('add' as const),
    name: fc.oneof(fc.constantFrom(...HEADER_NAMES), fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/)),
    value: headerValue,
  }),
  fc.record({
    op: fc.constant('bin' as const),
    name: fc.constantFrom(...HEADER_NAMES).map((n) => `${n}-bin`),
    value: fc.uint8Array({ maxLength: 64 }),
  }),
);

const headersSurface: FuzzSurface = {
  name: 'miner.headers',
  run: (o) =>
    withMiner(async (t) => {
      const started = Date.now();
      const tally = new Tally();
      const rss = watchRss(t.child.pid!);
      const signer = fc.constantFrom('alice', 'dave', 'eve', 'bob') as fc.Arbitrary<'alice' | 'dave' | 'eve' | 'bob'>;
      await checkProperty(
        'miner.headers',
        fc.asyncProperty(signer, fc.array(editArb, { maxLength: 4 }), fc.boolean(), async (who, edits, info) => {
          const body = info ? Buffer.alloc(0) : validBody;
          const md = requestMetadata(signRequest(body, t.keys[who], t.keys.bob.address, { uuid: randomUUID() }));
          for (const e of edits) {
            try {
              if (e.op === 'set') md.set(e.name, e.value);
              else if (e.op === 'delete') md.remove(e.name);
              else if (e.op === 'add') md.add(e.name, e.value);
              else md.set(e.name, Buffer.from(e.value));
            } catch {
              tally.add('header refused by grpc-js client');
              return;
            } // the client library itself refuses some values
          }
          const r = await t.call(info ? MINER_SERVICE.Info.path : MINER_SERVICE.Predict.path, body, md);
          tally.add(status[r.code] ?? String(r.code));
          if (!DOCUMENTED.has(r.code))
            throw new Error(
              `undocumented status ${status[r.code]} (${r.details}) for headers ${JSON.stringify(md.getMap()).slice(0, 600)}`,
            );
          if (r.code === status.OK && edits.some((e) => e.op !== 'add' || HEADER_NAMES.includes(e.name))) {
            // An accepted call with edited Epistula headers must still have carried a valid signature by a permitted caller.
            if (who === 'dave' || who === 'bob')
              throw new Error(`a call signed by ${who} was accepted with headers ${JSON.stringify(md.getMap()).slice(0, 600)}`);
          }
        }),
        o,
      );
      const mem = rss.stop();
      assertBoundedRss('miner.headers', o, mem, 200);
      await assertServesValidator('miner.headers', o, t);
      return { surface: 'miner.headers', runs: o.numRuns, seed: o.seed, ms: Date.now() - started, rss: mem, outcomes: tally.counts };
    }),
};

export const surfaces: FuzzSurface[] = [
  bodySurface('miner.predict-body', MINER_SERVICE.Predict.path, bodyArb),
  bodySurface(
    'miner.info-body',
    MINER_SERVICE.Info.path,
    fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
  ),
  headersSurface,
];
