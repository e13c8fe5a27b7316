/**
 * `arena dashboard`: serves the web dashboard on 127.0.0.1. The page reads the chain in the browser
 * (the server only tells it the endpoint and netuid through `/config.json`) and shows the validators'
 * round reports from the given directories. Config: flags > env (`ARENA_CHAIN_ENDPOINT`, `ARENA_NETWORK`,
 * `ARENA_NETUID`, `ARENA_DASHBOARD_PORT`, `ARENA_DASHBOARD_REPORTS`) > `--config <file>` > defaults.
 */
import { Command } from 'commander';
import { z } from 'zod';
import { ArenaError, createLogger, loadConfig, onShutdownSignal, readConfigFile } from '#core';
import { startDashboard } from '../../dashboard/server.ts';
import { resolveChainTarget, type ChainTargetFlags } from './leaderboard.ts';

export { startDashboard } from '../../dashboard/server.ts';
export type { DashboardOptions, DashboardHandle } from '../../dashboard/server.ts';

const DashboardSchema = z
  .object({
    dashboard: z
      .object({
        port: z.number().int().min(0).max(65_535).default(8080).describe('HTTP port on 127.0.0.1 (0 = any free port)'),
        reports: z.array(z.string().min(1)).default([]).describe('validator report directories'),
      })
      .strict()
      .default({ port: 8080, reports: [] }),
  })
  .loose();

interface DashboardOpts extends ChainTargetFlags {
  port?: string;
  reports?: string[];
  logLevel?: string;
}

export function dashboardCommand(): Command {
  return new Command('dashboard')
    .description('Serve the web dashboard (leaderboard, emission and incentive history, weights, validator losses) on 127.0.0.1')
    .option('--network <name>', 'network name from configs/networks or a ws:// URL (env ARENA_NETWORK, default "local")')
    .option('--chain-endpoint <url>', 'chain WebSocket endpoint the page connects to; overrides --network (env ARENA_CHAIN_ENDPOINT)')
    .option('--netuid <n>', 'subnet id (env ARENA_NETUID, default 1)')
    .option('--port <n>', 'HTTP port on 127.0.0.1, 0 = any free port (env ARENA_DASHBOARD_PORT, default 8080)')
    .option(
      '--reports <dir...>',
      'validator report directories (<validator data dir>/reports); env ARENA_DASHBOARD_REPORTS (comma-separated)',
    )
    .option('--log-level <level>', 'fatal|error|warn|info|debug|trace|silent', 'info')
    .option('--config <file>', 'JSON config file (keys network, chainEndpoint, netuid, dashboard.port, dashboard.reports)')
    .action(async (opts: DashboardOpts) => {
      const { endpoint, netuid } = resolveChainTarget(opts);
      const port = opts.port === undefined ? undefined : Number(opts.port);
      if (port !== undefined && !Number.isInteger(port))
        throw new ArenaError('USAGE', `--port: expected an integer in [0, 65535], found ${JSON.stringify(opts.port)}`);
      const cfg = loadConfig({
        schema: DashboardSchema,
        file: opts.config === undefined ? undefined : readConfigFile(opts.config),
        filePath: opts.config,
        env: process.env,
        flags: { 'dashboard.port': port, 'dashboard.reports': opts.reports },
      });
      const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
      if (!levels.includes(opts.logLevel ?? 'info'))
        throw new ArenaError('USAGE', `--log-level: expected one of ${levels.join(', ')}, found ${JSON.stringify(opts.logLevel)}`);
      const logger = createLogger({ level: (opts.logLevel ?? 'info') as 'info', component: 'dashboard' });
      logger.info({ port: cfg.dashboard.port, chainEndpoint: endpoint, netuid }, 'dashboard starting');
      // A taken port rejects naming host:port; main maps it with exitCodeFor (1).
      const handle = await startDashboard({
        chainEndpoint: endpoint,
        netuid,
        port: cfg.dashboard.port,
        reportDirs: cfg.dashboard.reports,
        logger,
      });
      process.stderr.write(`arena dashboard: ${handle.url} (chain ${endpoint}, subnet ${netuid}); Ctrl-C to stop\n`);
      await new Promise<void>((resolve) => {
        onShutdownSignal(logger, () => {
          handle.stop().then(resolve, resolve);
        });
      });
    });
}
