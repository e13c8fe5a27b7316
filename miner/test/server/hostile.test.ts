/**
 * Hostile load against a real miner server process (issue 12 item 5): each attack as it was found, with the
 * figure measured on the server process (RSS from /proc, refusal statuses), run serially (2 shared cores).
 */
import test from 'ava';
import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { MINER_SERVICE } from '#protocol';
import { rawCallOwnChannel, rssMiB, sampleRss, startServerProcess } from './_helpers/hostile.ts';

const PATH = MINER_SERVICE.Predict.path;

test.serial('40 concurrent 15 MiB unauthenticated bodies do not pin miner memory: refused on their headers, unread', async (t) => {
  t.timeout(240_000);
  const server = await startServerProcess();
  t.teardown(() => server.stop());
  const address = `127.0.0.1:${server.port}`;
  const before = rssMiB(server.pid);
  const body = Buffer.alloc(15 << 20, 7);
  const md = new Metadata();
  md.set('epistula-signed-by', '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY'); // names a caller, signs nothing
  const sampler = sampleRss(server.pid);
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: 40 }, () => rawCallOwnChannel(address, PATH, body, md)));
  const ms = performance.now() - started;
  const peak = sampler.stop();
  t.log(`server RSS ${before.toFixed(0)} MiB -> peak ${peak.toFixed(0)} MiB (+${(peak - before).toFixed(0)}), 40 refusals in ${ms.toFixed(0)} ms`);
  t.true(results.every((r) => !Buffer.isBuffer(r) && (r as ServiceError).code === status.UNAUTHENTICATED), JSON.stringify(results.map((r) => (r as ServiceError).code)));
  t.true(peak - before < 120, `expected the server to grow by < 120 MiB, grew ${(peak - before).toFixed(0)} MiB`);
});
