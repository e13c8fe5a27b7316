import test from 'ava';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NETWORKS_DIR, listNetworks, loadNetworkFile, resolveNetwork } from '../src/networks.ts';
import { ArenaError, ConfigError } from '../src/errors.ts';

test('every file in configs/networks parses with NetworkSchema and its name matches the file', (t) => {
  const files = readdirSync(NETWORKS_DIR).filter((f) => f.endsWith('.json'));
  t.true(files.length >= 3);
  for (const f of files) t.is(loadNetworkFile(join(NETWORKS_DIR, f)).name, f.replace(/\.json$/, ''));
  t.deepEqual(
    listNetworks().map((n) => n.name),
    ['finney', 'local', 'test'],
  );
});

test('resolveNetwork knows local, test and finney (by name and alias) and passes URLs through', (t) => {
  t.is(resolveNetwork('local').endpoint, 'ws://127.0.0.1:9944');
  t.is(resolveNetwork('test').endpoint, 'wss://test.finney.opentensor.ai:443');
  t.is(resolveNetwork('finney').endpoint, 'wss://entrypoint-finney.opentensor.ai:443');
  t.is(resolveNetwork('mainnet').name, 'finney');
  const custom = resolveNetwork('ws://127.0.0.1:4321');
  t.like(custom, { name: 'custom', endpoint: 'ws://127.0.0.1:4321', isLocal: true });
  t.false(resolveNetwork('wss://example.org:443/rpc').isLocal);
});

test('resolveNetwork rejects unknown names with the list of known ones', (t) => {
  const err = t.throws(() => resolveNetwork('moon'), { instanceOf: ArenaError });
  t.is(err.code, 'NETWORK_UNKNOWN');
  t.regex(err.message, /finney.*local|local.*finney/);
  t.is(err.exitCode, 2);
});

test('a bad network file is a ConfigError naming the field', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'arena-net-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'x.json'), JSON.stringify({ name: 'x', description: 'd', endpoint: 'http://nope', colour: 'red' }));
  const err = t.throws(() => listNetworks(dir), { instanceOf: ConfigError });
  t.deepEqual(err.issues.map((i) => i.path).sort(), ['colour', 'endpoint']);
});
