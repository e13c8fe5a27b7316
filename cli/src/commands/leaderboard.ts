/**
 * `arena leaderboard`: the subnet's ranked neurons read from the chain alone (SubtensorModule storage
 * through `@polkadot/api`), at the best block or `--at` a past block; `--json`; `--watch` re-renders on
 * every new block until Ctrl-C. Config flags (`--network`, `--chain-endpoint`, `--netuid`) are generated
 * from the schema: schema defaults < `--config <file>` < env `ARENA_*` < flags.
 */
import { Command } from 'commander';
import { pino } from 'pino';
import { z } from 'zod';
import {
  ArenaError,
  type ChainClient,
  configLeaves,
  connectChain,
  createLogger,
  errorMessage,
  loadConfig,
  onShutdownSignal,
  readConfigFile,
} from '#core';
import { chainEndpointOf, chainTargetFields } from '../chain-target.ts';
import { addConfigFlags, flagNamesOf, flagValues } from '../config-flags.ts';
import { buildLeaderboard, type Leaderboard, leaderboardToJson } from '../leaderboard/model.ts';
import { readSubnet } from '../leaderboard/read.ts';
import { renderLeaderboard } from '../leaderboard/render.ts';

/** The leaderboard's config: which chain and subnet. Loose, so one file can also hold the dashboard's keys. */
export const LeaderboardConfigSchema = z.object(chainTargetFields).loose();

/** Reads and ranks `netuid` at `at` (best block when undefined); an unknown block or subnet exits 2 (its ChainError code says so). */
export async function fetchLeaderboard(client: ChainClient, netuid: number, at?: number | string): Promise<Leaderboard> {
  const snap = await client.read(`reading subnet ${netuid}`, (api) => readSubnet(api, netuid, at), 30_000);
  return buildLeaderboard(snap);
}

interface LeaderboardOpts {
  config?: string;
  at?: string;
  json?: boolean;
  watch?: boolean;
  fullKeys?: boolean;
  color?: boolean;
}

function parseAt(at: string | undefined): number | string | undefined {
  if (at === undefined) return undefined;
  if (/^0x[0-9a-fA-F]{64}$/.test(at)) return at;
  const n = Number(at);
  if (!/^\d+$/.test(at) || !Number.isSafeInteger(n))
    throw new ArenaError('USAGE', `--at: expected a block number or a 0x block hash, found ${JSON.stringify(at)}`);
  return n;
}

function output(lb: Leaderboard, opts: LeaderboardOpts, color: boolean): string {
  if (opts.json === true) return `${JSON.stringify(leaderboardToJson(lb), null, opts.watch === true ? undefined : 2)}\n`;
  return renderLeaderboard(lb, { color, fullKeys: opts.fullKeys === true });
}

async function watch(client: ChainClient, netuid: number, opts: LeaderboardOpts, color: boolean): Promise<void> {
  const tty = process.stdout.isTTY === true && opts.json !== true;
  let busy = false;
  let queued: string | undefined;
  let failure: unknown;
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const render = async (hash: string): Promise<void> => {
    if (busy) {
      queued = hash;
      return;
    }
    busy = true;
    try {
      const lb = await fetchLeaderboard(client, netuid, hash);
      process.stdout.write(`${tty ? '\u001b[H\u001b[2J' : ''}${output(lb, opts, color)}`);
    } catch (err: unknown) {
      if (err instanceof ArenaError && err.exitCode === 2) {
        failure = err;
        finish();
        return;
      }
      process.stderr.write(`arena leaderboard: ${errorMessage(err)} (retrying on the next block)\n`);
    } finally {
      busy = false;
    }
    if (queued !== undefined) {
      const next = queued;
      queued = undefined;
      await render(next);
    }
  };
  const unsub = await client.api.rpc.chain.subscribeNewHeads((header) => {
    void render(header.hash.toHex());
  });
  // Core's one signal handler; its log lines go to stderr, and only the second signal's warning shows.
  const offSignals = onShutdownSignal(createLogger({ level: 'warn', component: 'leaderboard', destination: pino.destination(2) }), finish);
  try {
    await done;
  } finally {
    unsub();
    offSignals();
  }
  if (failure !== undefined) throw failure;
}

export function leaderboardCommand(): Command {
  const cmd = new Command('leaderboard')
    .description("Show a subnet's ranked neurons (incentive, emission, dividends, stake, axon) read from the chain")
    .option('--config <file>', 'JSON config file (keys network, chainEndpoint, netuid)');
  const flags = addConfigFlags(cmd, configLeaves(LeaderboardConfigSchema));
  return cmd
    .option('--at <block>', 'read history at a past block number (or 0x block hash)')
    .option('--json', 'machine-readable output (with --watch: one JSON line per block)')
    .option('--watch', 're-render on every new block until Ctrl-C')
    .option('--full-keys', 'show full hotkeys and coldkeys')
    .option('--no-color', 'no ANSI colours (colours are used only on a terminal)')
    .addHelpText(
      'after',
      '\nConfiguration: schema defaults (network local, netuid 1) < --config file < ARENA_* env < flags.\n' +
        'Rank: incentive, then emission. Role: validator when it earns dividends, miner when it earns incentive, else by validator permit.\n' +
        'Works against the devchain and any subtensor endpoint (standard storage names only).',
    )
    .action(async (opts: LeaderboardOpts & Record<string, unknown>) => {
      const cfg = loadConfig({
        schema: LeaderboardConfigSchema,
        env: process.env,
        flags: flagValues(opts, flags),
        flagNames: flagNamesOf(flags),
        ...(opts.config === undefined ? {} : { file: readConfigFile(opts.config), filePath: opts.config }),
      });
      const at = parseAt(opts.at);
      if (at !== undefined && opts.watch === true)
        throw new ArenaError('USAGE', '--at and --watch cannot be combined: history does not change');
      const color = opts.color !== false && process.stdout.isTTY === true && opts.json !== true;
      const client = await connectChain({ endpoint: chainEndpointOf(cfg), connectTimeoutMs: 15_000 });
      try {
        if (opts.watch === true) await watch(client, cfg.netuid, opts, color);
        else process.stdout.write(output(await fetchLeaderboard(client, cfg.netuid, at), opts, color));
      } finally {
        await client.close();
      }
    });
}
