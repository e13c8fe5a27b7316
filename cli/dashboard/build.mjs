#!/usr/bin/env node
// Builds the dashboard page into cli/dashboard/dist with Vite. Run by `npm run build:dashboard` and by
// the `prepare` hook of `npm ci`. With `--if-available` (the hook), a missing Vite (an install without
// dev dependencies, e.g. `npm ci --omit=dev`) only prints a note: `arena dashboard` then says how to build.
import { fileURLToPath } from 'node:url';

const optional = process.argv.includes('--if-available');
let vite;
try {
  vite = await import('vite');
} catch (err) {
  if (optional) {
    process.stderr.write('dashboard: vite is not installed (dev dependencies omitted); skipping the page build\n');
    process.exit(0);
  }
  process.stderr.write(`dashboard: cannot load vite (${err.message}); run npm ci (with dev dependencies)\n`);
  process.exit(1);
}
const started = Date.now();
await vite.build({ configFile: fileURLToPath(new URL('./vite.config.ts', import.meta.url)) });
process.stderr.write(`dashboard: built cli/dashboard/dist in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
