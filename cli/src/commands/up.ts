/** `arena up`: the whole local competition in one command (also `npm start`). */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import pino from 'pino';
import { ArenaError, createLogger, loadConfig, onShutdownSignal, readConfigFile } from '#core';
import { aliasHelp } from '../config-flags.ts';
import { type UpConfig, UpConfigSchema } from '../up/config.ts';
import { runUp } from '../up/up.ts';

interface UpFlags {
  config: string;
  dataDir?: string;
  fresh?: boolean;
  miners?: string;
  validators?: string;
  duration?: string;
  commitReveal?: boolean;
  port?: string;
  dashboard?: boolean;
  'dashboard.port'?: string;
  /** The older spelling of `dashboard.port`. */
  dashboardPort?: string;
  live?: boolean;
  logLevel?: string;
}

const ARCHS = ['cnn', 'mlp', 'mlp-small', 'linear'];
const DEFAULT_CONFIG = 'configs/up/local.json';

/** The setup file: as given, or the shipped default when run outside the repository folder. */
function configPath(given: string): string {
  if (given !== DEFAULT_CONFIG || existsSync(given)) return given;
  return fileURLToPath(new URL(`../../../${DEFAULT_CONFIG}`, import.meta.url));
}

function count(flag: string, v: string | undefined, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new ArenaError('USAGE', `${flag}: expected an integer in [1, ${max}], found ${JSON.stringify(v)}`);
  return n;
}

/** Applies `--miners N` / `--validators N`: keeps the first N, or adds more cycling the architectures. */
export function resize(cfg: UpConfig, miners?: number, validators?: number): UpConfig {
  const out = structuredClone(cfg);
  if (miners !== undefined) {
    out.miners = Array.from(
      { length: miners },
      (_, i) => cfg.miners[i] ?? { name: `miner-${i + 1}`, model: ARCHS[i % ARCHS.length]!, maxSteps: 1500 },
    );
  }
  if (validators !== undefined) {
    out.validators = Array.from({ length: validators }, (_, i) => cfg.validators[i] ?? { name: `validator-${i + 1}`, stakeTao: 500 });
  }
  return UpConfigSchema.parse(out);
}

/** Builds the effective config: file < env `ARENA_UP_*` < flags. */
export function upConfig(flags: UpFlags, env: NodeJS.ProcessEnv = process.env): UpConfig {
  const port = flags.port === undefined ? undefined : Number(flags.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535))
    throw new ArenaError('USAGE', `--port: expected a port in [0, 65535], found ${JSON.stringify(flags.port)}`);
  const dashText = flags.dashboardPort ?? flags['dashboard.port'];
  const dashFlag = flags.dashboardPort === undefined ? '--dashboard.port' : '--dashboard-port';
  const dashPort = dashText === undefined ? undefined : Number(dashText);
  if (dashPort !== undefined && (!Number.isInteger(dashPort) || dashPort < 0 || dashPort > 65535))
    throw new ArenaError('USAGE', `${dashFlag}: expected a port in [0, 65535], found ${JSON.stringify(dashText)}`);
  const cfg = loadConfig({
    schema: UpConfigSchema,
    file: readConfigFile(configPath(flags.config)),
    filePath: configPath(flags.config),
    env,
    envPrefix: 'ARENA_UP',
    flags: {
      dataDir: flags.dataDir,
      chain: port === undefined ? undefined : { port },
      subnet: flags.commitReveal === undefined ? undefined : { commitReveal: flags.commitReveal },
      ports: dashPort === undefined ? undefined : { dashboard: dashPort },
    },
  });
  return resize(cfg, count('--miners', flags.miners, 64), count('--validators', flags.validators, 16));
}

/** The `arena up` command. */
export function upCommand(): Command {
  return new Command('up')
    .description(
      'Run a whole local competition: devchain, subnet, validators, miners training, weights, emission, live leaderboard and dashboard',
    )
    .option('--config <file>', 'setup file (JSON)', DEFAULT_CONFIG)
    .option('--data-dir <dir>', 'where the chain, wallets, miners, validators and logs live (default .arena/up)')
    .option('--fresh', 'delete the data directory first and start a new chain')
    .option('--miners <n>', 'number of miners (architectures cycle through cnn, mlp, mlp-small, linear)')
    .option('--validators <n>', 'number of validators')
    .option('--duration <seconds>', 'stop by itself after this many seconds (for scripts)')
    .option('--commit-reveal', 'validators commit weights and reveal them an epoch later (the default)')
    .option('--no-commit-reveal', 'validators set weights in the clear')
    .option('--port <n>', 'devchain JSON-RPC port (0 = any free port)')
    .option('--dashboard.port <n>', 'dashboard port (0 = any free port), spelled as arena dashboard spells it')
    .option('--dashboard-port <n>', aliasHelp('dashboard.port'))
    .option('--no-dashboard', 'do not start the web dashboard')
    .option('--no-live', 'no live table even on a terminal (log a leaderboard line per epoch instead)')
    .option('--log-level <level>', 'log level of arena up itself', 'info')
    .addHelpText(
      'after',
      `
Every process logs to <data-dir>/logs/<name>.log. Ctrl-C stops everything cleanly; running again resumes
the same chain and state. Environment: ARENA_UP_<FIELD> (e.g. ARENA_UP_DATA_DIR).

Examples:
  arena up                                   # the demo (npm start)
  arena up --fresh --miners 2 --duration 300 # a scripted 5-minute run from scratch`,
    )
    .action(async (flags: UpFlags) => {
      const cfg = upConfig(flags);
      const duration = flags.duration === undefined ? undefined : Number(flags.duration);
      if (duration !== undefined && !(duration > 0))
        throw new ArenaError('USAGE', `--duration: expected a positive number of seconds, found ${JSON.stringify(flags.duration)}`);
      const live = flags.live !== false && process.stdout.isTTY === true;
      mkdirSync(join(cfg.dataDir, 'logs'), { recursive: true });
      const level = (flags.logLevel ?? 'info') as 'info';
      // With the live table on screen, arena up's own log lines go to a file.
      const logger = live
        ? pino({ level, base: { component: 'up' } }, pino.destination({ dest: join(cfg.dataDir, 'logs', 'up.log'), mkdir: true }))
        : createLogger({ level, component: 'up' });
      // Core's one signal handler: the first Ctrl-C stops everything cleanly, a second exits 1 at once (the
      // supervisor SIGKILLs the children on exit).
      let offSignals = (): void => {};
      const stopSignal = new Promise<void>((resolve) => {
        offSignals = onShutdownSignal(logger, () => resolve());
      });
      const result = await runUp({
        config: cfg,
        fresh: flags.fresh === true,
        durationSec: duration,
        live,
        dashboard: flags.dashboard !== false,
        logger,
        stopSignal,
      }).finally(offSignals);
      if (result.reason === 'chain-exited')
        throw new ArenaError('CHAIN_CONNECTION', `the devchain stopped unexpectedly; see ${join(cfg.dataDir, 'logs', 'devchain.log')}`);
    });
}
