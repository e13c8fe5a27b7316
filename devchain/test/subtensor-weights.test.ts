import test from 'ava';
import { commitHash } from '../src/pallets/subtensor/epoch/index.ts';
import { startChain, exec, key } from './_helpers/subtensor.ts';

const alice = key('//Alice');
const v1 = key('//Bob//v1');
const v2 = key('//Bob//v2');
const m = key('//Charlie//m');

const genesis = (cr: boolean) => ({
  subnets: [{
    netuid: 1, owner: '//Alice',
    hyperparams: { tempo: 5, commitRevealEnabled: cr, weightsSetRateLimit: 3, minAllowedWeights: 2, maxAllowedValidators: 1 },
    neurons: [
      { hotkey: '//Bob//v1', coldkey: '//Bob', stake: 100, validatorPermit: true },
      { hotkey: '//Bob//v2', coldkey: '//Bob', stake: 1 },
      { hotkey: '//Charlie//m', coldkey: '//Charlie' },
    ],
  }],
});

test('set_weights: every upstream rejection reason, then success with max-upscaled storage', async (t) => {
  const chain = await startChain(t, genesis(false));
  const { api } = chain;
  const sw = (uids: number[], w: number[], vk = 0, who = v1) => exec(chain, api.tx.subtensorModule.setWeights(1, uids, w, vk), who);
  t.is((await sw([1, 2], [1])).error, 'subtensorModule.WeightVecNotEqualSize');
  t.is((await exec(chain, api.tx.subtensorModule.setWeights(0, [1], [1], 0), v1)).error, 'subtensorModule.CanNotSetRootNetworkWeights');
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
  t.deepEqual((await api.query.subtensorModule.weights(1, 0)).map(([a, b]) => [a.toNumber(), b.toNumber()]), [[1, 65535], [2, 32768]]);
  t.is((await sw([1, 2], [1, 1], 7)).error, 'subtensorModule.SettingWeightsTooFast');
  t.true((await exec(chain, api.tx.sudo.sudo(api.tx.adminUtils.sudoSetCommitRevealWeightsEnabled(1, true)), alice)).ok);
  t.is((await sw([1, 2], [1, 1], 7)).error, 'subtensorModule.CommitRevealEnabled');
  t.is((await exec(chain, api.tx.adminUtils.sudoSetKappa(1, 1), alice)).error, 'BadOrigin', 'kappa is root-only');
});

test('commit then reveal in the next epoch; too early, hash mismatch and expired reveals rejected', async (t) => {
  const chain = await startChain(t, genesis(true));
  const { api } = chain;
  t.is((await exec(chain, api.tx.subtensorModule.setWeights(1, [1, 2], [1, 1], 0), v1)).error, 'subtensorModule.CommitRevealEnabled');
  const reveal = { uids: [1, 2], values: [10, 20], salt: [1, 2, 3], versionKey: 0n };
  const hash = commitHash({ hotkey: v1.publicKey, netuidIndex: 1, ...reveal });
  t.is((await exec(chain, api.tx.subtensorModule.revealWeights(1, reveal.uids, reveal.values, reveal.salt, 0), v1)).error, 'subtensorModule.NoWeightsCommitFound');
  const c = await exec(chain, api.tx.subtensorModule.commitWeights(1, hash), v1);
  t.true(c.ok, c.error);
  t.true(c.events.includes('subtensorModule.WeightsCommitted'));
  const epoch0 = (await api.query.subtensorModule.subnetEpochIndex(1)).toNumber();
  t.is((await exec(chain, api.tx.subtensorModule.revealWeights(1, reveal.uids, reveal.values, reveal.salt, 0), v1)).error, 'subtensorModule.RevealTooEarly');
  t.is((await exec(chain, api.tx.subtensorModule.revealWeights(1, reveal.uids, [10, 21], reveal.salt, 0), v1)).error, 'subtensorModule.InvalidRevealCommitHashNotMatch');
  // Advance into the next epoch.
  while ((await api.query.subtensorModule.subnetEpochIndex(1)).toNumber() === epoch0) await chain.newBlocks(1);
  const r = await exec(chain, api.tx.subtensorModule.revealWeights(1, reveal.uids, reveal.values, reveal.salt, 0), v1);
  t.true(r.ok, r.error);
  t.true(r.events.includes('subtensorModule.WeightsRevealed'));
  t.deepEqual((await api.query.subtensorModule.weights(1, 0)).map(([a, b]) => [a.toNumber(), b.toNumber()]), [[1, 32768], [2, 65535]]);
  // A second commit revealed two epochs later is expired.
  const reveal2 = { ...reveal, salt: [9] };
  await chain.newBlocks(3);
  t.true((await exec(chain, api.tx.subtensorModule.commitWeights(1, commitHash({ hotkey: v1.publicKey, netuidIndex: 1, ...reveal2 })), v1)).ok);
  const e1 = (await api.query.subtensorModule.subnetEpochIndex(1)).toNumber();
  while ((await api.query.subtensorModule.subnetEpochIndex(1)).toNumber() < e1 + 2) await chain.newBlocks(1);
  t.is((await exec(chain, api.tx.subtensorModule.revealWeights(1, reveal2.uids, reveal2.values, reveal2.salt, 0), v1)).error, 'subtensorModule.ExpiredWeightCommit');
  void m;
});
