import test from 'ava';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { connectChain } from '../../src/chain/connect.ts';
import { submitAndWait } from '../../src/chain/submit.ts';
import { fetchMetagraph } from '../../src/chain/metagraph.ts';
import { ChainError } from '../../src/errors.ts';
import { devchainUnavailableReason, startDevchain } from '../_helpers/devchain.ts';

const unavailable = devchainUnavailableReason();
const chainTest = unavailable === undefined ? test.serial : test.serial.skip;
if (unavailable !== undefined) console.warn(`core chain integration tests skipped: ${unavailable}`);

await cryptoWaitReady();
const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
const alice = keyring.addFromUri('//Alice');
const bob = keyring.addFromUri('//Bob');
const TAO = 1_000_000_000n;

// No chain augmentation is loaded in core (substrate-types owns it), so reach the generic entries explicitly.
type Api = Awaited<ReturnType<typeof connectChain>>['api'];
const transfer = (api: Api, to: string, amount: bigint) => {
  const fn = api.tx.balances?.transferKeepAlive;
  if (fn === undefined) throw new Error('the devchain has no balances.transferKeepAlive');
  return fn(to, amount);
};
async function freeBalance(api: Api, who: string): Promise<bigint> {
  const account = await api.query.system?.account?.(who);
  return (account as unknown as { data: { free: { toBigInt(): bigint } } }).data.free.toBigInt();
}

chainTest('connect, submitAndWait a transfer, count nonces locally, decode a module error', async (t) => {
  t.timeout(90_000);
  const node = await startDevchain(['--tmp', '--block-time-ms', '300']);
  t.teardown(() => node.stop());
  const client = await connectChain({ endpoint: node.url, connectTimeoutMs: 20_000 });
  t.teardown(() => client.close());
  t.true(client.isConnected);
  const head = await client.read('reading the head', (api) => api.rpc.chain.getHeader());
  t.true(head.number.toNumber() >= 0);

  const api = client.api;
  const before = await freeBalance(api, bob.address);
  const res = await submitAndWait(api, transfer(api, bob.address, 5n * TAO), alice, { nonces: client.nonces, timeoutMs: 30_000 });
  t.regex(res.blockHash, /^0x[0-9a-f]{64}$/);
  t.true(res.events.some(({ event }) => event.section === 'balances' && event.method === 'Transfer'));
  const after = await freeBalance(api, bob.address);
  t.true(after - before === 5n * TAO);

  // Back-to-back submissions from one signer get consecutive nonces from the local counter.
  const [a, b] = await Promise.all(
    [1n, 2n].map((k) => submitAndWait(api, transfer(api, bob.address, k * TAO), alice, { nonces: client.nonces, timeoutMs: 30_000 })),
  );
  t.is((b?.nonce ?? 0) - (a?.nonce ?? 0), 1);

  const err = await t.throwsAsync(
    submitAndWait(api, transfer(api, alice.address, 10n ** 30n), bob, { nonces: client.nonces, timeoutMs: 30_000 }),
    { instanceOf: ChainError },
  );
  t.is(err.code, 'CHAIN_DISPATCH');
  t.is(err.pallet, 'Balances');
  t.is(err.errorName, 'InsufficientBalance');
  t.regex(err.message, /balances\.transferKeepAlive failed: Balances\.InsufficientBalance.*fund the signing account/);

  // An account that cannot pay the fee is refused by the pool: a clear invalid-transaction error.
  const pauper = keyring.addFromUri('//ArenaPauper');
  const invalid = await t.throwsAsync(
    submitAndWait(api, transfer(api, bob.address, 1n), pauper, { nonces: client.nonces, timeoutMs: 30_000 }),
    { instanceOf: ChainError },
  );
  t.is(invalid.code, 'CHAIN_INVALID_TX');
  t.log(invalid.message);

  // The SubtensorModule pallet may not exist yet on the devchain: the metagraph says so clearly.
  const hasSubtensor = api.query.subtensorModule?.keys !== undefined;
  if (!hasSubtensor) {
    await t.throwsAsync(fetchMetagraph(api, 1), { instanceOf: ChainError, message: /no SubtensorModule/ });
  } else {
    const m = await fetchMetagraph(api, 1);
    t.true(m.n >= 0);
  }
});

chainTest('the client reconnects after the node restarts and keeps working', async (t) => {
  t.timeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'arena-core-chain-'));
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
  let node = await startDevchain(['--data-dir', dataDir, '--block-time-ms', '300']);
  t.teardown(() => node.stop());
  const client = await connectChain({ endpoint: node.url, reconnectDelayMs: 200, connectTimeoutMs: 20_000 });
  t.teardown(() => client.close());
  const api = client.api;
  await submitAndWait(api, transfer(api, bob.address, TAO), alice, { nonces: client.nonces, timeoutMs: 30_000 });

  await node.stop();
  // The socket's close reaches the client some time after the node exits (later under load): poll for it,
  // bounded, instead of betting on a fixed sleep.
  const downBy = Date.now() + 10_000;
  while (client.isConnected && Date.now() < downBy) await new Promise((r) => setTimeout(r, 20));
  t.false(client.isConnected, 'the client still reports connected 10 s after the node stopped');
  const reading = client.read('best header while down', (a) => a.rpc.chain.getHeader(), 300);
  await t.throwsAsync(reading, { instanceOf: ChainError });

  node = await startDevchain(['--data-dir', dataDir, '--block-time-ms', '300'], node.port);
  await client.waitConnected(30_000);
  t.true(client.isConnected);
  const res = await submitAndWait(api, transfer(api, bob.address, TAO), alice, { nonces: client.nonces, timeoutMs: 30_000 });
  t.regex(res.blockHash, /^0x/);
});
