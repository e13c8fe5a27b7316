/**
 * Admission of MinerService calls on their headers, before a byte of the body is read: a grpc-js server
 * interceptor. grpc-js pauses each HTTP/2 stream until the handler asks to read, so a call refused here is
 * answered (trailers only) and its stream reset without ever buffering its body. What is checked here costs no
 * crypto: header formats, recipient and freshness; the caller's registration, permit and stake; and the budgets
 * that must be spent *before* the costly sha256 + sr25519 check of the body (per remote address, per claimed
 * hotkey, and verifications per second overall), so a flood of forged requests naming a real validator cannot
 * hold a core. A (hotkey, address) that has already sent a verified request (`ProvenSources`) skips the shared
 * per-hotkey bucket and the verification budget for a bucket of its own, so forgers naming a validator from
 * elsewhere spend neither. Admitted calls then count the bytes they send against a per-connection and a total
 * in-flight cap, and must keep sending at a minimum rate (`in-flight.ts`).
 */
import {
  ServerInterceptingCall,
  type status as GrpcStatus,
  type Metadata,
  type ServerInterceptingCallInterface,
  type ServerInterceptor,
} from '@grpc/grpc-js';
import { constants as http2Constants, type ServerHttp2Stream } from 'node:http2';
import { ProtocolError, grpcStatusOf, parseHeaders } from '#protocol';
import { checkCaller, type AccessDeps } from './access.ts';
import { InFlightBytes, trackStream } from './in-flight.ts';
import { ProvenSources } from './proven-sources.ts';
import { TokenBucketLimiter } from './rate-limit.ts';

/** Pre-verification budgets and in-flight caps; every field optional. */
export interface AdmissionLimits {
  /** Calls per second admitted per remote IP address before any signature work; default 200 (burst 2x). */
  perAddressPerSec?: number;
  /** Calls per second admitted per claimed hotkey before its signature is checked; default 50 (burst 2x), as the verified limit. */
  perHotkeyPerSec?: number;
  /** Signature verifications per second over all callers (sha256 + sr25519 each); default 500 (burst 1x). */
  verifyPerSec?: number;
  /** Body bytes read but not yet answered, per connection; default 2 x the message limit. */
  maxInFlightBytesPerConnection?: number;
  /** Body bytes read but not yet answered, over all connections; default 8 x the message limit. */
  maxInFlightBytes?: number;
  /** An admitted body must arrive at this rate in every `bodyGraceMs` window until complete, bytes/s; 0: no check; default 256 KiB/s. */
  minBodyBytesPerSec?: number;
  /** The window of that check, ms; default 5_000. */
  bodyGraceMs?: number;
}

/** A refusal decided on headers, for the refusal log and metrics. */
export interface AdmissionRefusal {
  method: string;
  code: GrpcStatus;
  reason: string;
  details: string;
  caller?: string;
}

const SERVICE_PREFIX = '/arena.v1.MinerService/';

/** The interceptor; `onRefused` is called once per call refused here. */
export function admissionInterceptor(
  deps: AccessDeps,
  limits: AdmissionLimits & { maxMessageBytes: number },
  onRefused: (r: AdmissionRefusal) => void,
  proven: ProvenSources = new ProvenSources(),
): ServerInterceptor {
  const perAddress = new TokenBucketLimiter({ ratePerSec: limits.perAddressPerSec ?? 200, burst: 2 * (limits.perAddressPerSec ?? 200) });
  const perHotkey = new TokenBucketLimiter({ ratePerSec: limits.perHotkeyPerSec ?? 50, burst: 2 * (limits.perHotkeyPerSec ?? 50) });
  // Same rate as the shared per-hotkey bucket, but one per proven (hotkey, address): forgers elsewhere cannot drain it.
  const perSource = new TokenBucketLimiter({ ratePerSec: limits.perHotkeyPerSec ?? 50, burst: 2 * (limits.perHotkeyPerSec ?? 50) });
  const verifies = new TokenBucketLimiter({ ratePerSec: limits.verifyPerSec ?? 500, burst: limits.verifyPerSec ?? 500 });
  const inFlight = new InFlightBytes({
    perConnection: limits.maxInFlightBytesPerConnection ?? 2 * limits.maxMessageBytes,
    total: limits.maxInFlightBytes ?? 8 * limits.maxMessageBytes,
    minBodyBytesPerSec: limits.minBodyBytesPerSec ?? 256 * 1024,
    bodyGraceMs: limits.bodyGraceMs ?? 5_000,
  });

  /** Undefined when the call may proceed to reading its body; else why not. */
  function decide(metadata: Metadata, address: string): ProtocolError | undefined {
    const nowMs = deps.now();
    const parsed = parseHeaders(metadata, 'request', {
      expectedSignedFor: deps.minerHotkey,
      nowMs,
      maxAgeMs: deps.maxAgeMs,
      maxFutureMs: deps.maxFutureMs,
    });
    if (!parsed.ok) return new ProtocolError(parsed.code, parsed.reason);
    const hotkey = parsed.headers.signedBy;
    try {
      checkCaller(hotkey, deps);
    } catch (e: unknown) {
      return e instanceof ProtocolError ? e : new ProtocolError('unavailable', String(e));
    }
    if (!perAddress.tryTake(address, nowMs)) return new ProtocolError('rate-limited', `address ${address} is over its rate limit`);
    if (proven.has(hotkey, address, nowMs)) {
      if (!perSource.tryTake(`${hotkey}@${address}`, nowMs))
        return new ProtocolError('rate-limited', `caller ${hotkey} at ${address} is over its unverified-request rate limit`);
      return undefined;
    }
    if (!perHotkey.tryTake(hotkey, nowMs))
      return new ProtocolError('rate-limited', `caller ${hotkey} is over its unverified-request rate limit`);
    if (!verifies.tryTake('*', nowMs))
      return new ProtocolError('unavailable', 'signature verification budget spent for now; retry shortly');
    return undefined;
  }

  return (method, call) => {
    if (!method.path.startsWith(SERVICE_PREFIX)) return new ServerInterceptingCall(call);
    return new ServerInterceptingCall(call, {
      start: (next) =>
        next({
          onReceiveMetadata: (metadata, proceed) => {
            const stream = streamOf(call);
            const refuse = (refusal: ProtocolError): void => {
              const code = grpcStatusOf(refusal.code);
              const details = `${refusal.code}: ${refusal.message}`;
              onRefused({
                method: method.path.slice(SERVICE_PREFIX.length),
                code,
                reason: refusal.code,
                details,
                caller: claimed(metadata),
              });
              call.sendStatus({ code, details });
              // The rest of the body is never read: reset the stream so the client stops sending and buffered bytes are dropped.
              if (stream !== undefined) setImmediate(() => closeQuietly(stream, http2Constants.NGHTTP2_NO_ERROR));
            };
            const refusal = decide(metadata, addressOf(call.getPeer()));
            if (refusal !== undefined) {
              refuse(refusal);
              return;
            }
            if (stream !== undefined)
              trackStream(stream, inFlight, limits.maxMessageBytes, (why) => refuse(new ProtocolError('rate-limited', why)));
            proceed(metadata);
          },
        }),
    });
  };
}

function closeQuietly(stream: ServerHttp2Stream, code: number): void {
  try {
    if (!stream.closed && !stream.destroyed) stream.close(code);
  } catch {
    // Already torn down by the client: nothing left to release.
  }
}

/**
 * The HTTP/2 stream under a call. grpc-js (1.14) keeps it in a private `stream` field of the innermost call;
 * when an update renames it, admission still refuses on headers (the body stays unread) and only the
 * stream reset and byte accounting are skipped.
 */
function streamOf(call: ServerInterceptingCallInterface): ServerHttp2Stream | undefined {
  const s = (call as unknown as { stream?: unknown }).stream;
  return typeof s === 'object' && s !== null && typeof (s as ServerHttp2Stream).close === 'function' ? (s as ServerHttp2Stream) : undefined;
}

/** The IP of a `host:port` or `[v6]:port` peer string. */
export function addressOf(peer: string): string {
  const v6 = /^\[(.*)\]:\d+$/.exec(peer);
  if (v6) return v6[1]!;
  const i = peer.lastIndexOf(':');
  return i > 0 && peer.indexOf(':') === i ? peer.slice(0, i) : peer;
}

function claimed(md: Metadata): string | undefined {
  const v = md.get('epistula-signed-by')[0];
  return typeof v === 'string' ? v.slice(0, 64) : undefined;
}
