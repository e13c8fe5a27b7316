/**
 * `npm run bench`: runs every benchmark script in its own process, one after another (they measure
 * CPU-bound work, so they must not compete), and prints one JSON object keyed by benchmark name.
 * `npm run bench -- predict training` runs only the named ones.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BENCHES = ['devchain', 'epoch', 'subtensor', 'predict', 'training', 'serving', 'validator-round', 'hostile'] as const;

/** Runs one bench script; its last stdout line that parses as a JSON object is its result. */
function runBench(name: string): Promise<unknown> {
  const file = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
    });
    child.stderr.on('data', (b: Buffer) => {
      err = (err + b.toString()).slice(-4000);
    });
    child.on('exit', (code) => {
      const lines = out.trim().split('\n').reverse();
      for (const line of lines) {
        try {
          const parsed: unknown = JSON.parse(line);
          if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
            resolve({ ...(parsed as object), wallMs: Date.now() - started });
            return;
          }
        } catch {
          /* not the result line */
        }
      }
      resolve({ error: `exited with code ${code} without a JSON result`, stderr: err });
    });
  });
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !(BENCHES as readonly string[]).includes(w));
if (unknown.length > 0) {
  process.stderr.write(`unknown benchmark(s): ${unknown.join(', ')}; known: ${BENCHES.join(', ')}\n`);
  process.exitCode = 2;
} else {
  const results: Record<string, unknown> = {
    machine: { cpus: (await import('node:os')).cpus().length, node: process.version, at: new Date().toISOString() },
  };
  for (const name of wanted.length > 0 ? wanted : BENCHES) {
    process.stderr.write(`bench: ${name}...\n`);
    results[name] = await runBench(name);
  }
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}
