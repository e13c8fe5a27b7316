/** Every shipped file in `configs/` parses with the schema of the command that reads it. */
import test from 'ava';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadConfig, loadNetworkFile } from '#core';
import { DevchainConfigSchema } from '#devchain';
import { loadMinerConfig } from '#miner';
import { loadValidatorConfig } from '#validator';
import { loadCompetitionFile } from '#training';
import { UpConfigSchema } from '../cli/src/up/config.ts';

const CONFIGS = new URL('../configs/', import.meta.url).pathname;

/** How each folder of `configs/` is checked. */
const CHECKS: Record<string, (path: string, raw: unknown) => unknown> = {
  up: (_p, raw) => UpConfigSchema.parse(raw),
  devchain: (p, raw) => loadConfig({ schema: DevchainConfigSchema, file: raw, filePath: p, env: {} }),
  miner: (p, raw) => loadMinerConfig({ file: raw, filePath: p, env: {} }),
  validator: (p, raw) => loadValidatorConfig({ file: raw, filePath: p, env: {} }),
  competitions: (p) => loadCompetitionFile(p),
  networks: (p) => loadNetworkFile(p),
};

function* jsonFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* jsonFiles(path);
    else if (name.endsWith('.json')) yield path;
  }
}

test('every file in configs/ parses with its schema', (t) => {
  const files = [...jsonFiles(CONFIGS)];
  t.true(files.length >= 8, `expected the shipped configs, found ${files.length}`);
  for (const file of files) {
    const folder = relative(CONFIGS, file).split('/')[0]!;
    const check = CHECKS[folder];
    t.truthy(check, `configs/${folder} has no schema check: add one to test/configs.test.ts`);
    t.notThrows(() => check!(file, JSON.parse(readFileSync(file, 'utf8'))), relative(CONFIGS, file));
  }
});

test('a config with an unknown key is refused with the field named', (t) => {
  const err = t.throws(() =>
    UpConfigSchema.parse({ validators: [{ name: 'v', stakeTao: 1 }], miners: [{ name: 'm', model: 'mlp' }], typo: 1 }),
  );
  t.regex(String(err?.message), /typo/);
  t.throws(() => loadConfig({ schema: DevchainConfigSchema, file: { port: 'nine' }, env: {} }), { message: /port/ });
});
