/**
 * `arena leaderboard` and `arena dashboard` flags are generated from their config schemas: the chain target
 * is spelled as the validator spells it, every layer (file < env < flags) reaches the same field, and a bad
 * value exits 2 naming where it came from.
 */
import test from 'ava';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProgram, main } from '../src/main.ts';
import { ARENA } from '../../test/_helpers/devchain.ts';

function longFlags(command: string): string[] {
  const cmd = buildProgram().commands.find((c) => c.name() === command);
  return (cmd?.options ?? []).map((o) => o.long ?? '');
}

function tempDir(t: { teardown(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'arena-reader-flags-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Runs the CLI's `main` in this process with `env` set, capturing stderr. */
async function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stderr: string }> {
  const write = process.stderr.write.bind(process.stderr);
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  let stderr = '';
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += chunk.toString();
    return true;
  }) as typeof process.stderr.write;
  Object.assign(process.env, env);
  try {
    return { code: await main(['node', 'arena', ...args]), stderr };
  } finally {
    process.stderr.write = write;
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

test('the chain target is spelled --network, --chain-endpoint, --netuid in arena leaderboard, dashboard, validator and miner', (t) => {
  for (const command of ['leaderboard', 'dashboard', 'validator', 'miner']) {
    const flags = longFlags(command);
    for (const flag of ['--network', '--chain-endpoint', '--netuid', '--config'])
      t.true(flags.includes(flag), `arena ${command} lacks ${flag}`);
  }
  for (const command of ['dashboard', 'validator', 'miner', 'devchain']) t.true(longFlags(command).includes('--log-level'), command);
  t.deepEqual(
    longFlags('dashboard').filter((f) => /port|reports/.test(f)),
    ['--dashboard.port', '--dashboard.reports', '--port', '--reports'],
  );
});

test.serial('a bad value exits 2 naming the flag, the env variable or the file it came from', async (t) => {
  const flag = await run(['leaderboard', '--netuid', 'abc']);
  t.is(flag.code, 2);
  t.regex(flag.stderr, /netuid.*string "abc" \(from flag --netuid\)/);
  const env = await run(['leaderboard'], { ARENA_NETUID: '70000' });
  t.is(env.code, 2);
  t.regex(env.stderr, /netuid.*70000 \(from env ARENA_NETUID\)/);
  const file = join(tempDir(t), 'bad.json');
  writeFileSync(file, JSON.stringify({ chainEndpoint: 'http://not-ws' }));
  const fromFile = await run(['dashboard', '--config', file]);
  t.is(fromFile.code, 2);
  t.regex(fromFile.stderr, new RegExp(`chainEndpoint.*http://not-ws.*from ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  const miner = await run(['miner', '--chain-endpoint', 'http://not-ws', '--log-level', 'loud']);
  t.is(miner.code, 2);
  t.regex(miner.stderr, /chain\.endpoint.*http:\/\/not-ws/);
  t.regex(miner.stderr, /log\.level.*loud/);
  const port = await run(['dashboard', '--port', '-1']);
  t.is(port.code, 2);
  t.regex(port.stderr, /dashboard\.port.*-1 \(from flag --dashboard\.port\)/);
});

async function getJson(url: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => {
        body += d.toString();
      });
      res.on('end', () => resolve(JSON.parse(body)));
    })
      .on('error', reject)
      .end();
  });
}

test('arena dashboard: file < env < flags, --dashboard.reports and its short form --reports', async (t) => {
  t.timeout(120_000);
  const dir = tempDir(t);
  const file = join(dir, 'dashboard.json');
  writeFileSync(file, JSON.stringify({ network: 'ws://127.0.0.1:9', netuid: 5, dashboard: { reports: [join(dir, 'from-file')] } }));
  const child = spawn(
    process.execPath,
    [ARENA, 'dashboard', '--config', file, '--netuid', '7', '--dashboard.port', '0', '--reports', join(dir, 'a'), join(dir, 'b')],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ARENA_NETUID: '6', ARENA_LOG_LEVEL: 'silent' } },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  t.teardown(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(stderr);
      if (m?.[1] !== undefined) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
  });
  const cfg = (await getJson(`${url}config.json`)) as { chainEndpoint: string; netuid: number; reports: { label: string }[] };
  t.deepEqual(cfg, {
    chainEndpoint: 'ws://127.0.0.1:9',
    netuid: 7,
    reports: [
      { id: 0, label: 'a' },
      { id: 1, label: 'b' },
    ],
  });
  child.kill('SIGINT');
  t.is(await exited, 0, stderr);
});
