import test from 'ava';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { emptyState, loadState, saveState, STATE_FILE, type ValidatorState } from '../src/state.ts';
import { logSink } from './_helpers/log-sink.ts';

const HK = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const silent = pino({ level: 'silent' });

async function tempDir(t: { teardown(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'arena-vstate-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

function sample(): ValidatorState {
  const s = emptyState(3, HK);
  s.lastRoundId = 41;
  s.lastRoundBlock = 420;
  s.scores.set(5, { hotkey: 'hk5', emaLoss: 0.25, availability: 0.875, rounds: 12 });
  s.scores.set(1, { hotkey: 'hk1', emaLoss: 18.3, availability: 0, rounds: 2 });
  s.copy.pairs.set('1:5', { recent: [1, 0, 1], flagged: 2, aLater: 0, bLater: 2, rho: 0.97, kappa: null });
  s.copy.mixes.set('7>1,5', { recent: [1], r: 0.93, closer: 5 });
  s.copy.gates.set(5, { untilRound: 53, copyOf: 1 });
  s.timing = { lastWeightsBlock: 400, nextAttemptBlock: 0 };
  s.pendingCommits.push({
    hash: `0x${'ab'.repeat(32)}`,
    uids: [5],
    weights: [65535],
    salt: [1, 2],
    versionKey: '18446744073709551615',
    commitBlock: 401,
    commitEpoch: 4,
    revealEpoch: 5,
    nextRevealBlock: 0,
  });
  return s;
}

test('state round-trips through the file exactly', async (t) => {
  const path = join(await tempDir(t), STATE_FILE);
  await saveState(path, sample(), 1_000);
  const { state, outcome } = await loadState(path, { netuid: 3, hotkey: HK, maxAgeMs: 60_000, nowMs: 2_000, log: silent });
  t.is(outcome, 'restored');
  t.deepEqual(state, sample());
  t.deepEqual(await readdir(join(path, '..')), [STATE_FILE], 'no temp file left behind');
});

test('a missing file gives a fresh state', async (t) => {
  const { state, outcome } = await loadState(join(await tempDir(t), STATE_FILE), { netuid: 3, hotkey: HK, maxAgeMs: 1, log: silent });
  t.is(outcome, 'missing');
  t.deepEqual(state, emptyState(3, HK));
});

test('a state for another netuid or hotkey, or too old, is discarded with a log line', async (t) => {
  const path = join(await tempDir(t), STATE_FILE);
  await saveState(path, sample(), 1_000);
  const sink = logSink();
  t.is((await loadState(path, { netuid: 4, hotkey: HK, maxAgeMs: 60_000, nowMs: 2_000, log: sink.log })).outcome, 'incompatible');
  t.is((await loadState(path, { netuid: 3, hotkey: 'other', maxAgeMs: 60_000, nowMs: 2_000, log: sink.log })).outcome, 'incompatible');
  const stale = await loadState(path, { netuid: 3, hotkey: HK, maxAgeMs: 500, nowMs: 2_000, log: sink.log });
  t.is(stale.outcome, 'stale');
  t.deepEqual(stale.state, emptyState(3, HK));
  t.deepEqual(
    sink.lines().map((l) => l.msg),
    [
      'validator state is for another version, netuid or hotkey; discarded',
      'validator state is for another version, netuid or hotkey; discarded',
      'validator state too old; discarded',
    ],
  );
  const text = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  await writeFile(path, JSON.stringify({ ...text, version: 99 }));
  t.is((await loadState(path, { netuid: 3, hotkey: HK, maxAgeMs: 60_000, nowMs: 2_000, log: silent })).outcome, 'incompatible');
});

test('a corrupted file is moved aside and the validator starts fresh', async (t) => {
  const dir = await tempDir(t);
  const path = join(dir, STATE_FILE);
  for (const bad of ['{"version":1,"netu', '{"version":1}', '[]']) {
    await writeFile(path, bad);
    const sink = logSink();
    const { state, outcome } = await loadState(path, { netuid: 3, hotkey: HK, maxAgeMs: 60_000, nowMs: 7, log: sink.log });
    t.is(outcome, 'corrupt');
    t.deepEqual(state, emptyState(3, HK));
    t.deepEqual(await readdir(dir), [`${STATE_FILE}.corrupt-7`]);
    t.is(await readFile(join(dir, `${STATE_FILE}.corrupt-7`), 'utf8'), bad);
    t.is(sink.lines()[0]?.msg, 'validator state unreadable, moved aside; starting fresh');
    await rm(join(dir, `${STATE_FILE}.corrupt-7`));
  }
});

test('a version-1 file (pair counters) is migrated: counters become window hits, the rest is kept', async (t) => {
  const path = join(await tempDir(t), STATE_FILE);
  await saveState(path, sample(), 1_000);
  const v2 = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  delete v2.copy;
  await writeFile(
    path,
    JSON.stringify({
      ...v2,
      version: 1,
      copyCounters: [
        ['1:5', 2],
        ['2:3', 9],
        ['4:6', 0],
      ],
    }),
  );
  const { state, outcome } = await loadState(path, { netuid: 3, hotkey: HK, maxAgeMs: 60_000, nowMs: 2_000, log: silent });
  t.is(outcome, 'restored');
  t.deepEqual(
    [...state.copy.pairs],
    [
      ['1:5', { recent: [1, 1], flagged: 2, aLater: 0, bLater: 0, rho: null, kappa: null }],
      ['2:3', { recent: [1, 1, 1, 1, 1], flagged: 9, aLater: 0, bLater: 0, rho: null, kappa: null }],
    ],
  );
  t.is(state.copy.gates.size, 0);
  t.deepEqual(state.scores, sample().scores);
  await saveState(path, state, 1_500);
  t.is((JSON.parse(await readFile(path, 'utf8')) as { version: number }).version, 2, 'written back as the current version');
});

test('a version-2 file without copy detection state is refused as corrupt, not silently emptied', async (t) => {
  const path = join(await tempDir(t), STATE_FILE);
  await saveState(path, sample(), 1_000);
  const v2 = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  delete v2.copy;
  await writeFile(path, JSON.stringify(v2));
  t.is((await loadState(path, { netuid: 3, hotkey: HK, maxAgeMs: 60_000, nowMs: 2_000, log: silent })).outcome, 'corrupt');
});
