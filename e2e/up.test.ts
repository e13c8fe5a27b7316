/**
 * The whole product: `arena up --duration` on a temporary data directory runs a local competition
 * (devchain, two validators, two miners of clearly different quality). Afterwards the chain is
 * reopened from the same data directory and everything is checked through a plain ApiPromise.
 */
import test from 'ava';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { spawnDevchain } from '../test/_helpers/devchain.ts';

const ARENA = fileURLToPath(new URL('../cli/bin/arena.js', import.meta.url));

/** Runs a command to completion; resolves with its exit code and the tail of its output. */
function run(args: string[], timeoutMs: number): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const keep = (b: Buffer): void => {
      out = (out + b.toString()).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

test('arena up runs a whole competition: subnet, registrations, axons, weights, emission, and the better model earns more', async (t) => {
  t.timeout(540_000);
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

  const up = await run([ARENA, 'up', '--config', configFile, '--duration', '170', '--no-live', '--no-dashboard'], 420_000);
  t.is(up.code, 0, `arena up failed:\n${up.out}`);
  t.regex(up.out, /arena up · chain ws:\/\/127\.0\.0\.1:\d+ · 2 validators · 2 miners/);

  // Reopen the chain `up` left behind (manual seal: the state stays as it was).
  const chain = await spawnDevchain(t, {
    args: ['--config', join(config.dataDir, 'devchain.json'), '--data-dir', join(config.dataDir, 'chain'), '--manual-seal'],
  });
  const api = await ApiPromise.create({ provider: new WsProvider(chain.url), noInitWarn: true });
  t.teardown(() => api.disconnect());
  const q = api.query.subtensorModule!;

  t.true((await q.networksAdded!(1)).toPrimitive() === true, 'subnet 1 exists');
  const keys = await q.keys!.entries(1);
  const hotkeyByUid = new Map(keys.map(([k, v]) => [Number(k.args[1]!.toString()), v.toString()]));
  t.is(hotkeyByUid.size, 5, 'owner + 2 validators + 2 miners are registered');

  // Miners serve axons on loopback; validators set weights; epochs paid emission.
  const minerUids: number[] = [];
  for (const [uid, hotkey] of hotkeyByUid) {
    const axon = (await q.axons!(1, hotkey)).toJSON() as { port?: number } | null;
    if (axon && (axon.port ?? 0) > 0) minerUids.push(uid);
  }
  t.is(minerUids.length, 2, 'both miners have an axon on chain');
  const permits = (await q.validatorPermit!(1)).toJSON() as boolean[];
  const weightRows = await Promise.all(
    [...hotkeyByUid.keys()].map(async (uid) => [uid, (await q.weights!(1, uid)).toJSON() as [number, number][]] as const),
  );
  const setters = weightRows.filter(([uid, row]) => row.length > 0 && permits[uid] === true);
  t.true(setters.length >= 2, `both validators set weights (rows: ${JSON.stringify(weightRows)})`);
  const emission = (await q.emission!(1)).toJSON() as number[];
  t.true(emission.reduce((a, b) => a + Number(b), 0) > 0, 'an epoch paid emission');

  const incentive = (await q.incentive!(1)).toJSON() as number[];
  const uidOf = async (name: string): Promise<number> => {
    const { readHotkeyAddress } = await import('#core');
    const hk = readHotkeyAddress({ path: join(config.dataDir, 'wallets'), name, hotkey: 'default' });
    const uid = [...hotkeyByUid].find(([, h]) => h === hk)?.[0];
    if (uid === undefined) throw new Error(`${name} is not registered`);
    return uid;
  };
  const mlp = await uidOf('miner-mlp');
  const linear = await uidOf('miner-linear');
  t.true(
    incentive[mlp]! > incentive[linear]!,
    `the MLP earns more incentive than the barely trained linear model (incentive ${JSON.stringify(incentive)})`,
  );
  const mlpStake = BigInt((await q.totalHotkeyAlpha!(hotkeyByUid.get(mlp)!, 1)).toString());
  t.true(mlpStake > 0n, 'the MLP miner was paid (incentive is credited as stake)');
});
