/**
 * A failed start releases what it opened: a validator whose metrics port is taken has already connected
 * to the chain; it must close that connection and exit 1 promptly instead of hanging on the open socket.
 */
import test from 'ava';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDevWallet, lineSplitter, parseJsonLine } from '#core';
import { spawnDevchain } from '../../../test/_helpers/devchain.ts';

const ARENA = new URL('../../../cli/bin/arena.js', import.meta.url).pathname;

test('a validator started with its metrics port taken exits with code 1 within 5 seconds', async (t) => {
  t.timeout(180_000);
  const dir = await mkdtemp(join(tmpdir(), 'arena-vport-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const chain = await spawnDevchain(t, { args: ['--tmp', '--block-time-ms', '500'] });
  await createDevWallet({ path: join(dir, 'wallets'), name: 'v', hotkey: 'default', coldkeyUri: '//Alice', hotkeyUri: '//Alice' });
  const holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => holder.close(() => resolve())));
  const taken = (holder.address() as AddressInfo).port;

  const child = spawn(
    process.execPath,
    [
      ARENA,
      'validator',
      '--chain-endpoint',
      chain.url,
      '--wallet.path',
      join(dir, 'wallets'),
      '--wallet.name',
      'v',
      '--wallet.hotkey',
      'default',
      '--data-dir',
      join(dir, 'data'),
      '--metrics-host',
      '127.0.0.1',
      '--metrics-port',
      String(taken),
      '--log-level',
      'info',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.once('exit', (code) => resolve({ code, at: Date.now() })),
  );
  t.teardown(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  });
  // The clock starts once the validator has opened its chain connection (start-up of node and tsx is not what is measured).
  const started = new Promise<number>((resolve) =>
    child.stdout.on(
      'data',
      lineSplitter((line) => {
        if (parseJsonLine(line)?.msg === 'validator starting') resolve(Date.now());
      }),
    ),
  );
  const first = await Promise.race([
    started.then((at) => ({ kind: 'started' as const, at })),
    exited.then((e) => ({ kind: 'exited' as const, ...e })),
  ]);
  t.is(first.kind, 'started', `the validator exited before connecting: ${stderr}`);
  const startedAt = first.at;
  const outcome = await Promise.race([exited, new Promise<undefined>((resolve) => setTimeout(resolve, 30_000, undefined))]);
  t.not(outcome, undefined, `the validator still runs 30 s after its port turned out taken; stderr: ${stderr}`);
  t.is(outcome?.code, 1, stderr);
  t.true(outcome!.at - startedAt <= 5_000, `exited ${outcome!.at - startedAt} ms after it connected`);
  t.regex(stderr, new RegExp(`127\\.0\\.0\\.1:${taken}.*(in use|EADDRINUSE)`));
});
