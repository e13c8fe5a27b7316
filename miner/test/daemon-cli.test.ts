import test from 'ava';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDevWallet } from '#core';
import { minerConfigLeaves } from '../src/index.ts';
import { spawnArena } from './_helpers/processes.ts';

async function run(
  t: import('ava').ExecutionContext,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const p = spawnArena(t, ['miner', ...args], env);
  const { code } = await p.exited;
  return {
    code,
    stdout: p.lines.map((l) => (typeof l.text === 'string' ? l.text : JSON.stringify(l))).join('\n'),
    stderr: p.stderr.join(''),
  };
}

test('arena miner --help lists every config field as a flag with its env variable', async (t) => {
  const { code, stdout } = await run(t, ['--help']);
  t.is(code, 0);
  for (const leaf of minerConfigLeaves()) {
    const flag = `--${leaf.path.map((s) => s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()).join('.')}`;
    t.true(stdout.includes(flag), `${flag} missing from --help`);
    t.true(stdout.includes(leaf.envName), `${leaf.envName} missing from --help`);
  }
  for (const s of ['--config <file>', '--model-dir <dir>', '--register', 'ARENA_MINER_*', 'Exit codes']) t.true(stdout.includes(s), s);
});

test('bad config exits 2 naming the field and its source (flag, env, file)', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'arena-miner-cli-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const file = join(dir, 'm.json');
  await writeFile(file, JSON.stringify({ grpc: { port: 70000 }, unknownKey: 1 }));
  const [flag, env, fromFile] = await Promise.all([
    run(t, ['--grpc.port', 'abc']),
    run(t, [], { ARENA_MINER_NETUID: 'x' }),
    run(t, ['--config', file]),
  ]);
  t.is(flag.code, 2);
  t.regex(flag.stderr, /grpc\.port: expected number, found string "abc" \(from flag --grpc\.port\)/);
  t.is(env.code, 2);
  t.regex(env.stderr, /netuid: expected number, found string "x" \(from env ARENA_MINER_NETUID\)/);
  t.is(fromFile.code, 2);
  t.regex(fromFile.stderr, /grpc\.port: .*found number 70000/);
  t.regex(fromFile.stderr, /unknownKey: expected no such field/);
});

test('an unknown competition and a missing wallet exit 2 with what to do', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'arena-miner-cli-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const [competition, wallet] = await Promise.all([
    run(t, ['--competition', 'chess', '--wallet.path', dir]),
    run(t, ['--wallet.path', dir, '--wallet.name', 'nobody', '--wallet.hotkey', 'h1']),
  ]);
  t.is(competition.code, 2);
  t.regex(competition.stderr, /competition: expected a competition id with a file in configs\/competitions\/, found "chess"/);
  t.is(wallet.code, 2);
  t.regex(
    wallet.stderr,
    new RegExp(
      `no hotkey "h1" in wallet "nobody".*arena wallet create --wallet\\.path ${dir} --wallet\\.name nobody --wallet\\.hotkey h1`,
      's',
    ),
  );
});

test('--backend tensorflow-gpu that cannot run here exits 2 before touching the chain', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'arena-miner-cli-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  await createDevWallet({ path: join(dir, 'wallets'), name: 'm1', hotkey: 'default', coldkeyUri: '//Bob', hotkeyUri: '//Bob//miner' });
  const { code, stderr } = await run(t, [
    '--backend',
    'tensorflow-gpu',
    '--chain.endpoint',
    'ws://127.0.0.1:1',
    '--wallet.path',
    join(dir, 'wallets'),
    '--wallet.name',
    'm1',
    '--wallet.hotkey',
    'default',
    '--data-dir',
    join(dir, 'data'),
  ]);
  t.is(code, 2);
  t.regex(stderr, /backend 'tensorflow-gpu' needs the optional package @tensorflow\/tfjs-node-gpu/);
  t.notRegex(stderr, /cannot connect/);
});
