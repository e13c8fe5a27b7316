import test from 'ava';
import { TypeRegistry } from '@polkadot/types';
import { blake2AsHex } from '@polkadot/util-crypto';
import {
  afterFailure,
  afterSuccess,
  commitHash,
  decideWeights,
  INITIAL_TIMING,
  makeSalt,
  planCommit,
  planReveals,
  type WeightsTimingView,
} from '../src/weights.ts';

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const view = (o: Partial<WeightsTimingView> = {}): WeightsTimingView => ({
  block: 1000,
  ownUid: 0,
  hasPermit: true,
  ownLastUpdate: 0,
  hyperparams: { tempo: 100, weightsSetRateLimit: 50 },
  ...o,
});

test('weights are due on first run, then once per tempo', (t) => {
  t.deepEqual(decideWeights(view(), INITIAL_TIMING), { due: true });
  t.deepEqual(decideWeights(view({ ownLastUpdate: 950 }), INITIAL_TIMING), { due: false, reason: 'interval', nextBlock: 1050 });
  t.deepEqual(decideWeights(view({ ownLastUpdate: 900 }), INITIAL_TIMING), { due: true });
  t.deepEqual(
    decideWeights(view({ ownLastUpdate: 900 }), { lastWeightsBlock: 960, nextAttemptBlock: 0 }),
    { due: false, reason: 'interval', nextBlock: 1060 },
    'our own record counts too',
  );
  t.deepEqual(
    decideWeights(view({ ownLastUpdate: 990 }), INITIAL_TIMING, 5),
    { due: false, reason: 'rate-limit', nextBlock: 1040 },
    'a short interval still obeys the rate limit',
  );
});

test('weights wait for registration and a validator permit', (t) => {
  t.deepEqual(decideWeights(view({ ownUid: undefined }), INITIAL_TIMING), { due: false, reason: 'not-registered', nextBlock: 1001 });
  t.deepEqual(decideWeights(view({ hasPermit: false }), INITIAL_TIMING), { due: false, reason: 'no-permit', nextBlock: 1001 });
});

test('a failure is retried at the next allowed block, not at once', (t) => {
  const v = view({ ownLastUpdate: 800 });
  const failed = afterFailure(INITIAL_TIMING, v, 3);
  t.deepEqual(failed, { lastWeightsBlock: 0, nextAttemptBlock: 1003 });
  t.deepEqual(decideWeights({ ...v, block: 1001 }, failed), { due: false, reason: 'backoff', nextBlock: 1003 });
  t.deepEqual(decideWeights({ ...v, block: 1003 }, failed), { due: true });
  t.is(afterFailure(INITIAL_TIMING, view({ ownLastUpdate: 999 }), 1).nextAttemptBlock, 1049, 'rate limit wins over the delay');
  t.is(afterFailure(INITIAL_TIMING, view(), 0).nextAttemptBlock, 1001, 'delay is at least one block');
  t.deepEqual(afterSuccess(1004), { lastWeightsBlock: 1004, nextAttemptBlock: 0 });
});

test('commitHash is blake2-256 of the SCALE tuple (checked against @polkadot/types)', (t) => {
  const args = [ALICE, 3, [1, 2, 300], [65535, 0, 12], [7, 8, 9, 10, 11, 12, 13, 14], 42n] as const;
  const golden = '0x884047b43def3b1553127f9657e126572d041483f17967eb5f066a48ef81d5b0';
  t.is(commitHash(...args), golden);
  const encoded = new TypeRegistry().createType('(AccountId32,u16,Vec<u16>,Vec<u16>,Vec<u16>,u64)', [
    ALICE,
    3,
    [1, 2, 300],
    [65535, 0, 12],
    [7, 8, 9, 10, 11, 12, 13, 14],
    42,
  ]);
  t.is(blake2AsHex(encoded.toU8a(), 256), golden);
  t.is(
    commitHash(
      '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d',
      3,
      [1, 2, 300],
      [65535, 0, 12],
      [7, 8, 9, 10, 11, 12, 13, 14],
      42n,
    ),
    golden,
    'hex public key accepted',
  );
  t.throws(() => commitHash(ALICE, 70000, [], [], [], 0n), { instanceOf: RangeError, message: 'expected a u16, found 70000' });
});

test('salts are 8 random u16 values', (t) => {
  const s = makeSalt();
  t.is(s.length, 8);
  t.true(s.every((x) => Number.isInteger(x) && x >= 0 && x <= 65535));
  t.notDeepEqual(makeSalt(16), makeSalt(16));
});

test('a commit is revealed exactly in commit_epoch + RevealPeriodEpochs, and expires after', (t) => {
  const c = planCommit({
    hotkey: ALICE,
    netuid: 1,
    uids: [1],
    weights: [65535],
    versionKey: 2n,
    commitBlock: 500,
    commitEpoch: 4,
    revealPeriodEpochs: 1,
    salt: [1],
  });
  t.is(c.revealEpoch, 5);
  t.is(c.versionKey, '2');
  t.is(c.hash, commitHash(ALICE, 1, [1], [65535], [1], 2n));
  t.deepEqual(planReveals([c], 4, 550), { reveal: [], expired: [], waiting: [c] });
  t.deepEqual(planReveals([c], 5, 650), { reveal: [c], expired: [], waiting: [] });
  t.deepEqual(planReveals([{ ...c, nextRevealBlock: 651 }], 5, 650).waiting.length, 1, 'backing off after a failed reveal');
  t.deepEqual(planReveals([c], 6, 750), { reveal: [], expired: [c], waiting: [] });
  const later = { ...c, commitBlock: 400, hash: '0x01' };
  t.deepEqual(
    planReveals([c, later], 5, 650).reveal.map((x) => x.commitBlock),
    [400, 500],
    'oldest first',
  );
});
