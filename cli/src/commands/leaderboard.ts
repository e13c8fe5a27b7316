/**
 * `arena leaderboard`: the subnet's ranked neurons read from the chain alone (SubtensorModule storage
 * through `@polkadot/api`), at the best block or `--at` a past block; `--json`; `--watch` re-renders on
 * every new block until Ctrl-C. Config: flags > env `ARENA_NETWORK` / `ARENA_CHAIN_ENDPOINT` /
 * `ARENA_NETUID` > `--config <file>` (keys `network`, `chainEndpoint`, `netuid`) > defaults.
 */
import { Command } from 'commander';
import { z } from 'zod';
import { ArenaError, connectChain, loadConfig, readConfigFile, resolveNetwork, type ChainClient, errorMessage } from '#core';
import { buildLeaderboard, leaderboardToJson, type Leaderboard } from '../leaderboard/model.ts';
import { readSubnet } from '../leaderboard/read.ts';
import { renderLeaderboard } from '../leaderboard/render.ts';

/** The chain part of the config, shared by `arena leaderboard` and `arena dashboard`. */
export const ChainTargetSchema = z
  .object({
    network: z.string().min(1).optional().describe('network name (configs/networks) or ws:// URL'),
    chainEndpoint: z
      .string()
      .regex(/^wss?:\/\/\S+$/, 'a ws:// or wss:// URL')
      .optional()
      .describe('chain WebSocket endpoint (overrides network)'),
    netuid: z.number().int().min(0).max(65_535).default(1).describe('subnet id'),
  })
  .loose();

export interface ChainTargetFlags {
  config?: string;
  network?: string;
  chainEndpoint?: string;
  netuid?: string;
}

/** Resolves `{ endpoint, netuid }` from flags, env and config file; throws ConfigError / ArenaError (exit 2). */
export function resolveChainTarget(opts: ChainTargetFlags, env: NodeJS.ProcessEnv = process.env): { endpoint: string; netuid: number } {
  const netuid = opts.netuid === undefined ? undefined : Number(opts.netuid);
  if (netuid !== undefined && !Number.isInteger(netuid))
    throw new ArenaError('USAGE', `--netuid: expected an integer in [0, 65535], found ${JSON.stringify(opts.netuid)}`);
  const cfg = loadConfig({
    schema: ChainTargetSchema,
    file: opts.config === undefined ? undefined : readConfigFile(opts.config),
    filePath: opts.config,
    env,
    flags: { network: opts.network, chainEndpoint: opts.chainEndpoint, netuid },
  });
  const endpoint = cfg.chainEndpoint ?? resolveNetwork(cfg.network ?? 'local').endpoint;
  return { endpoint, netuid: cfg.netuid };
}

/** Reads and ranks `netuid` at `at` (best block when undefined); an unknown block or subnet exits 2 (its ChainError code says so). */
export async function fetchLeaderboard(client: ChainClient, netuid: number, at?: number | string): Promise<Leaderboard> {
  const snap = await client.read(`reading subnet ${netuid}`, (api) => readSubnet(api, netuid, at), 30_000);
  return buildLeaderboard(snap);
}

interface LeaderboardOpts extends ChainTargetFlags {
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
  const onSignal = (): void => finish();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await done;
  } finally {
    unsub();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  if (failure !== undefined) throw failure;
}

export function leaderboardCommand(): Command {
  return new Command('leaderboard')
    .description("Show a subnet's ranked neurons (incentive, emission, dividends, stake, axon) read from the chain")
    .option('--network <name>', 'network name from configs/networks or a ws:// URL (env ARENA_NETWORK, default "local")')
    .option('--chain-endpoint <url>', 'chain WebSocket endpoint; overrides --network (env ARENA_CHAIN_ENDPOINT)')
    .option('--netuid <n>', 'subnet id (env ARENA_NETUID, default 1)')
    .option('--at <block>', 'read history at a past block number (or 0x block hash)')
    .option('--json', 'machine-readable output (with --watch: one JSON line per block)')
    .option('--watch', 're-render on every new block until Ctrl-C')
    .option('--full-keys', 'show full hotkeys and coldkeys')
    .option('--no-color', 'no ANSI colours (colours are used only on a terminal)')
    .option('--config <file>', 'JSON config file (keys network, chainEndpoint, netuid)')
    .addHelpText(
      'after',
      '\nRank: incentive, then emission. Role: validator when it earns dividends, miner when it earns incentive, else by validator permit.\n' +
        'Works against the devchain and any subtensor endpoint (standard storage names only).',
    )
    .action(async (opts: LeaderboardOpts) => {
      const { endpoint, netuid } = resolveChainTarget(opts);
      const at = parseAt(opts.at);
      if (at !== undefined && opts.watch === true)
        throw new ArenaError('USAGE', '--at and --watch cannot be combined: history does not change');
      const color = opts.color !== false && process.stdout.isTTY === true && opts.json !== true;
      const client = await connectChain({ endpoint, connectTimeoutMs: 15_000 });
      try {
        if (opts.watch === true) await watch(client, netuid, opts, color);
        else process.stdout.write(output(await fetchLeaderboard(client, netuid, at), opts, color));
      } finally {
        await client.close();
      }
    });
}
