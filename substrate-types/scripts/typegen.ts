/**
 * Regenerates the polkadot.js augmentation of substrate-types from a fresh devchain:
 *  1. spawns `arena devchain --tmp --manual-seal --port 0` (a process, not an import),
 *  2. stores `state_getMetadata` as `substrate-types/metadata/devchain.json` (the committed snapshot),
 *  3. runs `polkadot-types-from-defs` and `polkadot-types-from-chain` on it, then rewrites the
 *     generated relative imports to the `.ts` form this repository uses.
 * Usage: `npm run typegen`. `fetchDevchainMetadata` is shared with the staleness test.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ARENA = join(ROOT, 'cli/bin/arena.js');
export const SNAPSHOT = join(ROOT, 'substrate-types/metadata/devchain.json');

/** Starts a throwaway devchain process, returns its `state_getMetadata` hex, stops it. */
export async function fetchDevchainMetadata(timeoutMs = 60_000): Promise<string> {
  const child = spawn(process.execPath, [ARENA, 'devchain', '--tmp', '--manual-seal', '--port', '0', '--log-level', 'info'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`devchain did not start within ${timeoutMs} ms`)), timeoutMs);
      let buf = '';
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        for (const line of buf.split('\n')) {
          try {
            const j = JSON.parse(line) as { msg?: string; url?: string };
            if (j.msg === 'devchain listening' && j.url) {
              clearTimeout(timer);
              resolve(j.url.replace('ws://', 'http://'));
            }
          } catch {
            /* partial or non-JSON line */
          }
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`devchain exited with ${code}`));
      });
    });
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'state_getMetadata', params: [] }),
    });
    const body = (await res.json()) as { result?: string; error?: unknown };
    if (typeof body.result !== 'string')
      throw new Error(`state_getMetadata: expected a hex result, found ${JSON.stringify(body).slice(0, 200)}`);
    return body.result;
  } finally {
    child.kill('SIGTERM');
  }
}

function run(script: string, args: string[]): void {
  const bin = join(ROOT, 'node_modules/@polkadot/typegen/scripts', script);
  const r = spawnSync(process.execPath, ['--import', 'tsx', bin, ...args], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${script} exited with ${r.status}`);
}

/** Generated files import siblings as `.js`; this repository needs `.ts` (NodeNext + tsx). */
function fixImports(dir: string): void {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      fixImports(p);
      continue;
    }
    if (!name.endsWith('.ts')) continue;
    const text = readFileSync(p, 'utf8');
    const fixed = text
      .replace(/(['"])(\.{1,2}\/[^'"]+?)\.js\1/g, (_m, q: string, s: string) => `${q}${s}.ts${q}`)
      .replace(/from '#substrate-types\/interfaces\/([^']+)'/g, (_m, s: string) => `from '../interfaces/${s}/index.ts'`);
    if (fixed !== text) writeFileSync(p, fixed);
  }
}

/**
 * `@polkadot/api-augment` (used by tests elsewhere in the program) already declares the substrate
 * lookup type aliases; a second `type X = ...` of the same name is a duplicate identifier, so the
 * aliases it already has are dropped from our `types-lookup.ts` (interfaces merge and are kept).
 */
function dropDuplicateAliases(file: string): void {
  const dir = join(ROOT, 'node_modules/@polkadot/types-augment/lookup');
  const known = new Set<string>();
  for (const f of readdirSync(dir)) {
    if (!f.endsWith('.d.ts')) continue;
    for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/\btype (\w+) =/g)) known.add(m[1]!);
  }
  const text = readFileSync(file, 'utf8');
  const out = text.replace(/\n {2}\/\*\* @name (\w+) \(\d+\) \*\/\n {2}type \1 = [^;]+;\n/g, (m, n: string) => (known.has(n) ? '\n' : m));
  writeFileSync(file, out);
}

async function main(): Promise<void> {
  const hex = await fetchDevchainMetadata();
  writeFileSync(SNAPSHOT, `${JSON.stringify({ jsonrpc: '2.0', id: 1, result: hex })}\n`);
  const rel = 'substrate-types/metadata/devchain.json';
  run('polkadot-types-from-defs.mjs', [
    '--package',
    '#substrate-types/interfaces',
    '--input',
    'substrate-types/src/interfaces',
    '--endpoint',
    rel,
  ]);
  run('polkadot-types-from-chain.mjs', [
    '--package',
    '#substrate-types/interfaces',
    '--output',
    'substrate-types/src/interfaces',
    '--endpoint',
    rel,
  ]);
  fixImports(join(ROOT, 'substrate-types/src/interfaces'));
  dropDuplicateAliases(join(ROOT, 'substrate-types/src/interfaces/types-lookup.ts'));
  console.log(JSON.stringify({ snapshot: rel, bytes: (hex.length - 2) / 2 }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
