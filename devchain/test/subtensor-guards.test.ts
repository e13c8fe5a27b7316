/**
 * Upstream's dispatch guards (SubtensorTransactionExtension at the pool, the same checks before the
 * call body at dispatch): InvalidTransaction::Custom codes and their order, then the call bodies'
 * own error precedence.
 */
import test from 'ava';
import { commitHash } from '../src/pallets/subtensor/epoch/index.ts';
import { startChain, exec, key, poolRefusal, customCode } from './_helpers/subtensor.ts';

const v1 = key('//Bob//v1');
const v2 = key('//Bob//v2');
const m = key('//Charlie//m');
const stranger = key('//Dave//x');
const IP = 0x01020304n;

const genesis = (cr: boolean) => ({
  stakeThreshold: 50_000_000_000,
  subnets: [
    {
      netuid: 1,
      owner: '//Alice',
      hyperparams: {
        tempo: 5,
        commitRevealEnabled: cr,
        weightsSetRateLimit: 3,
        minAllowedWeights: 1,
        maxAllowedValidators: 1,
        servingRateLimit: 0,
      },
      neurons: [
        { hotkey: '//Bob//v1', coldkey: '//Bob', stake: 100, validatorPermit: true },
        { hotkey: '//Bob//v2', coldkey: '//Bob', stake: 1 },
        { hotkey: '//Charlie//m', coldkey: '//Charlie' },
      ],
    },
  ],
});

test('pool: set_weights min stake comes before vector checks and the rate limit (Custom 1, then 6)', async (t) => {
  const chain = await startChain(t, genesis(false));
  const { api } = chain;
  // Low stake and mismatched vectors: the stake guard answers first.
  t.is(customCode(await poolRefusal(chain, api.tx.subtensorModule.setWeights(1, [1, 2], [1], 0), v2)), 1);
  const ok = await exec(chain, api.tx.subtensorModule.setWeights(1, [1, 2], [1, 1], 0), v1);
  t.true(ok.ok, ok.error);
  // Within the rate limit (3 blocks): refused at the pool as RateLimitExceeded, not included.
  const refusal = await poolRefusal(chain, api.tx.subtensorModule.setWeights(1, [1, 2], [1, 1], 0), v1);
  t.is(customCode(refusal), 6, refusal ?? 'accepted');
  t.regex(refusal ?? '', /SettingWeightsTooFast/);
  await chain.newBlocks(3);
  t.is(await poolRefusal(chain, api.tx.subtensorModule.setWeights(1, [1, 2], [1, 1], 0), v1), null, 'accepted after the rate limit');
});

test('pool: commit_weights and reveal_weights guards (stake 1, rate 6, unknown commit 16, early or expired reveal 17)', async (t) => {
  const chain = await startChain(t, genesis(true));
  const { api } = chain;
  const reveal = { uids: [1, 2], values: [10, 20], salt: [1, 2, 3], versionKey: 0n };
  const hash = commitHash({ hotkey: v1.publicKey, netuidIndex: 1, ...reveal });
  t.is(customCode(await poolRefusal(chain, api.tx.subtensorModule.commitWeights(1, hash), v2)), 1, 'StakeThreshold applies to commits');
  const rv = (values = reveal.values) => api.tx.subtensorModule.revealWeights(1, reveal.uids, values, reveal.salt, 0);
  t.is(customCode(await poolRefusal(chain, rv(), v1)), 16, 'no commit queue: CommitNotFound');
  const c = await exec(chain, api.tx.subtensorModule.commitWeights(1, hash), v1);
  t.true(c.ok, c.error);
  t.is(customCode(await poolRefusal(chain, api.tx.subtensorModule.commitWeights(1, hash), v1)), 6, 'commit rate limit');
  t.is(customCode(await poolRefusal(chain, rv([10, 21]), v1)), 16, 'unknown hash: NoWeightsCommitFound');
  t.is(customCode(await poolRefusal(chain, rv(), v1)), 17, 'same epoch: RevealTooEarly');
  const e0 = (await api.query.subtensorModule.subnetEpochIndex(1)).toNumber();
  while ((await api.query.subtensorModule.subnetEpochIndex(1)).toNumber() < e0 + 2) await chain.newBlocks(1);
  t.is(customCode(await poolRefusal(chain, rv(), v1)), 17, 'expired: RevealTooEarly (the hash is still queued)');
});

test('pool: serving endpoints (prometheus checks the IP before registration; bad ip_type is BadRequest 255)', async (t) => {
  const chain = await startChain(t, genesis(false));
  const { api } = chain;
  t.is(customCode(await poolRefusal(chain, api.tx.subtensorModule.servePrometheus(1, 1, IP, 0, 4), m)), 13, 'port 0: InvalidPort');
  t.is(
    customCode(await poolRefusal(chain, api.tx.subtensorModule.servePrometheus(1, 1, 0n, 9000, 4), stranger)),
    11,
    'zero IP before the registration check',
  );
  t.is(customCode(await poolRefusal(chain, api.tx.subtensorModule.servePrometheus(1, 1, IP, 9000, 4), stranger)), 10);
  t.is(customCode(await poolRefusal(chain, api.tx.subtensorModule.serveAxon(1, 1, IP, 9000, 5, 0, 0, 0), m)), 255, 'ip_type 5: BadRequest');
  t.is(customCode(await poolRefusal(chain, api.tx.subtensorModule.serveAxon(1, 1, IP, 9000, 4, 0, 0, 0), stranger)), 10);
  const ok = await exec(chain, api.tx.subtensorModule.servePrometheus(1, 1, IP, 9000, 4), m);
  t.true(ok.ok, ok.error);
});

test('dispatch precedence: commit_weights on a missing subnet, set_weights on root checks commit-reveal first', async (t) => {
  const chain = await startChain(t, { ...genesis(true), stakeThreshold: 0 });
  const { api } = chain;
  const missing = await exec(chain, api.tx.subtensorModule.commitWeights(9, `0x${'11'.repeat(32)}`), stranger);
  t.is(missing.error, 'subtensorModule.MechanismDoesNotExist');
  const root = await exec(chain, api.tx.subtensorModule.setWeights(0, [0], [1], 0), v1);
  t.is(root.error, 'subtensorModule.CommitRevealEnabled');
});

test('pool: root stake counts at TaoWeight toward StakeThreshold', async (t) => {
  const chain = await startChain(t, genesis(false));
  const { api } = chain;
  const sw = () => api.tx.subtensorModule.setWeights(1, [2], [1], 0);
  t.is(customCode(await poolRefusal(chain, sw(), v2)), 1, '1 TAO of alpha is below 50 TAO');
  const root = await exec(chain, api.tx.subtensorModule.addStake(v2.address, 0, 500_000n * 1_000_000_000n), key('//Bob'));
  t.true(root.ok, root.error);
  t.is(await poolRefusal(chain, sw(), v2), null, '500,000 root TAO x TaoWeight (~26,439) passes');
});
