import { ProtocolError } from './errors.ts';
import type { arena } from './generated/proto.js';

/** Element types the wire carries. */
export type Dtype = 'float32' | 'int32' | 'uint8';

/** The typed array that holds each dtype's elements. */
export interface DtypeArrays {
  float32: Float32Array;
  int32: Int32Array;
  uint8: Uint8Array;
}

/** A dense row-major tensor held in memory. */
export interface Tensor<D extends Dtype = Dtype> {
  dtype: D;
  shape: readonly number[];
  data: DtypeArrays[D];
}

/** Bounds a decoded tensor must respect. */
export interface TensorLimits {
  /** Dtypes accepted; default all three. */
  dtypes?: readonly Dtype[];
  /** Maximum number of dimensions; default 8. */
  maxRank?: number;
  /** Maximum number of elements (product of the shape); default 2^26 (256 MiB of float32). */
  maxElements?: number;
}

/** Bytes per element of each dtype. */
export const ITEM_SIZE: Readonly<Record<Dtype, number>> = { float32: 4, int32: 4, uint8: 1 };
const DTYPES = Object.keys(ITEM_SIZE) as Dtype[];
const DEFAULT_MAX_RANK = 8;
const DEFAULT_MAX_ELEMENTS = 2 ** 26;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Whether a string names a dtype the wire carries. */
export function isDtype(s: unknown): s is Dtype {
  return typeof s === 'string' && (DTYPES as string[]).includes(s);
}

/** Product of a shape's dimensions (1 for a scalar). */
export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Encodes an in-memory tensor as a wire `Tensor`; `data` is a view of the array's bytes, not a copy. */
export function encodeTensor(t: Tensor): arena.v1.ITensor {
  checkShape(t.shape, { maxRank: Number.MAX_SAFE_INTEGER, maxElements: Number.MAX_SAFE_INTEGER }, 'encodeTensor');
  if (!isDtype(t.dtype)) throw new ProtocolError('bad-dtype', `encodeTensor: expected dtype float32|int32|uint8, found ${String(t.dtype)}`);
  const n = shapeSize(t.shape);
  if (t.data.length !== n) {
    throw new ProtocolError('bad-length', `encodeTensor: shape [${t.shape.join(', ')}] needs ${n} elements, data has ${t.data.length}`);
  }
  const bytes = new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength);
  return { dtype: t.dtype, shape: [...t.shape], data: LITTLE_ENDIAN ? bytes : swapBytes(bytes, ITEM_SIZE[t.dtype]) };
}

/**
 * Decodes and validates a wire `Tensor`: dtype whitelist, rank and size limits, byte length equal to
 * product(shape) x itemsize. The result is a view of the message bytes when they are aligned, else one copy.
 */
export function decodeTensor(msg: arena.v1.ITensor | null | undefined, limits: TensorLimits = {}, where = 'tensor'): Tensor {
  if (msg === null || msg === undefined) throw new ProtocolError('bad-message', `${where}: expected a tensor, found none`);
  const dtype = msg.dtype;
  const allowed = limits.dtypes ?? DTYPES;
  if (!isDtype(dtype) || !allowed.includes(dtype)) {
    throw new ProtocolError('bad-dtype', `${where}: expected dtype ${allowed.join('|')}, found ${JSON.stringify(dtype ?? '')}`);
  }
  const shape = msg.shape ?? [];
  checkShape(shape, limits, where);
  const data = msg.data ?? new Uint8Array(0);
  const expected = shapeSize(shape) * ITEM_SIZE[dtype];
  if (data.byteLength !== expected) {
    throw new ProtocolError(
      'bad-length',
      `${where}: shape [${shape.join(', ')}] of ${dtype} needs ${expected} bytes, found ${data.byteLength}`,
    );
  }
  return { dtype, shape: [...shape], data: viewAs(dtype, data) };
}

function checkShape(shape: readonly number[], limits: TensorLimits, where: string): void {
  const maxRank = limits.maxRank ?? DEFAULT_MAX_RANK;
  if (shape.length > maxRank) throw new ProtocolError('bad-shape', `${where}: expected rank <= ${maxRank}, found ${shape.length}`);
  let n = 1;
  for (const d of shape) {
    if (!Number.isSafeInteger(d) || d < 0) throw new ProtocolError('bad-shape', `${where}: expected dimensions >= 0, found ${d}`);
    n *= d;
  }
  const maxElements = limits.maxElements ?? DEFAULT_MAX_ELEMENTS;
  if (n > maxElements) {
    throw new ProtocolError('too-large', `${where}: expected at most ${maxElements} elements, shape [${shape.join(', ')}] has ${n}`);
  }
}

function viewAs<D extends Dtype>(dtype: D, bytes: Uint8Array): DtypeArrays[D];
function viewAs(dtype: Dtype, bytes: Uint8Array): DtypeArrays[Dtype] {
  if (dtype === 'uint8') return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = ITEM_SIZE[dtype];
  // A typed-array view needs its offset aligned to the item size; protobuf fields land anywhere, so copy if not.
  const src = !LITTLE_ENDIAN ? swapBytes(bytes, size) : bytes.byteOffset % size === 0 ? bytes : new Uint8Array(bytes); // fresh buffer, offset 0 (Buffer#slice would not copy)
  const n = src.byteLength / size;
  return dtype === 'float32' ? new Float32Array(src.buffer, src.byteOffset, n) : new Int32Array(src.buffer, src.byteOffset, n);
}

/** A copy with each `size`-byte element reversed (only needed on big-endian hosts). */
function swapBytes(bytes: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(bytes.byteLength);
  for (let i = 0; i < bytes.byteLength; i += size) {
    for (let j = 0; j < size; j++) out[i + j] = bytes[i + size - 1 - j]!;
  }
  return out;
}

/** Index of the first NaN or +/-Infinity in `data`, or -1 when all are finite. */
export function findNonFinite(data: Float32Array | Float64Array): number {
  // Fast pass without branches: v * 0 is 0 for every finite v and NaN otherwise, and NaN survives the sum.
  let acc = 0;
  for (let i = 0; i < data.length; i++) acc += data[i]! * 0;
  if (acc === 0) return -1;
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (v - v !== 0) return i;
  }
  return -1;
}

/** Throws `ProtocolError('non-finite')` naming the first NaN/Inf element of a float tensor. */
export function assertFinite(t: Tensor, where = 'tensor'): void {
  if (t.dtype !== 'float32') return;
  const i = findNonFinite(t.data as Float32Array);
  if (i >= 0) throw new ProtocolError('non-finite', `${where}: expected finite values, found ${String(t.data[i])} at flat index ${i}`);
}
