/**
 * Hostile load on a real miner server process (issue 12 item 5), JSON on the last stdout line:
 * - memory: server RSS before and at peak while 40 concurrent 15 MiB unauthenticated bodies arrive;
 * - forgedFlood: 1,000 forged Predicts naming a real validator (32 at a time) while a legitimate validator calls
 *   in a loop: forged calls that reached signature verification, server CPU ms per forged call, and the
 *   legitimate caller's p99, with the pre-verification budgets off (the old server) and on (per-hotkey 5/s here,
 *   scaled to a 2-core machine; per-address off since every caller here is 127.0.0.1);
 * - inFlight: an admitted caller's 15 MiB bodies, 4 streams on each of 6 connections at once: bodies read in full,
 *   refused, and server RSS growth at peak, with the in-flight caps (32 MiB per connection, 128 MiB in total) off
 *   and on;
 * - relayGuard: the miner's relay check (miner/src/server/relay-guard.ts) on the event loop: ms to inspect one
 *   honest generated batch of 256 and of 1024 samples while the guard remembers 32 earlier batches of 1024 from
 *   32 other callers (its worst case at the default per-caller share is 64 callers x 2048 samples).
 */
import { Metadata, status } from '@grpc/grpc-js';
import { MINER_SERVICE } from '#protocol';
import { generatedRoundBatch } from '#training';
import { RelayGuard } from '../miner/src/server/index.ts';
import { nearLimitFlood } from '../miner/test/server/_helpers/forge.ts';
import { forgedFlood, rawCallOwnChannel, rssMiB, sampleRss, startServerProcess } from '../miner/test/server/_helpers/hostile.ts';

async function memory(): Promise<Record<string, number>> {
  const server = await startServerProcess();
  try {
    const before = rssMiB(server.pid);
    const body = Buffer.alloc(15 << 20, 7);
    const md = new Metadata();
    md.set('epistula-signed-by', '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY');
    const sampler = sampleRss(server.pid);
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 40 }, () => rawCallOwnChannel(`127.0.0.1:${server.port}`, MINER_SERVICE.Predict.path, body, md)),
    );
    return {
      rssBeforeMiB: Math.round(before),
      rssPeakMiB: Math.round(sampler.stop()),
      refusedInMs: Math.round(performance.now() - started),
    };
  } finally {
    await server.stop();
  }
}

/** 6 connections x 4 streams x 15 MiB from an admitted caller, caps off then on. */
async function inFlight(): Promise<Record<string, Record<string, number | boolean>>> {
  const sum = async (caps: Record<string, number>): Promise<Record<string, number | boolean>> => {
    const r = await nearLimitFlood(caps, 6, 4);
    const all = r.perConnection.flat();
    return {
      bodies: all.length,
      read: all.filter((a) => a.status === String(status.INVALID_ARGUMENT)).length,
      refused: all.filter((a) => a.status === String(status.RESOURCE_EXHAUSTED)).length,
      rssGrowthMiB: Math.round(r.grewMiB),
      validatorServedAfter: r.served === '1',
    };
  };
  return { capsOff: await sum({ maxInFlightBytesPerConnection: 1e12, maxInFlightBytes: 1e12 }), capsOn: await sum({}) };
}

/** Median ms of RelayGuard.inspect on fresh honest batches, with 32 x 1024 samples from other callers remembered. */
function relayGuardCost(): Record<string, number> {
  const guard = new RelayGuard();
  const t0 = Date.now();
  for (let c = 0; c < 32; c++) guard.inspect(`caller-${c}`, generatedRoundBatch(`bench-fill-${c}`, 1024).inputs, 1024, t0);
  const timed = (batch: number): number => {
    const ms: number[] = [];
    for (let i = 0; i < 9; i++) {
      const input = generatedRoundBatch(`bench-${batch}-${i}`, batch).inputs;
      const start = performance.now();
      guard.inspect('validator', input, batch, t0 + 1);
      ms.push(performance.now() - start);
    }
    return Number(ms.sort((a, b) => a - b)[4]!.toFixed(1));
  };
  return { rememberedSamples: guard.size, inspectMsBatch256: timed(256), inspectMsBatch1024: timed(1024) };
}

const n = 1000;
const off = await forgedFlood({ limits: { admission: { perAddressPerSec: 1e9, perHotkeyPerSec: 1e9, verifyPerSec: 1e9 } } }, n);
const on = await forgedFlood({ limits: { admission: { perAddressPerSec: 1e9, perHotkeyPerSec: 5 } } }, n);
const round = (r: typeof on): Record<string, number> => ({
  forged: n,
  verified: r.verified,
  refusedBeforeVerify: r.preRefused,
  serverCpuMsPerForgedCall: Number(r.cpuMsPerCall.toFixed(2)),
  legitP99Ms: Number(r.legitP99.toFixed(1)),
  legitCalls: r.legitServed,
});
process.stdout.write(
  `${JSON.stringify({ memory: await memory(), forgedFlood: { budgetsOff: round(off), budgetsOn: round(on) }, inFlight: await inFlight(), relayGuard: relayGuardCost() })}\n`,
);
