/** `arena devchain` with its RPC port taken exits 1 promptly, naming the address, instead of holding the store open. */
import test from 'ava';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runFailedStart, takenPort } from '../../test/_helpers/failed-start.ts';

test('arena devchain with its RPC port taken exits with code 1 within 5 seconds, naming host:port', async (t) => {
  t.timeout(120_000);
  const dir = await mkdtemp(join(tmpdir(), 'arena-devchain-port-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const taken = await takenPort(t);
  const args = ['devchain', '--host', '127.0.0.1', '--port', String(taken), '--data-dir', join(dir, 'chain'), '--log-level', 'info'];
  const run = await runFailedStart(t, args, 'devchain starting');
  t.not(run.code, undefined, `the devchain still runs 30 s after its port turned out taken; stderr: ${run.stderr}`);
  t.is(run.code, 1, run.stderr);
  t.true(run.msAfterStart <= 5_000, `exited ${run.msAfterStart} ms after it began starting`);
  t.regex(run.stderr, new RegExp(`cannot listen on 127\\.0\\.0\\.1:${taken} for the devchain JSON-RPC server: the address is in use`));
});
