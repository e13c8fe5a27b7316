/**
 * Seeded short versions of `npm run chaos`: a few SIGKILLs of the devchain and the validator's state
 * writer with every crash check, and 15 s of mixed load on a devchain. The full runs (20 kills each, a
 * soak of the whole competition, 10 minutes of load) are `npm run chaos -- crash|soak|load`.
 */
import test from 'ava';
import { devchainLoop, validatorLoop } from './crash.ts';
import { runLoad } from './load.ts';

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

test('load: 20 WebSocket clients and transfers for 15 s; blocks keep their time, no client starved', async (t) => {
  const r = await runLoad({ minutes: 0.25, seed: SEED, clients: 20 }, quiet);
  t.deepEqual(r.problems, []);
  t.true((r.transfersAccepted as number) > 0);
});
