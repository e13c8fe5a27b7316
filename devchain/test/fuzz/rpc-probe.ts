/**
 * A JSON-RPC probe for fuzzing a devchain: sends one frame over WebSocket or HTTP and collects every
 * reply it provoked, and checks each reply is a well-formed JSON-RPC answer with a documented error code.
 */
import WebSocket from 'ws';

/** Error codes the devchain documents (JSON-RPC 2.0, Substrate's pool and client errors). */
export const DOCUMENTED_CODES: ReadonlySet<number> = new Set([-32700, -32600, -32601, -32602, 1010, 1012, 1013, 1014, 1016, 4003]);

type Reply = { jsonrpc?: unknown; id?: unknown; result?: unknown; error?: { code?: unknown; message?: unknown }; method?: unknown };

/** Why one reply is not a documented JSON-RPC answer, or null when it is; `label` names its outcome. */
export function judgeReply(r: unknown): { problem: string | null; label: string } {
  if (typeof r !== 'object' || r === null) return { problem: `reply is not an object: ${JSON.stringify(r)?.slice(0, 200)}`, label: 'bad' };
  const m = r as Reply;
  if (m.jsonrpc !== '2.0') return { problem: `reply without jsonrpc 2.0: ${JSON.stringify(r).slice(0, 200)}`, label: 'bad' };
  if (m.error !== undefined) {
    const code = m.error.code;
    if (typeof code !== 'number' || !DOCUMENTED_CODES.has(code))
      return { problem: `undocumented error ${JSON.stringify(m.error).slice(0, 300)}`, label: `code ${String(code)}` };
    if (typeof m.error.message !== 'string') return { problem: 'error without a message', label: 'bad' };
    return { problem: null, label: `code ${code}` };
  }
  if (!('result' in m)) return { problem: `reply with neither result nor error: ${JSON.stringify(r).slice(0, 200)}`, label: 'bad' };
  return { problem: null, label: 'result' };
}

/** Judges a whole reply body (one reply or a batch array). */
export function judgeBody(body: unknown): { problem: string | null; labels: string[] } {
  const list = Array.isArray(body) ? body : [body];
  const labels: string[] = [];
  for (const one of list) {
    const j = judgeReply(one);
    labels.push(j.label);
    if (j.problem !== null) return { problem: j.problem, labels };
  }
  return { problem: null, labels };
}

/** One WebSocket, reused across cases; each send ends with a sentinel request so the probe knows when it is done. */
export class WsProbe {
  private seq = 0;
  private inbox: unknown[] = [];
  private waiters = new Map<string, () => void>();
  closed: number | null = null;

  private constructor(private ws: WebSocket) {
    ws.on('message', (d) => this.onMessage(d.toString()));
    ws.on('close', (code) => {
      this.closed = code;
      for (const w of this.waiters.values()) w();
      for (const w of this.replyWaiters.values()) w(null);
    });
  }

  static open(url: string): Promise<WsProbe> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { maxPayload: 64 * 1024 * 1024 });
      ws.once('open', () => resolve(new WsProbe(ws)));
      ws.once('error', reject);
    });
  }

  private onMessage(text: string): void {
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch {
      this.inbox.push({ notJson: text.slice(0, 200) });
      return;
    }
    const id = typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Reply).id : undefined;
    if (typeof id === 'string' && this.waiters.has(id)) {
      this.waiters.get(id)!();
      return;
    }
    if (typeof id === 'string' && this.replyWaiters.has(id)) {
      this.replyWaiters.get(id)!(v);
      return;
    }
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && 'method' in v) return; // a subscription notification
    this.inbox.push(v);
  }

  /** Sends `frame`, then a sentinel; resolves with every reply received before the sentinel's (or throws on close/timeout). */
  async send(frame: string, timeoutMs = 10_000): Promise<unknown[]> {
    const id = `sentinel-${++this.seq}`;
    const done = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(id);
        reject(new Error(`no sentinel reply within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.set(id, () => {
        clearTimeout(timer);
        this.waiters.delete(id);
        resolve();
      });
    });
    this.ws.send(frame);
    this.ws.send(JSON.stringify({ jsonrpc: '2.0', id, method: 'system_health', params: [] }));
    await done;
    if (this.closed !== null) throw new Error(`the devchain closed the WebSocket (code ${this.closed})`);
    const out = this.inbox;
    this.inbox = [];
    return out;
  }

  /** Sends one request with a fresh id and resolves with its reply (whatever else arrives meanwhile is kept). */
  async request(method: string, params: unknown[], timeoutMs = 10_000): Promise<unknown> {
    const id = `req-${++this.seq}`;
    let reply: unknown;
    const done = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.replyWaiters.delete(id);
        reject(new Error(`no reply to ${method} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.replyWaiters.set(id, (r) => {
        clearTimeout(timer);
        this.replyWaiters.delete(id);
        reply = r;
        resolve();
      });
    });
    this.ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
    await done;
    if (this.closed !== null) throw new Error(`the devchain closed the WebSocket (code ${this.closed})`);
    return reply;
  }

  private replyWaiters = new Map<string, (reply: unknown) => void>();

  close(): void {
    this.ws.close();
  }
}

/** POSTs `body` to the devchain's HTTP endpoint; returns status and parsed body (null when empty). */
export async function httpPost(url: string, body: string, timeoutMs = 10_000): Promise<{ status: number; json: unknown; text: string }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  let json: unknown = null;
  if (text.length > 0) {
    try {
      json = JSON.parse(text);
    } catch {
      json = { notJson: text.slice(0, 200) };
    }
  }
  return { status: res.status, json, text };
}
