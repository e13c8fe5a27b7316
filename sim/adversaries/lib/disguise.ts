/**
 * Disguises for copied probabilities (explicit parameters, reported with the figures):
 * - `temperature`: p^(1/T), renormalised;
 * - `noiseSigma`: Gaussian noise added to each probability (then clamped at 1e-6 and renormalised);
 * - `permuteTail`: shuffle the non-top classes of each row (label-preserving: argmax and top prob kept).
 */
export interface Disguise {
  temperature?: number;
  noiseSigma?: number;
  permuteTail?: boolean;
}

function gaussian(): number {
  return Math.sqrt(-2 * Math.log(Math.random() || 1e-12)) * Math.cos(2 * Math.PI * Math.random());
}

function shuffleTail(row: Float32Array): void {
  let top = 0;
  for (let c = 1; c < row.length; c++) if (row[c]! > row[top]!) top = c;
  const rest = [...row].filter((_, c) => c !== top);
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [rest[i], rest[j]] = [rest[j]!, rest[i]!];
  }
  let k = 0;
  for (let c = 0; c < row.length; c++) if (c !== top) row[c] = rest[k++]!;
}

/** Applies the disguise to a [n, classes] probability matrix in place and returns it. */
export function disguise(p: Float32Array, classes: number, a: Disguise): Float32Array {
  const t = a.temperature ?? 1;
  const sigma = a.noiseSigma ?? 0;
  for (let r = 0; r < p.length / classes; r++) {
    const row = p.subarray(r * classes, (r + 1) * classes);
    let sum = 0;
    for (let c = 0; c < classes; c++) {
      let v = t === 1 ? row[c]! : Math.max(row[c]!, 1e-12) ** (1 / t);
      if (sigma > 0) v += sigma * gaussian();
      row[c] = Math.max(v, 1e-6);
      sum += row[c]!;
    }
    for (let c = 0; c < classes; c++) row[c] = row[c]! / sum;
    if (a.permuteTail === true) shuffleTail(row);
  }
  return p;
}
