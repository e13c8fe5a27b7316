/** Spawns `arena devchain --tmp --manual-seal` with a config file and waits for its "devchain listening" line. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExecutionContext } from 'ava';

const ARENA = new URL('../../../cli/bin/arena.js', import.meta.url).pathname;

/** Starts a devchain process with `config` (JSON of `configs/devchain`); resolves with its ws:// URL. */
export async function spawnDevchain(t: ExecutionContext, config: unknown, timeoutMs = 60_000): Promise<{ url: string; newBlocks(n?: number): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'arena-vchain-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'devchain.json');
  writeFileSync(file, JSON.stringify(config));
  const child = spawn(process.execPath, [ARENA, 'devchain', '--config', file, '--tmp', '--manual-seal', '--port', '0', '--log-level', 'info'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  t.teardown(async () => { if (child.exitCode === null && child.signalCode === null) { child.kill('SIGKILL'); await exited; } });
  const logs: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`devchain did not start within ${timeoutMs} ms:\n${logs.join('\n')}`)), timeoutMs);
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i); buf = buf.slice(i + 1);
        if (logs.length < 200) logs.push(line);
        try {
          const j = JSON.parse(line) as { msg?: string; url?: string };
          if (j.msg === 'devchain listening' && j.url !== undefined) { clearTimeout(timer); resolve(j.url); }
        } catch { /* not JSON */ }
      }
    });
    child.stderr!.on('data', (d: Buffer) => logs.push(d.toString()));
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`devchain exited with ${code}:\n${logs.join('\n')}`)); });
  });
  const http = url.replace('ws://', 'http://');
  return {
    url,
    newBlocks: async (n = 1) => {
      const r = await fetch(http, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'dev_newBlock', params: [{ count: n }] }) });
      const j = await r.json() as { error?: unknown };
      if (j.error !== undefined) throw new Error(`dev_newBlock failed: ${JSON.stringify(j.error)}`);
    },
  };
}
