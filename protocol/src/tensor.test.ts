import test from 'ava';
import { isProtocolError, grpcStatusOf } from './errors.ts';
import { arena } from './generated/proto.js';
import {
  GRPC_MESSAGE_OFFSET,
  decodePredictRequest,
  decodePredictResponse,
  encodePredictRequest,
  encodePredictResponse,
} from './messages.ts';
import { assertFinite, decodeTensor, encodeTensor, findNonFinite } from './tensor.ts';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

test('a float32 PredictRequest encodes to the golden bytes (little-endian raw data)', (t) => {
  const body = encodePredictRequest({
    competitionId: 'mnist',
    roundId: 1,
    input: { dtype: 'float32', shape: [1, 2], data: new Float32Array([1.5, -2]) },
  });
  // field 1 "mnist" | field 2 varint 1 | field 3 Tensor(len 23): dtype "float32", packed shape [1,2], data 1.5f -2f
  t.is(hex(body), '0a056d6e69737410011a170a07666c6f61743332120201021a080000c03f000000c0');
  const back = decodePredictRequest(body);
  t.deepEqual(back.input.shape, [1, 2]);
  t.deepEqual(Array.from(back.input.data), [1.5, -2]);
  t.is(back.roundId, 1);
});

test('an int32 tensor encodes to the golden bytes and decodes back', (t) => {
  const bytes = arena.v1.Tensor.encode(encodeTensor({ dtype: 'int32', shape: [2], data: new Int32Array([1, -1]) })).finish();
  t.is(hex(bytes), '0a05696e7433321201021a0801000000ffffffff');
  t.deepEqual(Array.from(decodeTensor(arena.v1.Tensor.decode(bytes)).data), [1, -1]);
});

test('uint8 tensors round-trip and a float32 view is made even at an unaligned offset', (t) => {
  const u = decodeTensor(
    arena.v1.Tensor.decode(
      arena.v1.Tensor.encode(encodeTensor({ dtype: 'uint8', shape: [3], data: new Uint8Array([0, 7, 255]) })).finish(),
    ),
  );
  t.deepEqual(Array.from(u.data), [0, 7, 255]);
  const data = Buffer.alloc(9).subarray(1); // offset 1: not a multiple of 4
  data.writeFloatLE(3.25, 0);
  data.writeFloatLE(-1, 4);
  t.deepEqual(Array.from(decodeTensor({ dtype: 'float32', shape: [2], data }).data), [3.25, -1]);
});

const refusals: Array<[string, arena.v1.ITensor | undefined, string]> = [
  ['missing tensor', undefined, 'bad-message'],
  ['unknown dtype', { dtype: 'float64', shape: [1], data: new Uint8Array(8) }, 'bad-dtype'],
  ['empty dtype', { shape: [1], data: new Uint8Array(4) }, 'bad-dtype'],
  ['short data', { dtype: 'float32', shape: [2, 2], data: new Uint8Array(15) }, 'bad-length'],
  ['long data', { dtype: 'float32', shape: [2], data: new Uint8Array(9) }, 'bad-length'],
  ['rank too high', { dtype: 'uint8', shape: [1, 1, 1, 1, 1, 1, 1, 1, 1], data: new Uint8Array(1) }, 'bad-shape'],
  ['too many elements', { dtype: 'uint8', shape: [1 << 20, 1 << 10], data: new Uint8Array(0) }, 'too-large'],
];
for (const [name, msg, code] of refusals) {
  test(`decodeTensor refuses ${name} with ProtocolError ${code}`, (t) => {
    const err = t.throws(() => decodeTensor(msg, { maxElements: 1 << 24 }));
    t.true(isProtocolError(err));
    t.is((err as unknown as { code: string }).code, code);
  });
}

test('dtype whitelist and status mapping', (t) => {
  const err = t.throws(() => decodeTensor({ dtype: 'int32', shape: [1], data: new Uint8Array(4) }, { dtypes: ['float32'] }));
  t.regex(err?.message ?? '', /expected dtype float32, found "int32"/);
  t.is(grpcStatusOf('bad-length'), 3); // INVALID_ARGUMENT
  t.is(grpcStatusOf('too-large'), 8); // RESOURCE_EXHAUSTED
});

test('encodeTensor refuses data that does not match the shape', (t) => {
  t.throws(() => encodeTensor({ dtype: 'float32', shape: [3], data: new Float32Array(2) }), { message: /needs 3 elements, data has 2/ });
});

test('findNonFinite finds NaN and infinities, assertFinite names the index', (t) => {
  t.is(findNonFinite(new Float32Array([0, 1, -3e38])), -1);
  t.is(findNonFinite(new Float32Array([0, NaN])), 1);
  t.is(findNonFinite(new Float32Array([-Infinity])), 0);
  t.throws(() => assertFinite({ dtype: 'float32', shape: [2], data: new Float32Array([1, Infinity]) }), {
    message: /Infinity at flat index 1/,
  });
});

test('garbage bytes decode to a ProtocolError, never a crash', (t) => {
  for (const bytes of [Buffer.from([0xff, 0xff, 0xff]), Buffer.from([0x1a, 0x7f]), Buffer.from('hello world')]) {
    const err = t.throws(() => decodePredictRequest(bytes));
    t.true(isProtocolError(err), String(err));
  }
});

test('a PredictResponse round-trips, with uint64 fields as numbers', (t) => {
  const res = {
    competitionId: 'mnist',
    roundId: 2 ** 40,
    output: { dtype: 'float32' as const, shape: [1, 2], data: new Float32Array([0.5, 0.25]) },
    checkpointHash: '0xab',
    trainingStep: 123456789,
    computeMicros: 17,
  };
  const back = decodePredictResponse(encodePredictResponse(res));
  t.is(back.roundId, 2 ** 40);
  t.is(back.trainingStep, 123456789);
  t.deepEqual(Array.from(back.output.data), [0.5, 0.25]);
});

test('a large PredictRequest is laid out so its floats are read in place behind a grpc frame header', (t) => {
  for (const rows of [2, 64, 1024]) {
    const data = new Float32Array(rows * 784).map((_, i) => i);
    const body = encodePredictRequest({ competitionId: 'mnist', roundId: 9, input: { dtype: 'float32', shape: [rows, 784], data } });
    const framed = Buffer.alloc(GRPC_MESSAGE_OFFSET + body.length); // fresh buffer, as grpc-js assembles it
    body.copy(framed, GRPC_MESSAGE_OFFSET);
    const back = decodePredictRequest(framed.subarray(GRPC_MESSAGE_OFFSET));
    t.is(back.input.data.buffer, framed.buffer, `rows=${rows}: expected a view, got a copy`);
    t.is(back.input.data[data.length - 1], data.length - 1);
    t.is(back.roundId, 9);
  }
});
