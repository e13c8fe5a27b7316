/**
 * Request bytes held by admitted calls, per connection and in total. A call reserves its whole message as soon as
 * the 5-byte gRPC prefix declares its length, so when several large calls arrive at once on one connection the
 * ones that fit are read in full and the excess are refused on their first bytes, with RESOURCE_EXHAUSTED naming
 * the cap. Counting bytes only as they arrived let interleaved streams cross the cap together: of six concurrent
 * 15 MiB calls on one connection four were reset part-read, with no reason given (and with a refusal at the
 * crossing instead of a reset, all 24 of 6 connections x 4 were refused, none read).
 * A body must also keep arriving: in every `bodyGraceMs` window at least `minBodyBytesPerSec` on average until it
 * is complete, else it is refused and its reservation released. Without that, eight forged calls naming a
 * validator that sent all but the last byte of 16 MiB bodies held the whole 128 MiB cap for as long as they stayed
 * open (no timeout applies to a body), and every validator was refused meanwhile; now holding the cap costs an
 * attacker 8 x 256 KiB/s of upload.
 */
import type { Http2Session, ServerHttp2Stream } from 'node:http2';

/** Both caps, bytes, and how fast a body must keep arriving. */
export interface InFlightCaps {
  perConnection: number;
  total: number;
  /** Least body rate over each `bodyGraceMs` window until the body is complete, bytes/s; 0 turns the check off. */
  minBodyBytesPerSec: number;
  bodyGraceMs: number;
}

/** Request bytes held, per HTTP/2 session and in total. */
export class InFlightBytes {
  #total = 0;
  readonly #perSession = new WeakMap<Http2Session, number>();
  readonly caps: InFlightCaps;

  constructor(caps: InFlightCaps) {
    this.caps = caps;
  }

  /** Why `n` more bytes on `session` would pass a cap, or undefined when they fit. */
  wouldRefuse(session: Http2Session | undefined, n: number): string | undefined {
    const onConnection = (session ? (this.#perSession.get(session) ?? 0) : 0) + n;
    if (onConnection > this.caps.perConnection)
      return `requests on this connection would hold ${mib(onConnection)} in flight, over its cap of ${mib(this.caps.perConnection)}; retry once earlier calls are answered`;
    if (this.#total + n > this.caps.total)
      return `requests would hold ${mib(this.#total + n)} in flight on this server, over its cap of ${mib(this.caps.total)}; retry shortly`;
    return undefined;
  }

  /** Reserves `n` more bytes on `session`; undefined when done, else why not (nothing is reserved then). */
  reserve(session: Http2Session | undefined, n: number): string | undefined {
    const why = this.wouldRefuse(session, n);
    if (why !== undefined) return why;
    this.#total += n;
    if (session) this.#perSession.set(session, (this.#perSession.get(session) ?? 0) + n);
    return undefined;
  }

  release(session: Http2Session | undefined, n: number): void {
    this.#total -= n;
    if (session) this.#perSession.set(session, (this.#perSession.get(session) ?? n) - n);
  }

  /** Bytes held over all connections. */
  get total(): number {
    return this.#total;
  }
}

/**
 * Reserves what an admitted call's stream will hold: the declared message (prefix plus length) once the prefix is
 * in, or the bytes received when more arrive. `onOver` is called once, with the reason, when a reservation is
 * refused or the body arrives too slowly; the caller then refuses the call. A declared length over
 * `maxMessageBytes` is left to grpc-js, which refuses it (RESOURCE_EXHAUSTED) unread.
 */
export function trackStream(stream: ServerHttp2Stream, bytes: InFlightBytes, maxMessageBytes: number, onOver: (why: string) => void): void {
  const session = stream.session;
  let reserved = 0;
  let received = 0;
  let prefix = Buffer.alloc(0);
  let declared = 0;
  let done = false;
  const stop = (why: string): void => {
    done = true;
    onOver(why);
  };
  const stopWatch = watchRate(bytes.caps, () => (done || (declared > 0 && received >= declared) ? 'complete' : received), stop);
  // grpc-js paused the stream; a 'data' listener added now does not resume it, it only sees what grpc-js reads.
  stream.on('data', (chunk: Buffer) => {
    if (done) return;
    received += chunk.length;
    if (prefix.length < 5) {
      prefix = Buffer.concat([prefix, chunk.subarray(0, 5 - prefix.length)]);
      if (prefix.length === 5) declared = 5 + prefix.readUInt32BE(1);
    }
    if (declared - 5 > maxMessageBytes) {
      done = true;
      return;
    }
    const need = Math.max(received, declared);
    if (need <= reserved) return;
    const why = bytes.reserve(session, need - reserved);
    if (why !== undefined) return stop(why);
    reserved = need;
  });
  stream.once('close', () => {
    stopWatch();
    bytes.release(session, reserved);
  });
}

/**
 * Every `bodyGraceMs` until the body is complete, checks that `received()` grew by at least `minBodyBytesPerSec`
 * over the window; calls `onSlow` once when not. Returns a stop.
 */
function watchRate(caps: InFlightCaps, received: () => number | 'complete', onSlow: (why: string) => void): () => void {
  if (caps.minBodyBytesPerSec <= 0) return () => undefined;
  const need = (caps.minBodyBytesPerSec * caps.bodyGraceMs) / 1000;
  let last = 0;
  const check = (): void => {
    const got = received();
    if (got === 'complete') return;
    if (got - last < need) {
      onSlow(
        `the request body arrived at ${kib(((got - last) * 1000) / caps.bodyGraceMs)}/s over the last ${caps.bodyGraceMs} ms (${kib(got)} in all), below the minimum ${kib(caps.minBodyBytesPerSec)}/s`,
      );
      return;
    }
    last = got;
    timer.refresh();
  };
  const timer = setTimeout(check, caps.bodyGraceMs);
  timer.unref();
  return () => clearTimeout(timer);
}

function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
