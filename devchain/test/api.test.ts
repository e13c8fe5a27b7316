import '@polkadot/api-augment';
import test from 'ava';
import { spawnDevchain } from './_helpers/spawn.ts';
import { connect, devKeys, sendAndWaitInBlock } from './_helpers/api.ts';

test('an unmodified ApiPromise connects, reads constants and balances, and a transfer reaches inBlock with Transfer', async (t) => {
  const node = await spawnDevchain(t, ['--tmp', '--block-time-ms', '200']);
  const api = await connect(t, node.url);
  const { alice, bob } = devKeys();
  t.is(api.consts.balances.existentialDeposit.toBigInt(), 500n);
  t.is(api.runtimeVersion.specName.toString(), 'node-subtensor');
  t.is(api.registry.chainDecimals[0], 9);
  const before = await api.query.system.account(bob.address);
  t.is(before.data.free.toBigInt(), 1_000_000n * 1_000_000_000n);
  const result = await sendAndWaitInBlock(api, api.tx.balances.transferKeepAlive(bob.address, 12_345_000_000n), alice);
  const transfer = result.events.find(({ event }) => api.events.balances.Transfer.is(event));
  t.truthy(transfer);
  t.truthy(result.events.find(({ event }) => api.events.system.ExtrinsicSuccess.is(event)));
  const fee = result.events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event));
  t.truthy(fee);
  const after = await api.query.system.account(bob.address);
  t.is(after.data.free.toBigInt(), before.data.free.toBigInt() + 12_345_000_000n);
});
