/**
 * Caller gating against a real devchain: a competitor miner that holds a validator permit (every neuron does in a
 * small subnet) but little stake asks a miner for answers. With the floor off (`--access.min-validator-stake-tao 0`)
 * it gets them, which is what a forwarding copier needs; by default the floor is the chain's StakeThreshold and it
 * is refused with PERMISSION_DENIED naming its stake and the floor, while a staked validator is served.
 */
import '@polkadot/api-augment';
import test from 'ava';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { MinerCallError, MinerClient, type PredictRequest } from '#protocol';
import { minerArgs, minerWallet, NETUID } from '../_helpers/devchain-subnet.ts';
import { spawnArena, spawnDevchain } from '../_helpers/processes.ts';
import { waitFor } from '../_helpers/wait.ts';

const REQUEST: PredictRequest = {
  competitionId: 'mnist',
  roundId: 1,
  input: { dtype: 'float32', shape: [2, 784], data: new Float32Array(2 * 784).fill(0.5) },
};
/** The competitor's own inputs: the validator's batch would be refused as relayed (the relay guard), not for stake. */
const OWN_REQUEST: PredictRequest = {
  ...REQUEST,
  input: { dtype: 'float32', shape: [2, 784], data: Float32Array.from({ length: 2 * 784 }, (_, i) => (i % 28) / 28) },
};

test('a permit-holding competitor below StakeThreshold gets answers only when the floor is off', async (t) => {
  t.timeout(180_000);
  await cryptoWaitReady();
  const dir = await mkdtemp(join(tmpdir(), 'arena-gating-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const config = join(dir, 'devchain.json');
  // StakeThreshold 500 TAO; tempo long enough that no epoch recomputes permits during the test.
  await writeFile(
    config,
    JSON.stringify({
      genesis: {
        pallets: {
          SubtensorModule: {
            stakeThreshold: '500000000000',
            subnets: [
              {
                netuid: NETUID,
                owner: '//Alice',
                hyperparams: { servingRateLimit: 0, burn: '1000000000', minBurn: '1000000', burnHalfLife: 0, tempo: 5000 },
                neurons: [
                  { hotkey: '//Alice//validator', coldkey: '//Alice', stake: 1000, validatorPermit: true },
                  { hotkey: '//Eve//copier', coldkey: '//Eve', stake: 1, validatorPermit: true },
                ],
              },
            ],
          },
        },
      },
    }),
  );
  const { url } = await spawnDevchain(t, ['--config', config, '--block-time-ms', '300', '--allow-loopback-axons']);
  const gated = await minerWallet(dir, 'gated', '//Bob');
  const open = await minerWallet(dir, 'open', '//Charlie');
  const quick = ['--register', '--model.name', 'linear', '--training.max-steps', '40'];
  const miners = [
    spawnArena(t, minerArgs(url, dir, quick, 'gated')),
    spawnArena(t, minerArgs(url, dir, [...quick, '--access.min-validator-stake-tao', '0'], 'open')),
  ];
  const ports = await Promise.all(
    miners.map(async (m) => (await m.waitLine('miner started', (l) => l.msg === 'miner started', 120_000)).grpcPort as number),
  );
  const k = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const validator = k.addFromUri('//Alice//validator');
  const copier = k.addFromUri('//Eve//copier');
  const client = (port: number, minerHotkey: string, signer = validator): MinerClient => {
    const c = new MinerClient({ address: `127.0.0.1:${port}`, minerHotkey, signer, defaultDeadlineMs: 15_000 });
    t.teardown(() => c.close());
    return c;
  };
  const [gatedPort, openPort] = ports as [number, number];
  // Both serve the staked validator once a model is loaded.
  for (const [port, hotkey] of [
    [gatedPort, gated.hotkey],
    [openPort, open.hotkey],
  ] as const) {
    const c = client(port, hotkey);
    await waitFor(`miner ${hotkey} answers the validator`, async () => (await c.predict(REQUEST)).value.roundId === 1, 90_000, 500);
  }
  // The attack wins where the floor is off: the competitor gets the miner's answers.
  t.is((await client(openPort, open.hotkey, copier).predict(OWN_REQUEST)).value.output.shape[0], 2);
  // By default the floor is the chain's StakeThreshold: refused, and the refusal says why.
  const err = await t.throwsAsync(client(gatedPort, gated.hotkey, copier).predict(OWN_REQUEST));
  t.true(err instanceof MinerCallError, String(err));
  t.is((err as MinerCallError).grpcCode, GrpcStatus.PERMISSION_DENIED);
  t.regex((err as MinerCallError).details, /low-stake: caller \S+ \(uid 1\) has a stake of 1 TAO, below this miner's floor of 500 TAO/);
});
