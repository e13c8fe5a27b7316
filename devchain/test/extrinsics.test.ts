import '@polkadot/api-augment';
import test from 'ava';
import { spawnDevchain } from './_helpers/spawn.ts';
import { connect, devKeys, sendAndWaitInBlock } from './_helpers/api.ts';

test('failing, sudo, batch and historical reads behave like a Substrate node', async (t) => {
  const node = await spawnDevchain(t, ['--tmp', '--block-time-ms', '200']);
  const api = await connect(t, node.url);
  const { alice, bob, charlie, dave } = devKeys();

  // A transfer larger than the balance fails with a decoded module error; the fee is still paid.
  const oldHash = await api.rpc.chain.getFinalizedHead();
  const daveBefore = (await api.query.system.account(dave.address)).data.free.toBigInt();
  const failed = await sendAndWaitInBlock(api, api.tx.balances.transferKeepAlive(bob.address, daveBefore * 2n), dave);
  t.truthy(failed.dispatchError?.isModule);
  const meta = api.registry.findMetaError(failed.dispatchError!.asModule);
  t.is(`${meta.section}.${meta.name}`, 'balances.InsufficientBalance');
  const feeEvent = failed.events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event));
  const fee = (feeEvent!.event.data[1] as unknown as { toBigInt(): bigint }).toBigInt();
  t.true(fee > 0n);
  const daveAfter = (await api.query.system.account(dave.address)).data.free.toBigInt();
  t.is(daveAfter, daveBefore - fee);

  // queryInfo predicts the fee charged for the same extrinsic.
  const tx = api.tx.balances.transferKeepAlive(bob.address, 1_000_000_000n);
  const info = await tx.paymentInfo(charlie);
  const paid = await sendAndWaitInBlock(api, tx, charlie);
  const paidEvent = paid.events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event))!;
  t.is((paidEvent.event.data[1] as unknown as { toBigInt(): bigint }).toBigInt(), info.partialFee.toBigInt());

  // api.at(oldHash) still reads the old balance.
  const atOld = await api.at(oldHash);
  t.is((await atOld.query.system.account(dave.address)).data.free.toBigInt(), daveBefore);

  // Sudo force_set_balance; Sudid carries Ok.
  const sudid = await sendAndWaitInBlock(api, api.tx.sudo.sudo(api.tx.balances.forceSetBalance(charlie.address, 42_000_000_000n)), alice);
  const sudidEvent = sudid.events.find(({ event }) => api.events.sudo.Sudid.is(event));
  t.true((sudidEvent!.event.data[0] as unknown as { isOk: boolean }).isOk);
  t.is((await api.query.system.account(charlie.address)).data.free.toBigInt(), 42_000_000_000n);

  // A non-sudo account gets sudo.RequireSudo.
  const notSudo = await sendAndWaitInBlock(api, api.tx.sudo.sudo(api.tx.balances.forceSetBalance(bob.address, 1n)), dave);
  const m2 = api.registry.findMetaError(notSudo.dispatchError!.asModule);
  t.is(`${m2.section}.${m2.name}`, 'sudo.RequireSudo');

  // transfer_all without keep-alive empties and reaps the account (KilledAccount), as upstream.
  const { eve } = devKeys();
  const reaped = await sendAndWaitInBlock(api, api.tx.balances.transferAll(bob.address, false), eve);
  t.truthy(reaped.events.find(({ event }) => api.events.system.KilledAccount.is(event)));
  t.is((await api.query.system.account(eve.address)).data.free.toBigInt(), 0n);

  // utility.batch stops at the first failure with BatchInterrupted; batch_all rolls everything back.
  const bobBefore = (await api.query.system.account(bob.address)).data.free.toBigInt();
  const batch = await sendAndWaitInBlock(
    api,
    api.tx.utility.batch([
      api.tx.balances.transferKeepAlive(bob.address, 1_000n * 1_000_000n),
      api.tx.balances.transferKeepAlive(bob.address, 10n ** 30n),
    ]),
    alice,
  );
  t.truthy(batch.events.find(({ event }) => api.events.utility.BatchInterrupted.is(event)));
  const all = await sendAndWaitInBlock(
    api,
    api.tx.utility.batchAll([
      api.tx.balances.transferKeepAlive(bob.address, 1_000n * 1_000_000n),
      api.tx.balances.transferKeepAlive(bob.address, 10n ** 30n),
    ]),
    alice,
  );
  t.truthy(all.dispatchError);
  t.is((await api.query.system.account(bob.address)).data.free.toBigInt(), bobBefore + 1_000n * 1_000_000n);
});
