/**
 * Relay-guard match rates (not a timing bench): `node --import tsx bench/relay-match.ts [pairs]`.
 *
 * For batches of 128 and 256, the fraction of a batch's samples that have a match in one other batch:
 * - honest: two different draws (worst case over many pairs): generated digits (what validators send), the public
 *   held-out split (its draws can hold the same digit twice: a real overlap), and same-class batches (one digit
 *   class only, disjoint items) of both sources;
 * - relayed: a batch forwarded by a relayer with rows shuffled, each digit shifted by up to 1 px and every pixel
 *   moved by uniform noise of up to ±0.1 .. ±0.4, clamped to [0, 1] (sim/adversaries/lib/relay-evasion.ts).
 * A sample matches when it shares an LSH band key with a sample of the other batch (the guard's construction:
 * random-hyperplane signs over the centred 7x7 grid, BANDS x BAND_BITS from the environment, default 5 x 14 as
 * the guard; fresh hyperplanes per pair; BANDS=0 compares every pair) and the pair passes the confirmation rule.
 * Grids are taken of the pixels as sent (`raw`) or after the guard's ink ramp (`ramp`: v -> (v - 0.3) / 0.4 clamped
 * to [0, 1], so clamped noise of up to ±0.3 leaves background and full ink exactly in place). Rules: `abs d` (RMS
 * distance of the grids <= d, input units) and `rel t` (RMS distance of the grids each scaled to unit RMS <= t,
 * contrast-invariant). The guard itself is run too (`guard` column, whatever rule it ships), as a check.
 * Prints one JSON object on the last line; a table on stderr.
 */
import {
  createPrng,
  generateDigits,
  generatedRoundBatch,
  loadBuiltinCompetition,
  loadHeldOutSplit,
  loadMnistDigits,
  MNIST_SAMPLE_SIZE,
  sampleRoundBatch,
  augmentInto,
  type Dataset,
  type Prng,
} from '#training';
import { drawHyperplanes, GRID, RelayGuard, sampleGrid } from '../miner/src/server/relay-guard.ts';

const CELLS = GRID * GRID;
/** The LSH shape (the guard's: 5 bands of 14 bits); BANDS and BAND_BITS in the environment try others. */
const BANDS = Number(process.env.BANDS ?? 5);
const BAND_BITS = Number(process.env.BAND_BITS ?? 14);
const PAIRS = Number(process.argv[2] ?? 40);
const SIZES = [128, 256];
const NOISES = [0, 0.1, 0.2, 0.3, 0.4];
/**
 * Pixel maps applied before the grid: `raw` (as the guard shipped), `ramp lo-hi` (v -> (v - lo) / (hi - lo) clamped
 * to [0, 1]: clamped uniform noise of up to ±lo leaves background (0) and ink (1) pixels exactly where they were).
 */
const MAPS: Array<{ name: string; lo: number; hi: number }> = [
  { name: 'raw', lo: 0, hi: 1 },
  { name: 'ramp .3-.7', lo: 0.3, hi: 0.7 },
];
const RULES: Array<{ name: string; map: number; kind: 'abs' | 'rel'; max: number }> = [
  { name: 'raw abs .03', map: 0, kind: 'abs', max: 0.03 },
  { name: 'raw rel .15', map: 0, kind: 'rel', max: 0.15 },
  { name: 'raw rel .20', map: 0, kind: 'rel', max: 0.2 },
  { name: 'raw rel .25', map: 0, kind: 'rel', max: 0.25 },
  ...[0.03, 0.0325, 0.035].map((max) => ({ name: `ramp ${max}`, map: 1, kind: 'abs' as const, max })),
];
/** BANDS=0 in the environment: no LSH, every pair is compared (the rule's ceiling). */
const LSH = process.env.BANDS !== '0';

interface Fingerprint {
  grid: Float32Array;
  rms: number;
  keys: number[];
}

function planes(): Float32Array {
  return drawHyperplanes(BANDS * BAND_BITS * CELLS);
}

function fingerprints(batch: Float32Array, p: Float32Array, map: { lo: number; hi: number }): Fingerprint[] {
  const n = batch.length / MNIST_SAMPLE_SIZE;
  const out: Fingerprint[] = [];
  const row = new Float32Array(MNIST_SAMPLE_SIZE);
  for (let r = 0; r < n; r++) {
    const src = batch.subarray(r * MNIST_SAMPLE_SIZE, (r + 1) * MNIST_SAMPLE_SIZE);
    for (let i = 0; i < MNIST_SAMPLE_SIZE; i++) row[i] = Math.min(1, Math.max(0, (src[i]! - map.lo) / (map.hi - map.lo)));
    const grid = sampleGrid(row);
    let s = 0;
    for (let c = 0; c < CELLS; c++) s += grid[c]! * grid[c]!;
    const keys: number[] = [];
    for (let b = 0; b < BANDS; b++) {
      let bits = 0;
      for (let k = 0; k < BAND_BITS; k++) {
        let dot = 0;
        const base = (b * BAND_BITS + k) * CELLS;
        for (let c = 0; c < CELLS; c++) dot += p[base + c]! * grid[c]!;
        if (dot > 0) bits |= 1 << k;
      }
      keys.push(bits);
    }
    out.push({ grid, rms: Math.sqrt(s / CELLS), keys });
  }
  return out;
}

/** Per rule, the fraction of `b`'s samples with a match in `a` (LSH band key shared, then the rule). */
function matchRates(fa: Fingerprint[][], fb: Fingerprint[][]): number[] {
  const found = RULES.map(() => 0);
  for (let yi = 0; yi < fb[0]!.length; yi++) {
    const hit = RULES.map(() => false);
    for (let m = 0; m < MAPS.length; m++) {
      const y = fb[m]![yi]!;
      for (const x of fa[m]!) {
        if (LSH && !x.keys.some((k, i) => k === y.keys[i])) continue;
        let abs = 0;
        let rel = 0;
        const sx = x.rms > 1e-6 ? 1 / x.rms : 0;
        const sy = y.rms > 1e-6 ? 1 / y.rms : 0;
        for (let c = 0; c < CELLS; c++) {
          const d = x.grid[c]! - y.grid[c]!;
          abs += d * d;
          const e = x.grid[c]! * sx - y.grid[c]! * sy;
          rel += e * e;
        }
        abs = Math.sqrt(abs / CELLS);
        rel = Math.sqrt(rel / CELLS);
        RULES.forEach((r, i) => {
          if (r.map === m && (r.kind === 'abs' ? abs : rel) <= r.max) hit[i] = true;
        });
      }
    }
    hit.forEach((h, i) => {
      if (h) found[i]!++;
    });
  }
  return found.map((f) => f / fb[0]!.length);
}

/** The guard as shipped: fraction of `b`'s samples it finds in `a` (a from one caller, b from another). */
function guardRate(a: Float32Array, b: Float32Array, n: number): number {
  const g = new RelayGuard();
  g.inspect('first', a, n, 0);
  return g.inspect('second', b, n, 1).relayed / n;
}

/** The relayer: rows shuffled, each digit shifted by up to 1 px in x and y, uniform ±noise per pixel, clamped. */
function relay(input: Float32Array, noise: number, prng: Prng): Float32Array {
  const n = input.length / MNIST_SAMPLE_SIZE;
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = prng.int(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const out = new Float32Array(input.length);
  for (let k = 0; k < n; k++) {
    const src = input.subarray(order[k]! * MNIST_SAMPLE_SIZE, (order[k]! + 1) * MNIST_SAMPLE_SIZE);
    augmentInto(src, out.subarray(k * MNIST_SAMPLE_SIZE, (k + 1) * MNIST_SAMPLE_SIZE), { maxShiftPx: 1, noise }, prng);
  }
  return out;
}

/** `n` augmented items of `set` (indices from `pool`, taken in order from `at`). */
function batchOf(set: Dataset, pool: number[], at: number, n: number, prng: Prng): Float32Array {
  const out = new Float32Array(n * MNIST_SAMPLE_SIZE);
  for (let i = 0; i < n; i++) {
    const p = pool[at + i]!;
    augmentInto(
      set.inputs.subarray(p * MNIST_SAMPLE_SIZE, (p + 1) * MNIST_SAMPLE_SIZE),
      out.subarray(i * MNIST_SAMPLE_SIZE, (i + 1) * MNIST_SAMPLE_SIZE),
      { maxShiftPx: 1, noise: 0.05 },
      prng,
    );
  }
  return out;
}

function indicesOf(set: Dataset, label: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < set.count; i++) if (set.labels[i] === label) out.push(i);
  return out;
}

/** Per rule over the pairs: most, least and mean fraction matched; the same for the guard itself. */
type Row = { most: number[]; least: number[]; mean: number[]; guardMost: number; guardLeast: number; pairs: number };

function accumulate(row: Row | undefined, rates: number[], guard: number): Row {
  const r = row ?? { most: RULES.map(() => 0), least: RULES.map(() => 1), mean: RULES.map(() => 0), guardMost: 0, guardLeast: 1, pairs: 0 };
  rates.forEach((v, i) => {
    r.most[i] = Math.max(r.most[i]!, v);
    r.least[i] = Math.min(r.least[i]!, v);
    r.mean[i] = (r.mean[i]! * r.pairs + v) / (r.pairs + 1);
  });
  r.guardMost = Math.max(r.guardMost, guard);
  r.guardLeast = Math.min(r.guardLeast, guard);
  r.pairs++;
  return r;
}

const results: Record<string, Record<number, Row>> = {};
function record(kind: string, n: number, a: Float32Array, b: Float32Array): void {
  const p = planes();
  const rates = matchRates(
    MAPS.map((m) => fingerprints(a, p, m)),
    MAPS.map((m) => fingerprints(b, p, m)),
  );
  results[kind] ??= {};
  results[kind][n] = accumulate(results[kind][n], rates, guardRate(a, b, n));
}

const prng = createPrng('relay-match', 'bench');
const genCache = new Map<string, Dataset>();
function generated(seed: string): Dataset {
  const d = genCache.get(seed) ?? generateDigits(seed, 4096);
  genCache.set(seed, d);
  return d;
}
const heldOut = loadHeldOutSplit(loadBuiltinCompetition('mnist'));
const mnist = loadMnistDigits();
for (const n of SIZES) {
  for (let i = 0; i < PAIRS; i++) {
    record('honest generated', n, generatedRoundBatch(`a/${n}/${i}`, n).inputs, generatedRoundBatch(`b/${n}/${i}`, n).inputs);
    record(
      'honest public split',
      n,
      sampleRoundBatch(heldOut, `a/${n}/${i}`, n).inputs,
      sampleRoundBatch(heldOut, `b/${n}/${i}`, n).inputs,
    );
  }
  // Same class, disjoint items: generated (two sets of 4,096 from different seeds), and the 10,000 public digits.
  for (let digit = 0; digit < 10; digit++) {
    for (let i = 0; i < Math.max(1, Math.round(PAIRS / 10)); i++) {
      const ga = generated(`same-a/${i}`);
      const gb = generated(`same-b/${i}`);
      const pa = indicesOf(ga, digit);
      const pb = indicesOf(gb, digit);
      if (pa.length >= n && pb.length >= n)
        record('honest same-class generated', n, batchOf(ga, pa, 0, n, prng), batchOf(gb, pb, 0, n, prng));
      const pm = indicesOf(mnist, digit);
      for (let j = pm.length - 1; j > 0; j--) {
        const k = prng.int(j + 1);
        [pm[j], pm[k]] = [pm[k]!, pm[j]!];
      }
      if (pm.length >= 2 * n) record('honest same-class mnist', n, batchOf(mnist, pm, 0, n, prng), batchOf(mnist, pm, n, n, prng));
    }
  }
  for (const noise of NOISES) {
    for (let i = 0; i < Math.max(4, Math.round(PAIRS / 4)); i++) {
      const g = generatedRoundBatch(`relay/${n}/${i}`, n).inputs;
      record(`relay generated ±${noise}`, n, g, relay(g, noise, prng));
      const m = sampleRoundBatch(heldOut, `relay/${n}/${i}`, n).inputs;
      record(`relay public split ±${noise}`, n, m, relay(m, noise, prng));
    }
  }
}

const pct = (v: number): string => (100 * v).toFixed(1).padStart(5);
process.stderr.write(
  `${'batches (pairs); honest: max, relayed: min/mean'.padEnd(44)} ${'guard'.padStart(11)} ${RULES.map((r) => r.name.padStart(11)).join(' ')}\n`,
);
for (const [kind, bySize] of Object.entries(results)) {
  for (const [n, r] of Object.entries(bySize)) {
    // Honest: the worst pair (most matched) is what must stay below the refusal bar; relayed: the least found and the mean.
    const cell = kind.startsWith('honest')
      ? (most: number): string => `${pct(most)}      `
      : (least: number, mean: number): string => `${pct(least)}/${pct(mean)}`;
    const cells = RULES.map((_, i) => cell(kind.startsWith('honest') ? r.most[i]! : r.least[i]!, r.mean[i]!));
    const g = kind.startsWith('honest') ? cell(r.guardMost, 0) : cell(r.guardLeast, 0).replace(/\/.*$/, '      ');
    process.stderr.write(`${`${kind} ${n} (${r.pairs})`.padEnd(44)} ${g} ${cells.join(' ')}\n`);
  }
}
process.stdout.write(`${JSON.stringify({ rules: RULES.map((r) => r.name), results })}\n`);
