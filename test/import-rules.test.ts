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
  // Benchmarks time internals (the miner's server, the epoch), so they reach into the library folders; never cli, sim or e2e.
  bench: ['core', 'protocol', 'substrate-types', 'training', 'miner', 'validator', 'devchain'],
  // Whole-tree tests: configs.test.ts and the config fuzzer check configs/ against cli's `up` schema, hence cli.
  test: ['core', 'protocol', 'substrate-types', 'training', 'miner', 'validator', 'devchain', 'cli'],
};
/** The only allowed loads of `sim/` (nothing imports it statically): `arena sim`'s dynamic import. */
const LAZY_LOADS: Record<string, string> = { 'cli/src/commands/sim.ts': 'sim' };
/** Shared test helpers and the fuzz harness, which any folder's tests (never its sources) may import. */
const SHARED_TEST_DIRS = ['test/_helpers/', 'test/fuzz/'];
/** This file: its planted violations below are source strings, not imports. */
const SELF = 'test/import-rules.test.ts';
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

/** Root-relative path (always with `/`) that a relative specifier resolves to, or undefined. */
function resolvedPath(fromRel: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  return relative(ROOT, join(ROOT, fromRel, '..', spec))
    .split(sep)
    .join('/');
}

/** The project folder an import specifier reaches, or undefined for a package import. */
function targetFolder(fromFile: string, spec: string): string | undefined {
  if (spec.startsWith('#')) return spec.slice(1).split('/')[0];
  if (!spec.startsWith('.')) return undefined;
  const abs = join(fromFile, '..', spec);
  return relative(ROOT, abs).split(sep)[0];
}

/**
 * Static `import … from` / `export … from`, side-effect `import '…'`, and dynamic `import('…')`
 * (also `await import(…)`, a template literal without substitutions, or with an options argument).
 * The lookbehind keeps argv strings such as `'--import', 'tsx'` out.
 */
const IMPORT_RE = new RegExp(
  [
    String.raw`(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]`,
    String.raw`(?<![\w$.-])import\s*['"]([^'"]+)['"]`,
    String.raw`(?<![\w$.])import\(\s*(?:'([^']+)'|"([^"]+)"|\x60([^\x60$]+)\x60)\s*[,)]`,
  ].join('|'),
  'g',
);

interface FoundImport {
  spec: string;
  dynamic: boolean;
}

function importsOf(text: string): FoundImport[] {
  return [...text.matchAll(IMPORT_RE)].map((m) => {
    const dyn = m[3] ?? m[4] ?? m[5];
    return { spec: dyn ?? m[1] ?? m[2] ?? '', dynamic: dyn !== undefined };
  });
}

/** A file under `<folder>/test/`, or named `*.test.ts` / `*.fuzz.ts`. */
function isTestFile(rel: string): boolean {
  return rel.split('/')[1] === 'test' || /\.(test|fuzz)\.ts$/.test(rel);
}

/** Rule violations in one file, given its root-relative path (with `/`) and its text. */
function violationsIn(rel: string, text: string): string[] {
  const folder = rel.split('/')[0]!;
  const out: string[] = [];
  for (const { spec, dynamic } of importsOf(text)) {
    const target = targetFolder(join(ROOT, rel), spec);
    if (target === undefined || target === folder || !FOLDERS.includes(target)) continue;
    if (dynamic && LAZY_LOADS[rel] === target) continue;
    const path = resolvedPath(rel, spec);
    if (isTestFile(rel) && path !== undefined && SHARED_TEST_DIRS.some((d) => path.startsWith(d))) continue;
    if (!ALLOWED[folder]!.includes(target)) out.push(`${rel} imports ${spec} (${folder} -> ${target}${dynamic ? ', dynamic' : ''})`);
  }
  return out;
}

test('every project import follows the folder dependency rules of DESIGN.md', (t) => {
  const violations: string[] = [];
  const scannedPer: Record<string, number> = {};
  for (const folder of FOLDERS) {
    const dir = join(ROOT, folder);
    try {
      statSync(dir);
    } catch {
      continue;
    }
    for (const file of sourceFiles(dir)) {
      scannedPer[folder] = (scannedPer[folder] ?? 0) + 1;
      const rel = relative(ROOT, file).split(sep).join('/');
      if (rel === SELF) continue;
      violations.push(...violationsIn(rel, readFileSync(file, 'utf8')));
    }
  }
  for (const folder of ['core', 'miner', 'validator', 'cli', 'bench', 'test'])
    t.true((scannedPer[folder] ?? 0) > 0, `no source files were scanned in ${folder}/`);
  t.deepEqual(violations, []);
});

test('the import scanner catches a forbidden import', (t) => {
  const file = join(ROOT, 'miner', 'src', 'x.ts');
  t.is(targetFolder(file, '../../validator/src/index.ts'), 'validator');
  t.is(targetFolder(file, '#validator'), 'validator');
  t.is(targetFolder(file, './local.ts'), 'miner');
  t.is(targetFolder(file, '@polkadot/api'), undefined);
  t.false(ALLOWED.miner!.includes('validator'));
  t.deepEqual(violationsIn('miner/src/x.ts', "import { a } from '../../validator/src/index.ts';"), [
    'miner/src/x.ts imports ../../validator/src/index.ts (miner -> validator)',
  ]);
});

test('side-effect imports are checked; argv strings and package side-effect imports are not imports of a folder', (t) => {
  t.deepEqual(violationsIn('miner/src/x.ts', 'import \'../../validator/src/metrics.ts\';\nimport "#validator";'), [
    'miner/src/x.ts imports ../../validator/src/metrics.ts (miner -> validator)',
    'miner/src/x.ts imports #validator (miner -> validator)',
  ]);
  t.deepEqual(violationsIn('core/src/x.ts', "import '@polkadot/api-augment';\nspawn(node, ['--import', 'tsx', '../cli/x.ts']);"), []);
});

test("dynamic imports are checked, and only cli's lazy load of sim/ is exempt", (t) => {
  const src = [
    "const v = await import('#validator');",
    'const w = await import(`../../validator/src/index.ts`);',
    'const c = await import( "../../cli/src/main.ts" , { with: {} });',
    'const skipped = await import(pathToFileURL(file).href);',
  ].join('\n');
  t.deepEqual(violationsIn('miner/src/x.ts', src), [
    'miner/src/x.ts imports #validator (miner -> validator, dynamic)',
    'miner/src/x.ts imports ../../validator/src/index.ts (miner -> validator, dynamic)',
    'miner/src/x.ts imports ../../cli/src/main.ts (miner -> cli, dynamic)',
  ]);
  t.deepEqual(violationsIn('cli/src/commands/sim.ts', "const sim = await import('../../../sim/src/index.ts');"), []);
  t.deepEqual(violationsIn('cli/src/commands/sim.ts', "import { run } from '../../../sim/src/index.ts';"), [
    'cli/src/commands/sim.ts imports ../../../sim/src/index.ts (cli -> sim)',
  ]);
  t.deepEqual(violationsIn('cli/src/commands/up.ts', "const sim = await import('../../../sim/src/index.ts');"), [
    'cli/src/commands/up.ts imports ../../../sim/src/index.ts (cli -> sim, dynamic)',
  ]);
});

test('bench/, test/ and chaos/ are checked, and nothing imports them', (t) => {
  t.deepEqual(violationsIn('bench/x.ts', "import { main } from '../cli/src/main.ts';\nimport { s } from '#miner';"), [
    'bench/x.ts imports ../cli/src/main.ts (bench -> cli)',
  ]);
  t.deepEqual(violationsIn('test/x.test.ts', "import { run } from '../sim/src/index.ts';\nimport { up } from '../cli/src/up/config.ts';"), [
    'test/x.test.ts imports ../sim/src/index.ts (test -> sim)',
  ]);
  t.deepEqual(violationsIn('chaos/x.ts', "const b = await import('../bench/run.ts');"), [
    'chaos/x.ts imports ../bench/run.ts (chaos -> bench, dynamic)',
  ]);
  t.deepEqual(violationsIn('core/src/x.ts', "import { k } from '../../chaos/proc.ts';\nimport { b } from '../../bench/run.ts';"), [
    'core/src/x.ts imports ../../chaos/proc.ts (core -> chaos)',
    'core/src/x.ts imports ../../bench/run.ts (core -> bench)',
  ]);
});

test('the shared test helpers (test/_helpers/, test/fuzz/) are open to tests only', (t) => {
  const helper = "import { spawnDevchain } from '../../test/_helpers/devchain.ts';";
  t.deepEqual(violationsIn('devchain/test/x.ts', helper), []);
  t.deepEqual(violationsIn('devchain/src/x.ts', helper), ['devchain/src/x.ts imports ../../test/_helpers/devchain.ts (devchain -> test)']);
  t.deepEqual(violationsIn('miner/test/fuzz/x.fuzz.ts', "import type { FuzzSurface } from '../../../test/fuzz/surface.ts';"), []);
  t.deepEqual(violationsIn('miner/src/x.ts', "import { s } from '../../test/fuzz/surface.ts';"), [
    'miner/src/x.ts imports ../../test/fuzz/surface.ts (miner -> test)',
  ]);
  t.deepEqual(violationsIn('devchain/test/x.ts', "import { c } from '../../test/configs.test.ts';"), [
    'devchain/test/x.ts imports ../../test/configs.test.ts (devchain -> test)',
  ]);
});
