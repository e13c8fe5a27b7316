/**
 * The one way tests start a real `arena devchain` process: spawn it, wait for its "devchain listening"
 * log line, and hand back its URL, logs, a block producer for manual seal, and stop().
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExecutionContext } from 'ava';
import { lineSplitter, parseJsonLine } from '#core';

/** Path of the `arena` entry point. */
export const ARENA = fileURLToPath(new URL('../../cli/bin/arena.js', import.meta.url));

/** What to start. */
export interface DevchainSpawnOptions {
  /** Extra `arena devchain` arguments, e.g. `['--tmp', '--manual-seal']`. */
  args?: string[];
  /** A devchain config object, written to a temp file and passed as `--config`. */
  config?: unknown;
  env?: Record<string, string>;
  /** RPC port; default 0 (any free port). */
  port?: number;
  timeoutMs?: number;
}

/** A running devchain process. */
export interface DevchainProcess {
  url: string;
  httpUrl: string;
  port: number;
  child: ChildProcess;
  /** stdout lines and stderr chunks, the first 500 (for error messages). */
  logs: string[];
  exited: Promise<number | null>;
  /** Produces `n` blocks now (`dev_newBlock`; for `--manual-seal`). */
  newBlocks(n?: number): Promise<void>;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

/** Starts the devchain; the caller stops it (see `spawnDevchain` for the AVA form). */
export async function startDevchainProcess(opts: DevchainSpawnOptions = {}): Promise<DevchainProcess> {
  const timeoutMs = opts.timeoutMs ?? 90_000;
  let configDir: string | undefined;
  const args = [ARENA, 'devchain', '--port', String(opts.port ?? 0), '--log-level', 'info'];
  if (opts.config !== undefined) {
    configDir = mkdtempSync(join(tmpdir(), 'arena-devchain-cfg-'));
    const file = join(configDir, 'devchain.json');
    writeFileSync(file, JSON.stringify(opts.config));
    args.push('--config', file);
  }
  args.push(...(opts.args ?? []));
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...opts.env } });
  const logs: string[] = [];
  const keep = (line: string): void => {
    if (logs.length < 500) logs.push(line);
  };
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      if (configDir !== undefined) rmSync(configDir, { recursive: true, force: true });
      resolve(code);
    }),
  );
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`devchain did not start within ${timeoutMs} ms; logs:\n${logs.join('\n')}`));
    }, timeoutMs);
    child.stdout!.on(
      'data',
      lineSplitter((line) => {
        keep(line); // a non-JSON line stays in logs for the error message
        const j = parseJsonLine(line);
        if (j?.msg === 'devchain listening' && typeof j.url === 'string') {
          clearTimeout(timer);
          resolve(j.url);
        }
      }),
    );
    child.stderr!.on('data', (d: Buffer) => keep(d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`devchain exited with ${code} before listening; logs:\n${logs.join('\n')}`));
    });
  });
  const httpUrl = url.replace('ws://', 'http://');
  const newBlocks = async (n = 1): Promise<void> => {
    const r = await fetch(httpUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'dev_newBlock', params: [{ count: n }] }),
    });
    const j = (await r.json()) as { error?: unknown };
    if (j.error !== undefined) throw new Error(`dev_newBlock failed: ${JSON.stringify(j.error)}`);
  };
  return { url, httpUrl, port: Number(new URL(url).port), child, logs, exited, newBlocks, stop };
}

/** Starts the devchain for one AVA test; it is SIGKILLed in the test's teardown if still running. */
export async function spawnDevchain(t: ExecutionContext, opts: DevchainSpawnOptions = {}): Promise<DevchainProcess> {
  const chain = await startDevchainProcess(opts);
  t.teardown(async () => {
    if (chain.child.exitCode === null && chain.child.signalCode === null) {
      chain.child.kill('SIGKILL');
      await chain.exited;
    }
  });
  return chain;
}
