/** `arena devchain`: run the embedded Substrate-compatible chain. Flags are generated from its config schema. */
import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { pino } from 'pino';
import { configLeaves, loadConfig, onShutdownSignal, readConfigFile } from '#core';
import { DevchainConfigSchema, startDevchain } from '#devchain';
import { addConfigFlags, flagNamesOf, flagValues } from '../config-flags.ts';

const DEFAULT_CONFIG = new URL('../../../configs/devchain/local.json', import.meta.url).pathname;
const ENV_PREFIX = 'ARENA_DEVCHAIN';

export function devchainCommand(): Command {
  const cmd = new Command('devchain')
    .description('Run the embedded Substrate-compatible devchain (JSON-RPC over WebSocket and HTTP)')
    .exitOverride()
    .option('--config <file>', 'config file (JSON); default configs/devchain/local.json when it exists');
  // Scalar settings are flags; the genesis (accounts, subnets) lives in the config file.
  const flags = addConfigFlags(
    cmd,
    configLeaves(DevchainConfigSchema, ENV_PREFIX).filter((leaf) => leaf.path.length === 1),
  );
  cmd.addHelpText(
    'after',
    `\nPrecedence: schema defaults < config file < ${ENV_PREFIX}_* env < flags. Bad values exit with 2 naming the field.`,
  );
  return cmd.action(async (opts: Record<string, unknown>) => {
    const explicit = typeof opts.config === 'string' ? opts.config : undefined;
    const filePath = explicit ?? (existsSync(DEFAULT_CONFIG) ? DEFAULT_CONFIG : undefined);
    const cfg = loadConfig({
      schema: DevchainConfigSchema,
      envPrefix: ENV_PREFIX,
      env: process.env,
      flags: flagValues(opts, flags),
      flagNames: flagNamesOf(flags),
      ...(filePath === undefined ? {} : { file: readConfigFile(filePath), filePath }),
    });
    const logger = pino({ level: cfg.logLevel });
    logger.info({ host: cfg.host, port: cfg.port, dataDir: cfg.tmp ? null : cfg.dataDir }, 'devchain starting');
    // A start that fails has released what it opened; its error reaches main, which exits with exitCodeFor (1).
    const node = await startDevchain({ ...cfg, logger });
    await new Promise<void>((resolve) => {
      onShutdownSignal(logger, () => {
        node.stop().then(resolve, (err: unknown) => {
          logger.error({ err }, 'devchain stop failed');
          resolve();
        });
      });
    });
  });
}
