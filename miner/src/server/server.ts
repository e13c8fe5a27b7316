import type { Http2Server, ServerHttp2Session } from 'node:http2';
import { status as GrpcStatus, type Metadata, Server, ServerCredentials, type ServerUnaryCall, type sendUnaryData } from '@grpc/grpc-js';
import { type Logger, pino } from 'pino';
import {
  DEFAULT_MAX_MESSAGE_BYTES,
  decodeInfoRequest,
  encodeInfoResponse,
  ensureCryptoReady,
  HEALTH_SERVICE as HEALTH_SERVICE_DEF,
  isProtocolError,
  MINER_SERVICE,
  ProtocolError,
  responseMetadata,
  type Signer,
  signResponse,
  toGrpcStatus,
} from '#protocol';
import { type AccessDeps, authorize, type FreshnessOptions } from './access.ts';
import { type AdmissionLimits, addressOf, admissionInterceptor } from './admission.ts';
import type { CallerDirectory } from './caller-directory.ts';
import { type ConnectionLimits, guardConnections } from './connection-guard.ts';
import { HealthService } from './health.ts';
import { createMinerMetrics, type MinerMetrics } from './metrics.ts';
import { handlePredict, type InfoSource, type PredictLimits, type Predictor } from './predict.ts';
import { ProvenSources } from './proven-sources.ts';
import { type RateLimitOptions, TokenBucketLimiter } from './rate-limit.ts';
import { RefusalLog } from './refusal-log.ts';
import type { RelayGuardOptions } from './relay-guard.ts';
import { RelayGuardThread } from './relay-guard-thread.ts';
import { ReplayCache } from './replay-cache.ts';

/** Limits of the miner server. */
export interface MinerServerLimits extends PredictLimits, FreshnessOptions {
  /** Largest message either way, bytes; default 16 MiB. Bigger requests get RESOURCE_EXHAUSTED from grpc-js. */
  maxMessageBytes?: number;
  /** Most MinerService calls served at once; more get UNAVAILABLE (retry later); default 256. */
  maxInFlight?: number;
  /** Most unexpired request uuids remembered per caller (a full share refuses new ones); default 1024. */
  replayCacheSize?: number;
  /** HTTP/2 receive window per connection and stream, bytes; default maxMessageBytes (0 keeps Node's 64 KiB). */
  http2WindowBytes?: number;
  /** Largest HTTP/2 frame callers may send, bytes (16 KiB..16 MiB - 1); default 16 KiB (Node's). */
  http2MaxFrameBytes?: number;
  /** Refusals are logged in full once per reason per interval, the rest counted in one line; ms, default 10_000. */
  refusalLogIntervalMs?: number;
  /** Budgets spent on headers before any body is read or verified, and in-flight byte caps (`admission.ts`). */
  admission?: AdmissionLimits;
  /** Connections: per-address and total caps, handshake and idle timeouts (`connection-guard.ts`). */
  connections?: ConnectionLimits;
  /** Most concurrent calls on one connection (grpc.max_concurrent_streams); default 64. */
  maxStreamsPerConnection?: number;
  /** Refuse Predict batches another caller sent moments ago (`relay-guard.ts`); false turns it off; default on. */
  relayGuard?: RelayGuardOptions | false;
}

/** Everything the miner daemon plugs into the server. */
export interface MinerServerOptions {
  predictor: Predictor;
  info: InfoSource;
  callerDirectory: CallerDirectory;
  /** The miner's hotkey pair: requests must be signed for it; it signs responses. */
  hotkey: Signer;
  limits: MinerServerLimits;
  rateLimit?: RateLimitOptions;
  logger?: Logger;
  /** Instruments to record into; default a fresh set in its own registry. */
  metrics?: MinerMetrics;
  /** Clock, ms; default Date.now (tests move it). */
  now?: () => number;
}

/** A running (or startable) miner gRPC server. */
export interface MinerServer {
  start(host: string, port: number): Promise<{ port: number }>;
  /** Graceful shutdown, forced after `graceMs` (default 2_000). */
  stop(graceMs?: number): Promise<void>;
  health: HealthService;
  metrics: MinerMetrics;
}

type Outcome =
  | { ok: true; body: Buffer; metadata: Metadata }
  | { ok: false; code: GrpcStatus; details: string; reason: string; caller?: string };

/** The reason code of a refusal: the protocol error code, else `internal`. */
function reasonOf(e: unknown): string {
  return isProtocolError(e) ? e.code : 'internal';
}

/** Creates the miner's gRPC server: MinerService (signed, access-controlled) plus grpc.health.v1.Health. */
export function createMinerServer(opts: MinerServerOptions): MinerServer {
  const log = (opts.logger ?? pino({ level: 'silent' })).child({ component: 'miner.server' });
  const metrics = opts.metrics ?? createMinerMetrics();
  const limits = opts.limits;
  const maxAgeMs = limits.maxAgeMs ?? 60_000;
  const maxFutureMs = limits.maxFutureMs ?? 5_000;
  const access: AccessDeps = {
    minerHotkey: opts.hotkey.address,
    callerDirectory: opts.callerDirectory,
    replay: new ReplayCache({ ttlMs: maxAgeMs + maxFutureMs, capacity: limits.replayCacheSize ?? 1024 }),
    limiter: new TokenBucketLimiter(opts.rateLimit),
    now: opts.now ?? Date.now,
    maxAgeMs,
    maxFutureMs,
  };
  const health = new HealthService(['arena.v1.MinerService']);
  const refusals = new RefusalLog(log, limits.refusalLogIntervalMs);
  const maxInFlight = limits.maxInFlight ?? 256;
  let inFlight = 0;
  const maxBytes = limits.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const proven = new ProvenSources();
  const admit = admissionInterceptor(
    access,
    { ...limits.admission, maxMessageBytes: maxBytes },
    (r) => {
      refusals.record({
        caller: r.caller,
        reason: r.reason,
        details: r.details,
        method: r.method,
        code: GrpcStatus[r.code] ?? String(r.code),
      });
      metrics.requests.inc({ method: r.method, status: GrpcStatus[r.code] });
      metrics.refusals.inc({ reason: r.reason });
    },
    proven,
  );
  const server = new Server({
    'grpc.max_receive_message_length': maxBytes,
    'grpc.max_send_message_length': maxBytes,
    interceptors: [admit],
    'grpc.max_connection_idle_ms': limits.connections?.idleTimeoutMs ?? 60_000,
    'grpc.max_concurrent_streams': limits.maxStreamsPerConnection ?? 64,
    // Probe a connection silent for a minute; drop it when the probe is not answered in 20 s (a dead peer).
    'grpc.keepalive_time_ms': 60_000,
    'grpc.keepalive_timeout_ms': 20_000,
  });

  /** Wraps a method: access control, then `impl`, then the signed answer; exactly one callback per call. */
  function guarded(method: string, impl: (body: Buffer, caller: string) => Promise<Buffer>) {
    return (call: ServerUnaryCall<Buffer, Buffer>, callback: sendUnaryData<Buffer>): void => {
      const started = performance.now();
      void serve(call, impl).then((o) => respond(method, call, callback, o, started));
    };
  }

  /** The single exit of every MinerService call; never throws (a throw here would be an unhandled rejection). */
  function respond(
    method: string,
    call: ServerUnaryCall<Buffer, Buffer>,
    callback: sendUnaryData<Buffer>,
    o: Outcome,
    started: number,
  ): void {
    try {
      if (o.ok) {
        call.sendMetadata(o.metadata);
        callback(null, o.body);
      } else {
        refusals.record({ caller: o.caller, reason: o.reason, details: o.details, method, code: GrpcStatus[o.code] ?? String(o.code) });
        metrics.refusals.inc({ reason: o.reason });
        callback({ code: o.code, details: o.details });
      }
      metrics.requests.inc({ method, status: GrpcStatus[o.ok ? GrpcStatus.OK : o.code] });
      metrics.latency.observe({ method }, (performance.now() - started) / 1000);
    } catch (err: unknown) {
      log.error({ err, method }, 'response failed'); // e.g. the call was torn down meanwhile
    }
  }

  /** Never rejects: every failure becomes an Outcome. */
  async function serve(call: ServerUnaryCall<Buffer, Buffer>, impl: (body: Buffer, caller: string) => Promise<Buffer>): Promise<Outcome> {
    let caller: string | undefined;
    inFlight++;
    try {
      const body = call.request;
      const who = authorize(body, call.metadata, access);
      caller = who.hotkey;
      proven.add(who.hotkey, addressOf(call.getPeer()), access.now());
      if (inFlight > maxInFlight)
        throw new ProtocolError('unavailable', `server busy: ${inFlight - 1} calls in flight, limit ${maxInFlight}`);
      const resBody = await impl(body, who.hotkey);
      const headers = signResponse(
        resBody,
        opts.hotkey,
        { uuid: who.record.uuid, validatorHotkey: who.hotkey, requestBodyHash: who.record.bodyHash },
        { nowMs: access.now() },
      );
      return { ok: true, body: resBody, metadata: responseMetadata(headers) };
    } catch (e: unknown) {
      const s = toGrpcStatus(e);
      return { ok: false, ...s, reason: reasonOf(e), caller: caller ?? claimedCaller(call.metadata) };
    } finally {
      inFlight--;
    }
  }

  const predictDeps = { predictor: opts.predictor, info: opts.info, limits };
  // Off the event loop: fingerprinting a batch takes ~12 ms per 256 samples (relay-guard-thread.ts).
  const relay = limits.relayGuard === false ? undefined : new RelayGuardThread(limits.relayGuard);
  server.addService(MINER_SERVICE, {
    Predict: guarded('Predict', (body, caller) =>
      handlePredict(
        body,
        relay
          ? {
              ...predictDeps,
              screen: async (input, batch) => {
                await relay.check(caller, input, batch, access.now());
              },
            }
          : predictDeps,
      ),
    ),
    Info: guarded('Info', async (body) => {
      decodeInfoRequest(body);
      return encodeInfoResponse({ ...opts.info(), hotkey: opts.hotkey.address });
    }),
  });
  server.addService(HEALTH_SERVICE_DEF, health.handlers);

  return {
    health,
    metrics,
    async start(host, port) {
      await ensureCryptoReady();
      // The relay guard's worker loads while the port binds: listening means the first Predict is answered at once.
      const [bound] = await Promise.all([
        new Promise<number>((resolve, reject) =>
          server.bindAsync(`${host}:${port}`, ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
        ),
        relay?.ready().catch((e: unknown) => {
          server.forceShutdown();
          throw e;
        }),
      ]);
      widenHttp2Windows(server, limits.http2WindowBytes ?? maxBytes, log, limits.http2MaxFrameBytes);
      guardConnections(server, limits.connections ?? {}, log);
      log.info({ host, port: bound }, 'miner server listening');
      return { port: bound };
    },
    stop(graceMs = 2_000) {
      health.shutdown();
      refusals.flush();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => server.forceShutdown(), graceMs);
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve(relay?.close());
        });
      });
    },
  };
}

/**
 * grpc-js (1.14) has no server option for the HTTP/2 flow-control window, so a large request crawls through
 * Node's default 64 KiB window one round trip at a time. We reach the Node http2 servers grpc-js created and
 * widen each new session's window. `http2Servers` is a private field: if a grpc-js update renames it, this
 * logs a warning and the server still works, only slower for large messages.
 */
export function widenHttp2Windows(server: Server, windowBytes: number, log: Logger, maxFrameBytes?: number): void {
  if (windowBytes <= 0) return;
  const servers = (server as unknown as { http2Servers?: unknown }).http2Servers;
  if (!(servers instanceof Map)) {
    log.warn({ windowBytes }, 'cannot widen HTTP/2 windows: grpc-js internals changed');
    return;
  }
  const size = Math.min(windowBytes, 2 ** 31 - 1);
  for (const h of servers.keys() as IterableIterator<Http2Server>) {
    // Stream windows: the SETTINGS every new session starts with. Connection window: per session, below.
    h.updateSettings(maxFrameBytes ? { initialWindowSize: size, maxFrameSize: maxFrameBytes } : { initialWindowSize: size });
    h.on('session', (session: ServerHttp2Session) => {
      try {
        session.setLocalWindowSize(size);
      } catch (e: unknown) {
        log.debug({ err: e }, 'HTTP/2 connection window not widened'); // the session was already closing
      }
    });
  }
}

/** The signer a refused request claims (unverified, for the refusal log only). */
function claimedCaller(md: Metadata): string | undefined {
  const v = md.get('epistula-signed-by')[0];
  return typeof v === 'string' ? v.slice(0, 64) : undefined;
}
