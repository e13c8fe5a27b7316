/**
 * Starts one scenario's world: dev wallets, a devchain whose genesis holds the subnet with every neuron
 * registered (stakes and permits as the scenario says), real `arena validator` and `arena miner`
 * processes, and the scripted adversaries. Every process runs in its own process group under a
 * `ProcessGroup` that kills them all when the scenario ends.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDevWallet, pairFromUri } from '#core';
import type { ModelQuality } from './models.ts';
import { ARENA_BIN, ProcessGroup, REPO_ROOT, freePort } from './procs.ts';
import type { NeuronDef, ScenarioDef } from './scenario.ts';

/** Chain timing shared by every scenario: fast blocks, short tempo. */
export const CHAIN_TIMING = { blockTimeMs: 500, tempo: 10, roundIntervalBlocks: 2, batchSize: 128, deadlineMs: 2_500, emaAlpha: 0.4 };
/** How long the devchain may take to log that it listens before the run fails. */
export const CHAIN_START_MS = 60_000;
export const NETUID = 1;

/** A started world. */
export interface Cluster {
  endpoint: string;
  procs: ProcessGroup;
  hotkeyOf: (name: string) => string;
  /** Validator name -> base URL of its report server. */
  reportUrls: Map<string, string>;
  /** Model link per honest miner (switchModel re-points it). */
  modelLinks: Map<string, string>;
  startNeuron: (name: string) => void;
  /** Names of the processes that should be running (all but the ones a hook stopped). */
  expected: Set<string>;
}

const uris = (name: string): { coldkeyUri: string; hotkeyUri: string } => {
  const base = name.replace(/-\d+$/, '');
  // Sybils share one coldkey (one owner), each with its own hotkey.
  return name.startsWith('sybil-')
    ? { coldkeyUri: `//Sim//${base}`, hotkeyUri: `//Sim//${name}//hot` }
    : { coldkeyUri: `//Sim//${name}`, hotkeyUri: `//Sim//${name}//hot` };
};

function genesis(def: ScenarioDef, port: number): Record<string, unknown> {
  const neuron = (n: NeuronDef): Record<string, unknown> => ({
    hotkey: uris(n.name).hotkeyUri,
    coldkey: uris(n.name).coldkeyUri,
    ...(n.stakeTao ? { stake: n.stakeTao } : {}),
    ...(n.permit || n.role === 'validator' ? { validatorPermit: true } : {}),
  });
  return {
    host: '127.0.0.1',
    port,
    blockTimeMs: CHAIN_TIMING.blockTimeMs,
    allowLoopbackAxons: true,
    emissionPerBlockTao: 1,
    logLevel: 'info',
    genesis: {
      devAccountsTao: 1_000_000,
      sudo: '//Alice',
      pallets: {
        SubtensorModule: {
          stakeThreshold: String(Math.round((def.chain?.stakeThresholdTao ?? 100) * 1e9)),
          subnets: [
            {
              netuid: NETUID,
              owner: '//Alice',
              ownerHotkey: '//Alice//sim-owner',
              startCall: true,
              hyperparams: {
                tempo: CHAIN_TIMING.tempo,
                weightsSetRateLimit: 0,
                commitRevealEnabled: def.chain?.commitReveal ?? false,
                revealPeriodEpochs: 1,
                yuma3Enabled: true,
                immunityPeriod: 5000,
                maxAllowedValidators: 16,
                minAllowedWeights: 1,
                servingRateLimit: 0,
                activityCutoffFactorMilli: 5000,
              },
              neurons: def.neurons.map(neuron),
            },
          ],
        },
      },
    },
  };
}

function minerArgs(n: NeuronDef, endpoint: string, wallets: string, dataDir: string, modelDir: string): string[] {
  return [
    ARENA_BIN,
    'miner',
    '--network',
    endpoint,
    '--netuid',
    String(NETUID),
    '--wallet.path',
    wallets,
    '--wallet.name',
    n.name,
    '--wallet.hotkey',
    'default',
    '--no-register',
    '--model-dir',
    modelDir,
    '--data-dir',
    dataDir,
    '--grpc.host',
    '127.0.0.1',
    '--grpc.port',
    '0',
    '--no-metrics.enabled',
    '--log.progress',
    'never',
    '--backend',
    'wasm',
    '--axon.check-every-blocks',
    '5',
  ];
}

function validatorArgs(n: NeuronDef, endpoint: string, wallets: string, dataDir: string, port: number): string[] {
  return [
    ARENA_BIN,
    'validator',
    '--chain-endpoint',
    endpoint,
    '--netuid',
    String(NETUID),
    '--wallet.path',
    wallets,
    '--wallet.name',
    n.name,
    '--wallet.hotkey',
    'default',
    '--data-dir',
    dataDir,
    '--metrics-port',
    String(port),
    '--round-interval',
    String(CHAIN_TIMING.roundIntervalBlocks),
    '--batch-size',
    String(CHAIN_TIMING.batchSize),
    '--deadline-ms',
    String(CHAIN_TIMING.deadlineMs),
  ];
}

/** Starts everything; on failure, stops what it started and rethrows. */
export async function startCluster(def: ScenarioDef, outDir: string, models: Record<ModelQuality, string>): Promise<Cluster> {
  rmSync(outDir, { recursive: true, force: true });
  const wallets = join(outDir, 'wallets');
  const procs = new ProcessGroup(join(outDir, 'logs'));
  try {
    mkdirSync(wallets, { recursive: true, mode: 0o700 });
    const hotkeys = new Map<string, string>();
    for (const n of def.neurons) {
      hotkeys.set(n.name, (await pairFromUri(uris(n.name).hotkeyUri)).address);
      if (n.model !== undefined || n.honest === true)
        await createDevWallet({ path: wallets, name: n.name, hotkey: 'default', ...uris(n.name), overwrite: true });
    }
    const hotkeyOf = (name: string): string => {
      const h = hotkeys.get(name);
      if (h === undefined) throw new Error(`sim: scenario ${def.name} has no neuron named ${name}`);
      return h;
    };
    const configFile = join(outDir, 'devchain.json');
    writeFileSync(configFile, `${JSON.stringify(genesis(def, 0), null, 2)}\n`);
    const chain = procs.start('devchain', [ARENA_BIN, 'devchain', '--config', configFile, '--tmp', '--port', '0']);
    const line = await chain.waitFor(/devchain listening/, CHAIN_START_MS);
    const endpoint = (JSON.parse(line) as { url: string }).url;
    const reportUrls = new Map<string, string>();
    const modelLinks = new Map<string, string>();
    const starters = new Map<string, () => void>();
    for (const n of def.neurons) {
      const dataDir = join(outDir, 'neurons', n.name);
      mkdirSync(dataDir, { recursive: true });
      if (n.model !== undefined) {
        const link = join(dataDir, 'model');
        symlinkSync(models[n.model], link);
        modelLinks.set(n.name, link);
        starters.set(n.name, () => procs.start(n.name, minerArgs(n, endpoint, wallets, dataDir, link)));
      } else if (n.honest === true) {
        const port = await freePort();
        reportUrls.set(n.name, `http://127.0.0.1:${port}`);
        starters.set(n.name, () =>
          procs.start(n.name, validatorArgs(n, endpoint, wallets, dataDir, port), {
            ARENA_VALIDATOR_SCORING_EMA_ALPHA: String(CHAIN_TIMING.emaAlpha),
          }),
        );
      }
    }
    for (const s of starters.values()) s();
    const ctx = {
      hotkeyOf,
      reportUrls: [...reportUrls.values()],
      models,
      tempo: CHAIN_TIMING.tempo,
      commitReveal: def.chain?.commitReveal ?? false,
    };
    for (const a of def.adversaries ?? []) {
      const arg = { endpoint, netuid: NETUID, hotkeyUris: a.neurons.map((n) => uris(n).hotkeyUri), ...a.args(ctx) };
      const start = (): void => {
        procs.start(a.name, [join(REPO_ROOT, 'sim/adversaries', `${a.script}.ts`), JSON.stringify(arg)]);
      };
      starters.set(a.name, start);
      start();
    }
    const startNeuron = (name: string): void => {
      const s = starters.get(name);
      if (!s) throw new Error(`sim: no process named ${name}`);
      s();
    };
    return { endpoint, procs, hotkeyOf, reportUrls, modelLinks, startNeuron, expected: new Set(['devchain', ...starters.keys()]) };
  } catch (err) {
    await procs.stopAll(['devchain']);
    throw err;
  }
}
