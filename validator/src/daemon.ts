/**
 * The validator daemon: wallet hotkey + chain connection + gRPC querier + held-out data around the
 * `ValidatorLoop`, with an HTTP server for Prometheus `/metrics`, `/report/latest`, `/reports`,
 * `/reports/<round>` and `/status`. `stop()` finishes the current iteration, persists and closes.
 */
import {
  ArenaError,
  connectChain,
  DisposerStack,
  listenHttp,
  loadHotkey,
  readPasswordFile,
  resolveNetwork,
  sendJson,
  startOrRelease,
  type ChainClient,
} from '#core';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { chmod, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { GrpcMinerQuerier } from './adapters/querier.ts';
import { SubtensorChainView } from './adapters/chain-view.ts';
import { dataHashFor, dataSourceFor } from './adapters/data-source.ts';
import { ChainPeriodCommitter } from './adapters/period-committer.ts';
import { ChainWeightSetter } from './adapters/weight-setter.ts';
import { loadCompetition, scoringFor, type ValidatorConfig } from './daemon-config.ts';
import type { Competition } from '#training';
import type { ScoringConfig } from './config.ts';
import { ValidatorLoop, type ValidatorDeps } from './lifecycle.ts';
import { PeriodKeeper, type PeriodCommitter } from './period-keeper.ts';
import type { ChainView, DataSource, MinerQuerier, WeightSetter } from './ports.ts';
import { sidecarFileName } from './evidence.ts';
import { createReportHandler, reportFileName, type RoundReport } from './report.ts';

/** What `status()` tells (e.g. to `arena up`). */
export interface ValidatorStatus {
  running: boolean;
  hotkey: string;
  netuid: number;
  endpoint: string;
  /** Last round completed (-1 = none) and its block. */
  lastRoundId: number;
  lastRoundBlock: number;
  /** Block of our last successful set/commit (0 = never). */
  lastWeightsBlock: number;
  pendingCommits: number;
  rounds: number;
  /** Port of the HTTP server (undefined when off). */
  httpPort: number | undefined;
  latest: { roundId: number; block: number; miners: number; failed: number; ranked: number } | undefined;
}

/** A running validator. */
export interface ValidatorHandle {
  /** Finishes the current iteration, persists the state, closes the chain and servers. Idempotent. */
  stop(): Promise<void>;
  status(): ValidatorStatus;
  /** Resolves when the loop has stopped. */
  readonly done: Promise<void>;
  readonly httpPort: number | undefined;
  readonly hotkey: string;
}

/** Overrides for tests and embedding (`arena up`): a ready key, an open client, or fake ports. */
export interface StartValidatorOptions {
  logger?: Logger;
  /** The hotkey pair; default loaded from `config.wallet`. */
  hotkey?: KeyringPair;
  /** An open chain client (not closed on stop); default connects to the configured endpoint. */
  client?: ChainClient;
  /** Replace adapters (tests). */
  ports?: Partial<Pick<ValidatorDeps, 'chain' | 'querier' | 'data' | 'weights'>>;
  /** Replace the on-chain period committer (tests); used when `scoring.secretPeriods` is on. */
  committer?: PeriodCommitter;
}

function metricsOf(registry: Registry) {
  return {
    rounds: new Counter({ name: 'arena_validator_rounds_total', help: 'Scoring rounds completed', registers: [registry] }),
    miners: new Gauge({
      name: 'arena_validator_round_miners',
      help: 'Miners queried in the last round, by outcome',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'arena_validator_round_duration_seconds',
      help: 'Wall time of a round',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    phase: new Gauge({
      name: 'arena_validator_round_phase_seconds',
      help: 'Time of each phase of the last round',
      labelNames: ['phase'] as const,
      registers: [registry],
    }),
    lastRoundBlock: new Gauge({
      name: 'arena_validator_last_round_block',
      help: 'Block of the last completed round',
      registers: [registry],
    }),
    weightsBlock: new Gauge({
      name: 'arena_validator_weights_set_block',
      help: 'Block in which our last weights (set or commit) were included',
      registers: [registry],
    }),
    pendingCommits: new Gauge({
      name: 'arena_validator_pending_commits',
      help: 'Weight commits waiting for their reveal epoch',
      registers: [registry],
    }),
  };
}

/** A missing wallet: the same error (exit code 2) with the exact command that creates this wallet. */
function walletHint(err: unknown, w: ValidatorConfig['wallet'], netuid: number): unknown {
  if (!(err instanceof ArenaError) || err.code !== 'WALLET_NOT_FOUND') return err;
  const where = `--wallet.name ${w.name} --wallet.hotkey ${w.hotkey}${w.path === undefined ? '' : ` --wallet.path ${w.path}`}`;
  return new ArenaError(
    'WALLET_NOT_FOUND',
    `${err.message}; for this validator run "arena wallet create ${where}" (on a local devchain: "arena wallet dev ${where} --uri //Alice"), ` +
      `then register the hotkey on subnet ${netuid}, or point --wallet.name/--wallet.hotkey/--wallet.path at an existing wallet`,
    { cause: err },
  );
}

/** Starts the validator described by `config`. Rejects (before anything runs) on a bad wallet, competition or endpoint. */
export async function startValidator(config: ValidatorConfig, opts: StartValidatorOptions = {}): Promise<ValidatorHandle> {
  const root = opts.logger ?? pino({ level: 'silent' });
  const log = root.child({ component: 'validator.daemon', netuid: config.netuid });
  const competition = loadCompetition(config.competition);
  const scoring = scoringFor(config, competition);
  const password = config.wallet.passwordFile === undefined ? undefined : readPasswordFile(config.wallet.passwordFile);
  const hotkey =
    opts.hotkey ??
    (await loadHotkey({ name: config.wallet.name, hotkey: config.wallet.hotkey, path: config.wallet.path }, { password }).catch(
      (err: unknown) => {
        throw walletHint(err, config.wallet, config.netuid);
      },
    ));
  const endpoint = config.chainEndpoint ?? resolveNetwork(config.network).endpoint;
  const needsClient =
    opts.ports?.chain === undefined || opts.ports.weights === undefined || (scoring.secretPeriods && opts.committer === undefined);
  // Everything opened from here on is released in reverse order when the start fails or the validator stops.
  const resources = new DisposerStack();
  const client = needsClient
    ? (opts.client ?? resources.use('chain connection', await connectChain({ endpoint, logger: root }), (c) => c.close()))
    : undefined;
  return startOrRelease(resources, log, () =>
    startOnce(config, opts, { root, log, competition, scoring, hotkey, endpoint, client, resources }),
  );
}

interface StartContext {
  root: Logger;
  log: Logger;
  competition: Competition;
  scoring: ScoringConfig;
  hotkey: KeyringPair;
  endpoint: string;
  client: ChainClient | undefined;
  resources: DisposerStack;
}

/** The part of the start that runs with the chain connected; whatever it opens goes on `resources`. */
async function startOnce(config: ValidatorConfig, opts: StartValidatorOptions, ctx: StartContext): Promise<ValidatorHandle> {
  const { root, log, competition, scoring, hotkey, endpoint, client, resources } = ctx;
  log.info(
    {
      hotkey: hotkey.address,
      endpoint,
      competition: competition.id,
      roundLengthBlocks: scoring.roundLengthBlocks,
      batchSize: scoring.batchSize,
    },
    'validator starting',
  );

  const chain: ChainView =
    opts.ports?.chain ?? new SubtensorChainView({ client: client!, netuid: config.netuid, ownHotkey: hotkey.address, log: root });
  const grpc =
    opts.ports?.querier === undefined
      ? new GrpcMinerQuerier({ signer: hotkey, competitionId: competition.id, outputShape: [competition.classes], log: root })
      : undefined;
  if (grpc !== undefined) resources.defer('gRPC clients', () => grpc.close());
  const querier: MinerQuerier = opts.ports?.querier ?? grpc!;
  const data: DataSource = opts.ports?.data ?? dataSourceFor(competition);
  const weights: WeightSetter = opts.ports?.weights ?? new ChainWeightSetter({ client: client!, netuid: config.netuid, hotkey, log: root });

  const registry = new Registry();
  const m = metricsOf(registry);
  let rounds = 0;
  const periods = scoring.secretPeriods
    ? new PeriodKeeper(
        opts.committer ?? new ChainPeriodCommitter(client!, hotkey, config.netuid, root),
        {
          dataDir: config.dataDir,
          netuid: config.netuid,
          validatorHotkey: hotkey.address,
          competitionId: competition.id,
          dataHash: dataHashFor(competition),
          periodRounds: scoring.periodRounds,
          roundLengthBlocks: scoring.roundLengthBlocks,
          retryDelayBlocks: scoring.retryDelayBlocks,
        },
        root.child({ component: 'validator.periods' }),
      )
    : undefined;
  const loop = new ValidatorLoop(
    { chain, querier, data, weights, log: root, ...(periods === undefined ? {} : { periods }) },
    {
      config: scoring,
      dataDir: config.dataDir,
      onRound: (r: RoundReport) => {
        rounds++;
        const failed = r.miners.filter((x) => x.status !== 'ok' && x.status !== 'not-queried').length;
        const queried = r.miners.filter((x) => x.status !== 'not-queried').length;
        m.rounds.inc();
        m.miners.set({ outcome: 'ok' }, queried - failed);
        m.miners.set({ outcome: 'failed' }, failed);
        m.duration.observe(r.timings.totalMs / 1000);
        for (const phase of ['chainMs', 'dataMs', 'queryMs', 'scoringMs'] as const)
          m.phase.set({ phase: phase.slice(0, -2) }, r.timings[phase] / 1000);
        m.lastRoundBlock.set(r.block);
      },
    },
  );
  const refreshStateGauges = (): void => {
    const s = loop.currentState();
    if (s === undefined) return;
    m.weightsBlock.set(s.timing.lastWeightsBlock);
    m.pendingCommits.set(s.pendingCommits.length);
  };

  let running = true;
  const status = (): ValidatorStatus => {
    const s = loop.currentState();
    const r = loop.latestReport();
    return {
      running,
      hotkey: hotkey.address,
      netuid: config.netuid,
      endpoint,
      lastRoundId: s?.lastRoundId ?? -1,
      lastRoundBlock: s?.lastRoundBlock ?? 0,
      lastWeightsBlock: s?.timing.lastWeightsBlock ?? 0,
      pendingCommits: s?.pendingCommits.length ?? 0,
      rounds,
      httpPort,
      latest:
        r === undefined
          ? undefined
          : {
              roundId: r.roundId,
              block: r.block,
              miners: r.miners.filter((x) => x.status !== 'not-queried').length,
              failed: r.miners.filter((x) => x.status !== 'ok' && x.status !== 'not-queried').length,
              ranked: r.miners.filter((x) => x.rank !== null).length,
            },
    };
  };

  const reportsDir = join(config.dataDir, 'reports');
  // Full reports hold the period's inputs and losses: private (0700) until the period is revealed.
  await mkdir(reportsDir, { recursive: true, mode: 0o700 });
  await chmod(reportsDir, 0o700);
  // While a period runs only the public form is served; a full report once its period is revealed.
  const latestHandler = createReportHandler(() => loop.latestPublic());
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/report/latest' || path === '/report') return latestHandler(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: `expected GET or HEAD, found ${req.method}` });
    if (path === '/metrics') {
      refreshStateGauges();
      res.writeHead(200, { 'content-type': registry.contentType }).end(await registry.metrics());
      return;
    }
    if (path === '/status') return sendJson(res, 200, status());
    // For HTTP probes: 200 while the loop runs, 503 once it is stopping.
    if (path === '/health')
      return sendJson(res, running ? 200 : 503, { status: running ? 'ok' : 'stopping', lastRoundId: status().lastRoundId });
    if (path === '/reports') {
      const files = await readdir(reportsDir).catch(() => [] as string[]);
      const rounds = files
        .map((f) => /^round-(\d+)\.json$/.exec(f)?.[1])
        .filter((x): x is string => x !== undefined)
        .map(Number)
        .filter((r) => periods?.revealedPeriodOf(r) !== undefined)
        .sort((a, b) => b - a);
      return sendJson(res, 200, {
        rounds: rounds.map((roundId) => ({ roundId, href: `/reports/${roundId}` })),
        reveals: (periods?.revealedPeriods() ?? []).map((p) => `/reveals/${p}`),
      });
    }
    const reveal = /^\/reveals\/(\d{1,9})$/.exec(path);
    if (reveal !== null) {
      const r = await periods?.readReveal(Number(reveal[1]));
      return r === undefined ? sendJson(res, 404, { error: `period ${reveal[1]} is not revealed` }) : sendJson(res, 200, r);
    }
    const one = /^\/reports\/(\d{1,12})(\/responses)?$/.exec(path);
    if (one !== null) {
      if (periods?.revealedPeriodOf(Number(one[1])) === undefined)
        return sendJson(res, 403, {
          error: `round ${one[1]} belongs to a period that is not revealed yet; its full report stays private until then (see /report/latest)`,
        });
      const file = one[2] === undefined ? reportFileName(Number(one[1])) : sidecarFileName(Number(one[1]));
      const text = await readFile(join(reportsDir, file), 'utf8').catch(() => undefined);
      if (text === undefined) return sendJson(res, 404, { error: `no report for round ${one[1]}` });
      res.writeHead(200, { 'content-type': 'application/json' }).end(text);
      return;
    }
    sendJson(res, 404, { error: `unknown path ${path}; try /metrics, /status, /report/latest, /reports, /reveals/<period>` });
  };
  let httpPort: number | undefined;
  if (config.http.port >= 0) {
    const http = await listenHttp({
      host: config.http.host,
      port: config.http.port,
      handler: handle,
      what: 'validator metrics',
      logger: log,
    });
    resources.defer('http server', () => {
      http.server.closeAllConnections();
      return http.close();
    });
    httpPort = http.port;
    log.info({ host: config.http.host, port: httpPort }, 'validator http server listening (/metrics, /status, /report/latest, /reports)');
  }

  const done = loop.start();
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      log.info({}, 'validator stopping: finishing the current round');
      await loop.stop();
      running = false;
      await resources.disposeAll(log);
      log.info({ round: loop.currentState()?.lastRoundId }, 'validator stopped');
    })();
    return stopping;
  };
  return { stop, status, done, httpPort, hotkey: hotkey.address };
}
