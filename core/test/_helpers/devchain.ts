/** Runs `arena devchain` as a real child process for core's chain tests; stopped in teardown. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
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
export function startDevchain(args: string[], port = 0, timeoutMs = 30_000): Promise<Devchain> {
  const child = spawn(process.execPath, [ARENA, 'devchain', '--port', String(port), '--log-level', 'info', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => { void stop(); reject(new Error(`devchain did not listen within ${timeoutMs} ms; output: ${buffer.slice(-2000)}`)); }, timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const m = /"url":"(ws:\/\/127\.0\.0\.1:(\d+))"/.exec(buffer);
      if (m !== null && buffer.includes('devchain listening')) {
        clearTimeout(timer);
        child.stdout?.removeAllListeners('data');
        child.stdout?.resume();
        resolve({ url: m[1] as string, port: Number(m[2]), child, stop });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => { buffer += chunk.toString(); });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`devchain exited with ${code} before listening: ${buffer.slice(-2000)}`)); });
  });
}
