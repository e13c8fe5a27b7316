/** `arena up`: the whole local competition in one command (also `npm start`). */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import pino from 'pino';
import { ArenaError, configLeaves, createLogger, loadConfig, onShutdownSignal, readConfigFile } from '#core';
import {
  addAliasFlags,
  addConfigFlags,
  aliasHelp,
  type ConfigFlag,
  type FlagAlias,
  flagNamesOf,
  mergedFlagValues,
} from '../config-flags.ts';
import { type UpConfig, UpConfigSchema } from '../up/config.ts';
import { runUp } from '../up/up.ts';

/**
 * What commander parsed: the hand-written flags (not config fields) and, by attribute, the flags generated from
 * UpConfigSchema (`dataDir`, `chain.port`, `dashboard.port`, ...) and their aliases (`port`, `dashboardPort`).
 */
export interface UpFlags {
  config: string;
  fresh?: boolean;
  miners?: string;
  validators?: string;
  duration?: string;
  /** `--commit-reveal` / `--no-commit-reveal`, the older spellings of `--subnet.commit-reveal`. */
  commitReveal?: boolean;
  dashboard?: boolean;
  live?: boolean;
  logLevel?: string;
  [attribute: string]: unknown;
}

const ENV_PREFIX = 'ARENA_UP';

/** Older spellings of `arena up`, kept as aliases (the soak and scripts pass `--port`). */
const ALIASES: FlagAlias[] = [
  { flag: 'port', key: 'chain.port', kind: 'number' },
  { flag: 'dashboard-port', key: 'ports.dashboard', kind: 'number' },
];

/**
 * Adds one flag per scalar setting of the setup file (`--data-dir`, `--chain.port`, `--subnet.tempo`,
 * `--dashboard.port` for ports.dashboard, ...) and the aliases; the validators and miners lists stay in the
 * file (`--miners N` / `--validators N` resize them).
 */
function addUpConfigFlags(cmd: Command): ConfigFlag[][] {
  const leaves = configLeaves(UpConfigSchema, ENV_PREFIX).filter((l) => l.kind !== 'array' && l.kind !== 'other');
  return [addConfigFlags(cmd, leaves), addAliasFlags(cmd, ALIASES)];
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
export function upConfig(flags: UpFlags, env: NodeJS.ProcessEnv = process.env, generated = addUpConfigFlags(new Command())): UpConfig {
  const values = mergedFlagValues(flags, ...generated);
  if (flags.commitReveal !== undefined) values['subnet.commitReveal'] = flags.commitReveal;
  const file = configPath(flags.config);
  const cfg = loadConfig({
    schema: UpConfigSchema,
    file: readConfigFile(file),
    filePath: file,
    env,
    envPrefix: ENV_PREFIX,
    flags: values,
    flagNames: flagNamesOf(...generated),
  });
  return resize(cfg, count('--miners', flags.miners, 64), count('--validators', flags.validators, 16));
}

/** The `arena up` command. */
export function upCommand(): Command {
  const cmd = new Command('up');
  const generated = addUpConfigFlags(cmd);
  return cmd
    .description(
      'Run a whole local competition: devchain, subnet, validators, miners training, weights, emission, live leaderboard and dashboard',
    )
    .option('--config <file>', 'setup file (JSON)', DEFAULT_CONFIG)
    .option('--fresh', 'delete the data directory first and start a new chain')
    .option('--miners <n>', 'number of miners (architectures cycle through cnn, mlp, mlp-small, linear)')
    .option('--validators <n>', 'number of validators')
    .option('--duration <seconds>', 'stop by itself after this many seconds (for scripts)')
    .option('--commit-reveal', aliasHelp('subnet.commit-reveal'))
    .option('--no-commit-reveal', aliasHelp('no-subnet.commit-reveal'))
    .option('--no-dashboard', 'do not start the web dashboard')
    .option('--no-live', 'no live table even on a terminal (log a leaderboard line per epoch instead)')
    .option('--log-level <level>', 'log level of arena up itself', 'info')
    .addHelpText(
      'after',
      `
Every scalar setting of the setup file is a flag (--subnet.tempo, --chain.block-time-ms, ...) and an
ARENA_UP_<FIELD> variable (e.g. ARENA_UP_DATA_DIR); precedence: file < env < flags. Every process logs to
<data-dir>/logs/<name>.log. Ctrl-C stops everything cleanly; running again resumes the same chain and state.

Examples:
  arena up                                   # the demo (npm start)
  arena up --fresh --miners 2 --duration 300 # a scripted 5-minute run from scratch`,
    )
    .action(async (flags: UpFlags) => {
      const cfg = upConfig(flags, process.env, generated);
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
