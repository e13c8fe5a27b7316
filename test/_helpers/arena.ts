/**
 * The one way tests run `arena` (cli/bin/arena.js) to its exit as a child process and collect what it printed:
 * tests of a command as a user runs it (exit code, stdout, stderr), each bounded by a timeout.
 */
import { spawn } from 'node:child_process';
import { ARENA } from './devchain.ts';

/** How a run of `arena` ended. */
export interface ArenaRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** How to run it. */
export interface ArenaRunOptions {
  /** Added to this process's environment. */
  env?: Record<string, string>;
  /** Past this the process is killed (SIGKILL) and the run rejects; default 60 s. */
  timeoutMs?: number;
}

/** Runs `arena ...args` and resolves when it exits; rejects, naming the command and its stderr, at the timeout. */
export function runArena(args: string[], opts: ArenaRunOptions = {}): Promise<ArenaRun> {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ARENA, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...opts.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`arena ${args.join(' ')} did not exit within ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
