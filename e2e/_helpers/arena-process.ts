/** `arena` as a child process that a test reads while it runs and stops the way a user does: SIGINT (Ctrl-C). */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ARENA = fileURLToPath(new URL('../../cli/bin/arena.js', import.meta.url));
const KEEP_CHARS = 200_000;

/** A running `arena` command. */
export interface ArenaProcess {
  /** The last 200,000 characters of its stdout and stderr. */
  output(): string;
  exited: Promise<number | null>;
  hasExited(): boolean;
  /** The first match of `re` in the output; rejects when the process exits first or after `timeoutMs`. */
  waitForOutput(re: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** SIGINT, as Ctrl-C in a terminal, then waits for the exit (SIGKILL after `graceMs`): the exit code and how long it took. */
  interrupt(graceMs: number): Promise<{ code: number | null; ms: number }>;
}

/** Starts `arena <args>`. */
export function startArena(args: string[]): ArenaProcess {
  const child = spawn(process.execPath, [ARENA, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let done = false;
  const listeners = new Set<() => void>();
  const keep = (b: Buffer): void => {
    out = (out + b.toString()).slice(-KEEP_CHARS);
    for (const l of listeners) l();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => {
      done = true;
      for (const l of listeners) l();
      resolve(code);
    });
  });

  const waitForOutput = (re: RegExp, timeoutMs: number): Promise<RegExpMatchArray> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const m = out.match(re);
        if (m) finish(() => resolve(m));
        else if (done) finish(() => reject(new Error(`arena exited before printing ${re}; its output:\n${out.slice(-5000)}`)));
      };
      const timer = setTimeout(
        () => finish(() => reject(new Error(`arena printed no ${re} within ${timeoutMs} ms; its output:\n${out.slice(-5000)}`))),
        timeoutMs,
      );
      const finish = (settle: () => void): void => {
        clearTimeout(timer);
        listeners.delete(check);
        settle();
      };
      listeners.add(check);
      check();
    });

  const interrupt = async (graceMs: number): Promise<{ code: number | null; ms: number }> => {
    const start = Date.now();
    if (!done) child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    const code = await exited;
    clearTimeout(timer);
    return { code, ms: Date.now() - start };
  };

  return { output: () => out, exited, hasExited: () => done, waitForOutput, interrupt };
}
