/**
 * What a relayer can do to the inputs it forwards so the victim does not recognise them (explicit parameters,
 * reported with the figures). Each is cheap for the relayer and costs it little accuracy, which is the point:
 * - `shuffleInputs`: forward the samples in a random order (answers are put back in the original order);
 * - `shiftPx`: move each 28x28 digit by up to this many pixels in x and y (validators' own augmentation shifts by 1);
 * - `inputNoise`: add uniform noise of up to ±this much to every pixel, clamped to [0, 1].
 */
export interface RelayEvasion {
  shuffleInputs?: boolean;
  shiftPx?: number;
  inputNoise?: number;
}

const SIDE = 28;

/** The inputs to forward, and how to map the victim's answer rows back to the original order. */
export function evadeInputs(input: Float32Array, rows: number, e: RelayEvasion): { input: Float32Array; order: number[] } {
  const size = input.length / rows;
  const order = Array.from({ length: rows }, (_, i) => i);
  if (e.shuffleInputs === true) {
    for (let i = rows - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
  }
  const out = new Float32Array(input.length);
  const s = e.shiftPx ?? 0;
  const noise = e.inputNoise ?? 0;
  for (let k = 0; k < rows; k++) {
    const src = input.subarray(order[k]! * size, (order[k]! + 1) * size);
    const dst = out.subarray(k * size, (k + 1) * size);
    const dx = s > 0 && size === SIDE * SIDE ? Math.floor(Math.random() * (2 * s + 1)) - s : 0;
    const dy = s > 0 && size === SIDE * SIDE ? Math.floor(Math.random() * (2 * s + 1)) - s : 0;
    for (let i = 0; i < size; i++) {
      let v: number;
      if (dx === 0 && dy === 0) v = src[i]!;
      else {
        const sy = Math.floor(i / SIDE) - dy;
        const sx = (i % SIDE) - dx;
        v = sy >= 0 && sy < SIDE && sx >= 0 && sx < SIDE ? src[sy * SIDE + sx]! : 0;
      }
      if (noise > 0) v = Math.min(1, Math.max(0, v + (Math.random() * 2 - 1) * noise));
      dst[i] = v;
    }
  }
  return { input: out, order };
}

/** Puts answer rows (forwarded order) back into the original order. */
export function restoreOrder(answer: Float32Array, order: number[], classes: number): Float32Array {
  const out = new Float32Array(answer.length);
  for (let k = 0; k < order.length; k++) out.set(answer.subarray(k * classes, (k + 1) * classes), order[k]! * classes);
  return out;
}
