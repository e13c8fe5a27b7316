/**
 * Hostile load on a real miner server process (issue 12 item 5), JSON on the last stdout line:
 * - memory: server RSS before and at peak while 40 concurrent 15 MiB unauthenticated bodies arrive;
 * - forgedFlood: 1,000 forged Predicts naming a real validator (32 at a time) while a legitimate validator calls
 *   in a loop: forged calls that reached signature verification, server CPU ms per forged call, and the
 *   legitimate caller's p99, with the pre-verification budgets off (the old server) and on (per-hotkey 5/s here,
 *   scaled to a 2-core machine; per-address off since every caller here is 127.0.0.1).
 */
import { Metadata } from '@grpc/grpc-js';
import { MINER_SERVICE } from '#protocol';
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
    await Promise.all(Array.from({ length: 40 }, () => rawCallOwnChannel(`127.0.0.1:${server.port}`, MINER_SERVICE.Predict.path, body, md)));
    return { rssBeforeMiB: Math.round(before), rssPeakMiB: Math.round(sampler.stop()), refusedInMs: Math.round(performance.now() - started) };
  } finally {
    await server.stop();
  }
}

const n = 1000;
const off = await forgedFlood({ limits: { admission: { perAddressPerSec: 1e9, perHotkeyPerSec: 1e9, verifyPerSec: 1e9 } } }, n);
const on = await forgedFlood({ limits: { admission: { perAddressPerSec: 1e9, perHotkeyPerSec: 5 } } }, n);
const round = (r: typeof on): Record<string, number> => ({
  forged: n, verified: r.verified, refusedBeforeVerify: r.preRefused, serverCpuMsPerForgedCall: Number(r.cpuMsPerCall.toFixed(2)),
  legitP99Ms: Number(r.legitP99.toFixed(1)), legitCalls: r.legitServed,
});
process.stdout.write(`${JSON.stringify({ memory: await memory(), forgedFlood: { budgetsOff: round(off), budgetsOn: round(on) } })}\n`);
