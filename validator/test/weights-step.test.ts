import test from 'ava';
import pino from 'pino';
import { parseScoringConfig } from '../src/config.ts';
import { emptyState, type ValidatorState } from '../src/state.ts';
import { planCommit } from '../src/weights.ts';
import { recordedCommit, revealDue, submitIfDue } from '../src/weights-step.ts';
import { FakeChain, FakeWeightSetter, neuron, OWN_HOTKEY } from './_helpers/fakes.ts';
import { logSink } from './_helpers/log-sink.ts';

const cfg = parseScoringConfig({ retryDelayBlocks: 3 });
const silent = pino({ level: 'silent' });

function withCommit(chain: FakeChain): ValidatorState {
  const s = emptyState(1, OWN_HOTKEY);
  s.pendingCommits.push(
    planCommit({
      hotkey: OWN_HOTKEY,
      netuid: 1,
      uids: [1],
      weights: [65535],
      versionKey: 0n,
      commitBlock: 90,
      commitEpoch: chain.epochIndex - 1,
      revealPeriodEpochs: 1,
    }),
  );
  return s;
}

test('RevealTooEarly moves the reveal to the next epoch and backs off; final errors drop the commit', async (t) => {
  const chain = new FakeChain();
  chain.epochIndex = 4;
  const setter = new FakeWeightSetter(chain);
  setter.results.push({ ok: false, code: 'RevealTooEarly', message: 'too early' });
  const s1 = await revealDue(setter, await chain.snapshot(), withCommit(chain), cfg, silent);
  t.like(s1.pendingCommits[0], { revealEpoch: 5, nextRevealBlock: 103 });
  setter.results.push({ ok: false, code: 'InvalidRevealCommitHashNotMatch', message: 'no match' });
  const s2 = await revealDue(setter, await chain.snapshot(), withCommit(chain), cfg, silent);
  t.deepEqual(s2.pendingCommits, []);
});

test('an expired commit is dropped with a warning and not revealed', async (t) => {
  const chain = new FakeChain();
  chain.epochIndex = 4;
  const state = withCommit(chain);
  chain.epochIndex = 6;
  const setter = new FakeWeightSetter(chain);
  const sink = logSink();
  const s = await revealDue(setter, await chain.snapshot(), state, cfg, sink.log);
  t.deepEqual(s.pendingCommits, []);
  t.deepEqual(setter.calls, []);
  t.true(sink.lines().some((l) => l.msg === 'weights commit expired before reveal; dropped'));
});

test('no weights without a permit, before the first round, or with nobody to pay', async (t) => {
  const chain = new FakeChain();
  chain.neurons.push(neuron(1));
  const setter = new FakeWeightSetter(chain);
  const scored = emptyState(1, OWN_HOTKEY);
  scored.lastRoundId = 3;
  scored.scores.set(1, { hotkey: 'hk1', emaLoss: 0.2, availability: 1, rounds: 1 });
  const fresh = emptyState(1, OWN_HOTKEY);
  t.is(await submitIfDue(setter, await chain.snapshot(), fresh, cfg, silent), fresh);
  t.deepEqual(setter.calls, [], 'no round yet');
  chain.neurons[0] = { ...chain.neurons[0]!, validatorPermit: false };
  await submitIfDue(setter, await chain.snapshot(), scored, cfg, silent);
  t.deepEqual(setter.calls, [], 'no permit');
  chain.neurons[0] = { ...chain.neurons[0]!, validatorPermit: true };
  const after = await submitIfDue(setter, await chain.snapshot(), scored, { ...cfg, weightsVersionKey: 9n }, silent);
  t.deepEqual(
    setter.calls.map((c) => c.args),
    [[[1], [65535], 9n]],
    'configured version key is sent',
  );
  t.is(after.timing.lastWeightsBlock, 100);
  const nobody = {
    ...scored,
    scores: new Map([[1, { hotkey: 'someone-else', emaLoss: 0.2, availability: 1, rounds: 1 }]]),
    timing: { lastWeightsBlock: 0, nextAttemptBlock: 0 },
  };
  chain.ownLastUpdate = 0;
  await submitIfDue(setter, await chain.snapshot(), nobody, cfg, silent);
  t.deepEqual(setter.calls.at(-1)?.args, [[0], [65535], 0n], 'score earned by a previous owner: self-weight only');
});

test("a commit counted by the chain in a later epoch than planned is revealed in the chain's epoch + period", async (t) => {
  const chain = new FakeChain();
  chain.neurons.push(neuron(1));
  chain.hyperparams = { ...chain.hyperparams, commitRevealEnabled: true, revealPeriodEpochs: 2 };
  chain.epochIndex = 4;
  const scored = emptyState(1, OWN_HOTKEY);
  scored.lastRoundId = 3;
  scored.scores.set(1, { hotkey: 'hk1', emaLoss: 0.2, availability: 1, rounds: 1 });
  const setter = new FakeWeightSetter(chain);
  setter.results.push({ ok: true, block: 101, commitEpoch: 5 });
  const s = await submitIfDue(setter, await chain.snapshot(), scored, cfg, silent);
  t.like(s.pendingCommits[0], { commitBlock: 101, commitEpoch: 5, revealEpoch: 7 });
  // Without a recorded epoch the plan (snapshot's epoch) stands.
  setter.results.push({ ok: true, block: 111 });
  chain.block = 111;
  chain.ownLastUpdate = 0;
  const s2 = await submitIfDue(
    setter,
    await chain.snapshot(),
    { ...scored, timing: { lastWeightsBlock: 0, nextAttemptBlock: 0 } },
    cfg,
    silent,
  );
  t.like(s2.pendingCommits[0], { commitBlock: 111, commitEpoch: 4, revealEpoch: 6 });
  t.like(recordedCommit(s2.pendingCommits[0]!, 112, 4, 2), { commitBlock: 112, commitEpoch: 4, revealEpoch: 6 });
});
