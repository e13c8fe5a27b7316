/**
 * Fuzz surface of the config loaders: every shipped file in configs/ mutated (a field set to any JSON
 * value, removed, or an unknown key added, at any depth), plus random `ARENA_*` environment values for the
 * loaders that read them, and random file text. A loader returns a config or throws its documented error
 * (core's ConfigError naming the field; the competitions' Error naming the source); never
 * a TypeError or anything unnamed.
 */
import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { configLeaves, ConfigError, loadConfig, loadNetworkFile } from '#core';
import { DevchainConfigSchema } from '#devchain';
import { loadMinerConfig, MinerConfigSchema } from '#miner';
import { loadValidatorConfig } from '#validator';
import { loadCompetitionFile } from '#training';
import { UpConfigSchema } from '../../cli/src/up/config.ts';
import { applyEdit, editArb, type Json } from './json-mutate.ts';
import { checkProperty, Tally, type FuzzSurface } from './surface.ts';

const CONFIGS = new URL('../../configs/', import.meta.url).pathname;
type Loader = (raw: unknown, text: string, file: string, env: Record<string, string>) => unknown;

/** Each folder's loader, given the parsed object, its text written to `file`, and env. */
const LOADERS: Record<string, Loader> = {
  up: (raw, _t, _f, env) => loadConfig({ schema: UpConfigSchema, file: raw, env, envPrefix: 'ARENA_UP' }),
  devchain: (raw, _t, _f, env) => loadConfig({ schema: DevchainConfigSchema, file: raw, env, envPrefix: 'ARENA_DEVCHAIN' }),
  miner: (raw, _t, f, env) => loadMinerConfig({ file: raw, filePath: f, env }),
  validator: (raw, _t, f, env) => loadValidatorConfig({ file: raw, filePath: f, env }),
  competitions: (_r, _t, f) => loadCompetitionFile(f),
  networks: (_r, _t, f) => loadNetworkFile(f),
};

/** The documented refusal of a loader, or an Error saying what else was thrown. */
function judge(folder: string, err: unknown, file: string): string {
  if (err instanceof ConfigError) {
    if (err.issues.length === 0) throw new Error(`${folder}: ConfigError without issues`);
    return 'ConfigError';
  }
  if (folder === 'competitions' && err instanceof Error && err.constructor === Error && err.message.includes(file))
    return 'competition Error';
  throw new Error(`${folder} loader threw ${err instanceof Error ? `${err.constructor.name}: ${err.message}` : String(err)}`);
}

function* jsonFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, name.name);
    if (name.isDirectory()) yield* jsonFiles(path);
    else if (name.name.endsWith('.json')) yield path;
  }
}

const configSurface: FuzzSurface = {
  name: 'config.loaders',
  run: async (o) => {
    const started = Date.now();
    const files = [...jsonFiles(CONFIGS)].map((f) => ({
      folder: relative(CONFIGS, f).split('/')[0]!,
      name: relative(CONFIGS, f),
      raw: JSON.parse(readFileSync(f, 'utf8')) as Json,
    }));
    const envNames = [
      ...configLeaves(MinerConfigSchema, 'ARENA_MINER').map((l) => l.envName),
      'ARENA_DEVCHAIN_PORT',
      'ARENA_DEVCHAIN_BLOCK_TIME_MS',
      'ARENA_VALIDATOR_NETUID',
      'ARENA_UP_MINERS',
    ];
    const dir = mkdtempSync(join(tmpdir(), 'arena-fuzz-config-'));
    const tally = new Tally();
    const input = fc.record({
      file: fc.nat(files.length - 1),
      edits: fc.array(editArb, { maxLength: 3 }),
      env: fc.dictionary(
        fc.constantFrom(...envNames),
        fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('0', '-1', '1e9', 'true', 'NaN', '[]', '{}', '65536')),
        { maxKeys: 2 },
      ),
      text: fc.option(fc.string({ maxLength: 80 }), { freq: 8 }),
    });
    try {
      let n = 0;
      await checkProperty(
        'config.loaders',
        fc.property(input, (c) => {
          const f = files[c.file]!;
          const raw = c.edits.reduce(applyEdit, f.raw);
          const text = c.text ?? JSON.stringify(raw);
          const path = join(dir, `${n++ % 8}-${f.name.replaceAll('/', '_')}`);
          writeFileSync(path, text);
          let parsed: unknown = raw;
          if (c.text !== null) {
            try {
              parsed = JSON.parse(c.text);
            } catch {
              parsed = c.text;
            }
          }
          try {
            LOADERS[f.folder]!(parsed, text, path, c.env);
            tally.add(`${f.folder} ok`);
          } catch (err: unknown) {
            tally.add(`${f.folder} ${judge(f.folder, err, path)}`);
          }
        }),
        o,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return { surface: 'config.loaders', runs: o.numRuns, seed: o.seed, ms: Date.now() - started, outcomes: tally.counts };
  },
};

export const surfaces: FuzzSurface[] = [configSurface];
