import test from 'ava';
import { legacyEpochIndex, nextBlockEpochIndex, type EpochSchedule } from '../src/adapters/chain-view.ts';

const base: EpochSchedule = { tempo: 10, subnetEpochIndex: 3, lastEpochBlock: 30, pendingEpochAt: 0, blocksSinceLastStep: 0 };

test('the epoch of the next block: +1 only when an epoch fires in it (tempo, trigger, forced)', (t) => {
  t.is(nextBlockEpochIndex(base, 30), 3, 'just after an epoch');
  t.is(nextBlockEpochIndex(base, 38), 3, 'block 39 is still in epoch 3');
  t.is(nextBlockEpochIndex(base, 39), 4, 'the epoch fires in block 40: a commit sent at 39 is counted in epoch 4');
  t.is(nextBlockEpochIndex({ ...base, pendingEpochAt: 34 }, 33), 4, 'a triggered epoch fires at PendingEpochAt');
  t.is(nextBlockEpochIndex({ ...base, pendingEpochAt: 34 }, 32), 3);
  t.is(nextBlockEpochIndex({ ...base, blocksSinceLastStep: 50_400 }, 31), 4, 'forced after 50 400 blocks without a step');
  t.is(nextBlockEpochIndex({ ...base, tempo: 0 }, 1000), 3, 'tempo 0: no epochs');
});

test('the legacy epoch index formula', (t) => {
  t.is(legacyEpochIndex(0, 1, 10), 0);
  t.is(legacyEpochIndex(9, 1, 10), 1);
  t.is(legacyEpochIndex(8, 1, 10), 0);
});
