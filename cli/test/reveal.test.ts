/**
 * Commit before, reveal after, over a real devchain (pallet Commitments) and real tiny gRPC miners: the
 * validator commits its period secret on chain, scores rounds on secret-generated digits, reveals; then
 * `arena validator verify-report --recompute` checks the reveal against CommitmentOf at the commitment
 * block, regenerates the batch and recomputes every loss. Tampered reveals fail naming what differs.
 */
import test from 'ava';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChainCommitmentStore, connectChain, silentLogger } from '#core';
import { loadBuiltinCompetition } from '#training';
import { checkRevealFor } from '../../cli/src/commands/verify-reveal.ts';
import { GeneratedDataSource, dataHashFor } from '../../validator/src/adapters/data-source.ts';
import { ChainPeriodCommitter } from '../../validator/src/adapters/period-committer.ts';
import { GrpcMinerQuerier } from '../../validator/src/adapters/querier.ts';
import { parseScoringConfig } from '../../validator/src/config.ts';
import { ValidatorLoop } from '../../validator/src/lifecycle.ts';
import { parseReveal, type PeriodReveal } from '../../validator/src/period.ts';
import type { RoundReport } from '../../validator/src/report.ts';
import { PeriodKeeper, REVEALS_DIR } from '../../validator/src/period-keeper.ts';
import { FakeChain, FakeWeightSetter, neuron } from '../../validator/test/_helpers/fakes.ts';
import { spawnMiner } from '../../validator/test/_helpers/miner-process.ts';
import { writeClassMeans } from '../../validator/test/_helpers/tiny-miner.ts';
import { spawnDevchain, startBlockTicker } from '../../validator/test/_helpers/devchain.ts';
import { runArena } from '../../test/_helpers/arena.ts';

const SUBNET_CONFIG = JSON.parse(await readFile(new URL('../../configs/devchain/subnet.json', import.meta.url), 'utf8')) as Record<
  string,
  unknown
>;
const competition = loadBuiltinCompetition('mnist');

test.serial(
  'a committed, revealed period re-scores with verify-report --recompute; a wrong salt, altered data or a commitment made after the rounds fail by name',
  async (t) => {
    t.timeout(280_000);
    await cryptoWaitReady();
    const tmp = await mkdtemp(join(tmpdir(), 'arena-reveal-'));
    t.teardown(() => rm(tmp, { recursive: true, force: true }));
    const { url, newBlocks } = await spawnDevchain(t, { ...SUBNET_CONFIG, port: 0 });
    startBlockTicker(t, newBlocks, 150);
    const client = await connectChain({ endpoint: url, logger: silentLogger() });
    t.teardown(() => client.close());
    const bob = new Keyring({ type: 'sr25519' }).addFromUri('//Bob//validator');

    const meansFile = join(tmp, 'means.f32');
    writeClassMeans(meansFile);
    const procs = await Promise.all(
      [
        { hotkeyUri: '//r-good', behaviour: 'good' as const },
        { hotkeyUri: '//r-uniform', behaviour: 'uniform' as const },
      ].map((m) => spawnMiner(t, { ...m, meansFile })),
    );
    const view = new FakeChain();
    view.ownHotkey = bob.address;
    view.neurons = [
      neuron(0, { hotkey: bob.address, validatorPermit: true, stake: 10n ** 12n, host: '', port: 0 }),
      ...procs.map((p, i) => neuron(i + 1, { hotkey: p.hotkey, host: '127.0.0.1', port: p.port })),
    ];
    const querier = new GrpcMinerQuerier({ signer: bob, competitionId: competition.id });
    t.teardown(() => querier.close());
    const dataDir = join(tmp, 'data');
    const config = parseScoringConfig({ batchSize: 32, roundLengthBlocks: 2, periodRounds: 2, queryDeadlineMs: 5000 });
    const periods = new PeriodKeeper(
      new ChainPeriodCommitter(client, bob, 1),
      {
        dataDir,
        netuid: 1,
        validatorHotkey: bob.address,
        competitionId: competition.id,
        dataHash: dataHashFor(competition),
        periodRounds: 2,
        roundLengthBlocks: 2,
        retryDelayBlocks: 1,
      },
      silentLogger(),
    );
    const loop = new ValidatorLoop(
      { chain: view, querier, data: new GeneratedDataSource(competition), weights: new FakeWeightSetter(view), periods },
      { config, dataDir },
    );
    const revealFile = join(dataDir, REVEALS_DIR, 'period-1.json');
    for (let i = 0; i < 200 && (await readdir(join(dataDir, REVEALS_DIR)).catch(() => [])).length === 0; i++) {
      view.block = (await client.api.rpc.chain.getHeader()).number.toNumber();
      await loop.iterate();
      await new Promise((r) => setTimeout(r, 100));
    }
    const reveal = parseReveal(await readFile(revealFile, 'utf8'), revealFile);
    t.true(
      reveal.firstRound !== null && reveal.commitBlock < reveal.firstRound * 2,
      `commitment block ${reveal.commitBlock} precedes round ${reveal.firstRound}`,
    );
    const reportFile = join(dataDir, 'reports', `round-${reveal.firstRound}.json`);

    const ok = await runArena(['validator', 'verify-report', reportFile, '--recompute', '--chain-endpoint', url]);
    t.is(ok.code, 0, `${ok.stdout}\n${ok.stderr}`);
    t.regex(ok.stdout, /: ok/);
    t.regex(ok.stdout, /2 ok/);

    // Tampered reveals: checked in-process through the command's own reveal check (one process start each would take minutes under load).
    const report = JSON.parse(await readFile(reportFile, 'utf8')) as RoundReport;
    const tampered = async (name: string, change: (r: PeriodReveal) => PeriodReveal): Promise<string> => {
      const file = join(tmp, `${name}.json`);
      await writeFile(file, JSON.stringify(change({ ...reveal })));
      const v = await checkRevealFor(reportFile, report, competition, { reveal: file, chainEndpoint: url });
      t.true(v.problems.length > 0, `${name} must fail`);
      return v.problems.join('\n');
    };
    t.regex(
      await tampered('wrong-salt', (r) => ({ ...r, salt: 'cd'.repeat(32) })),
      /the reveal's secret, salt and data hash hash to [0-9a-f]{64}, not to the commitment/,
    );
    t.regex(
      await tampered('altered-data', (r) => ({ ...r, dataHash: 'ee'.repeat(32) })),
      /the held-out data given hashes to [0-9a-f]{64}, the reveal commits to e{64}/,
    );
    t.regex(
      await tampered('other-secret', (r) => ({ ...r, secret: 'ab'.repeat(32) })),
      /the revealed secret gives round \d+ the seed 0x[0-9a-f]{64}, the report says/,
    );
    // A validator that commits only after its rounds: the same commitment, set on chain now.
    const late = await new ChainCommitmentStore(client, bob).set(1, [
      { kind: 'Sha256', value: Uint8Array.from(Buffer.from(reveal.commitment, 'hex')) },
    ]);
    const lateFile = join(tmp, 'late.json');
    await writeFile(lateFile, JSON.stringify({ ...reveal, commitBlock: late.block, commitBlockHash: late.blockHash }));
    const bad = await runArena(['validator', 'verify-report', reportFile, '--recompute', '--reveal', lateFile, '--chain-endpoint', url]);
    t.is(bad.code, 1, `${bad.stdout}\n${bad.stderr}`);
    t.regex(
      bad.stdout,
      /reveal: the commitment \(block \d+\) was made after round \d+ began \(block \d+\); it must precede the period's rounds/,
    );
  },
);
