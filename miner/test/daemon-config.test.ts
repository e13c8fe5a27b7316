import test from 'ava';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, readConfigFile } from '#core';
import {
  admissionLimitsOf,
  canonicalIp,
  connectionLimitsOf,
  axonVersion,
  formatTao,
  loadMinerConfig,
  MinerConfigSchema,
  minerConfigLeaves,
  reachableIp,
  resolveCompetition,
  sameAxon,
} from '../src/index.ts';

const CONFIG_DIR = new URL('../../configs/miner/', import.meta.url).pathname;

test('every file in configs/miner parses with the miner schema', (t) => {
  const files = readdirSync(CONFIG_DIR).filter((f) => f.endsWith('.json'));
  t.true(files.length >= 1);
  for (const f of files) t.notThrows(() => MinerConfigSchema.parse(readConfigFile(join(CONFIG_DIR, f))), f);
});

test('precedence is defaults < file < ARENA_MINER_* env < flags', (t) => {
  const file = { netuid: 3, grpc: { port: 1000, host: '127.0.0.1' }, training: { seed: 7 } };
  const env = { ARENA_MINER_GRPC_PORT: '2000', ARENA_MINER_TRAINING_SEED: '8', ARENA_MINER_REGISTER: 'true', ARENA_GRPC_PORT: '1' };
  const c = loadMinerConfig({ file, env, flags: { 'grpc.port': 3000 } });
  t.is(c.netuid, 3);
  t.is(c.grpc.host, '127.0.0.1');
  t.is(c.grpc.port, 3000);
  t.is(c.training.seed, 8);
  t.true(c.register);
  t.is(c.axon.serve, 'auto');
  t.is(c.metrics.port, 9101);
});

test('bad config names each field, what was expected and where the value came from', (t) => {
  const err = t.throws(
    () =>
      loadMinerConfig({
        file: { grpc: { prot: 1 }, backend: 'gpu' },
        filePath: 'm.json',
        env: { ARENA_MINER_NETUID: 'one' },
        flags: { 'training.learningRate': -1 },
      }),
    { instanceOf: ConfigError },
  );
  t.is(err!.exitCode, 2);
  const byPath = Object.fromEntries(err!.issues.map((i) => [i.path, i]));
  t.regex(byPath['grpc.prot']!.expected, /unknown key/);
  t.regex(byPath['grpc.prot']!.found, /from m\.json/);
  t.regex(byPath.netuid!.found, /env ARENA_MINER_NETUID/);
  t.regex(byPath.backend!.found, /"gpu"/);
  t.regex(byPath['training.learningRate']!.found, /flag --training\.learningRate/);
});

test('every schema leaf has a description and an ARENA_MINER_ env name', (t) => {
  for (const leaf of minerConfigLeaves()) {
    t.truthy(leaf.description, leaf.path.join('.'));
    t.regex(leaf.envName, /^ARENA_MINER_[A-Z0-9_]+$/);
  }
});

test('competitions resolve by id or path; an unknown id is a config error naming the field', (t) => {
  t.is(resolveCompetition('mnist').id, 'mnist');
  const err = t.throws(() => resolveCompetition('chess'), { instanceOf: ConfigError });
  t.is(err!.issues[0]!.path, 'competition');
  t.regex(err!.message, /competition: expected a competition id with a file in configs\/competitions\/, found "chess"/);
});

test('formatTao, axon version and address comparison', (t) => {
  t.is(formatTao(1_000_000_000n), '1 TAO');
  t.is(formatTao(1_500_000_001n), '1.500000001 TAO');
  t.is(formatTao(0n), '0 TAO');
  t.is(axonVersion('0.1.0'), 100);
  t.is(axonVersion('2.3.4'), 20304);
  t.is(canonicalIp('2001:DB8:0:0:0:0:0:1'), '2001:db8::1');
  t.is(canonicalIp('not an ip'), 'not an ip');
  t.true(sameAxon({ ip: '2001:db8::1', port: 8 }, { ip: '2001:DB8:0:0:0:0:0:1', port: 8 }));
  t.true(sameAxon({ ip: '1.2.3.4', port: 8 }, { ip: '1.2.3.4', port: 8 }));
  t.false(sameAxon({ ip: '1.2.3.4', port: 8 }, { ip: '1.2.3.4', port: 9 }));
  t.false(sameAxon(undefined, { ip: '1.2.3.4', port: 8 }));
});

test('reachableIp prefers the configured IP, then a concrete listen host, then a non-internal IPv4', (t) => {
  const ifs = {
    lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
    eth0: [{ address: '10.0.0.7', family: 'IPv4', internal: false }],
  } as unknown as Parameters<typeof reachableIp>[2];
  t.is(reachableIp('203.0.113.9', '0.0.0.0', ifs), '203.0.113.9');
  t.is(reachableIp(undefined, '192.168.1.5', ifs), '192.168.1.5');
  t.is(reachableIp(undefined, '0.0.0.0', ifs), '10.0.0.7');
  t.throws(() => reachableIp(undefined, '0.0.0.0', { lo: ifs!.lo }), { message: /set --axon\.external-ip/ });
});

test("the server's admission budgets and connection limits are config keys, env variables and flags", (t) => {
  const defaults = loadMinerConfig({});
  t.deepEqual(admissionLimitsOf(defaults), {
    perAddressPerSec: 200,
    perHotkeyPerSec: 50,
    verifyPerSec: 500,
    minBodyBytesPerSec: 256 * 1024,
    bodyGraceMs: 5_000,
  });
  t.deepEqual(connectionLimitsOf(defaults), {
    maxConnectionsPerAddress: 32,
    maxConnections: 512,
    handshakeTimeoutMs: 5_000,
    idleTimeoutMs: 60_000,
  });
  const c = loadMinerConfig({
    file: { admission: { perAddressPerSec: 1000, maxInFlightBytes: 1 << 26 }, connections: { maxPerAddress: 128 } },
    env: { ARENA_MINER_ADMISSION_VERIFY_PER_SEC: '800' },
    flags: { 'connections.idleTimeoutMs': 30_000 },
  });
  t.like(admissionLimitsOf(c), { perAddressPerSec: 1000, verifyPerSec: 800, maxInFlightBytes: 1 << 26 });
  t.false('maxInFlightBytesPerConnection' in admissionLimitsOf(c), 'unset in-flight caps keep the message-size default');
  t.like(connectionLimitsOf(c), { maxConnectionsPerAddress: 128, idleTimeoutMs: 30_000 });
  const err = t.throws(() => loadMinerConfig({ file: { admission: { perAddressPerSec: 0 } } }));
  t.regex(err?.message ?? '', /admission\.perAddressPerSec/);
});
