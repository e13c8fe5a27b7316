import test from 'ava';
import { createServer, type AddressInfo } from 'node:net';
import { DisposerStack, startOrRelease } from '../src/lifecycle/disposer.ts';
import { listenHttp, sendJson } from '../src/lifecycle/http.ts';
import { ArenaError, exitCodeFor } from '../src/errors.ts';

test("a failed start releases what it opened, newest first, and keeps the start's error", async (t) => {
  const released: string[] = [];
  const stack = new DisposerStack();
  const err = await t.throwsAsync(
    startOrRelease(stack, undefined, async () => {
      stack.use('chain', 'c', () => {
        released.push('chain');
      });
      stack.defer('flaky', () => {
        throw new Error('close failed');
      });
      stack.defer('server', async () => {
        released.push('server');
      });
      throw new Error('port taken');
    }),
  );
  t.is(err.message, 'port taken');
  t.deepEqual(released, ['server', 'chain'], 'a failing release does not stop the others');
  t.is(stack.size, 0);
  await stack.disposeAll();
  t.deepEqual(released, ['server', 'chain'], 'idempotent');
});

test('listenHttp serves, and a taken port is an ArenaError naming the address with exit code 1', async (t) => {
  const http = await listenHttp({ host: '127.0.0.1', port: 0, what: 'test', handler: (_req, res) => sendJson(res, 200, { ok: true }) });
  t.teardown(() => http.close());
  const body = (await (await fetch(`http://127.0.0.1:${http.port}/status`)).json()) as { ok: boolean };
  t.true(body.ok);
  const holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => holder.close(() => resolve())));
  const port = (holder.address() as AddressInfo).port;
  const err = await t.throwsAsync(listenHttp({ host: '127.0.0.1', port, what: 'validator metrics', handler: () => undefined }), {
    instanceOf: ArenaError,
  });
  t.regex(
    err.message,
    new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port} for the validator metrics server: the address is in use.*EADDRINUSE`),
  );
  t.is(exitCodeFor(err), 1);
});

test('exitCodeFor: ArenaError codes, a declared exit code 2, anything else 1', (t) => {
  t.is(exitCodeFor(undefined), 0);
  t.is(exitCodeFor(new ArenaError('USAGE', 'x')), 2);
  t.is(exitCodeFor(Object.assign(new Error('no gpu'), { exitCode: 2 })), 2);
  t.is(exitCodeFor(Object.assign(new Error('x'), { exitCode: 7 })), 1);
  t.is(exitCodeFor(new Error('x')), 1);
});
