/**
 * `arena miner`: run the miner daemon. Every config field is a flag (generated from the schema), an
 * `ARENA_MINER_*` variable and a key of the JSON config file; flags > env > file > defaults.
 */
import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { createLogger, firstShutdownSignal, type Logger, promptPassword, readConfigFile } from '#core';
import { loadMinerConfig, type MinerConfig, type MinerHandle, minerConfigLeaves, ProgressLine, startMiner } from '#miner';
import { addConfigFlags, aliasHelp, flagNamesOf, flagValues } from '../config-flags.ts';

const DEFAULT_CONFIG = new URL('../../../configs/miner/default.json', import.meta.url).pathname;

const HELP_AFTER = `
Configuration: schema defaults < config file (--config, default configs/miner/default.json) < ARENA_MINER_* env < flags.
Every flag above is also a key of the JSON file (e.g. --training.batch-size -> {"training": {"batchSize": 128}}).

Examples:
  arena miner --wallet.name miner1 --register                  # register (pays the burn) and mine on the local devchain
  arena miner --network ws://10.0.0.5:9944 --netuid 3 --axon.external-ip 203.0.113.7
  arena miner --model-dir ./my-model                           # serve a model trained elsewhere (reloaded on change)

Exit codes: 0 after SIGINT/SIGTERM, 1 on failure, 2 on bad config or usage (unknown competition, missing wallet, unregistered hotkey).`;

/** Starts the root logger and, on a terminal, the one-line progress display. */
function setUpOutput(config: MinerConfig): { logger: Logger; progress: ProgressLine | undefined } {
  const tty = process.stdout.isTTY === true;
  const wanted = config.log.progress === 'always' || (config.log.progress === 'auto' && tty);
  const progress = wanted ? new ProgressLine(process.stdout) : undefined;
  const logger = createLogger({ level: config.log.level, ...(progress === undefined ? {} : { destination: progress.destination() }) });
  return { logger, progress };
}

/** Logs fatal errors that escaped everything, and exits 1 (the one place the miner exits by itself). */
function installCrashHandlers(logger: Logger): void {
  const die =
    (kind: string) =>
    (err: unknown): void => {
      logger.fatal({ err }, kind);
      process.exit(1);
    };
  process.on('unhandledRejection', die('unhandled promise rejection'));
  process.on('uncaughtException', die('uncaught exception'));
}

async function stopMiner(miner: MinerHandle, logger: Logger): Promise<void> {
  try {
    await miner.stop();
  } catch (err: unknown) {
    logger.error({ err }, 'stop failed');
  }
}

/** The `arena miner` command. */
export function minerCommand(): Command {
  const cmd = new Command('miner')
    .description(
      'Run a miner: register on the subnet, train a model in a worker thread, serve the best checkpoint over signed gRPC, keep the axon on chain',
    )
    .option('--config <file>', 'JSON config file (default configs/miner/default.json when it exists)')
    .option('--model-dir <dir>', aliasHelp('model.dir'));
  // Shared concepts take their one spelling (--chain-endpoint, --log-level, --metrics.port); the schema's own
  // spelling (--chain.endpoint, --log.level) stays as an alias.
  const flags = addConfigFlags(cmd, minerConfigLeaves());
  cmd.addHelpText('after', HELP_AFTER);
  cmd.action(async (opts: Record<string, unknown>) => {
    const explicit = typeof opts.config === 'string' ? opts.config : undefined;
    const filePath = explicit ?? (existsSync(DEFAULT_CONFIG) ? DEFAULT_CONFIG : undefined);
    const values = flagValues(opts, flags);
    if (opts.modelDir !== undefined) values['model.dir'] = opts.modelDir;
    const config = loadMinerConfig({
      ...(filePath === undefined ? {} : { file: readConfigFile(filePath), filePath }),
      env: process.env,
      flags: values,
      flagNames: flagNamesOf(flags),
    });
    const { logger, progress } = setUpOutput(config);
    installCrashHandlers(logger);
    // Installed before the miner starts, so a signal during start-up still ends in a clean stop once start-up is done.
    const signal = firstShutdownSignal(logger);
    const miner = await startMiner(config, {
      logger,
      ...(progress === undefined ? {} : { onProgressLine: (t: string) => progress.update(t) }),
      ...(process.stdin.isTTY === true
        ? { askColdkeyPassword: () => promptPassword('Coldkey password (pays the registration burn): ') }
        : {}),
    });
    await signal;
    await stopMiner(miner, logger);
    progress?.clear();
    logger.flush();
    // Anything still holding the event loop (a reconnecting socket) must not keep a stopped miner alive.
    setTimeout(() => process.exit(process.exitCode ?? 0), 5_000).unref();
  });
  return cmd;
}
