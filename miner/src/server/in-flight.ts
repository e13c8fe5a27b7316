/**
 * Request bytes held by admitted calls, per connection and in total. A call reserves its whole message as soon as
 * the 5-byte gRPC prefix declares its length, so when several large calls arrive at once on one connection the
 * ones that fit are read in full and the excess are refused on their first bytes, with RESOURCE_EXHAUSTED naming
 * the cap. Counting bytes as they arrived instead read the interleaved streams side by side until one crossed the
 * cap, then reset it with a bare RST_STREAM (six concurrent 15 MiB calls on one connection: four were reset
 * part-read, with no reason given).
 */
import type { Http2Session, ServerHttp2Stream } from 'node:http2';

/** Both caps, bytes. */
export interface InFlightCaps {
  perConnection: number;
  total: number;
}

/** Reservations of request bytes, per HTTP/2 session and in total. */
export class InFlightBytes {
  #total = 0;
  readonly #perSession = new WeakMap<Http2Session, number>();
  readonly caps: InFlightCaps;

  constructor(caps: InFlightCaps) {
    this.caps = caps;
  }

  /** Reserves `n` more bytes on `session`; undefined when done, else why not (nothing is reserved then). */
  reserve(session: Http2Session | undefined, n: number): string | undefined {
    const onConnection = (session ? (this.#perSession.get(session) ?? 0) : 0) + n;
    if (onConnection > this.caps.perConnection)
      return `requests on this connection would hold ${mib(onConnection)} in flight, over its cap of ${mib(this.caps.perConnection)}; retry once earlier calls are answered`;
    if (this.#total + n > this.caps.total)
      return `requests would hold ${mib(this.#total + n)} in flight on this server, over its cap of ${mib(this.caps.total)}; retry shortly`;
    this.#total += n;
    if (session) this.#perSession.set(session, onConnection);
    return undefined;
  }

  release(session: Http2Session | undefined, n: number): void {
    this.#total -= n;
    if (session) this.#perSession.set(session, (this.#perSession.get(session) ?? n) - n);
  }

  /** Bytes reserved over all connections. */
  get total(): number {
    return this.#total;
  }
}

/**
 * Reserves what an admitted call's stream will hold: the declared message (5-byte prefix plus length) once the
 * prefix is in, or the bytes seen when more arrive. `onOver` is called once, with the reason, when a reservation
 * is refused; the caller then refuses the call. A declared length over `maxMessageBytes` is left to grpc-js,
 * which refuses it itself (RESOURCE_EXHAUSTED) without buffering it.
 */
export function trackStream(stream: ServerHttp2Stream, bytes: InFlightBytes, maxMessageBytes: number, onOver: (why: string) => void): void {
  const session = stream.session;
  let reserved = 0;
  let seen = 0;
  let prefix = Buffer.alloc(0);
  let declared = 0;
  let done = false;
  // grpc-js paused the stream; a 'data' listener added now does not resume it, it only sees what grpc-js reads.
  stream.on('data', (chunk: Buffer) => {
    if (done) return;
    seen += chunk.length;
    if (prefix.length < 5) {
      prefix = Buffer.concat([prefix, chunk.subarray(0, 5 - prefix.length)]);
      if (prefix.length === 5) declared = 5 + prefix.readUInt32BE(1);
    }
    if (declared - 5 > maxMessageBytes) {
      done = true;
      return;
    }
    const need = Math.max(seen, declared);
    if (need <= reserved) return;
    const why = bytes.reserve(session, need - reserved);
    if (why === undefined) {
      reserved = need;
      return;
    }
    done = true;
    onOver(why);
  });
  stream.once('close', () => bytes.release(session, reserved));
}

function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}
