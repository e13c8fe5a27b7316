/**
 * Competition periods in the validator loop: no round before the period's commitment is included; rounds
 * seeded from the secret; after `periodRounds` rounds the next commitment, then the reveal; secrets
 * persisted (0600) across restarts; a refused commitment retried while the current period goes on.
 */
import test, { type ExecutionContext } from 'ava';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseScoringConfig } from '../src/config.ts';
import { ValidatorLoop } from '../src/lifecycle.ts';
import { deriveSecretRoundSeed, parseReveal, periodCommitment } from '../src/period.ts';
import { PERIOD_FILE, PeriodKeeper, REVEALS_DIR, type PeriodCommitter } from '../src/period-keeper.ts';
import { behaviours, FakeChain, FakeDataSource, FakeQuerier, FakeWeightSetter, neuron, OWN_HOTKEY } from './_helpers/fakes.ts';
import { logSink } from './_helpers/log-sink.ts';

const DATA_HASH = 'ab'.repeat(32);

/** Commitments land in the block after the chain's current one; `refuse` queues refusals. */
class FakeCommitter implements PeriodCommitter {
  commits: Array<{ hash: string; block: number }> = [];
  refuse: string[] = [];
  constructor(private readonly chain: FakeChain) {}
  async commit(hash: string): Promise<{ ok: true; block: number; blockHash: string } | { ok: false; message: string }> {
    const no = this.refuse.shift();
    if (no !== undefined) return { ok: false, message: no };
    this.chain.block += 1;
    this.commits.push({ hash, block: this.chain.block });
    return { ok: true, block: this.chain.block, blockHash: FakeChain.hashOf(this.chain.block) };
  }
}

async function world(t: ExecutionContext) {
  const dataDir = await mkdtemp(join(tmpdir(), 'arena-periods-'));
  t.teardown(() => rm(dataDir, { recursive: true, force: true }));
  const chain = new FakeChain();
  chain.block = 100;
  chain.neurons.push(neuron(1), neuron(2));
  const data = new FakeDataSource();
  const querier = new FakeQuerier(data.labelsOf);
  querier.behaviours.set(1, behaviours.good(0.6));
  querier.behaviours.set(2, behaviours.good(0.9));
  const committer = new FakeCommitter(chain);
  const sink = logSink();
  const config = parseScoringConfig({ batchSize: 8, roundLengthBlocks: 5, periodRounds: 3, retryDelayBlocks: 2 });
  const make = () => {
    const periods = new PeriodKeeper(
      committer,
      {
        dataDir,
        netuid: 1,
        validatorHotkey: OWN_HOTKEY,
        competitionId: 'mnist',
        dataHash: DATA_HASH,
        periodRounds: 3,
        roundLengthBlocks: 5,
        retryDelayBlocks: 2,
      },
      sink.log,
    );
    return new ValidatorLoop({ chain, querier, data, weights: new FakeWeightSetter(chain), log: sink.log, periods }, { config, dataDir });
  };
  return { dataDir, chain, data, querier, committer, make };
}

/** Advances to the next round window and iterates once. */
async function nextRound(w: Awaited<ReturnType<typeof world>>, loop: ValidatorLoop): Promise<void> {
  w.chain.block = (Math.floor(w.chain.block / 5) + 1) * 5;
  await loop.iterate();
}

test('no round before the commitment is included; rounds are seeded from the period secret; the period is revealed after the next commitment', async (t) => {
  const w = await world(t);
  const loop = w.make();
  await loop.iterate();
  t.is(w.committer.commits.length, 1, 'period 1 committed first');
  t.is(w.querier.calls.length, 0, 'no round in the round window of the commitment block');
  const file = JSON.parse(await readFile(join(w.dataDir, PERIOD_FILE), 'utf8')) as {
    current: { index: number; secret: string; salt: string; commitBlock: number };
  };
  t.is((await stat(join(w.dataDir, PERIOD_FILE))).mode & 0o777, 0o600, 'secrets are private to the owner');
  t.is(file.current.commitBlock, 101);
  t.is(
    w.committer.commits[0]!.hash,
    periodCommitment({
      netuid: 1,
      validatorHotkey: OWN_HOTKEY,
      competitionId: 'mnist',
      period: 1,
      secret: file.current.secret,
      salt: file.current.salt,
      dataHash: DATA_HASH,
    }),
  );

  for (let i = 0; i < 3; i++) await nextRound(w, loop);
  t.is(w.querier.calls.length, 3);
  t.deepEqual(
    w.data.seeds,
    [21, 22, 23].map((r) => deriveSecretRoundSeed(file.current.secret, 'mnist', 1, r)),
    'seeds from the secret, not the block hash',
  );
  t.is(loop.latestReport()?.period, 1);

  await nextRound(w, loop);
  t.is(w.committer.commits.length, 2, 'period 2 committed after 3 rounds');
  t.is(w.querier.calls.length, 3, 'no round in the window of the new commitment');
  const reveal = parseReveal(await readFile(join(w.dataDir, REVEALS_DIR, 'period-1.json'), 'utf8'), 'reveal');
  t.like(reveal, {
    period: 1,
    secret: file.current.secret,
    salt: file.current.salt,
    commitBlock: 101,
    firstRound: 21,
    lastRound: 23,
    roundLengthBlocks: 5,
    validatorHotkey: OWN_HOTKEY,
  });
  await nextRound(w, loop);
  t.is(loop.latestReport()?.period, 2);
  t.is(loop.latestPublic()?.period, 2);
  t.false('seed' in (loop.latestPublic() ?? {}), 'the public report carries no seed');
});

test('the pending period, its secret and its rounds survive a restart; a refused commitment is retried while the period goes on', async (t) => {
  const w = await world(t);
  let loop = w.make();
  await loop.iterate();
  await nextRound(w, loop);
  await nextRound(w, loop);
  loop = w.make();
  await nextRound(w, loop);
  t.is(w.committer.commits.length, 1, 'the restarted keeper did not commit again');
  const file = JSON.parse(await readFile(join(w.dataDir, PERIOD_FILE), 'utf8')) as {
    current: { index: number; secret: string; firstRound: number; lastRound: number };
  };
  t.like(file.current, { index: 1, firstRound: 21, lastRound: 23 });

  w.committer.refuse.push('SpaceLimitExceeded');
  await nextRound(w, loop);
  t.is(w.committer.commits.length, 1, 'refused');
  t.is(w.querier.calls.length, 4, 'the current period went on scoring');
  await nextRound(w, loop);
  t.is(w.committer.commits.length, 2, 'retried after retryDelayBlocks and included');
  const reveal = parseReveal(await readFile(join(w.dataDir, REVEALS_DIR, 'period-1.json'), 'utf8'), 'reveal');
  t.is(reveal.lastRound, 24, 'the reveal covers every round scored in the period');
});

test('an unreadable period file stops rounds with an error naming it, instead of starting over with a new secret', async (t) => {
  const w = await world(t);
  await w.make().iterate();
  await writeFile(join(w.dataDir, PERIOD_FILE), '{ not json');
  const loop = w.make();
  await t.throwsAsync(() => nextRound(w, loop), {
    message: /period file .*period-secret\.json is unreadable .* restore it, or move it aside/,
  });
  t.is(w.committer.commits.length, 1, 'no new commitment');
  t.is(w.querier.calls.length, 0);
});
