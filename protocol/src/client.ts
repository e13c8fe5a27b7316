import { Client, credentials, Metadata, status as GrpcStatus, type ChannelOptions, type ServiceError } from '@grpc/grpc-js';
import { ProtocolError } from './errors.ts';
import {
  decodeInfoResponse,
  decodePredictResponse,
  encodeInfoRequest,
  encodePredictRequest,
  type MinerInfo,
  type PredictRequest,
  type PredictResponse,
} from './messages.ts';
import { HEALTH_SERVICE, MINER_SERVICE, ServingStatus, type ServingStatusName } from './services.ts';
import {
  ensureCryptoReady,
  isCryptoReady,
  parseResponse,
  prepareBody,
  requestMetadata,
  signPreparedRequest,
  verifySignedRecord,
  type PreparedBody,
  type SignedRecord,
  type Signer,
  type VerifyResult,
} from './signing.ts';
import type { TensorLimits } from './tensor.ts';

/** Default message size limit both ways: a batch-1024 MNIST request is ~3.2 MB, grpc's default 4 MB is too tight. */
export const DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
/** Default per-call deadline, ms. */
export const DEFAULT_DEADLINE_MS = 10_000;

/** Options of a MinerClient. */
export interface MinerClientOptions {
  /** `host:port` of the miner's axon. */
  address: string;
  /** SS58 hotkey of the miner: requests are signed for it and its responses must be signed by it. */
  minerHotkey: string;
  /** Default request signer (the validator hotkey); a call may pass its own. */
  signer?: Signer;
  /** Message size limit both ways, bytes; default 16 MiB. */
  maxMessageBytes?: number;
  /**
   * Largest answer accepted, bytes; default `maxMessageBytes`. Set it from the expected answer: grpc-js refuses a
   * larger message at its 5-byte length prefix (RESOURCE_EXHAUSTED) without reading it, and the HTTP/2 window
   * is sized to it, so a padded answer cannot make the caller buffer megabytes.
   */
  maxReceiveMessageBytes?: number;
  /** Deadline of calls that give none, ms; default 10_000. */
  defaultDeadlineMs?: number;
  /** Limits applied when decoding the answer's tensor. */
  tensorLimits?: TensorLimits;
  /** Largest accepted response signature age, ms; default 60_000. */
  maxResponseAgeMs?: number;
  /** Extra grpc-js channel options (merged over the defaults). */
  channelOptions?: ChannelOptions;
}

/** Per-call options. */
export interface CallOptions {
  /** Deadline from now, ms. */
  deadlineMs?: number;
  /** Signer for this call; default the client's. */
  signer?: Signer;
  /**
   * When to check the miner's response signature. `'now'` (default): before the call resolves; a bad one
   * rejects. `'defer'`: every other check (headers, signer, recipient, uuid, freshness, body hash) runs now,
   * the sr25519 check is left to `Signed.verify()`, which the caller must run before relying on the answer
   * (e.g. once per round, off the latency path).
   */
  verifyResponse?: 'now' | 'defer';
}

/** A Predict request serialized and hashed once, to send to many miners (`MinerClient.predictPrepared`). */
export interface PreparedPredictRequest extends PreparedBody {
  readonly kind: 'predict';
}

/**
 * Serializes and hashes a Predict request once. Each miner still gets its own signature (the Epistula message
 * names the callee), but the encoding and the sha256 of the body are shared. The body buffer must not be
 * modified afterwards.
 */
export function preparePredictRequest(req: PredictRequest): PreparedPredictRequest {
  return Object.freeze({ kind: 'predict' as const, ...prepareBody(encodePredictRequest(req)) });
}

/** A verified answer: the decoded message, the miner's signature record and the raw body it covers. */
export interface Signed<T> {
  value: T;
  /** The miner's signature over `body` (bodyHash = responseHash(body)); keep it to prove the answer. */
  record: SignedRecord;
  body: Buffer;
  /**
   * Our own signature of the request this answers (signedBy = us, signedFor = the miner, bodyHash = the request
   * body's sha256, same uuid as `record`): keep it with `record` to prove which question was asked.
   */
  request: SignedRecord;
  /** Round-trip time, ms. */
  latencyMs: number;
  /** Whether the signature in `record` has been checked and found valid (true at once unless the call deferred it). */
  readonly verified: boolean;
  /**
   * Checks the miner's signature over `record` (no-op result when already checked); never throws.
   * With `verifyResponse: 'defer'`, run this before relying on `value`.
   */
  verify(): VerifyResult;
}

/** A call that ended in a gRPC status other than OK (refused, timed out, unreachable). */
export class MinerCallError extends Error {
  override readonly name = 'MinerCallError';
  constructor(
    readonly method: string,
    readonly grpcCode: GrpcStatus,
    readonly details: string,
  ) {
    super(`${method} failed with ${GrpcStatus[grpcCode] ?? grpcCode}: ${details}`);
  }
}

/** Typed, signing, verifying client of one miner's `arena.v1.MinerService` and health service. */
export class MinerClient {
  readonly #client: Client;
  readonly #opts: MinerClientOptions;

  constructor(opts: MinerClientOptions) {
    this.#opts = opts;
    this.#client = new Client(opts.address, credentials.createInsecure(), minerChannelOptions(opts));
  }

  /** Sends a signed Predict and returns the verified answer; rejects with MinerCallError or ProtocolError. */
  async predict(req: PredictRequest, call: CallOptions = {}): Promise<Signed<PredictResponse>> {
    return this.predictPrepared(preparePredictRequest(req), call);
  }

  /**
   * Sends a request prepared once by `preparePredictRequest` (the way to ask many miners the same question:
   * no re-encoding, no re-hashing; only the signature is per miner).
   */
  async predictPrepared(prepared: PreparedPredictRequest, call: CallOptions = {}): Promise<Signed<PredictResponse>> {
    if (prepared.kind !== 'predict')
      throw new ProtocolError('bad-message', `predictPrepared: expected a prepared Predict request, found kind ${String(prepared.kind)}`);
    return this.#signedCall(MINER_SERVICE.Predict.path, prepared, call, (b) => decodePredictResponse(b, this.#opts.tensorLimits));
  }

  /** Sends a signed Info and returns the verified answer. */
  async info(call: CallOptions = {}): Promise<Signed<MinerInfo>> {
    return this.#signedCall(MINER_SERVICE.Info.path, INFO_REQUEST, call, (b) => decodeInfoResponse(b));
  }

  /** Standard health check of `service` ('' = the whole server). */
  health(opts: { deadlineMs?: number; service?: string } = {}): Promise<ServingStatusName> {
    const d = HEALTH_SERVICE.Check;
    return new Promise((resolve, reject) => {
      this.#client.makeUnaryRequest(
        d.path,
        d.requestSerialize,
        d.responseDeserialize,
        { service: opts.service ?? '' },
        new Metadata(),
        { deadline: this.#deadline(opts.deadlineMs) },
        (err, res) => {
          if (err || !res) reject(toCallError('Health/Check', err));
          else resolve((ServingStatus[res.status] ?? 'UNKNOWN') as ServingStatusName);
        },
      );
    });
  }

  /** Closes the channel. */
  close(): void {
    this.#client.close();
  }

  async #signedCall<T>(path: string, prepared: PreparedBody, call: CallOptions, decode: (b: Buffer) => T): Promise<Signed<T>> {
    const signer = call.signer ?? this.#opts.signer;
    if (!signer) throw new ProtocolError('missing-signature', `${path}: expected a signer in the call or client options, found none`);
    if (!isCryptoReady()) await ensureCryptoReady();
    const headers = signPreparedRequest(prepared, signer, this.#opts.minerHotkey);
    const started = performance.now();
    const { body: resBody, metadata } = await this.#rawCall(path, prepared.body, requestMetadata(headers), call.deadlineMs);
    const latencyMs = performance.now() - started;
    const parsed = parseResponse(resBody, metadata, {
      expectedSignedBy: this.#opts.minerHotkey,
      expectedSignedFor: headers.signedBy, // the signer's address, as cached by the signing path
      expectedUuid: headers.uuid,
      expectedRequestHash: prepared.bodyHash,
      maxAgeMs: this.#opts.maxResponseAgeMs,
    });
    if (!parsed.ok) throw new ProtocolError(parsed.code, `${path}: response signature: ${parsed.reason}`);
    const record = parsed.record;
    let result: VerifyResult | undefined;
    const verify = (): VerifyResult => (result ??= verifySignedRecord(record));
    if (call.verifyResponse !== 'defer') {
      const v = verify();
      if (!v.ok) throw new ProtocolError(v.code, `${path}: response signature: ${v.reason}`);
    }
    const value = decode(resBody);
    const request: SignedRecord = {
      bodyHash: prepared.bodyHash,
      uuid: headers.uuid,
      timestampMs: Number(headers.timestamp),
      signedBy: headers.signedBy,
      signedFor: headers.signedFor,
      signature: headers.signature,
    };
    return {
      value,
      record,
      body: resBody,
      request,
      latencyMs,
      verify,
      get verified() {
        return result?.ok === true;
      },
    };
  }

  #rawCall(path: string, body: Buffer, md: Metadata, deadlineMs: number | undefined): Promise<{ body: Buffer; metadata: Metadata }> {
    return new Promise((resolve, reject) => {
      let metadata = new Metadata();
      const c = this.#client.makeUnaryRequest(
        path,
        (b: Buffer) => b,
        (b: Buffer) => b,
        body,
        md,
        { deadline: this.#deadline(deadlineMs) },
        (err, res) => {
          if (err || !res) reject(toCallError(path, err));
          else resolve({ body: res, metadata });
        },
      );
      c.on('metadata', (m: Metadata) => {
        metadata = m;
      });
    });
  }

  #deadline(ms: number | undefined): number {
    return Date.now() + (ms ?? this.#opts.defaultDeadlineMs ?? DEFAULT_DEADLINE_MS);
  }
}

const INFO_REQUEST = prepareBody(encodeInfoRequest());

/** Channel options a miner client uses: message limits both ways and a large HTTP/2 flow-control window. */
export function minerChannelOptions(opts: {
  maxMessageBytes?: number;
  maxReceiveMessageBytes?: number;
  channelOptions?: ChannelOptions;
}): ChannelOptions {
  const max = opts.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const receive = Math.min(max, opts.maxReceiveMessageBytes ?? max);
  return {
    'grpc.max_send_message_length': max,
    'grpc.max_receive_message_length': receive,
    // What a miner may push before we read: no more than one answer (HTTP/2's floor is 64 KiB).
    'grpc-node.flow_control_window': Math.max(65_535, receive),
    // Each MinerClient is one miner; do not share subchannels between clients of the same address.
    'grpc.use_local_subchannel_pool': 1,
    ...opts.channelOptions,
  };
}

function toCallError(method: string, err: ServiceError | null | undefined): MinerCallError {
  if (!err) return new MinerCallError(method, GrpcStatus.INTERNAL, 'empty response');
  return new MinerCallError(method, err.code, err.details);
}
