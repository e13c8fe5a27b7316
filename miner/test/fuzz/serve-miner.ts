/**
 * A real miner gRPC server in its own process, for fuzzing: the linear test model, //Bob as the miner,
 * //Alice and //Eve as permitted validators, //Dave registered without a permit. Prints one JSON line
 * `{ "port": n }` when listening; stops on SIGTERM or when its parent's stdin closes.
 */
import { pino } from 'pino';
import { createMinerServer } from '../../src/server/index.ts';
import { devKeys, directoryFor, INFO, IN, linearPredictor, OUT } from '../server/_helpers/harness.ts';

const keys = await devKeys();
const server = createMinerServer({
  predictor: linearPredictor,
  info: () => INFO,
  callerDirectory: directoryFor(keys),
  hotkey: keys.bob,
  // The fuzzer calls far faster than a validator; tight buckets (the rate limit, the admission budgets checked
  // before any signature work, each caller's share of the replay cache) would answer RESOURCE_EXHAUSTED before decoding, and the bodies and headers would
  // go untested. The budgets have their own tests (miner/test/server/admission-budgets.test.ts, hostile.test.ts).
  limits: {
    inputShape: [IN],
    outputShape: [OUT],
    maxBatch: 64,
    maxMessageBytes: 1024 * 1024,
    admission: { perAddressPerSec: 1e9, perHotkeyPerSec: 1e9, verifyPerSec: 1e9 },
    // Each caller may hold this many unexpired request uuids (a full share is refused, not evicted).
    replayCacheSize: 100_000,
  },
  rateLimit: { ratePerSec: 100_000, burst: 100_000 },
  logger: pino({ level: 'silent' }),
});
const { port } = await server.start('127.0.0.1', 0);
process.stdout.write(`${JSON.stringify({ port })}\n`);
const stop = (): void => {
  void server.stop(200).then(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
