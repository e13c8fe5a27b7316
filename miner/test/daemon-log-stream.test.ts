/**
 * A daemon's output stays one NDJSON stream (as `arena up` writes stdout and stderr into one log file):
 * polkadot.js's own console lines (RPC-CORE on a refused call, API-WS on a disconnect) never appear in it,
 * and what they said is kept in our own errors and log lines.
 */
import test from 'ava';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { minerArgs, minerWallet, NETUID } from './_helpers/devchain-subnet.ts';
import { spawnArena, spawnDevchain, type Proc } from './_helpers/processes.ts';

const POLKADOT_LINE = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+[A-Z0-9/_-]+:/m;

async function chainConfig(t: import('ava').ExecutionContext): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'arena-miner-ndjson-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  await writeFile(
    join(dir, 'devchain.json'),
    JSON.stringify({
      genesis: {
        pallets: {
          SubtensorModule: {
            subnets: [
              {
                netuid: NETUID,
                owner: '//Alice',
                startCall: true,
                hyperparams: { servingRateLimit: 0, tempo: 100 },
                neurons: [{ hotkey: '//Bob//miner', coldkey: '//Bob' }],
              },
            ],
          },
        },
      },
    }),
  );
  return dir;
}

function assertNdjson(t: import('ava').ExecutionContext, p: Proc): void {
  const text = p.lines.filter((l) => typeof l.text === 'string');
  t.deepEqual(text, [], 'every stdout line is JSON');
  t.notRegex(p.stderr.join(''), POLKADOT_LINE, 'no polkadot.js console line on stderr');
}

test('a call the chain refuses leaves the log stream NDJSON and names the refusal', async (t) => {
  t.timeout(150_000);
  const dir = await chainConfig(t);
  const { url } = await spawnDevchain(t, ['--config', join(dir, 'devchain.json'), '--block-time-ms', '300']);
  await minerWallet(dir);
  const miner = spawnArena(t, minerArgs(url, dir, ['--training.max-steps', '1']));
  const { code } = await miner.exited;
  t.is(code, 2);
  assertNdjson(t, miner);
  t.regex(miner.stderr.join(''), /InvalidIpAddress \(custom error 11\)/);
});

test('a chain that goes away leaves the log stream NDJSON and is logged by us', async (t) => {
  t.timeout(150_000);
  const dir = await chainConfig(t);
  const chain = await spawnDevchain(t, ['--config', join(dir, 'devchain.json'), '--block-time-ms', '300', '--allow-loopback-axons']);
  await minerWallet(dir);
  const miner = spawnArena(t, minerArgs(chain.url, dir, ['--training.max-steps', '1']));
  await miner.waitLine('axon served', (l) => l.msg === 'axon served' || l.msg === 'axon already on chain; not serving again', 90_000);
  chain.proc.child.kill('SIGKILL');
  await miner.waitLine('chain disconnected', (l) => l.msg === 'chain disconnected; reconnecting', 30_000);
  // Let a few reconnect attempts fail (each used to print an API-WS line).
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  miner.child.kill('SIGTERM');
  await miner.exited;
  assertNdjson(t, miner);
});
