/**
 * The whole product: `arena up` on a temporary data directory runs a local competition (devchain, two
 * validators, two miners of clearly different quality). The test polls the running chain until the
 * competition has produced everything checked below, then stops `up` with SIGINT as a user's Ctrl-C and
 * expects a clean exit. Afterwards the chain is reopened from the same data directory and everything is
 * checked through a plain ApiPromise.
 */
import test from 'ava';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { readHotkeyAddress } from '#core';
import { spawnDevchain } from '../test/_helpers/devchain.ts';
import { startArena } from './_helpers/arena-process.ts';
import { type CompetitionState, describeCompetition, mlpLeads, readCompetition, unmetConditions } from './_helpers/competition.ts';

/** `up`'s own upper bound (`--duration`): it stops by itself should the test never interrupt it. */
const UP_DURATION_SEC = 420;
/** How long the test waits, from `up`'s start-up line, for the chain to show a finished competition. */
const POLL_BUDGET_MS = 360_000;
const POLL_INTERVAL_MS = 2_000;
/** `up` stops miners and validators (20 s grace), then the chain (20 s grace). */
const SHUTDOWN_GRACE_MS = 90_000;

test('arena up runs a whole competition: subnet, registrations, axons, weights, emission, and the better model earns more', async (t) => {
  t.timeout(600_000);
  const dir = mkdtempSync(join(tmpdir(), 'arena-up-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const config = {
    dataDir: join(dir, 'up'),
    chain: { port: 0, blockTimeMs: 1000, emissionTaoPerBlock: 1 },
    subnet: {
      netuid: 1,
      tempo: 12,
      weightsSetRateLimit: 3,
      commitReveal: false,
      revealPeriodEpochs: 1,
      yuma3: true,
      immunityPeriod: 5000,
      maxAllowedValidators: 8,
      minAllowedWeights: 1,
      burnTao: 1,
    },
    validators: [
      { name: 'validator-1', stakeTao: 1000 },
      { name: 'validator-2', stakeTao: 500 },
    ],
    // The same competition, two clearly different models: an MLP trained for 300 steps and a linear
    // model stopped after 10 steps.
    miners: [
      { name: 'miner-mlp', model: 'mlp', maxSteps: 300 },
      { name: 'miner-linear', model: 'linear', maxSteps: 10 },
    ],
    ports: { minerGrpcBase: 0, metricsBase: 0, dashboard: 0 },
    validator: { roundLengthBlocks: 4, batchSize: 128, deadlineMs: 5000, emaAlpha: 0.5 },
    fundTao: 100,
  };
  const configFile = join(dir, 'up.json');
  writeFileSync(configFile, JSON.stringify(config));

  const up = startArena(['up', '--config', configFile, '--duration', String(UP_DURATION_SEC), '--no-live', '--no-dashboard']);
  t.teardown(async () => {
    if (!up.hasExited()) await up.interrupt(SHUTDOWN_GRACE_MS);
  });
  const started = await up.waitForOutput(/arena up · chain (ws:\/\/127\.0\.0\.1:\d+) · 2 validators · 2 miners/, 180_000);
  t.regex(started[0], /arena up · chain ws:\/\/127\.0\.0\.1:\d+ · 2 validators · 2 miners/);
  const hotkeyOf = (name: string): string => {
    const hotkey = readHotkeyAddress({ path: join(config.dataDir, 'wallets'), name, hotkey: 'default' });
    if (hotkey === null) throw new Error(`arena up created no wallet for ${name} in ${config.dataDir}/wallets`);
    return hotkey;
  };
  const miners = { mlp: hotkeyOf('miner-mlp'), linear: hotkeyOf('miner-linear') };

  // Poll the running chain until the competition has produced everything asserted below (bounded).
  const live = await ApiPromise.create({ provider: new WsProvider(started[1]!), noInitWarn: true });
  const pollStart = Date.now();
  let last: CompetitionState | undefined;
  let unmet = ['nothing read yet'];
  while (!up.hasExited() && Date.now() - pollStart < POLL_BUDGET_MS) {
    last = await readCompetition(live, 1, miners);
    unmet = unmetConditions(last);
    if (unmet.length === 0) break;
    await sleep(POLL_INTERVAL_MS);
  }
  await live.disconnect();
  const waitedSec = Math.round((Date.now() - pollStart) / 1000);
  if (unmet.length > 0) {
    const why = up.hasExited() ? `arena up exited (code ${await up.exited})` : `not within ${POLL_BUDGET_MS / 1000} s`;
    t.fail(
      `the competition did not finish (${why}, after ${waitedSec} s). Missing: ${unmet.join('; ')}.\nLast values read: ${last ? describeCompetition(last) : 'none'}\narena up output:\n${up.output().slice(-5000)}`,
    );
    return;
  }
  t.log(`competition finished ${waitedSec} s after arena up started`);

  // Ctrl-C: arena up stops every process and exits 0 (cli/src/commands/up.ts, core onShutdownSignal).
  const stopped = await up.interrupt(SHUTDOWN_GRACE_MS);
  t.is(stopped.code, 0, `arena up did not exit 0 after SIGINT (took ${stopped.ms} ms):\n${up.output().slice(-5000)}`);
  t.regex(up.output(), /"reason":"signal"[^\n]*stopping the local competition/, 'arena up stopped because of the signal');
  t.log(`arena up stopped ${stopped.ms} ms after SIGINT`);

  // Reopen the chain `up` left behind (manual seal: the state stays as it was).
  const chain = await spawnDevchain(t, {
    args: ['--config', join(config.dataDir, 'devchain.json'), '--data-dir', join(config.dataDir, 'chain'), '--manual-seal'],
  });
  const api = await ApiPromise.create({ provider: new WsProvider(chain.url), noInitWarn: true });
  t.teardown(() => api.disconnect());
  const s = await readCompetition(api, 1, miners);

  t.true(s.subnetExists, 'subnet 1 exists');
  t.is(s.hotkeyByUid.size, 5, 'owner + 2 validators + 2 miners are registered');
  // Miners serve axons on loopback; validators set weights; epochs paid emission.
  t.is(s.axonUids.length, 2, 'both miners have an axon on chain');
  t.true(s.setters.length >= 2, `both validators set weights (rows: ${JSON.stringify(s.weightRows)})`);
  t.true(s.emissionTotal > 0, 'an epoch paid emission');
  t.not(s.mlpUid, undefined, 'miner-mlp is registered');
  t.not(s.linearUid, undefined, 'miner-linear is registered');
  t.true(mlpLeads(s), `the MLP earns more incentive than the barely trained linear model (incentive ${JSON.stringify(s.incentive)})`);
  t.true(s.mlpStake > 0n, 'the MLP miner was paid (incentive is credited as stake)');
});
