import test from 'ava';
import { xxhashAsHex } from '@polkadot/util-crypto';
import { startChain, exec, key, poolRefusal, customCode } from './_helpers/subtensor.ts';

const alice = key('//Alice');
const bob = key('//Bob');
const TAO = 1_000_000_000n;

test('storage prefixes match upstream (twox128 of pallet and item names)', async (t) => {
  const chain = await startChain(t, undefined);
  t.is(chain.api.query.subtensorModule.uids.keyPrefix().slice(0, 34), '0x658faa385070e074c85bf6b568cf0555');
  t.is(xxhashAsHex('SubtensorModule', 128), '0x658faa385070e074c85bf6b568cf0555');
  t.is(chain.api.query.subtensorModule.uids.keyPrefix(), '0x658faa385070e074c85bf6b568cf0555aab1b4e78e1ea8305462ee53b3686dc8');
  t.is(chain.api.query.subtensorModule.totalHotkeyAlpha.keyPrefix(), '0x658faa385070e074c85bf6b568cf0555ee25c3b5b1886863480497907f1829e6');
  t.is(chain.api.query.adminUtils === undefined || true, true);
  t.true((await chain.api.query.subtensorModule.networksAdded(0)).isTrue, 'root network exists at genesis');
  t.is((await chain.api.query.subtensorModule.networkRateLimit()).toNumber(), 7200);
  t.is(chain.api.consts.subtensorModule.initialStartCallDelay.toString(), '0');
  t.is(chain.api.errors.subtensorModule.NetworkTxRateLimitExceeded.meta.index.toNumber(), 33);
  t.is(chain.api.errors.subtensorModule.CommitRevealEnabled.meta.index.toNumber(), 53);
  t.is(chain.api.events.subtensorModule.IncentiveAlphaEmittedToMiners.meta.index.toNumber(), 110);
});

test('register_network is rate limited until sudo lowers NetworkRateLimit; registration prunes past max_allowed_uids', async (t) => {
  const chain = await startChain(t, undefined);
  const { api } = chain;
  const ownerHot = key('//Alice//owner');
  t.is(
    customCode(await poolRefusal(chain, api.tx.subtensorModule.registerNetwork(ownerHot.address), alice)),
    6,
    'NetworkTxRateLimitExceeded is refused at the pool',
  );
  const sudo = await exec(chain, api.tx.sudo.sudo(api.tx.adminUtils.sudoSetNetworkRateLimit(0)), alice);
  t.true(sudo.ok, sudo.error);
  const reg = await exec(chain, api.tx.subtensorModule.registerNetwork(ownerHot.address), alice);
  t.true(reg.ok, reg.error);
  t.true(reg.events.includes('subtensorModule.NetworkAdded'));
  t.is((await api.query.subtensorModule.subnetworkN(1)).toNumber(), 1);
  t.is((await api.query.subtensorModule.subnetOwner(1)).toString(), alice.address);
  t.is((await api.query.subtensorModule.keys(1, 0)).toString(), ownerHot.address);
  // Owner lowers max_allowed_uids to 3, then 4 registrations: the 4th replaces the lowest-emission uid (not the owner's).
  t.true((await exec(chain, api.tx.adminUtils.sudoSetMaxAllowedUids(1, 3), alice)).ok);
  const burn0 = (await api.query.subtensorModule.burn(1)).toBigInt();
  const hot = [1, 2, 3].map((i) => key(`//Bob//h${i}`));
  const r1 = await exec(chain, api.tx.subtensorModule.burnedRegister(1, hot[0]!.address), bob);
  t.true(r1.ok, r1.error);
  t.true(r1.events.includes('subtensorModule.NeuronRegistered'));
  const burn1 = (await api.query.subtensorModule.burn(1)).toBigInt();
  t.true(burn1 > burn0, `burn bumps after a registration (${burn0} -> ${burn1})`);
  const dup = await exec(chain, api.tx.subtensorModule.burnedRegister(1, hot[0]!.address), bob);
  t.is(dup.error, 'subtensorModule.HotKeyAlreadyRegisteredInSubNet');
  t.true(
    (await exec(chain, api.tx.subtensorModule.register(1, 0, 0, '0x', hot[1]!.address, bob.address), bob)).ok,
    'register (PoW args ignored) charges the burn',
  );
  t.is((await api.query.subtensorModule.subnetworkN(1)).toNumber(), 3);
  const pruned = await exec(chain, api.tx.subtensorModule.burnedRegister(1, hot[2]!.address), bob);
  t.true(pruned.ok, pruned.error);
  t.is((await api.query.subtensorModule.subnetworkN(1)).toNumber(), 3);
  t.is((await api.query.subtensorModule.keys(1, 0)).toString(), ownerHot.address, 'owner hotkey is immortal');
  t.is((await api.query.subtensorModule.keys(1, 1)).toString(), hot[2]!.address, 'the oldest zero-emission uid 1 was replaced');
  t.true((await api.query.subtensorModule.uids(1, hot[0]!.address)).isNone);
  // Burn decays per block.
  const before = (await api.query.subtensorModule.burn(1)).toBigInt();
  await chain.newBlocks(3);
  t.true((await api.query.subtensorModule.burn(1)).toBigInt() < before);
  // Root subnet refuses registrations.
  t.is(
    (await exec(chain, api.tx.subtensorModule.burnedRegister(0, hot[0]!.address), bob)).error,
    'subtensorModule.RegistrationNotPermittedOnRootSubnet',
  );
});

const IP_127 = 0x7f000001n;
const IP_10 = (10n << 24n) + 1n;

test('serve_axon refuses loopback at pool validation (Custom 11) unless --allow-loopback-axons', async (t) => {
  const genesis = {
    subnets: [{ netuid: 1, owner: '//Alice', neurons: [{ hotkey: '//Bob//m1', coldkey: '//Bob' }], hyperparams: { servingRateLimit: 0 } }],
  };
  const strict = await startChain(t, genesis);
  const m1 = key('//Bob//m1');
  // The hotkey pays no fee for serve_axon (Pays::No), so it needs no balance.
  const err = await t.throwsAsync(exec(strict, strict.api.tx.subtensorModule.serveAxon(1, 1, IP_127, 8091, 4, 4, 0, 0), m1));
  t.regex(err!.message, /1010|Custom error: 11/);
  const ok = await exec(strict, strict.api.tx.subtensorModule.serveAxon(1, 1, IP_10, 8091, 4, 4, 0, 0), m1);
  t.true(ok.ok, ok.error);
  t.true(ok.events.includes('subtensorModule.AxonServed'));
  const axon = await strict.api.query.subtensorModule.axons(1, m1.address);
  t.is(axon.unwrap().ip.toBigInt(), IP_10);
  const portZero = await t.throwsAsync(exec(strict, strict.api.tx.subtensorModule.serveAxon(1, 1, IP_10, 0, 4, 4, 0, 0), m1));
  t.regex(portZero!.message, /Custom error: 13/);
  const loose = await startChain(t, genesis, ['--allow-loopback-axons']);
  const ok2 = await exec(loose, loose.api.tx.subtensorModule.serveAxon(1, 1, IP_127, 8091, 4, 4, 0, 0), m1);
  t.true(ok2.ok, ok2.error);
  t.is((await loose.api.query.subtensorModule.axons(1, m1.address)).unwrap().ip.toBigInt(), IP_127);
});

test('stake add/remove (1 TAO = 1 alpha), start_call gating and emission paid to stake after epochs', async (t) => {
  const genesis = {
    subnets: [
      {
        netuid: 1,
        owner: '//Alice',
        ownerHotkey: '//Alice//owner',
        hyperparams: { tempo: 4, commitRevealEnabled: false, weightsSetRateLimit: 0 },
        neurons: [
          { hotkey: '//Bob//v', coldkey: '//Bob', stake: 1000 },
          { hotkey: '//Charlie//m', coldkey: '//Charlie' },
        ],
      },
    ],
  };
  const chain = await startChain(t, genesis);
  const { api } = chain;
  const v = key('//Bob//v');
  const charlie = key('//Charlie');
  const disabled = await exec(chain, api.tx.subtensorModule.addStake(v.address, 1, 10n * TAO), charlie);
  t.is(disabled.error, 'subtensorModule.SubtokenDisabled');
  t.is((await exec(chain, api.tx.subtensorModule.startCall(1), bob)).error, 'BadOrigin');
  const started = await exec(chain, api.tx.subtensorModule.startCall(1), alice);
  t.true(started.ok, started.error);
  t.true(started.events.includes('subtensorModule.FirstEmissionBlockNumberSet'));
  const freeBefore = (await api.query.system.account(charlie.address)).data.free.toBigInt();
  const add = await exec(chain, api.tx.subtensorModule.addStake(v.address, 1, 10n * TAO), charlie);
  t.true(add.ok, add.error);
  t.true(add.events.includes('subtensorModule.StakeAdded'));
  t.true((await api.query.system.account(charlie.address)).data.free.toBigInt() <= freeBefore - 10n * TAO);
  t.is((await exec(chain, api.tx.subtensorModule.addStake(v.address, 1, 1000n), charlie)).error, 'subtensorModule.AmountTooLow');
  t.is(
    (await exec(chain, api.tx.subtensorModule.removeStake(v.address, 1, 11n * TAO), charlie)).error,
    'subtensorModule.NotEnoughStakeToWithdraw',
  );
  const rm = await exec(chain, api.tx.subtensorModule.removeStake(v.address, 1, 4n * TAO), charlie);
  t.true(rm.ok, rm.error);
  t.true(rm.events.includes('subtensorModule.StakeRemoved'));
  const total0 = (await api.query.subtensorModule.totalHotkeyAlpha(v.address, 1)).toBigInt();
  t.true(total0 >= 1006n * TAO && total0 < 1010n * TAO, `total alpha on the validator: ${total0}`);
  // Validator gets a permit at the next epoch, then sets weights on the miner; emission follows.
  await chain.newBlocks(5);
  t.true(Array.isArray((await api.query.subtensorModule.validatorPermit(1)).toJSON()));
  const permits = (await api.query.subtensorModule.validatorPermit(1)).map((x) => x.isTrue);
  t.true(permits[1], `validator uid 1 has a permit: ${JSON.stringify(permits)}`);
  const w = await exec(chain, api.tx.subtensorModule.setWeights(1, [2], [65535], 0), v);
  t.true(w.ok, w.error);
  const minerHot = key('//Charlie//m');
  const minerStake0 = (await api.query.subtensorModule.totalHotkeyAlpha(minerHot.address, 1)).toBigInt();
  await chain.newBlocks(9);
  const incentive = (await api.query.subtensorModule.incentive(1)).map((x) => x.toNumber());
  const dividends = (await api.query.subtensorModule.dividends(1)).map((x) => x.toNumber());
  t.is(incentive[2], 65535);
  t.is(dividends[1], 65535);
  const minerStake = (await api.query.subtensorModule.totalHotkeyAlpha(minerHot.address, 1)).toBigInt();
  t.true(minerStake > minerStake0, 'miner incentive is staked to its hotkey');
  t.true((await api.query.subtensorModule.totalHotkeyAlpha(v.address, 1)).toBigInt() > total0, 'validator dividends are staked');
  t.true(
    (await api.query.subtensorModule.totalHotkeyAlpha(key('//Alice//owner').address, 1)).toBigInt() > 0n,
    'owner cut is staked to the owner hotkey',
  );
  const emission = (await api.query.subtensorModule.emission(1)).map((x) => x.toBigInt());
  t.true(emission[2]! > 0n && emission[1]! > 0n);
  // Event of the last epoch.
  const evs: string[] = [];
  for (let i = 0; i < 4; i++) {
    const at = await api.at(await chain.newBlocks(1));
    evs.push(...(await at.query.system.events()).map((r) => `${r.event.section}.${r.event.method}`));
  }
  t.true(evs.includes('subtensorModule.IncentiveAlphaEmittedToMiners'), evs.join(','));
});
