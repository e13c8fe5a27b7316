/**
 * Connection limits grpc-js (1.14) has no option for: a cap on TCP connections per remote address and in
 * total, and a handshake timeout (a connection that has not sent its HTTP/2 SETTINGS in time is destroyed).
 * Idle connections that did handshake are closed by grpc-js itself (`grpc.max_connection_idle_ms`, set by the
 * server). Without these, 1,100 idle TCP connections exhausted a 1024 open-file limit and the miner stopped
 * accepting validators.
 */
import type { Server as GrpcServer } from '@grpc/grpc-js';
import type { Http2Server, ServerHttp2Session } from 'node:http2';
import type { Socket } from 'node:net';
import type { Logger } from 'pino';

/** Connection limits; every field optional. */
export interface ConnectionLimits {
  /** Most open connections from one remote IP; more are closed at once; default 32. */
  maxConnectionsPerAddress?: number;
  /** Most open connections overall; default 512 (below a 1024 open-file limit). */
  maxConnections?: number;
  /** A connection must complete the HTTP/2 handshake (client SETTINGS) within this, ms; default 5_000. */
  handshakeTimeoutMs?: number;
  /** A connection without calls for this long is closed (grpc.max_connection_idle_ms), ms; default 60_000. */
  idleTimeoutMs?: number;
}

/** The Node HTTP/2 servers under a grpc-js server (private field; empty when grpc-js internals change). */
export function http2ServersOf(server: GrpcServer): Http2Server[] {
  const servers = (server as unknown as { http2Servers?: unknown }).http2Servers;
  return servers instanceof Map ? [...(servers.keys() as IterableIterator<Http2Server>)] : [];
}

/** Applies the limits to every HTTP/2 server of `server` (call after bind). */
export function guardConnections(server: GrpcServer, limits: ConnectionLimits, log: Logger): void {
  const h2 = http2ServersOf(server);
  if (h2.length === 0) {
    log.warn('cannot apply connection limits: grpc-js internals changed');
    return;
  }
  const perAddress = new Map<string, number>();
  const maxPerAddress = limits.maxConnectionsPerAddress ?? 32;
  const handshakeMs = limits.handshakeTimeoutMs ?? 5_000;
  for (const h of h2) {
    h.maxConnections = limits.maxConnections ?? 512;
    // Node's http2 server creates the session inside its own 'connection' listener, before ours runs, and
    // emits 'session' synchronously there: the last session seen is this socket's.
    let lastSession: ServerHttp2Session | undefined;
    h.on('session', (session: ServerHttp2Session) => {
      lastSession = session;
    });
    h.on('connection', (socket: Socket) => {
      const session = lastSession;
      lastSession = undefined;
      const address = socket.remoteAddress ?? 'unknown';
      const n = (perAddress.get(address) ?? 0) + 1;
      perAddress.set(address, n);
      // Once http2 owns the socket, destroy()/end() (and destroying the session) leave a connection that never sent
      // the HTTP/2 preface open (checked on Node 20): only a TCP reset closes it.
      const timer = setTimeout(() => socket.resetAndDestroy(), handshakeMs);
      timer.unref();
      session?.once('remoteSettings', () => clearTimeout(timer));
      socket.once('close', () => {
        clearTimeout(timer);
        const left = (perAddress.get(address) ?? 1) - 1;
        if (left <= 0) perAddress.delete(address);
        else perAddress.set(address, left);
      });
      if (n > maxPerAddress) socket.resetAndDestroy();
    });
  }
}
