/**
 * Failed-start tests of the daemons: hold a port on 127.0.0.1, run `arena <command>` pointed at it, and
 * measure how long the process takes to exit after it logged the start of its start-up.
 */
import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import type { ExecutionContext } from 'ava';
import { lineSplitter, parseJsonLine } from '#core';
import { ARENA } from './devchain.ts';

/** Listens on a free 127.0.0.1 port for the test's lifetime and returns it. */
export async function takenPort(t: ExecutionContext): Promise<number> {
  const holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => holder.close(() => resolve())));
  return (holder.address() as AddressInfo).port;
}

/** How a run ended: its exit code (undefined: still running at the deadline), ms from the start line to the exit, stderr. */
export interface FailedStart {
  code: number | null | undefined;
  msAfterStart: number;
  stderr: string;
}

/**
 * Runs `arena ...args`; the clock starts at the JSON log line whose msg is `startMsg` (loading node and
 * tsx is not what is measured). Fails the test when the process exits before that line.
 */
export async function runFailedStart(t: ExecutionContext, args: string[], startMsg: string, deadlineMs = 30_000): Promise<FailedStart> {
  const child = spawn(process.execPath, [ARENA, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.once('exit', (code) => resolve({ code, at: Date.now() })),
  );
  t.teardown(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  });
  const started = new Promise<number>((resolve) =>
    child.stdout.on(
      'data',
      lineSplitter((line) => {
        if (parseJsonLine(line)?.msg === startMsg) resolve(Date.now());
      }),
    ),
  );
  const first = await Promise.race([started, exited.then(() => undefined)]);
  if (first === undefined) throw new Error(`arena ${args[0]} exited before logging '${startMsg}'; stderr: ${stderr}`);
  const outcome = await Promise.race([exited, new Promise<undefined>((resolve) => setTimeout(resolve, deadlineMs, undefined))]);
  return { code: outcome?.code, msAfterStart: (outcome?.at ?? Date.now()) - first, stderr };
}
