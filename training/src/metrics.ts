/** Probabilities are clipped to [EPS, 1] before the log, as Keras does, so a confident wrong answer costs -log(1e-7) ≈ 16.1. */
export const CROSS_ENTROPY_EPS = 1e-7;

/** Worst per-sample loss: what a missing or malformed answer should score. */
export const WORST_CROSS_ENTROPY = -Math.log(CROSS_ENTROPY_EPS);

/**
 * Mean categorical cross-entropy and accuracy of probabilities [n, classes] (row-major) against labels.
 * Throws when the shape does not match or a value is not a finite number in [0, 1]; callers that score
 * untrusted answers catch this and use WORST_CROSS_ENTROPY.
 */
export function scorePredictions(
  probs: Float32Array,
  shape: readonly number[],
  labels: ArrayLike<number>,
): { loss: number; accuracy: number } {
  const n = labels.length;
  const classes = shape[1] ?? 0;
  if (shape.length !== 2 || shape[0] !== n || classes < 2 || probs.length !== n * classes) {
    throw new Error(
      `expected predictions of shape [${n}, classes] with ${n}*classes values, found shape [${shape.join(', ')}] and ${probs.length} values`,
    );
  }
  let loss = 0,
    correct = 0;
  for (let i = 0; i < n; i++) {
    const label = labels[i]!;
    let best = 0;
    for (let c = 0; c < classes; c++) {
      const p = probs[i * classes + c]!;
      if (!(p >= 0 && p <= 1)) throw new Error(`expected probabilities in [0, 1], found ${p} at [${i}, ${c}]`);
      if (p > probs[i * classes + best]!) best = c;
    }
    loss -= Math.log(Math.max(probs[i * classes + label]!, CROSS_ENTROPY_EPS));
    if (best === label) correct++;
  }
  return { loss: loss / n, accuracy: correct / n };
}
