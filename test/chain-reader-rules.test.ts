/**
 * Only core reads chain storage (DESIGN.md): everything else goes through core's one reader
 * (`#core/reader`). And that reader stays browser-safe, because the dashboard bundles it.
 */
import test from 'ava';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;

/**
 * Not scanned: core (the reader itself), devchain (the chain: its storage is its own state),
 * substrate-types (generated typings), and tests (`*.test.ts`, `_helpers/`), which read storage
 * directly on purpose: they are the independent witness of what the chain stored, so that a wrong
 * reader cannot vouch for itself.
 */
const SKIPPED_FOLDERS = new Set(['core', 'devchain', 'substrate-types', 'node_modules']);

/** Direct SubtensorModule storage access: decorated queries, or raw keys under the pallet's prefix. */
const DIRECT_READS: ReadonlyArray<[RegExp, string]> = [
  [/\bquery\s*(?:!?\??\.|\[\s*['"`])\s*subtensorModule\b/, 'api.query.subtensorModule'],
  [/\{[^}]*\bsubtensorModule\b[^}]*\}\s*=\s*[\w.]*\bquery\b/, 'destructured api.query.subtensorModule'],
  [/658faa385070e074c85bf6b568cf0555/i, 'a raw SubtensorModule storage key (twox128 prefix)'],
  [/xxhashAsHex\(\s*['"`]SubtensorModule/, 'a computed SubtensorModule storage prefix'],
];

function* files(dir: string, top = true): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.') || name === 'dist' || name === 'node_modules' || name === '_helpers') continue;
    if (top && SKIPPED_FOLDERS.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path, false);
    else if (/\.(ts|mts|js|mjs)$/.test(name) && !/\.test\.ts$/.test(name)) yield path;
  }
}

/** Every direct storage read in `text`, by what it is. */
function directReads(text: string): string[] {
  return DIRECT_READS.filter(([re]) => re.test(text)).map(([, what]) => what);
}

test('no file outside core reads SubtensorModule storage directly', (t) => {
  const found: string[] = [];
  let scanned = 0;
  for (const file of files(ROOT)) {
    scanned++;
    for (const what of directReads(readFileSync(file, 'utf8'))) found.push(`${relative(ROOT, file)}: ${what} (use #core/reader)`);
  }
  t.true(scanned > 50, `only ${scanned} files scanned`);
  t.deepEqual(found, []);
});

test('the scanner recognises every form of a direct read', (t) => {
  t.deepEqual(directReads('await api.query.subtensorModule.keys(1, 0)'), ['api.query.subtensorModule']);
  t.deepEqual(directReads('apiAt.query.subtensorModule?.[name]'), ['api.query.subtensorModule']);
  t.deepEqual(directReads('api.query!.subtensorModule!.weights!(1)'), ['api.query.subtensorModule']);
  t.deepEqual(directReads("api.query['subtensorModule']"), ['api.query.subtensorModule']);
  t.deepEqual(directReads('const { subtensorModule } = api.query;'), ['destructured api.query.subtensorModule']);
  t.deepEqual(directReads("rpc('state_getStorage', ['0x658faa385070e074c85bf6b568cf0555...'])"), [
    'a raw SubtensorModule storage key (twox128 prefix)',
  ]);
  t.deepEqual(directReads("xxhashAsHex('SubtensorModule', 128)"), ['a computed SubtensorModule storage prefix']);
  t.deepEqual(directReads('api.tx.subtensorModule.serveAxon(...)'), [], 'calls are not reads');
});

const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { imports: Record<string, string> };
const IMPORT_RE = /(?:^|\n)\s*(?:import|export)\s(?:[^'"]*?\sfrom\s*)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const NODE_BUILTINS = new Set(builtinModules);

/** Project files reachable from `entry` by value imports, with every package specifier they import. */
function reachable(entry: string): { files: string[]; packages: Map<string, string> } {
  const seen = new Set<string>();
  const packages = new Map<string, string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT_RE)) {
      if (/^\s*(?:import|export)\s+type\s/.test(m[0].trimStart())) continue; // erased at build time
      const spec = m[1] ?? m[2] ?? '';
      const mapped = PACKAGE.imports[spec];
      if (mapped !== undefined) visit(resolve(ROOT, mapped));
      else if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
      else packages.set(spec, relative(ROOT, file));
    }
  };
  visit(resolve(ROOT, entry));
  return { files: [...seen], packages };
}

test("core's chain reader is browser-safe: nothing it imports is a Node built-in", (t) => {
  const { files: reached, packages } = reachable(PACKAGE.imports['#core/reader'] ?? 'core/src/reader.ts');
  t.true(reached.length >= 5, `only ${reached.length} files reached`);
  const nodeOnly = [...packages]
    .filter(([spec]) => spec.startsWith('node:') || NODE_BUILTINS.has(spec))
    .map(([spec, file]) => `${file} imports ${spec}`);
  t.deepEqual(nodeOnly, []);
  t.true(
    reachable('cli/src/leaderboard/read.ts').files.some((f) => f.endsWith('core/src/chain/reader.ts')),
    'the leaderboard (and so the dashboard) reads through it',
  );
});
