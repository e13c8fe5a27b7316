/** Coinbase as upstream (spec 425): which subnets get block emission. */
import test from 'ava';
import { startChain } from './_helpers/subtensor.ts';

const subnet = (netuid: number, registrationAllowed: boolean) => ({
  netuid, owner: '//Alice', startCall: true, hyperparams: { tempo: 1000, registrationAllowed }, neurons: [{ hotkey: `//Bob//n${netuid}`, coldkey: '//Bob' }],
});

test('no emission accrues to a subnet with registration disabled (get_subnets_to_emit_to)', async (t) => {
  const chain = await startChain(t, { subnets: [subnet(1, false), subnet(2, true)] });
  const { api } = chain;
  await chain.newBlocks(3);
  const pending = async (netuid: number) => (await api.query.subtensorModule.pendingServerEmission(netuid)).toBigInt();
  t.true(await pending(2) > 0n, 'the control subnet accrues');
  t.is(await pending(1), 0n);
  t.is((await api.query.subtensorModule.pendingValidatorEmission(1)).toBigInt(), 0n);
});
