import test from 'ava';
import {
  activityCutoffBlocks,
  blocksUntilNextEpoch,
  commitEpochIndex,
  consumeEpochSlot,
  initialLastEpochBlock,
  initialScheduleState,
  isCommitExpired,
  isEpochDue,
  isRevealEpoch,
  legacyBlocksUntilNextEpoch,
  legacyEpochIndex,
  nextEpochBlock,
  type EpochScheduleState,
} from './schedule.ts';

const state = (over: Partial<EpochScheduleState> = {}): EpochScheduleState => ({
  tempo: 360,
  lastEpochBlock: 1000,
  pendingEpochAt: 0,
  subnetEpochIndex: 7,
  blocksSinceLastStep: 0,
  ...over,
});

test('dynamic tempo: due every tempo blocks from LastEpochBlock', (t) => {
  t.false(isEpochDue(state(), 1359));
  t.true(isEpochDue(state(), 1360));
  t.is(blocksUntilNextEpoch(state(), 1000), 360);
  t.is(blocksUntilNextEpoch(state(), 1359), 1);
  t.is(blocksUntilNextEpoch(state(), 1360), 0);
  t.is(blocksUntilNextEpoch(state(), 2000), 0);
  t.is(nextEpochBlock(state()), 1360);
});

test('dynamic tempo: triggered epochs, the 50400-block safety valve, and tempo 0', (t) => {
  t.true(isEpochDue(state({ pendingEpochAt: 1010 }), 1010));
  t.false(isEpochDue(state({ pendingEpochAt: 1010 }), 1009));
  t.true(isEpochDue(state({ blocksSinceLastStep: 50_401 }), 1001));
  t.false(isEpochDue(state({ blocksSinceLastStep: 50_400 }), 1001));
  t.false(isEpochDue(state({ tempo: 0 }), 99_999));
  t.is(blocksUntilNextEpoch(state({ tempo: 0 }), 5), null);
  t.is(nextEpochBlock(state({ tempo: 0 })), null);
});

test('consuming a slot resets the cycle and bumps the epoch index', (t) => {
  const after = consumeEpochSlot(state({ pendingEpochAt: 1200, blocksSinceLastStep: 12 }), 1200);
  t.deepEqual(after, { tempo: 360, lastEpochBlock: 1200, pendingEpochAt: 0, subnetEpochIndex: 8, blocksSinceLastStep: 0 });
  t.false(isEpochDue(after, 1200));
  t.true(isEpochDue(after, 1560));
});

test('new subnets are staggered by netuid mod tempo', (t) => {
  t.is(initialLastEpochBlock(1000, 3, 360), 997);
  t.is(initialLastEpochBlock(1000, 365, 360), 995);
  t.is(initialLastEpochBlock(2, 5, 360), 0);
  t.is(initialLastEpochBlock(1000, 3, 0), 1000);
  const s = initialScheduleState(1000, 3, 10);
  t.is(blocksUntilNextEpoch(s, 1000), 7);
  t.deepEqual(s, { tempo: 10, lastEpochBlock: 997, pendingEpochAt: 0, subnetEpochIndex: 0, blocksSinceLastStep: 0 });
});

test('commit-reveal epoch index looks one epoch ahead when an epoch fires this block', (t) => {
  t.is(commitEpochIndex(7, false), 7);
  t.is(commitEpochIndex(7, true), 8);
  t.true(isRevealEpoch(7, 8, 1));
  t.false(isRevealEpoch(7, 7, 1));
  t.false(isCommitExpired(7, 8, 1));
  t.true(isCommitExpired(7, 9, 1));
});

test('activity cutoff from factor: 13889 milli at tempo 360 ⇒ 5000 blocks, never below 1', (t) => {
  t.is(activityCutoffBlocks(13_889, 360), 5000);
  t.is(activityCutoffBlocks(1000, 0), 1);
  t.is(activityCutoffBlocks(13_889, 1), 13);
});

test('legacy modulo schedule: period tempo + 1, examples of §7', (t) => {
  const due = (netuid: number, tempo: number, from: number, to: number): number[] => {
    const out: number[] = [];
    for (let b = from; b <= to; b++) if (legacyBlocksUntilNextEpoch(netuid, tempo, b) === 0) out.push(b);
    return out;
  };
  t.deepEqual(due(0, 100, 0, 310), [99, 200, 301]);
  t.deepEqual(due(1, 100, 0, 210), [98, 199]);
  t.deepEqual(due(0, 1, 0, 6), [0, 2, 4, 6]);
  t.is(legacyBlocksUntilNextEpoch(0, 0, 5), null);
  t.is(legacyEpochIndex(0, 100, 99), 0);
  t.is(legacyEpochIndex(0, 100, 100), 1);
});
