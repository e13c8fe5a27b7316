/**
 * Processes under chaos: spawn `arena` commands (or worker scripts) with their JSON log lines parsed,
 * wait for a log message, SIGKILL/SIGSTOP/SIGCONT them, and sample their resident memory and open files.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const ARENA = fileURLToPath(new URL('../cli/bin/arena.js', import.meta.url));

/** A spawned process with its parsed JSON log lines. */
export interface Proc {
  name: string;
  child: ChildProcess;
  pid: number;
  /** Parsed JSON lines (the last 2,000). */
  lines: Array<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first line (past or future) whose `msg` matches. */
  waitFor(msg: string | RegExp, timeoutMs?: number): Promise<Record<string, unknown>>;
  kill(signal?: NodeJS.Signals): Promise<void>;
  alive(): boolean;
}

/** Spawns `node <args>` with stdout parsed as JSON lines; stderr is kept as text lines. */
export function spawnNode(
  name: string,
  args: string[],
  env: Record<string, string> = {},
  cwd?: string,
  onLine?: (l: Record<string, unknown>) => void,
): Proc {
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
    ...(cwd ? { cwd } : {}),
  });
  const lines: Array<Record<string, unknown>> = [];
  const waiters: Array<{ test: (l: Record<string, unknown>) => boolean; resolve: (l: Record<string, unknown>) => void }> = [];
  const push = (l: Record<string, unknown>): void => {
    lines.push(l);
    onLine?.(l);
    if (lines.length > 2000) lines.splice(0, lines.length - 2000);
    for (const w of [...waiters])
      if (w.test(l)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(l);
      }
  };
  createInterface({ input: child.stdout! }).on('line', (text) => {
    try {
      push(JSON.parse(text) as Record<string, unknown>);
    } catch {
      push({ msg: 'stdout text', text: text.slice(0, 300) });
    }
  });
  createInterface({ input: child.stderr! }).on('line', (text) => push({ msg: 'stderr', text: text.slice(0, 300) }));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.once('exit', (code, signal) => r({ code, signal })),
  );
  const alive = (): boolean => child.exitCode === null && child.signalCode === null;
  return {
    name,
    child,
    pid: child.pid!,
    lines,
    exited,
    alive,
    waitFor: (msg, timeoutMs = 120_000) =>
      new Promise((resolve, reject) => {
        const test = (l: Record<string, unknown>): boolean =>
          typeof l.msg === 'string' && (typeof msg === 'string' ? l.msg === msg : msg.test(l.msg));
        const past = lines.find(test);
        if (past) {
          resolve(past);
          return;
        }
        const timer = setTimeout(
          () =>
            reject(
              new Error(
                `${name}: no "${String(msg)}" log line within ${timeoutMs} ms; last lines:\n${lines
                  .slice(-15)
                  .map((l) => JSON.stringify(l))
                  .join('\n')}`,
              ),
            ),
          timeoutMs,
        );
        waiters.push({
          test,
          resolve: (l) => {
            clearTimeout(timer);
            resolve(l);
          },
        });
        void exited.then(({ code, signal }) => {
          clearTimeout(timer);
          reject(
            new Error(
              `${name} exited (${code ?? signal}) before "${String(msg)}"; last lines:\n${lines
                .slice(-15)
                .map((l) => JSON.stringify(l))
                .join('\n')}`,
            ),
          );
        });
      }),
    kill: async (signal = 'SIGKILL') => {
      if (alive()) {
        child.kill(signal);
        if (signal === 'SIGKILL' || signal === 'SIGTERM' || signal === 'SIGINT') await exited;
      }
    },
  };
}

/** Resident set size (MB) and open file descriptors of a process; NaN when it is gone. */
export function usage(pid: number): { rssMb: number; fds: number } {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return { rssMb: m ? Math.round(Number(m[1]) / 102.4) / 10 : Number.NaN, fds: readdirSync(`/proc/${pid}/fd`).length };
  } catch {
    return { rssMb: Number.NaN, fds: Number.NaN };
  }
}

/** CPU time (user + system) a process has used, ms (Linux /proc, 10 ms clock ticks); NaN when it is gone. */
export function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** Least-squares slope of y over x (units of y per unit of x); 0 for fewer than 2 points. */
export function slope(points: Array<[number, number]>): number {
  const p = points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  if (p.length < 2) return 0;
  const mx = p.reduce((s, [x]) => s + x, 0) / p.length;
  const my = p.reduce((s, [, y]) => s + y, 0) / p.length;
  const num = p.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = p.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

/** A seeded PRNG (mulberry32) so a chaos run's kill points are replayable with --seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** One JSON-RPC call over HTTP. */
export async function rpc<T = unknown>(httpUrl: string, method: string, params: unknown[] = [], timeoutMs = 30_000): Promise<T> {
  const r = await fetch(httpUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const j = (await r.json()) as { result?: T; error?: { code: number; message: string; data?: unknown } };
  if (j.error) throw new Error(`${method}: ${j.error.code} ${j.error.message} ${JSON.stringify(j.error.data ?? '')}`);
  return j.result as T;
}
