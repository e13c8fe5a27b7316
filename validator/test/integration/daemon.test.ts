/**
 * `startValidator`: real gRPC querier and held-out data against real miner processes, HTTP
 * `/metrics`, `/report/latest`, `/reports`, `/status`; stop persists and a restarted daemon keeps
 * its scores. The chain side is the in-memory FakeChain (no SubtensorModule on the devchain yet).
 */
import test from 'ava';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadValidatorConfig } from '../../src/daemon-config.ts';
import { startValidator } from '../../src/daemon.ts';
import { STATE_FILE } from '../../src/state.ts';
import { FakeChain, FakeWeightSetter, neuron } from '../_helpers/fakes.ts';
import { spawnMiner } from '../_helpers/miner-process.ts';

async function until(what: string, cond: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('the daemon scores real miners, serves metrics and reports, and keeps its scores across a restart', async (t) => {
  await cryptoWaitReady();
  const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
  const [a, b] = await Promise.all([
    spawnMiner(t, { hotkeyUri: '//d-uniform', behaviour: 'uniform' }),
    spawnMiner(t, { hotkeyUri: '//d-random', behaviour: 'random' }),
  ]);
  const chain = new FakeChain();
  chain.ownHotkey = alice.address;
  chain.neurons = [neuron(0, { hotkey: alice.address, validatorPermit: true, host: '', port: 0 }),
    neuron(1, { hotkey: a.hotkey, port: a.port }), neuron(2, { hotkey: b.hotkey, port: b.port })];
  const weights = new FakeWeightSetter(chain);
  const dataDir = await mkdtemp(join(tmpdir(), 'arena-vdaemon-'));
  t.teardown(() => rm(dataDir, { recursive: true, force: true }));
  const config = loadValidatorConfig({
    file: { dataDir, netuid: 1, chainEndpoint: 'ws://127.0.0.1:1', http: { port: 0 }, scoring: { batchSize: 32, queryDeadlineMs: 3000, pollIntervalMs: 20 } },
    env: { ARENA_VALIDATOR_SCORING_ROUND_LENGTH_BLOCKS: '5' },
  });
  const start = () => startValidator(config, { hotkey: alice, ports: { chain, weights } });

  const v = await start();
  t.teardown(() => v.stop());
  await until('first round', () => v.status().rounds === 1);
  chain.block = 105;
  await until('second round', () => v.status().rounds === 2);
  const base = `http://127.0.0.1:${v.httpPort}`;
  const latest = await (await fetch(`${base}/report/latest`)).json() as { roundId: number; miners: Array<{ uid: number; status: string; emaLoss: number }> };
  t.is(latest.roundId, 21);
  t.deepEqual(latest.miners.map((m) => [m.uid, m.status]), [[1, 'ok'], [2, 'ok']]);
  const list = await (await fetch(`${base}/reports`)).json() as { rounds: Array<{ roundId: number }> };
  t.deepEqual(list.rounds.map((r) => r.roundId), [21, 20]);
  t.is((await (await fetch(`${base}/reports/20`)).json() as { roundId: number }).roundId, 20);
  t.is((await fetch(`${base}/reports/19`)).status, 404);
  const metrics = await (await fetch(`${base}/metrics`)).text();
  t.regex(metrics, /arena_validator_rounds_total 2/);
  t.regex(metrics, /arena_validator_round_miners\{outcome="ok"\} 2/);
  t.regex(metrics, /arena_validator_round_miners\{outcome="failed"\} 0/);
  const setBlock = weights.calls.find((c) => c.kind === 'set')?.block;
  t.truthy(setBlock, 'weights were set');
  t.true(metrics.includes(`arena_validator_weights_set_block ${setBlock}`));
  t.regex(metrics, /arena_validator_round_duration_seconds_count 2/);
  const status = await (await fetch(`${base}/status`)).json() as { lastWeightsBlock: number; running: boolean };
  t.is(status.lastWeightsBlock, setBlock ?? -1);
  t.true(status.running);

  await v.stop();
  t.false(v.status().running);
  const saved = JSON.parse(await readFile(join(dataDir, STATE_FILE), 'utf8')) as { lastRoundId: number; scores: Array<[number, { emaLoss: number; rounds: number }]> };
  t.is(saved.lastRoundId, 21);
  const before = new Map(saved.scores);
  t.is(before.get(1)!.rounds, 2);

  // Restart in the same round window: scores are restored, no round is repeated, and the next round builds on them.
  const v2 = await start();
  t.teardown(() => v2.stop());
  await until('state restored', () => v2.status().lastRoundId === 21);
  chain.block = 110;
  await until('third round', () => v2.status().rounds === 1);
  const r = await (await fetch(`http://127.0.0.1:${v2.httpPort}/report/latest`)).json() as { miners: Array<{ uid: number; emaLoss: number }> };
  await v2.stop();
  const after = new Map((JSON.parse(await readFile(join(dataDir, STATE_FILE), 'utf8')) as typeof saved).scores);
  t.is(after.get(1)!.rounds, 3, 'the restarted validator continued the EMA instead of starting over');
  t.is(r.miners.length, 2);
});
