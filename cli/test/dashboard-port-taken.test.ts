/** `arena dashboard` with its port taken exits 1 promptly, naming the address (a start failure, not a usage error). */
import test from 'ava';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DASHBOARD_DIST } from '../dashboard/server.ts';
import { runFailedStart, takenPort } from '../../test/_helpers/failed-start.ts';

test('arena dashboard with its port taken exits with code 1 within 5 seconds, naming host:port', async (t) => {
  t.timeout(120_000);
  // The page must be built, or the start fails earlier for that reason.
  if (!existsSync(join(DASHBOARD_DIST, 'index.html')))
    execFileSync(process.execPath, [new URL('../dashboard/build.mjs', import.meta.url).pathname], { stdio: 'ignore' });
  const taken = await takenPort(t);
  const args = ['dashboard', '--chain-endpoint', 'ws://127.0.0.1:9', '--port', String(taken), '--log-level', 'info'];
  const run = await runFailedStart(t, args, 'dashboard starting');
  t.not(run.code, undefined, `the dashboard still runs 30 s after its port turned out taken; stderr: ${run.stderr}`);
  t.is(run.code, 1, run.stderr);
  t.true(run.msAfterStart <= 5_000, `exited ${run.msAfterStart} ms after it began starting`);
  t.regex(run.stderr, new RegExp(`cannot listen on 127\\.0\\.0\\.1:${taken} for the dashboard server: the address is in use`));
});
