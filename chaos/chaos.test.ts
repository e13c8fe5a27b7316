/**
 * Seeded short versions of `npm run chaos`: a few SIGKILLs of the devchain and the validator's state
 * writer with every crash check, and 15 s of mixed load on a devchain. The full runs (20 kills each, a
 * soak of the whole competition, 10 minutes of load) are `npm run chaos -- crash|soak|load`.
 */
import test from 'ava';
import { devchainLoop, validatorLoop } from './crash.ts';
import { runLoad } from './load.ts';
import type { WeightsLoadResult } from './weights-load.ts';

const SEED = 1204;
const quiet = (): void => undefined;

test('crash loop: the validator state survives 4 SIGKILLs mid-save (no lost EMA or pending commit)', async (t) => {
  const r = await validatorLoop({ iterations: 4, seed: SEED }, quiet);
  t.deepEqual(r.violations, []);
  t.is(r.kills, 4);
  t.true((r.detail.saves as number) > 0, 'nothing was saved before the kills');
});

test('crash loop: the devchain survives 2 SIGKILLs during block production (no lost block, no double-spent nonce)', async (t) => {
  const r = await devchainLoop({ iterations: 2, seed: SEED }, quiet);
  t.deepEqual(r.violations, []);
  t.true((r.detail.transfersIncluded as number) > 0, 'no transfer was included: the loop checked nothing');
});

test('load: 20 WebSocket clients, transfers and 64 validators setting weights for 30 s; blocks keep their time, no client or validator starved', async (t) => {
  // uid 64 never sends: the tempo check must name it, and only it (the other 63 must land every tempo).
  const r = await runLoad({ minutes: 0.5, seed: SEED, clients: 20, silentUids: [64] }, quiet);
  const w = r.setWeights as WeightsLoadResult;
  t.deepEqual(r.problems, [`weights of validators (uids 64) older than 20 blocks in ${w.checks} checks`]);
  t.true(w.checks >= 1, 'no tempo check ran');
  t.deepEqual(w.starvedValidators, [64]);
  t.true(w.included >= 63 * 3, `expected each of 63 validators to land every 5 blocks, found ${w.included} inclusions`);
  t.is(w.refused, 0);
  t.is(w.gapBlocks.p50, 5, 'validators did not set weights at the 5-block rate limit');
  t.true(w.gapBlocks.max <= 20, `a validator waited ${w.gapBlocks.max} blocks between two inclusions (tempo 20)`);
  t.true((r.transfersAccepted as number) > 0);
});
