/**
 * `arena validator` as a process: --help, bad config and a missing wallet exit 2 with a message that
 * names the field or the command to run; on a real devchain (commit-reveal on, manual seal) it
 * scores, commits, and on SIGTERM finishes the round, persists and exits 0; a second process on the
 * same data dir continues the round counter and the EMA, and reveals the commit the first one left.
 */
import test from 'ava';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { connectChain, createDevWallet, lineSplitter, parseJsonLine } from '#core';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExecutionContext } from 'ava';
import { STATE_FILE } from '../../src/state.ts';
import type { PendingCommit } from '../../src/weights.ts';
import {
  epochAfterBest,
  oneSubnetGenesis,
  serveMinerAxons,
  spawnDevchain,
  startBlockTicker,
  unrevealableCommit,
} from '../_helpers/devchain.ts';
import { spawnMiner } from '../_helpers/miner-process.ts';
import { runArena } from '../../../test/_helpers/arena.ts';

const ARENA = new URL('../../../cli/bin/arena.js', import.meta.url).pathname;

async function until(what: string, cond: () => Promise<boolean>, timeoutMs = 60_000, detail?: () => string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${detail === undefined ? '' : `: ${detail()}`}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('--help lists the options; bad flags, an unknown competition and a missing wallet exit 2 naming what to fix', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'arena-vcli-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const noWallet = ['--wallet.path', join(dir, 'wallets'), '--data-dir', join(dir, 'data'), '--metrics-port', '-1'];
  const [help, netuid, competition, wallet] = await Promise.all([
    runArena(['validator', '--help']),
    runArena(['validator', '--netuid', 'abc', ...noWallet]),
    runArena(['validator', '--competition', 'no-such-competition', ...noWallet]),
    runArena(['validator', '--wallet.name', 'nobody', ...noWallet]),
  ]);
  t.is(help.code, 0);
  for (const opt of [
    '--chain-endpoint',
    '--netuid',
    '--wallet.name',
    '--wallet.hotkey',
    '--data-dir',
    '--round-interval',
    '--batch-size',
    '--metrics-port',
    '--competition',
    'SIGTERM',
  ]) {
    t.true(help.stdout.includes(opt), `help mentions ${opt}`);
  }
  t.is(netuid.code, 2);
  t.regex(netuid.stderr, /--netuid/);
  t.regex(netuid.stderr, /"abc"/);
  t.is(competition.code, 2);
  t.regex(competition.stderr, /competition: expected a competition id/);
  t.regex(competition.stderr, /no-such-competition/);
  t.is(wallet.code, 2);
  t.regex(wallet.stderr, /arena wallet create --wallet\.name nobody --wallet\.hotkey default --wallet\.path /);
  t.false(/at .*\.ts:\d+/.test(wallet.stderr + competition.stderr), 'no stack traces for bad usage');
});

interface ValidatorProcess {
  port: Promise<number>;
  exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
  lines: Array<Record<string, unknown>>;
}

function spawnValidator(t: ExecutionContext, args: string[], env: Record<string, string>): ValidatorProcess {
  const child = spawn(process.execPath, [ARENA, 'validator', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  t.teardown(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  });
  const lines: Array<Record<string, unknown>> = [];
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const port = new Promise<number>((resolve, reject) => {
    child.stdout.on(
      'data',
      lineSplitter((line) => {
        const j = parseJsonLine(line);
        if (j === undefined) return;
        if (lines.length < 2000) lines.push(j);
        if (j.msg === 'validator http server listening (/metrics, /status, /report/latest, /reports)') resolve(Number(j.port));
      }),
    );
    void exited.then((code) => reject(new Error(`validator exited with ${code} before listening: ${stderr}`)));
  });
  return { port, exited, kill: (s) => child.kill(s), lines };
}

interface Status {
  running: boolean;
  hotkey: string;
  lastRoundId: number;
  rounds: number;
  pendingCommits: number;
  lastWeightsBlock: number;
}
interface StateFile {
  lastRoundId: number;
  scores: Array<[number, { emaLoss: number; rounds: number }]>;
  pendingCommits: PendingCommit[];
}

test('SIGTERM finishes the round, persists and exits 0; a restarted process continues rounds, EMA and the pending commit', async (t) => {
  await cryptoWaitReady();
  const kr = new Keyring({ type: 'sr25519' });
  const chain = await spawnDevchain(
    t,
    oneSubnetGenesis({ miners: ['//Bob', '//Charlie'], hyperparams: { commitRevealEnabled: true, revealPeriodEpochs: 1 } }),
  );
  const miners = await Promise.all([
    spawnMiner(t, { hotkeyUri: '//Bob', behaviour: 'good' }),
    spawnMiner(t, { hotkeyUri: '//Charlie', behaviour: 'uniform' }),
  ]);
  const client = await connectChain({ endpoint: chain.url });
  t.teardown(() => client.close());
  const ticker = startBlockTicker(t, chain.newBlocks, 250);
  await serveMinerAxons(client, miners, ['//Bob', '//Charlie']);

  const dir = await mkdtemp(join(tmpdir(), 'arena-vcli-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const wallets = join(dir, 'wallets');
  const { hotkey } = await createDevWallet({ path: wallets, name: 'v', hotkey: 'default', coldkeyUri: '//Alice', hotkeyUri: '//Eve' });
  const dataDir = join(dir, 'data');
  const args = [
    '--chain-endpoint',
    chain.url,
    '--netuid',
    '1',
    '--wallet.path',
    wallets,
    '--wallet.name',
    'v',
    '--data-dir',
    dataDir,
    '--metrics-port',
    '0',
    '--round-interval',
    '2',
    '--batch-size',
    '64',
    '--log-level',
    'info',
  ];
  const env = { ARENA_VALIDATOR_SCORING_POLL_INTERVAL_MS: '100', ARENA_VALIDATOR_SCORING_MIN_AVAILABILITY: '0' };
  const readState = async (): Promise<StateFile | undefined> => {
    const text = await readFile(join(dataDir, STATE_FILE), 'utf8').catch(() => undefined);
    return text === undefined ? undefined : (JSON.parse(text) as StateFile);
  };
  const status = async (port: number): Promise<Status> => (await (await fetch(`http://127.0.0.1:${port}/status`)).json()) as Status;

  const chainCommits = async (): Promise<Array<[string, number, number, number]>> =>
    ((await client.api.query.subtensorModule!.weightCommits!(1, hotkey)).toPrimitive() ?? []) as Array<[string, number, number, number]>;
  const weightsLines = (v: ValidatorProcess): string =>
    JSON.stringify(
      v.lines
        .filter((l) => /weights|commit/.test(String(l.msg)))
        .map(({ msg, hash, code, detail, epoch }) => ({ msg, hash, code, detail, epoch })),
    );

  // First process: a few rounds and a commit. The ticker holds the chain at the block a commit lands in, before
  // its reveal epoch (read from the chain), so the first process cannot reveal it before the SIGTERM; the plan
  // (with its salt) is on disk before commit_weights is sent and is recorded with its block after inclusion.
  const v1 = spawnValidator(t, args, env);
  const port1 = await v1.port;
  ticker.holdWhile(async () => (await status(port1)).rounds >= 2 && (await unrevealableCommit(client, hotkey)) !== undefined);
  let held: { hash: string; commitBlock: number } | undefined;
  await until('two rounds and a pending commit on chain, recorded on disk, before its reveal epoch', async () => {
    if ((await status(port1)).rounds < 2) return false;
    held = await unrevealableCommit(client, hotkey);
    const h = held;
    return h !== undefined && ((await readState())?.pendingCommits ?? []).some((p) => p.hash === h.hash && p.commitBlock === h.commitBlock);
  });
  await ticker.pause();
  ticker.holdWhile(undefined);
  v1.kill('SIGTERM');
  t.is(await v1.exited, 0, 'SIGTERM: finish the round, persist, exit 0');
  t.true(v1.lines.some((l) => l.msg === 'validator stopped'));
  const saved = (await readState())!;
  t.true(saved.lastRoundId >= 0);
  const left = saved.pendingCommits.find((p) => p.hash === held!.hash);
  t.truthy(left, 'the pending commit (with its salt) is on disk');
  const savedScores = new Map(saved.scores);
  const uidOf = async (uri: string): Promise<number> =>
    Number((await client.api.query.subtensorModule!.uids!(1, kr.addFromUri(uri).address)).toPrimitive());
  const good = await uidOf('//Bob');
  const roundsBefore = savedScores.get(good)!.rounds;
  t.true(roundsBefore >= 2);
  const commits = (await client.api.query.subtensorModule!.weightCommits!(1, hotkey)).toPrimitive() as Array<[string]>;
  t.true(
    commits.some(([h]) => h === left!.hash),
    'the commit is on chain, unrevealed',
  );

  // Second process on the same data dir: restored state, then rounds continue and the commit is revealed.
  const v2 = spawnValidator(t, args, env);
  const port2 = await v2.port;
  await until('state restored', async () => (await status(port2)).lastRoundId === saved.lastRoundId);
  t.is((await status(port2)).pendingCommits, saved.pendingCommits.length, 'pending commits survived the restart');
  // The reveal must land in its one-epoch window (2.5 s of blocks here): the ticker holds the chain at the
  // first block of that window until the second process has sent its reveal, however busy the machine is.
  const revealInPool = async (): Promise<boolean> =>
    (await client.api.rpc.author.pendingExtrinsics()).some(
      (x) => x.method.section === 'subtensorModule' && x.method.method === 'revealWeights',
    );
  ticker.holdWhile(async () => {
    if (!(await chainCommits()).some(([hash]) => hash === left!.hash)) return false;
    return (await epochAfterBest(client, 1)) === left!.revealEpoch && !(await revealInPool());
  });
  ticker.resume();
  const vUid = await uidOf('//Eve');
  const weightsOnChain = async (): Promise<number> =>
    ((await client.api.query.subtensorModule!.weights!(1, vUid)).toPrimitive() as unknown[]).length;
  await until(
    'the commit left by the first process is revealed',
    async () => v2.lines.some((l) => l.msg === 'weights revealed' && l.hash === left!.hash),
    60_000,
    () => `second process: ${weightsLines(v2)}; first process: ${weightsLines(v1)}`,
  );
  ticker.holdWhile(undefined);
  t.true((await weightsOnChain()) > 0, 'the Weights row is on chain');
  await until('a new round', async () => (await status(port2)).lastRoundId > saved.lastRoundId);
  const latest = (await (await fetch(`http://127.0.0.1:${port2}/report/latest`)).json()) as {
    roundId: number;
    validatorHotkey: string;
    validatorUid: number;
  };
  t.true(latest.roundId > saved.lastRoundId, 'the round counter continued');
  t.is(latest.validatorHotkey, hotkey);
  t.is(latest.validatorUid, vUid);
  v2.kill('SIGTERM');
  t.is(await v2.exited, 0);
  const after = new Map((await readState())!.scores);
  t.true(after.get(good)!.rounds > roundsBefore, `EMA continued: ${roundsBefore} rounds before, ${after.get(good)!.rounds} after`);
  const reports = (await readdir(join(dataDir, 'reports'))).filter((f) => f.startsWith('round-'));
  t.true(
    reports.includes(`round-${saved.lastRoundId}.json`) && reports.includes(`round-${latest.roundId}.json`),
    'reports of both runs are kept',
  );
});
