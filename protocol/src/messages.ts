import { ProtocolError } from './errors.ts';
import protobuf from 'protobufjs/minimal.js';
import { arena } from './generated/proto.js';
import { decodeTensor, encodeTensor, type Tensor, type TensorLimits } from './tensor.ts';

const pb = arena.v1;
const { Writer } = protobuf;

/** A Predict question: one batch of inputs for one competition round. */
export interface PredictRequest {
  competitionId: string;
  /** Validator round id, < 2^53. */
  roundId: number;
  input: Tensor;
}

/** A Predict answer. */
export interface PredictResponse {
  competitionId: string;
  roundId: number;
  output: Tensor;
  /** 0x-prefixed sha256 of the checkpoint that answered. */
  checkpointHash: string;
  trainingStep: number;
  /** Model compute time, microseconds. */
  computeMicros: number;
}

/** What a miner serves (the Info answer). */
export interface MinerInfo {
  competitionId: string;
  /** Compute backend, e.g. "wasm". */
  backend: string;
  parameterCount: number;
  /** 0x-prefixed sha256 of the served checkpoint. */
  checkpointHash: string;
  trainingStep: number;
  modelName: string;
  version: string;
  /** The miner's hotkey, SS58. */
  hotkey: string;
}

/** Limits on message fields beyond the tensor limits. */
export interface MessageLimits {
  /** Longest accepted string field, characters; default 256. */
  maxStringLength?: number;
}

/**
 * Where the receiver's message buffer starts relative to a 4-byte boundary: grpc-js assembles a large message
 * in a fresh buffer behind its 5-byte frame header. A wrong guess costs one copy at the receiver, nothing more.
 */
export const GRPC_MESSAGE_OFFSET = 5;
const PADDING_TAG = (15 << 3) | 2; // alignment_padding, length-delimited
const ALIGN_MIN_BYTES = 4096; // below this grpc-js pools buffers (unknown offset) and a copy is cheap anyway

/** Serialized PredictRequest (the bytes that get signed); large float data is laid out to arrive 4-byte aligned. */
export function encodePredictRequest(req: PredictRequest): Buffer {
  const msg = { competitionId: req.competitionId, roundId: req.roundId, input: encodeTensor(req.input) };
  const dataBytes = msg.input.data?.byteLength ?? 0;
  if (dataBytes < ALIGN_MIN_BYTES) return pb.PredictRequest.encode(msg).finish() as Buffer;
  // The tensor data are the last bytes of the message, so they start at len - dataBytes. Writer ops are lazy:
  // sizing this way copies nothing; finish() below copies the data once.
  const dataStart = pb.PredictRequest.encode(msg).len - dataBytes;
  const pad = (4 - ((GRPC_MESSAGE_OFFSET + 2 + dataStart) % 4)) % 4; // tag byte + length byte + pad zeros
  const w = Writer.create();
  w.uint32(PADDING_TAG).bytes(new Uint8Array(pad));
  return pb.PredictRequest.encode(msg, w).finish() as Buffer;
}

/** Parses and validates a PredictRequest; tensor data stays a view of `bytes` when aligned. */
export function decodePredictRequest(bytes: Uint8Array, limits: TensorLimits & MessageLimits = {}): PredictRequest {
  const m = decodeWith(() => pb.PredictRequest.decode(bytes), 'PredictRequest');
  return {
    competitionId: checkString(m.competitionId, 'PredictRequest.competitionId', limits),
    roundId: toSafeNumber(m.roundId, 'PredictRequest.roundId'),
    input: decodeTensor(m.input, limits, 'PredictRequest.input'),
  };
}

/** Serialized PredictResponse (the bytes the miner signs). */
export function encodePredictResponse(res: PredictResponse): Buffer {
  return pb.PredictResponse.encode({ ...res, output: encodeTensor(res.output) }).finish() as Buffer;
}

/** Parses and validates a PredictResponse. */
export function decodePredictResponse(bytes: Uint8Array, limits: TensorLimits & MessageLimits = {}): PredictResponse {
  const m = decodeWith(() => pb.PredictResponse.decode(bytes), 'PredictResponse');
  return {
    competitionId: checkString(m.competitionId, 'PredictResponse.competitionId', limits),
    roundId: toSafeNumber(m.roundId, 'PredictResponse.roundId'),
    output: decodeTensor(m.output, limits, 'PredictResponse.output'),
    checkpointHash: checkString(m.checkpointHash, 'PredictResponse.checkpointHash', limits),
    trainingStep: toSafeNumber(m.trainingStep, 'PredictResponse.trainingStep'),
    computeMicros: toSafeNumber(m.computeMicros, 'PredictResponse.computeMicros'),
  };
}

/** Serialized (empty) InfoRequest. */
export function encodeInfoRequest(): Buffer {
  return pb.InfoRequest.encode({}).finish() as Buffer;
}

/** Checks that bytes parse as an InfoRequest. */
export function decodeInfoRequest(bytes: Uint8Array): void {
  decodeWith(() => pb.InfoRequest.decode(bytes), 'InfoRequest');
}

/** Serialized InfoResponse. */
export function encodeInfoResponse(info: MinerInfo): Buffer {
  return pb.InfoResponse.encode(info).finish() as Buffer;
}

/** Parses and validates an InfoResponse. */
export function decodeInfoResponse(bytes: Uint8Array, limits: MessageLimits = {}): MinerInfo {
  const m = decodeWith(() => pb.InfoResponse.decode(bytes), 'InfoResponse');
  const s = (v: string, f: string): string => checkString(v, `InfoResponse.${f}`, limits);
  return {
    competitionId: s(m.competitionId, 'competitionId'),
    backend: s(m.backend, 'backend'),
    parameterCount: toSafeNumber(m.parameterCount, 'InfoResponse.parameterCount'),
    checkpointHash: s(m.checkpointHash, 'checkpointHash'),
    trainingStep: toSafeNumber(m.trainingStep, 'InfoResponse.trainingStep'),
    modelName: s(m.modelName, 'modelName'),
    version: s(m.version, 'version'),
    hotkey: s(m.hotkey, 'hotkey'),
  };
}

function decodeWith<T>(decode: () => T, where: string): T {
  try {
    return decode();
  } catch (e: unknown) {
    throw new ProtocolError(
      'bad-message',
      `${where}: expected protobuf bytes, decoding failed: ${e instanceof Error ? e.message : String(e)}`,
      { cause: e },
    );
  }
}

function checkString(v: string, where: string, limits: MessageLimits): string {
  const max = limits.maxStringLength ?? 256;
  if (v.length > max) throw new ProtocolError('bad-message', `${where}: expected at most ${max} characters, found ${v.length}`);
  return v;
}

/** A uint64 field as a JS number; throws when it is not exactly representable. */
function toSafeNumber(v: number | { toNumber(): number; toString(): string }, where: string): number {
  const n = typeof v === 'number' ? v : v.toNumber();
  if (!Number.isSafeInteger(n)) throw new ProtocolError('bad-message', `${where}: expected an integer < 2^53, found ${v.toString()}`);
  return n;
}
