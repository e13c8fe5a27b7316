import test from 'ava';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/arena.js', import.meta.url));
const DEV_PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';

function arena(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err === null ? 0 : typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}

test('arena wallet create, show --json, list and regen hotkey work end to end', async (t) => {
  t.timeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'arena-cli-wallet-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const pw = join(dir, 'pw');
  writeFileSync(pw, 'sesame\n', { mode: 0o600 });
  const wallets = join(dir, 'wallets');
  const created = await arena(['wallet', 'create', '--wallet.path', wallets, '--wallet.name', 'm1', '--password-file', pw]);
  t.is(created.code, 0, created.stderr);
  t.regex(created.stdout, /coldkey: 5\w+/);
  t.is(statSync(join(wallets, 'm1', 'coldkey')).mode & 0o777, 0o600);
  const shown = await arena(['wallet', 'show', '--wallet.name', 'm1', '--json'], { ARENA_WALLET_PATH: wallets });
  t.is(shown.code, 0, shown.stderr);
  const summary = JSON.parse(shown.stdout) as { coldkey: string; hotkeys: Array<{ name: string }> };
  t.true(created.stdout.includes(summary.coldkey));
  t.deepEqual(
    summary.hotkeys.map((h) => h.name),
    ['default'],
  );
  t.false(shown.stdout.includes('privateKey'));
  const mfile = join(dir, 'm.txt');
  writeFileSync(mfile, `${DEV_PHRASE}\n`, { mode: 0o600 });
  const regen = await arena([
    'wallet',
    'regen',
    'hotkey',
    '--wallet.path',
    wallets,
    '--wallet.name',
    'm1',
    '--wallet.hotkey',
    'h2',
    '--mnemonic-file',
    mfile,
    '--no-password',
  ]);
  t.is(regen.code, 0, regen.stderr);
  t.regex(regen.stdout, /hotkey: 5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV/);
  const listed = await arena(['wallet', 'list', '--wallet.path', wallets, '--json']);
  t.deepEqual((JSON.parse(listed.stdout) as Array<{ hotkeys: unknown[] }>)[0]?.hotkeys.length, 2);
});

test('arena wallet exits 2 for bad usage and 1 for a missing wallet', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'arena-cli-wallet-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const noPw = await arena(['wallet', 'create', '--wallet.path', dir, '--no-password']);
  t.is(noPw.code, 2);
  t.regex(noPw.stderr, /hotkeys only/);
  const twoSources = await arena(['wallet', 'regen', 'hotkey', '--wallet.path', dir, '--seed', '0x00', '--mnemonic', 'a b']);
  t.is(twoSources.code, 2);
  t.regex(twoSources.stderr, /exactly one of/);
  const badEnv = await arena(['wallet', 'show'], { ARENA_WALLET_PATH: '' });
  t.is(badEnv.code, 2);
  t.regex(badEnv.stderr, /wallet\.path/);
  const missing = await arena(['wallet', 'show', '--wallet.path', dir, '--wallet.name', 'ghost']);
  t.is(missing.code, 2, 'a wallet that does not exist is bad input');
  t.regex(missing.stderr, /no wallet at/);
  const help = await arena(['wallet', 'create', '--help']);
  t.is(help.code, 0);
  t.regex(help.stdout, /--password-file/);
});

test('a secret given on the command line (--seed, --mnemonic) works but warns that it is visible, pointing to the file flag', async (t) => {
  t.timeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'arena-cli-wallet-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const seed = `0x${'ab'.repeat(32)}`;
  const bySeed = await arena(['wallet', 'regen', 'hotkey', '--wallet.path', dir, '--wallet.name', 's', '--seed', seed, '--no-password']);
  t.is(bySeed.code, 0, bySeed.stderr);
  t.regex(bySeed.stderr, /warning: --seed on the command line is visible in shell history and the process list; prefer --seed-file/);
  t.false(bySeed.stderr.includes(seed), 'the warning does not repeat the secret');
  const byWords = await arena([
    'wallet',
    'regen',
    'hotkey',
    '--wallet.path',
    dir,
    '--wallet.name',
    'm',
    '--mnemonic',
    DEV_PHRASE,
    '--no-password',
  ]);
  t.is(byWords.code, 0, byWords.stderr);
  t.regex(byWords.stderr, /warning: --mnemonic on the command line is visible .*; prefer --mnemonic-file/);
  const seedFile = join(dir, 'seed.txt');
  writeFileSync(seedFile, `${seed}\n`, { mode: 0o600 });
  const byFile = await arena([
    'wallet',
    'regen',
    'hotkey',
    '--wallet.path',
    dir,
    '--wallet.name',
    'f',
    '--seed-file',
    seedFile,
    '--no-password',
  ]);
  t.is(byFile.code, 0, byFile.stderr);
  t.false(byFile.stderr.includes('warning'));
  const help = await arena(['wallet', 'regen', '--help']);
  t.regex(help.stdout, /--seed <hex>.*prefer --seed-file/s);
});
