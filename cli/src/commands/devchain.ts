/** `arena devchain`: run the embedded Substrate-compatible chain. */
import { readFileSync } from 'node:fs';
import { errorMessage } from '#core';
import { Command, Option } from 'commander';
import { pino } from 'pino';
import { loadDevchainConfig, startDevchain, ConfigError, type DevchainConfigInput } from '#devchain';

const DEFAULT_CONFIG = new URL('../../../configs/devchain/local.json', import.meta.url).pathname;

function intArg(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n)) throw new ConfigError(`--${name}: expected an integer, found ${v}`);
    return n;
  };
}

function readConfigFile(path: string, explicit: boolean): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err: unknown) {
    if (!explicit && (err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new ConfigError(`cannot read devchain config ${path}: ${errorMessage(err)}`);
  }
}

export function devchainCommand(): Command {
  return new Command('devchain')
    .description('Run the embedded Substrate-compatible devchain (JSON-RPC over WebSocket and HTTP)')
    .exitOverride()
    .option('--config <file>', 'config file (JSON)', undefined)
    .option('--port <n>', 'JSON-RPC port (0 = any free port)', intArg('port'))
    .option('--host <host>', 'interface to listen on')
    .addOption(new Option('--data-dir <dir>', 'block store directory').conflicts('tmp'))
    .option('--tmp', 'keep the chain in memory only')
    .addOption(new Option('--block-time-ms <n>', 'block interval in ms').argParser(intArg('block-time-ms')).conflicts('manualSeal'))
    .option('--manual-seal', 'produce blocks only on dev_newBlock')
    .option('--log-level <level>', 'fatal|error|warn|info|debug|trace|silent')
    .option('--allow-loopback-axons', 'accept 127.0.0.1 / ::1 axon addresses (single-machine runs)')
    .action(async (opts: { config?: string; port?: number; host?: string; dataDir?: string; tmp?: boolean; blockTimeMs?: number; manualSeal?: boolean; logLevel?: string; allowLoopbackAxons?: boolean }) => {
      const file = readConfigFile(opts.config ?? DEFAULT_CONFIG, opts.config !== undefined);
      const flags: Partial<DevchainConfigInput> = {
        port: opts.port, host: opts.host, dataDir: opts.dataDir, tmp: opts.tmp, blockTimeMs: opts.blockTimeMs,
        manualSeal: opts.manualSeal, logLevel: opts.logLevel as DevchainConfigInput['logLevel'], allowLoopbackAxons: opts.allowLoopbackAxons,
      };
      const cfg = loadDevchainConfig({ file, env: process.env, flags });
      const logger = pino({ level: cfg.logLevel });
      const node = await startDevchain({ ...cfg, logger });
      await new Promise<void>((resolve) => {
        const shutdown = (signal: string): void => {
          logger.info({ signal }, 'devchain shutting down');
          node.stop().then(resolve, (err: unknown) => { logger.error({ err }, 'devchain stop failed'); resolve(); });
        };
        process.once('SIGINT', () => shutdown('SIGINT'));
        process.once('SIGTERM', () => shutdown('SIGTERM'));
      });
    });
}
