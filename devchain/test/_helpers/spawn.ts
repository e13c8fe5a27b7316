/** Spawns `arena devchain` as a real child process (the shared helper) with the devchain tests' defaults. */
import type { ChildProcess } from 'node:child_process';
import type { ExecutionContext } from 'ava';
import { spawnDevchain as spawnShared } from '../../../test/_helpers/devchain.ts';

export interface SpawnedDevchain {
  url: string;
  httpUrl: string;
  child: ChildProcess;
  logs: string[];
  exited: Promise<number | null>;
}

export async function spawnDevchain(
  t: ExecutionContext,
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 90_000,
): Promise<SpawnedDevchain> {
  const { url, httpUrl, child, logs, exited } = await spawnShared(t, { args, env, timeoutMs });
  return { url, httpUrl, child, logs, exited };
}
