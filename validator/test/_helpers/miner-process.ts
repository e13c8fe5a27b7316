/** Spawns tiny miners (`tiny-miner.ts`) as separate processes on 127.0.0.1 and kills them on teardown. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { ExecutionContext } from 'ava';
import type { TinyMinerOptions } from './tiny-miner.ts';

const SCRIPT = new URL('./tiny-miner.ts', import.meta.url).pathname;

export interface MinerProcess {
  port: number;
  hotkey: string;
  child: ChildProcess;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
}

/** Starts one miner process; resolves once it listens (or rejects after 90 s / on early exit; the machine may be busy). */
export async function spawnMiner(t: ExecutionContext, opts: TinyMinerOptions): Promise<MinerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, JSON.stringify(opts)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  t.teardown(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  });
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`miner ${opts.hotkeyUri} did not start within 90 s`)), 90_000);
    lines.once('line', (l) => {
      clearTimeout(timer);
      resolve(l);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`miner ${opts.hotkeyUri} exited with ${code} before listening`));
    });
  });
  const { port, hotkey } = JSON.parse(first) as { port: number; hotkey: string };
  return { port, hotkey, child, exited };
}
