/**
 * The processes of one scenario: each child runs in its own process group (so a tsx wrapper and its
 * node child die together), writes its output to `<logDir>/<name>.log`, and is killed when the scenario
 * ends or the sim process exits, whatever way it exits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ARENA_BIN = join(REPO_ROOT, 'cli/bin/arena.js');

/** A running child. */
export interface Child {
  name: string;
  proc: ChildProcess;
  exited: Promise<number | null>;
  /** Resolves with the first stdout/stderr line that matches, rejects after `timeoutMs` or at exit. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<string>;
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function killGroup(proc: ChildProcess, signal: NodeJS.Signals): void {
  if (proc.pid === undefined || proc.exitCode !== null || proc.signalCode !== null) return;
  try {
    process.kill(-proc.pid, signal);
  } catch {
    /* already gone */
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const p of live) killGroup(p, 'SIGKILL');
  });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      for (const p of live) killGroup(p, 'SIGKILL');
      process.exit(130);
    });
  }
}

/** A free TCP port on 127.0.0.1 (closed again before return; a race with other processes is possible but rare). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts, tracks and stops the children of one scenario. */
export class ProcessGroup {
  private readonly children = new Map<string, Child>();
  private readonly logs: WriteStream[] = [];

  constructor(readonly logDir: string) {
    mkdirSync(logDir, { recursive: true });
    installExitHook();
  }

  /** Starts `node <args>` (tsx loaded) as `name`. */
  start(name: string, args: string[], env: Record<string, string> = {}): Child {
    if (this.children.has(name)) throw new Error(`sim: a child named ${name} is already running`);
    const out = createWriteStream(join(this.logDir, `${name}.log`), { flags: 'a' });
    this.logs.push(out);
    const proc = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    live.add(proc);
    const waiters = new Set<{ re: RegExp; resolve: (l: string) => void }>();
    let pending = '';
    const onData = (chunk: Buffer): void => {
      out.write(chunk);
      if (waiters.size === 0) return;
      pending += chunk.toString('utf8');
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        for (const w of [...waiters])
          if (w.re.test(line)) {
            waiters.delete(w);
            w.resolve(line);
          }
      }
      if (pending.length > 1 << 20) pending = '';
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    const exited = new Promise<number | null>((resolve) => {
      proc.on('exit', (code) => {
        live.delete(proc);
        this.children.delete(name);
        resolve(code);
      });
      proc.on('error', () => {
        live.delete(proc);
        this.children.delete(name);
        resolve(null);
      });
    });
    const waitFor = (re: RegExp, timeoutMs: number): Promise<string> =>
      new Promise((resolve, reject) => {
        const w = {
          re,
          resolve: (l: string) => {
            clearTimeout(timer);
            resolve(l);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(w);
          reject(new Error(`sim: ${name} did not log ${re} within ${timeoutMs} ms; see ${join(this.logDir, `${name}.log`)}`));
        }, timeoutMs);
        waiters.add(w);
        void exited.then((code) => {
          if (!waiters.has(w)) return;
          waiters.delete(w);
          clearTimeout(timer);
          reject(new Error(`sim: ${name} exited (code ${code}) before logging ${re}; last lines:\n${this.tail(name)}`));
        });
      });
    const child: Child = { name, proc, exited, waitFor };
    this.children.set(name, child);
    return child;
  }

  /** The last lines a child wrote. */
  tail(name: string, lines = 8): string {
    try {
      return readFileSync(join(this.logDir, `${name}.log`), 'utf8')
        .trimEnd()
        .split('\n')
        .slice(-lines)
        .join('\n');
    } catch {
      return '';
    }
  }

  isRunning(name: string): boolean {
    return this.children.has(name);
  }

  /** SIGTERM to the child's group, SIGKILL after `graceMs`. */
  async stop(name: string, graceMs = 3_000, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const c = this.children.get(name);
    if (!c) return;
    killGroup(c.proc, signal);
    const timer = setTimeout(() => killGroup(c.proc, 'SIGKILL'), graceMs);
    await c.exited;
    clearTimeout(timer);
  }

  /** Stops every child; names in `last` (the chain) after the others. */
  async stopAll(last: string[] = [], graceMs = 3_000): Promise<void> {
    const names = [...this.children.keys()];
    await Promise.all(names.filter((n) => !last.includes(n)).map((n) => this.stop(n, graceMs)));
    await Promise.all(names.filter((n) => last.includes(n)).map((n) => this.stop(n, graceMs)));
    for (const l of this.logs) l.end();
  }
}
