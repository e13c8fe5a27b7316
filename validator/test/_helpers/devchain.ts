/** Spawns `arena devchain --tmp --manual-seal` with a config (the shared helper) and resolves with its URL. */
import type { ExecutionContext } from 'ava';
import { Keyring } from '@polkadot/keyring';
import {
  commitRevealEpochAfter,
  commitRevealLayout,
  readEpochSchedule,
  serveAxon,
  submitAndWait,
  subtensorAt,
  type ChainClient,
} from '#core';
import { spawnDevchain as spawnShared } from '../../../test/_helpers/devchain.ts';

/** Starts a devchain process with `config` (JSON of `configs/devchain`); resolves with its ws:// URL. */
export async function spawnDevchain(
  t: ExecutionContext,
  config: unknown,
  timeoutMs = 60_000,
): Promise<{ url: string; newBlocks(n?: number): Promise<void> }> {
  const { url, newBlocks } = await spawnShared(t, { config, args: ['--tmp', '--manual-seal'], timeoutMs });
  return { url, newBlocks };
}

/**
 * Seals a block every `intervalMs` on a manual-seal devchain until the test ends (bounded by teardown).
 * `pause()` holds the chain still (resolving once no block is being sealed), `resume()` lets it go on;
 * `holdWhile(cond)` asks `cond` before each block and seals none while it answers true (`undefined` clears it),
 * so a test can hold the chain at an exact block, not wherever its polling happens to notice.
 */
export function startBlockTicker(
  t: ExecutionContext,
  newBlocks: (n?: number) => Promise<void>,
  intervalMs: number,
): { pause(): Promise<void>; resume(): void; holdWhile(cond: (() => Promise<boolean>) | undefined): void } {
  let ticking = true;
  let paused = false;
  let hold: (() => Promise<boolean>) | undefined;
  let step: Promise<void> = Promise.resolve();
  const oneStep = async (): Promise<void> => {
    if (paused || (hold !== undefined && (await hold().catch(() => true)))) return;
    if (!paused) await newBlocks(1).catch(() => undefined);
  };
  const ticker = (async () => {
    while (ticking) {
      step = oneStep();
      await step;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  })();
  t.teardown(async () => {
    ticking = false;
    await ticker;
  });
  return {
    pause: async () => {
      paused = true;
      await step;
    },
    resume: () => {
      paused = false;
    },
    holdWhile: (cond) => {
      hold = cond;
    },
  };
}

/** The commit-reveal epoch a commit or reveal sent now is counted in (as the validator computes it), at the best block. */
export async function epochAfterBest(client: ChainClient, netuid: number): Promise<number> {
  const at = await subtensorAt(client.api, (await client.api.rpc.chain.getBlockHash()).toHex());
  return commitRevealEpochAfter(commitRevealLayout(at), await readEpochSchedule(at, netuid), at.block.number, netuid);
}

/**
 * A commit of `hotkey` on chain whose reveal epoch has not begun (none: undefined): while one exists, a test may
 * hold the chain still and the validator cannot reveal it. Read from the chain, so a ticker can stop at the very
 * block the commit lands in, before the validator has even recorded it.
 */
export async function unrevealableCommit(
  client: ChainClient,
  hotkey: string,
  netuid = 1,
): Promise<{ hash: string; commitEpoch: number; commitBlock: number } | undefined> {
  const q = client.api.query.subtensorModule!;
  const [rows, period, epochAfter] = await Promise.all([
    q.weightCommits!(netuid, hotkey).then((c) => (c.toPrimitive() ?? []) as Array<[string, number, number]>),
    q.revealPeriodEpochs!(netuid).then((c) => Number(c.toPrimitive())),
    epochAfterBest(client, netuid),
  ]);
  const row = rows.find(([, commitEpoch]) => commitEpoch + period > epochAfter);
  return row === undefined ? undefined : { hash: row[0], commitEpoch: row[1], commitBlock: row[2] };
}

/** Each miner announces its loopback axon, signed by its hotkey (the devchain must allow loopback axons). */
export async function serveMinerAxons(client: ChainClient, miners: Array<{ port: number }>, hotkeyUris: string[]): Promise<void> {
  const kr = new Keyring({ type: 'sr25519' });
  await Promise.all(
    miners.map((m, i) =>
      submitAndWait(client.api, serveAxon(client.api, { netuid: 1, ip: '127.0.0.1', port: m.port }), kr.addFromUri(hotkeyUris[i]!), {
        nonces: client.nonces,
        timeoutMs: 20_000,
      }),
    ),
  );
}

/** Options of `oneSubnetGenesis`; hyperparameters override the defaults below. */
export interface OneSubnetOptions {
  /** Miner hotkey URIs registered at genesis (coldkey //Ferdie). */
  miners: string[];
  hyperparams?: Record<string, unknown>;
  allowLoopbackAxons?: boolean;
}

/**
 * A devchain config with subnet 1 (owner //Alice, started): validator //Eve staked 1,000 TAO with a permit, then
 * the given miners. Tempo 10, no weights rate limit, one allowed weight, no immunity, a long activity cutoff.
 */
export function oneSubnetGenesis(o: OneSubnetOptions): Record<string, unknown> {
  const hyperparams = {
    tempo: 10,
    weightsSetRateLimit: 0,
    minAllowedWeights: 1,
    immunityPeriod: 0,
    activityCutoff: 5000,
    ...o.hyperparams,
  };
  const neurons = [
    { hotkey: '//Eve', coldkey: '//Alice', stake: 1000, validatorPermit: true },
    ...o.miners.map((hotkey) => ({ hotkey, coldkey: '//Ferdie' })),
  ];
  const subnet = { netuid: 1, owner: '//Alice', startCall: true, hyperparams, neurons };
  return {
    ...(o.allowLoopbackAxons === false ? {} : { allowLoopbackAxons: true }),
    genesis: { devAccountsTao: 1_000_000, accounts: [], sudo: '//Alice', pallets: { SubtensorModule: { subnets: [subnet] } } },
  };
}
