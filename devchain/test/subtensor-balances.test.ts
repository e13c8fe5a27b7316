/**
 * Balances as upstream (spec 425, coinbase/tao.rs): stake, registration burns and network locks move
 * TAO between the coldkey and the subnet account (`modl` ++ `subtensr` ++ netuid), issuance only
 * changes by fees; stake keeps the coldkey's existential deposit; block emission mints TAO into the
 * subnet account so earned stake can be unstaked.
 */
import test from 'ava';
import type { ApiPromise } from '@polkadot/api';
import { u8aToHex, u8aConcat, stringToU8a } from '@polkadot/util';
import { startChain, exec, key, type Chain, type ExecResult } from './_helpers/subtensor.ts';

const TAO = 1_000_000_000n;
const ED = 500n;

/** Upstream's `get_subnet_account_id`, computed independently of the devchain's code. */
function subnetAccount(netuid: number): string {
  const id = new Uint8Array(32);
  id.set(u8aConcat(stringToU8a('modl'), stringToU8a('subtensr'), new Uint8Array([netuid & 0xff, netuid >> 8])));
  return u8aToHex(id);
}

const neurons = [{ hotkey: '//Bob//v', coldkey: '//Bob', stake: 100, validatorPermit: true }];
const subnet = { netuid: 1, owner: '//Alice', startCall: true, hyperparams: { tempo: 1000 }, neurons };

interface Snapshot {
  issuance: bigint;
  subnetFree: bigint;
  subnetTao: bigint;
  totalStake: bigint;
}

async function snapshot(api: ApiPromise, netuid: number, at?: string): Promise<Snapshot> {
  const q = at ? (await api.at(at)).query : api.query;
  return {
    issuance: (await q.balances.totalIssuance()).toBigInt(),
    subnetFree: (await q.system.account(subnetAccount(netuid))).data.free.toBigInt(),
    subnetTao: (await q.subtensorModule.subnetTAO(netuid)).toBigInt(),
    totalStake: (await q.subtensorModule.totalStake()).toBigInt(),
  };
}

const free = async (api: ApiPromise, who: string, at?: string): Promise<bigint> =>
  (await (at ? (await api.at(at)).query : api.query).system.account(who)).data.free.toBigInt();

/** The fee and the Balances.Transfer events of the block's extrinsics. */
async function blockRecords(
  chain: Chain,
  r: ExecResult,
): Promise<{ fee: bigint; transfers: Array<[string, string, bigint]>; staked: bigint[] }> {
  const records = await (await chain.api.at(r.blockHash)).query.system.events();
  let fee = 0n;
  const transfers: Array<[string, string, bigint]> = [];
  const staked: bigint[] = [];
  for (const { event } of records) {
    if (event.section === 'transactionPayment' && event.method === 'TransactionFeePaid') fee += BigInt(event.data[1]!.toString());
    if (event.section === 'balances' && event.method === 'Transfer')
      transfers.push([u8aToHex(event.data[0]!.toU8a()), u8aToHex(event.data[1]!.toU8a()), BigInt(event.data[2]!.toString())]);
    if (event.section === 'subtensorModule' && event.method === 'StakeAdded') staked.push(BigInt(event.data[2]!.toString()));
  }
  return { fee, transfers, staked };
}

const hexOf = (uri: string): string => u8aToHex(key(uri).publicKey);

test('genesis: the subnet account holds the genesis stake plus the existential deposit', async (t) => {
  const chain = await startChain(t, { subnets: [subnet] }, [], { emissionPerBlockTao: 0 });
  const s = await snapshot(chain.api, 1);
  t.is(s.subnetTao, 100n * TAO);
  t.is(s.subnetFree, 100n * TAO + ED);
});

test('add_stake and remove_stake move TAO to and from the subnet account: issuance changes only by the fees', async (t) => {
  const chain = await startChain(t, { subnets: [subnet] }, [], { emissionPerBlockTao: 0 });
  const { api } = chain;
  const charlie = key('//Charlie');
  const before = await snapshot(api, 1);
  const charlieBefore = await free(api, charlie.address);

  const add = await exec(chain, api.tx.subtensorModule.addStake(key('//Bob//v').address, 1, 10n * TAO), charlie);
  t.true(add.ok, add.error);
  const a = await blockRecords(chain, add);
  const mid = await snapshot(api, 1);
  t.is(mid.issuance, before.issuance - a.fee, 'issuance unchanged but for the fee');
  t.is(mid.subnetFree, before.subnetFree + 10n * TAO);
  t.is(mid.subnetTao, before.subnetTao + 10n * TAO);
  t.is(mid.totalStake, before.totalStake + 10n * TAO);
  t.is(await free(api, charlie.address), charlieBefore - 10n * TAO - a.fee);
  t.deepEqual(a.transfers, [[hexOf('//Charlie'), subnetAccount(1), 10n * TAO]]);

  const rm = await exec(chain, api.tx.subtensorModule.removeStake(key('//Bob//v').address, 1, 4n * TAO), charlie);
  t.true(rm.ok, rm.error);
  const r = await blockRecords(chain, rm);
  const after = await snapshot(api, 1);
  t.is(after.issuance, mid.issuance - r.fee);
  t.is(after.subnetFree, mid.subnetFree - 4n * TAO);
  t.is(after.subnetTao, mid.subnetTao - 4n * TAO);
  t.is(after.totalStake, mid.totalStake - 4n * TAO);
  t.deepEqual(r.transfers, [[subnetAccount(1), hexOf('//Charlie'), 4n * TAO]]);
});

test('burned_register pays the burn into the subnet account and SubnetTAO/TotalStake; issuance changes only by the fee', async (t) => {
  const chain = await startChain(t, { subnets: [subnet] }, [], { emissionPerBlockTao: 0 });
  const { api } = chain;
  const cost = (await api.query.subtensorModule.burn(1)).toBigInt();
  t.true(cost > 0n);
  const before = await snapshot(api, 1);
  const reg = await exec(chain, api.tx.subtensorModule.burnedRegister(1, key('//Dave//h').address), key('//Dave'));
  t.true(reg.ok, reg.error);
  const r = await blockRecords(chain, reg);
  const after = await snapshot(api, 1);
  t.is(after.issuance, before.issuance - r.fee);
  t.is(after.subnetFree, before.subnetFree + cost);
  t.is(after.subnetTao, before.subnetTao + cost);
  t.is(after.totalStake, before.totalStake + cost);
  t.deepEqual(r.transfers, [[hexOf('//Dave'), subnetAccount(1), cost]]);
  t.is((await api.query.subtensorModule.raoRecycledForRegistration(1)).toBigInt(), cost);
});

test('staking the whole balance keeps the existential deposit (upstream stakes free − ED, Preservation::Preserve)', async (t) => {
  const chain = await startChain(t, { subnets: [subnet] }, [], { emissionPerBlockTao: 0 });
  const { api } = chain;
  const poor = key('//Balances//poor');
  const fund = await exec(chain, api.tx.balances.transferKeepAlive(poor.address, 5n * TAO), key('//Ferdie'));
  t.true(fund.ok, fund.error);
  // A first stake measures the fee of an add_stake of the same encoded length.
  const first = await exec(chain, api.tx.subtensorModule.addStake(key('//Bob//v').address, 1, TAO), poor);
  t.true(first.ok, first.error);
  const fee = (await blockRecords(chain, first)).fee;
  const before = await snapshot(api, 1);
  const all = (await free(api, poor.address)) - fee;
  const res = await exec(chain, api.tx.subtensorModule.addStake(key('//Bob//v').address, 1, all), poor);
  t.true(res.ok, res.error);
  const r = await blockRecords(chain, res);
  t.is(r.fee, fee, 'the fee estimate was exact');
  t.is(await free(api, poor.address), ED, 'the coldkey keeps exactly the existential deposit');
  t.true((await api.query.system.account(poor.address)).providers.toNumber() > 0, 'the coldkey account is alive');
  t.deepEqual(r.staked, [all - ED], 'StakeAdded reports the TAO actually moved');
  t.is((await snapshot(api, 1)).subnetTao, before.subnetTao + all - ED);
});

test('block emission mints TAO into the subnet account and SubnetTAO; earned stake can be unstaked', async (t) => {
  const chain = await startChain(t, { subnets: [{ ...subnet, hyperparams: { tempo: 2 } }] });
  const { api } = chain;
  const h0 = await chain.newBlocks(1);
  const s0 = await snapshot(api, 1, h0);
  const h1 = await chain.newBlocks(5);
  const s1 = await snapshot(api, 1, h1);
  t.is(s1.issuance - s0.issuance, 5n * TAO, 'issuance grows by the block emission');
  t.is(s1.subnetFree - s0.subnetFree, 5n * TAO);
  t.is(s1.subnetTao - s0.subnetTao, 5n * TAO);
  t.is(s1.totalStake - s0.totalStake, 5n * TAO);
  const bob = key('//Bob');
  const held = (await api.query.subtensorModule.totalHotkeyAlpha(key('//Bob//v').address, 1)).toBigInt();
  t.true(held > 100n * TAO, `the validator earned alpha (${held})`);
  const rm = await exec(chain, api.tx.subtensorModule.removeStake(key('//Bob//v').address, 1, held), bob);
  t.true(rm.ok, rm.error);
  const r = await blockRecords(chain, rm);
  t.deepEqual(
    r.transfers.filter(([from]) => from === subnetAccount(1)),
    [[subnetAccount(1), hexOf('//Bob'), held]],
  );
});
