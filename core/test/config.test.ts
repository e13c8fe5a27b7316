import test from 'ava';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { configLeaves, formatEffectiveConfig, loadConfig, readConfigFile, redactConfig } from '../src/config.ts';
import { ConfigError } from '../src/errors.ts';

const Schema = z
  .object({
    chain: z
      .object({
        endpoint: z.string().default('ws://127.0.0.1:9944'),
        timeoutMs: z.number().int().positive().default(10_000),
      })
      .strict()
      .default({ endpoint: 'ws://127.0.0.1:9944', timeoutMs: 10_000 }),
    wallet: z
      .object({ name: z.string().default('default'), password: z.string().optional() })
      .strict()
      .default({ name: 'default' }),
    log: z
      .object({ level: z.enum(['info', 'debug', 'silent']).default('info'), pretty: z.boolean().default(false) })
      .strict()
      .default({ level: 'info', pretty: false }),
    netuids: z.array(z.number()).default([1]),
  })
  .strict();

test('precedence is defaults < file < env < flags', (t) => {
  const defaults = loadConfig({ schema: Schema });
  t.is(defaults.chain.timeoutMs, 10_000);
  const file = { chain: { endpoint: 'ws://file:1', timeoutMs: 1 }, log: { level: 'debug' } };
  const fromFile = loadConfig({ schema: Schema, file });
  t.deepEqual(fromFile.chain, { endpoint: 'ws://file:1', timeoutMs: 1 });
  const env = { ARENA_CHAIN_ENDPOINT: 'ws://env:2', ARENA_LOG_PRETTY: 'true', ARENA_NETUIDS: '1,2', OTHER: 'x' };
  const fromEnv = loadConfig({ schema: Schema, file, env: { ...env, ARENA_NETUIDS: '[1,2]' } });
  t.is(fromEnv.chain.endpoint, 'ws://env:2');
  t.is(fromEnv.chain.timeoutMs, 1);
  t.true(fromEnv.log.pretty);
  t.deepEqual(fromEnv.netuids, [1, 2]);
  const all = loadConfig({ schema: Schema, file, env, flags: { 'chain.endpoint': 'ws://flag:3', 'log.level': undefined } });
  t.is(all.chain.endpoint, 'ws://flag:3');
  t.is(all.log.level, 'debug');
});

test('env names follow ARENA_<SECTION>_<KEY> with camelCase split', (t) => {
  t.deepEqual(
    configLeaves(Schema).map((l) => l.envName),
    [
      'ARENA_CHAIN_ENDPOINT',
      'ARENA_CHAIN_TIMEOUT_MS',
      'ARENA_WALLET_NAME',
      'ARENA_WALLET_PASSWORD',
      'ARENA_LOG_LEVEL',
      'ARENA_LOG_PRETTY',
      'ARENA_NETUIDS',
    ],
  );
});

test('errors list every bad field with path, expected, found and source', (t) => {
  const err = t.throws(
    () =>
      loadConfig({
        schema: Schema,
        file: { chain: { timeoutMs: -5 }, bogus: 1, log: { level: 'loud' } },
        filePath: 'my.json',
        env: { ARENA_CHAIN_ENDPOINT: '' },
        flags: { 'chain.endpoint': 42 },
      }),
    { instanceOf: ConfigError },
  );
  const byPath = new Map(err.issues.map((i) => [i.path, i]));
  t.regex(byPath.get('chain.endpoint')?.found ?? '', /number 42 \(from flag --chain\.endpoint\)/);
  t.is(byPath.get('chain.endpoint')?.expected, 'string');
  t.regex(byPath.get('chain.timeoutMs')?.found ?? '', /number -5 \(from my\.json\)/);
  t.regex(byPath.get('bogus')?.expected ?? '', /unknown key/);
  t.truthy(byPath.get('log.level'));
  t.is(err.exitCode, 2);
});

test('a non-numeric env value is reported with the variable name', (t) => {
  const err = t.throws(() => loadConfig({ schema: Schema, env: { ARENA_CHAIN_TIMEOUT_MS: 'soon' } }), { instanceOf: ConfigError });
  t.regex(err.message, /chain\.timeoutMs: expected number, found string "soon" \(from env ARENA_CHAIN_TIMEOUT_MS\)/);
});

test('secrets are redacted in errors and in the printed effective config', (t) => {
  const err = t.throws(() => loadConfig({ schema: Schema, file: { wallet: { password: 12345 } } }), { instanceOf: ConfigError });
  t.false(err.message.includes('12345'));
  const cfg = loadConfig({ schema: Schema, flags: { 'wallet.password': 'hunter2' } });
  t.is(redactConfig(cfg).wallet.password, '[redacted]');
  t.false(formatEffectiveConfig(cfg).includes('hunter2'));
  t.is(cfg.wallet.password, 'hunter2');
});

test('readConfigFile turns missing files and bad JSON into ConfigError', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'arena-cfg-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  t.throws(() => readConfigFile(join(dir, 'nope.json')), { instanceOf: ConfigError, message: /ENOENT/ });
  writeFileSync(join(dir, 'bad.json'), '{ "a": ');
  t.throws(() => readConfigFile(join(dir, 'bad.json')), { instanceOf: ConfigError, message: /invalid JSON/ });
  writeFileSync(join(dir, 'ok.json'), '{ "a": 1 }');
  t.deepEqual(readConfigFile(join(dir, 'ok.json')), { a: 1 });
  t.throws(() => loadConfig({ schema: Schema, file: [1, 2] }), { instanceOf: ConfigError, message: /expected a JSON object/ });
});
