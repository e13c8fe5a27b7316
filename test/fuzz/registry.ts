/** Finds every `*.fuzz.ts` file of the project and collects the surfaces they export. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FuzzSurface } from './surface.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const SKIP = new Set(['node_modules', '.git', '.arena', 'dist']);

function* fuzzFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    if (SKIP.has(name) || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* fuzzFiles(path);
    else if (name.endsWith('.fuzz.ts')) yield path;
  }
}

/** Every surface, in file order; `only` keeps the surfaces whose name contains one of its strings. */
export async function loadSurfaces(only: string[] = []): Promise<{ file: string; surface: FuzzSurface }[]> {
  const out: { file: string; surface: FuzzSurface }[] = [];
  for (const file of fuzzFiles(ROOT)) {
    const mod = (await import(pathToFileURL(file).href)) as { surfaces?: FuzzSurface[] };
    for (const surface of mod.surfaces ?? []) {
      if (only.length === 0 || only.some((s) => surface.name.includes(s))) out.push({ file: relative(ROOT, file), surface });
    }
  }
  return out;
}
