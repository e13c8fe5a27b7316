/** The miner's HTTP side: `/health` follows the Predict service's serving status, `/metrics` the registry. */
import test from 'ava';
import { Registry } from 'prom-client';
import { createMetricsServer } from '../../src/server/metrics.ts';

test('GET /health is 200 while serving and 503 with the status otherwise; other paths are 404', async (t) => {
  let status: string | undefined = 'NOT_SERVING';
  const server = createMetricsServer(new Registry(), () => status);
  const { port } = await server.start('127.0.0.1', 0);
  t.teardown(() => server.stop());
  const get = (path: string): Promise<Response> => fetch(`http://127.0.0.1:${port}${path}`);
  const loading = await get('/health');
  t.is(loading.status, 503, 'no model loaded yet');
  t.deepEqual(await loading.json(), { status: 'NOT_SERVING' });
  status = 'SERVING';
  const serving = await get('/health');
  t.is(serving.status, 200);
  t.deepEqual(await serving.json(), { status: 'SERVING' });
  status = undefined;
  t.is((await get('/health')).status, 503, 'an unknown status is not healthy');
  t.is((await get('/metrics')).status, 200);
  t.is((await get('/other')).status, 404);
});
