/**
 * Issue 10 item 1 over a real devchain: liquid alpha reads the stored weight row with upstream's
 * forward cursor, so the order in which a validator sends its uids changes its bonds. Two identical
 * subnets; the validator sends the same weights sorted on subnet 1 and unsorted on subnet 2.
 * Upstream: the entry stored after a larger column (uid 1 on subnet 2) is read as weight 0, so its
 * liquid alpha (and the bond) differs, while the bond to uid 2 is the same on both subnets.
 */
import test from 'ava';
import { startChain, exec, key, type Chain } from './_helpers/subtensor.ts';

const v = key('//Bob//v1');

const subnet = (netuid: number) => ({
  netuid,
  owner: '//Alice',
  hyperparams: {
    tempo: 4,
    commitRevealEnabled: false,
    weightsSetRateLimit: 0,
    minAllowedWeights: 1,
    yuma3Enabled: true,
    liquidAlphaEnabled: true,
    alphaValues: [6553, 45875],
    bondsPenalty: 0,
  },
  neurons: [
    { hotkey: '//Bob//v1', coldkey: '//Bob', stake: 100, validatorPermit: true },
    { hotkey: '//Charlie//m1', coldkey: '//Charlie' },
    { hotkey: '//Dave//m2', coldkey: '//Dave' },
  ],
});

const epochIndex = async (chain: Chain, netuid: number): Promise<number> =>
  (await chain.api.query.subtensorModule.subnetEpochIndex(netuid)).toNumber();

/** Seals blocks until both subnets ran one more epoch (at most 20 blocks). */
async function nextEpochOnBoth(chain: Chain): Promise<void> {
  const start = [await epochIndex(chain, 1), await epochIndex(chain, 2)];
  for (let i = 0; i < 20; i++) {
    await chain.newBlocks(1);
    if ((await epochIndex(chain, 1)) > start[0]! && (await epochIndex(chain, 2)) > start[1]!) return;
  }
  throw new Error('no epoch within 20 blocks');
}

const bondRow = async (chain: Chain, netuid: number): Promise<Map<number, number>> =>
  new Map((await chain.api.query.subtensorModule.bonds(netuid, 0)).map(([j, b]) => [j.toNumber(), b.toNumber()]));

test("set_weights with unsorted uids gets upstream's liquid-alpha bonds (the entry after a larger uid is read as 0)", async (t) => {
  const chain = await startChain(t, { subnets: [subnet(1), subnet(2)] });
  const { api } = chain;
  // Epoch 1: weight on uid 1 only, so both subnets hold the same prior bond to uid 1.
  for (const netuid of [1, 2]) t.true((await exec(chain, api.tx.subtensorModule.setWeights(netuid, [1], [65535], 0), v)).ok);
  await nextEpochOnBoth(chain);
  const prior1 = await bondRow(chain, 1);
  t.true((prior1.get(1) ?? 0) > 0, 'a prior bond to uid 1');
  t.deepEqual([...(await bondRow(chain, 2))], [...prior1]);
  // Epoch 2: the same weights, sorted on subnet 1 and unsorted on subnet 2.
  t.true((await exec(chain, api.tx.subtensorModule.setWeights(1, [1, 2], [32768, 65535], 0), v)).ok);
  t.true((await exec(chain, api.tx.subtensorModule.setWeights(2, [2, 1], [65535, 32768], 0), v)).ok);
  t.deepEqual(
    (await api.query.subtensorModule.weights(2, 0)).map(([j]) => j.toNumber()),
    [2, 1],
    'stored in the order sent',
  );
  await nextEpochOnBoth(chain);
  const sorted = await bondRow(chain, 1);
  const unsorted = await bondRow(chain, 2);
  t.is(unsorted.get(2), sorted.get(2), 'uid 2 is read the same way on both');
  // Subnet 2 reads w = 0 < prior bond for uid 1 (the "sell" side, d = bond): a larger alpha, the
  // new weight pulls its bond up faster than on subnet 1, where w ≥ bond and d = w − C = 0.
  t.true(unsorted.get(1)! > sorted.get(1)!, `uid 1: unsorted ${unsorted.get(1)} vs sorted ${sorted.get(1)}`);
});
