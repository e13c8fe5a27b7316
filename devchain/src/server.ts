/**
 * JSON-RPC 2.0 over WebSocket and HTTP on one port. Owns sockets, envelope parsing, batches,
 * size limits and subscription bookkeeping; handlers never see a socket.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from 'pino';
import { RpcError, type Handler, type RpcContext, type SubscriptionApi } from './rpc/shared.ts';

export interface RpcServerOptions {
  host: string;
  port: number;
  maxPayloadBytes: number;
  handlers: Record<string, Handler>;
  /** Context for one request; `subscriptions` is filled in per connection. */
  context: Omit<RpcContext, 'subscriptions'>;
  logger: Logger;
}

type Json = Record<string, unknown>;
const errorBody = (id: unknown, e: RpcError): Json => ({ jsonrpc: '2.0', id: id ?? null, error: e.toJSON() });

export class RpcServer {
  private http: Server;
  private wss: WebSocketServer;
  private nextSub = 1;
  private sockets = new Set<WebSocket>();

  constructor(private readonly o: RpcServerOptions) {
    this.http = createServer((req, res) => this.onHttp(req, res));
    this.wss = new WebSocketServer({ server: this.http, maxPayload: o.maxPayloadBytes });
    this.wss.on('connection', (ws) => this.onConnection(ws));
    // ws re-emits the HTTP server's errors (e.g. EADDRINUSE); listen() reports those, so no crash here.
    this.wss.on('error', () => undefined);
  }

  /** Listens on host:port; rejects naming the address when it is taken or not allowed. */
  async listen(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      const fail = (err: NodeJS.ErrnoException): void => reject(this.listenError(err));
      this.http.once('error', fail);
      this.http.listen(this.o.port, this.o.host, () => {
        this.http.off('error', fail);
        resolve();
      });
    });
    const addr = this.http.address();
    if (!addr || typeof addr === 'string') throw new Error('server address unavailable');
    return addr.port;
  }

  private listenError(err: NodeJS.ErrnoException): Error {
    const why =
      err.code === 'EADDRINUSE'
        ? 'the address is in use (another process listens there; stop it, or pick another --port, 0 for any free one)'
        : err.code === 'EACCES'
          ? 'permission denied (ports below 1024 need privileges)'
          : err.message;
    return new Error(`cannot listen on ${this.o.host}:${this.o.port} for the devchain JSON-RPC server: ${why} [${err.code ?? 'error'}]`, {
      cause: err,
    });
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private onHttp(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'POST') {
      res.writeHead(405, { 'content-type': 'text/plain' }).end('POST a JSON-RPC request, or connect with WebSocket\n');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > this.o.maxPayloadBytes) {
        tooBig = true;
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('close', () => {
      if (!tooBig) return;
      if (!res.headersSent)
        res
          .writeHead(413, { 'content-type': 'application/json' })
          .end(
            JSON.stringify(errorBody(null, new RpcError(-32600, `Request exceeds the maximum size of ${this.o.maxPayloadBytes} bytes`))),
          );
    });
    req.on('end', () => {
      if (tooBig) return;
      this.handleText(Buffer.concat(chunks).toString('utf8'), { ...this.o.context, subscriptions: null })
        .then((out) => res.writeHead(200, { 'content-type': 'application/json' }).end(out ?? ''))
        .catch((err: unknown) => {
          this.o.logger.error({ err }, 'http request failed');
          res.writeHead(500).end();
        });
    });
  }

  private onConnection(ws: WebSocket): void {
    this.sockets.add(ws);
    const subs = new Map<string, () => void>();
    const pending = new Map<string, unknown[]>();
    const send = (body: unknown): void => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(body));
    };
    const api: SubscriptionApi = {
      open: (method, onCancel) => {
        const id = String(this.nextSub++);
        subs.set(id, onCancel);
        pending.set(id, []);
        return {
          id,
          send: (result) => {
            if (!subs.has(id)) return;
            const q = pending.get(id);
            if (q) q.push(result);
            else send({ jsonrpc: '2.0', method, params: { subscription: id, result } });
          },
        };
      },
      close: (id) => {
        const cancel = subs.get(id);
        if (!cancel) return false;
        subs.delete(id);
        pending.delete(id);
        cancel();
        return true;
      },
    };
    ws.on('message', (data, isBinary) => {
      const text = isBinary ? Buffer.from(data as Buffer).toString('utf8') : data.toString();
      // Subscriptions opened by this message: their notifications wait until the id is sent.
      const opened: string[] = [];
      const ctx: RpcContext = {
        ...this.o.context,
        subscriptions: {
          open: (m, c) => {
            const sub = api.open(m, c);
            opened.push(sub.id);
            return sub;
          },
          close: api.close,
        },
      };
      this.handleText(text, ctx)
        .then((out) => {
          if (out !== null && ws.readyState === ws.OPEN) ws.send(out);
          for (const id of opened) {
            const q = pending.get(id);
            pending.delete(id);
            const method = this.notificationOf.get(id) ?? 'unknown';
            for (const result of q ?? []) send({ jsonrpc: '2.0', method, params: { subscription: id, result } });
          }
        })
        .catch((err: unknown) => this.o.logger.error({ err }, 'ws message failed'));
    });
    ws.on('close', () => {
      this.sockets.delete(ws);
      for (const [, cancel] of subs) cancel();
      subs.clear();
    });
    ws.on('error', (err) => this.o.logger.debug({ err }, 'ws error'));
  }

  /** Notification method of each open subscription id. */
  private notificationOf = new Map<string, string>();

  /** Parses and answers one text frame or HTTP body; null when nothing is to be sent. */
  async handleText(text: string, ctx: RpcContext): Promise<string | null> {
    let msg: unknown;
    try {
      msg = JSON.parse(text);
    } catch {
      return JSON.stringify(errorBody(null, new RpcError(-32700, 'Parse error', 'the request is not valid JSON')));
    }
    if (Array.isArray(msg)) {
      if (msg.length === 0) return JSON.stringify(errorBody(null, new RpcError(-32600, 'Invalid Request', 'empty batch')));
      if (msg.length > 1000)
        return JSON.stringify(errorBody(null, new RpcError(-32600, 'Invalid Request', 'batch larger than 1000 requests')));
      const out = (await Promise.all(msg.map((m) => this.handleOne(m, ctx)))).filter((x) => x !== null);
      return out.length ? JSON.stringify(out) : null;
    }
    const one = await this.handleOne(msg, ctx);
    return one === null ? null : JSON.stringify(one);
  }

  private async handleOne(msg: unknown, ctx: RpcContext): Promise<Json | null> {
    if (typeof msg !== 'object' || msg === null || Array.isArray(msg))
      return errorBody(null, new RpcError(-32600, 'Invalid Request', 'expected a JSON object'));
    const m = msg as Json;
    const id = m.id;
    const isNotification = !('id' in m);
    if (m.jsonrpc !== '2.0' || typeof m.method !== 'string')
      return errorBody(id, new RpcError(-32600, 'Invalid Request', 'expected { jsonrpc: "2.0", method: string, params?, id }'));
    if (id !== undefined && id !== null && typeof id !== 'string' && typeof id !== 'number')
      return errorBody(null, new RpcError(-32600, 'Invalid Request', 'id must be a string, number or null'));
    const handler = Object.hasOwn(this.o.handlers, m.method) ? this.o.handlers[m.method] : undefined;
    if (!handler) return isNotification ? null : errorBody(id, new RpcError(-32601, 'Method not found', `unknown method ${m.method}`));
    const params = m.params === undefined || m.params === null ? [] : m.params;
    if (!Array.isArray(params)) return errorBody(id, new RpcError(-32602, 'Invalid params', 'params must be an array'));
    try {
      const wrapped = ctx.subscriptions ? this.trackingContext(ctx) : ctx;
      const result = await handler(wrapped, params);
      return isNotification ? null : { jsonrpc: '2.0', id, result: result === undefined ? null : result };
    } catch (err: unknown) {
      if (err instanceof RpcError) return errorBody(id, err);
      this.o.logger.error({ err, method: m.method }, 'rpc handler failed');
      return errorBody(id, new RpcError(-32603, 'Internal error', err instanceof Error ? err.message : String(err)));
    }
  }

  /** Records the notification method of each subscription opened by a request. */
  private trackingContext(ctx: RpcContext): RpcContext {
    const inner = ctx.subscriptions!;
    return {
      ...ctx,
      subscriptions: {
        open: (notification, onCancel) => {
          const sub = inner.open(notification, () => {
            this.notificationOf.delete(sub.id);
            onCancel();
          });
          this.notificationOf.set(sub.id, notification);
          return sub;
        },
        close: (id) => inner.close(id),
      },
    };
  }
}
