import test from 'ava';
import pino from 'pino';
import { parseScoringConfig } from '../src/config.ts';
import { maxValidLoss } from '../src/evaluate.ts';
import { runRound, type RoundDeps } from '../src/round.ts';
import { batchHash, deriveRoundSeed } from '../src/seed.ts';
import { emptyState } from '../src/state.ts';
import { behaviours, FakeChain, FakeDataSource, FakeQuerier, neuron, OWN_HOTKEY } from './_helpers/fakes.ts';

const cfg = parseScoringConfig({ batchSize: 8, roundLengthBlocks: 5, copyMinRounds: 2, queryDeadlineMs: 50 });
const WORST = maxValidLoss(10);
const near = (a: number | null | undefined, b: number, tol = 1e-6): boolean => a !== null && a !== undefined && Math.abs(a - b) < tol;

function setup(): { chain: FakeChain; data: FakeDataSource; querier: FakeQuerier; deps: RoundDeps } {
  const chain = new FakeChain();
  chain.block = 102;
  chain.neurons.push(neuron(1), neuron(2), neuron(3), neuron(4), neuron(5), neuron(6, { port: 0 }));
  const data = new FakeDataSource();
  const querier = new FakeQuerier(data.labelsOf);
  querier.behaviours.set(1, behaviours.good(0.9));
  querier.behaviours.set(2, behaviours.nan());
  querier.behaviours.set(3, behaviours.wrongShape());
  querier.behaviours.set(4, behaviours.timeout(50));
  querier.behaviours.set(5, behaviours.good(0.6));
  return { chain, data, querier, deps: { chain, querier, data, log: pino({ level: 'silent' }) } };
}

test('a full round scores a NaN, a wrong shape, a timeout and good miners as it should', async (t) => {
  const { chain, data, querier, deps } = setup();
  const { state, report, standings } = await runRound(deps, cfg, await chain.snapshot(), emptyState(1, OWN_HOTKEY));

  t.deepEqual(querier.calls, [{ uids: [1, 2, 3, 4, 5], deadlineMs: 50 }], 'all serving miners but self, at once, one deadline');
  const seed = deriveRoundSeed(FakeChain.hashOf(100), 'mnist', 20);
  t.deepEqual(data.seeds, [seed], "seeded by the hash of the round's first block (100 = 20 * 5)");
  t.like(report, {
    roundId: 20,
    block: 102,
    seedBlock: 100,
    seed,
    batchSize: 8,
    resetUids: [],
    validatorHotkey: OWN_HOTKEY,
    validatorUid: 0,
  });
  t.is(report.batchHash, batchHash(data.sampleRoundBatch(seed, 8).input.data));

  const line = (uid: number) => report.miners.find((m) => m.uid === uid)!;
  t.deepEqual(
    report.miners.map((m) => [m.uid, m.status]),
    [
      [1, 'ok'],
      [2, 'non-finite'],
      [3, 'wrong-shape'],
      [4, 'timeout'],
      [5, 'ok'],
    ],
  );
  t.true(near(line(1).loss, -Math.log(0.9)), `uid 1 loss ${line(1).loss}`);
  t.true(near(line(5).loss, -Math.log(0.6)), `uid 5 loss ${line(5).loss}`);
  for (const uid of [2, 3, 4]) {
    t.is(line(uid).loss, WORST);
    t.is(line(uid).availability, 0);
    t.is(line(uid).rank, null);
    t.is(line(uid).prize, 0);
  }
  t.is(line(4).latencyMs, 50);
  t.is(line(4).detail, 'deadline exceeded');
  t.is(line(1).accuracy, 1);
  t.is(line(1).responseHash, '0x01');
  t.deepEqual(standings.ranked, [1, 5]);
  t.like(line(1), { rank: 1, prize: 0.625, emaLoss: line(1).loss, availability: 1 });
  t.is(line(5).rank, 2);
  t.true(near(line(5).prize, 0.375, 1e-12));
  t.is(state.lastRoundId, 20);
  t.is(state.scores.size, 5);
  t.false(state.scores.has(6), 'not serving: not queried, no score');
});

test('the EMA moves across rounds and resets when a uid changes hands', async (t) => {
  const { chain, querier, deps } = setup();
  let { state } = await runRound(deps, cfg, await chain.snapshot(), emptyState(1, OWN_HOTKEY));
  querier.behaviours.set(1, behaviours.good(0.5));
  chain.block = 105;
  chain.neurons[5] = neuron(5, { hotkey: 'new-owner', registrationBlock: 104 });
  const r2 = await runRound(deps, cfg, await chain.snapshot(), state);
  state = r2.state;
  t.true(near(state.scores.get(1)!.emaLoss, 0.1 * -Math.log(0.5) + 0.9 * -Math.log(0.9)));
  t.is(state.scores.get(1)!.rounds, 2);
  t.deepEqual(r2.report.resetUids, [5]);
  t.like(state.scores.get(5), { hotkey: 'new-owner', rounds: 1 });
  t.true(near(state.scores.get(5)!.emaLoss, -Math.log(0.6)));
  t.true(near(state.scores.get(2)!.availability, 0));
});

test("a miner repeating another's answers at the same speed shares ONE slot with it after copyHits rounds", async (t) => {
  const { chain, querier, deps } = setup();
  chain.neurons.push(neuron(7));
  querier.behaviours.set(7, behaviours.good(0.9));
  const cfg2 = { ...cfg, copyHits: 2 };
  const r1 = await runRound(deps, cfg2, await chain.snapshot(), emptyState(1, OWN_HOTKEY));
  t.like(
    r1.report.miners.find((m) => m.uid === 7),
    { copyOf: null, cluster: null },
    'one similar round is not enough',
  );
  chain.block = 105;
  const r2 = await runRound(deps, cfg2, await chain.snapshot(), r1.state);
  // Same latency every round: no telling who copied, so one slot, paid to the earlier registration (uid 1).
  t.like(
    r2.report.miners.find((m) => m.uid === 7),
    { copyOf: null, cluster: [1, 7], rank: null, prize: 0 },
  );
  t.like(r2.report.miners.find((m) => m.uid === 7)!.copyFinding, {
    kind: 'cluster',
    reason: 'ambiguous',
    peer: 1,
    hits: 2,
    flaggedRounds: 2,
    laterSelf: 0,
    laterPeer: 0,
  });
  t.like(
    r2.report.miners.find((m) => m.uid === 1),
    { cluster: [1, 7], rank: 1 },
  );
  t.deepEqual(r2.standings.ranked, [1, 5]);
  querier.behaviours.set(7, behaviours.good(0.8));
  let state = r2.state;
  for (const block of [110, 115, 120]) {
    chain.block = block;
    state = (await runRound(deps, cfg2, await chain.snapshot(), state)).state;
  }
  chain.block = 125;
  const r3 = await runRound(deps, cfg2, await chain.snapshot(), state);
  t.like(
    r3.report.miners.find((m) => m.uid === 7),
    { copyOf: null, cluster: null, rank: 2 },
    'diverged for the window: ranked on its own',
  );
});

test('a querier that fails as a whole scores every miner unavailable instead of crashing', async (t) => {
  const { chain, querier, deps } = setup();
  querier.failNext = new Error('channel closed');
  const { report } = await runRound(deps, cfg, await chain.snapshot(), emptyState(1, OWN_HOTKEY));
  t.true(report.miners.every((m) => m.status === 'error' && m.loss === WORST && m.detail === 'querier failed: channel closed'));
});
