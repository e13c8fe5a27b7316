/**
 * The pre-verification budgets of miner admission (miner/src/server/admission.ts) attacked against a real server
 * process, each also run with its limit set out of reach to show the attack wins without it:
 * - per remote address: forged calls from one address naming several registered validators are refused before
 *   any sha256 + sr25519 once the address's budget is spent;
 * - verifications per second overall: forged calls naming distinct validators from distinct addresses (so no
 *   per-address or per-hotkey budget applies) are verified at most at the cap.
 * Distinct addresses are 127.0.0.x (all of 127/8 is loopback on Linux). Verified forged calls are answered
 * UNAUTHENTICATED (16): the signature was checked and failed; the others are refused on their headers.
 */
import test from 'ava';
import { status } from '@grpc/grpc-js';
import { MinerClient } from '#protocol';
import { batch, devKeys, IN, type Keys } from './_helpers/harness.ts';
import { countStatuses, forgeFrom, randomHotkeys, type Answer } from './_helpers/forge.ts';
import { cpuMs, startServerProcess } from './_helpers/hostile.ts';

const request = { competitionId: 'mnist', roundId: 1, input: { dtype: 'float32' as const, shape: [1, IN], data: batch(1) } };
const VERIFIED = String(status.UNAUTHENTICATED);

function legitClient(port: number, keys: Keys, signer = keys.alice): MinerClient {
  return new MinerClient({ address: `127.0.0.1:${port}`, minerHotkey: keys.bob.address, signer, defaultDeadlineMs: 20_000 });
}

/** Most of the times `ms` that fall in any window of `windowMs`. */
function maxInWindow(ms: readonly number[], windowMs: number): number {
  const at = [...ms].sort((a, b) => a - b);
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < at.length; hi++) {
    while (at[hi]! - at[lo]! > windowMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

/**
 * The worst breach of the token-bucket bound by tokens granted at times `ms`: over all spans from one grant to a
 * later one, the grants in the span less (`burst` + `ratePerSec` x its length). A bucket never breaches it (the
 * result is <= 0): it holds at most `burst` tokens and gains `ratePerSec` per second.
 */
function worstBucketExcess(ms: readonly number[], burst: number, ratePerSec: number): { excess: number; grants: number; spanMs: number } {
  const at = [...ms].sort((a, b) => a - b);
  let worst = { excess: Number.NEGATIVE_INFINITY, grants: 0, spanMs: 0 };
  for (let i = 0; i < at.length; i++) {
    for (let j = i; j < at.length; j++) {
      const spanMs = at[j]! - at[i]!;
      const excess = j - i + 1 - (burst + (ratePerSec * spanMs) / 1000);
      if (excess > worst.excess) worst = { excess, grants: j - i + 1, spanMs };
    }
  }
  return worst;
}

test.serial(
  'forged calls from one address naming several validators are refused before verification once its budget is spent',
  async (t) => {
    t.timeout(300_000);
    const keys = await devKeys();
    const extra = randomHotkeys(6);
    const named = [keys.alice.address, keys.eve.address, ...extra];
    const n = 240; // 30 per named hotkey: under the per-hotkey burst (100), so only the per-address budget can bite
    const run = async (perAddressPerSec: number) => {
      const server = await startServerProcess({ validators: extra, limits: { admission: { perAddressPerSec } } });
      try {
        const cpu0 = cpuMs(server.pid);
        const t0 = performance.now();
        const answers = await forgeFrom(server.port, '127.0.0.2', named, keys.bob.address, n, t0);
        const seconds = (performance.now() - t0) / 1000;
        const cpuPerCall = (cpuMs(server.pid) - cpu0) / n;
        const legit = legitClient(server.port, keys);
        let served = '';
        try {
          served = String((await legit.predict(request)).value.roundId);
        } catch (err: unknown) {
          served = String(err);
        } finally {
          legit.close();
        }
        return { answers, seconds, cpuPerCall, served };
      } finally {
        await server.stop();
      }
    };
    const off = await run(1e9);
    const rate = 10; // burst 2 x rate
    const on = await run(rate);
    const verified = (a: readonly Answer[]): number => a.filter((x) => x.status === VERIFIED).length;
    const byAddress = on.answers.filter((a) => a.status === String(status.RESOURCE_EXHAUSTED) && a.message.includes('address 127.0.0.2'));
    t.log(
      `per-address budget off: ${verified(off.answers)}/${n} verified in ${off.seconds.toFixed(1)} s, ${off.cpuPerCall.toFixed(2)} server CPU ms/call`,
    );
    t.log(
      `per-address budget ${rate}/s: ${verified(on.answers)}/${n} verified, ${byAddress.length} refused on the address budget in ${on.seconds.toFixed(1)} s, ${on.cpuPerCall.toFixed(2)} server CPU ms/call; ${JSON.stringify(countStatuses(on.answers))}`,
    );
    t.is(verified(off.answers), n, 'without the per-address budget every forged call is verified (the attack)');
    t.true(
      verified(on.answers) <= 2 * rate + rate * on.seconds + 1,
      `at most burst + rate x ${on.seconds.toFixed(1)} s verified, found ${verified(on.answers)}`,
    );
    t.is(
      verified(on.answers) + byAddress.length,
      n,
      `every other call refused on the address budget: ${JSON.stringify(countStatuses(on.answers))}`,
    );
    t.is(off.served, '1');
    t.is(on.served, '1', 'a validator at another address is served');
  },
);

test.serial('verifications per second never exceed the cap: forged calls naming distinct validators from distinct addresses', async (t) => {
  t.timeout(300_000);
  const keys = await devKeys();
  const addresses = 48;
  const perAddress = 60; // under the per-address (400) and per-hotkey (100) bursts: only the verification cap bites
  const named = randomHotkeys(addresses);
  const run = async (verifyPerSec: number) => {
    const server = await startServerProcess({ validators: named, limits: { admission: { verifyPerSec } } });
    const alice = legitClient(server.port, keys);
    try {
      await alice.predict(request); // proven from 127.0.0.1: her calls no longer spend the shared budget
      const t0 = performance.now();
      let flooding = true;
      const legit: string[] = [];
      const legitLoop = (async () => {
        while (flooding) {
          try {
            legit.push(String((await alice.predict(request)).value.roundId));
          } catch (err: unknown) {
            legit.push(String(err));
          }
          await new Promise((r) => setTimeout(r, 250));
        }
      })();
      const answers = (
        await Promise.all(
          named.map((hotkey, i) => forgeFrom(server.port, `127.0.0.${10 + i}`, [hotkey], keys.bob.address, perAddress, t0, 4)),
        )
      ).flat();
      const seconds = (performance.now() - t0) / 1000;
      flooding = false;
      await legitLoop;
      // A validator never seen before (unproven) after the flood: the budget has refilled.
      await new Promise((r) => setTimeout(r, 1_100));
      const eve = legitClient(server.port, keys, keys.eve);
      let fresh = '';
      try {
        fresh = String((await eve.predict({ ...request, input: { ...request.input, data: batch(1, 2) } })).value.roundId); // not Alice's batch: the relay guard
      } catch (err: unknown) {
        fresh = String(err);
      } finally {
        eve.close();
      }
      return { answers, seconds, legit, fresh, grants: await server.verifyGrants() };
    } finally {
      alice.close();
      await server.stop();
    }
  };
  const n = addresses * perAddress;
  const off = await run(1e9);
  const cap = 20; // burst = cap
  const on = await run(cap);
  const verifiedOn = on.answers.filter((a) => a.status === VERIFIED);
  const verifiedOff = off.answers.filter((a) => a.status === VERIFIED);
  const budget = on.answers.filter((a) => a.status === String(status.UNAVAILABLE) && a.message.includes('verification budget'));
  const worst = worstBucketExcess(on.grants, cap, cap);
  t.log(
    `cap off: ${verifiedOff.length}/${n} verified in ${off.seconds.toFixed(1)} s (${(verifiedOff.length / off.seconds).toFixed(0)}/s, most granted in 1 s of server time: ${maxInWindow(off.grants, 1_000)})`,
  );
  t.log(
    `cap ${cap}/s: ${verifiedOn.length}/${n} verified in ${on.seconds.toFixed(1)} s (most granted in 1 s of server time: ${maxInWindow(on.grants, 1_000)}; answers seen in 1 s here: ${maxInWindow(
      verifiedOn.map((a) => a.atMs),
      1_000,
    )}), ${budget.length} refused on the budget; legit ${on.legit.filter((s) => s === '1').length}/${on.legit.length} served during, fresh validator after: ${on.fresh.slice(0, 80)}`,
  );
  t.is(verifiedOff.length, n, 'without the cap every forged call is verified');
  t.true(verifiedOff.length / off.seconds > 2 * cap, 'the flood outruns the cap when it is off (else the test proves nothing)');
  // Tokens are taken at header time, at most `cap` per second after a burst of `cap`; + 1 for the server's
  // millisecond clock (Date.now) against the test's performance.now.
  t.true(
    verifiedOn.length <= cap + cap * on.seconds + 1,
    `${verifiedOn.length} verified in ${on.seconds.toFixed(1)} s over a cap of ${cap}/s`,
  );
  // The verification tokens as the server granted them, on its own clock (answers reach this process after the
  // body is read and verified, later by however long a loaded server lags): Alice's first call (not yet proven),
  // each verified forged call, Eve's call. Over any span, at most the burst plus the rate x the span (within any
  // second: burst + one second's rate, 2 x cap); exact, no allowance for lag.
  t.is(on.grants.length, verifiedOn.length + 2, 'every verification took a token of the budget');
  t.true(
    worst.excess <= 1e-9,
    `${worst.grants} tokens granted within ${worst.spanMs} ms of server time, over burst ${cap} + ${cap}/s x ${worst.spanMs} ms`,
  );
  t.is(verifiedOn.length + budget.length, n, JSON.stringify(countStatuses(on.answers)));
  t.deepEqual(
    on.legit.filter((s) => s !== '1'),
    [],
    'a proven validator is served throughout',
  );
  t.is(on.fresh, '1', 'a validator is served once the flood stops');
});
