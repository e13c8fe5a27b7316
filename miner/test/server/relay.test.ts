import { status } from '@grpc/grpc-js';
import { MinerCallError, MinerClient, type PredictRequest } from '#protocol';
import { generatedRoundBatch } from '#training';
import test, { type ExecutionContext } from 'ava';
import { createMinerServer, RelayGuard, type MinerServerOptions } from '../../src/server/index.ts';
import { IN, INFO, OUT, devKeys, directoryFor, linearPredict, startServer, type Keys } from './_helpers/harness.ts';

const keysP = devKeys();
const BATCH = 64; // the harness server's maxBatch

/** A secret-seeded held-out batch as a validator draws it (generated digits, competition augmentation). */
function heldOut(seed: string, rows = BATCH): Float32Array {
  return generatedRoundBatch(seed, rows).inputs;
}

function request(input: Float32Array, roundId = 7): PredictRequest {
  return { competitionId: 'mnist', roundId, input: { dtype: 'float32', shape: [input.length / IN, IN], data: input } };
}

/**
 * Rows of `input` in reverse order, each pixel moved by up to ±`noise` and kept in [0, 1] (a relayer's obvious
 * disguises); with `shift`, each digit also moved by -1, 0 or 1 px in x and in y (28x28 inputs).
 */
function disguised(input: Float32Array, noise: number, seed = 9, shift = false): Float32Array {
  const rows = input.length / IN;
  const side = Math.round(Math.sqrt(IN));
  const out = new Float32Array(input.length);
  let x = seed;
  const next = (): number => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
  for (let r = 0; r < rows; r++) {
    const dx = shift ? Math.floor(next() * 3) - 1 : 0;
    const dy = shift ? Math.floor(next() * 3) - 1 : 0;
    for (let i = 0; i < IN; i++) {
      const sy = Math.floor(i / side) - dy;
      const sx = (i % side) - dx;
      const v = sy >= 0 && sy < side && sx >= 0 && sx < side ? input[r * IN + sy * side + sx]! : 0;
      out[(rows - 1 - r) * IN + i] = Math.min(1, Math.max(0, v + (next() * 2 - 1) * noise));
    }
  }
  return out;
}

/**
 * The noisy proxy: a permit-holding miner (Eve, 1,000 TAO here) whose own miner server answers Alice by
 * forwarding the batch to the victim (Bob) through the victim's gRPC API, signed with its own hotkey.
 */
async function startProxy(
  t: ExecutionContext,
  keys: Keys,
  victim: string,
  noise = 0,
  shift = false,
): Promise<{ ask: (input: Float32Array) => Promise<Float32Array> }> {
  const toVictim = new MinerClient({ address: victim, minerHotkey: keys.bob.address, signer: keys.eve, defaultDeadlineMs: 10_000 });
  t.teardown(() => toVictim.close());
  const opts: MinerServerOptions = {
    predictor: {
      predict: async (input, shape) => {
        const sent = noise > 0 ? disguised(input, noise, 9, shift) : input;
        const res = await toVictim.predict(request(sent), { deadlineMs: 10_000 });
        const out = res.value.output.data as Float32Array;
        if (noise === 0) return { data: Float32Array.from(out), shape: [shape[0]!, OUT] };
        const rows = shape[0]!; // undo the reversal
        const back = new Float32Array(out.length);
        for (let r = 0; r < rows; r++) back.set(out.subarray((rows - 1 - r) * OUT, (rows - r) * OUT), r * OUT);
        return { data: back, shape: [rows, OUT] };
      },
    },
    info: () => INFO,
    callerDirectory: directoryFor(keys),
    hotkey: keys.eve,
    limits: { inputShape: [IN], outputShape: [OUT], maxBatch: BATCH, maxMessageBytes: 1024 * 1024 },
    rateLimit: { ratePerSec: 1000, burst: 1000 },
  };
  const proxy = createMinerServer(opts);
  const { port } = await proxy.start('127.0.0.1', 0);
  t.teardown(() => proxy.stop(100));
  const validatorToProxy = new MinerClient({
    address: `127.0.0.1:${port}`,
    minerHotkey: keys.eve.address,
    signer: keys.alice,
    defaultDeadlineMs: 10_000,
  });
  t.teardown(() => validatorToProxy.close());
  return {
    ask: async (input) =>
      Float32Array.from((await validatorToProxy.predict(request(input), { deadlineMs: 10_000 })).value.output.data as Float32Array),
  };
}

function validatorClient(t: ExecutionContext, keys: Keys, address: string, signer = keys.alice): MinerClient {
  const c = new MinerClient({ address, minerHotkey: keys.bob.address, signer, defaultDeadlineMs: 10_000 });
  t.teardown(() => c.close());
  return c;
}

async function refusalCount(
  server: { metrics: { refusals: { get(): Promise<{ values: Array<{ labels: Record<string, unknown>; value: number }> }> } } },
  reason: string,
): Promise<number> {
  const m = await server.metrics.refusals.get();
  return m.values.find((v) => v.labels.reason === reason)?.value ?? 0;
}

test("the attack without the guard: a permitted proxy forwards the batch it just received and answers with the victim's predictions", async (t) => {
  const keys = await keysP;
  const { address } = await startServer(t, keys, {
    limits: { inputShape: [IN], outputShape: [OUT], maxBatch: BATCH, maxMessageBytes: 1024 * 1024, relayGuard: false },
  });
  const proxy = await startProxy(t, keys, address);
  const input = heldOut('validator-a/round-1');
  await validatorClient(t, keys, address).predict(request(input), { deadlineMs: 10_000 }); // the validator queries the victim too
  const stolen = await proxy.ask(input);
  t.deepEqual(Array.from(stolen), Array.from(linearPredict(input, BATCH)));
});

test('the guard refuses the relayed batch with PERMISSION_DENIED naming the first sender; the validator is served; counted in metrics', async (t) => {
  const keys = await keysP;
  const { address, server } = await startServer(t, keys, {
    limits: { inputShape: [IN], outputShape: [OUT], maxBatch: BATCH, maxMessageBytes: 1024 * 1024 },
  });
  const proxy = await startProxy(t, keys, address);
  const input = heldOut('validator-a/round-1');
  const direct = await validatorClient(t, keys, address).predict(request(input), { deadlineMs: 10_000 });
  t.deepEqual(Array.from(direct.value.output.data), Array.from(linearPredict(input, BATCH)));
  // The proxy's own server fails Alice's call because the victim refused the forward.
  const viaProxy = await t.throwsAsync(proxy.ask(input));
  t.regex(String(viaProxy), /relayed/);
  // The refusal itself, as the proxy sees it when it forwards directly.
  const err = await t.throwsAsync(validatorClient(t, keys, address, keys.eve).predict(request(input), { deadlineMs: 10_000 }));
  t.true(err instanceof MinerCallError, String(err));
  t.is((err as MinerCallError).grpcCode, status.PERMISSION_DENIED);
  t.regex(
    (err as MinerCallError).details,
    new RegExp(`^relayed: relayed batch: ${BATCH} of ${BATCH} samples were sent by ${keys.alice.address} \\d+ ms ago$`),
  );
  t.is(await refusalCount(server, 'relayed'), 2);
});

test('the obvious evasions (rows reversed, every pixel moved by up to ±0.05) are refused too', async (t) => {
  const keys = await keysP;
  const { address } = await startServer(t, keys, {
    limits: { inputShape: [IN], outputShape: [OUT], maxBatch: BATCH, maxMessageBytes: 1024 * 1024 },
  });
  const proxy = await startProxy(t, keys, address, 0.05);
  const input = heldOut('validator-a/round-2');
  await validatorClient(t, keys, address).predict(request(input), { deadlineMs: 10_000 });
  const err = await t.throwsAsync(proxy.ask(input));
  t.regex(String(err), /relayed batch: \d+ of 64 samples/);
});

test('the noisy-proxy-extreme evasion (rows reversed, every digit shifted by up to 1 px, every pixel moved by up to ±0.3) is refused', async (t) => {
  const keys = await keysP;
  const { address } = await startServer(t, keys, {
    limits: { inputShape: [IN], outputShape: [OUT], maxBatch: BATCH, maxMessageBytes: 1024 * 1024 },
  });
  const proxy = await startProxy(t, keys, address, 0.3, true);
  const input = heldOut('validator-a/round-3');
  await validatorClient(t, keys, address).predict(request(input), { deadlineMs: 10_000 });
  const err = await t.throwsAsync(proxy.ask(input));
  t.regex(String(err), /relayed batch: \d+ of 64 samples/);
});

test('±0.3 relays of 256-sample batches are refused, each with most of its samples found (5 batches, shifted and shuffled)', (t) => {
  for (let i = 0; i < 5; i++) {
    const guard = new RelayGuard();
    const input = generatedRoundBatch(`secret-x/${i}`, 256).inputs;
    guard.check('validator', input, 256, 0);
    const err = t.throws(() => guard.check('proxy', disguised(input, 0.3, 100 + i, true), 256, 10));
    const found = Number(/relayed batch: (\d+) of 256/.exec(err?.message ?? '')?.[1] ?? 0);
    t.log(`±0.3 relay ${i}: ${found} of 256 samples found`);
    t.true(found >= 0.6 * 256, `found ${found}`);
  }
});

test('two validators with their own secret batches are both answered, in either order and repeatedly', async (t) => {
  const keys = await keysP;
  const { address, server } = await startServer(t, keys, {
    limits: { inputShape: [IN], outputShape: [OUT], maxBatch: BATCH, maxMessageBytes: 1024 * 1024 },
  });
  const a = validatorClient(t, keys, address, keys.alice);
  const e = validatorClient(t, keys, address, keys.eve);
  for (let round = 0; round < 10; round++) {
    const [ra, re] = await Promise.all([
      a.predict(request(heldOut(`validator-a/${round}`), round), { deadlineMs: 10_000 }),
      e.predict(request(heldOut(`validator-b/${round}`), round), { deadlineMs: 10_000 }),
    ]);
    t.is(ra.value.roundId, round);
    t.is(re.value.roundId, round);
  }
  // The same validator resending its own batch (a retry) is not a relay.
  t.is((await a.predict(request(heldOut('validator-a/3'), 3), { deadlineMs: 10_000 })).value.roundId, 3);
  t.is(await refusalCount(server, 'relayed'), 0);
});

test('fingerprint collisions between honest batches, and detection under noise (figures logged)', (t) => {
  const guard = new RelayGuard({ ttlMs: 1e9, perCallerSamples: 1e6 });
  // Two validators, 40 rounds of 128 generated digits each (10,240 samples), all remembered at once.
  let collided = 0;
  let total = 0;
  let worstBatch = 0;
  for (let round = 0; round < 40; round++) {
    for (const v of ['a', 'b']) {
      const verdict = guard.inspect(`validator-${v}`, generatedRoundBatch(`secret-${v}/${round}`, 128).inputs, 128, round);
      collided += verdict.relayed;
      total += verdict.total;
      worstBatch = Math.max(worstBatch, verdict.relayed / verdict.total);
    }
  }
  const rate = collided / total;
  t.log(`honest collisions: ${collided} of ${total} samples (${(100 * rate).toFixed(3)}%), worst batch ${(100 * worstBatch).toFixed(1)}%`);
  // Single samples do collide (generated digits of one class are alike at 7x7: measured ~9% with 10,240 remembered);
  // a refusal needs half a batch, so what matters is the worst batch staying well below that.
  t.true(rate < 0.2, `collision rate ${rate}`);
  t.true(worstBatch < 0.35, `worst batch ${worstBatch}`);
  // A relayer's noise: the fraction of a relayed batch still found, by noise amplitude (uniform ±noise per pixel).
  for (const noise of [0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4]) {
    const g = new RelayGuard();
    const input = generatedRoundBatch(`secret-n/${noise}`, 128).inputs;
    g.inspect('validator', input, 128, 0);
    const found = g.inspect('proxy', disguised(input, noise), 128, 10).relayed / 128;
    t.log(`noise ±${noise}: ${(100 * found).toFixed(1)}% of relayed samples found`);
    // Each guard draws its own hyperplanes, so the fraction found varies between runs (bench/relay-match.ts, 8 generated
    // batches of 256, shuffled and shifted too: ±0.2 found at least 93%, ±0.3 at least 68% (mean 77%), ±0.4 about
    // 35%); what must hold is that ±0.3 clears the 50% refusal bar with margin. ±0.4 is past the guard (logged only).
    if (noise <= 0.1) t.true(found >= 0.75, `noise ${noise}: found ${found}`);
    else if (noise <= 0.3) t.true(found >= 0.6, `noise ${noise}: found ${found}`);
  }
});

test('memory stays bounded per caller and expires after the ttl', (t) => {
  const guard = new RelayGuard({ ttlMs: 1_000, perCallerSamples: 256 });
  for (let i = 0; i < 20; i++) guard.inspect('flooder', generatedRoundBatch(`flood/${i}`, 128).inputs, 128, i);
  t.is(guard.size, 256);
  // The flood evicted only the flooder's own samples: a validator's batch stays findable.
  const input = generatedRoundBatch('validator/x', 128).inputs;
  guard.inspect('validator', input, 128, 100);
  for (let i = 0; i < 20; i++) guard.inspect('proxy', generatedRoundBatch(`flood2/${i}`, 128).inputs, 128, 101 + i);
  t.is(guard.inspect('proxy', input, 128, 200).relayed, 128);
  t.is(guard.inspect('other', input, 128, 5_000).relayed, 0, 'expired after the ttl');
  t.true(guard.size <= 3 * 256);
});

test('an admitted caller cannot poison the guard: a huge diverse batch first does not make an honest batch look relayed', (t) => {
  // The attack: a permitted caller sends 12,288 generated digits, so that most samples of any later honest batch
  // have a chance look-alike in its request; counted against the honest batch alone that was >= 50% "relayed",
  // and the miner would refuse the honest validator (worst loss for the miner it wants to hurt).
  // A guard that remembers the whole poison (an operator raising relayPerCallerSamples; at the default 2,048 the
  // poison reached at most 39% of an honest batch, close to the 50% bar). 12,288 rather than 8,192: with the ink
  // ramp, 8,192 reached at most 50% of an honest batch, no longer "most".
  const opts = { perCallerSamples: 16_384 };
  const parts = 3;
  const size = parts * 4096;
  const poison = new Float32Array(size * IN);
  for (let p = 0; p < parts; p++) poison.set(generatedRoundBatch(`poison-${p}`, 4096).inputs, p * 4096 * IN);
  const guard = new RelayGuard(opts);
  guard.inspect('attacker', poison, size, 1_000);
  let worst = 0;
  for (let i = 0; i < 8; i++) {
    const honest = generatedRoundBatch(`honest-${i}`, 256).inputs;
    const v = guard.inspect(`validator-${i}`, honest, 256, 1_001);
    worst = Math.max(worst, v.relayed / 256);
    t.notThrows(() => new RelayGuard(opts).check('x', honest, 256, 0));
  }
  t.log(`honest batch of 256 after a ${size}-sample poison: at most ${(worst * 100).toFixed(1)}% of its samples have a look-alike there`);
  t.true(worst > 0.5, 'the poison does reach most honest samples (otherwise this test shows nothing)');
  // ... yet none is refused: a relay covers its source request too, the poison covers a sliver of its own.
  const fresh = new RelayGuard(opts);
  fresh.inspect('attacker', poison, size, 1_000);
  for (let i = 0; i < 8; i++) t.notThrows(() => fresh.check(`validator-${i}`, generatedRoundBatch(`honest-${i}`, 256).inputs, 256, 1_001));
  // A real relay of that same big batch is still caught.
  t.throws(() => fresh.check('proxy', poison, size, 1_002), { message: /relayed batch/ });
});
