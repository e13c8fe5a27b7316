/**
 * `npm run fuzz`: runs every fuzz surface (`**\/*.fuzz.ts`) with at least 10,000 cases each and prints one
 * JSON line per surface, then a summary. Flags: --runs N, --seed N (default: random, printed),
 * --only name[,name], --path P (replay one failing case). Exit 1 when any surface fails.
 */
import { parseArgs } from 'node:util';
import { errorMessage } from '#core';
import { loadSurfaces } from './registry.ts';
import type { SurfaceResult } from './surface.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '10000' }, seed: { type: 'string' }, only: { type: 'string' }, path: { type: 'string' } },
});
const numRuns = Number(values.runs);
const seed = values.seed !== undefined ? Number(values.seed) : (Date.now() ^ (Math.random() * 2 ** 31)) | 0;
if (!Number.isInteger(numRuns) || numRuns < 1 || !Number.isInteger(seed)) {
  process.stderr.write(`expected --runs as a positive integer and --seed as an integer, found ${values.runs} and ${values.seed}\n`);
  process.exit(2);
}
const only = values.only ? values.only.split(',') : [];
const surfaces = await loadSurfaces(only);
process.stdout.write(`${JSON.stringify({ fuzz: 'start', seed, runs: numRuns, surfaces: surfaces.map((s) => s.surface.name) })}\n`);
const results: SurfaceResult[] = [];
const failures: string[] = [];
for (const { file, surface } of surfaces) {
  try {
    const r = await surface.run({ numRuns, seed, ...(values.path ? { path: values.path } : {}) });
    results.push(r);
    process.stdout.write(`${JSON.stringify({ ...r, file })}\n`);
  } catch (err: unknown) {
    failures.push(surface.name);
    process.stdout.write(`${JSON.stringify({ surface: surface.name, file, failed: true, seed })}\n`);
    process.stderr.write(`${errorMessage(err)}\n`);
  }
}
const total = results.reduce((s, r) => s + r.runs, 0);
process.stdout.write(
  `${JSON.stringify({ fuzz: 'done', seed, surfaces: surfaces.length, passed: results.length, failed: failures, totalCases: total })}\n`,
);
process.exit(failures.length === 0 ? 0 : 1);
