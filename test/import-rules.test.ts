import test from 'ava';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Which project folders each folder may import (DESIGN.md, "Folders and who may import whom"). */
const ALLOWED: Record<string, string[]> = {
  protocol: [],
  'substrate-types': [],
  training: [],
  devchain: [],
  core: ['protocol', 'substrate-types'],
  miner: ['core', 'protocol', 'substrate-types', 'training'],
  validator: ['core', 'protocol', 'substrate-types', 'training'],
  cli: ['core', 'protocol', 'substrate-types', 'training', 'miner', 'validator', 'devchain'],
  e2e: ['core', 'protocol', 'substrate-types', 'training', 'miner', 'validator', 'devchain', 'cli'],
  sim: ['core', 'protocol', 'substrate-types', 'training'],
  // Chaos runs (issue 12) drive real processes; like e2e they use public entries (#core, #miner, ...) only.
  chaos: ['core', 'protocol', 'substrate-types', 'training', 'miner', 'validator', 'devchain'],
};
/** The only allowed loads of `sim/` (nothing imports it statically): `arena sim`'s dynamic import. */
const LAZY_LOADS: Record<string, string> = { 'cli/src/commands/sim.ts': 'sim' };
const FOLDERS = Object.keys(ALLOWED);
const ROOT = new URL('..', import.meta.url).pathname;

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|js|mjs)$/.test(name)) yield path;
  }
}

/** The project folder an import specifier reaches, or undefined for a package import. */
function targetFolder(fromFile: string, spec: string): string | undefined {
  if (spec.startsWith('#')) return spec.slice(1).split('/')[0];
  if (!spec.startsWith('.')) return undefined;
  const abs = join(fromFile, '..', spec);
  return relative(ROOT, abs).split(sep)[0];
}

const IMPORT_RE = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

test('every project import follows the folder dependency rules of DESIGN.md', (t) => {
  const violations: string[] = [];
  let scanned = 0;
  for (const folder of FOLDERS) {
    const dir = join(ROOT, folder);
    try { statSync(dir); } catch { continue; }
    for (const file of sourceFiles(dir)) {
      scanned++;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(IMPORT_RE)) {
        const spec = m[1] ?? m[2] ?? '';
        const target = targetFolder(file, spec);
        if (target === undefined || target === folder || !FOLDERS.includes(target)) continue;
        if (m[2] !== undefined && LAZY_LOADS[relative(ROOT, file)] === target) continue;
        if (!ALLOWED[folder]!.includes(target)) violations.push(`${relative(ROOT, file)} imports ${spec} (${folder} -> ${target})`);
      }
    }
  }
  t.true(scanned > 0, 'no source files were scanned');
  t.deepEqual(violations, []);
});

test('the import scanner catches a forbidden import', (t) => {
  const file = join(ROOT, 'miner', 'src', 'x.ts');
  t.is(targetFolder(file, '../../validator/src/index.ts'), 'validator');
  t.is(targetFolder(file, '#validator'), 'validator');
  t.is(targetFolder(file, './local.ts'), 'miner');
  t.is(targetFolder(file, '@polkadot/api'), undefined);
  t.false(ALLOWED.miner!.includes('validator'));
});
