/** Coinbase as upstream (spec 425): which subnets accrue emission, Bonds rows, MaxEpochsPerBlock, withheld owner incentive, TaoWeight. */
import test from 'ava';
import { startChain, exec, key } from './_helpers/subtensor.ts';

const subnet = (netuid: number, registrationAllowed: boolean) => ({
  netuid,
  owner: '//Alice',
  startCall: true,
  hyperparams: { tempo: 1000, registrationAllowed },
  neurons: [{ hotkey: `//Bob//n${netuid}`, coldkey: '//Bob' }],
});

test('no emission accrues to a subnet with registration disabled (get_subnets_to_emit_to)', async (t) => {
  const chain = await startChain(t, { subnets: [subnet(1, false), subnet(2, true)] });
  const { api } = chain;
  await chain.newBlocks(3);
  const pending = async (netuid: number) => (await api.query.subtensorModule.pendingServerEmission(netuid)).toBigInt();
  t.true((await pending(2)) > 0n, 'the control subnet accrues');
  t.is(await pending(1), 0n);
  t.is((await api.query.subtensorModule.pendingValidatorEmission(1)).toBigInt(), 0n);
});

test('an epoch writes a Bonds row for every uid, empty rows included (as upstream inserts them)', async (t) => {
  const neurons = [
    { hotkey: '//Bob//v', coldkey: '//Bob', stake: 10, validatorPermit: true },
    { hotkey: '//Bob//m1', coldkey: '//Bob' },
    { hotkey: '//Bob//m2', coldkey: '//Bob' },
  ];
  const chain = await startChain(t, { subnets: [{ netuid: 1, owner: '//Alice', startCall: true, hyperparams: { tempo: 2 }, neurons }] });
  const { api } = chain;
  t.is((await api.query.subtensorModule.bonds.entries(1)).length, 0, 'no rows at genesis');
  for (let i = 0; i < 20 && (await api.query.subtensorModule.subnetEpochIndex(1)).toNumber() === 0; i++) await chain.newBlocks(1);
  t.true((await api.query.subtensorModule.subnetEpochIndex(1)).toNumber() > 0, 'an epoch ran');
  const rows = await api.query.subtensorModule.bonds.entries(1);
  t.deepEqual(rows.map(([k]) => (k.args[1] as unknown as { toNumber(): number }).toNumber()).sort(), [0, 1, 2]);
});

test('MaxEpochsPerBlock: a due epoch beyond the cap is deferred to the next block (EpochDeferred, slot kept)', async (t) => {
  const net = (netuid: number) => ({
    netuid,
    owner: '//Alice',
    startCall: true,
    hyperparams: { tempo: 1 },
    neurons: [{ hotkey: `//Bob//d${netuid}`, coldkey: '//Bob' }],
  });
  const chain = await startChain(t, { maxEpochsPerBlock: 1, subnets: [net(1), net(2)] });
  const { api } = chain;
  const hash = await chain.newBlocks(1);
  const at = await api.at(hash);
  const deferred = (await at.query.system.events()).filter(
    (r) => r.event.section === 'subtensorModule' && r.event.method === 'EpochDeferred',
  );
  t.is(deferred.length, 1);
  const header = await api.rpc.chain.getHeader(hash);
  const n = header.number.toNumber();
  t.deepEqual(
    deferred[0]!.event.data.map((x) => Number(x.toString())),
    [2, n, n + 1],
  );
  t.is((await at.query.subtensorModule.subnetEpochIndex(1)).toNumber(), 1, 'netuid 1 ran');
  t.is((await at.query.subtensorModule.subnetEpochIndex(2)).toNumber(), 0, 'netuid 2 did not');
  t.is((await at.query.subtensorModule.pendingEpochAt(2)).toNumber(), n + 1);
});

test('incentive is withheld from every hotkey of the owner coldkey, not only the owner hotkey (MinerBurned)', async (t) => {
  const neurons = [
    { hotkey: '//Bob//v', coldkey: '//Bob', stake: 100, validatorPermit: true },
    { hotkey: '//Alice//m', coldkey: '//Alice' },
    { hotkey: '//Charlie//m', coldkey: '//Charlie' },
  ];
  const hyperparams = { tempo: 3, commitRevealEnabled: false, weightsSetRateLimit: 0, minAllowedWeights: 1 };
  const chain = await startChain(t, {
    subnets: [{ netuid: 1, owner: '//Alice', ownerHotkey: '//Alice//owner', startCall: true, hyperparams, neurons }],
  });
  const { api } = chain;
  const sw = await exec(chain, api.tx.subtensorModule.setWeights(1, [2, 3], [100, 100], 0), key('//Bob//v'));
  t.true(sw.ok, sw.error);
  const e0 = (await api.query.subtensorModule.subnetEpochIndex(1)).toNumber();
  for (let i = 0; i < 10 && (await api.query.subtensorModule.subnetEpochIndex(1)).toNumber() < e0 + 2; i++) await chain.newBlocks(1);
  const alpha = async (uri: string) => (await api.query.subtensorModule.totalHotkeyAlpha(key(uri).address, 1)).toBigInt();
  t.true((await alpha('//Charlie//m')) > 0n, 'the other miner is paid');
  t.is(await alpha('//Alice//m'), 0n, "the owner coldkey's miner hotkey is not");
  const burned = (await api.query.subtensorModule.minerBurned(1)) as unknown as { bits: { toBigInt(): bigint } };
  t.is(burned.bits.toBigInt(), 1n << 31n, 'half the incentive withheld (U96F32 0.5)');
});

test('root stake counts at TaoWeight in the epoch stake', async (t) => {
  const neurons = [
    { hotkey: '//Bob//v1', coldkey: '//Bob', stake: 100, validatorPermit: true },
    { hotkey: '//Charlie//v2', coldkey: '//Charlie', stake: 100, validatorPermit: true },
  ];
  const chain = await startChain(t, { subnets: [{ netuid: 1, owner: '//Alice', startCall: true, hyperparams: { tempo: 3 }, neurons }] });
  const { api } = chain;
  const root = await exec(
    chain,
    api.tx.subtensorModule.addStake(key('//Charlie//v2').address, 0, 500_000n * 1_000_000_000n),
    key('//Charlie'),
  );
  t.true(root.ok, root.error);
  const e0 = (await api.query.subtensorModule.subnetEpochIndex(1)).toNumber();
  for (let i = 0; i < 10 && (await api.query.subtensorModule.subnetEpochIndex(1)).toNumber() < e0 + 1; i++) await chain.newBlocks(1);
  const sw = (await api.query.subtensorModule.stakeWeight(1)).map((x) => x.toNumber());
  // 100 alpha vs 100 alpha + 500,000 root at TaoWeight ~0.0527 (about 26,439 TAO): v2 holds ~99.6% of the stake weight.
  t.true(sw[1]! > 65_000 && sw[0]! < 400, `stake weights ${sw.join(', ')}`);
});
