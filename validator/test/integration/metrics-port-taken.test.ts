/**
 * A failed start releases what it opened: a validator whose metrics port is taken has already connected
 * to the chain; it must close that connection and exit 1 promptly instead of hanging on the open socket.
 */
import test from 'ava';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDevWallet } from '#core';
import { spawnDevchain } from '../../../test/_helpers/devchain.ts';
import { runFailedStart, takenPort } from '../../../test/_helpers/failed-start.ts';

test('a validator started with its metrics port taken exits with code 1 within 5 seconds', async (t) => {
  t.timeout(180_000);
  const dir = await mkdtemp(join(tmpdir(), 'arena-vport-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const chain = await spawnDevchain(t, { args: ['--tmp', '--block-time-ms', '500'] });
  await createDevWallet({ path: join(dir, 'wallets'), name: 'v', hotkey: 'default', coldkeyUri: '//Alice', hotkeyUri: '//Alice' });
  const taken = await takenPort(t);
  const args = [
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
  ];
  // The clock starts once the validator has opened its chain connection.
  const run = await runFailedStart(t, args, 'validator starting');
  t.not(run.code, undefined, `the validator still runs 30 s after its port turned out taken; stderr: ${run.stderr}`);
  t.is(run.code, 1, run.stderr);
  t.true(run.msAfterStart <= 5_000, `exited ${run.msAfterStart} ms after it connected (the validator's own clock)`);
  t.regex(run.stderr, new RegExp(`127\\.0\\.0\\.1:${taken}.*(in use|EADDRINUSE)`));
});
