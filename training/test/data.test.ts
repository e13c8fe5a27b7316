import test from 'ava';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  builtinCompetitionPath,
  loadCompetitionFile,
  loadHeldOutSplit,
  loadMnistDigits,
  loadTrainingSplit,
  parseCompetition,
  publicSplitIndices,
  sampleRoundBatch,
  scorePredictions,
} from '../src/index.ts';

const competition = loadCompetitionFile(builtinCompetitionPath('mnist'));

test('every shipped competition config parses', (t) => {
  const dir = new URL('../../configs/competitions/', import.meta.url).pathname;
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  t.true(files.length >= 1);
  for (const f of files) t.notThrows(() => loadCompetitionFile(join(dir, f)), f);
});

test('a competition config with an unknown key or a bad prize schedule is rejected with the field named', (t) => {
  t.throws(() => parseCompetition({ ...competition, extra: 1 }), { message: /extra|Unrecognized/ });
  t.throws(() => parseCompetition({ ...competition, prize: { type: 'power', p: -1, topK: 10 } }), { message: /prize\.p/ });
  t.throws(() => parseCompetition({ ...competition, inputShape: [28, 27] }), { message: /inputShape: expected 784/ });
});

test('the public digits load as 10,000 labelled 784-float samples', (t) => {
  const all = loadMnistDigits();
  t.is(all.count, 10000);
  t.is(all.inputs.length, 10000 * 784);
  t.true(all.inputs.every((v) => v >= 0 && v <= 1));
  t.deepEqual([...new Set(all.labels)].sort(), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
});

test('the split is fixed, disjoint and covers every digit once', (t) => {
  const a = publicSplitIndices(competition),
    b = publicSplitIndices(competition);
  t.deepEqual(a, b);
  t.is(a.heldOut.length, 2000);
  // The public digits only (syntheticCount 0); generated digits are checked below.
  const split = loadTrainingSplit({ ...competition, training: { ...competition.training, syntheticCount: 0 } });
  const held = new Set(loadHeldOutSplit(competition).indices);
  t.is(held.size, 2000);
  const minerIndices = [...split.train.indices, ...split.validation.indices];
  t.is(minerIndices.length, 8000);
  t.false(
    minerIndices.some((i) => held.has(i)),
    'a held-out digit is in the miner split',
  );
  t.is(new Set([...minerIndices, ...held]).size, 10000);
  t.is(split.validation.count, 800);
  const other = publicSplitIndices({ ...competition, heldOut: { ...competition.heldOut, splitSeed: 'another' } });
  t.notDeepEqual(other.heldOut, a.heldOut);
});

test('the training split mixes in syntheticCount generated digits, 10% of them for validation', (t) => {
  const split = loadTrainingSplit({ ...competition, training: { ...competition.training, syntheticCount: 500 } });
  t.is(split.train.count, 7200 + 450);
  t.is(split.validation.count, 800 + 50);
  t.true(
    split.train.indices.slice(7200).every((i) => i >= 1_000_000),
    'generated digits are indexed apart from the public ones',
  );
});

test('round batches are identical for the same seed, differ for another, and stay in range', (t) => {
  const heldOut = loadHeldOutSplit(competition);
  const seed = new Uint8Array(32).fill(7);
  const a = sampleRoundBatch(heldOut, seed, 256, competition.augmentation);
  const b = sampleRoundBatch(heldOut, Uint8Array.from(seed), 256, competition.augmentation);
  t.deepEqual(a, b);
  const c = sampleRoundBatch(heldOut, '0xdeadbeef', 256, competition.augmentation);
  t.notDeepEqual(a.indices, c.indices);
  t.is(new Set(a.indices).size, 256);
  t.true(a.inputs.every((v) => v >= 0 && v <= 1));
  t.is(a.labels[0], heldOut.labels[a.indices[0]!]);
  // Augmentation changes the pixels but keeps the image recognisable (most ink preserved).
  const raw = heldOut.inputs.subarray(a.indices[0]! * 784, (a.indices[0]! + 1) * 784);
  t.notDeepEqual(Array.from(a.inputs.subarray(0, 784)), Array.from(raw));
  t.throws(() => sampleRoundBatch(heldOut, seed, 5000), { message: /round batch size in 1\.\.2000/ });
});

test('heldOut.path replaces the public held-out split with a private file, checked on load', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'arena-heldout-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const good = join(dir, 'private.json');
  await writeFile(good, JSON.stringify({ data: new Array(2 * 784).fill(0.5), labels: [3, 9] }));
  const ds = loadHeldOutSplit({ ...competition, heldOut: { ...competition.heldOut, path: good } });
  t.is(ds.count, 2);
  t.deepEqual([...ds.labels], [3, 9]);
  const bad = join(dir, 'bad.json');
  await writeFile(bad, JSON.stringify({ data: [1, 2], labels: [1] }));
  t.throws(() => loadHeldOutSplit({ ...competition, heldOut: { ...competition.heldOut, path: bad } }), {
    message: /expected .*bad\.json to hold/,
  });
});

test('scorePredictions computes cross-entropy and accuracy and rejects malformed answers', (t) => {
  const probs = Float32Array.from([0.9, 0.1, 0.2, 0.8]);
  const s = scorePredictions(probs, [2, 2], [0, 0]);
  t.is(s.accuracy, 0.5);
  t.true(Math.abs(s.loss - (-Math.log(0.9) - Math.log(0.2)) / 2) < 1e-6);
  t.throws(() => scorePredictions(probs, [2, 3], [0, 0]), { message: /expected predictions of shape/ });
  t.throws(() => scorePredictions(Float32Array.from([Number.NaN, 1]), [1, 2], [0]), { message: /expected probabilities in \[0, 1\]/ });
});
