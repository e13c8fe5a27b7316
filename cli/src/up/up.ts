/**
 * `arena up`: a whole local competition on one machine. Starts the devchain (genesis: subnet with
 * staked validators), then every miner and validator as its own `arena miner` / `arena validator`
 * process, the dashboard, and a live leaderboard; stops them all on Ctrl-C, `--duration` or a dead chain.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { connectChain, type ChainClient } from '#core';
import { readSubnet } from '../leaderboard/read.ts';
import { buildLeaderboard, type Leaderboard } from '../leaderboard/model.ts';
import { startDashboard, type DashboardHandle } from '../../dashboard/server.ts';
import type { UpConfig } from './config.ts';
import { ensureWallets, upPaths, writeDevchainConfig, type NeuronKeys } from './setup.ts';
import { Supervisor } from './supervisor.ts';
import { liveRows, readEmaLosses, renderLive, type NeuronLabel } from './live.ts';

/** The validators' public report directory (validator PUBLIC_REPORTS_DIR; not imported, to keep `up` free of tfjs). */
const PUBLIC_REPORTS_DIR = 'public-reports';
const ARENA_BIN = fileURLToPath(new URL('../../bin/arena.js', import.meta.url));

/** Options of `runUp`. */
export interface UpOptions {
  config: UpConfig;
  /** Delete the data directory first. */
  fresh?: boolean;
  /** Stop by itself after this many seconds. */
  durationSec?: number;
  /** Redraw a live table (TTY); otherwise log one leaderboard line per epoch. */
  live?: boolean;
  /** Start the web dashboard (default true). */
  dashboard?: boolean;
  logger: Logger;
  /** Where the live table and the summary go (default stdout). */
  out?: NodeJS.WritableStream;
  /** Resolves when the user asks to stop (SIGINT/SIGTERM wiring is the command's). */
  stopSignal?: Promise<unknown>;
}

/** What ran, for scripts and tests. */
export interface UpResult {
  endpoint: string;
  dashboardUrl: string | null;
  keys: NeuronKeys[];
  lastLeaderboard: Leaderboard | null;
  reason: 'duration' | 'signal' | 'chain-exited';
}

/** Waits for the devchain child to log its URL; rejects when it exits first or takes too long. */
function devchainUrl(sup: Supervisor, args: string[], timeoutMs: number): { url: Promise<string> } {
  let resolveUrl!: (u: string) => void;
  let rejectUrl!: (e: Error) => void;
  const url = new Promise<string>((res, rej) => {
    resolveUrl = res;
    rejectUrl = rej;
  });
  const child = sup.start({
    name: 'devchain',
    args,
    onLine: (line) => {
      if (!line.includes('devchain listening')) return;
      try {
        const rec = JSON.parse(line) as { url?: string };
        if (typeof rec.url === 'string') resolveUrl(rec.url);
      } catch {
        /* not a JSON log line */
      }
    },
  });
  void child.exited.then(({ code }) => {
    // Give the log stream a moment to flush the child's last words into the file.
    setTimeout(
      () =>
        rejectUrl(
          new Error(
            `the devchain exited (code ${code}) before it was ready (is its port in use? try --port 0). Its last log lines:\n${sup.tail('devchain')}`,
          ),
        ),
      200,
    );
  });
  const timer = setTimeout(() => rejectUrl(new Error(`the devchain was not ready after ${timeoutMs} ms; see its log`)), timeoutMs);
  void url.finally(() => clearTimeout(timer)).catch(() => undefined);
  return { url };
}

function minerArgs(cfg: UpConfig, endpoint: string, i: number): string[] {
  const m = cfg.miners[i]!;
  const p = upPaths(cfg.dataDir);
  const port = (base: number): string => String(base === 0 ? 0 : base + i);
  const args = [
    ARENA_BIN,
    'miner',
    '--network',
    endpoint,
    '--netuid',
    String(cfg.subnet.netuid),
    '--wallet.path',
    p.wallets,
    '--wallet.name',
    m.name,
    '--wallet.hotkey',
    'default',
    '--register',
    '--model.name',
    m.model,
    '--data-dir',
    p.neuron(m.name),
    '--grpc.host',
    '127.0.0.1',
    '--grpc.port',
    port(cfg.ports.minerGrpcBase),
    '--metrics.port',
    port(cfg.ports.metricsBase),
    '--log.progress',
    'never',
  ];
  if (m.maxSteps !== undefined) args.push('--training.max-steps', String(m.maxSteps));
  if (m.batchSize !== undefined) args.push('--training.batch-size', String(m.batchSize));
  return args;
}

function validatorArgs(cfg: UpConfig, endpoint: string, i: number): string[] {
  const v = cfg.validators[i]!;
  const p = upPaths(cfg.dataDir);
  const metrics = cfg.ports.metricsBase === 0 ? 0 : cfg.ports.metricsBase + 100 + i;
  return [
    ARENA_BIN,
    'validator',
    '--chain-endpoint',
    endpoint,
    '--netuid',
    String(cfg.subnet.netuid),
    '--wallet.path',
    p.wallets,
    '--wallet.name',
    v.name,
    '--wallet.hotkey',
    'default',
    '--data-dir',
    p.neuron(v.name),
    '--metrics.port',
    String(metrics),
    '--round-interval',
    String(cfg.validator.roundLengthBlocks),
    '--batch-size',
    String(cfg.validator.batchSize),
    '--deadline-ms',
    String(cfg.validator.deadlineMs),
  ];
}

/** Runs the local competition until stopped; resolves after every process has exited. */
export async function runUp(opts: UpOptions): Promise<UpResult> {
  const cfg = opts.config;
  const log = opts.logger;
  const out = opts.out ?? process.stdout;
  if (opts.fresh === true) rmSync(cfg.dataDir, { recursive: true, force: true });
  const paths = upPaths(cfg.dataDir);
  const keys = await ensureWallets(cfg);
  const configFile = writeDevchainConfig(cfg, keys);
  const sup = new Supervisor(paths.logs, log);
  let client: ChainClient | undefined;
  let dashboard: DashboardHandle | undefined;
  let unsubscribe: (() => void) | undefined;
  let lastLeaderboard: Leaderboard | null = null;
  try {
    const { url } = devchainUrl(
      sup,
      [ARENA_BIN, 'devchain', '--config', configFile, '--data-dir', paths.chain, '--port', String(cfg.chain.port)],
      60_000,
    );
    const endpoint = await url;
    client = await connectChain({ endpoint, logger: log.child({ component: 'up.chain' }) });
    cfg.miners.forEach((m, i) => sup.start({ name: m.name, args: minerArgs(cfg, endpoint, i) }));
    const validatorEnv = {
      ARENA_VALIDATOR_SCORING_EMA_ALPHA: String(cfg.validator.emaAlpha),
      ARENA_VALIDATOR_SCORING_PERIOD_ROUNDS: String(cfg.validator.periodRounds),
    };
    cfg.validators.forEach((v, i) => sup.start({ name: v.name, args: validatorArgs(cfg, endpoint, i), env: validatorEnv }));
    // Only what validators publish while a period runs: ranks and Ladder scores (full reports stay private until the reveal).
    const reportDirs = cfg.validators.map((v) => join(paths.neuron(v.name), PUBLIC_REPORTS_DIR));
    if (opts.dashboard !== false) {
      try {
        dashboard = await startDashboard({
          chainEndpoint: endpoint,
          netuid: cfg.subnet.netuid,
          port: cfg.ports.dashboard,
          reportDirs,
          logger: log.child({ component: 'up.dashboard' }),
        });
      } catch (err) {
        log.warn({ err }, 'dashboard not started (is port in use, or the page not built? run npm run build:dashboard)');
      }
    }
    const summary = `arena up · chain ${endpoint} · ${cfg.validators.length} validators · ${cfg.miners.length} miners · dashboard ${dashboard?.url ?? 'off'} · data ${cfg.dataDir} · logs ${paths.logs}`;
    out.write(`${summary}\n`);
    log.info({ endpoint, dashboard: dashboard?.url, dataDir: cfg.dataDir }, 'local competition running');

    const labels = new Map<string, NeuronLabel>();
    cfg.validators.forEach((v) => labels.set(keys.get(v.name)!.hotkey, { name: v.name, role: 'validator' }));
    cfg.miners.forEach((m) => labels.set(keys.get(m.name)!.hotkey, { name: m.name, role: 'miner', model: m.model }));
    let busy = false;
    let lastEpochLogged = -1;
    const api = client.api;
    unsubscribe = (await api.rpc.chain.subscribeNewHeads(() => {
      if (busy) return;
      busy = true;
      readSubnet(api, cfg.subnet.netuid)
        .then((snap) => {
          const lb = buildLeaderboard(snap);
          lastLeaderboard = lb;
          const rows = liveRows(lb, labels, readEmaLosses(reportDirs));
          if (opts.live === true) {
            out.write(`\u001b[2J\u001b[H${renderLive(lb, rows, summary)}\n`);
          } else if (lb.nextEpochBlock !== null && lb.nextEpochBlock !== lastEpochLogged && lb.totalEmissionRao > 0n) {
            lastEpochLogged = lb.nextEpochBlock;
            log.info(
              {
                block: lb.block,
                leaderboard: rows.map((r) => ({
                  rank: r.rank,
                  uid: r.uid,
                  name: r.name,
                  model: r.model,
                  incentive: r.incentive,
                  emaLoss: r.emaLoss,
                })),
              },
              'leaderboard',
            );
          }
        })
        .catch((err: unknown) => log.debug({ err }, 'leaderboard read failed (will retry next block)'))
        .finally(() => {
          busy = false;
        });
    })) as unknown as () => void;

    const chainDied = new Promise<'chain-exited'>((resolve) => {
      const timer = setInterval(() => {
        if (!sup.running().includes('devchain')) {
          clearInterval(timer);
          resolve('chain-exited');
        }
      }, 500);
      timer.unref();
    });
    const waits: Promise<UpResult['reason']>[] = [chainDied];
    if (opts.stopSignal !== undefined) waits.push(opts.stopSignal.then(() => 'signal' as const));
    if (opts.durationSec !== undefined) waits.push(new Promise((r) => setTimeout(() => r('duration'), opts.durationSec! * 1000).unref()));
    if (waits.length === 1) waits.push(new Promise(() => undefined));
    const reason = await Promise.race(waits);
    log.info({ reason }, 'stopping the local competition');
    return { endpoint, dashboardUrl: dashboard?.url ?? null, keys: [...keys.values()], lastLeaderboard, reason };
  } finally {
    unsubscribe?.();
    await dashboard?.stop().catch(() => undefined);
    await client?.close().catch(() => undefined);
    await sup.stopAll(20_000, ['devchain']);
  }
}
