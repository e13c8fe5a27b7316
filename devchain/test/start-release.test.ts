/**
 * A devchain start that fails half-way releases what it opened: the block store (whose LevelDB lock would
 * refuse the next start on the same data directory), the RPC server and the block producer.
 */
import test from 'ava';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevchain, type DevchainHandle } from '../src/start.ts';

function dataDir(t: { teardown: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'arena-devchain-release-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function holdPort(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

/** Starts on the same data dir; a store left open by the failed start makes this reject (the lock is held). */
async function secondStart(t: { teardown: (fn: () => Promise<void>) => void }, dir: string): Promise<DevchainHandle> {
  const started = Date.now();
  const node = await startDevchain({ dataDir: dir, port: 0, manualSeal: true });
  t.teardown(() => node.stop());
  // Nothing to wait for: a released store opens at once (a held one is refused, not waited for).
  if (Date.now() - started > 30_000) throw new Error(`second start took ${Date.now() - started} ms`);
  return node;
}

test('a genesis error after the store opened closes the store: a second start on the same data dir succeeds', async (t) => {
  const dir = dataDir(t);
  const err = await t.throwsAsync(
    startDevchain({ dataDir: dir, port: 0, manualSeal: true, genesis: { pallets: { SubtensorModule: { subnets: 'not a list' } } } }),
  );
  t.regex(err?.message ?? '', /genesis\.pallets\.SubtensorModule/);
  const node = await secondStart(t, dir);
  t.regex(node.url, /^ws:\/\/127\.0\.0\.1:\d+$/);
});

test('an RPC port that is taken is named host:port, and the failed start leaves the data dir free', async (t) => {
  const dir = dataDir(t);
  const { server, port } = await holdPort();
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const err = await t.throwsAsync(startDevchain({ dataDir: dir, host: '127.0.0.1', port, manualSeal: true }));
  t.regex(err?.message ?? '', new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port} .*in use.*EADDRINUSE`));
  await secondStart(t, dir);
  t.pass();
});

test('stop releases the store once; a stopped node can be started again on its data dir', async (t) => {
  const dir = dataDir(t);
  const first = await startDevchain({ dataDir: dir, port: 0, manualSeal: true });
  await Promise.all([first.stop(), first.stop()]);
  const second = await secondStart(t, dir);
  t.is(second.genesisHash, first.genesisHash);
});

test('a data dir in use by a running node is refused with an error naming it', async (t) => {
  const dir = dataDir(t);
  const first = await startDevchain({ dataDir: dir, port: 0, manualSeal: true });
  t.teardown(() => first.stop());
  const err = await t.throwsAsync(startDevchain({ dataDir: dir, port: 0, manualSeal: true }));
  t.is(
    err?.message,
    `cannot open the block store in ${dir}: its lock is held (a devchain already runs on it; stop that one or pick another --data-dir)`,
  );
});
