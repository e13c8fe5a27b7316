import test from 'ava';
import { emaStep, hotkeysOf, reconcileHotkeys, updateScores, type ScoreEntry } from '../src/scores.ts';

const opts = { alpha: 0.25, availabilityAlpha: 0.5 };

test('emaStep starts at the first value, then mixes with alpha', (t) => {
  t.is(emaStep(undefined, 2, 0.25), 2);
  t.is(emaStep(2, 1, 0.25), 1.75);
  t.is(emaStep(1.75, 1, 0.25), 1.5625);
});

test('updateScores folds losses and availability for queried uids only', (t) => {
  let s = updateScores(
    new Map(),
    [
      { uid: 1, hotkey: 'h1', loss: 2, available: true },
      { uid: 2, hotkey: 'h2', loss: 10, available: false },
    ],
    opts,
  );
  s = updateScores(s, [{ uid: 1, hotkey: 'h1', loss: 1, available: false }], opts);
  s = updateScores(s, [{ uid: 1, hotkey: 'h1', loss: 1, available: true }], opts);
  t.deepEqual(s.get(1), { hotkey: 'h1', emaLoss: 1.5625, availability: 0.75, rounds: 3 });
  t.deepEqual(s.get(2), { hotkey: 'h2', emaLoss: 10, availability: 0, rounds: 1 }, 'not queried: unchanged');
  t.false(s.has(3));
});

test('updateScores restarts an entry whose hotkey changed', (t) => {
  const prev = new Map<number, ScoreEntry>([[1, { hotkey: 'old', emaLoss: 0.3, availability: 1, rounds: 9 }]]);
  const s = updateScores(prev, [{ uid: 1, hotkey: 'new', loss: 4, available: true }], opts);
  t.deepEqual(s.get(1), { hotkey: 'new', emaLoss: 4, availability: 1, rounds: 1 });
  t.is(prev.get(1)!.rounds, 9, 'input not mutated');
});

test('reconcileHotkeys drops uids whose hotkey changed or that left', (t) => {
  const prev = new Map<number, ScoreEntry>([
    [0, { hotkey: 'a', emaLoss: 1, availability: 1, rounds: 1 }],
    [1, { hotkey: 'b', emaLoss: 2, availability: 1, rounds: 1 }],
    [2, { hotkey: 'c', emaLoss: 3, availability: 1, rounds: 1 }],
  ]);
  const { kept, reset } = reconcileHotkeys(
    prev,
    hotkeysOf(prev),
    new Map([
      [0, 'a'],
      [1, 'B'],
    ]),
  );
  t.deepEqual([...kept.keys()], [0]);
  t.deepEqual(reset, [1, 2]);
});
