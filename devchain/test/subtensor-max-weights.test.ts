/**
 * Issue 10 item 10: `MaxWeightsLimit` as upstream. Upstream's `get_max_weight_limit` is the constant
 * 65535 (no limit), so any weight vector passes and subnet info reports 65535. The devchain keeps a
 * genesis opt-in (`hyperparams.maxWeightsLimit`) for the legacy limit, checked with upstream's
 * `check_vec_max_limited` arithmetic (I32F32, truncating), not exact fractions.
 */
import test from 'ava';
import { startChain, exec, key } from './_helpers/subtensor.ts';

const v = key('//Bob//mw-v');
const MINERS = 18;

const subnet = (netuid: number, hyperparams: Record<string, unknown>) => ({
  netuid,
  owner: '//Alice',
  hyperparams: { tempo: 100, commitRevealEnabled: false, weightsSetRateLimit: 0, minAllowedWeights: 1, ...hyperparams },
  neurons: [
    { hotkey: '//Bob//mw-v', coldkey: '//Bob', stake: 100, validatorPermit: true },
    ...Array.from({ length: MINERS }, (_, i) => ({ hotkey: `//Dave//mw-m${i}`, coldkey: '//Dave' })),
  ],
});

test('MaxWeightsLimit: 65535 reported and no limit by default; a genesis limit is checked in I32F32 as upstream', async (t) => {
  const chain = await startChain(t, { subnets: [subnet(1, {}), subnet(2, { maxWeightsLimit: 3641 })] });
  const { api } = chain;
  // Default subnet: everything on one miner is accepted; storage and subnet info say 65535.
  t.is((await api.query.subtensorModule.maxWeightsLimit(1)).toNumber(), 65535);
  const info = await api.call.subnetInfoRuntimeApi!.getSubnetInfo!(1);
  t.is((info.toJSON() as { maxWeightsLimit?: number } | null)?.maxWeightsLimit, 65535, `subnet info ${JSON.stringify(info.toJSON())}`);
  const all = await exec(chain, api.tx.subtensorModule.setWeights(1, [1, 2], [65535, 1], 0), v);
  t.true(all.ok, all.error);

  // Subnet 2 opts into a limit of 3641/65535 ≈ 0.05556. Weights 17 × 65535 + 65481 over 18 miners:
  // max/Σ = 65535/1179576 ≈ 0.0555589, above 3641/65535 ≈ 0.0555581 in exact fractions (the old
  // devchain refused it), but both truncate to 238620217 as I32F32 bits, and upstream compares those.
  const uids = Array.from({ length: MINERS }, (_, i) => i + 1);
  const edge = await exec(chain, api.tx.subtensorModule.setWeights(2, uids, [...Array(17).fill(65535), 65481], 0), v);
  t.true(edge.ok, edge.error);
  // Clearly above the limit: refused.
  const over = await exec(chain, api.tx.subtensorModule.setWeights(2, [1, 2], [65535, 1], 0), v);
  t.is(over.error, 'subtensorModule.MaxWeightExceeded');
  t.is((await api.query.subtensorModule.maxWeightsLimit(2)).toNumber(), 3641);
});
