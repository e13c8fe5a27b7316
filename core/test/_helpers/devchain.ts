/** Runs `arena devchain` as a real child process for core's chain tests; stopped in teardown. */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { startDevchainProcess } from '../../../test/_helpers/devchain.ts';
import { fileURLToPath } from 'node:url';

const ARENA = fileURLToPath(new URL('../../../cli/bin/arena.js', import.meta.url));

/** Why the devchain cannot be used here, or undefined when `arena devchain` is available. */
export function devchainUnavailableReason(): string | undefined {
  const res = spawnSync(process.execPath, [ARENA, 'devchain', '--help'], { encoding: 'utf8', timeout: 30_000 });
  if (res.status === 0 && /--tmp/.test(res.stdout)) return undefined;
  return `"arena devchain --help" failed (exit ${res.status}): the devchain command is not available yet`;
}

/** A running devchain process. */
export interface Devchain {
  url: string;
  port: number;
  child: ChildProcess;
  /** Sends SIGTERM and waits for the exit. */
  stop(): Promise<void>;
}

/** Starts `arena devchain --port <port> ...args` and waits for its "devchain listening" line. */
export async function startDevchain(args: string[], port = 0, timeoutMs = 30_000): Promise<Devchain> {
  const { url, port: bound, child, stop } = await startDevchainProcess({ args, port, timeoutMs });
  return { url, port: bound, child, stop };
}
