/**
 * Forged calls naming a real validator must not spend that validator's own budgets (found by
 * `npm run chaos -- load-miner`: forged Predicts naming validator 0 from another address drained the
 * pre-verification per-hotkey bucket, and validator 0's real calls were refused "over its unverified-request
 * rate limit"). The forger here connects from 127.0.0.2 (all of 127/8 is loopback on Linux), the validator
 * from 127.0.0.1, as two hosts would.
 */
import test from 'ava';
import { ProvenSources } from '../../src/server/proven-sources.ts';
import { forgeFrom } from './_helpers/forge.ts';
import { batch, client, devKeys, IN, startServer } from './_helpers/harness.ts';

const request = { competitionId: 'mnist', roundId: 1, input: { dtype: 'float32' as const, shape: [1, IN], data: batch(1) } };

/** `n` forged Predicts (16 at a time) naming `claimed`, from 127.0.0.2; returns the grpc-status of each. */
async function forge(port: number, claimed: string, minerHotkey: string, n: number): Promise<string[]> {
  return (await forgeFrom(port, '127.0.0.2', [claimed], minerHotkey, n, performance.now(), 16)).map((a) => a.status);
}

test('forged calls from another address naming a validator do not spend its budgets: it keeps being served', async (t) => {
  const keys = await devKeys();
  // A small verification budget, so the forger naming //Eve can spend all of it.
  const { address } = await startServer(t, keys, {
    limits: { inputShape: [IN], outputShape: [10], maxBatch: 64, admission: { verifyPerSec: 20 } },
  });
  const port = Number(address.split(':')[1]);
  const alice = client(t, address, keys);
  await alice.predict(request); // //Alice proves her hotkey from 127.0.0.1
  // 300 forged calls naming //Alice: her per-hotkey pre-verification bucket (50/s, burst 100) is what they hit.
  const onAlice = await forge(port, keys.alice.address, keys.bob.address, 300);
  // 60 forged calls naming //Eve: each that passes the per-hotkey bucket spends the shared verification budget (20).
  const onEve = await forge(port, keys.eve.address, keys.bob.address, 60);
  t.true(
    onAlice.filter((s) => s === '16').length <= 120,
    `forged calls naming Alice reached verification: ${onAlice.filter((s) => s === '16').length}`,
  );
  t.true(
    onEve.some((s) => s === '14'),
    'the forged calls naming Eve did not exhaust the verification budget: the test proves nothing',
  );
  const served = await Promise.allSettled(Array.from({ length: 5 }, () => alice.predict(request)));
  const refused = served.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason));
  t.deepEqual(refused, [], 'Alice was refused after forgers named her or spent the verification budget');
});

test('a proven source expires after its ttl and the oldest is forgotten past capacity', (t) => {
  const p = new ProvenSources({ ttlMs: 1_000, capacity: 2 });
  p.add('hk1', '10.0.0.1', 0);
  t.true(p.has('hk1', '10.0.0.1', 1_000));
  t.false(p.has('hk1', '10.0.0.1', 1_001), 'still proven after its ttl');
  t.false(p.has('hk1', '10.0.0.2', 0), 'proven from an address it never used');
  p.add('hk2', '10.0.0.1', 10);
  p.add('hk1', '10.0.0.1', 20); // refreshed: now the newest
  p.add('hk3', '10.0.0.1', 30);
  t.is(p.size, 2);
  t.false(p.has('hk2', '10.0.0.1', 30), 'the oldest entry was kept past capacity');
  t.true(p.has('hk1', '10.0.0.1', 30));
});
