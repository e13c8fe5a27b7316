/**
 * In-flight byte caps of miner admission (miner/src/server/in-flight.ts) attacked against a real server process:
 * an admitted caller (//Alice, really signing) sends near-limit bodies (15 MiB of a 16 MiB limit) on several
 * streams of several connections at once. With the caps (per connection 2 x, in total 8 x the message limit) the
 * excess is refused with RESOURCE_EXHAUSTED naming the cap and the server's RSS stays bounded; with the caps out
 * of reach every body is read at once (the attack). A validator is served afterwards either way.
 */
import test from 'ava';
import { status } from '@grpc/grpc-js';
import { MinerClient } from '#protocol';
import { batch, devKeys, IN } from './_helpers/harness.ts';
import { callOn, countStatuses, sessionFrom, signedHeaders, type Answer } from './_helpers/forge.ts';
import { rssMiB, sampleRss, startServerProcess } from './_helpers/hostile.ts';

const request = { competitionId: 'mnist', roundId: 1, input: { dtype: 'float32' as const, shape: [1, IN], data: batch(1) } };
/** The bodies are 15 MiB of junk, correctly signed: read in full, they are answered INVALID_ARGUMENT (not a PredictRequest). */
const READ = String(status.INVALID_ARGUMENT);
const REFUSED = String(status.RESOURCE_EXHAUSTED);

test.serial(
  'near-limit bodies on many streams at once: the excess is refused naming the cap, RSS bounded, a validator served',
  async (t) => {
    t.timeout(300_000);
    const keys = await devKeys();
    const body = Buffer.alloc(15 << 20, 7);
    const connections = 6;
    const streams = 4;
    const run = async (caps: Record<string, number>) => {
      const server = await startServerProcess({ limits: { admission: caps } });
      try {
        const before = rssMiB(server.pid);
        const sampler = sampleRss(server.pid);
        const t0 = performance.now();
        const answers = await Promise.all(
          Array.from({ length: connections }, async () => {
            const session = sessionFrom(server.port, '127.0.0.1');
            try {
              return await Promise.all(
                Array.from({ length: streams }, () => callOn(session, signedHeaders(body, keys.alice, keys.bob.address), body, t0)),
              );
            } finally {
              session.destroy();
            }
          }),
        );
        const peak = sampler.stop();
        const legit = new MinerClient({
          address: `127.0.0.1:${server.port}`,
          minerHotkey: keys.bob.address,
          signer: keys.eve,
          defaultDeadlineMs: 20_000,
        });
        let served = '';
        try {
          served = String((await legit.predict(request)).value.roundId);
        } catch (err: unknown) {
          served = String(err);
        } finally {
          legit.close();
        }
        return { perConnection: answers, all: answers.flat(), grewMiB: peak - before, served };
      } finally {
        await server.stop();
      }
    };
    const off = await run({ maxInFlightBytesPerConnection: 1e12, maxInFlightBytes: 1e12 });
    const on = await run({});
    const n = connections * streams;
    const read = (a: readonly Answer[]): number => a.filter((x) => x.status === READ).length;
    t.log(`caps off: ${read(off.all)}/${n} bodies of 15 MiB read at once, server RSS +${off.grewMiB.toFixed(0)} MiB at peak`);
    t.log(
      `caps on (32 MiB per connection, 128 MiB in total): ${read(on.all)}/${n} read, server RSS +${on.grewMiB.toFixed(0)} MiB at peak; ${JSON.stringify(countStatuses(on.all))}`,
    );
    const refusals = on.all.filter((a) => a.status === REFUSED);
    t.log(`refusal: ${refusals[0]?.message ?? 'none'}`);
    t.is(read(off.all), n, 'without caps every body is read (the attack)');
    t.is(read(on.all) + refusals.length, n, `every call is read or refused with a status: ${JSON.stringify(countStatuses(on.all))}`);
    t.true(
      on.perConnection.every((c) => read(c) <= 2),
      'at most two 15 MiB bodies at once per connection (32 MiB cap)',
    );
    t.true(read(on.all) >= 1 && read(on.all) <= 8, `at most eight 15 MiB bodies at once in total (128 MiB cap), read ${read(on.all)}`);
    t.true(
      refusals.every((a) => /in flight.*over its cap of (32|128)\.0 MiB/.test(a.message)),
      refusals.map((a) => a.message).join('\n'),
    );
    t.true(on.grewMiB < off.grewMiB / 2, `RSS +${on.grewMiB.toFixed(0)} MiB with caps vs +${off.grewMiB.toFixed(0)} MiB without`);
    t.is(off.served, '1');
    t.is(on.served, '1', 'a validator is served after the flood');
  },
);
