/**
 * The devchain's on-chain epoch equals the pure Yuma module: scenarios driven through extrinsics on a
 * real `arena devchain` process (manual seal), stored outputs read with an unmodified ApiPromise, and
 * each epoch recomputed with `runEpoch` from the chain's own inputs read back via the API.
 * TV4 (`test_active_stake`, subtensor-api.md §11) is also matched against its published numbers.
 */
import test from 'ava';
import { startChain, exec, execMany, key, type Chain } from './_helpers/subtensor.ts';
import { assertEpochParity, readStoredOutputs } from './_helpers/epoch-parity.ts';

const NETUID = 1;

/** The block hash at height `n` (chain must be at least that high). */
async function hashAt(chain: Chain, n: number): Promise<string> {
  return (await chain.api.rpc.chain.getBlockHash(n)).toHex();
}

async function height(chain: Chain): Promise<number> {
  return (await chain.api.rpc.chain.getHeader()).number.toNumber();
}

test('TV4 test_active_stake through extrinsics: chain = pure module at every epoch, and = the published TV4 numbers', async (t) => {
  const hot = [0, 1, 2, 3].map((i) => key(`//Bob//tv4-${i}`));
  // Equal stakes of 1e18 rao: the 250M-rao payouts credited to stake each epoch then move no
  // normalized stake by even one I32F32 ulp where TV4 needs them equal (TV4 itself uses stake 1 and no payout).
  const chain = await startChain(t, {
    subnetOwnerCut: 0, // so each tempo-1 epoch distributes exactly 1e9 rao, as TV4's `epoch(netuid, 1e9)`
    subnets: [{
      netuid: NETUID, owner: '//Alice', startCall: true,
      hyperparams: {
        tempo: 1, maxAllowedValidators: 4, minAllowedWeights: 0, yuma3Enabled: false, bondsMovingAverage: 900_000, bondsPenalty: 65535,
        kappa: 32767, commitRevealEnabled: false, weightsSetRateLimit: 0,
        // activity cutoff = floor(factorMilli × tempo / 1000) = 5000 blocks at tempo 1, as TV4's ActivityCutoff 5000.
        activityCutoffFactorMilli: 5_000_000,
      },
      neurons: hot.map((_, i) => ({ hotkey: `//Bob//tv4-${i}`, coldkey: '//Bob', stakeRao: '1000000000000000000' })),
    }],
  });
  const { api } = chain;
  const sw = () => api.tx.subtensorModule.setWeights(NETUID, [2, 3], [32767, 32767], 0);

  // Block 1: the first epoch (no weights) grants all four permits (TV4's epoch at block 0); then uids 0, 1 set weights.
  const [r0, r1] = await execMany(chain, [[sw(), hot[0]!], [sw(), hot[1]!]]);
  t.true(r0!.ok, r0!.error);
  t.true(r1!.ok, r1!.error);
  const e0 = await assertEpochParity(t, api, NETUID, await hashAt(chain, 1));
  t.deepEqual(e0.stored.validatorPermit, [true, true, true, true]);
  t.deepEqual((await api.query.subtensorModule.weights(NETUID, 0)).map(([a, b]) => [a.toNumber(), b.toNumber()]), [[2, 65535], [3, 65535]]);

  // Block 2: TV4's first weighted epoch.
  await chain.newBlocks(1);
  const e1 = await assertEpochParity(t, api, NETUID, await hashAt(chain, 2));
  t.is(e1.input.raoEmission, 1_000_000_000n);
  t.is(e1.input.activityCutoff, 5000);
  t.deepEqual(e1.stored.dividends, [32767, 32767, 0, 0]);
  t.deepEqual(e1.stored.emission, [250_000_000n, 250_000_000n, 250_000_000n, 250_000_000n]);
  t.deepEqual(e1.stored.bonds, [[[2, 65535], [3, 65535]], [[2, 65535], [3, 65535]], [], []]);

  // Blocks 3..5001: one epoch per block; with fixed weights and equal stakes the bonds stay at
  // that fixed point. Uid 0 re-sets its weights in block 5001 (uid 1 does not), so at the epoch of
  // block 5002 uid 1 is inactive (LastUpdate 1 + 5000 < 5002), as at TV4's block 5002.
  await chain.newBlocks(5000 - 2);
  t.is(await height(chain), 5000);
  const before = await readStoredOutputs(api, NETUID, await hashAt(chain, 5000));
  t.deepEqual(before.bonds, e1.stored.bonds, 'bonds stay at the fixed point while nothing changes');
  t.deepEqual(before.dividends, [32767, 32767, 0, 0]);
  const r5001 = await exec(chain, sw(), hot[0]!);
  t.true(r5001.ok, r5001.error);
  await assertEpochParity(t, api, NETUID, await hashAt(chain, 5001));
  // Block 5002: uid 1 inactive; then uid 1 re-sets its weights in the same block.
  const r5002 = await exec(chain, sw(), hot[1]!);
  t.true(r5002.ok, r5002.error);
  const e2 = await assertEpochParity(t, api, NETUID, await hashAt(chain, 5002));
  t.deepEqual(e2.stored.active, [true, false, false, false], "uid 1 and the non-setting miners (LastUpdate 0) are inactive, as in TV4");
  t.deepEqual(e2.stored.dividends, [36044, 29490, 0, 0]);
  t.deepEqual(e2.stored.emission, [274_999_999n, 224_999_999n, 250_000_000n, 250_000_000n]);
  t.deepEqual(e2.stored.bonds, [[[2, 65535], [3, 65535]], [[2, 53619], [3, 53619]], [], []]);

  // Block 5003: both validators active again, bonds carried from 5002.
  await chain.newBlocks(1);
  const e3 = await assertEpochParity(t, api, NETUID, await hashAt(chain, 5003));
  t.true(e3.input.alphaStake[0]! > e3.input.alphaStake[1]!, 'the 5002 payouts made stakes unequal (read back and fed to the pure module)');
  t.deepEqual(e3.stored.dividends, [35716, 29818, 0, 0]);
  t.deepEqual(e3.stored.emission, [272_501_132n, 227_498_866n, 250_000_000n, 250_000_000n]);
  t.deepEqual(e3.stored.bonds, [[[2, 65535], [3, 65535]], [[2, 54712], [3, 54712]], [], []]);
});
