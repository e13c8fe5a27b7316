/**
 * Liquid alpha reads weight and bond rows as upstream's `compute_liquid_alpha_values_sparse` does
 * (issue 10 item 1): one forward cursor per row assuming ascending columns. `set_weights` stores
 * uids in the order the client sent them, so unsorted rows change bonds. The minimal case of the
 * issue is pinned to upstream's stored bond; a randomized harness compares `liquidAlphas` and
 * `matEmaAlpha` with a reference written here from upstream's loops, on sorted and unsorted rows.
 */
import test from 'ava';
import { runEpoch } from './epoch.ts';
import { I32F32, ONE32, fromRatio, mul32, sub32, add32 } from '../math/fixed.ts';
import { liquidAlphas, matEmaAlpha, type SparseMatrix, type SparseRow } from '../math/sparse.ts';
import { alphaSigmoid } from '../math/vec.ts';

test('minimal case of issue 10: unsorted weight row [(2, 65535), (1, 32768)] stores bond 30583 for uid 1, as upstream', (t) => {
  const input = (weights: Array<[number, number]>) =>
    runEpoch({
      n: 3,
      currentBlock: 1000,
      tempo: 100,
      activityCutoff: 5000,
      lastUpdate: [1000, 0, 0],
      blockAtRegistration: [0, 0, 0],
      alphaStake: [1_000_000_000n, 0n, 0n],
      validatorPermit: [true, false, false],
      maxAllowedValidators: 1,
      weights: [weights],
      bonds: [[[1, 32768]]],
      yuma3On: true,
      liquidAlphaOn: true,
      alphaValues: [6553, 19660],
      alphaSigmoidSteepness: 1000,
      bondsPenalty: 0,
      raoEmission: 1_000_000_000n,
    });
  const unsorted = input([
    [2, 65535],
    [1, 32768],
  ]);
  t.deepEqual(unsorted.bonds[0], [
    [2, 4427],
    [1, 30583],
  ]);
  // Sent sorted, the cursor sees the weight on uid 1 and the bond differs.
  const sorted = input([
    [1, 32768],
    [2, 65535],
  ]);
  t.deepEqual(sorted.bonds[0], [
    [1, 31600],
    [2, 4427],
  ]);
});

/** Deterministic PRNG (mulberry32) so a failing case can be replayed from its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random sparse row over `n` columns, entries in (0, 1]; sorted by column or shuffled. */
function randomRow(next: () => number, n: number, sorted: boolean): SparseRow {
  const cols = Array.from({ length: n }, (_, j) => j).filter(() => next() < 0.6);
  if (!sorted)
    for (let i = cols.length - 1; i > 0; i--) {
      const k = Math.floor(next() * (i + 1));
      [cols[i], cols[k]] = [cols[k]!, cols[i]!];
    }
  return cols.map((j) => [j, fromRatio(I32F32, 1 + Math.floor(next() * 65535), 65535)]);
}

/**
 * Reference of upstream's read, as written there: for j = 0..n, advance a peeked index past
 * columns < j; take the value if the peeked column equals j; otherwise 0.
 */
function referenceAlphas(w: SparseMatrix, b: SparseMatrix, c: bigint[], lo: bigint, hi: bigint, steep: bigint): bigint[][] {
  const out: bigint[][] = [];
  for (let i = 0; i < w.length; i++) {
    const wRow = w[i]!;
    const bRow = b[i]!;
    let wp = 0;
    let bp = 0;
    const row: bigint[] = [];
    for (let j = 0; j < c.length; j++) {
      let weight = 0n;
      while (wp < wRow.length) {
        const [col, v] = wRow[wp]!;
        if (col < j) {
          wp++;
          continue;
        }
        if (col === j) weight = v;
        break;
      }
      let bond = 0n;
      while (bp < bRow.length) {
        const [col, v] = bRow[bp]!;
        if (col < j) {
          bp++;
          continue;
        }
        if (col === j) bond = v;
        break;
      }
      row.push(alphaSigmoid(c[j]!, weight, bond, lo, hi, steep));
    }
    out.push(row);
  }
  return out;
}

/** Reference of upstream's `mat_ema_alpha_sparse`: decayed old per column, then new entries in row order. */
function referenceEma(next: SparseMatrix, old: SparseMatrix, alphas: bigint[][]): SparseMatrix {
  return next.map((newRow, i) => {
    const decayed = new Map<number, bigint>();
    for (const [j, v] of old[i]!) if (j < alphas[i]!.length) decayed.set(j, mul32(sub32(ONE32, alphas[i]![j]!), v));
    const row: SparseRow = [];
    for (const [j, v] of newRow) {
      if (j >= alphas[i]!.length) continue;
      const inc = mul32(alphas[i]![j]!, v);
      const val = add32(decayed.get(j) ?? 0n, inc > 0n ? inc : 0n);
      const capped = val > ONE32 ? ONE32 : val;
      if (capped > 0n) row.push([j, capped]);
    }
    return row;
  });
}

/** Dense-by-column read (what the devchain did before): order of entries does not matter. */
function denseAlphas(w: SparseMatrix, b: SparseMatrix, c: bigint[], lo: bigint, hi: bigint, steep: bigint): bigint[][] {
  return w.map((wRow, i) =>
    c.map((cj, j) => alphaSigmoid(cj, wRow.find(([k]) => k === j)?.[1] ?? 0n, b[i]!.find(([k]) => k === j)?.[1] ?? 0n, lo, hi, steep)),
  );
}

for (const sorted of [true, false]) {
  test(`randomized harness: liquid alphas and their EMA equal the upstream reference (${sorted ? 'sorted' : 'unsorted'} rows)`, (t) => {
    let differsFromDense = 0;
    const cases = 300;
    for (let seed = 1; seed <= cases; seed++) {
      const next = rng(seed * 7919 + (sorted ? 0 : 1));
      const n = 1 + Math.floor(next() * 8);
      const validators = 1 + Math.floor(next() * 4);
      const w = Array.from({ length: validators }, () => randomRow(next, n, sorted));
      const b = Array.from({ length: validators }, () => randomRow(next, n, sorted));
      const c = Array.from({ length: n }, () => (next() < 0.2 ? 0n : fromRatio(I32F32, Math.floor(next() * 65536), 65535)));
      const lo = fromRatio(I32F32, 1638 + Math.floor(next() * 20000), 65535);
      const hi = lo + fromRatio(I32F32, Math.floor(next() * 20000), 65535);
      const steep = BigInt(Math.floor(next() * 2000) - 500) << 32n;
      const expected = referenceAlphas(w, b, c, lo, hi, steep);
      const alphas = liquidAlphas(w, b, c, lo, hi, steep);
      t.deepEqual(alphas, expected, `seed ${seed}`);
      t.deepEqual(matEmaAlpha(w, b, alphas), referenceEma(w, b, expected), `seed ${seed}`);
      const dense = denseAlphas(w, b, c, lo, hi, steep);
      if (sorted) t.deepEqual(alphas, dense, `seed ${seed}: sorted rows read the same either way`);
      else if (JSON.stringify(alphas.map((r) => r.map(String))) !== JSON.stringify(dense.map((r) => r.map(String)))) differsFromDense++;
    }
    // The unsorted cases must actually exercise the difference (else the harness proves nothing).
    if (!sorted) t.true(differsFromDense > cases / 3, `${differsFromDense} of ${cases} unsorted cases differ from a by-column read`);
  });
}
