/**
 * The validator daemon's configuration: network, wallet, data directory, HTTP/metrics server and
 * the scoring options of the core. Loaded by the CLI with `loadValidatorConfig` (defaults < JSON
 * file < `ARENA_VALIDATOR_*` env < flags); `startValidator` takes the parsed result.
 */
import { ConfigError, EndpointSchema, loadConfig } from '#core';
import { locateCompetition, type Competition } from '#training';
import { z } from 'zod';
import { PrizeScheduleSchema, ScoringConfigSchema, type ScoringConfig } from './config.ts';

/** Scoring options as the daemon accepts them: prize defaults to the competition's, version key from JSON/env text. */
export const DaemonScoringSchema = ScoringConfigSchema.extend({
  prize: PrizeScheduleSchema.optional().describe("prize schedule; default the competition's"),
  weightsVersionKey: z.coerce.bigint().nonnegative().optional().describe("version key sent with weights; default the subnet's"),
  batchSize: z.number().int().min(1).max(4096).optional().describe("held-out rows per round; default the competition's roundBatchSize"),
}).strict();

export const ValidatorConfigSchema = z
  .object({
    network: z.string().min(1).default('local').describe('network name from configs/networks (local, test, finney) or a ws:// URL'),
    chainEndpoint: EndpointSchema.optional().describe('chain WebSocket endpoint; overrides network'),
    netuid: z.number().int().min(1).max(65535).default(1).describe('subnet to validate'),
    wallet: z
      .object({
        name: z.string().min(1).default('default').describe('wallet name'),
        hotkey: z.string().min(1).default('default').describe('hotkey name'),
        path: z.string().min(1).optional().describe('wallets directory; default ~/.bittensor/wallets'),
        passwordFile: z.string().min(1).optional().describe('file holding the hotkey password (encrypted hotkeys only)'),
      })
      .strict()
      .default({ name: 'default', hotkey: 'default' }),
    dataDir: z.string().min(1).default('.arena/validator').describe('state, reports'),
    competition: z
      .string()
      .min(1)
      .default('mnist')
      .describe('competition id (configs/competitions/<id>.json) or path to a competition JSON file'),
    http: z
      .object({
        host: z.string().min(1).default('127.0.0.1').describe('interface of the metrics/report server'),
        port: z
          .number()
          .int()
          .min(-1)
          .max(65535)
          .default(9101)
          .describe('port of /metrics and /report/latest (0 = any free port, -1 = off)'),
      })
      .strict()
      .default({ host: '127.0.0.1', port: 9101 }),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('log level'),
    scoring: DaemonScoringSchema.default(DaemonScoringSchema.parse({})),
  })
  .strict();

export type ValidatorConfig = z.infer<typeof ValidatorConfigSchema>;
export type ValidatorConfigInput = z.input<typeof ValidatorConfigSchema>;

/** Loads the daemon config; throws `ConfigError` (exit code 2) naming every bad field and its source. */
export function loadValidatorConfig(opts: {
  file?: unknown;
  filePath?: string;
  env?: Readonly<Record<string, string | undefined>>;
  flags?: Readonly<Record<string, unknown>>;
  /** How the command line spells each dotted key, for error messages. */
  flagNames?: Readonly<Record<string, string>>;
}): ValidatorConfig {
  return loadConfig({
    schema: ValidatorConfigSchema,
    file: opts.file,
    filePath: opts.filePath,
    env: opts.env,
    envPrefix: 'ARENA_VALIDATOR',
    flags: opts.flags,
    flagNames: opts.flagNames,
  });
}

/**
 * Loads the competition named by the config (a shipped id or a JSON file path); an unknown id or
 * unreadable file is a `ConfigError` (exit code 2) naming the `competition` field.
 */
export function loadCompetition(ref: string): Competition {
  const found = locateCompetition(ref);
  if (found.ok) return found.competition;
  throw new ConfigError([{ path: 'competition', expected: found.expected, found: found.found }], { cause: found.cause });
}

/** The core's scoring config: the daemon's options completed from the competition. */
export function scoringFor(cfg: ValidatorConfig, competition: Competition): ScoringConfig {
  const s = cfg.scoring;
  const prize =
    s.prize ??
    (competition.prize.type === 'table'
      ? { type: 'table' as const, shares: competition.prize.shares }
      : { type: 'power' as const, exponent: competition.prize.p, topK: competition.prize.topK });
  return { ...s, competitionId: competition.id, prize, batchSize: s.batchSize ?? competition.heldOut.roundBatchSize };
}
