import test from 'ava';
import { I32F32, ONE32, fromF32, fromRatio } from './fixed.ts';
import {
  colClip,
  colMaxUpscale,
  colNormalize,
  fromU16Rows,
  interpolate,
  maskByScalar,
  maskByVectors,
  maskDiagExcept,
  maskRows,
  matEma,
  matEmaAlpha,
  matmul,
  matmulTranspose,
  matVecMul,
  rowHadamard,
  rowNormalize,
  rowSum,
  weightedMedian,
  weightedMedianCol,
  type SparseMatrix,
} from './sparse.ts';

const f = (x: number): bigint => fromF32(I32F32, x);
const q = (a: number, b: number): bigint => fromRatio(I32F32, a, b);

/** Dense f32 rows → sparse matrix keeping only non-zero entries (as the chain's sparse tests do). */
function sparseOf(rows: number[][]): SparseMatrix {
  return rows.map((r) => r.flatMap((v, j) => (v === 0 ? [] : [[j, f(v)] as [number, bigint]])));
}

test('TV6: weighted median by column, all four cases (f32 inputs rounded to nearest)', (t) => {
  const stake = [0, 0.75, 0.25, 0].map(f);
  const w = sparseOf([
    [0, 0.1, 0],
    [0, 0.2, 0.4],
    [0, 0.3, 0.1],
    [0, 0.4, 0.5],
  ]);
  t.deepEqual(weightedMedianCol(stake, w, 3, f(0.24)), [0n, f(0.3), f(0.4)]);
  t.deepEqual(weightedMedianCol(stake, w, 3, f(0.26)), [0n, f(0.2), f(0.4)]);
  t.deepEqual(weightedMedianCol(stake, w, 3, f(0.76)), [0n, f(0.2), f(0.1)]);
  const stake2 = [0, 0.3, 0.2, 0.5].map(f);
  const w2 = sparseOf([
    [0, 0.1, 0],
    [0, 0.2, 0.4],
    [0, 0.3, 0.1],
    [0, 0, 0.5],
  ]);
  t.deepEqual(weightedMedianCol(stake2, w2, 3, f(0.51)), [0n, 0n, f(0.4)]);
});

test('weighted median: ties with the pivot stay on neither side; empty partition ⇒ 0; one element ⇒ its score', (t) => {
  const quarter = ONE32 / 4n;
  const stake = [quarter, quarter, quarter, quarter];
  // Scores [5, 5, 5, 1]: pivot = score at position 2 = 5; lower = {3} (stake 1/4), upper empty.
  // minority 0.5: lo + ls = 0.25 ≤ 0.5 < hi − hs = 1 ⇒ the pivot.
  t.is(weightedMedian(stake, [5n, 5n, 5n, 1n], [0, 1, 2, 3], ONE32 / 2n, 0n, ONE32), 5n);
  // Scores [1, 2, 3, 4] with minority 0.6: pivot 3, lower {1,2} 0.5, upper {4} 0.25.
  // 0.5 ≤ 0.6 < 0.75 ⇒ 3.
  t.is(weightedMedian(stake, [1n, 2n, 3n, 4n], [0, 1, 2, 3], (ONE32 * 6n) / 10n, 0n, ONE32), 3n);
  // minority 0.8 ⇒ 0.75 ≤ 0.8 ⇒ descend into upper {4} ⇒ 4.
  t.is(weightedMedian(stake, [1n, 2n, 3n, 4n], [0, 1, 2, 3], (ONE32 * 8n) / 10n, 0n, ONE32), 4n);
  // minority 0.1 < lo + ls = 0.5 ⇒ lower {1,2}: pivot 2, lower {1} 0.25 > 0.1 ⇒ {1} ⇒ 1.
  t.is(weightedMedian(stake, [1n, 2n, 3n, 4n], [0, 1, 2, 3], ONE32 / 10n, 0n, ONE32), 1n);
  t.is(weightedMedian(stake, [1n, 2n, 3n, 4n], [], ONE32 / 2n, 0n, ONE32), 0n);
  t.is(weightedMedian(stake, [1n, 2n, 3n, 9n], [3], ONE32 / 2n, 0n, ONE32), 9n);
  // No validator with stake ⇒ every column 0.
  t.deepEqual(weightedMedianCol([0n, 0n], [[[0, ONE32]], [[1, ONE32]]], 2, ONE32 / 2n), [0n, 0n]);
});

test('u16 rows load as raw integers or as proportions; out-of-range columns are dropped', (t) => {
  const rows = [
    [
      [0, 65535],
      [5, 1],
    ] as [number, number][],
    [[1, 32767]] as [number, number][],
  ];
  t.deepEqual(fromU16Rows(rows, 3, 3, 'raw'), [[[0, 65535n << 32n]], [[1, 32767n << 32n]], []]);
  t.deepEqual(fromU16Rows(rows, 2, 2, 'proportion'), [[[0, ONE32]], [[1, 2_147_450_879n]]]);
});

test('masks: rows, diagonal with owner exception, vector and scalar masks', (t) => {
  const m: SparseMatrix = [
    [
      [0, 1n],
      [1, 2n],
    ],
    [
      [0, 3n],
      [1, 4n],
    ],
  ];
  t.deepEqual(maskRows([false, true], m), [
    [
      [0, 1n],
      [1, 2n],
    ],
    [],
  ]);
  t.deepEqual(maskDiagExcept(m, undefined), [[[1, 2n]], [[0, 3n]]]);
  t.deepEqual(maskDiagExcept(m, 1), [
    [[1, 2n]],
    [
      [0, 3n],
      [1, 4n],
    ],
  ]);
  // Outdated: drop (i, j) when lastUpdate_i ≤ registered_j.
  t.deepEqual(
    maskByVectors(m, [10, 5], [3, 7], (u: number, r: number) => u <= r),
    [
      [
        [0, 1n],
        [1, 2n],
      ],
      [[0, 3n]],
    ],
  );
  t.deepEqual(
    maskByScalar(m, 5, [3, 7], (lt: number, r: number) => lt <= r),
    [[[0, 1n]], [[0, 3n]]],
  );
});

test('row / column normalization truncates each quotient and leaves zero sums alone', (t) => {
  const m: SparseMatrix = [
    [
      [0, 1n << 32n],
      [1, 2n << 32n],
    ],
    [[0, 0n]],
    [],
  ];
  t.deepEqual(rowNormalize(m), [
    [
      [0, q(1, 3)],
      [1, q(2, 3)],
    ],
    [[0, 0n]],
    [],
  ]);
  t.deepEqual(rowSum(m), [3n << 32n, 0n, 0n]);
  const c: SparseMatrix = [
    [
      [0, 1n << 32n],
      [1, 0n],
    ],
    [[0, 2n << 32n]],
  ];
  t.deepEqual(colNormalize(c, 2), [
    [
      [0, q(1, 3)],
      [1, 0n],
    ],
    [[0, q(2, 3)]],
  ]);
  t.deepEqual(colMaxUpscale(c, 2), [
    [
      [0, ONE32 / 2n],
      [1, 0n],
    ],
    [[0, ONE32]],
  ]);
});

test('column clip: keep ≤ threshold, cap above a positive threshold, drop above a zero threshold', (t) => {
  const m: SparseMatrix = [
    [
      [0, 5n],
      [1, 5n],
      [2, 5n],
    ],
    [
      [0, 1n],
      [2, 0n],
    ],
  ];
  t.deepEqual(colClip(m, [3n, 0n, 9n]), [
    [
      [0, 3n],
      [2, 5n],
    ],
    [
      [0, 1n],
      [2, 0n],
    ],
  ]);
});

test('matrix-vector products truncate each product before summing', (t) => {
  const third = q(1, 3);
  const m: SparseMatrix = [
    [
      [0, third],
      [1, third],
    ],
    [[1, third]],
  ];
  const x = [third, third];
  const p = (third * third) >> 32n; // one truncated product
  t.deepEqual(matmul(m, x, 2), [p, 2n * p]);
  t.deepEqual(matmulTranspose(m, x), [2n * p, p]);
  t.deepEqual(rowHadamard(m, [ONE32, 0n]), [
    [
      [0, third],
      [1, third],
    ],
    [[1, 0n]],
  ]);
  t.deepEqual(matVecMul(m, [ONE32, 2n << 32n]), [
    [
      [0, third],
      [1, 2n * third],
    ],
    [[1, 2n * third]],
  ]);
});

test('interpolate: ratio 0 and 1 return the inputs, otherwise floor(ratio·(b − a)) and only > 0 kept', (t) => {
  const a: SparseMatrix = [
    [
      [0, 10n],
      [1, 0n],
      [2, 7n],
    ],
  ];
  const b: SparseMatrix = [
    [
      [0, 3n],
      [1, 0n],
    ],
  ];
  t.deepEqual(interpolate(a, b, 3, 0n), a);
  t.deepEqual(interpolate(a, b, 3, ONE32), b);
  // ratio 1/2: col0 10 + floor(-7/2) = 10 - 4 = 6 (floor, not truncation); col1 0 dropped; col2 7 + floor(-7/2) = 3.
  t.deepEqual(interpolate(a, b, 3, ONE32 / 2n), [
    [
      [0, 6n],
      [2, 3n],
    ],
  ]);
});

test('EMA: union of entries with constant alpha; liquid-alpha EMA only over the new row, capped at 1', (t) => {
  const alpha = ONE32 / 10n; // 429496729 (truncated)
  const next: SparseMatrix = [[[1, ONE32]], []];
  const old: SparseMatrix = [[[0, ONE32]], [[1, ONE32 / 2n]]];
  const oneMinus = ONE32 - alpha;
  t.deepEqual(matEma(next, old, alpha), [
    [
      [0, oneMinus],
      [1, alpha],
    ],
    [[1, (oneMinus * (ONE32 / 2n)) >> 32n]],
  ]);
  const alphas = [
    [alpha, alpha],
    [alpha, alpha],
  ];
  // Row 0: entry 0 exists only in old ⇒ dropped; entry 1: 0·(1−α) + α·1 = α.
  // Row 1: no new entries ⇒ empty.
  t.deepEqual(matEmaAlpha(next, old, alphas), [[[1, alpha]], []]);
  // Cap at 1: 0.5·1 + 0.5·2 = 1.5 ⇒ 1.
  t.deepEqual(matEmaAlpha([[[0, 2n * ONE32]]], [[[0, ONE32]]], [[ONE32 / 2n]]), [[[0, ONE32]]]);
});
