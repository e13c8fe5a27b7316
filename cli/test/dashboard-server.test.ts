/** The dashboard's HTTP server: config, reports, static files, and bad requests (real server on 127.0.0.1). */
import test from 'ava';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listRounds, reportLabel, startDashboard } from '../dashboard/server.ts';

function tempDir(t: { teardown(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'arena-dash-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A fake built page (the real build is exercised by the browser test). */
function fakeDist(root: string): string {
  const dist = join(root, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Arena dashboard</title>');
  writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'not for the browser');
  return dist;
}

function report(roundId: number): string {
  return JSON.stringify({ roundId, netuid: 1, block: 10 * roundId, miners: [{ uid: 2, loss: 0.5 / roundId, rank: 1, status: 'ok' }] });
}

async function get(url: string, method = 'GET'): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => {
        body += d.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('serves config, report index, report files and the page; rejects traversal and bad methods', async (t) => {
  const root = tempDir(t);
  const distDir = fakeDist(root);
  const v1 = join(root, 'validator-a', 'reports');
  const v2 = join(root, 'validator-b', 'reports');
  mkdirSync(v1, { recursive: true });
  for (const r of [3, 1, 12]) writeFileSync(join(v1, `round-${r}.json`), report(r));
  writeFileSync(join(v1, 'state.json'), '{}');
  const dash = await startDashboard({ chainEndpoint: 'ws://127.0.0.1:9', netuid: 3, port: 0, reportDirs: [v1, v2], distDir });
  t.teardown(() => dash.stop());
  t.regex(dash.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);

  const cfg = await get(`${dash.url}config.json`);
  t.is(cfg.status, 200);
  t.deepEqual(JSON.parse(cfg.body), {
    chainEndpoint: 'ws://127.0.0.1:9',
    netuid: 3,
    reports: [
      { id: 0, label: 'validator-a' },
      { id: 1, label: 'validator-b' },
    ],
  });

  const index = await get(`${dash.url}reports/index.json`);
  t.deepEqual(JSON.parse(index.body), [
    { id: 0, label: 'validator-a', rounds: [1, 3, 12] },
    { id: 1, label: 'validator-b', rounds: [] },
  ]);
  const r3 = await get(`${dash.url}reports/0/round-3.json`);
  t.is(r3.status, 200);
  t.is((JSON.parse(r3.body) as { roundId: number }).roundId, 3);
  t.is((JSON.parse((await get(`${dash.url}reports/0/latest.json`)).body) as { roundId: number }).roundId, 12);
  t.is((await get(`${dash.url}reports/1/latest.json`)).status, 404);
  t.is((await get(`${dash.url}reports/0/state.json`)).status, 404);
  t.is((await get(`${dash.url}reports/0/round-99.json`)).status, 404);
  t.is((await get(`${dash.url}reports/7/round-1.json`)).status, 404);
  t.is((await get(`${dash.url}reports/0/..%2F..%2Fsecret.txt`)).status, 404);

  const page = await get(dash.url);
  t.is(page.status, 200);
  t.regex(page.type ?? '', /text\/html/);
  t.regex(page.body, /Arena dashboard/);
  t.regex((await get(`${dash.url}assets/app.js`)).type ?? '', /javascript/);
  t.is((await get(`${dash.url}..%2Fsecret.txt`)).status, 404);
  t.is((await get(`${dash.url}%2e%2e/secret.txt`)).status, 404);
  t.is((await get(`${dash.url}%E0%A4%A`)).status, 400);
  t.is((await get(`${dash.url}nothing.js`)).status, 404);
  t.is((await get(`${dash.url}config.json`, 'POST')).status, 405);
  t.is((await get(`${dash.url}config.json`, 'HEAD')).body, '');
});

test('refuses to start without a built page or with bad options, and says what to do', async (t) => {
  const root = tempDir(t);
  await t.throwsAsync(startDashboard({ chainEndpoint: 'ws://127.0.0.1:9', netuid: 1, port: 0, distDir: join(root, 'none') }), {
    message: /npm run build:dashboard/,
  });
  const distDir = fakeDist(root);
  await t.throwsAsync(startDashboard({ chainEndpoint: 'http://x', netuid: 1, port: 0, distDir }), { message: /ws:\/\/ or wss:\/\// });
  await t.throwsAsync(startDashboard({ chainEndpoint: 'ws://x', netuid: 70_000, port: 0, distDir }), { message: /netuid/ });
  const first = await startDashboard({ chainEndpoint: 'ws://x', netuid: 1, port: 0, distDir });
  t.teardown(() => first.stop());
  await t.throwsAsync(startDashboard({ chainEndpoint: 'ws://x', netuid: 1, port: first.port, distDir }), {
    message: `cannot listen on 127.0.0.1:${first.port} for the dashboard server: the address is in use (another process listens there; pick another port, or 0 for any) [EADDRINUSE]`,
  });
});

test('report labels and round listing', async (t) => {
  t.is(reportLabel('/data/validator-1/reports'), 'validator-1');
  t.is(reportLabel('/data/my-reports'), 'my-reports');
  const dir = tempDir(t);
  t.deepEqual(await listRounds(join(dir, 'missing')), []);
  for (const name of ['round-2.json', 'round-10.json', 'round-x.json', 'round-3.json.tmp']) writeFileSync(join(dir, name), '{}');
  t.deepEqual(await listRounds(dir), [2, 10]);
});

test('`arena dashboard` process: flags + env, serves /config.json, stops on SIGINT with exit 0', async (t) => {
  const { spawn, execFileSync } = await import('node:child_process');
  const { DASHBOARD_DIST } = await import('../dashboard/server.ts');
  const { existsSync } = await import('node:fs');
  if (!existsSync(join(DASHBOARD_DIST, 'index.html'))) {
    execFileSync(process.execPath, [new URL('../dashboard/build.mjs', import.meta.url).pathname], { stdio: 'ignore' });
  }
  const reports = tempDir(t);
  const child = spawn(
    process.execPath,
    [
      new URL('../bin/arena.js', import.meta.url).pathname,
      'dashboard',
      '--chain-endpoint',
      'ws://127.0.0.1:9',
      '--port',
      '0',
      '--log-level',
      'silent',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ARENA_NETUID: '7', ARENA_DASHBOARD_REPORTS: reports } },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  t.teardown(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within 45 s; stderr: ${stderr}`)), 45_000);
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(stderr);
      if (m?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}: ${stderr}`));
    });
  });
  const cfg = JSON.parse((await get(`${url}config.json`)).body) as { chainEndpoint: string; netuid: number; reports: { label: string }[] };
  t.is(cfg.chainEndpoint, 'ws://127.0.0.1:9');
  t.is(cfg.netuid, 7);
  t.is(cfg.reports.length, 1);
  child.kill('SIGINT');
  t.is(await exited, 0);
});
