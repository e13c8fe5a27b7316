/** `checkReveal`: each way a reveal can fail to bind a round names what does not match. */
import test from 'ava';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBuiltinCompetition } from '#training';
import { dataHashFor } from '../src/adapters/data-source.ts';
import { deriveSecretRoundSeed, newPeriod, revealOf, type PeriodReveal } from '../src/period.ts';
import type { RoundReport } from '../src/report.ts';
import { checkReveal, type OnChainCommitment } from '../src/reveal-check.ts';
import { OWN_HOTKEY } from './_helpers/fakes.ts';

const HASH = `0x${'11'.repeat(32)}`;
const ctx = { netuid: 1, validatorHotkey: OWN_HOTKEY, competitionId: 'mnist', roundLengthBlocks: 5 };

function fixture(dataHash = 'ab'.repeat(32)): { reveal: PeriodReveal; report: RoundReport; chain: OnChainCommitment } {
  const p = { ...newPeriod(3, { ...ctx, dataHash }), commitBlock: 99, commitBlockHash: HASH, firstRound: 20, lastRound: 25 };
  const reveal = revealOf(p, ctx);
  const report = {
    roundId: 21,
    netuid: 1,
    competitionId: 'mnist',
    validatorHotkey: OWN_HOTKEY,
    period: 3,
    seed: deriveSecretRoundSeed(p.secret, 'mnist', 3, 21),
  } as RoundReport;
  const chain = {
    blockHash: HASH,
    record: { block: 99, fields: [{ kind: 'Sha256' as const, value: Uint8Array.from(Buffer.from(p.commitment, 'hex')) }] },
  };
  return { reveal, report, chain };
}

test('an honest reveal binds the round and gives its seed', (t) => {
  const { reveal, report, chain } = fixture();
  const v = checkReveal(reveal, report, chain, reveal.dataHash);
  t.deepEqual(v.problems, []);
  t.is(v.seed, report.seed);
});

test('a wrong salt, another secret, a late or missing commitment, or a round outside the period fail by name', (t) => {
  const { reveal, report, chain } = fixture();
  const problems = (r: PeriodReveal, c: OnChainCommitment = chain, rep: RoundReport = report): string =>
    checkReveal(r, rep, c, reveal.dataHash).problems.join('\n');
  t.regex(problems({ ...reveal, salt: 'cd'.repeat(32) }), /hash to [0-9a-f]{64}, not to the commitment/);
  t.regex(problems({ ...reveal, secret: 'cd'.repeat(32) }), /the revealed secret gives round 21 the seed/);
  t.regex(
    problems({ ...reveal, commitBlock: 105 }, { ...chain, record: { ...chain.record!, block: 105 } }),
    /was made after round 21 began \(block 105\)/,
  );
  t.regex(problems(reveal, { ...chain, record: undefined }), /no commitment of .* on netuid 1 at block 99/);
  t.regex(
    problems(reveal, { ...chain, record: { block: 99, fields: [{ kind: 'Sha256', value: new Uint8Array(32) }] } }),
    /the commitment on chain is 0{64}, the reveal hashes to/,
  );
  t.regex(problems(reveal, { ...chain, blockHash: `0x${'22'.repeat(32)}` }), /block 99 on this chain is 0x2{64}, the reveal says 0x1{64}/);
  t.regex(
    problems(reveal, chain, { ...report, roundId: 30, seed: deriveSecretRoundSeed(reveal.secret, 'mnist', 3, 30) }),
    /round 30 is outside the reveal's rounds 20..25/,
  );
  t.regex(problems({ ...reveal, period: 4 }), /is in period 3, the reveal is for period 4/);
});

test('a private held-out file with one label altered no longer matches the data hash the reveal commits to', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'arena-reveal-data-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const data = Array.from({ length: 4 * 784 }, (_, i) => (i % 7) / 7);
  const file = join(dir, 'held.json');
  writeFileSync(file, JSON.stringify({ data, labels: [1, 2, 3, 4] }));
  const base = loadBuiltinCompetition('mnist');
  const competition = { ...base, heldOut: { ...base.heldOut, path: file } };
  const { reveal, report, chain } = fixture(dataHashFor(competition));
  t.deepEqual(checkReveal(reveal, report, chain, dataHashFor(competition)).problems, []);
  writeFileSync(file, JSON.stringify({ data, labels: [1, 2, 3, 5] }));
  t.regex(
    checkReveal(reveal, report, chain, dataHashFor(competition)).problems.join('\n'),
    /the held-out data given hashes to [0-9a-f]{64}, the reveal commits to/,
  );
});
