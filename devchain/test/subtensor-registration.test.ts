/**
 * Registration as upstream (spec 425): pruning without a non-immune fallback, the owner's immune
 * hotkey set, `register` owned by the signer, the exact 1.26 burn bump, and StartCallDelay.
 */
import test from 'ava';
import { startChain, exec, key } from './_helpers/subtensor.ts';

const alice = key('//Alice');
const bob = key('//Bob');
const dave = key('//Dave');
const second = key('//Alice//second');
const bobHot = key('//Bob//h');
const TAO = 1_000_000_000;

const genesis = {
  networkRateLimit: 0,
  startCallDelay: 100,
  subnets: [
    {
      netuid: 1,
      owner: '//Alice',
      ownerHotkey: '//Alice//owner',
      hyperparams: { maxAllowedUids: 3, immunityPeriod: 65535 },
      neurons: [
        { hotkey: '//Alice//second', coldkey: '//Alice' },
        { hotkey: '//Bob//h', coldkey: '//Bob' },
      ],
    },
    {
      netuid: 2,
      owner: '//Alice',
      ownerHotkey: '//Alice//owner',
      hyperparams: { maxAllowedUids: 2, immunityPeriod: 0 },
      neurons: [{ hotkey: '//Bob//h', coldkey: '//Bob' }],
    },
    { netuid: 3, owner: '//Alice', ownerHotkey: '//Alice//owner', hyperparams: { burn: TAO, minBurn: TAO, maxBurn: 100 * TAO } },
  ],
};

test("pruning: the owner coldkey's immune hotkeys (ImmuneOwnerUidsLimit) are skipped; no non-immune fallback (NoNeuronIdAvailable)", async (t) => {
  const chain = await startChain(t, genesis);
  const { api } = chain;
  t.is((await api.query.subtensorModule.keys(1, 1)).toString(), second.address);
  t.true((await exec(chain, api.tx.sudo.sudo(api.tx.adminUtils.sudoSetOwnerImmuneNeuronLimit(1, 2)), alice)).ok);
  const r = await exec(chain, api.tx.subtensorModule.burnedRegister(1, key('//Dave//n1').address), dave);
  t.true(r.ok, r.error);
  t.is(
    (await api.query.subtensorModule.keys(1, 1)).toString(),
    second.address,
    "the owner coldkey's second hotkey is immune with a limit of 2",
  );
  t.is((await api.query.subtensorModule.keys(1, 2)).toString(), key('//Dave//n1').address, "Bob's uid 2 was replaced");
  // Subnet 2: one non-immune uid, not more than MinNonImmuneUids (10), and no immune candidate.
  const full = await exec(chain, api.tx.subtensorModule.burnedRegister(2, key('//Dave//n2').address), dave);
  t.is(full.error, 'subtensorModule.NoNeuronIdAvailable');
  t.is((await api.query.subtensorModule.keys(2, 1)).toString(), bobHot.address);
});

test('register (call 6) is owned by the signer; Burn 1e9 bumps to exactly 1,260,000,000 (U64F64::from_num(1.26))', async (t) => {
  const chain = await startChain(t, genesis);
  const { api } = chain;
  const hot = key('//Dave//r');
  const r = await exec(chain, api.tx.subtensorModule.register(3, 0, 0, '0x', hot.address, bob.address), dave);
  t.true(r.ok, r.error);
  t.is((await api.query.subtensorModule.owner(hot.address)).toString(), dave.address, 'the coldkey argument is ignored');
  t.is((await api.query.subtensorModule.burn.at(r.blockHash, 3)).toBigInt(), 1_260_000_000n);
});

test('StartCallDelay: genesis value, NeedWaitingMoreBlocksToStarCall, root setter with StartCallDelaySet', async (t) => {
  const chain = await startChain(t, genesis);
  const { api } = chain;
  t.is((await api.query.subtensorModule.startCallDelay()).toNumber(), 100);
  const reg = await exec(chain, api.tx.subtensorModule.registerNetwork(key('//Alice//net').address), alice);
  t.true(reg.ok, reg.error);
  const netuid = 4;
  t.true((await api.query.subtensorModule.networksAdded(netuid)).isTrue);
  t.is((await exec(chain, api.tx.subtensorModule.startCall(netuid), alice)).error, 'subtensorModule.NeedWaitingMoreBlocksToStarCall');
  t.is((await exec(chain, api.tx.adminUtils.sudoSetStartCallDelay(0), alice)).error, 'BadOrigin', 'root only');
  const set = await exec(chain, api.tx.sudo.sudo(api.tx.adminUtils.sudoSetStartCallDelay(0)), alice);
  t.true(set.ok, set.error);
  t.true(set.events.includes('subtensorModule.StartCallDelaySet'));
  const start = await exec(chain, api.tx.subtensorModule.startCall(netuid), alice);
  t.true(start.ok, start.error);
  t.true((await api.query.subtensorModule.firstEmissionBlockNumber(netuid)).isSome);
});
