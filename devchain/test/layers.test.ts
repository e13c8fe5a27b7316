/**
 * The devchain's source layers import only downwards: scale <- frame (pallet framework) <- pallets
 * <- runtime (the assembled runtime) <- chain, rpc, server. A pallet importing the runtime (or the
 * framework importing either) would close an import circle between runtime/ and pallets/.
 */
import test from 'ava';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

const SRC = new URL('../src/', import.meta.url).pathname;
/** What each layer may import (besides itself). Folders not listed here are top-level and unconstrained. */
const MAY_IMPORT: Record<string, string[]> = {
  scale: [],
  frame: ['scale'],
  pallets: ['scale', 'frame'],
  runtime: ['scale', 'frame', 'pallets'],
};

const IMPORT_RE = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) yield path;
  }
}

/** The layer of a path relative to src/ (its first folder; files directly in src/ are top-level). */
const layerOf = (rel: string): string => (rel.includes(sep) || rel.includes('/') ? rel.split(/[\\/]/)[0]! : '(top)');

/** Imports that go against the layering, as `from -> spec (layer -> layer)`. */
function layerViolations(files: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [rel, text] of files) {
    const from = layerOf(rel);
    const allowed = MAY_IMPORT[from];
    if (!allowed) continue;
    for (const m of text.matchAll(IMPORT_RE)) {
      const spec = m[1] ?? m[2] ?? m[3] ?? '';
      if (!spec.startsWith('.')) continue;
      const to = layerOf(relative('.', join(dirname(rel), spec)));
      if (to !== from && !allowed.includes(to)) out.push(`${rel} imports ${spec} (${from} -> ${to})`);
    }
  }
  return out;
}

test('devchain/src imports follow the layers (no runtime <-> pallets circle)', (t) => {
  const files = new Map<string, string>();
  for (const path of sources(SRC)) files.set(relative(SRC, path), readFileSync(path, 'utf8'));
  t.true(
    [...files.keys()].some((f) => f.startsWith(`pallets${sep}`)) && [...files.keys()].some((f) => f.startsWith(`runtime${sep}`)),
    'expected pallets/ and runtime/ sources',
  );
  t.deepEqual(layerViolations(files), []);
});

test('the layer check catches a pallet importing the runtime and a type-only framework import', (t) => {
  const files = new Map([
    ['runtime/runtime.ts', "import { Sudo } from '../pallets/sudo.ts';"],
    ['pallets/sudo.ts', "import type { Runtime } from '../runtime/runtime.ts';"],
    ['frame/pallet.ts', "import type { Runtime } from '../runtime/runtime.ts';\nimport '../pallets/x.ts';"],
  ]);
  t.deepEqual(layerViolations(files), [
    'pallets/sudo.ts imports ../runtime/runtime.ts (pallets -> runtime)',
    'frame/pallet.ts imports ../runtime/runtime.ts (frame -> runtime)',
    'frame/pallet.ts imports ../pallets/x.ts (frame -> pallets)',
  ]);
});
