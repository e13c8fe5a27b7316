import test from 'ava';
import { createLogger, memoryDestination, silentLogger } from '../src/logger.ts';
import { toUid } from '../src/brands.ts';

test('createLogger writes NDJSON with the component and typed fields', (t) => {
  const dest = memoryDestination();
  const log = createLogger({ level: 'info', component: 'validator', destination: dest });
  log.info({ uid: toUid(3), round: 7, durationMs: 12 }, 'model evaluated');
  log.debug({ uid: 1 }, 'hidden at info');
  t.is(dest.lines.length, 1);
  t.like(dest.lines[0], { component: 'validator', uid: 3, round: 7, durationMs: 12, msg: 'model evaluated', level: 30 });
});

test('createLogger redacts mnemonic, seed and password, also one level down', (t) => {
  const dest = memoryDestination();
  const log = createLogger({ destination: dest });
  log.warn({ mnemonic: 'bottom drive obey', seed: '0xabc', wallet: { password: 'hunter2', name: 'w' } }, 'secret stuff');
  const line = dest.lines[0] ?? {};
  t.is(line.mnemonic, '[redacted]');
  t.is(line.seed, '[redacted]');
  t.deepEqual(line.wallet, { password: '[redacted]', name: 'w' });
  t.false(JSON.stringify(line).includes('hunter2'));
});

test('errors are serialised under err with message and stack', (t) => {
  const dest = memoryDestination();
  createLogger({ destination: dest }).error({ err: new Error('kaput') }, 'miner query failed');
  const err = dest.lines[0]?.err as { message?: string; stack?: string } | undefined;
  t.is(err?.message, 'kaput');
  t.truthy(err?.stack);
});

test('silentLogger writes nothing and pretty falls back to NDJSON when pino-pretty is absent', (t) => {
  t.is(silentLogger().level, 'silent');
  const log = createLogger({ pretty: true, level: 'silent' });
  t.is(log.level, 'silent');
});
