/**
 * End to end on a real devchain process (SubtensorModule, manual seal) and real miner processes:
 * miners serve their axons on chain, the validator daemon scores them, sets weights, and after an
 * epoch the better miner has the larger incentive.
 */
import test from 'ava';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { connectChain } from '#core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadValidatorConfig } from '../../src/daemon-config.ts';
import { startValidator } from '../../src/daemon.ts';
import { oneSubnetGenesis, serveMinerAxons, spawnDevchain, startBlockTicker } from '../_helpers/devchain.ts';
import { spawnMiner } from '../_helpers/miner-process.ts';

async function until(what: string, cond: () => Promise<boolean>, tick: () => Promise<void>, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await tick();
    await new Promise((r) => setTimeout(r, 150));
  }
}

test('weights from the validator reach the chain and the better miner earns the larger incentive', async (t) => {
  await cryptoWaitReady();
  const kr = new Keyring({ type: 'sr25519' });
  const minerUris = ['//Bob', '//Charlie', '//Dave'];
  const chain = await spawnDevchain(t, oneSubnetGenesis({ miners: minerUris, hyperparams: { commitRevealEnabled: false } }));
  const miners = await Promise.all([
    spawnMiner(t, { hotkeyUri: '//Bob', behaviour: 'good' }),
    spawnMiner(t, { hotkeyUri: '//Charlie', behaviour: 'uniform' }),
    spawnMiner(t, { hotkeyUri: '//Dave', behaviour: 'wrong' }),
  ]);
  const client = await connectChain({ endpoint: chain.url });
  t.teardown(() => client.close());
  // Manual seal: a block every 300 ms until the test ends; miners announce their loopback axons.
  startBlockTicker(t, chain.newBlocks, 300);
  await serveMinerAxons(client, miners, minerUris);
  const eve = kr.addFromUri('//Eve');
  const dataDir = await mkdtemp(join(tmpdir(), 'arena-vdev-'));
  t.teardown(() => rm(dataDir, { recursive: true, force: true }));
  const config = loadValidatorConfig({
    file: {
      dataDir,
      netuid: 1,
      chainEndpoint: chain.url,
      http: { port: -1 },
      scoring: { batchSize: 64, roundLengthBlocks: 2, queryDeadlineMs: 5000, pollIntervalMs: 100, minAvailability: 0 },
    },
  });
  const v = await startValidator(config, { hotkey: eve, client });
  t.teardown(() => v.stop());
  const q = client.api.query.subtensorModule!;
  const uidOf = async (uri: string): Promise<number> => Number((await q.uids!(1, kr.addFromUri(uri).address)).toPrimitive());
  const [vUid, good, uniform, wrong] = [await uidOf('//Eve'), await uidOf('//Bob'), await uidOf('//Charlie'), await uidOf('//Dave')];
  const weightsOnChain = async (): Promise<Map<number, number>> =>
    new Map(((await q.weights!(1, vUid)).toPrimitive() as Array<[number, number]>).map(([d, w]) => [d, w]));
  await until(
    'weights on chain',
    async () => (await weightsOnChain()).size > 0,
    async () => undefined,
  );
  const w = await weightsOnChain();
  t.true((w.get(good) ?? 0) > (w.get(uniform) ?? 0), `weights ${JSON.stringify([...w])}`);
  t.true((w.get(uniform) ?? 0) >= (w.get(wrong) ?? 0), `weights ${JSON.stringify([...w])}`);
  const incentive = async (): Promise<number[]> => (await q.incentive!(1)).toPrimitive() as number[];
  await until(
    'incentive after an epoch',
    async () => ((await incentive())[good] ?? 0) > 0,
    async () => undefined,
  );
  const inc = await incentive();
  t.true(inc[good]! > (inc[uniform] ?? 0), `incentive ${JSON.stringify(inc)}`);
  t.true(v.status().lastWeightsBlock > 0);
  t.true((v.status().latest?.miners ?? 0) === 3);
});
