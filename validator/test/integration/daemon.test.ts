/**
 * `startValidator`: real gRPC querier and held-out data against real miner processes, HTTP
 * `/metrics`, `/report/latest` (public), `/reports` and `/reveals` (only once a period is revealed),
 * `/status`; stop persists and a restarted daemon keeps its scores and its period. The chain side is the
 * in-memory FakeChain with a fake period committer (reveal.test.ts in cli/test covers the real chain).
 */
import test from 'ava';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadValidatorConfig } from '../../src/daemon-config.ts';
import { startValidator } from '../../src/daemon.ts';
import type { PeriodCommitter } from '../../src/period-keeper.ts';
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
  chain.neurons = [
    neuron(0, { hotkey: alice.address, validatorPermit: true, host: '', port: 0 }),
    neuron(1, { hotkey: a.hotkey, port: a.port }),
    neuron(2, { hotkey: b.hotkey, port: b.port }),
  ];
  const weights = new FakeWeightSetter(chain);
  const dataDir = await mkdtemp(join(tmpdir(), 'arena-vdaemon-'));
  t.teardown(() => rm(dataDir, { recursive: true, force: true }));
  const config = loadValidatorConfig({
    file: {
      dataDir,
      netuid: 1,
      chainEndpoint: 'ws://127.0.0.1:1',
      http: { port: 0 },
      scoring: { batchSize: 32, queryDeadlineMs: 3000, pollIntervalMs: 20, periodRounds: 2 },
    },
    env: { ARENA_VALIDATOR_SCORING_ROUND_LENGTH_BLOCKS: '5' },
  });
  // Each period commitment lands in the block before the current one, so the current round may be scored at once.
  const committer: PeriodCommitter = {
    commit: async () => ({ ok: true, block: chain.block - 1, blockHash: FakeChain.hashOf(chain.block - 1) }),
  };
  const start = () => startValidator(config, { hotkey: alice, ports: { chain, weights }, committer });

  const v = await start();
  t.teardown(() => v.stop());
  await until('first round', () => v.status().rounds === 1);
  chain.block = 105;
  await until('second round', () => v.status().rounds === 2);
  const base = `http://127.0.0.1:${v.httpPort}`;
  const latest = (await (await fetch(`${base}/report/latest`)).json()) as {
    kind: string;
    roundId: number;
    period: number;
    miners: Array<{ uid: number; answered: boolean }>;
  };
  t.like(latest, { kind: 'public', roundId: 21, period: 1 });
  t.deepEqual(
    latest.miners.map((m) => [m.uid, m.answered]),
    [
      [1, true],
      [2, true],
    ],
  );
  t.false(JSON.stringify(latest).includes('"loss"'), 'no per-round loss while the period runs');
  const hidden = (await (await fetch(`${base}/reports`)).json()) as { rounds: Array<{ roundId: number }>; reveals: string[] };
  t.deepEqual(hidden, { rounds: [], reveals: [] }, 'nothing full is listed before the reveal');
  t.is((await fetch(`${base}/reports/20`)).status, 403, 'a full report of a running period is refused');
  t.is((await fetch(`${base}/reveals/1`)).status, 404);
  const metrics = await (await fetch(`${base}/metrics`)).text();
  t.regex(metrics, /arena_validator_rounds_total 2/);
  t.regex(metrics, /arena_validator_round_miners\{outcome="ok"\} 2/);
  t.regex(metrics, /arena_validator_round_miners\{outcome="failed"\} 0/);
  const setBlock = weights.calls.find((c) => c.kind === 'set')?.block;
  t.truthy(setBlock, 'weights were set');
  t.true(metrics.includes(`arena_validator_weights_set_block ${setBlock}`));
  t.regex(metrics, /arena_validator_round_duration_seconds_count 2/);
  const status = (await (await fetch(`${base}/status`)).json()) as { lastWeightsBlock: number; running: boolean };
  t.is(status.lastWeightsBlock, setBlock ?? -1);
  t.true(status.running);
  const health = await fetch(`${base}/health`);
  t.is(health.status, 200, 'a running validator is healthy');
  t.like(await health.json(), { status: 'ok', lastRoundId: v.status().lastRoundId });

  await v.stop();
  t.false(v.status().running);
  const saved = JSON.parse(await readFile(join(dataDir, STATE_FILE), 'utf8')) as {
    lastRoundId: number;
    scores: Array<[number, { emaLoss: number; rounds: number }]>;
  };
  t.is(saved.lastRoundId, 21);
  const before = new Map(saved.scores);
  t.is(before.get(1)!.rounds, 2);

  // Restart in the same round window: scores are restored, no round is repeated, and the next round builds on them.
  const v2 = await start();
  t.teardown(() => v2.stop());
  await until('state restored', () => v2.status().lastRoundId === 21);
  chain.block = 110;
  await until('third round', () => v2.status().rounds === 1);
  const base2 = `http://127.0.0.1:${v2.httpPort}`;
  const r = (await (await fetch(`${base2}/report/latest`)).json()) as { period: number; miners: Array<{ uid: number }> };
  t.is(r.period, 2, 'after 2 rounds the restarted daemon committed period 2 and revealed period 1');
  const shown = (await (await fetch(`${base2}/reports`)).json()) as { rounds: Array<{ roundId: number }>; reveals: string[] };
  t.deepEqual(shown, {
    rounds: [
      { roundId: 21, href: '/reports/21' },
      { roundId: 20, href: '/reports/20' },
    ],
    reveals: ['/reveals/1'],
  });
  t.is(((await (await fetch(`${base2}/reports/20`)).json()) as { roundId: number; period: number }).period, 1);
  t.is((await fetch(`${base2}/reports/20/responses`)).status, 200);
  t.like((await (await fetch(`${base2}/reveals/1`)).json()) as object, { period: 1, firstRound: 20, lastRound: 21 });
  t.is((await fetch(`${base2}/reports/22`)).status, 403);
  await v2.stop();
  const after = new Map((JSON.parse(await readFile(join(dataDir, STATE_FILE), 'utf8')) as typeof saved).scores);
  t.is(after.get(1)!.rounds, 3, 'the restarted validator continued the EMA instead of starting over');
  t.is(r.miners.length, 2);
});
