/**
 * `arena dashboard`: serves the web dashboard on 127.0.0.1. The page reads the chain in the browser
 * (the server only tells it the endpoint and netuid through `/config.json`) and shows the validators'
 * round reports from the given directories. Flags are generated from the config schema (`--network`,
 * `--chain-endpoint`, `--netuid`, `--log-level`, `--dashboard.port`, `--dashboard.reports`; `--port` and
 * `--reports` are their short forms): schema defaults < `--config <file>` < env `ARENA_*` < flags.
 */
import { Command } from 'commander';
import { z } from 'zod';
import { configLeaves, createLogger, loadConfig, onShutdownSignal, readConfigFile } from '#core';
import { startDashboard } from '../../dashboard/server.ts';
import { chainEndpointOf, chainTargetFields } from '../chain-target.ts';
import { addAliasFlags, addConfigFlags, type FlagAlias, flagNamesOf, mergedFlagValues } from '../config-flags.ts';

export type { DashboardHandle, DashboardOptions } from '../../dashboard/server.ts';
export { startDashboard } from '../../dashboard/server.ts';

/** The dashboard's config. Loose, so one file can hold the keys of the leaderboard too. */
export const DashboardConfigSchema = z
  .object({
    ...chainTargetFields,
    logLevel: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info')
      .describe('log level: fatal, error, warn, info, debug, trace or silent'),
    dashboard: z
      .object({
        port: z.number().int().min(0).max(65_535).default(8080).describe('HTTP port on 127.0.0.1 (0 = any free port)'),
        reports: z.array(z.string().min(1)).default([]).describe('validator report directories (<validator data dir>/reports)'),
      })
      .strict()
      .default({ port: 8080, reports: [] }),
  })
  .loose();

/** The short spellings the README, `arena up`'s hints and scripts use. */
const ALIASES: FlagAlias[] = [
  { flag: 'port', key: 'dashboard.port', kind: 'number' },
  { flag: 'reports', key: 'dashboard.reports', kind: 'array' },
];

export function dashboardCommand(): Command {
  const cmd = new Command('dashboard')
    .description('Serve the web dashboard (leaderboard, emission and incentive history, weights, validator losses) on 127.0.0.1')
    .option('--config <file>', 'JSON config file (keys network, chainEndpoint, netuid, logLevel, dashboard.port, dashboard.reports)');
  const flags = addConfigFlags(cmd, configLeaves(DashboardConfigSchema));
  const aliases = addAliasFlags(cmd, ALIASES);
  cmd.addHelpText(
    'after',
    '\nConfiguration: schema defaults (network local, netuid 1, port 8080) < --config file < ARENA_* env < flags.\n' +
      'Exit codes: 0 after SIGINT/SIGTERM, 1 when it cannot start (e.g. the port is taken), 2 on bad config or usage.',
  );
  return cmd.action(async (opts: Record<string, unknown>) => {
    const file = typeof opts.config === 'string' ? opts.config : undefined;
    const cfg = loadConfig({
      schema: DashboardConfigSchema,
      env: process.env,
      flags: mergedFlagValues(opts, flags, aliases),
      flagNames: flagNamesOf(flags, aliases),
      ...(file === undefined ? {} : { file: readConfigFile(file), filePath: file }),
    });
    const endpoint = chainEndpointOf(cfg);
    const logger = createLogger({ level: cfg.logLevel, component: 'dashboard' });
    logger.info({ port: cfg.dashboard.port, chainEndpoint: endpoint, netuid: cfg.netuid }, 'dashboard starting');
    // A taken port rejects naming host:port; main maps it with exitCodeFor (1).
    const handle = await startDashboard({
      chainEndpoint: endpoint,
      netuid: cfg.netuid,
      port: cfg.dashboard.port,
      reportDirs: cfg.dashboard.reports,
      logger,
    });
    process.stderr.write(`arena dashboard: ${handle.url} (chain ${endpoint}, subnet ${cfg.netuid}); Ctrl-C to stop\n`);
    await new Promise<void>((resolve) => {
      onShutdownSignal(logger, () => {
        handle.stop().then(resolve, resolve);
      });
    });
  });
}
