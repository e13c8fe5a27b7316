import { status, type ServiceError } from '@grpc/grpc-js';
import { encodePredictRequest, MINER_SERVICE, MinerCallError, requestMetadata, signRequest } from '#protocol';
import test from 'ava';
import { callerStakeFloorRao, InMemoryCallerDirectory } from '../../src/server/index.ts';
import { TokenBucketLimiter } from '../../src/server/rate-limit.ts';
import { ReplayCache } from '../../src/server/replay-cache.ts';
import { batch, client, devKeys, IN, OUT, rawChannel, startServer } from './_helpers/harness.ts';

test('ReplayCache refuses a key within its ttl, forgets it after, and stays bounded', (t) => {
  const c = new ReplayCache({ ttlMs: 1000, capacity: 3 });
  t.is(c.checkAndAdd('v', 'a', 0), 'ok');
  t.is(c.checkAndAdd('v', 'a', 999), 'replayed');
  t.is(c.checkAndAdd('v', 'a', 2001), 'ok', 'expired entries are forgotten');
  for (const k of ['b', 'c', 'd', 'e']) c.checkAndAdd('v', k, 2002);
  t.is(c.size, 3);
});

test('TokenBucketLimiter allows the burst, refills at the rate, and keys are independent', (t) => {
  const l = new TokenBucketLimiter({ ratePerSec: 2, burst: 3 });
  t.deepEqual(
    [1, 2, 3, 4].map(() => l.tryTake('x', 0)),
    [true, true, true, false],
  );
  t.true(l.tryTake('y', 0));
  t.false(l.tryTake('x', 400));
  t.true(l.tryTake('x', 500), 'one token after 0.5 s at 2/s');
});

test('InMemoryCallerDirectory never throws on odd keys and copies its snapshot', (t) => {
  const snap = new Map([['k', { uid: 1, validatorPermit: true, stakeRao: 5n }]]);
  const d = new InMemoryCallerDirectory(snap);
  snap.clear();
  t.deepEqual(d.lookup('k'), { uid: 1, validatorPermit: true, stakeRao: 5n });
  for (const k of ['', '__proto__', 'constructor', 'x'.repeat(10_000)]) t.is(d.lookup(k), undefined);
  t.is(d.lookup(42 as unknown as string), undefined);
  // The floor: 0 by default, replaced with the snapshot, kept when a refresh does not know it.
  t.is(d.minStakeRao, 0n);
  d.replace(snap, 7n);
  t.is(d.minStakeRao, 7n);
  d.replace(snap);
  t.is(d.minStakeRao, 7n);
});

test('callerStakeFloorRao: the configured TAO floor wins, else the chain StakeThreshold, else unknown', (t) => {
  t.is(callerStakeFloorRao(undefined, 123n), 123n);
  t.is(callerStakeFloorRao(1000, 123n), 1_000_000_000_000n);
  t.is(callerStakeFloorRao(0.5, undefined), 500_000_000n);
  t.is(callerStakeFloorRao(0, 10n ** 12n), 0n, 'an explicit 0 turns the floor off');
  t.is(callerStakeFloorRao(4_096.000000001, undefined), 4_096_000_000_001n, 'exact to the rao');
  t.is(callerStakeFloorRao(undefined, undefined), undefined);
});

test('calls beyond maxInFlight get UNAVAILABLE while the model is busy', async (t) => {
  const keys = await devKeys();
  let release: () => void = () => undefined;
  let entered: () => void = () => undefined;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const inModel = new Promise<void>((r) => {
    entered = r;
  });
  const { address } = await startServer(t, keys, {
    limits: { inputShape: [IN], outputShape: [OUT], maxInFlight: 1 },
    predictor: {
      predict: async (_i, shape) => {
        entered();
        await gate;
        return { data: new Float32Array(shape[0]! * OUT), shape: [shape[0]!, OUT] };
      },
    },
  });
  const c = client(t, address, keys);
  const req = { competitionId: 'mnist', roundId: 1, input: { dtype: 'float32' as const, shape: [1, IN], data: batch(1) } };
  const first = c.predict(req);
  await inModel;
  const err = await t.throwsAsync(c.predict(req), { instanceOf: MinerCallError });
  t.is(err?.grpcCode, status.UNAVAILABLE);
  release();
  t.deepEqual((await first).value.output.shape, [1, OUT]);
});

test("a flood of fresh uuids from one caller cannot flush another caller's unexpired uuid: the replay is still refused", async (t) => {
  const keys = await devKeys();
  const { address } = await startServer(t, keys, { limits: { inputShape: [IN], outputShape: [OUT], maxBatch: 64, replayCacheSize: 8 } });
  const raw = rawChannel(t, address);
  const body = encodePredictRequest({ competitionId: 'mnist', roundId: 1, input: { dtype: 'float32', shape: [1, IN], data: batch(1) } });
  const md = requestMetadata(signRequest(body, keys.alice, keys.bob.address));
  t.true(Buffer.isBuffer(await raw(MINER_SERVICE.Predict.path, body, md)), 'first use is served');
  // Another permitted caller (eve) sends more fresh, valid requests than the cache holds (its own inputs: Alice's
  // would be refused as relayed by the relay guard before the replay cache mattered).
  const eveBody = encodePredictRequest({
    competitionId: 'mnist',
    roundId: 1,
    input: { dtype: 'float32', shape: [1, IN], data: batch(1, 2) },
  });
  const flood = await Promise.all(
    Array.from({ length: 12 }, () =>
      raw(MINER_SERVICE.Predict.path, eveBody, requestMetadata(signRequest(eveBody, keys.eve, keys.bob.address))),
    ),
  );
  const refusedFlood = flood.filter((r) => !Buffer.isBuffer(r)) as ServiceError[];
  t.true(
    refusedFlood.every((e) => e.code === status.RESOURCE_EXHAUSTED),
    'the flooder is refused once its own share is full',
  );
  const again = await raw(MINER_SERVICE.Predict.path, body, md);
  t.false(Buffer.isBuffer(again), 'the replay must not be served');
  t.is((again as ServiceError).code, status.ALREADY_EXISTS);
});

test('ReplayCache keeps one share per caller and refuses a new key rather than forget an unexpired one', (t) => {
  const c = new ReplayCache({ ttlMs: 1000, capacity: 2 });
  t.is(c.checkAndAdd('v1', 'a', 0), 'ok');
  t.is(c.checkAndAdd('v1', 'b', 0), 'ok');
  t.is(c.checkAndAdd('v1', 'c', 10), 'full', 'v1 is full of unexpired keys');
  t.is(c.checkAndAdd('v2', 'c', 10), 'ok', 'another caller has its own share');
  t.is(c.checkAndAdd('v1', 'a', 500), 'replayed');
  t.is(c.checkAndAdd('v1', 'c', 1001), 'ok', 'expired keys make room');
  t.is(c.size, 2);
  t.is(c.checkAndAdd('v1', 'a', 2500), 'ok', 'and are forgotten after the ttl');
  t.is(c.size, 1, "v2's expired share is dropped too");
  t.is(c.checkAndAdd('v2', 'z', 5000), 'ok');
  t.is(c.size, 1);
});
