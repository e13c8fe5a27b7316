/** `arena validator`: run the scoring node (rounds over all serving miners, weights once per tempo). */
import { createLogger, readConfigFile, type LogLevel } from '#core';
import { loadValidatorConfig, startValidator } from '#validator';
import { Command, InvalidArgumentError } from 'commander';

const DEFAULT_CONFIG = new URL('../../../configs/validator/local.json', import.meta.url).pathname;

function int(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n)) throw new InvalidArgumentError(`--${name}: expected an integer, found ${JSON.stringify(v)}`);
    return n;
  };
}

interface Flags {
  config?: string; network?: string; chainEndpoint?: string; netuid?: number; walletName?: string; walletHotkey?: string; walletPath?: string;
  passwordFile?: string; dataDir?: string; roundInterval?: number; weightsInterval?: number; batchSize?: number; deadlineMs?: number;
  metricsPort?: number; metricsHost?: string; competition?: string; logLevel?: string; printConfig?: boolean;
}

export function validatorCommand(): Command {
  return new Command('validator')
    .description('Run a validator: query every serving miner each round, score on held-out data, set weights once per tempo')
    .option('--config <file>', 'config file (JSON); default configs/validator/local.json')
    .option('--network <name>', 'network name (local, test, finney) or ws:// URL')
    .option('--chain-endpoint <url>', 'chain WebSocket endpoint (overrides --network)')
    .option('--netuid <n>', 'subnet to validate', int('netuid'))
    .option('--wallet.name <name>', 'wallet name')
    .option('--wallet.hotkey <name>', 'hotkey name')
    .option('--wallet.path <dir>', 'wallets directory (default ~/.bittensor/wallets)')
    .option('--password-file <file>', 'hotkey password file (encrypted hotkeys only)')
    .option('--data-dir <dir>', 'state and round reports directory')
    .option('--round-interval <blocks>', 'blocks per scoring round', int('round-interval'))
    .option('--weights-interval <blocks>', 'blocks between weight submissions (default: the subnet tempo)', int('weights-interval'))
    .option('--batch-size <n>', 'held-out rows per round', int('batch-size'))
    .option('--deadline-ms <ms>', 'one query deadline for all miners', int('deadline-ms'))
    .option('--metrics-port <port>', 'port of /metrics and /report/latest (0 = any, -1 = off)', int('metrics-port'))
    .option('--metrics-host <host>', 'interface of the metrics server')
    .option('--competition <id|file>', 'competition id or competition JSON file')
    .option('--log-level <level>', 'fatal|error|warn|info|debug|trace|silent')
    .option('--print-config', 'print the effective config and exit')
    .exitOverride()
    .addHelpText('after', '\nEvery config field can also be set as ARENA_VALIDATOR_<FIELD> (e.g. ARENA_VALIDATOR_NETUID=1,\nARENA_VALIDATOR_SCORING_BATCH_SIZE=128). Precedence: defaults < config file < env < flags.\nSIGINT/SIGTERM finish the current round, save the state and exit 0.')
    .action(async (o: Flags & Record<string, unknown>) => {
      const explicit = o.config !== undefined;
      let file: unknown = {};
      try {
        file = readConfigFile(o.config ?? DEFAULT_CONFIG);
      } catch (err: unknown) {
        if (explicit) throw err;
      }
      const flags: Record<string, unknown> = {
        network: o.network, chainEndpoint: o.chainEndpoint, netuid: o.netuid,
        'wallet.name': o['wallet.name'], 'wallet.hotkey': o['wallet.hotkey'], 'wallet.path': o['wallet.path'], 'wallet.passwordFile': o.passwordFile,
        dataDir: o.dataDir, competition: o.competition, logLevel: o.logLevel,
        'http.port': o.metricsPort, 'http.host': o.metricsHost,
        'scoring.roundLengthBlocks': o.roundInterval, 'scoring.weightsIntervalBlocks': o.weightsInterval,
        'scoring.batchSize': o.batchSize, 'scoring.queryDeadlineMs': o.deadlineMs,
      };
      const cfg = loadValidatorConfig({ file, filePath: explicit ? o.config : DEFAULT_CONFIG, env: process.env, flags });
      if (o.printConfig === true) {
        process.stdout.write(`${JSON.stringify(cfg, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`);
        return;
      }
      const logger = createLogger({ level: cfg.logLevel as LogLevel });
      const handle = await startValidator(cfg, { logger });
      await new Promise<void>((resolve) => {
        const shutdown = (signal: string): void => {
          logger.info({ signal }, 'validator shutting down');
          handle.stop().then(resolve, (err: unknown) => { logger.error({ err }, 'validator stop failed'); resolve(); });
        };
        process.once('SIGINT', () => shutdown('SIGINT'));
        process.once('SIGTERM', () => shutdown('SIGTERM'));
        void handle.done.then(() => resolve());
      });
    });
}
