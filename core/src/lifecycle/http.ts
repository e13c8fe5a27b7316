/**
 * The one small HTTP server of the daemons (/metrics, /status, health): listen with a clear error when
 * the port is taken, JSON answers, a handler that never leaves a request hanging, and a close that also
 * drops idle keep-alive connections.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { ArenaError, errorMessage } from '../errors.ts';
import { silentLogger } from '../logger.ts';

/** A request handler; a rejection becomes a 500 (and a warning). */
export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/** A listening server. */
export interface HttpService {
  readonly host: string;
  /** The bound port (the real one when 0 was asked). */
  readonly port: number;
  readonly server: Server;
  /** Stops accepting, ends idle connections, resolves once closed. */
  close(): Promise<void>;
}

/** Options of `listenHttp`. */
export interface ListenHttpOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  handler: HttpHandler;
  /** What the server is for, in error messages (e.g. `validator metrics`). */
  what: string;
  logger?: Logger;
}

/** Writes a JSON answer. */
export function sendJson(res: ServerResponse, code: number, body: unknown): void {
  res.writeHead(code, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

function listenError(err: unknown, o: ListenHttpOptions): ArenaError {
  const code = (err as NodeJS.ErrnoException).code;
  const why =
    code === 'EADDRINUSE'
      ? 'the address is in use (another process listens there; pick another port, or 0 for any)'
      : code === 'EACCES'
        ? 'permission denied (ports below 1024 need privileges)'
        : errorMessage(err);
  return new ArenaError('INTERNAL', `cannot listen on ${o.host}:${o.port} for the ${o.what} server: ${why} [${code ?? 'error'}]`, {
    cause: err,
  });
}

/** Starts a server on `host:port`; rejects with an `ArenaError` (exit code 1) naming the address when it cannot listen. */
export async function listenHttp(o: ListenHttpOptions): Promise<HttpService> {
  const log = o.logger ?? silentLogger();
  const server = createServer((req, res) => {
    Promise.resolve(o.handler(req, res)).catch((err: unknown) => {
      log.warn({ err, url: req.url }, 'http request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) => reject(listenError(err, o)));
    server.listen(o.port, o.host, () => resolve());
  });
  server.removeAllListeners('error');
  server.on('error', (err) => log.warn({ err }, `${o.what} server error`));
  const port = (server.address() as AddressInfo).port;
  return {
    host: o.host,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
