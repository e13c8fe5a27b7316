/**
 * `npm run chaos -- load-miner --minutes M`: a real `arena miner` (serving the competition's MLP from a
 * cached checkpoint, chaos/miner-model.ts) registered on the load subnet of a devchain, queried by its 64
 * permit-holding validators at once, as the validator queries (GrpcMinerQuerier from `#validator`, a signed
 * Predict of a 256-row generated batch each, all 64 together every `roundMs`), each validator from its own
 * source address (chaos/forwarders.ts). Half the time is a baseline; in the other half a separate process
 * attacks the miner (chaos/workers/hostile.ts: unregistered and forged callers, oversize bodies, idle
 * connections, a flood of refused calls). Recorded per phase: legitimate latency p50/p99/max and failures,
 * the miner's RSS and open fds; then one more round once the attack is over.
 * Checks: 0 legitimate failures in every phase, and the attack-phase p99 at most 2x the baseline p99 and under
 * the validator's 5 s query deadline (a legitimate answer must never be scored as a timeout because of the attack).
 */
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDevWallet, pairFromUri } from '#core';
import { fastSigner } from '#protocol';
import { generatedRoundBatch, loadBuiltinCompetition } from '#training';
import { GrpcMinerQuerier } from '#validator';
import { startForwarders } from './forwarders.ts';
import { LOAD_NETUID, loadChainConfig, validatorUri } from './load-subnet.ts';
import { ensureLoadModel } from './miner-model.ts';
import { ARENA, cpuMs, sleep, spawnNode, usage, type Proc } from './proc.ts';

export interface MinerLoadOptions {
  minutes: number;
  seed: number;
  validators?: number;
  /** Start-to-start time of the validators' rounds, ms (default 5,000: the validator's 5-block round on 1 s blocks). */
  roundMs?: number;
  /** Rows per Predict (default the competition's round batch, 256). */
  batch?: number;
  /** The miner's relay guard (`access.refuseRelayedBatches`, on by default); off isolates the attack's cost from the guard's. */
  relayGuard?: boolean;
  /**
   * Check the attack p99 against 2x the baseline p99 (default true); false checks it against the deadline only.
   * A p99 needs minutes of rounds: in a 12 s phase of 16 callers it is the largest of ~96 samples.
   */
  checkP99Ratio?: boolean;
}

const HOSTILE = fileURLToPath(new URL('./workers/hostile.ts', import.meta.url));
const MINER_HOT = '//Chaos//miner//hot';
const MINER_COLD = '//Chaos//miner';
/** The validator's default query deadline (validator/src/config.ts queryDeadlineMs). */
const DEADLINE_MS = 5_000;
/** The attack-phase p99 may be at most this multiple of the baseline p99. */
const P99_FACTOR = 2;

interface Caller {
  querier: GrpcMinerQuerier;
  target: { uid: number; hotkey: string; host: string; port: number };
  input: { data: Float32Array; shape: number[] };
}
interface PhaseStats {
  rounds: number;
  calls: number;
  failures: number;
  latencyMs: { p50: number; p99: number; max: number };
  failureDetails: string[];
  minerRssMb: { peak: number; end: number };
  minerFds: { peak: number; end: number };
  /** The miner's CPU over the phase, % of one core. */
  minerCpuPct: number;
}

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0);
};

/** One round: every caller asks at once; latencies of answered calls and details of failed ones. */
async function round(callers: Caller[], roundId: number): Promise<{ ok: number[]; failed: string[] }> {
  const answers = await Promise.all(
    callers.map(async (c) => (await c.querier.queryAll([c.target], c.input, DEADLINE_MS, { roundId })).get(c.target.uid)),
  );
  const ok: number[] = [];
  const failed: string[] = [];
  answers.forEach((a, i) => {
    if (a?.status === 'ok') ok.push(a.latencyMs);
    else failed.push(`validator ${i}: ${a?.status ?? 'no answer'} ${a?.detail ?? ''}`.trim());
  });
  return { ok, failed };
}

/** Rounds every `roundMs` for `ms`, sampling the miner's RSS and fds once a round. */
async function phase(callers: Caller[], miner: Proc, ms: number, roundMs: number, next: { roundId: number }): Promise<PhaseStats> {
  const end = Date.now() + ms;
  const lat: number[] = [];
  const failures: string[] = [];
  const rss: number[] = [];
  const fds: number[] = [];
  let rounds = 0;
  const cpu0 = cpuMs(miner.pid);
  const t0phase = Date.now();
  while (Date.now() < end) {
    const t0 = Date.now();
    const r = await round(callers, next.roundId++);
    rounds++;
    lat.push(...r.ok);
    failures.push(...r.failed);
    const u = usage(miner.pid);
    rss.push(u.rssMb);
    fds.push(u.fds);
    await sleep(Math.max(0, roundMs - (Date.now() - t0)));
  }
  return {
    rounds,
    calls: lat.length + failures.length,
    failures: failures.length,
    latencyMs: { p50: pct(lat, 0.5), p99: pct(lat, 0.99), max: Math.round(Math.max(0, ...lat)) },
    failureDetails: failures.slice(0, 5),
    minerRssMb: { peak: Math.max(...rss), end: rss.at(-1) ?? Number.NaN },
    minerFds: { peak: Math.max(...fds), end: fds.at(-1) ?? Number.NaN },
    minerCpuPct: Math.round(((cpuMs(miner.pid) - cpu0) / (Date.now() - t0phase)) * 100),
  };
}

/** Rounds until every caller is answered in one round (the miner has loaded its model and seen the permits). */
async function warmUp(callers: Caller[], next: { roundId: number }, timeoutMs: number): Promise<number> {
  const end = Date.now() + timeoutMs;
  for (let rounds = 1; ; rounds++) {
    const r = await round(callers, next.roundId++);
    if (r.failed.length === 0) return rounds;
    if (Date.now() > end) throw new Error(`miner not answering every validator after ${timeoutMs} ms: ${r.failed.slice(0, 3).join('; ')}`);
    await sleep(1_000);
  }
}

/** The miner's warn/error log lines by message (pino levels 40+), to see what it complained about. */
function logCounts(p: Proc): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of p.lines) if (typeof l.level === 'number' && l.level >= 40) out[String(l.msg)] = (out[String(l.msg)] ?? 0) + 1;
  return out;
}

export async function runMinerLoad(
  o: MinerLoadOptions,
  log: (l: Record<string, unknown>) => void,
): Promise<Record<string, unknown> & { ok: boolean; problems: string[] }> {
  await cryptoWaitReady();
  const validators = o.validators ?? 64;
  const roundMs = o.roundMs ?? 5_000;
  const comp = loadBuiltinCompetition('mnist');
  const batch = o.batch ?? comp.heldOut.roundBatchSize;
  const modelDir = await ensureLoadModel();
  const dir = mkdtempSync(join(tmpdir(), 'arena-load-miner-'));
  const procs: Proc[] = [];
  let closeForwarders: (() => Promise<void>) | undefined;
  const callers: Caller[] = [];
  try {
    const wallets = join(dir, 'wallets');
    await createDevWallet({
      path: wallets,
      name: 'miner',
      hotkey: 'default',
      coldkeyUri: MINER_COLD,
      hotkeyUri: MINER_HOT,
      overwrite: true,
    });
    const minerHotkey = (await pairFromUri(MINER_HOT)).address;
    const cfgPath = join(dir, 'devchain.json');
    const cfg = loadChainConfig({ validators, miners: [{ hotkey: MINER_HOT, coldkey: MINER_COLD }], dataDir: join(dir, 'chain') });
    writeFileSync(cfgPath, JSON.stringify(cfg));
    const chain = spawnNode('devchain', [ARENA, 'devchain', '--config', cfgPath, '--port', '0']);
    procs.push(chain);
    const url = String((await chain.waitFor('devchain listening', 120_000)).url);
    // The miner's flags as sim/ runs honest miners: a model directory instead of training, loopback only.
    const miner = spawnNode(
      'miner',
      [
        ARENA,
        'miner',
        ...['--network', url, '--netuid', String(LOAD_NETUID), '--wallet.path', wallets, '--wallet.name', 'miner'],
        ...['--wallet.hotkey', 'default', '--no-register', '--model-dir', modelDir, '--data-dir', join(dir, 'miner')],
        ...['--grpc.host', '127.0.0.1', '--grpc.port', '0', '--no-metrics.enabled', '--log.progress', 'never', '--backend', 'wasm'],
      ],
      o.relayGuard === false ? { ARENA_MINER_ACCESS_REFUSE_RELAYED_BATCHES: 'false' } : {},
    );
    procs.push(miner);
    const port = Number((await miner.waitFor('miner server listening', 120_000)).port);
    await miner.waitFor('serving model', 120_000);
    const fwd = await startForwarders(validators, port);
    closeForwarders = fwd.close;
    const k = new Keyring({ type: 'sr25519', ss58Format: 42 });
    const minerUid = validators + 1; // after the owner (uid 0) and the validators (chaos/load-subnet.ts)
    for (let i = 0; i < validators; i++) {
      const gen = generatedRoundBatch(`chaos-load-miner-${o.seed}-${i}`, batch);
      callers.push({
        querier: new GrpcMinerQuerier({
          signer: fastSigner(k.addFromUri(validatorUri(i))),
          competitionId: comp.id,
          outputShape: [comp.classes],
        }),
        target: { uid: minerUid, hotkey: minerHotkey, host: '127.0.0.1', port: fwd.ports[i]! },
        input: { data: gen.inputs, shape: [batch, ...comp.inputShape] },
      });
    }
    const next = { roundId: 1 };
    const warmupRounds = await warmUp(callers, next, 120_000);
    log({ loadMiner: 'warm', warmupRounds });
    const half = (o.minutes * 60_000) / 2;
    // The attacker is started now and waits for the attack phase, so its start-up (module loading) is not
    // part of either phase and the attack covers exactly the second half.
    const attackAt = Date.now() + half;
    const hostile = spawnNode('hostile', [
      '--import',
      'tsx',
      HOSTILE,
      JSON.stringify({
        port,
        minerHotkey,
        validators: callers.map((_, i) => k.addFromUri(validatorUri(i)).address),
        startAtMs: attackAt,
        endAtMs: attackAt + half,
        seed: o.seed,
      }),
    ]);
    procs.push(hostile);
    // The attacker shares this machine's 2 cores; at nice 19 it runs on what the miner and the validators leave,
    // as an attacker on its own machines would, so the figure is the miner's cost of the attack, not the CPU
    // the attacking process took from it.
    setPriority(hostile.pid, 19);
    const baseline = await phase(callers, miner, attackAt - Date.now(), roundMs, next);
    log({ loadMiner: 'baseline', ...baseline });
    const hostileCpu0 = cpuMs(hostile.pid);
    const attack = await phase(callers, miner, attackAt + half - Date.now(), roundMs, next);
    log({ loadMiner: 'attack', ...attack });
    const hostileCpuMs = cpuMs(hostile.pid) - hostileCpu0;
    const tallies = (await hostile.waitFor('hostile done', 60_000)).tallies;
    const after = await round(callers, next.roundId++);
    const minerAlive = miner.alive();
    const bound = o.checkP99Ratio === false ? DEADLINE_MS : Math.min(P99_FACTOR * baseline.latencyMs.p99, DEADLINE_MS);
    const problems = [
      ...(baseline.failures > 0
        ? [`${baseline.failures} legitimate calls failed in the baseline: ${baseline.failureDetails.join('; ')}`]
        : []),
      ...(attack.failures > 0 ? [`${attack.failures} legitimate calls failed under attack: ${attack.failureDetails.join('; ')}`] : []),
      ...(after.failed.length > 0
        ? [`${after.failed.length} legitimate calls failed after the attack: ${after.failed.slice(0, 3).join('; ')}`]
        : []),
      ...(attack.latencyMs.p99 > bound
        ? [
            o.checkP99Ratio === false
              ? `legitimate p99 ${attack.latencyMs.p99} ms under attack, over the ${DEADLINE_MS} ms deadline`
              : `legitimate p99 ${attack.latencyMs.p99} ms under attack, over ${bound} ms (${P99_FACTOR}x the baseline p99 ${baseline.latencyMs.p99} ms, at most the ${DEADLINE_MS} ms deadline)`,
          ]
        : []),
      ...(minerAlive ? [] : ['the miner exited']),
    ];
    return {
      ok: problems.length === 0,
      problems,
      minutes: o.minutes,
      validators,
      batch,
      roundMs,
      relayGuard: o.relayGuard !== false,
      warmupRounds,
      baseline,
      attack,
      afterAttack: { calls: after.ok.length + after.failed.length, failures: after.failed.length },
      p99Bound: bound,
      minerLogs: logCounts(miner),
      hostile: { cpuPct: Math.round((hostileCpuMs / half) * 100), niceness: 19, tallies },
    };
  } finally {
    for (const c of callers) c.querier.close();
    await closeForwarders?.();
    for (const p of procs.reverse()) await p.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}
