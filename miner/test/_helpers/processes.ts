/** Real `arena devchain` / `arena miner` child processes for integration tests, killed in teardown. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ExecutionContext } from 'ava';
import { lineSplitter, parseJsonLine } from '#core';

export const ARENA = fileURLToPath(new URL('../../../cli/bin/arena.js', import.meta.url));

/** A spawned process with its parsed JSON log lines, raw stderr and exit promise. */
export interface Proc {
  child: ChildProcess;
  lines: Array<Record<string, unknown>>;
  stderr: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first log line (already seen or future) matching `pred`; rejects on exit or timeout. */
  waitLine(what: string, pred: (l: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
}

/** Spawns `node cli/bin/arena.js <args>`; the child is SIGKILLed in teardown if still running. */
export function spawnArena(t: ExecutionContext, args: string[], env: Record<string, string> = {}): Proc {
  const child = spawn(process.execPath, [ARENA, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const lines: Array<Record<string, unknown>> = [];
  const stderr: string[] = [];
  const waiters = new Set<() => void>();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      resolve({ code, signal });
      for (const w of waiters) w();
    }),
  );
  t.teardown(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  });
  child.stdout!.on(
    'data',
    lineSplitter((line) => {
      lines.push(parseJsonLine(line) ?? { text: line }); // a non-JSON line is kept for error messages
      for (const w of waiters) w();
    }),
  );
  child.stderr!.on('data', (d: Buffer) => stderr.push(d.toString()));
  const waitLine: Proc['waitLine'] = (what, pred, timeoutMs = 60_000) =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const hit = lines.find(pred);
        if (hit !== undefined) {
          done();
          resolve(hit);
          return;
        }
        if (child.exitCode !== null || child.signalCode !== null) {
          done();
          reject(
            new Error(
              `process exited (${child.exitCode ?? child.signalCode}) before ${what}; stderr: ${stderr.join('')}; last lines: ${JSON.stringify(lines.slice(-5))}`,
            ),
          );
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(
          new Error(
            `timed out after ${timeoutMs} ms waiting for ${what}; last lines: ${JSON.stringify(lines.slice(-5))}; stderr: ${stderr.join('')}`,
          ),
        );
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });
  return { child, lines, stderr, exited, waitLine };
}

/** Starts a devchain on 127.0.0.1:0 and resolves with its ws:// URL. */
export async function spawnDevchain(t: ExecutionContext, args: string[]): Promise<{ url: string; proc: Proc }> {
  const proc = spawnArena(t, ['devchain', '--port', '0', '--tmp', '--log-level', 'info', ...args]);
  const line = await proc.waitLine('devchain listening', (l) => l.msg === 'devchain listening' && typeof l.url === 'string', 30_000);
  return { url: line.url as string, proc };
}
