/**
 * The Kaggle log-loss oracle attack (Whitehill 2017) against what a validator publishes. The held-out
 * items are a fixed pool the validator scores every round (the old demo's situation: 2,000 public digits).
 * The probing miner answers uniform probabilities except on one item per round, where it puts distinct
 * probabilities on the ten classes; from the published number for itself it solves for that item's label.
 * On the old report (per-round loss) it recovers every label; on the public report it must fall to chance.
 */
import test from 'ava';
import pino from 'pino';
import { parseScoringConfig } from '../src/config.ts';
import type { DataSource, RoundBatch } from '../src/ports.ts';
import { PublicLadder, type PublicRoundReport } from '../src/public-report.ts';
import type { RoundReport } from '../src/report.ts';
import { runRound } from '../src/round.ts';
import { emptyState, type ValidatorState } from '../src/state.ts';
import { behaviours, FakeChain, FakeQuerier, neuron, OWN_HOTKEY, type MinerBehaviour } from './_helpers/fakes.ts';

const ITEMS = 60;
const CLASSES = 10;
const ROUND = 5;
/** Probabilities the prober puts on class c of the probed item: distinct, so -ln p identifies c. */
const PROBE = Array.from({ length: CLASSES }, (_, c) => 2 ** c / (2 ** CLASSES - 1));

/** The same items every round, whatever the seed (a reused held-out pool). */
class FixedPool implements DataSource {
  readonly labels = Int32Array.from({ length: ITEMS }, (_, i) => (i * 7 + (i >> 2)) % CLASSES);
  readonly input = Float32Array.from({ length: ITEMS * 4 }, (_, i) => i / (ITEMS * 4));
  sampleRoundBatch(): RoundBatch {
    return { input: { data: this.input, shape: [ITEMS, 4] }, labels: this.labels, numClasses: CLASSES };
  }
}

/** The prober: uniform rows, the probe on item `round % ITEMS`. Never looks at labels. */
function prober(roundOf: () => number): MinerBehaviour {
  return () => {
    const data = new Float32Array(ITEMS * CLASSES).fill(1 / CLASSES);
    const item = roundOf() % ITEMS;
    for (let c = 0; c < CLASSES; c++) data[item * CLASSES + c] = PROBE[c]!;
    return { status: 'ok', output: { data, shape: [ITEMS, CLASSES] }, latencyMs: 2 };
  };
}

/** Solves loss = ((ITEMS-1) ln CLASSES - ln p) / ITEMS for the class whose probe value fits best. */
function decode(published: number | null): number {
  if (published === null) return 0;
  const lnP = (ITEMS - 1) * Math.log(CLASSES) - published * ITEMS;
  let best = 0;
  for (let c = 1; c < CLASSES; c++) if (Math.abs(Math.log(PROBE[c]!) - lnP) < Math.abs(Math.log(PROBE[best]!) - lnP)) best = c;
  return best;
}

async function attack(read: (full: RoundReport, pub: PublicRoundReport) => number | null): Promise<number> {
  const chain = new FakeChain();
  chain.neurons.push(neuron(1), neuron(2), neuron(3));
  const pool = new FixedPool();
  const querier = new FakeQuerier(() => pool.labels);
  let round = 0;
  querier.behaviours.set(
    1,
    prober(() => round),
  );
  querier.behaviours.set(2, behaviours.good(0.8));
  querier.behaviours.set(3, behaviours.good(0.6));
  const cfg = parseScoringConfig({ batchSize: ITEMS, roundLengthBlocks: ROUND, emaAlpha: 0.3 });
  const ladder = new PublicLadder(0.05);
  let state: ValidatorState = emptyState(1, OWN_HOTKEY);
  let correct = 0;
  for (round = 0; round < ITEMS; round++) {
    chain.block = (round + 1) * ROUND;
    const r = await runRound({ chain, querier, data: pool, log: pino({ level: 'silent' }) }, cfg, await chain.snapshot(), state);
    state = r.state;
    const label = decode(read(r.report, ladder.publish(r.report)));
    if (label === pool.labels[round % ITEMS]) correct++;
  }
  return correct / ITEMS;
}

test('the log-loss probe recovers every label from per-round losses, and none beyond chance from the public report', async (t) => {
  const fromFull = await attack((full) => full.miners.find((m) => m.uid === 1)!.loss);
  // The public report's only number per miner: the Ladder score.
  const fromPublic = await attack((_full, pub) => pub.miners.find((m) => m.uid === 1)!.score);
  t.log(
    `label recovery: old report ${(fromFull * 100).toFixed(0)}%, public report ${(fromPublic * 100).toFixed(0)}% (chance ${100 / CLASSES}%)`,
  );
  t.is(fromFull, 1, 'the old report leaks every probed label');
  t.true(fromPublic <= 0.2, `public report recovery ${fromPublic} should be at chance (0.1)`);
});

test('the public report carries no inputs, seed, batch hash, per-round loss or signed evidence', async (t) => {
  const chain = new FakeChain();
  chain.neurons.push(neuron(1));
  const pool = new FixedPool();
  const querier = new FakeQuerier(() => pool.labels);
  querier.behaviours.set(1, behaviours.good(0.8));
  const r = await runRound(
    { chain, querier, data: pool, log: pino({ level: 'silent' }) },
    parseScoringConfig({ batchSize: ITEMS }),
    await chain.snapshot(),
    emptyState(1, OWN_HOTKEY),
  );
  const pub = new PublicLadder(0.05).publish(r.report);
  const text = JSON.stringify(pub);
  for (const key of ['seed', 'batchHash', 'loss', 'emaLoss', 'accuracy', 'signedResponse', 'responses', 'responseHash', 'blockHash']) {
    t.false(new RegExp(`"${key}"`).test(text), `public report has no "${key}"`);
  }
  t.deepEqual(Object.keys(pub.miners[0]!).sort(), ['answered', 'copyOf', 'hotkey', 'prize', 'rank', 'score', 'uid']);
  t.is(pub.miners[0]!.score, 0.2, 'EMA loss -ln 0.8 = 0.223 shown on the 0.05 grid');
});

test('the ladder shows a new score only on an improvement larger than its step', (t) => {
  const l = new PublicLadder(0.05);
  t.is(l.score(1, 'a', 0.5), 0.5);
  t.is(l.score(1, 'a', 0.47), 0.5, 'a small improvement is not shown');
  t.is(l.score(1, 'a', 0.61), 0.5, 'nor a worsening');
  t.is(l.score(1, 'a', 0.44), 0.45, 'a significant one is, on the grid');
  t.is(l.score(1, 'b', 0.9), 0.9, 'a new hotkey at the uid starts over');
});
