/**
 * The relay guard in its worker thread (what the server runs): same verdicts as the in-process guard, refusals
 * as ProtocolError `relayed`, checks in arrival order, the caller's batch left untouched, and a clean close.
 */
import { ProtocolError } from '#protocol';
import { generatedRoundBatch } from '#training';
import test from 'ava';
import { RelayGuardThread } from '../../src/server/index.ts';

const batchOf = (seed: string, rows = 256): Float32Array => generatedRoundBatch(seed, rows).inputs;

test('a relayed batch is refused as `relayed` naming the first sender; fresh batches pass', async (t) => {
  const thread = new RelayGuardThread();
  t.teardown(() => thread.close());
  const source = batchOf('validator-secret');
  const kept = source.slice();
  for (const [caller, seed] of [
    ['validator-a', 'a/1'],
    ['validator-b', 'b/1'],
  ] as const) {
    const input = batchOf(seed);
    const v = await thread.check(caller, input, 256, 1_000);
    t.true(v.relayed < 128, `${caller}: ${v.relayed} of 256 samples have a look-alike (each guard draws its own hyperplanes)`);
  }
  await thread.check('validator', source, 256, 1_001);
  t.deepEqual(source, kept, "the caller's batch is copied, not moved to the worker");
  const err = await t.throwsAsync(thread.check('proxy', source, 256, 1_002), { instanceOf: ProtocolError });
  t.is(err?.code, 'relayed');
  t.regex(err?.message ?? '', /256 of 256 samples were sent by validator/);
});

test('checks sent at once are answered in arrival order: the first sender wins, the later ones are refused', async (t) => {
  const thread = new RelayGuardThread();
  t.teardown(() => thread.close());
  const shared = batchOf('one-batch', 128);
  const results = await Promise.allSettled(['first', 'second', 'third'].map((c) => thread.check(c, shared, 128, 5)));
  t.is(results[0]!.status, 'fulfilled');
  const [, second, third] = results;
  t.is(second!.status, 'rejected');
  if (second!.status === 'rejected') t.regex(String(second!.reason), /sent by first /);
  t.is(third!.status, 'rejected');
  if (third!.status === 'rejected') t.regex(String(third!.reason), /sent by (first|second) /, 'it names an earlier sender');
});

test('close refuses waiting and later checks as `unavailable`, and ends the worker', async (t) => {
  const thread = new RelayGuardThread();
  const waiting = thread.check('validator', batchOf('big', 1024), 1024, 1);
  await thread.close();
  const err = await t.throwsAsync(waiting, { instanceOf: ProtocolError });
  t.is(err?.code, 'unavailable');
  const later = await t.throwsAsync(thread.check('validator', batchOf('x', 8), 8, 2), { instanceOf: ProtocolError });
  t.is(later?.code, 'unavailable');
});

test('ready() loads the worker once and resolves; checks after it use that worker; it refuses after close', async (t) => {
  const thread = new RelayGuardThread();
  await Promise.all([thread.ready(), thread.ready()]);
  await thread.ready();
  const v = await thread.check('validator', batchOf('after-ready', 64), 64, 1);
  t.is(v.total, 64);
  await thread.close();
  const err = await t.throwsAsync(thread.ready(), { instanceOf: ProtocolError });
  t.is(err?.code, 'unavailable');
});
