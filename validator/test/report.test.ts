import test from 'ava';
import { createServer } from 'node:http';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReportHandler, writeReport, type RoundReport } from '../src/report.ts';

const report = (roundId: number): RoundReport => ({
  roundId,
  netuid: 1,
  competitionId: 'mnist',
  block: roundId * 5,
  blockHash: '0x00',
  seedBlock: roundId * 5,
  seed: '0x01',
  batchHash: '0x02',
  batchSize: 8,
  startedAt: '2025-01-01T00:00:00.000Z',
  timings: { chainMs: 1, dataMs: 1, queryMs: 1, scoringMs: 1, totalMs: 4 },
  resetUids: [],
  miners: [
    {
      uid: 1,
      hotkey: 'hk1',
      status: 'ok',
      loss: 0.1,
      accuracy: 1,
      latencyMs: 3,
      emaLoss: 0.1,
      availability: 1,
      rank: 1,
      prize: 1,
      copyOf: null,
      responseHash: null,
      detail: null,
    },
  ],
});

test('writeReport writes round-<n>.json and keeps only the newest N', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'arena-vrep-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  for (const r of [1, 2, 10, 3]) await writeReport(dir, report(r), 2);
  t.deepEqual((await readdir(dir)).sort(), ['round-10.json', 'round-3.json']);
  t.deepEqual(JSON.parse(await readFile(join(dir, 'round-10.json'), 'utf8')), report(10));
});

test('the report handler serves the latest report as JSON over HTTP', async (t) => {
  let latest: RoundReport | undefined;
  const server = createServer(createReportHandler(() => latest));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t.teardown(() => new Promise<void>((r) => server.close(() => r())));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/report`;
  const empty = await fetch(url);
  t.is(empty.status, 404);
  t.deepEqual(await empty.json(), { error: 'no round has completed yet' });
  latest = report(4);
  const res = await fetch(url);
  t.is(res.status, 200);
  t.is(res.headers.get('content-type'), 'application/json');
  t.deepEqual(await res.json(), report(4));
  const post = await fetch(url, { method: 'POST', body: 'x' });
  t.is(post.status, 405);
  t.deepEqual(await post.json(), { error: 'expected GET or HEAD, found POST' });
});

test('writeReport writes the responses sidecar first and deletes sidecars with their reports', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'arena-vrep-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const sidecar = (roundId: number) => ({ version: 1 as const, roundId, request: null, responses: [] });
  // A sidecar left without its report (crash between the two writes) goes once older than every kept report.
  await writeFile(join(dir, 'round-0.responses.json'), '{}');
  for (const r of [1, 2, 10, 3])
    await writeReport(
      dir,
      { ...report(r), responses: { file: `round-${r}.responses.json`, maxBodyBytes: 1024, requestStored: false, stored: 0, skipped: [] } },
      2,
      sidecar(r),
    );
  t.deepEqual((await readdir(dir)).sort(), ['round-10.json', 'round-10.responses.json', 'round-3.json', 'round-3.responses.json']);
  t.deepEqual(JSON.parse(await readFile(join(dir, 'round-3.responses.json'), 'utf8')), sidecar(3));
});
