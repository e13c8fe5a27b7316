/**
 * Failed-start tests of the daemons: hold a port on 127.0.0.1, run `arena <command>` pointed at it, and
 * measure how long the process takes to exit after it logged the start of its start-up, on the child's
 * own clock: the start line's pino `time` to a last line the child writes as it exits. Not the parent's
 * Date.now() when it gets around to handling those events: under CI load that also counts the test
 * worker's own scheduling delays against the child.
 */
import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import type { ExecutionContext } from 'ava';
import { lineSplitter, parseJsonLine } from '#core';
import { ARENA } from './devchain.ts';

const EXIT_MSG = 'failed-start: process exit';
/**
 * Preloaded into the child (a `data:` module, so it needs no loader): at exit, one JSON line on stdout with
 * the child's Date.now(). Written synchronously, as nothing asynchronous runs in an 'exit' handler.
 */
const EXIT_CLOCK = `--import=data:text/javascript,${encodeURIComponent(
  `import { writeSync } from 'node:fs'; process.on('exit', (code) => { try { writeSync(1, JSON.stringify({ msg: '${EXIT_MSG}', time: Date.now(), code }) + '\\n'); } catch {} });`,
)}`;

/** Listens on a free 127.0.0.1 port for the test's lifetime and returns it. */
export async function takenPort(t: ExecutionContext): Promise<number> {
  const holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => holder.close(() => resolve())));
  return (holder.address() as AddressInfo).port;
}

/**
 * How a run ended: its exit code (undefined: still running at the deadline), ms from the start line to
 * the exit on the child's clock (the parent's, from the start line's arrival, if the child died without
 * writing its exit line), stderr.
 */
export interface FailedStart {
  code: number | null | undefined;
  msAfterStart: number;
  stderr: string;
}

/** A log line's pino `time` (ms since the epoch, the child's clock), if it has one. */
function timeOf(line: Record<string, unknown>): number | undefined {
  return typeof line.time === 'number' ? line.time : undefined;
}

/**
 * Runs `arena ...args`; the clock starts at the JSON log line whose msg is `startMsg` (loading node and
 * tsx is not what is measured). Fails the test when the process exits before that line.
 */
export async function runFailedStart(t: ExecutionContext, args: string[], startMsg: string, deadlineMs = 30_000): Promise<FailedStart> {
  const child = spawn(process.execPath, [EXIT_CLOCK, ARENA, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  // 'close', not 'exit': stdout is read to its end, so the child's exit line has been seen.
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.once('close', (code) => resolve({ code, at: Date.now() })),
  );
  t.teardown(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  });
  let childExitAt: number | undefined;
  const started = new Promise<{ at: number; childAt: number | undefined }>((resolve) =>
    child.stdout.on(
      'data',
      lineSplitter((text) => {
        const line = parseJsonLine(text);
        if (line?.msg === startMsg) resolve({ at: Date.now(), childAt: timeOf(line) });
        else if (line?.msg === EXIT_MSG) childExitAt = timeOf(line);
      }),
    ),
  );
  const first = await Promise.race([started, exited.then(() => undefined)]);
  if (first === undefined) throw new Error(`arena ${args[0]} exited before logging '${startMsg}'; stderr: ${stderr}`);
  const outcome = await Promise.race([exited, new Promise<undefined>((resolve) => setTimeout(resolve, deadlineMs, undefined))]);
  const msAfterStart =
    first.childAt !== undefined && childExitAt !== undefined ? childExitAt - first.childAt : (outcome?.at ?? Date.now()) - first.at;
  return { code: outcome?.code, msAfterStart, stderr };
}
