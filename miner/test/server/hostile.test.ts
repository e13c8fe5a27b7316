/**
 * Hostile load against a real miner server process (issue 12 item 5): each attack as it was found, with the
 * figure measured on the server process (RSS from /proc, refusal statuses), run serially (2 shared cores).
 */
import test from 'ava';
import { connect, type Socket } from 'node:net';
import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { MINER_SERVICE, MinerClient } from '#protocol';
import { batch, devKeys, IN } from './_helpers/harness.ts';
import { forgedFlood, rawCallOwnChannel, rssMiB, sampleRss, startServerProcess } from './_helpers/hostile.ts';

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
  t.log(
    `server RSS ${before.toFixed(0)} MiB -> peak ${peak.toFixed(0)} MiB (+${(peak - before).toFixed(0)}), 40 refusals in ${ms.toFixed(0)} ms`,
  );
  // Refused on headers (UNAUTHENTICATED), or, past 32 connections from one address, the connection is reset (UNAVAILABLE).
  const codes = results.map((r) => (Buffer.isBuffer(r) ? 'served' : (r as ServiceError).code));
  t.true(
    codes.every((c) => c === status.UNAUTHENTICATED || c === status.UNAVAILABLE),
    JSON.stringify(codes),
  );
  t.true(codes.filter((c) => c === status.UNAUTHENTICATED).length >= 32);
  t.true(peak - before < 120, `expected the server to grow by < 120 MiB, grew ${(peak - before).toFixed(0)} MiB`);
});

test.serial(
  'forged requests naming a real validator are rate-limited before any signature work; a legitimate caller keeps being served',
  async (t) => {
    t.timeout(300_000);
    const n = 1000;
    // Budgets off: every forged call costs a sha256 of its body and an sr25519 verification (the attack).
    const off = await forgedFlood({ limits: { admission: { perAddressPerSec: 1e9, perHotkeyPerSec: 1e9, verifyPerSec: 1e9 } } }, n);
    // Budgets on, scaled to this loaded machine (the flood here reaches only ~50 calls/s, the default per-hotkey
    // rate): 5 unverified calls/s per claimed hotkey. Per-address off: the test's callers share 127.0.0.1.
    const on = await forgedFlood({ limits: { admission: { perAddressPerSec: 1e9, perHotkeyPerSec: 5 } } }, n);
    t.log(
      `budgets off: ${off.verified}/${n} forged calls verified, server ${off.cpuMsPerCall.toFixed(2)} CPU ms/call, legit p99 ${off.legitP99.toFixed(1)} ms over ${off.legitServed} calls`,
    );
    t.log(
      `budgets on:  ${on.verified}/${n} forged calls verified (${on.preRefused} refused before), server ${on.cpuMsPerCall.toFixed(2)} CPU ms/call, legit p99 ${on.legitP99.toFixed(1)} ms over ${on.legitServed} calls`,
    );
    t.is(off.verified, n, 'without budgets every forged call is verified');
    t.true(on.verified < n / 2, `at most the per-hotkey burst plus its rate is verified, found ${on.verified}`);
    t.true(on.preRefused > 0, 'the rest are refused before any signature work');
    t.true(on.legitServed > 0);
  },
);

/**
 * A TCP connection that never speaks HTTP/2, with when it was opened (before connect: the server accepts it and
 * starts its handshake timer later) and when this process saw it close (performance.now(), ms).
 */
interface IdleSocket {
  socket: Socket;
  openedAt: number;
  closedAt: number | undefined;
}

/** Opens `n` TCP connections that never speak HTTP/2; resolves once all are connected or failed. */
async function idleSockets(port: number, n: number): Promise<IdleSocket[]> {
  return Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<IdleSocket>((resolve) => {
          const openedAt = performance.now();
          const s: IdleSocket = { socket: connect(port, '127.0.0.1'), openedAt, closedAt: undefined };
          s.socket.on('error', () => undefined); // a refused or reset connection is what the server does to them
          s.socket.once('connect', () => resolve(s));
          s.socket.once('close', () => {
            s.closedAt = performance.now();
            resolve(s);
          });
        }),
    ),
  );
}

/** Waits until every socket has closed or `boundMs` has passed. */
async function closedWithin(sockets: readonly IdleSocket[], boundMs: number): Promise<void> {
  const deadline = performance.now() + boundMs;
  while (sockets.some((s) => s.closedAt === undefined) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

test.serial(
  "idle TCP connections cannot exhaust a miner's open files: capped per address, closed without a handshake, validators still served",
  async (t) => {
    t.timeout(240_000);
    const keys = await devKeys();
    const request = { competitionId: 'mnist', roundId: 1, input: { dtype: 'float32' as const, shape: [1, IN], data: batch(1) } };
    const handshakeTimeoutMs = 1_000;
    const perAddress = 32; // the default maxConnectionsPerAddress: more from one address are reset at once
    const boundMs = 15_000;
    const run = async (connections: Record<string, number>, guarded: boolean) => {
      const server = await startServerProcess({ limits: { connections } }, 256);
      const sockets = await idleSockets(server.port, 300);
      // Guarded: wait until all have closed (bounded); unguarded, nothing closes them: give it the handshake timeout twice over.
      if (guarded) await closedWithin(sockets, boundMs);
      else await new Promise((r) => setTimeout(r, 2 * handshakeTimeoutMs));
      const open = sockets.filter((s) => !s.socket.destroyed && s.socket.readyState === 'open').length;
      const c = new MinerClient({
        address: `127.0.0.1:${server.port}`,
        minerHotkey: keys.bob.address,
        signer: keys.alice,
        defaultDeadlineMs: 8_000,
      });
      let served = false;
      let detail = '';
      try {
        served = (await c.predict(request)).value.roundId === 1;
      } catch (err: unknown) {
        detail = String(err);
      }
      c.close();
      for (const s of sockets) s.socket.destroy();
      await server.stop();
      // How long each connection lived, at least (opened to seen closed: a slow test process only lengthens it); unclosed ones are missing.
      const lived = sockets.flatMap((s) => (s.closedAt === undefined ? [] : [s.closedAt - s.openedAt]));
      return { open, served, detail, lived };
    };
    // Unguarded (the old server): no per-address cap, no handshake timeout.
    const off = await run({ maxConnectionsPerAddress: 1e6, maxConnections: 1e6, handshakeTimeoutMs: 1e9 }, false);
    const on = await run({ handshakeTimeoutMs }, true);
    // Those the per-address cap let in are held for the handshake timeout (50 ms: timer and clock granularity).
    const heldToTimeout = on.lived.filter((ms) => ms >= handshakeTimeoutMs - 50).length;
    t.log(
      `300 idle TCP connections under a 256 open-file limit: unguarded ${off.open} stay open, validator served: ${off.served} ${off.detail.slice(0, 80)}`,
    );
    t.log(
      `guarded: ${on.open} still open after waiting up to ${boundMs / 1000} s for all to close; ${heldToTimeout} lived >= ${handshakeTimeoutMs - 50} ms, longest ${Math.max(...on.lived).toFixed(0)} ms; validator served: ${on.served} ${on.detail.slice(0, 80)}`,
    );
    t.false(off.served, 'the attack wins on an unguarded server');
    t.is(on.open, 0, `idle connections without a handshake are closed (within ${boundMs / 1000} s)`);
    t.true(
      heldToTimeout >= perAddress,
      `the ${perAddress} connections the per-address cap admits are closed by the ${handshakeTimeoutMs} ms handshake timeout, not before: ${heldToTimeout} lived that long`,
    );
    t.true(on.served, on.detail);
  },
);
