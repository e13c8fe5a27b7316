import test from 'ava';
import { readFileSync } from 'node:fs';
import { ConfigError, loadConfig } from '#core';
import { DevchainConfigSchema } from '#devchain';

const FILE = new URL('../../configs/devchain/local.json', import.meta.url);

test("arena devchain loads its config with core's loader: env over file, flags over env, one ConfigError naming the source", (t) => {
  const file = JSON.parse(readFileSync(FILE, 'utf8')) as unknown;
  const load = (env: Record<string, string>, flags: Record<string, unknown>) =>
    loadConfig({ schema: DevchainConfigSchema, envPrefix: 'ARENA_DEVCHAIN', file, filePath: 'local.json', env, flags });
  const cfg = load(
    { ARENA_DEVCHAIN_PORT: '9000', ARENA_DEVCHAIN_BLOCK_TIME_MS: '12000', ARENA_DEVCHAIN_ALLOW_LOOPBACK_AXONS: 'true' },
    { port: 9001 },
  );
  t.is(cfg.port, 9001);
  t.is(cfg.blockTimeMs, 12000);
  t.true(cfg.allowLoopbackAxons);
  t.is(cfg.genesis.sudo, '//Alice');
  const err = t.throws(() => load({}, { port: 'x' }), { instanceOf: ConfigError });
  t.regex(err.message, /port: expected number, found string "x" \(from flag --port\)/);
  t.is(err.exitCode, 2);
});
