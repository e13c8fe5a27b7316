import { status as GrpcStatus } from '@grpc/grpc-js';

/** Why a request or message was refused; each code maps to one gRPC status (see `grpcStatusOf`). */
export type ProtocolErrorCode =
  | 'bad-dtype'
  | 'bad-shape'
  | 'bad-length'
  | 'too-large'
  | 'bad-message'
  | 'wrong-competition'
  | 'non-finite'
  | 'missing-signature'
  | 'bad-signature'
  | 'wrong-recipient'
  | 'stale'
  | 'replayed'
  | 'unregistered'
  | 'no-permit'
  | 'low-stake'
  | 'relayed'
  | 'rate-limited'
  | 'unavailable'
  | 'internal';

const STATUS_OF: Record<ProtocolErrorCode, GrpcStatus> = {
  'bad-dtype': GrpcStatus.INVALID_ARGUMENT,
  'bad-shape': GrpcStatus.INVALID_ARGUMENT,
  'bad-length': GrpcStatus.INVALID_ARGUMENT,
  'bad-message': GrpcStatus.INVALID_ARGUMENT,
  'wrong-competition': GrpcStatus.INVALID_ARGUMENT,
  'non-finite': GrpcStatus.INVALID_ARGUMENT,
  'too-large': GrpcStatus.RESOURCE_EXHAUSTED,
  'missing-signature': GrpcStatus.UNAUTHENTICATED,
  'bad-signature': GrpcStatus.UNAUTHENTICATED,
  'wrong-recipient': GrpcStatus.UNAUTHENTICATED,
  // A stale timestamp is a credential problem (the signature no longer authenticates), not a state problem.
  stale: GrpcStatus.UNAUTHENTICATED,
  // ALREADY_EXISTS rather than UNAUTHENTICATED so an honest validator that reuses a uuid sees its own bug.
  replayed: GrpcStatus.ALREADY_EXISTS,
  unregistered: GrpcStatus.PERMISSION_DENIED,
  'no-permit': GrpcStatus.PERMISSION_DENIED,
  'low-stake': GrpcStatus.PERMISSION_DENIED,
  // A batch another caller sent moments ago (miner relay guard): the caller forwards, it does not validate.
  relayed: GrpcStatus.PERMISSION_DENIED,
  'rate-limited': GrpcStatus.RESOURCE_EXHAUSTED,
  unavailable: GrpcStatus.UNAVAILABLE,
  internal: GrpcStatus.INTERNAL,
};

/** An error at the validator-miner wire, with a code that maps to a gRPC status. */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
  readonly code: ProtocolErrorCode;

  constructor(code: ProtocolErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  /** The gRPC status this error is sent as. */
  get grpcStatus(): GrpcStatus {
    return grpcStatusOf(this.code);
  }

  toJSON(): { name: string; code: ProtocolErrorCode; message: string } {
    return { name: this.name, code: this.code, message: this.message };
  }
}

/** The gRPC status a protocol error code is sent as. */
export function grpcStatusOf(code: ProtocolErrorCode): GrpcStatus {
  return STATUS_OF[code];
}

/** Whether a value is a ProtocolError (works across module copies). */
export function isProtocolError(e: unknown): e is ProtocolError {
  return e instanceof ProtocolError || (e instanceof Error && e.name === 'ProtocolError' && 'code' in e);
}

/** A `{ code, details }` pair for a gRPC callback from any thrown value; unknown errors become INTERNAL. */
export function toGrpcStatus(e: unknown): { code: GrpcStatus; details: string } {
  if (isProtocolError(e)) return { code: grpcStatusOf(e.code), details: `${e.code}: ${e.message}` };
  const message = e instanceof Error ? e.message : String(e);
  return { code: GrpcStatus.INTERNAL, details: `internal: ${message}` };
}
