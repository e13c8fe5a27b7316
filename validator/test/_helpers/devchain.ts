/** Spawns `arena devchain --tmp --manual-seal` with a config (the shared helper) and resolves with its URL. */
import type { ExecutionContext } from 'ava';
import { spawnDevchain as spawnShared } from '../../../test/_helpers/devchain.ts';

/** Starts a devchain process with `config` (JSON of `configs/devchain`); resolves with its ws:// URL. */
export async function spawnDevchain(t: ExecutionContext, config: unknown, timeoutMs = 60_000): Promise<{ url: string; newBlocks(n?: number): Promise<void> }> {
  const { url, newBlocks } = await spawnShared(t, { config, args: ['--tmp', '--manual-seal'], timeoutMs });
  return { url, newBlocks };
}
