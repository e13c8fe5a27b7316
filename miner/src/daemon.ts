/**
 * The miner daemon: wallet -> chain -> registration -> model (train or --model-dir) -> gRPC server ->
 * axon on chain -> caller permits from the metagraph -> metrics and progress. `stop()` undoes it in order.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { Logger } from 'pino';
import {
  ArenaError,
  ConfigError,
  DisposerStack,
  isArenaError,
  loadColdkey,
  loadHotkey,
  readColdkeyAddress,
  readPasswordFile,
  resolveNetwork,
  silentLogger,
  startOrRelease,
  walletPaths,
} from '#core';
import { locateCompetition, selectBackend, type BackendInfo, type Competition } from '#training';
import { AxonKeeper, axonVersion, reachableIp } from './axon.ts';
import { connectMinerChain, type MinerChain, type MinerMetagraphView } from './chain.ts';
import type { MinerConfig } from './config.ts';
import { MINER_VERSION, startModelHost, type ModelHost } from './model-host.ts';
import { formatProgress, type ProgressFacts } from './progress.ts';
import { ensureRegistered } from './registration.ts';
import {
  callerStakeFloorRao,
  createMetricsServer,
  createMinerMetrics,
  createMinerServer,
  InMemoryCallerDirectory,
  type AdmissionLimits,
  type CallerEntry,
  type ConnectionLimits,
  type MetricsServer,
  type MinerServer,
} from './server/index.ts';
import type { TrainerStatus } from './train/index.ts';

const MINER_SERVICE_NAME = 'arena.v1.MinerService';

/** Options of `startMiner` besides the config. */
export interface StartMinerOptions {
  logger?: Logger;
  /** The chain port; default: connect to `config.chain.endpoint` or the `config.network` endpoint. */
  chain?: MinerChain;
  /** Receives the one-line progress text every `progressIntervalMs` (the CLI draws it on a TTY). */
  onProgressLine?: (text: string) => void;
  /** Interval of `onProgressLine`, ms; default 1000. */
  progressIntervalMs?: number;
  /** Asks for the coldkey password when `--register` must pay with an encrypted coldkey and no password file is set. */
  askColdkeyPassword?: () => Promise<string>;
}

/** What `status()` reports. */
export interface MinerStatus {
  state: 'running' | 'stopping' | 'stopped';
  hotkey: string;
  netuid: number;
  uid: number;
  /** Whether the hotkey still holds `uid` in the last metagraph snapshot. */
  registered: boolean;
  block: number | undefined;
  grpcPort: number;
  metricsPort: number | undefined;
  axon: { ip: string; port: number } | undefined;
  /** Hotkeys known from the metagraph (the caller directory). */
  knownCallers: number;
  serving: { step: number; checkpointHash: string; modelName: string } | undefined;
  trainer: TrainerStatus | undefined;
}

/** A running miner. */
export interface MinerHandle {
  /** Stops training (checkpoint kept), gRPC (graceful then forced), metrics and the chain connection. Idempotent. */
  stop(): Promise<void>;
  status(): MinerStatus;
}

/** Resolves `config.competition` (a shipped id or a JSON file, training's `locateCompetition`); a bad one is a ConfigError. */
export function resolveCompetition(idOrPath: string): Competition {
  const found = locateCompetition(idOrPath);
  if (found.ok) return found.competition;
  throw new ConfigError([{ path: 'competition', expected: found.expected, found: found.found }], { cause: found.cause });
}

/** The default data directory of a wallet's miner. */
export function defaultDataDir(config: MinerConfig): string {
  return join('.arena', 'miners', `${config.wallet.name}-${config.wallet.hotkey}`);
}

async function loadMinerHotkey(config: MinerConfig): Promise<KeyringPair> {
  const w = config.wallet;
  try {
    return await loadHotkey({ path: w.path, name: w.name, hotkey: w.hotkey });
  } catch (err: unknown) {
    if (isArenaError(err) && err.code === 'WALLET_NOT_FOUND') {
      const file = walletPaths({ path: w.path, name: w.name, hotkey: w.hotkey }).hotkey;
      throw new ArenaError(
        'USAGE',
        `no hotkey "${w.hotkey}" in wallet "${w.name}": expected the keyfile ${file}, found none. Create it with: ` +
          `arena wallet create --wallet.path ${w.path} --wallet.name ${w.name} --wallet.hotkey ${w.hotkey}`,
        { cause: err },
      );
    }
    throw err;
  }
}

/** Loads the coldkey: unencrypted as is, else with the password file, else with `askPassword` (the CLI's prompt). */
async function coldkeyLoader(config: MinerConfig, askPassword: (() => Promise<string>) | undefined): Promise<KeyringPair> {
  const w = config.wallet;
  const loc = { path: w.path, name: w.name, hotkey: w.hotkey };
  try {
    return await loadColdkey(loc, null);
  } catch (err: unknown) {
    if (!(isArenaError(err) && err.code === 'PASSWORD_REQUIRED')) throw err;
    if (w.coldkeyPasswordFile !== undefined) return loadColdkey(loc, readPasswordFile(w.coldkeyPasswordFile));
    if (askPassword !== undefined) return loadColdkey(loc, await askPassword());
    throw new ArenaError(
      'PASSWORD_REQUIRED',
      `the coldkey of wallet ${w.name} is encrypted: give its password with ` +
        '--wallet.coldkey-password-file <file> (mode 0600), or run in a terminal to be asked',
      { cause: err },
    );
  }
}

/** The server's admission budgets from the config (same names; unset in-flight caps keep their message-size defaults). */
export function admissionLimitsOf(config: MinerConfig): AdmissionLimits {
  return Object.fromEntries(Object.entries(config.admission).filter(([, v]) => v !== undefined)) as AdmissionLimits;
}

/** The server's connection limits from the config. */
export function connectionLimitsOf(config: MinerConfig): ConnectionLimits {
  const c = config.connections;
  return {
    maxConnectionsPerAddress: c.maxPerAddress,
    maxConnections: c.max,
    handshakeTimeoutMs: c.handshakeTimeoutMs,
    idleTimeoutMs: c.idleTimeoutMs,
  };
}

function endpointOf(config: MinerConfig): string {
  return config.chain.endpoint ?? resolveNetwork(config.network).endpoint;
}

/** Starts the miner; rejects with an `ArenaError` (exit code 2 for bad config/usage) when it cannot run. */
export async function startMiner(config: MinerConfig, options: StartMinerOptions = {}): Promise<MinerHandle> {
  const root = options.logger ?? silentLogger();
  const competition = resolveCompetition(config.competition);
  if (config.model.dir !== undefined && !existsSync(config.model.dir)) {
    throw new ConfigError([
      { path: 'model.dir', expected: 'an existing TensorFlow.js model directory', found: JSON.stringify(config.model.dir) },
    ]);
  }
  const hotkey = await loadMinerHotkey(config);
  const log = root.child({ component: 'miner', hotkey: hotkey.address, netuid: config.netuid });
  // Before the chain: a backend this machine cannot run (no GPU visible) must not cost a registration burn.
  const backend = await selectBackend(config.backend, log);
  const chain =
    options.chain ??
    (await connectMinerChain({
      endpoint: endpointOf(config),
      connectTimeoutMs: config.chain.connectTimeoutMs,
      txTimeoutMs: config.chain.txTimeoutMs,
      logger: root,
    }));
  // Everything the start opens goes on this stack; a failed start releases it in reverse order.
  const resources = new DisposerStack();
  resources.defer('chain connection', () => chain.close());
  return startOrRelease(resources, log, () => run(config, competition, hotkey, chain, log, options, resources, backend));
}

async function run(
  config: MinerConfig,
  competition: Competition,
  hotkey: KeyringPair,
  chain: MinerChain,
  baseLog: Logger,
  options: StartMinerOptions,
  resources: DisposerStack,
  backend: BackendInfo,
): Promise<MinerHandle> {
  const walletLabel = `${config.wallet.name}/${config.wallet.hotkey}`;
  let uid = await ensureRegistered({
    chain,
    netuid: config.netuid,
    hotkey: hotkey.address,
    walletLabel,
    register: config.register,
    coldkeyAddress: readColdkeyAddress({ path: config.wallet.path, name: config.wallet.name }),
    loadColdkey: () => coldkeyLoader(config, options.askColdkeyPassword),
    logger: baseLog,
  });
  let log = baseLog.child({ uid });
  log.info({ endpoint: chain.endpoint }, 'miner registered on the subnet');
  const facts: ProgressFacts = { uid };
  const metrics = createMinerMetrics();
  const dataDir = config.dataDir ?? defaultDataDir(config);
  // Health says NOT_SERVING for MinerService until a model is loaded (Predict answers UNAVAILABLE meanwhile).
  let started: MinerServer | undefined;
  const markServing = (): void => started?.health.setStatus(MINER_SERVICE_NAME, 'SERVING');
  const host: ModelHost = await startModelHost({
    competition,
    backend: config.backend,
    servingBackend: backend.backend,
    dataDir,
    ...(config.model.dir === undefined ? {} : { modelDir: config.model.dir }),
    training: {
      modelName: config.model.name ?? competition.training.defaultModel,
      batchSize: config.training.batchSize ?? competition.training.batchSize,
      learningRate: config.training.learningRate ?? competition.training.learningRate,
      seed: config.training.seed,
      evalEvery: config.training.evalEvery,
      progressEvery: config.training.progressEvery,
      keepCheckpoints: config.training.keepCheckpoints,
      augment: config.training.augment,
      ...(config.training.maxSteps === undefined ? {} : { maxSteps: config.training.maxSteps }),
    },
    maxBatch: config.limits.maxBatch,
    logger: log,
    onProgress: (p) => {
      metrics.trainingStep.set(p.step);
      if (Number.isFinite(p.loss)) metrics.trainingLoss.set(p.loss);
      metrics.trainingSamplesPerSec.set(p.samplesPerSec);
      Object.assign(
        facts,
        { step: p.step, loss: p.loss, samplesPerSec: p.samplesPerSec },
        p.valAccuracy === undefined ? {} : { valAccuracy: p.valAccuracy },
      );
      if (p.valLoss === undefined)
        log.info({ step: p.step, loss: p.loss, samplesPerSec: Math.round(p.samplesPerSec), block: facts.block }, 'training progress');
    },
    onServe: (s) => {
      facts.servedStep = s.step;
      markServing();
    },
  });
  resources.defer('model host', () => host.stop());

  const directory = new InMemoryCallerDirectory();
  const server: MinerServer = createMinerServer({
    predictor: host.predictor,
    info: host.info,
    callerDirectory: directory,
    hotkey,
    metrics,
    logger: log,
    limits: {
      inputShape: competition.inputShape,
      outputShape: [competition.classes],
      maxBatch: config.limits.maxBatch,
      maxMessageBytes: config.limits.maxMessageBytes,
      maxAgeMs: config.limits.maxAgeMs,
      maxFutureMs: config.limits.maxFutureMs,
      maxInFlight: config.limits.maxInFlight,
      relayGuard: config.access.refuseRelayedBatches && {
        ttlMs: config.access.relayTtlMs,
        minFraction: config.access.relayMinFraction,
        perCallerSamples: config.access.relayPerCallerSamples,
        maxDistance: config.access.relayMaxDistance,
      },
      admission: admissionLimitsOf(config),
      connections: connectionLimitsOf(config),
    },
    rateLimit: { ratePerSec: config.rateLimit.ratePerSec, burst: config.rateLimit.burst },
  });
  if (!host.ready) server.health.setStatus(MINER_SERVICE_NAME, 'NOT_SERVING');
  const { port: grpcPort } = await server.start(config.grpc.host, config.grpc.port);
  started = server;
  if (host.ready) markServing();
  resources.defer('gRPC server', () => server.stop());

  const axon = new AxonKeeper({
    chain,
    netuid: config.netuid,
    hotkey,
    version: axonVersion(MINER_VERSION),
    desired: () => ({ ip: reachableIp(config.axon.externalIp, config.grpc.host), port: config.axon.externalPort ?? grpcPort }),
    checkEveryBlocks: config.axon.checkEveryBlocks,
    retryAfterBlocks: config.axon.retryAfterBlocks,
    logger: log,
  });
  if (config.axon.serve === 'auto') await axon.initial();

  let registered = true;
  let lastSnapshot: MinerMetagraphView | undefined;
  const onSnapshot = (m: MinerMetagraphView): void => {
    try {
      lastSnapshot = m;
      facts.block = m.block;
      directory.replace(callerEntries(m), callerStakeFloorRao(config.access.minValidatorStakeTao, m.stakeThresholdRao));
      const at = m.hotkeys[uid] === hotkey.address ? uid : m.hotkeys.indexOf(hotkey.address);
      if (at < 0) {
        if (registered)
          log.error({ block: m.block }, 'hotkey no longer registered on the subnet (deregistered); still serving, re-register to earn');
        registered = false;
        return;
      }
      if (!registered || at !== uid) log.info({ block: m.block, uid: at }, 'hotkey registered at uid');
      registered = true;
      if (at !== uid) {
        uid = at;
        log = baseLog.child({ uid });
        facts.uid = uid;
      }
      if (config.axon.serve === 'auto') axon.onSnapshot(m, uid);
    } catch (err: unknown) {
      log.warn({ err, block: m.block }, 'metagraph snapshot not applied');
    }
  };
  const stopWatch = await chain.watchMetagraph(config.netuid, onSnapshot, config.chain.metagraphEveryBlocks);
  resources.defer('metagraph watch', () => stopWatch());

  let metricsServer: MetricsServer | undefined;
  let metricsPort: number | undefined;
  if (config.metrics.enabled) {
    metricsServer = createMetricsServer(metrics.registry, () => started?.health.statusOf(MINER_SERVICE_NAME));
    metricsPort = (await metricsServer.start(config.metrics.host, config.metrics.port)).port;
    const ms = metricsServer;
    resources.defer('metrics server', () => ms.stop());
  }

  const ticker =
    options.onProgressLine === undefined
      ? undefined
      : setInterval(() => {
          void metrics.requests.get().then((v) => {
            facts.requests = v.values.reduce((a, x) => a + x.value, 0);
          });
          options.onProgressLine?.(formatProgress(facts));
        }, options.progressIntervalMs ?? 1000);
  ticker?.unref();

  log.info({ grpcPort, metricsPort, dataDir, competitionId: competition.id, backend: backend.backend }, 'miner started');
  let state: MinerStatus['state'] = 'running';
  let stopping: Promise<void> | undefined;
  return {
    status: () => ({
      state,
      hotkey: hotkey.address,
      netuid: config.netuid,
      uid,
      registered,
      block: lastSnapshot?.block,
      grpcPort,
      metricsPort,
      axon: axon.served,
      knownCallers: directory.size,
      serving: host.ready
        ? { step: host.info().trainingStep, checkpointHash: host.info().checkpointHash, modelName: host.info().modelName }
        : undefined,
      trainer: host.trainerStatus(),
    }),
    stop: () => {
      stopping ??= (async () => {
        state = 'stopping';
        if (ticker !== undefined) clearInterval(ticker);
        log.info({}, 'miner stopping');
        stopWatch();
        // Training and gRPC wind down together: the trainer finishes its chunk while in-flight calls complete.
        await Promise.all([
          host.stop().catch((err: unknown) => log.warn({ err }, 'trainer stop failed')),
          server.stop(2_000).catch((err: unknown) => log.warn({ err }, 'gRPC stop failed')),
        ]);
        await metricsServer?.stop().catch((err: unknown) => log.warn({ err }, 'metrics stop failed'));
        await chain.close().catch((err: unknown) => log.warn({ err }, 'chain disconnect failed'));
        state = 'stopped';
        log.info({}, 'miner stopped');
      })();
      return stopping;
    },
  };
}

/** The caller directory of a snapshot: every registered hotkey with its uid and validator permit. */
export function callerEntries(m: MinerMetagraphView): Map<string, CallerEntry> {
  const out = new Map<string, CallerEntry>();
  m.hotkeys.forEach((h, uid) => out.set(h, { uid, validatorPermit: m.validatorPermit[uid] === true, stakeRao: m.stakeRao?.[uid] ?? 0n }));
  return out;
}
