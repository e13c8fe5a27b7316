/** Spawns `arena devchain` as a real child process and waits for its "devchain listening" line. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ExecutionContext } from 'ava';

const ARENA = fileURLToPath(new URL('../../../cli/bin/arena.js', import.meta.url));

export interface SpawnedDevchain { url: string; httpUrl: string; child: ChildProcess; logs: string[]; exited: Promise<number | null> }

export async function spawnDevchain(t: ExecutionContext, args: string[], env: Record<string, string> = {}, timeoutMs = 90_000): Promise<SpawnedDevchain> {
  const child = spawn(process.execPath, [ARENA, 'devchain', '--port', '0', '--log-level', 'info', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const logs: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  t.teardown(async () => { if (child.exitCode === null && child.signalCode === null) { child.kill('SIGKILL'); await exited; } });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`devchain did not start within ${timeoutMs} ms; logs:\n${logs.join('\n')}`)), timeoutMs);
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i); buf = buf.slice(i + 1);
        logs.push(line);
        try {
          const j = JSON.parse(line) as { msg?: string; url?: string };
          if (j.msg === 'devchain listening' && j.url) { clearTimeout(timer); resolve(j.url); }
        } catch { /* a non-JSON line is kept in logs for the error message */ }
      }
    });
    child.stderr!.on('data', (d: Buffer) => logs.push(d.toString()));
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`devchain exited with ${code}; logs:\n${logs.join('\n')}`)); });
  });
  return { url, httpUrl: url.replace('ws://', 'http://'), child, logs, exited };
}
