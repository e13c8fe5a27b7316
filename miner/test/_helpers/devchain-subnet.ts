/** A devchain process with subnet 1 from genesis, and the miner's argv/wallet for integration tests. */
import '@polkadot/api-augment';
import type { ExecutionContext } from 'ava';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { createDevWallet } from '#core';
import { spawnDevchain } from './processes.ts';

export const NETUID = 1;

/** A devchain whose genesis has subnet 1 with a staked validator (permit) and a registered neuron without one. */
export async function chainWithSubnet(t: ExecutionContext): Promise<{ url: string; api: ApiPromise; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'arena-miner-it-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const config = join(dir, 'devchain.json');
  await writeFile(
    config,
    JSON.stringify({
      genesis: {
        pallets: {
          SubtensorModule: {
            subnets: [
              {
                netuid: NETUID,
                owner: '//Alice',
                hyperparams: { servingRateLimit: 0, burn: '1000000000', minBurn: '1000000', burnHalfLife: 0, tempo: 100 },
                neurons: [
                  { hotkey: '//Alice//validator', coldkey: '//Alice', stake: 1000, validatorPermit: true },
                  { hotkey: '//Dave//nopermit', coldkey: '//Dave' },
                ],
              },
            ],
          },
        },
      },
    }),
  );
  const { url } = await spawnDevchain(t, ['--config', config, '--block-time-ms', '300', '--allow-loopback-axons']);
  const api = await ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true });
  t.teardown(() => api.disconnect());
  return { url, api, dir };
}

export function minerArgs(url: string, dir: string, extra: string[] = [], wallet = 'm1'): string[] {
  return [
    'miner',
    '--chain.endpoint',
    url,
    '--netuid',
    String(NETUID),
    '--wallet.path',
    join(dir, 'wallets'),
    '--wallet.name',
    wallet,
    '--grpc.host',
    '127.0.0.1',
    '--grpc.port',
    '0',
    '--metrics.port',
    '0',
    '--axon.external-ip',
    '127.0.0.1',
    '--data-dir',
    join(dir, `miner-data-${wallet}`),
    '--model.name',
    'mlp',
    '--training.batch-size',
    '128',
    '--training.eval-every',
    '40',
    '--training.progress-every',
    '20',
    '--training.seed',
    '5',
    '--log.level',
    'info',
    '--log.progress',
    'never',
    ...extra,
  ];
}

export async function minerWallet(dir: string, name = 'm1', coldkeyUri = '//Bob'): Promise<{ coldkey: string; hotkey: string }> {
  return createDevWallet({ path: join(dir, 'wallets'), name, hotkey: 'default', coldkeyUri, hotkeyUri: `${coldkeyUri}//miner` });
}
