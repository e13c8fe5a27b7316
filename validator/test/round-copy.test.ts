/**
 * Copy detection through `runRound` with fake ports: a proxy that registered first and forwards
 * its victim's answers, and k sybils behind one model, against honest miners of different
 * architectures (synthetic answers with shared difficulty and label noise).
 */
import test from 'ava';
import pino from 'pino';
import { parseScoringConfig } from '../src/config.ts';
import type { QueryAnswer } from '../src/ports.ts';
import { runRound, type RoundDeps, type RoundResult } from '../src/round.ts';
import { emptyState, type ValidatorState } from '../src/state.ts';
import { FakeChain, FakeDataSource, FakeQuerier, neuron, type MinerBehaviour } from './_helpers/fakes.ts';
import { CLASSES, HONEST, honestAnswer, itemsFor, noisyCopy, type HonestModel } from './_helpers/synthetic-answers.ts';

const cfg = parseScoringConfig({ batchSize: 256, roundLengthBlocks: 5, queryDeadlineMs: 50 });

/**
 * A miner serving `model` with a fixed latency (ms); the same input always gets the same answer,
 * plus its own uniform noise of `noise` per output when given (a sybil hiding from byte closeness).
 */
function serving(model: HonestModel, latencyMs: number, noise?: { sigma: number; seed: number }): MinerBehaviour {
  return (input, labels) => {
    const seed = Math.round(input.data[0]! * 1e6) + labels.length;
    const clean = honestAnswer(model, itemsFor(labels, seed), seed);
    const probs = noise === undefined ? clean : noisyCopy(clean, noise.sigma, noise.seed * 7919 + seed);
    return { status: 'ok', output: { data: probs, shape: [labels.length, CLASSES] }, latencyMs };
  };
}

/** A proxy: asks `victim` after the validator asked it, so it answers `extraMs` later. */
function proxyOf(victim: MinerBehaviour, extraMs: number): MinerBehaviour {
  return (input, labels) => {
    const a: QueryAnswer = victim(input, labels);
    return { ...a, latencyMs: a.latencyMs + extraMs };
  };
}

function world(): { chain: FakeChain; querier: FakeQuerier; deps: RoundDeps } {
  const chain = new FakeChain();
  chain.block = 100;
  const data = new FakeDataSource(4, CLASSES);
  const querier = new FakeQuerier(data.labelsOf);
  return { chain, querier, deps: { chain, querier, data, log: pino({ level: 'silent' }) } };
}

async function rounds(
  w: ReturnType<typeof world>,
  n: number,
  start: ValidatorState = emptyState(1, w.chain.ownHotkey),
): Promise<RoundResult[]> {
  const out: RoundResult[] = [];
  let state = start;
  for (let i = 0; i < n; i++) {
    const r = await runRound(w.deps, cfg, await w.chain.snapshot(), state);
    out.push(r);
    state = r.state;
    w.chain.block += cfg.roundLengthBlocks;
  }
  return out;
}

test("a proxy registered FIRST forwarding its victim's answers ends up the copy; the victim takes the prize", async (t) => {
  const w = world();
  // uid 1 = proxy (registered at block 1), uid 2 = its victim (block 50), uids 3-5 honest.
  w.chain.neurons.push(neuron(1, { registrationBlock: 1 }), neuron(2, { registrationBlock: 50 }), neuron(3), neuron(4), neuron(5));
  const victim = serving(HONEST[4]!, 8); // the best honest model here
  w.querier.behaviours.set(2, victim);
  w.querier.behaviours.set(1, proxyOf(victim, 4));
  [3, 4, 5].forEach((uid, i) => w.querier.behaviours.set(uid, serving(HONEST[i]!, 6 + i)));
  const rs = await rounds(w, 8);
  const line = (r: RoundResult, uid: number) => r.report.miners.find((m) => m.uid === uid)!;
  const resolved = rs.findIndex((r) => line(r, 1).copyOf === 2);
  t.is(resolved, cfg.copyMinRounds - 1, `named the copy after copyMinRounds (${cfg.copyMinRounds}) flagged rounds`);
  const last = rs.at(-1)!;
  t.like(line(last, 1), { copyOf: 2, rank: null, prize: 0, cluster: null });
  t.like(line(last, 1).copyFinding, { kind: 'copy', reason: 'later', peer: 2, laterPeer: 0 });
  t.is(line(last, 1).copyFinding!.laterSelf, line(last, 1).copyFinding!.flaggedRounds);
  t.like(line(last, 2), { copyOf: null, rank: 1, prize: 0.5 });
  t.deepEqual(last.standings.ranked.slice(0, 1), [2]);
  // Before the sign test had copyMinRounds rounds, the pair shared ONE slot, paid to the member that
  // answered first (the victim), not to the earlier registration (the proxy).
  for (const r of rs.slice(cfg.copyHits - 1, resolved)) {
    t.deepEqual(r.standings.clusters, [[1, 2]], `round ${r.report.roundId}: one shared slot`);
    t.is(line(r, 1).prize, 0, `round ${r.report.roundId}: the proxy is not paid`);
    t.like(line(r, 1).copyFinding, { kind: 'cluster', peer: 2 });
  }
});

for (const [k, sigma] of [
  [1, 0],
  [3, 0],
  [8, 0],
  [3, 5e-4],
  [8, 5e-4],
] as const) {
  test(`k=${k} sybils behind one model${sigma > 0 ? ` each adding noise ${sigma}` : ''} together earn no more than one honest instance; honest miners behind them move up`, async (t) => {
    const w = world();
    const sybils = Array.from({ length: k }, (_, i) => 10 + i);
    const best = { scale: 0.9, noise: 0.5, seed: 99 }; // better than every honest model here
    // Same answers, same network: equal latency, so no direction; registered before the honest miners.
    for (const uid of sybils) {
      w.chain.neurons.push(neuron(uid, { registrationBlock: uid - 9 }));
      w.querier.behaviours.set(uid, serving(best, 7, sigma > 0 ? { sigma, seed: uid } : undefined));
    }
    [20, 21, 22].forEach((uid, i) => {
      w.chain.neurons.push(neuron(uid));
      w.querier.behaviours.set(uid, serving(HONEST[i + 1]!, 7));
    });
    const rs = await rounds(w, 6);
    const last = rs.at(-1)!;
    const prize = (uid: number) => last.standings.prizes.get(uid) ?? 0;
    const sybilTotal = sybils.reduce((s, u) => s + prize(u), 0);
    t.log(
      `k=${k}: sybils earn ${sybilTotal.toFixed(3)}, ranked ${JSON.stringify(last.standings.ranked)}, clusters ${JSON.stringify(last.standings.clusters)}`,
    );
    t.true(sybilTotal <= 0.5 + 1e-12, `sybils earn ${sybilTotal}, one honest instance earns 0.5`);
    t.is(last.standings.ranked.filter((u) => sybils.includes(u)).length, 1, 'one place for the whole group');
    t.deepEqual(last.standings.ranked.filter((u) => !sybils.includes(u)).length, 3, 'all three honest miners are placed');
    t.true(prize(20) + prize(21) + prize(22) >= 0.5 - 1e-12, 'the honest miners share places 2 and 3');
    if (k > 1) {
      const line = last.report.miners.find((m) => m.uid === sybils[1])!;
      t.deepEqual(line.cluster, sybils, 'the report names the cluster');
      t.like(line.copyFinding, { kind: 'cluster', reason: 'ambiguous', peer: sybils[0] });
    }
  });
}

test('a named copy whose uid changes hands starts clean: the new hotkey is neither gated nor clustered', async (t) => {
  const w = world();
  w.chain.neurons.push(neuron(1, { registrationBlock: 1 }), neuron(2, { registrationBlock: 50 }), neuron(3), neuron(4), neuron(5));
  const victim = serving(HONEST[4]!, 8);
  w.querier.behaviours.set(2, victim);
  w.querier.behaviours.set(1, proxyOf(victim, 4));
  [3, 4, 5].forEach((uid, i) => w.querier.behaviours.set(uid, serving(HONEST[i]!, 6 + i)));
  const rs = await rounds(w, cfg.copyMinRounds);
  t.is(rs.at(-1)!.report.miners.find((m) => m.uid === 1)!.copyOf, 2);
  t.true(rs.at(-1)!.state.copy.gates.has(1));
  // uid 1 is re-registered by someone else, serving its own model.
  w.chain.neurons = w.chain.neurons.map((n) => (n.uid === 1 ? neuron(1, { hotkey: 'new-owner', registrationBlock: w.chain.block }) : n));
  w.querier.behaviours.set(1, serving(HONEST[5]!, 7));
  const [next] = await rounds(w, 1, rs.at(-1)!.state);
  t.deepEqual(next!.report.resetUids, [1]);
  t.like(
    next!.report.miners.find((m) => m.uid === 1),
    { copyOf: null, cluster: null, copyFinding: null },
  );
  t.false(next!.state.copy.gates.has(1));
  t.false(
    [...next!.state.copy.pairs.keys()].some((k) => k.split(':').includes('1')),
    'its old pairs are gone',
  );
});

test('with copyClusterHits 1 a proxy registered first earns nothing from its very first round', async (t) => {
  const w = world();
  w.chain.neurons.push(neuron(1, { registrationBlock: 1 }), neuron(2, { registrationBlock: 50 }), neuron(3), neuron(4), neuron(5));
  const victim = serving(HONEST[4]!, 8);
  w.querier.behaviours.set(2, victim);
  w.querier.behaviours.set(1, proxyOf(victim, 4));
  [3, 4, 5].forEach((uid, i) => w.querier.behaviours.set(uid, serving(HONEST[i]!, 6 + i)));
  const early = { ...cfg, copyClusterHits: 1 };
  let state = emptyState(1, w.chain.ownHotkey);
  const proxyPrizes: number[] = [];
  for (let i = 0; i < 6; i++) {
    const r = await runRound(w.deps, early, await w.chain.snapshot(), state);
    proxyPrizes.push(r.report.miners.find((m) => m.uid === 1)!.prize);
    t.true(r.report.miners.find((m) => m.uid === 2)!.prize > 0, `round ${i}: the victim is paid`);
    state = r.state;
    w.chain.block += cfg.roundLengthBlocks;
  }
  t.deepEqual(proxyPrizes, [0, 0, 0, 0, 0, 0]);
});
