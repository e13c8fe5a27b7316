/**
 * `npm run chaos -- crash --only validator-daemon`: SIGKILL loops against a real `arena validator` daemon on a real
 * `arena devchain` (500 ms blocks, commit-reveal on, tempo 20, reveal period 1 epoch: a commit is revealed in the
 * next epoch, 0-20 blocks later) with a real `arena miner` serving a cached checkpoint and two registered hotkeys
 * that serve nothing. Each kill lands at a seeded random point of one of:
 * - before-reveal: a commit of the daemon is on chain; killed before its reveal epoch begins;
 * - commit-in-flight: its commit_weights is in the chain's pool; killed 0-1 s later (before inclusion, after
 *   inclusion and before the daemon recorded it, or after);
 * - reveal-in-flight: the same for its reveal_weights;
 * - round: after a round is scored; killed during the state save, the weights step or the next round.
 * After each kill (and two blocks for extrinsics in flight to land): every live commit of the daemon on chain must be
 * in the saved state with the uids, values and salt that hash to it; the round counter and every EMA entry never go
 * back; the restarted daemon logs the state restored. At the end every block is scanned: each commit revealed, or its
 * reveal window still ahead, or spent while the daemon was down; each commit carried over a kill revealed by a
 * restarted daemon with exactly the saved uids, values, salt and version key; no two commits counted in one epoch.
 */
import '@polkadot/api-augment';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDevWallet } from '#core';
import { commitHash, parseState, STATE_FILE, type PendingCommit, type ValidatorState } from '#validator';
import type { CrashOptions, LoopResult } from './crash.ts';
import { ensureLoadModel } from './miner-model.ts';
import { ARENA, prng, sleep, spawnNode, type Proc } from './proc.ts';

const NETUID = 1;
const TEMPO = 20;
const BLOCK_MS = 500;
const ROUND_BLOCKS = 4;
const VALIDATOR = { hot: '//Eve', cold: '//Alice' };
const MINER = { hot: '//Bob', cold: '//Ferdie' };
/** Registered, never serving: the metagraph has more than the one miner, as a subnet does. */
const SILENT = ['//Charlie', '//Dave'];
/** Blocks of a reveal window the daemon must have been up for before an unrevealed commit counts as lost. */
const UP_BLOCKS_TO_REVEAL = 6;

type KillMode = 'before-reveal' | 'commit-in-flight' | 'reveal-in-flight' | 'round';
const MODES: Array<[KillMode, number]> = [
  ['before-reveal', 0.4],
  ['commit-in-flight', 0.25],
  ['reveal-in-flight', 0.15],
  ['round', 0.2],
];

type Api = ApiPromise;
type Query = Record<string, ((...args: unknown[]) => Promise<{ toPrimitive(): unknown }>) | undefined>;
interface LiveCommit {
  hash: string;
  epoch: number;
  block: number;
}
/** A commit that was live on chain at a kill, with what the saved state held for it. */
interface Carried {
  hash: string;
  kill: number;
  saved: PendingCommit;
}
interface Down {
  from: number;
  to: number;
}

const median = (xs: number[]): number => (xs.length === 0 ? 0 : [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);

function pickMode(r: number): KillMode {
  let acc = 0;
  for (const [mode, p] of MODES) if (r < (acc += p)) return mode;
  return 'before-reveal';
}

/** The devchain config: subnet 1 with commit-reveal on, the validator staked with a permit, the miner and two silent hotkeys. */
function chainConfig(): Record<string, unknown> {
  return {
    host: '127.0.0.1',
    port: 0,
    tmp: true,
    blockTimeMs: BLOCK_MS,
    allowLoopbackAxons: true,
    logLevel: 'info',
    genesis: {
      devAccountsTao: 1_000_000,
      accounts: [],
      sudo: '//Alice',
      pallets: {
        SubtensorModule: {
          networkRateLimit: 0,
          subnets: [
            {
              netuid: NETUID,
              owner: '//Alice',
              ownerHotkey: '//Alice//owner',
              startCall: true,
              hyperparams: {
                tempo: TEMPO,
                commitRevealEnabled: true,
                revealPeriodEpochs: 1,
                weightsSetRateLimit: 0,
                minAllowedWeights: 1,
                immunityPeriod: 0,
                activityCutoff: 5000,
                servingRateLimit: 0,
              },
              neurons: [
                { hotkey: VALIDATOR.hot, coldkey: VALIDATOR.cold, stake: 1000, validatorPermit: true },
                { hotkey: MINER.hot, coldkey: MINER.cold },
                ...SILENT.map((hotkey) => ({ hotkey, coldkey: MINER.cold })),
              ],
            },
          ],
        },
      },
    },
  };
}

const subtensor = (api: Api): Query => (api.query as unknown as Record<string, Query>).subtensorModule!;

async function head(api: Api): Promise<number> {
  return (await api.rpc.chain.getHeader()).number.toNumber();
}

async function num(api: Api, item: string): Promise<number> {
  return Number((await subtensor(api)[item]!(NETUID)).toPrimitive());
}

/** The daemon's commits on chain that are not expired yet (commit epoch + 1 >= the current epoch). */
async function liveCommits(api: Api, hotkey: string): Promise<LiveCommit[]> {
  const rows = ((await subtensor(api).weightCommits!(NETUID, hotkey)).toPrimitive() ?? []) as Array<[string, number, number, number]>;
  const epoch = await num(api, 'subnetEpochIndex');
  return rows.map(([hash, e, b]) => ({ hash: hash.toLowerCase(), epoch: e, block: b })).filter((c) => c.epoch + 1 >= epoch);
}

/** Whether a `method` call of the subtensor module signed by `hotkey` waits in the chain's pool. */
async function inPool(api: Api, hotkey: string, method: string): Promise<boolean> {
  const xs = await api.rpc.author.pendingExtrinsics();
  return xs.some((x) => x.isSigned && x.signer.toString() === hotkey && x.method.method === method);
}

async function until<T>(what: string, timeoutMs: number, stepMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`validator-daemon: no ${what} within ${timeoutMs} ms`);
    await sleep(stepMs);
  }
}

/** Reads and parses the saved state; undefined when there is no file. Throws on a malformed one. */
function savedState(path: string): ValidatorState | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  return parseState(text).state;
}

interface Ctx {
  api: Api;
  hotkey: string;
  rand: () => number;
  seen: Set<string>;
  /** 'round scored' lines of the running daemon. */
  rounds: { n: number };
}

/** Waits for the kill point of `mode` (then sleeps the seeded delay); returns what it waited for. */
async function killPoint(mode: KillMode, c: Ctx): Promise<Record<string, unknown>> {
  const epochMs = TEMPO * BLOCK_MS;
  if (mode === 'before-reveal') {
    for (const x of await liveCommits(c.api, c.hotkey)) c.seen.add(x.hash);
    const fresh = await until('new commit on chain', 3 * epochMs + 60_000, 100, async () => {
      const live = await liveCommits(c.api, c.hotkey);
      const f = live.find((x) => !c.seen.has(x.hash));
      for (const x of live) c.seen.add(x.hash);
      return f;
    });
    const [h, last, epoch] = [await head(c.api), await num(c.api, 'lastEpochBlock'), await num(c.api, 'subnetEpochIndex')];
    const revealStart = last + TEMPO * (fresh.epoch + 1 - epoch);
    // The daemon sends its reveal once the head is the block before the reveal epoch (it lands in the first block of it).
    const delay = Math.floor(c.rand() * Math.max(0, (revealStart - 1 - h) * BLOCK_MS - 300));
    await sleep(delay);
    return { commit: fresh.hash, commitBlock: fresh.block, revealStart, delayMs: delay };
  }
  if (mode === 'round') {
    const n0 = c.rounds.n;
    await until('round scored', 120_000, 50, async () => (c.rounds.n > n0 ? true : undefined));
    const delay = Math.floor(c.rand() * ROUND_BLOCKS * BLOCK_MS);
    await sleep(delay);
    return { delayMs: delay };
  }
  const method = mode === 'commit-in-flight' ? 'commitWeights' : 'revealWeights';
  await until(`${method} in the pool`, 3 * epochMs + 60_000, 20, async () => ((await inPool(c.api, c.hotkey, method)) ? true : undefined));
  const delay = Math.floor(c.rand() * (BLOCK_MS + 500));
  await sleep(delay);
  return { delayMs: delay };
}

/** What the loop keeps from every kill for the final scan. */
interface Tally {
  carried: Carried[];
  down: Down[];
  violations: string[];
  lostAtKill: Set<string>;
}

/** The checks right after a kill: live commits in the saved state with their salt, state never behind the last one. */
function checkAfterKill(
  i: number,
  hotkey: string,
  live: LiveCommit[],
  state: ValidatorState | undefined,
  prev: ValidatorState | undefined,
  rec: Tally,
): void {
  if (state === undefined) {
    if (prev !== undefined) rec.violations.push(`kill ${i}: the state file is gone`);
    return;
  }
  for (const x of live) {
    const saved = state.pendingCommits.find((p) => p.hash.toLowerCase() === x.hash);
    if (saved === undefined) {
      if (rec.lostAtKill.has(x.hash)) continue;
      rec.lostAtKill.add(x.hash);
      rec.violations.push(
        `kill ${i}: commit ${x.hash} (block ${x.block}) is on chain but not in the saved state: its salt is lost, it can never be revealed`,
      );
      continue;
    }
    const again = commitHash(hotkey, NETUID, saved.uids, saved.weights, saved.salt, BigInt(saved.versionKey));
    if (again.toLowerCase() !== x.hash)
      rec.violations.push(`kill ${i}: saved commit ${x.hash} hashes to ${again} from its uids/values/salt`);
    else rec.carried.push({ hash: x.hash, kill: i, saved });
  }
  if (prev === undefined) return;
  if (state.lastRoundId < prev.lastRoundId)
    rec.violations.push(`kill ${i}: saved round ${state.lastRoundId} is behind the ${prev.lastRoundId} saved before the previous kill`);
  for (const [uid, e] of prev.scores) {
    const now = state.scores.get(uid);
    if (now === undefined || now.rounds < e.rounds)
      rec.violations.push(`kill ${i}: EMA of uid ${uid} went back from ${e.rounds} rounds to ${now?.rounds ?? 'none'} (reset)`);
  }
}

function spawnValidator(root: string, url: string, onLine: (l: Record<string, unknown>) => void): Proc {
  return spawnNode(
    'validator',
    [
      ARENA,
      'validator',
      ...['--chain-endpoint', url, '--netuid', String(NETUID), '--wallet.path', join(root, 'wallets'), '--wallet.name', 'validator'],
      ...['--data-dir', join(root, 'validator'), '--http.port', '-1', '--log-level', 'info'],
      ...['--scoring.round-length-blocks', String(ROUND_BLOCKS), '--scoring.batch-size', '64', '--scoring.poll-interval-ms', '200'],
      ...['--scoring.min-availability', '0'],
    ],
    {},
    undefined,
    onLine,
  );
}

/** The daemon's commit and reveal events over blocks 1..to, and its refused weight extrinsics by call and error. */
async function scanWeights(
  api: Api,
  hotkey: string,
  to: number,
): Promise<{
  commits: Array<{ hash: string; block: number; epoch: number }>;
  reveals: Map<string, { block: number; args: { uids: number[]; values: number[]; salt: number[]; versionKey: string } }>;
  refused: Record<string, number>;
}> {
  const commits: Array<{ hash: string; block: number; epoch: number }> = [];
  const reveals = new Map<string, { block: number; args: { uids: number[]; values: number[]; salt: number[]; versionKey: string } }>();
  const refused: Record<string, number> = {};
  for (let n = 1; n <= to; n++) {
    const hash = await api.rpc.chain.getBlockHash(n);
    const at = await api.at(hash);
    const events = await at.query.system.events();
    if (events.length === 0) continue;
    const block = await api.rpc.chain.getBlock(hash);
    for (const { event, phase } of events) {
      const data = event.data as unknown as Array<{ toString(): string }>;
      if (event.section === 'subtensorModule' && event.method === 'WeightsCommitted' && data[0]!.toString() === hotkey) {
        const h = data[2]!.toString().toLowerCase();
        const rows = ((
          await (at.query as unknown as Record<string, Query>).subtensorModule!.weightCommits!(NETUID, hotkey)
        ).toPrimitive() ?? []) as Array<[string, number]>;
        commits.push({ hash: h, block: n, epoch: rows.find(([x]) => x.toLowerCase() === h)?.[1] ?? -1 });
      }
      if (
        event.section === 'subtensorModule' &&
        event.method === 'WeightsRevealed' &&
        data[0]!.toString() === hotkey &&
        phase.isApplyExtrinsic
      ) {
        const x = block.block.extrinsics[phase.asApplyExtrinsic.toNumber()]!;
        const a = x.method.args.map((v) => v.toPrimitive());
        reveals.set(data[2]!.toString().toLowerCase(), {
          block: n,
          args: { uids: a[1] as number[], values: a[2] as number[], salt: a[3] as number[], versionKey: String(a[4]) },
        });
      }
      if (event.section === 'system' && event.method === 'ExtrinsicFailed' && phase.isApplyExtrinsic) {
        const x = block.block.extrinsics[phase.asApplyExtrinsic.toNumber()]!;
        if (!x.isSigned || x.signer.toString() !== hotkey) continue;
        const err = event.data[0] as unknown as { isModule: boolean; asModule: Parameters<Api['registry']['findMetaError']>[0] };
        const name = err.isModule ? api.registry.findMetaError(err.asModule).name : 'Other';
        const key = `${x.method.method}:${name}`;
        refused[key] = (refused[key] ?? 0) + 1;
      }
    }
  }
  return { commits, reveals, refused };
}

/** Blocks from `from` on whose epoch is `epoch` (the reveal window of a commit counted in epoch - 1). */
async function windowOf(api: Api, from: number, epoch: number, to: number): Promise<number[]> {
  const out: number[] = [];
  for (let n = from; n <= to; n++) {
    const at = await api.at(await api.rpc.chain.getBlockHash(n));
    const e = Number((await (at.query as unknown as Record<string, Query>).subtensorModule!.subnetEpochIndex!(NETUID)).toPrimitive());
    if (e === epoch) out.push(n);
    if (e > epoch) break;
  }
  return out;
}

/** The validator-daemon crash loop. */
export async function validatorDaemonLoop(o: CrashOptions, log: (l: Record<string, unknown>) => void): Promise<LoopResult> {
  await cryptoWaitReady();
  const rand = prng(o.seed + 3);
  const modelDir = await ensureLoadModel();
  const root = mkdtempSync(join(tmpdir(), 'arena-chaos-vdaemon-'));
  const statePath = join(root, 'validator', STATE_FILE);
  const rec: Tally = { carried: [], down: [], violations: [], lostAtKill: new Set() };
  const restoreMs: number[] = [];
  const modes: Record<string, number> = {};
  const rounds = { n: 0, total: 0 };
  /** The daemons' warn/error log lines by message. */
  const warnings: Record<string, number> = {};
  const procs: Proc[] = [];
  let api: Api | undefined;
  let validator: Proc | undefined;
  try {
    const wallets = join(root, 'wallets');
    await createDevWallet({ path: wallets, name: 'validator', hotkey: 'default', coldkeyUri: VALIDATOR.cold, hotkeyUri: VALIDATOR.hot });
    await createDevWallet({ path: wallets, name: 'miner', hotkey: 'default', coldkeyUri: MINER.cold, hotkeyUri: MINER.hot });
    writeFileSync(join(root, 'devchain.json'), JSON.stringify(chainConfig()));
    const chain = spawnNode('devchain', [ARENA, 'devchain', '--config', join(root, 'devchain.json')]);
    procs.push(chain);
    const url = String((await chain.waitFor('devchain listening', 120_000)).url);
    const provider = new WsProvider(url, false);
    await provider.connect();
    api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
    const hotkey = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 ?? 42 }).addFromUri(VALIDATOR.hot).address;
    const miner = spawnNode('miner', [
      ARENA,
      'miner',
      ...['--network', url, '--netuid', String(NETUID), '--wallet.path', wallets, '--wallet.name', 'miner', '--wallet.hotkey', 'default'],
      ...['--no-register', '--model-dir', modelDir, '--data-dir', join(root, 'miner'), '--grpc.host', '127.0.0.1', '--grpc.port', '0'],
      ...['--no-metrics.enabled', '--log.progress', 'never', '--backend', 'wasm'],
    ]);
    procs.push(miner);
    await miner.waitFor(/^axon (served|already on chain)/, 180_000);
    const onLine = (l: Record<string, unknown>): void => {
      if (typeof l.level === 'number' && l.level >= 40) {
        const key = `${String(l.msg)}${l.code === undefined ? '' : ` [${String(l.code)}]`}`;
        warnings[key] = (warnings[key] ?? 0) + 1;
      }
      if (l.msg === 'round scored') {
        rounds.n++;
        rounds.total++;
      }
    };
    validator = spawnValidator(root, url, onLine);
    const c: Ctx = { api, hotkey, rand, seen: new Set(), rounds };
    // Warm up: a period commitment, a first round, a first commit on chain and in the saved state.
    await until('first commit on chain', 240_000, 200, async () => ((await liveCommits(api!, hotkey)).length > 0 ? true : undefined));
    let prev = savedState(statePath);
    log({ component: 'validator-daemon', warm: true, block: await head(api), rounds: rounds.total });
    for (let i = 1; i <= o.iterations; i++) {
      const mode = pickMode(rand());
      modes[mode] = (modes[mode] ?? 0) + 1;
      const point = await killPoint(mode, c);
      await validator.kill('SIGKILL');
      const killBlock = await head(api);
      // Two blocks for extrinsics the daemon sent before it died to land (or not).
      await sleep(2 * BLOCK_MS + 300);
      const live = await liveCommits(api, hotkey);
      for (const x of live) c.seen.add(x.hash);
      let state: ValidatorState | undefined;
      try {
        state = savedState(statePath);
      } catch (err: unknown) {
        rec.violations.push(`kill ${i}: the saved state does not parse: ${String(err)}`);
      }
      checkAfterKill(i, hotkey, live, state, prev, rec);
      prev = state ?? prev;
      const t0 = Date.now();
      rounds.n = 0;
      validator = spawnValidator(root, url, onLine);
      const restored = await validator.waitFor(/^validator state /, 180_000);
      const ms = Date.now() - t0;
      restoreMs.push(ms);
      rec.down.push({ from: killBlock, to: await head(api) });
      if (restored.msg !== 'validator state restored')
        rec.violations.push(`kill ${i}: restart did not restore the state: ${String(restored.msg)}`);
      else if (state !== undefined && restored.lastRoundId !== state.lastRoundId)
        rec.violations.push(`kill ${i}: restart restored round ${String(restored.lastRoundId)}, the file holds ${state.lastRoundId}`);
      log({ component: 'validator-daemon', kill: i, mode, ...point, killBlock, liveCommits: live.length, restoreMs: ms });
    }
    // Let the last carried commits reach the end of their reveal window, then stop and scan the whole chain.
    const lastEpoch = Math.max(-1, ...rec.carried.map((x) => x.saved.commitEpoch));
    await until('the reveal window of the last carried commit to pass', 4 * TEMPO * BLOCK_MS + 60_000, 500, async () =>
      (await num(api!, 'subnetEpochIndex')) > lastEpoch + 1 ? true : undefined,
    );
    await validator.kill('SIGKILL');
    const final = savedState(statePath);
    const end = await head(api);
    const scan = await scanWeights(api, hotkey, end);
    const endEpoch = await num(api, 'subnetEpochIndex');
    const detail = await finalChecks(api, scan, end, endEpoch, rec);
    const emaRounds = Math.max(0, ...[...(final?.scores.values() ?? [])].map((e) => e.rounds));
    // Each kill loses at most the round in flight (scored, not yet saved); the EMA never restarts from zero.
    if (emaRounds < rounds.total - (o.iterations + 1))
      rec.violations.push(`EMA folds ${emaRounds} rounds, ${rounds.total} were scored over ${o.iterations + 1} processes (reset?)`);
    return {
      component: 'validator-daemon',
      kills: o.iterations,
      violations: rec.violations,
      recoveryMs: { median: median(restoreMs), max: Math.max(0, ...restoreMs) },
      detail: {
        ...detail,
        modes,
        validatorWarnings: warnings,
        roundsScored: rounds.total,
        emaRounds,
        blocks: end,
        commitsLost: rec.lostAtKill.size + (detail.lostInScan as number),
      },
    };
  } finally {
    await validator?.kill('SIGKILL');
    await api?.disconnect().catch(() => undefined);
    for (const p of procs.reverse()) await p.kill('SIGKILL');
    rmSync(root, { recursive: true, force: true });
  }
}

/** The end-of-run checks over the scanned commits and reveals; returns the figures. */
async function finalChecks(
  api: Api,
  scan: Awaited<ReturnType<typeof scanWeights>>,
  end: number,
  endEpoch: number,
  rec: Tally,
): Promise<Record<string, unknown>> {
  let lost = 0;
  let expiredWhileDown = 0;
  let pendingAtEnd = 0;
  const byEpoch = new Map<number, string[]>();
  for (const cm of scan.commits) byEpoch.set(cm.epoch, [...(byEpoch.get(cm.epoch) ?? []), cm.hash]);
  for (const [epoch, hashes] of byEpoch)
    if (hashes.length > 1)
      rec.violations.push(`${hashes.length} commits counted in epoch ${epoch}: ${hashes.join(', ')} (duplicate commit)`);
  for (const cm of scan.commits) {
    if (scan.reveals.has(cm.hash) || rec.lostAtKill.has(cm.hash)) continue;
    if (cm.epoch + 1 >= endEpoch) {
      pendingAtEnd++;
      continue;
    }
    const window = await windowOf(api, cm.block, cm.epoch + 1, end);
    const up = window.filter((b) => !rec.down.some((d) => b >= d.from && b <= d.to)).length;
    if (up < UP_BLOCKS_TO_REVEAL) {
      expiredWhileDown++;
      continue;
    }
    lost++;
    rec.violations.push(
      `commit ${cm.hash} (block ${cm.block}, epoch ${cm.epoch}) never revealed though the daemon was up ${up} blocks of its reveal window`,
    );
  }
  const revealedAfterRestart = new Set<string>();
  for (const x of rec.carried) {
    const r = scan.reveals.get(x.hash);
    if (r === undefined) continue;
    if (r.block > rec.down[x.kill - 1]!.to) revealedAfterRestart.add(x.hash);
    const s = x.saved;
    if (
      r.args.uids.join() !== s.uids.join() ||
      r.args.values.join() !== s.weights.join() ||
      r.args.salt.join() !== s.salt.join() ||
      r.args.versionKey !== s.versionKey
    )
      rec.violations.push(`commit ${x.hash}: revealed uids/values/salt/version differ from what was saved before kill ${x.kill}`);
  }
  return {
    commits: scan.commits.length,
    reveals: scan.reveals.size,
    carriedOverKill: new Set(rec.carried.map((x) => x.hash)).size,
    revealsAfterRestart: revealedAfterRestart.size,
    expiredWhileDown,
    pendingAtEnd,
    lostInScan: lost,
    refused: scan.refused,
  };
}
