import test from 'ava';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { connectChain } from '../../src/chain/connect.ts';
import { serveAxon } from '../../src/chain/extrinsics.ts';
import { submitAndWait } from '../../src/chain/submit.ts';
import { ChainError } from '../../src/errors.ts';
import { spawnDevchain } from '../../../test/_helpers/devchain.ts';

await cryptoWaitReady();
const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });

const config = {
  host: '127.0.0.1',
  blockTimeMs: 200,
  allowLoopbackAxons: false,
  genesis: {
    pallets: {
      SubtensorModule: {
        subnets: [
          {
            netuid: 1,
            owner: '//Alice',
            startCall: true,
            hyperparams: { servingRateLimit: 0 },
            neurons: [{ hotkey: '//Charlie//miner', coldkey: '//Charlie' }],
          },
        ],
      },
    },
  },
};

test('a loopback axon refused by the pool is named InvalidIpAddress with what to do', async (t) => {
  t.timeout(120_000);
  const chain = await spawnDevchain(t, { config, args: ['--tmp'] });
  const client = await connectChain({ endpoint: chain.url, connectTimeoutMs: 30_000 });
  t.teardown(() => client.close());
  const miner = keyring.addFromUri('//Charlie//miner');
  const tx = serveAxon(client.api, { netuid: 1, ip: '127.0.0.1', port: 8091 });
  const err = await t.throwsAsync(submitAndWait(client.api, tx, miner, { nonces: client.nonces, timeoutMs: 30_000 }), {
    instanceOf: ChainError,
  });
  t.is(err.code, 'CHAIN_INVALID_TX');
  t.deepEqual(err.invalid, { code: 11, name: 'InvalidIpAddress' });
  t.is(err.errorName, 'InvalidIpAddress');
  t.regex(err.message, /subtensorModule\.serveAxon rejected by the node: InvalidIpAddress \(custom error 11\): .*--axon\.external-ip/);
});
