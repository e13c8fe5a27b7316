import test from 'ava';
import { commitHash } from '../src/pallets/subtensor/epoch/index.ts';
import { startChain, exec, key, poolRefusal, customCode } from './_helpers/subtensor.ts';

const alice = key('//Alice');
const v1 = key('//Bob//v1');
const v2 = key('//Bob//v2');
const m = key('//Charlie//m');

const genesis = (cr: boolean) => ({
  subnets: [
    {
      netuid: 1,
      owner: '//Alice',
      hyperparams: { tempo: 5, commitRevealEnabled: cr, weightsSetRateLimit: 3, minAllowedWeights: 2, maxAllowedValidators: 1 },
      neurons: [
        { hotkey: '//Bob//v1', coldkey: '//Bob', stake: 100, validatorPermit: true },
        { hotkey: '//Bob//v2', coldkey: '//Bob', stake: 1 },
        { hotkey: '//Charlie//m', coldkey: '//Charlie' },
      ],
    },
  ],
});

test('set_weights: every upstream rejection reason, then success with max-upscaled storage', async (t) => {
  const chain = await startChain(t, genesis(false));
  const { api } = chain;
  const sw = (uids: number[], w: number[], vk = 0, who = v1) => exec(chain, api.tx.subtensorModule.setWeights(1, uids, w, vk), who);
  t.is((await sw([1, 2], [1])).error, 'subtensorModule.WeightVecNotEqualSize');
  // Root: commit-reveal is checked first (on by default), as upstream.
  t.is((await exec(chain, api.tx.subtensorModule.setWeights(0, [1], [1], 0), v1)).error, 'subtensorModule.CommitRevealEnabled');
  t.is((await sw([0, 1, 2, 3], [1, 1, 1, 1])).error, 'subtensorModule.UidsLengthExceedUidsInSubNet');
  t.is((await sw([1, 2], [1, 1], 0, key('//Dave//x'))).error, 'subtensorModule.HotKeyNotRegisteredInSubNet');
  t.is((await sw([1, 2], [1, 1], 0, v2)).error, 'subtensorModule.NeuronNoValidatorPermit');
  t.is((await sw([2, 2], [1, 1])).error, 'subtensorModule.DuplicateUids');
  t.is((await sw([2], [1])).error, 'subtensorModule.WeightVecLengthIsLow');
  t.true((await exec(chain, api.tx.sudo.sudo(api.tx.adminUtils.sudoSetMinAllowedWeights(1, 1)), alice)).ok);
  // Tempo 5 is below the admin freeze window (10), which would freeze owner calls at every block.
  t.true((await exec(chain, api.tx.sudo.sudo(api.tx.adminUtils.sudoSetAdminFreezeWindow(0)), alice)).ok);
  t.true((await exec(chain, api.tx.adminUtils.sudoSetWeightsVersionKey(1, 7), alice)).ok, 'owner sets the version key');
  t.is((await sw([1, 2], [1, 1], 6)).error, 'subtensorModule.IncorrectWeightVersionKey');
  t.is((await sw([1, 5], [1, 1], 7)).error, 'subtensorModule.UidVecContainInvalidOne');
  const ok = await sw([1, 2], [100, 50], 7);
  t.true(ok.ok, ok.error);
  t.true(ok.events.includes('subtensorModule.WeightsSet'));
  t.deepEqual(
    (await api.query.subtensorModule.weights(1, 0)).map(([a, b]) => [a.toNumber(), b.toNumber()]),
    [
      [1, 65535],
      [2, 32768],
    ],
  );
  t.is(
    customCode(await poolRefusal(chain, api.tx.subtensorModule.setWeights(1, [1, 2], [1, 1], 7), v1)),
    6,
    'SettingWeightsTooFast is refused at the pool',
  );
  t.true((await exec(chain, api.tx.sudo.sudo(api.tx.adminUtils.sudoSetCommitRevealWeightsEnabled(1, true)), alice)).ok);
  t.is((await sw([1, 2], [1, 1], 7)).error, 'subtensorModule.CommitRevealEnabled');
  t.is((await exec(chain, api.tx.adminUtils.sudoSetKappa(1, 1), alice)).error, 'BadOrigin', 'kappa is root-only');
});

test('commit then reveal in the next epoch; too early, unknown-hash and expired reveals refused at the pool', async (t) => {
  const chain = await startChain(t, genesis(true));
  const { api } = chain;
  t.is((await exec(chain, api.tx.subtensorModule.setWeights(1, [1, 2], [1, 1], 0), v1)).error, 'subtensorModule.CommitRevealEnabled');
  const reveal = { uids: [1, 2], values: [10, 20], salt: [1, 2, 3], versionKey: 0n };
  const hash = commitHash({ hotkey: v1.publicKey, netuidIndex: 1, ...reveal });
  const rv = (values = reveal.values, salt = reveal.salt) => api.tx.subtensorModule.revealWeights(1, reveal.uids, values, salt, 0);
  t.is(customCode(await poolRefusal(chain, rv(), v1)), 16, 'NoWeightsCommitFound at the pool');
  const c = await exec(chain, api.tx.subtensorModule.commitWeights(1, hash), v1);
  t.true(c.ok, c.error);
  t.true(c.events.includes('subtensorModule.WeightsCommitted'));
  const epoch0 = (await api.query.subtensorModule.subnetEpochIndex(1)).toNumber();
  t.is(customCode(await poolRefusal(chain, rv(), v1)), 17, 'RevealTooEarly at the pool');
  t.is(customCode(await poolRefusal(chain, rv([10, 21]), v1)), 16, 'an unknown hash is NoWeightsCommitFound (upstream guard)');
  // Advance into the next epoch.
  while ((await api.query.subtensorModule.subnetEpochIndex(1)).toNumber() === epoch0) await chain.newBlocks(1);
  const r = await exec(chain, api.tx.subtensorModule.revealWeights(1, reveal.uids, reveal.values, reveal.salt, 0), v1);
  t.true(r.ok, r.error);
  t.true(r.events.includes('subtensorModule.WeightsRevealed'));
  t.deepEqual(
    (await api.query.subtensorModule.weights(1, 0)).map(([a, b]) => [a.toNumber(), b.toNumber()]),
    [
      [1, 32768],
      [2, 65535],
    ],
  );
  // A second commit revealed two epochs later is expired.
  const reveal2 = { ...reveal, salt: [9] };
  await chain.newBlocks(3);
  t.true(
    (await exec(chain, api.tx.subtensorModule.commitWeights(1, commitHash({ hotkey: v1.publicKey, netuidIndex: 1, ...reveal2 })), v1)).ok,
  );
  const e1 = (await api.query.subtensorModule.subnetEpochIndex(1)).toNumber();
  while ((await api.query.subtensorModule.subnetEpochIndex(1)).toNumber() < e1 + 2) await chain.newBlocks(1);
  t.is(
    customCode(await poolRefusal(chain, rv(reveal2.values, reveal2.salt), v1)),
    17,
    'an expired commit is RevealTooEarly (upstream guard)',
  );
  void m;
});
