/**
 * Fuzz surfaces of the protocol's decoders (what a validator reads from a miner, what a miner reads from a
 * validator): PredictRequest, PredictResponse and InfoResponse bodies, random and mutated, and the
 * encode/decode round trip of random valid tensors. A decoder returns a checked value or throws
 * ProtocolError; nothing else.
 */
import fc from 'fast-check';
import {
  decodeInfoResponse,
  decodePredictRequest,
  decodePredictResponse,
  encodeInfoResponse,
  encodePredictResponse,
  ProtocolError,
  type Tensor,
} from '../../src/index.ts';
import { checkProperty, Tally, type FuzzSurface } from '../../../test/fuzz/surface.ts';

const LIMITS = { dtypes: ['float32', 'int32', 'uint8'] as const, maxRank: 4, maxElements: 1 << 20 };

function tensorArb(): fc.Arbitrary<Tensor> {
  return fc
    .record({
      dtype: fc.constantFrom('float32' as const, 'int32' as const, 'uint8' as const),
      shape: fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 4 }),
    })
    .chain(({ dtype, shape }) => {
      const n = shape.reduce((a, b) => a * b, 1);
      const data =
        dtype === 'float32'
          ? fc.float32Array({ minLength: n, maxLength: n, noDefaultInfinity: false })
          : dtype === 'int32'
            ? fc.int32Array({ minLength: n, maxLength: n })
            : fc.uint8Array({ minLength: n, maxLength: n });
      return (data as fc.Arbitrary<Tensor['data']>).map((d) => ({ dtype, shape, data: d }) as Tensor);
    });
}

const validResponse = encodePredictResponse({
  competitionId: 'mnist',
  roundId: 9,
  output: { dtype: 'float32', shape: [2, 10], data: new Float32Array(20).fill(0.1) },
  checkpointHash: `0x${'ab'.repeat(32)}`,
  trainingStep: 5,
  computeMicros: 10,
});
const validInfo = encodeInfoResponse({
  competitionId: 'mnist',
  backend: 'wasm',
  parameterCount: 7850,
  checkpointHash: `0x${'ab'.repeat(32)}`,
  trainingStep: 1,
  modelName: 'linear',
  version: '0.1.0',
  hotkey: '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty',
});

function mutated(base: Uint8Array): fc.Arbitrary<Uint8Array> {
  return fc
    .array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 1, max: 255 }), fc.nat(3)), { minLength: 1, maxLength: 5 })
    .map((ms) => {
      let b = Uint8Array.from(base);
      for (const [at, x, op] of ms) {
        const i = b.length === 0 ? 0 : at % b.length;
        if (op === 0) b = b.subarray(0, i);
        else if (op === 1 && b.length > 0) b[i] = b[i]! ^ x;
        else b = Uint8Array.from([...b.subarray(0, i), x, ...b.subarray(i)]);
      }
      return Uint8Array.from(b);
    });
}

const decodersSurface: FuzzSurface = {
  name: 'protocol.decoders',
  run: async (o) => {
    const started = Date.now();
    const tally = new Tally();
    const input = fc.tuple(
      fc.constantFrom('request', 'response', 'info'),
      fc.oneof(fc.uint8Array({ maxLength: 300 }), mutated(validResponse), mutated(validInfo)),
    );
    await checkProperty(
      'protocol.decoders',
      fc.property(input, ([kind, bytes]) => {
        try {
          if (kind === 'request') decodePredictRequest(bytes, LIMITS);
          else if (kind === 'response') decodePredictResponse(bytes, LIMITS);
          else decodeInfoResponse(bytes, { maxStringLength: 256 });
          tally.add(`${kind} ok`);
        } catch (err: unknown) {
          if (!(err instanceof ProtocolError)) throw new Error(`${kind} decoder threw ${String(err)} (not a ProtocolError)`);
          tally.add(`${kind} ${err.code}`);
        }
      }),
      o,
    );
    return { surface: 'protocol.decoders', runs: o.numRuns, seed: o.seed, ms: Date.now() - started, outcomes: tally.counts };
  },
};

const roundTripSurface: FuzzSurface = {
  name: 'protocol.tensor-roundtrip',
  run: async (o) => {
    const started = Date.now();
    await checkProperty(
      'protocol.tensor-roundtrip',
      fc.property(tensorArb(), fc.nat(), (t, roundId) => {
        const bytes = encodePredictResponse({
          competitionId: 'c',
          roundId,
          output: t,
          checkpointHash: '',
          trainingStep: 0,
          computeMicros: 0,
        });
        const back = decodePredictResponse(bytes, LIMITS);
        const same =
          back.output.dtype === t.dtype &&
          back.output.shape.join(',') === t.shape.join(',') &&
          back.roundId === roundId &&
          Buffer.from(back.output.data.buffer, back.output.data.byteOffset, back.output.data.byteLength).equals(
            Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength),
          );
        if (!same) throw new Error(`round trip changed the tensor: ${t.dtype} [${t.shape.join(',')}]`);
      }),
      o,
    );
    return { surface: 'protocol.tensor-roundtrip', runs: o.numRuns, seed: o.seed, ms: Date.now() - started };
  },
};

export const surfaces: FuzzSurface[] = [decodersSurface, roundTripSurface];
