/**
 * Sparse matrices as subtensor's epoch holds them: one row per uid, each row a list of
 * `[column, value]` entries (value = raw I32F32 bits). Entry order inside a row is preserved by
 * the helpers that do not rebuild rows densely (documented per helper), as the chain does.
 */
import { ONE32, add32, div32, mul32, sub32 } from './fixed.ts';
import { alphaSigmoid } from './vec.ts';

export type SparseEntry = [col: number, value: bigint];
export type SparseRow = SparseEntry[];
export type SparseMatrix = SparseRow[];

/**
 * Build an I32F32 matrix from stored u16 rows (`Vec<(u16, u16)>`): value = the u16 as an integer
 * (`raw`) or as a proportion `u16 / 65535` (`proportion`). Entries with `col ≥ columns` are dropped.
 */
export function fromU16Rows(
  rows: readonly (readonly (readonly [number, number])[])[],
  n: number,
  columns: number,
  mode: 'raw' | 'proportion',
): SparseMatrix {
  const out: SparseMatrix = [];
  const denom = 65535n << 32n;
  for (let i = 0; i < n; i++) {
    const row = rows[i] ?? [];
    const r: SparseRow = [];
    for (const [j, v] of row) {
      if (j >= columns) continue;
      const bits = BigInt(v) << 32n;
      r.push([j, mode === 'raw' ? bits : div32(bits, denom)]);
    }
    out.push(r);
  }
  return out;
}

/** Empty the rows whose mask is true. */
export function maskRows(mask: readonly boolean[], m: SparseMatrix): SparseMatrix {
  return m.map((row, i) => (mask[i] ? [] : row.slice()));
}

/** Remove diagonal entries `(i, i)`, except in row `except` (the subnet owner), if given. */
export function maskDiagExcept(m: SparseMatrix, except: number | undefined): SparseMatrix {
  return m.map((row, i) => (i === except ? row.slice() : row.filter(([j]) => j !== i)));
}

/** Remove entries `(i, j)` where `drop(first[i], second[j])` (`vec_mask_sparse_matrix`). */
export function maskByVectors<A, B>(
  m: SparseMatrix,
  first: readonly A[],
  second: readonly B[],
  drop: (a: A, b: B) => boolean,
): SparseMatrix {
  return m.map((row, i) => {
    const a = first[i] as A;
    return row.filter(([j]) => !drop(a, second[j] as B));
  });
}

/** Remove entries `(i, j)` where `drop(scalar, second[j])` (`scalar_vec_mask_sparse_matrix`). */
export function maskByScalar<A, B>(m: SparseMatrix, scalar: A, second: readonly B[], drop: (a: A, b: B) => boolean): SparseMatrix {
  return m.map((row) => row.filter(([j]) => !drop(scalar, second[j] as B)));
}

/** Row sums (plain sums of entries). */
export function rowSum(m: SparseMatrix): bigint[] {
  return m.map((row) => {
    let s = 0n;
    for (const [, v] of row) s = add32(s, v);
    return s;
  });
}

/** Divide each row by its sum when the sum is > 0 (zero entries stay as explicit zeros). */
export function rowNormalize(m: SparseMatrix): SparseMatrix {
  return m.map((row) => {
    let s = 0n;
    for (const [, v] of row) s = add32(s, v);
    if (s <= 0n) return row.slice();
    return row.map(([j, v]) => [j, div32(v, s)] as SparseEntry);
  });
}

/** Column sums over `columns` columns. */
export function colSum(m: SparseMatrix, columns: number): bigint[] {
  const s = new Array<bigint>(columns).fill(0n);
  for (const row of m) for (const [j, v] of row) s[j] = add32(s[j]!, v);
  return s;
}

/** Divide each entry by its column sum (columns summing to 0 are left unchanged). */
export function colNormalize(m: SparseMatrix, columns: number): SparseMatrix {
  const s = colSum(m, columns);
  return m.map((row) => row.map(([j, v]) => [j, s[j] === 0n ? v : div32(v, s[j]!)] as SparseEntry));
}

/** Column max-upscale: divide each entry by its column maximum (columns with max 0 unchanged). */
export function colMaxUpscale(m: SparseMatrix, columns: number): SparseMatrix {
  const mx = new Array<bigint>(columns).fill(0n);
  for (const row of m) for (const [j, v] of row) if (mx[j]! < v) mx[j] = v;
  return m.map((row) => row.map(([j, v]) => [j, mx[j] === 0n ? v : div32(v, mx[j]!)] as SparseEntry));
}

/**
 * Column clip (`col_clip_sparse`): keep `v` if `v ≤ t_j`; otherwise replace by `t_j` when `t_j > 0`,
 * else drop the entry.
 */
export function colClip(m: SparseMatrix, threshold: readonly bigint[]): SparseMatrix {
  return m.map((row) => {
    const out: SparseRow = [];
    for (const [j, v] of row) {
      const t = threshold[j]!;
      if (t < v) {
        if (t > 0n) out.push([j, t]);
      } else out.push([j, v]);
    }
    return out;
  });
}

/** `r_j = Σ_i x_i · m_ij` (each product truncated), over `columns` columns. */
export function matmul(m: SparseMatrix, x: readonly bigint[], columns: number): bigint[] {
  const r = new Array<bigint>(columns).fill(0n);
  m.forEach((row, i) => {
    const xi = x[i]!;
    for (const [j, v] of row) r[j] = add32(r[j]!, mul32(xi, v));
  });
  return r;
}

/** `r_i = Σ_j m_ij · x_j` (each product truncated). */
export function matmulTranspose(m: SparseMatrix, x: readonly bigint[]): bigint[] {
  return m.map((row) => {
    let s = 0n;
    for (const [j, v] of row) s = add32(s, mul32(x[j]!, v));
    return s;
  });
}

/** `m_ij · x_j` for every entry (`mat_vec_mul_sparse`), order preserved. */
export function matVecMul(m: SparseMatrix, x: readonly bigint[]): SparseMatrix {
  return m.map((row) => row.map(([j, v]) => [j, mul32(v, x[j]!)] as SparseEntry));
}

/** `m_ij · x_i` for every entry (`row_hadamard_sparse`), order preserved. */
export function rowHadamard(m: SparseMatrix, x: readonly bigint[]): SparseMatrix {
  return m.map((row, i) => row.map(([j, v]) => [j, mul32(v, x[i]!)] as SparseEntry));
}

/**
 * `interpolate_sparse`: ratio 0 ⇒ `a` as is, ratio 1 ⇒ `b` as is; otherwise per row over all
 * columns `a + ratio·(b − a)` (floor product), keeping only values > 0 (in column order).
 */
export function interpolate(a: SparseMatrix, b: SparseMatrix, columns: number, ratio: bigint): SparseMatrix {
  if (ratio === 0n) return a.map((r) => r.slice());
  if (ratio === ONE32) return b.map((r) => r.slice());
  return a.map((rowA, i) => {
    const da = new Array<bigint>(columns).fill(0n);
    const db = new Array<bigint>(columns).fill(0n);
    for (const [j, v] of rowA) da[j] = v;
    for (const [j, v] of b[i] ?? []) db[j] = v;
    const out: SparseRow = [];
    for (let j = 0; j < columns; j++) {
      const v = da[j]! + mul32(ratio, db[j]! - da[j]!);
      if (v > 0n) out.push([j, v]);
    }
    return out;
  });
}

/**
 * `mat_ema_sparse`: `alpha·new + (1 − alpha)·old` over the union of entries (each product
 * truncated), keeping values > 0, rows rebuilt in column order. Square: columns = rows.
 */
export function matEma(next: SparseMatrix, old: SparseMatrix, alpha: bigint): SparseMatrix {
  const n = next.length;
  const oneMinus = ONE32 - alpha;
  return next.map((rowNew, i) => {
    const row = new Array<bigint>(n).fill(0n);
    const touched = new Uint8Array(n);
    for (const [j, v] of rowNew) {
      row[j] = row[j]! + mul32(alpha, v);
      touched[j] = 1;
    }
    for (const [j, v] of old[i] ?? []) {
      row[j] = row[j]! + mul32(oneMinus, v);
      touched[j] = 1;
    }
    const out: SparseRow = [];
    for (let j = 0; j < n; j++) if (touched[j] && row[j]! > 0n) out.push([j, row[j]!]);
    return out;
  });
}

/**
 * `mat_ema_alpha_sparse` (Yuma3 liquid alpha): for each entry of the **new** row, in its order,
 * `min(1, (1 − α_ij)·old_ij + max(0, α_ij·new_ij))`, kept when > 0. Old-only entries are dropped.
 */
export function matEmaAlpha(next: SparseMatrix, old: SparseMatrix, alphas: readonly bigint[][]): SparseMatrix {
  return next.map((rowNew, i) => {
    const alphaRow = alphas[i]!;
    // Sized by the alpha row (the column count), as upstream; columns outside it are ignored.
    const decayed = new Array<bigint>(alphaRow.length).fill(0n);
    for (const [j, v] of old[i] ?? []) {
      const a = alphaRow[j];
      if (a === undefined) continue;
      decayed[j] = mul32(sub32(ONE32, a), v);
    }
    const out: SparseRow = [];
    for (const [j, v] of rowNew) {
      const a = alphaRow[j];
      if (a === undefined) continue;
      let inc = mul32(a, v);
      if (inc < 0n) inc = 0n;
      let r = add32(decayed[j]!, inc);
      if (r > ONE32) r = ONE32;
      if (r > 0n) out.push([j, r]);
    }
    return out;
  });
}

/**
 * Value at column `j` of a row read the way upstream's `compute_liquid_alpha_values_sparse` reads it:
 * one forward cursor per row, called with j = 0, 1, 2, ...; entries with a column below j are
 * skipped, the cursor stops at the first column ≥ j. Rows are stored in the order the client sent
 * the uids, so an entry that follows a larger column is never reached and reads as 0.
 */
function forwardCursor(row: SparseRow): (j: number) => bigint {
  let k = 0;
  return (j) => {
    while (k < row.length && row[k]![0] < j) k++;
    return k < row.length && row[k]![0] === j ? row[k]![1] : 0n;
  };
}

/**
 * Liquid-alpha matrix: `α_ij = alphaSigmoid(C_j, W_ij, B_ij, lo, hi, steepness)` for every row i
 * and every column j in `0..consensus.length`, with W_ij and B_ij read by {@link forwardCursor}
 * (missing or unreachable entries read as 0), as upstream.
 */
export function liquidAlphas(
  weights: SparseMatrix,
  bonds: SparseMatrix,
  consensus: readonly bigint[],
  alphaLow: bigint,
  alphaHigh: bigint,
  steepness: bigint,
): bigint[][] {
  return weights.map((wRow, i) => {
    const weightAt = forwardCursor(wRow);
    const bondAt = forwardCursor(bonds[i] ?? []);
    return consensus.map((c, j) => alphaSigmoid(c, weightAt(j), bondAt(j), alphaLow, alphaHigh, steepness));
  });
}

/**
 * Stake-weighted median of `score` over the validators listed in `partition` (§8 step 6): the
 * exact partition algorithm of subtensor, including tie handling (scores equal to the pivot go to
 * neither side) and the safety bound (more than `partition.length` iterations ⇒ 0).
 *
 * @param stake    per-validator stake (I32F32), indexed like `score`
 * @param score    per-validator score for one column
 * @param minority `σ − κ`
 * @param lo, hi   initial partition bounds (0 and σ)
 */
export function weightedMedian(
  stake: readonly bigint[],
  score: readonly bigint[],
  partition: readonly number[],
  minority: bigint,
  lo: bigint,
  hi: bigint,
): bigint {
  let part: readonly number[] = partition;
  let partLo = lo;
  let partHi = hi;
  const maxIterations = partition.length;
  let iterations = 0;
  for (;;) {
    // Safety bound of the chain's iterative version; every pass shrinks the partition, so it is
    // only reached for an empty partition (which returns 0 either way).
    iterations++;
    if (iterations > maxIterations) return 0n;
    const len = part.length;
    if (len === 0) return 0n;
    if (len === 1) return score[part[0]!]!;
    const pivot = score[part[len >> 1]!]!;
    let loStake = 0n;
    let hiStake = 0n;
    const lower: number[] = [];
    const upper: number[] = [];
    for (const idx of part) {
      const s = score[idx]!;
      if (s === pivot) continue;
      if (s < pivot) {
        loStake = add32(loStake, stake[idx]!);
        lower.push(idx);
      } else {
        hiStake = add32(hiStake, stake[idx]!);
        upper.push(idx);
      }
    }
    const loBound = add32(partLo, loStake);
    const hiBound = sub32(partHi, hiStake);
    if (loBound <= minority && minority < hiBound) return pivot;
    if (minority < loBound && lower.length > 0) {
      part = lower;
      partHi = loBound;
    } else if (hiBound <= minority && upper.length > 0) {
      part = upper;
      partLo = hiBound;
    } else return pivot;
  }
}

/**
 * `weighted_median_col_sparse`: per column, the weighted median of the scores of the validators
 * with stake > 0 (stakes renormalized over those validators; missing entries score 0).
 * `majority` is κ as I32F32.
 */
export function weightedMedianCol(stake: readonly bigint[], score: SparseMatrix, columns: number, majority: bigint): bigint[] {
  const useStakeRaw: bigint[] = [];
  const rowOf: number[] = [];
  stake.forEach((s, i) => {
    if (s > 0n) {
      useStakeRaw.push(s);
      rowOf.push(i);
    }
  });
  let total = 0n;
  for (const s of useStakeRaw) total = add32(total, s);
  const useStake = total === 0n ? useStakeRaw : useStakeRaw.map((s) => div32(s, total));
  let stakeSum = 0n;
  for (const s of useStake) stakeSum = add32(stakeSum, s);
  const minority = sub32(stakeSum, majority);
  const k = useStake.length;
  const partition = Array.from({ length: k }, (_, i) => i);
  // Column-major score table: scores[c][k].
  const scores: bigint[][] = Array.from({ length: columns }, () => new Array<bigint>(k).fill(0n));
  rowOf.forEach((r, kk) => {
    for (const [c, v] of score[r] ?? []) if (c < columns) scores[c]![kk] = v;
  });
  return scores.map((col) => weightedMedian(useStake, col, partition, minority, 0n, stakeSum));
}
