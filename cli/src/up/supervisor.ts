import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { lineSplitter } from '#core';

/** One child process that `arena up` runs: a name for logs, the argv, and where its output goes. */
export interface ChildSpec {
  /** Short unique name, e.g. `miner-1`; also the log file name. */
  name: string;
  /** Arguments after `node`, e.g. `['cli/bin/arena.js', 'miner', ...]`. */
  args: string[];
  /** Extra environment for the child. */
  env?: Record<string, string>;
  /** Called with each complete stdout line (JSON log lines, usually). */
  onLine?: (line: string) => void;
}

/** A running child with its exit promise. */
export interface RunningChild {
  spec: ChildSpec;
  proc: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts and stops the processes of a local competition. Each child's stdout and stderr go to
 * `<logDir>/<name>.log`; `stopAll` sends SIGTERM, waits up to `graceMs`, then SIGKILLs what is left.
 */
export class Supervisor {
  private readonly children = new Map<string, RunningChild>();
  private readonly logs = new Map<string, WriteStream>();
  private stopping = false;

  constructor(
    private readonly logDir: string,
    private readonly log: Logger,
  ) {
    mkdirSync(logDir, { recursive: true });
    // Should `arena up` itself die abruptly, take the children with it rather than leave orphans.
    process.once('exit', () => {
      for (const child of this.children.values()) child.proc.kill('SIGKILL');
    });
  }

  /** Starts a child; throws if a child of that name is already running. */
  start(spec: ChildSpec): RunningChild {
    if (this.children.has(spec.name)) throw new Error(`child ${spec.name} is already running`);
    const out = createWriteStream(join(this.logDir, `${spec.name}.log`), { flags: 'a' });
    this.logs.set(spec.name, out);
    // Own process group: a terminal's Ctrl-C reaches only `arena up`, which then stops the children
    // in order (miners and validators first, the chain last).
    const proc = spawn(process.execPath, spec.args, {
      env: { ...process.env, ...spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const onLine = spec.onLine;
    const split = onLine === undefined ? undefined : lineSplitter(onLine);
    proc.stdout?.on('data', (chunk: Buffer) => {
      out.write(chunk);
      split?.(chunk);
    });
    proc.stderr?.on('data', (chunk: Buffer) => out.write(chunk));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      proc.on('exit', (code, signal) => {
        this.children.delete(spec.name);
        if (!this.stopping) this.log.warn({ child: spec.name, code, signal }, 'child exited');
        resolve({ code, signal });
      });
      proc.on('error', (err) => {
        this.log.error({ child: spec.name, err }, 'child failed to start');
        this.children.delete(spec.name);
        resolve({ code: null, signal: null });
      });
    });
    const running = { spec, proc, exited };
    this.children.set(spec.name, running);
    this.log.debug({ child: spec.name, pid: proc.pid }, 'child started');
    return running;
  }

  /** The last `lines` lines a child wrote (for error messages), or '' when it wrote nothing. */
  tail(name: string, lines = 5): string {
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

  /** Names of the children still running. */
  running(): string[] {
    return [...this.children.keys()];
  }

  /**
   * Stops every child: SIGTERM, then SIGKILL after `graceMs`. Children named in `last` (the chain)
   * stop after all the others, so miners and validators can finish talking to it.
   */
  async stopAll(graceMs = 10_000, last: string[] = []): Promise<void> {
    this.stopping = true;
    const names = [...this.children.keys()];
    await Promise.all(names.filter((n) => !last.includes(n)).map((n) => this.stopOne(n, graceMs)));
    await Promise.all(names.filter((n) => last.includes(n)).map((n) => this.stopOne(n, graceMs)));
    for (const out of this.logs.values()) out.end();
  }

  private async stopOne(name: string, graceMs: number): Promise<void> {
    const child = this.children.get(name);
    if (!child) return;
    child.proc.kill('SIGTERM');
    const timer = setTimeout(() => child.proc.kill('SIGKILL'), graceMs);
    await child.exited;
    clearTimeout(timer);
  }
}
