import { connect } from 'node:http2';
import { Client, credentials, Metadata, status, type ClientReadableStream } from '@grpc/grpc-js';
import { HEALTH_SERVICE, ServingStatus, type HealthCheckResponse } from '#protocol';
import test from 'ava';
import { Registry } from 'prom-client';
import { createMetricsServer, createMinerMetrics } from '../../src/server/index.ts';
import { batch, client, devKeys, IN, startServer } from './_helpers/harness.ts';

const keysP = devKeys();

async function remoteWindow(address: string): Promise<number | undefined> {
  const session = connect(`http://${address}`);
  try {
    return await new Promise((resolve, reject) => {
      session.once('error', reject);
      session.once('remoteSettings', (s) => resolve(s.initialWindowSize));
    });
  } finally {
    session.destroy();
  }
}

test('the server advertises a widened HTTP/2 window (Node defaults to 64 KiB)', async (t) => {
  const keys = await keysP;
  const { address } = await startServer(t, keys, { limits: { inputShape: [IN], maxMessageBytes: 8 << 20 } });
  t.is(await remoteWindow(address), 8 << 20);
  const narrow = await startServer(t, keys, { limits: { inputShape: [IN], http2WindowBytes: 0 } });
  t.is(await remoteWindow(narrow.address), 65535);
});

test('Health/Watch streams the current status and then each change', async (t) => {
  const keys = await keysP;
  const { address, server } = await startServer(t, keys);
  const c = new Client(address, credentials.createInsecure());
  t.teardown(() => c.close());
  const d = HEALTH_SERVICE.Watch;
  const stream: ClientReadableStream<HealthCheckResponse> = c.makeServerStreamRequest(
    d.path,
    d.requestSerialize,
    d.responseDeserialize,
    { service: '' },
    new Metadata(),
  );
  const seen: number[] = [];
  const done = new Promise<void>((resolve) => {
    stream.on('data', (m: HealthCheckResponse) => {
      seen.push(m.status);
      if (seen.length === 1) server.health.setStatus('', 'NOT_SERVING');
      if (seen.length === 2) resolve();
    });
  });
  stream.on('error', () => undefined); // cancelled below
  await done;
  stream.cancel();
  t.deepEqual(seen, [ServingStatus.SERVING, ServingStatus.NOT_SERVING]);
  const unknown = await new Promise<number | undefined>((resolve) =>
    c.makeUnaryRequest(
      HEALTH_SERVICE.Check.path,
      HEALTH_SERVICE.Check.requestSerialize,
      HEALTH_SERVICE.Check.responseDeserialize,
      { service: 'nope' },
      (err) => resolve(err?.code),
    ),
  );
  t.is(unknown, status.NOT_FOUND);
});

test('/metrics shows requests by method and status, the latency histogram and the training gauges', async (t) => {
  const keys = await keysP;
  const registry = new Registry();
  const metrics = createMinerMetrics(registry);
  const { address } = await startServer(t, keys, { metrics });
  const http = createMetricsServer(registry);
  const { port } = await http.start('127.0.0.1', 0);
  t.teardown(() => http.stop());
  const c = client(t, address, keys);
  await c.predict({ competitionId: 'mnist', roundId: 1, input: { dtype: 'float32', shape: [1, IN], data: batch(1) } });
  await t.throwsAsync(c.predict({ competitionId: 'other', roundId: 1, input: { dtype: 'float32', shape: [1, IN], data: batch(1) } }));
  metrics.trainingStep.set(120);
  metrics.trainingLoss.set(0.25);
  metrics.trainingSamplesPerSec.set(3000);
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  t.regex(text, /arena_miner_grpc_requests_total\{method="Predict",status="OK"\} 1/);
  t.regex(text, /arena_miner_grpc_requests_total\{method="Predict",status="INVALID_ARGUMENT"\} 1/);
  t.regex(text, /arena_miner_grpc_request_duration_seconds_count\{method="Predict"\} 2/);
  t.regex(text, /arena_miner_training_step 120/);
  t.regex(text, /arena_miner_training_loss 0.25/);
  t.is((await fetch(`http://127.0.0.1:${port}/other`)).status, 404);
});
