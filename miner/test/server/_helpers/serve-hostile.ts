/**
 * A real miner gRPC server in its own process for hostile-load tests and the bench: the linear test model,
 * //Bob as the miner, the harness's caller directory, 16 MiB messages (the daemon's default). Prints one JSON
 * line `{ "port": n, "pid": n }` when listening; stops on SIGTERM or when its parent's stdin closes.
 * argv[2]: optional JSON of MinerServerLimits / server option overrides, and extra validators' addresses.
 * A `verify-grants` line on stdin is answered with one JSON line `{ "verifyGrants": [ms, ...] }`: the server's
 * clock at each token the signature-verification budget granted, so tests check the budget on the server's time.
 */
import { createInterface } from 'node:readline';
import { pino } from 'pino';
import { createMinerServer } from '../../../src/server/index.ts';
import { TokenBucketLimiter } from '../../../src/server/rate-limit.ts';
import { devKeys, directoryFor, INFO, IN, linearPredictor, OUT } from './harness.ts';

const over = JSON.parse(process.argv[2] ?? '{}') as {
  limits?: Record<string, unknown>;
  rateLimit?: Record<string, number>;
  /** SS58 addresses registered as extra permitted validators (forgers name them). */
  validators?: string[];
};
// The verification budget is admission's bucket keyed '*' (admission.ts); record the time of every token it grants.
const verifyGrants: number[] = [];
const tryTake = TokenBucketLimiter.prototype.tryTake;
TokenBucketLimiter.prototype.tryTake = function (this: TokenBucketLimiter, key: string, nowMs: number): boolean {
  const granted = tryTake.call(this, key, nowMs);
  if (granted && key === '*') verifyGrants.push(nowMs);
  return granted;
};

const keys = await devKeys();
const server = createMinerServer({
  predictor: linearPredictor,
  info: () => INFO,
  callerDirectory: directoryFor(keys, over.validators),
  hotkey: keys.bob,
  limits: { inputShape: [IN], outputShape: [OUT], maxBatch: 1024, maxMessageBytes: 16 * 1024 * 1024, ...over.limits },
  rateLimit: { ratePerSec: 1000, burst: 1000, ...over.rateLimit },
  logger: pino({ level: 'silent' }),
});
const { port } = await server.start('127.0.0.1', 0);
process.stdout.write(`${JSON.stringify({ port, pid: process.pid })}\n`);
const stop = (): void => {
  void server.stop(200).then(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.stdin.on('end', stop);
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'verify-grants') process.stdout.write(`${JSON.stringify({ verifyGrants })}\n`);
});
process.stdin.resume();
