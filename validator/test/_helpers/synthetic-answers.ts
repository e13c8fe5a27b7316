/**
 * Realistic synthetic predictions for copy-detection tests: honest models of different
 * "architectures" trained on the same data share item difficulty, look-alike confusions and label
 * noise (so their residuals correlate strongly), and differ in confidence, skill and idiosyncratic
 * per-item noise. Attacks derive from a victim's answer: noise, temperature, label-preserving
 * perturbation, a mix of two victims. Everything is seeded (mulberry32), so figures reproduce.
 */
import { crossEntropy, normaliseRows } from '../../src/evaluate.ts';

export const CLASSES = 10;

/** Deterministic uniform [0, 1) generator. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal from a uniform generator (Box-Muller). */
export function gauss(u: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

/** One round's items: labels and the evidence every model trained on the same data sees. */
export interface Items {
  labels: Int32Array;
  /** Shared logit evidence [rows, classes]. */
  evidence: Float64Array;
}

/**
 * `rows` items; `labelNoise` of them carry a wrong label (every model predicts the visual class).
 * Ambiguity is u^`hardness`: 3 gives ~80% accurate models (like the class-mean miners), 8 ~95%.
 */
export function makeItems(seed: number, rows = 256, labelNoise = 0.03, hardness = 3): Items {
  const u = rng(seed);
  const labels = new Int32Array(rows);
  const evidence = new Float64Array(rows * CLASSES);
  for (let r = 0; r < rows; r++) {
    const visual = Math.floor(u() * CLASSES);
    let lookalike = Math.floor(u() * (CLASSES - 1));
    if (lookalike >= visual) lookalike++;
    const ambiguity = u() ** hardness; // most digits are easy, a few are genuinely ambiguous
    for (let c = 0; c < CLASSES; c++) evidence[r * CLASSES + c] = 0.6 * gauss(u);
    evidence[r * CLASSES + visual]! += 7 * (1 - ambiguity);
    evidence[r * CLASSES + lookalike]! += 7.5 * ambiguity;
    labels[r] = u() < labelNoise ? (visual + 1 + Math.floor(u() * (CLASSES - 1))) % CLASSES : visual;
  }
  return { labels, evidence };
}

/** An honest model: how strongly it follows the shared evidence and how much its own noise adds. */
export interface HonestModel {
  /** Scale on the shared evidence (confidence / skill). */
  scale: number;
  /** Standard deviation of the model's idiosyncratic logit noise. */
  noise: number;
  /** Seed of its idiosyncrasies. */
  seed: number;
}

/** Six honest models of different "architectures" (MLP-ish to CNN-ish). */
export const HONEST: HonestModel[] = [
  { scale: 1.0, noise: 1.0, seed: 11 },
  { scale: 1.25, noise: 0.8, seed: 12 },
  { scale: 0.8, noise: 1.3, seed: 13 },
  { scale: 1.1, noise: 0.9, seed: 14 },
  { scale: 0.9, noise: 1.1, seed: 15 },
  { scale: 1.4, noise: 0.7, seed: 16 },
];

function softmaxRows(logits: Float64Array, rows: number): Float32Array {
  const out = new Float32Array(rows * CLASSES);
  for (let r = 0; r < rows; r++) {
    let max = -Infinity;
    for (let c = 0; c < CLASSES; c++) max = Math.max(max, logits[r * CLASSES + c]!);
    let z = 0;
    for (let c = 0; c < CLASSES; c++) z += Math.exp(logits[r * CLASSES + c]! - max);
    for (let c = 0; c < CLASSES; c++) out[r * CLASSES + c] = Math.exp(logits[r * CLASSES + c]! - max) / z;
  }
  return normaliseRows(out, rows, CLASSES);
}

/** The honest model's answer on `items` in round `round`. */
export function honestAnswer(m: HonestModel, items: Items, round: number): Float32Array {
  const rows = items.labels.length;
  const u = rng(m.seed * 7919 + round * 104729);
  const logits = Float64Array.from(items.evidence, (e) => m.scale * e + m.noise * gauss(u));
  return softmaxRows(logits, rows);
}

/** Victim plus uniform noise in [-sigma, sigma] per output, clamped and renormalised as the validator does. */
export function noisyCopy(victim: Float32Array, sigma: number, seed: number): Float32Array {
  const u = rng(seed);
  return normaliseRows(
    Float32Array.from(victim, (p) => p + sigma * (2 * u() - 1)),
    victim.length / CLASSES,
    CLASSES,
  );
}

/** Victim at softmax temperature `t` (t > 1 flattens, t < 1 sharpens). */
export function temperatureCopy(victim: Float32Array, t: number): Float32Array {
  const rows = victim.length / CLASSES;
  return softmaxRows(
    Float64Array.from(victim, (p) => Math.log(p) / t),
    rows,
  );
}

/**
 * Label-preserving perturbation: every probability multiplied by exp(N(0, s)), renormalised, the
 * result kept only where the row's argmax stays the victim's (else the victim's row is kept).
 */
export function labelPreservingCopy(victim: Float32Array, s: number, seed: number): Float32Array {
  const u = rng(seed);
  const rows = victim.length / CLASSES;
  const out = normaliseRows(
    Float32Array.from(victim, (p) => p * Math.exp(s * gauss(u))),
    rows,
    CLASSES,
  );
  for (let r = 0; r < rows; r++) {
    if (argmax(out, r) === argmax(victim, r)) continue;
    for (let c = 0; c < CLASSES; c++) out[r * CLASSES + c] = victim[r * CLASSES + c]!;
  }
  return out;
}

/** w * a + (1 - w) * b. */
export function mixCopy(a: Float32Array, b: Float32Array, w = 0.5): Float32Array {
  return normaliseRows(
    Float32Array.from(a, (p, i) => w * p + (1 - w) * b[i]!),
    a.length / CLASSES,
    CLASSES,
  );
}

function argmax(p: Float32Array, r: number): number {
  let best = 0;
  for (let c = 1; c < CLASSES; c++) if (p[r * CLASSES + c]! > p[r * CLASSES + best]!) best = c;
  return best;
}

/** Mean cross-entropy of an answer. */
export function lossOf(p: Float32Array, labels: Int32Array): number {
  return crossEntropy(p, labels, CLASSES).loss;
}

/** Items for given labels (a validator's batch): the shared evidence is seeded by `seed`; 3% look like another class. */
export function itemsFor(labels: Int32Array, seed: number): Items {
  const made = makeItems(seed, labels.length, 0);
  // makeItems drew a visual class per row; move each row's evidence so the label is its visual class,
  // except for the label-noise rows, whose evidence stays on another class.
  const u = rng(seed ^ 0x5bd1e995);
  const evidence = new Float64Array(made.evidence.length);
  for (let r = 0; r < labels.length; r++) {
    const shift = ((labels[r]! - made.labels[r]! + CLASSES) % CLASSES) + (u() < 0.03 ? 1 : 0);
    for (let c = 0; c < CLASSES; c++) evidence[r * CLASSES + ((c + shift) % CLASSES)] = made.evidence[r * CLASSES + c]!;
  }
  return { labels, evidence };
}
