/**
 * Epoch benchmark: n = 256 uids, 64 validators each weighting all 256 uids, bonds carried from a
 * warm-up epoch. Classic Yuma, Yuma3, and Yuma3 with liquid alpha; median of several runs.
 * Run: node --import tsx bench/epoch.ts   (prints one JSON object)
 */
import { runEpoch, type EpochInput } from '../devchain/src/pallets/subtensor/epoch/epoch.ts';

const N = 256;
const VALIDATORS = 64;
const RUNS = Number(process.env.ARENA_BENCH_RUNS ?? 15);

function input(yuma3On: boolean, liquidAlphaOn: boolean): EpochInput {
  // Deterministic pseudo-random weights so consensus/clipping do real work.
  let seed = 12345;
  const rand = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed;
  };
  const weights = Array.from({ length: N }, (_, i) =>
    i < VALIDATORS ? Array.from({ length: N }, (_, j) => [j, 1 + (rand() % 65535)] as [number, number]) : [],
  );
  return {
    n: N,
    currentBlock: 10_000,
    tempo: 360,
    activityCutoff: 5000,
    lastUpdate: Array.from({ length: N }, () => 9_990),
    blockAtRegistration: Array.from({ length: N }, () => 0),
    alphaStake: Array.from({ length: N }, (_, i) => (i < VALIDATORS ? BigInt(1_000_000_000_000 + i * 7_000_000_000) : 1_000_000n)),
    validatorPermit: Array.from({ length: N }, (_, i) => i < VALIDATORS),
    maxAllowedValidators: VALIDATORS,
    weights,
    bonds: [],
    yuma3On,
    liquidAlphaOn,
    raoEmission: 1_000_000_000n,
  };
}

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

function bench(yuma3On: boolean, liquidAlphaOn: boolean): { medianMs: number; minMs: number; runs: number } {
  const base = input(yuma3On, liquidAlphaOn);
  const warm = runEpoch(base);
  const withBonds = { ...base, bonds: warm.bonds, validatorPermit: warm.newValidatorPermit };
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    runEpoch(withBonds);
    times.push(performance.now() - t0);
  }
  return { medianMs: Number(median(times).toFixed(1)), minMs: Number(Math.min(...times).toFixed(1)), runs: RUNS };
}

const result = {
  benchmark: 'epoch',
  n: N,
  validators: VALIDATORS,
  weightsPerValidator: N,
  node: process.version,
  classic: bench(false, false),
  yuma3: bench(true, false),
  yuma3LiquidAlpha: bench(true, true),
};
console.log(JSON.stringify(result));
