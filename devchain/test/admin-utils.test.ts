import test from 'ava';
import { adminWindowOpen } from '../src/pallets/admin-utils.ts';
import { startChain, exec, key, type Chain } from './_helpers/subtensor.ts';

const alice = key('//Alice'); // subnet owner and sudo key
const bob = key('//Bob');
const TEMPO = 30;

// Subnet 1 owned by //Alice, tempo 30: LastEpochBlock starts at 0, epochs fire at blocks 30, 60, 90…
// With the default AdminFreezeWindow 10, owner calls are frozen in blocks 21..29, 51..59, 81..89.
// Owner rate limit: OwnerHyperparamRateLimit 2 × 30 = 60 blocks; weights version key 5 × 30 = 150.
const genesis = {
  subnets: [{ netuid: 1, owner: '//Alice', hyperparams: { tempo: TEMPO, commitRevealEnabled: false } }],
};

async function head(chain: Chain): Promise<number> {
  return (await chain.api.rpc.chain.getHeader()).number.toNumber();
}

/** Seals empty blocks until the next extrinsic lands in block `target`. */
async function nextExecAt(t: { is(a: unknown, b: unknown, m?: string): void }, chain: Chain, target: number): Promise<void> {
  const h = await head(chain);
  if (target - 1 > h) await chain.newBlocks(target - 1 - h);
  t.is(await head(chain), target - 1, `chain is at block ${target - 1} before the extrinsic`);
}

test('owner setters: per-hyperparameter rate limit, root exempt, freeze window before the epoch', async (t) => {
  const chain = await startChain(t, genesis);
  const { api } = chain;
  const q = api.query.subtensorModule;
  const sudo = api.tx.sudo.sudo;
  const au = api.tx.adminUtils;

  t.is(api.errors.subtensorModule.TxRateLimitExceeded.meta.index.toNumber(), 64);
  t.is(api.errors.subtensorModule.AdminActionProhibitedDuringWeightsWindow.meta.index.toNumber(), 107);
  t.is((await q.adminFreezeWindow()).toNumber(), 10);
  t.is((await q.ownerHyperparamRateLimit()).toNumber(), 2);
  t.is((await q.weightsVersionKeyRateLimit()).toNumber(), 5);

  // Block 1: the owner changes immunity_period (call 13).
  await nextExecAt(t, chain, 1);
  const first = await exec(chain, au.sudoSetImmunityPeriod(1, 100), alice);
  t.true(first.ok, first.error);
  t.true(first.events.includes('subtensorModule.ImmunityPeriodSet'));
  t.is((await q.immunityPeriod(1)).toNumber(), 100);
  t.is((await q.lastOwnerHyperparamUpdate(1, 13)).toNumber(), 1);
  // Block 2: the same hyperparameter again is rate limited; a different one is not (block 3).
  t.is((await exec(chain, au.sudoSetImmunityPeriod(1, 200), alice)).error, 'subtensorModule.TxRateLimitExceeded');
  t.is((await q.immunityPeriod(1)).toNumber(), 100);
  const other = await exec(chain, au.sudoSetServingRateLimit(1, 7), alice);
  t.true(other.ok, other.error);
  t.is((await q.servingRateLimit(1)).toNumber(), 7);
  // Block 4: root (sudo) is exempt and does not reset the owner's clock.
  const root = await exec(chain, sudo(au.sudoSetImmunityPeriod(1, 300)), alice);
  t.true(root.ok, root.error);
  t.is((await q.immunityPeriod(1)).toNumber(), 300);
  t.is((await q.lastOwnerHyperparamUpdate(1, 13)).toNumber(), 1);
  // Block 5: the owner sets the weights version key (call 6); a non-owner signer is rejected.
  t.true((await exec(chain, au.sudoSetWeightsVersionKey(1, 7), alice)).ok);
  t.is((await exec(chain, au.sudoSetRho(1, 5), bob)).error, 'BadOrigin');

  // Freeze window: block 20 has exactly 10 blocks left (open), block 21 has 9 (frozen).
  await nextExecAt(t, chain, 20);
  const edge = await exec(chain, au.sudoSetBondsPenalty(1, 1000), alice);
  t.true(edge.ok, edge.error);
  t.is((await exec(chain, au.sudoSetRho(1, 5), alice)).error, 'subtensorModule.AdminActionProhibitedDuringWeightsWindow');
  t.is((await q.rho(1)).toNumber(), 10, 'rho unchanged (default)');
  const rootInWindow = await exec(chain, sudo(au.sudoSetKappa(1, 100)), alice);
  t.true(rootInWindow.ok, `root is not frozen on the devchain: ${rootInWindow.error}`);
  // After the epoch at block 30 the window is open again.
  await nextExecAt(t, chain, 31);
  t.is((await q.lastEpochBlock(1)).toNumber(), 30);
  const after = await exec(chain, au.sudoSetRho(1, 5), alice);
  t.true(after.ok, after.error);
  t.is((await q.rho(1)).toNumber(), 5);

  // Rate limit boundary: immunity_period was last changed by the owner at block 1; 60 blocks later it passes.
  await nextExecAt(t, chain, 60);
  t.is((await exec(chain, au.sudoSetImmunityPeriod(1, 400), alice)).error, 'subtensorModule.TxRateLimitExceeded', '59 blocks after');
  const again = await exec(chain, au.sudoSetImmunityPeriod(1, 400), alice);
  t.true(again.ok, `61: ${again.error}`);
  t.is((await q.immunityPeriod(1)).toNumber(), 400);
  // Block 66: the version key (last at 5) is still limited (5 × tempo) while serving_rate_limit (last at 3) passes.
  await nextExecAt(t, chain, 66);
  t.is((await exec(chain, au.sudoSetWeightsVersionKey(1, 8), alice)).error, 'subtensorModule.TxRateLimitExceeded');
  t.true((await exec(chain, au.sudoSetServingRateLimit(1, 9), alice)).ok);
  t.is((await q.weightsVersionKey(1)).toNumber(), 7);
});

test('root-only sudo_set_admin_freeze_window and sudo_set_owner_hparam_rate_limit lift the limits', async (t) => {
  const chain = await startChain(t, genesis);
  const { api } = chain;
  const q = api.query.subtensorModule;
  const au = api.tx.adminUtils;
  t.is((await exec(chain, au.sudoSetAdminFreezeWindow(0), alice)).error, 'BadOrigin', 'the owner is not root');
  t.is((await exec(chain, au.sudoSetOwnerHparamRateLimit(0), alice)).error, 'BadOrigin');
  t.true((await exec(chain, api.tx.sudo.sudo(au.sudoSetAdminFreezeWindow(0)), alice)).ok);
  t.true((await exec(chain, api.tx.sudo.sudo(au.sudoSetOwnerHparamRateLimit(0)), alice)).ok);
  t.is((await q.adminFreezeWindow()).toNumber(), 0);
  t.is((await q.ownerHyperparamRateLimit()).toNumber(), 0);
  // Blocks 28 and 29 (inside the default window) with window 0, the same hyperparameter twice in a row.
  await nextExecAt(t, chain, 28);
  t.true((await exec(chain, au.sudoSetRho(1, 3), alice)).ok);
  const twice = await exec(chain, au.sudoSetRho(1, 4), alice);
  t.true(twice.ok, twice.error);
  t.is((await q.rho(1)).toNumber(), 4);
});

test('adminWindowOpen: pending triggered epoch closes it, tempo 0 keeps it open, boundary at exactly `window` blocks', (t) => {
  const base = { tempo: 30, lastEpochBlock: 60n, pendingEpochAt: 0n, window: 10 };
  t.true(adminWindowOpen(base, 80), '10 blocks left');
  t.false(adminWindowOpen(base, 81), '9 blocks left');
  t.false(adminWindowOpen(base, 95), 'overdue');
  t.false(adminWindowOpen({ ...base, pendingEpochAt: 75n }, 61), 'a triggered epoch is pending');
  t.true(adminWindowOpen({ ...base, tempo: 0, pendingEpochAt: 75n }, 89), 'tempo 0: no epochs');
  t.true(adminWindowOpen({ ...base, window: 0 }, 89));
});
