import { status } from '@grpc/grpc-js';
import { MinerCallError } from '#protocol';
import test from 'ava';
import { callerStakeFloorRao, InMemoryCallerDirectory } from '../../src/server/index.ts';
import { TokenBucketLimiter } from '../../src/server/rate-limit.ts';
import { ReplayCache } from '../../src/server/replay-cache.ts';
import { batch, client, devKeys, IN, OUT, startServer } from './_helpers/harness.ts';

test('ReplayCache refuses a key within its ttl, forgets it after, and stays bounded', (t) => {
  const c = new ReplayCache({ ttlMs: 1000, capacity: 3 });
  t.true(c.checkAndAdd('a', 0));
  t.false(c.checkAndAdd('a', 999));
  t.true(c.checkAndAdd('a', 2001), 'expired entries are forgotten');
  for (const k of ['b', 'c', 'd', 'e']) c.checkAndAdd(k, 2002);
  t.is(c.size, 3);
});

test('TokenBucketLimiter allows the burst, refills at the rate, and keys are independent', (t) => {
  const l = new TokenBucketLimiter({ ratePerSec: 2, burst: 3 });
  t.deepEqual([1, 2, 3, 4].map(() => l.tryTake('x', 0)), [true, true, true, false]);
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
  const gate = new Promise<void>((r) => { release = r; });
  const inModel = new Promise<void>((r) => { entered = r; });
  const { address } = await startServer(t, keys, {
    limits: { inputShape: [IN], outputShape: [OUT], maxInFlight: 1 },
    predictor: { predict: async (_i, shape) => { entered(); await gate; return { data: new Float32Array(shape[0]! * OUT), shape: [shape[0]!, OUT] }; } },
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
