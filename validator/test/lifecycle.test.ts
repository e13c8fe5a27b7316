import test, { type ExecutionContext } from 'ava';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseScoringConfig, type ScoringConfig } from '../src/config.ts';
import { backoffMs, ValidatorLoop } from '../src/lifecycle.ts';
import { STATE_FILE } from '../src/state.ts';
import { commitHash } from '../src/weights.ts';
import { behaviours, FakeChain, FakeDataSource, FakeQuerier, FakeWeightSetter, neuron, OWN_HOTKEY } from './_helpers/fakes.ts';
import { logSink } from './_helpers/log-sink.ts';

const baseCfg = { batchSize: 8, roundLengthBlocks: 5, queryDeadlineMs: 50, pollIntervalMs: 2, maxBackoffMs: 8 };

async function world(t: ExecutionContext, cfgIn: Partial<Record<keyof ScoringConfig, unknown>> = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'arena-vloop-'));
  t.teardown(() => rm(dataDir, { recursive: true, force: true }));
  const chain = new FakeChain();
  chain.block = 102;
  chain.neurons.push(neuron(1), neuron(2), neuron(3));
  const data = new FakeDataSource();
  const querier = new FakeQuerier(data.labelsOf);
  querier.behaviours.set(1, behaviours.good(0.6));
  querier.behaviours.set(2, behaviours.good(0.9));
  querier.behaviours.set(3, behaviours.timeout());
  const setter = new FakeWeightSetter(chain);
  const sink = logSink();
  const config = parseScoringConfig({ ...baseCfg, ...cfgIn });
  const make = () => new ValidatorLoop({ chain, querier, data, weights: setter, log: sink.log }, { config, dataDir });
  return { dataDir, chain, querier, setter, sink, make, loop: make() };
}

test('a round runs once per round window and weights are set once per tempo', async (t) => {
  const w = await world(t);
  await w.loop.iterate();
  t.is(w.querier.calls.length, 1);
  t.deepEqual(w.setter.calls, [{ kind: 'set', args: [[1, 2], [39321, 65535], 0n], block: 102 }], 'prizes 0.375 / 0.625, max-upscaled');
  t.deepEqual(
    await readdir(join(w.dataDir, 'reports')),
    ['round-20.json', 'round-20.responses.json'],
    'the report and its responses sidecar',
  );
  t.is(JSON.parse(await readFile(join(w.dataDir, 'reports', 'round-20.json'), 'utf8')).roundId, 20);
  t.is(w.loop.latestReport()?.roundId, 20);

  await w.loop.iterate();
  t.is(w.querier.calls.length, 1, 'same round window: no new round');
  w.chain.block = 105;
  await w.loop.iterate();
  t.is(w.querier.calls.length, 2, 'new round window');
  t.is(w.setter.calls.length, 1, 'weights not due before lastUpdate + tempo');
  w.chain.block = 112;
  await w.loop.iterate();
  t.deepEqual(
    w.setter.calls.map((c) => c.block),
    [102, 112],
  );
  t.is(w.loop.currentState()?.timing.lastWeightsBlock, 112);
});

test('a failed submission is retried at the next allowed block, not in a hot loop', async (t) => {
  const w = await world(t);
  w.setter.results.push({ ok: false, code: 'Other', message: 'pool full' });
  await w.loop.iterate();
  await w.loop.iterate();
  t.is(w.setter.calls.length, 1, 'no retry in the same block');
  t.is(w.loop.currentState()?.timing.nextAttemptBlock, 104);
  w.chain.block = 104;
  await w.loop.iterate();
  t.deepEqual(
    w.setter.calls.map((c) => c.block),
    [102, 104],
  );
  t.true(w.sink.lines().some((l) => l.msg === 'weights submission failed; will retry' && l.code === 'Other' && l.nextAttemptBlock === 104));
});

test('with commit-reveal on, weights are committed then revealed in commit epoch + reveal period', async (t) => {
  const w = await world(t);
  w.chain.hyperparams = { ...w.chain.hyperparams, commitRevealEnabled: true, revealPeriodEpochs: 2, weightsVersionKey: 7n };
  w.chain.epochIndex = 3;
  await w.loop.iterate();
  const pending = w.loop.currentState()!.pendingCommits;
  t.is(pending.length, 1);
  const c = pending[0]!;
  t.like(c, { uids: [1, 2], weights: [39321, 65535], versionKey: '7', commitEpoch: 3, revealEpoch: 5, commitBlock: 102 });
  t.deepEqual(w.setter.calls, [{ kind: 'commit', args: [commitHash(OWN_HOTKEY, 1, [1, 2], [39321, 65535], c.salt, 7n)], block: 102 }]);
  w.chain.block = 103;
  w.chain.epochIndex = 4;
  await w.loop.iterate();
  t.is(w.setter.calls.length, 1, 'not yet');
  w.chain.block = 120;
  w.chain.epochIndex = 5;
  w.setter.results.push({ ok: false, code: 'Other', message: 'timeout' });
  await w.loop.iterate();
  t.deepEqual(
    w.setter.calls.map((x) => x.kind),
    ['commit', 'reveal', 'commit'],
    'reveal failed transiently; the next commit is due',
  );
  w.chain.block = 122;
  await w.loop.iterate();
  const reveals = w.setter.calls.filter((x) => x.kind === 'reveal');
  t.is(reveals.length, 2);
  t.deepEqual(reveals[1]!.args, [[1, 2], [39321, 65535], c.salt, 7n]);
  t.deepEqual(
    w.loop.currentState()!.pendingCommits.map((p) => p.revealEpoch),
    [7],
    'only the newer commit waits',
  );
});

test('a due reveal goes out before the round: a round slower than what is left of the reveal window does not expire the commit', async (t) => {
  const w = await world(t);
  w.chain.hyperparams = { ...w.chain.hyperparams, commitRevealEnabled: true, revealPeriodEpochs: 1 };
  w.chain.epochIndex = 3;
  await w.loop.iterate();
  const [c] = w.loop.currentState()!.pendingCommits;
  t.is(c?.revealEpoch, 4);
  // The next round window opens in the reveal epoch; its queries take so long that the chain leaves that epoch.
  const order: string[] = [];
  const query = w.querier.queryAll.bind(w.querier);
  w.querier.queryAll = async (...a) => {
    order.push('round');
    w.chain.epochIndex = 5;
    return query(...a);
  };
  const reveal = w.setter.revealWeights.bind(w.setter);
  w.setter.revealWeights = async (...a) => {
    order.push('reveal');
    if (w.chain.epochIndex !== 4) return { ok: false, code: 'ExpiredWeightCommit', message: 'reveal epoch passed' };
    return reveal(...a);
  };
  w.chain.block = 105;
  w.chain.epochIndex = 4;
  await w.loop.iterate();
  t.deepEqual(order, ['reveal', 'round']);
  t.true(w.sink.lines().some((l) => l.msg === 'weights revealed' && l.hash === c!.hash));
  t.deepEqual(
    w.loop.currentState()!.pendingCommits.filter((p) => p.hash === c!.hash),
    [],
    'the revealed commit is no longer pending',
  );
  const saved = JSON.parse(await readFile(join(w.dataDir, STATE_FILE), 'utf8')) as { pendingCommits: Array<{ hash: string }> };
  t.false(
    saved.pendingCommits.some((p) => p.hash === c!.hash),
    'and the state on disk says so',
  );
});

test('a commit is on disk with its salt before commit_weights is sent: a SIGKILL after inclusion, before the save, loses no commit', async (t) => {
  const w = await world(t);
  w.chain.hyperparams = { ...w.chain.hyperparams, commitRevealEnabled: true, revealPeriodEpochs: 1 };
  w.chain.epochIndex = 3;
  // The state file as it stands when the commit goes out: all a process SIGKILLed once the chain included it keeps.
  let atSend: string | undefined;
  const send = w.setter.commitWeights.bind(w.setter);
  w.setter.commitWeights = async (hash) => {
    atSend = await readFile(join(w.dataDir, STATE_FILE), 'utf8');
    return send(hash);
  };
  await w.loop.iterate();
  const sent = w.setter.calls.find((c) => c.kind === 'commit')?.args[0] as string | undefined;
  t.truthy(sent);
  await writeFile(join(w.dataDir, STATE_FILE), atSend!);
  // The restarted validator (chain LastUpdate = the commit block, so no new commit is due) reveals in epoch 4.
  const restarted = w.make();
  w.chain.block = 104;
  w.chain.epochIndex = 4;
  await restarted.iterate();
  const reveal = w.setter.calls.find((c) => c.kind === 'reveal');
  t.truthy(reveal, 'the restarted validator revealed nothing: the salt of the commit on chain was lost');
  const [uids, weights, salt, versionKey] = reveal!.args as [number[], number[], number[], bigint];
  t.is(commitHash(OWN_HOTKEY, 1, uids, weights, salt, versionKey), sent!, 'it reveals exactly the commit that went out');
  t.is(w.setter.calls.filter((c) => c.kind === 'commit').length, 1, 'and commits nothing new before the interval');
});

test('a commit the chain counted one epoch later than planned, saved only as planned before a SIGKILL, is revealed in the epoch after, not dropped as expired', async (t) => {
  const w = await world(t);
  w.chain.hyperparams = { ...w.chain.hyperparams, commitRevealEnabled: true, revealPeriodEpochs: 1 };
  w.chain.epochIndex = 3;
  let atSend: string | undefined;
  const send = w.setter.commitWeights.bind(w.setter);
  w.setter.commitWeights = async (hash) => {
    atSend = await readFile(join(w.dataDir, STATE_FILE), 'utf8');
    return send(hash);
  };
  await w.loop.iterate();
  const sent = w.setter.calls.find((c) => c.kind === 'commit')?.args[0] as string | undefined;
  // Killed before the save: only the plan (epoch 3, reveal 4) is on disk; an epoch fired in the inclusion block,
  // so the chain counts the commit in epoch 4 and takes its reveal in epoch 5 only. The daemon was down through epoch 4.
  await writeFile(join(w.dataDir, STATE_FILE), atSend!);
  const restarted = w.make();
  w.chain.block = 125;
  w.chain.epochIndex = 5;
  await restarted.iterate();
  const reveal = w.setter.calls.find((c) => c.kind === 'reveal');
  t.truthy(reveal, 'the commit was dropped as expired, though the chain still takes its reveal');
  const [uids, weights, salt, versionKey] = reveal!.args as [number[], number[], number[], bigint];
  t.is(commitHash(OWN_HOTKEY, 1, uids, weights, salt, versionKey), sent!);
});

test('a planned commit that never reached the chain (killed before sending) is dropped at its reveal and committed afresh', async (t) => {
  const w = await world(t);
  w.chain.hyperparams = { ...w.chain.hyperparams, commitRevealEnabled: true, revealPeriodEpochs: 1 };
  w.chain.epochIndex = 3;
  w.setter.commitWeights = async () => {
    throw new Error('killed before the extrinsic left the process');
  };
  await t.throwsAsync(() => w.loop.iterate(), { message: 'killed before the extrinsic left the process' });
  const planned = (JSON.parse(await readFile(join(w.dataDir, STATE_FILE), 'utf8')) as { pendingCommits: Array<{ hash: string }> })
    .pendingCommits;
  t.is(planned.length, 1, 'the plan was on disk before the send');
  const restarted = w.make();
  w.setter.commitWeights = FakeWeightSetter.prototype.commitWeights.bind(w.setter);
  w.chain.block = 104;
  w.chain.epochIndex = 4;
  w.setter.results.push({ ok: false, code: 'NoWeightsCommitFound', message: 'no commit' });
  await restarted.iterate();
  t.deepEqual(
    w.setter.calls.map((c) => c.kind),
    ['reveal', 'commit'],
    'the chain has no such commit (and no LastUpdate from it): reveal refused, a new commit goes out',
  );
  const pending = restarted.currentState()!.pendingCommits;
  t.is(pending.length, 1);
  t.not(pending[0]!.hash, planned[0]!.hash);
});

test('state survives a restart: no repeated round, scores and timing restored', async (t) => {
  const w = await world(t);
  await w.loop.iterate();
  const before = w.loop.currentState()!;
  const again = w.make();
  await again.iterate();
  t.is(w.querier.calls.length, 1, 'round 20 is not run twice');
  t.is(w.setter.calls.length, 1, 'weights not set twice');
  t.deepEqual(again.currentState(), before);
  t.true(w.sink.lines().some((l) => l.msg === 'validator state restored'));
});

test('the loop survives a failing iteration, backs off, and stop() persists and resolves', async (t) => {
  const w = await world(t);
  w.chain.failNextSnapshot = new Error('rpc down');
  const done = w.loop.start();
  const deadline = Date.now() + 5_000;
  while (w.querier.calls.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  await w.loop.stop();
  await done;
  t.is(w.querier.calls.length, 1, 'the iteration after the failure ran the round');
  const failed = w.sink.lines().find((l) => l.msg === 'validator iteration failed');
  t.like(failed, { round: undefined, failures: 1 });
  t.is((failed?.err as { message?: string } | undefined)?.message, 'rpc down');
  t.true(w.sink.lines().some((l) => l.msg === 'validator stopped'));
  const saved = JSON.parse(await readFile(join(w.dataDir, STATE_FILE), 'utf8')) as { lastRoundId: number };
  t.is(saved.lastRoundId, 20);
  t.throws(
    () => {
      void w.loop.start();
      void w.loop.start();
    },
    { message: 'expected a stopped ValidatorLoop, found it already started' },
  );
  await w.loop.stop();
});

test('backoffMs doubles up to the cap', (t) => {
  t.deepEqual(
    [1, 2, 3, 4, 5].map((f) => backoffMs(f, 100, 1000)),
    [200, 400, 800, 1000, 1000],
  );
});

test('rounds wait until the validator is registered with a permit, and each change of standing is logged once', async (t) => {
  const w = await world(t);
  w.chain.neurons[0] = { ...w.chain.neurons[0]!, validatorPermit: false };
  await w.loop.iterate();
  await w.loop.iterate();
  t.is(w.querier.calls.length, 0, 'no round without a permit (miners refuse such callers)');
  t.is(w.setter.calls.length, 0);
  const waits = w.sink
    .lines()
    .filter((l) => l.msg === 'validator has no permit yet; permits are granted at the next epoch after staking; waiting');
  t.is(waits.length, 1);
  w.chain.neurons[0] = { ...w.chain.neurons[0]!, validatorPermit: true };
  await w.loop.iterate();
  t.is(w.querier.calls.length, 1);
  t.true(w.sink.lines().some((l) => l.msg === 'validator registered with a permit'));
  w.chain.ownUid = undefined;
  w.chain.block = 110;
  await w.loop.iterate();
  t.is(w.querier.calls.length, 1);
  t.true(
    w.sink.lines().some((l) => l.msg === 'validator hotkey is not registered on the subnet; waiting (register it with burned_register)'),
  );
});
