/**
 * The dashboard's HTTP server (127.0.0.1 only): the built static page (`cli/dashboard/dist`), a small
 * `/config.json` telling the page which chain and subnet to read, and the validators' round reports
 * it was pointed at under `/reports/...`. The page reads the chain itself, in the browser.
 *
 * Routes (GET/HEAD only):
 *   /config.json                  { chainEndpoint, netuid, reports: [{ id, label }] }
 *   /reports/index.json           [{ id, label, rounds: number[] }]
 *   /reports/<id>/round-<n>.json  one report file, as written by the validator
 *   /reports/<id>/latest.json     the newest report of that directory
 *   /, /assets/...                the page
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino, type Logger } from 'pino';
import { listenHttp } from '#core';

/** Where `npm run build:dashboard` (and `npm ci`) put the page. */
export const DASHBOARD_DIST: string = fileURLToPath(new URL('./dist/', import.meta.url));

/** Options of `startDashboard`. */
export interface DashboardOptions {
  /** Chain WebSocket endpoint the page connects to (it must be reachable from the browser). */
  chainEndpoint: string;
  netuid: number;
  /** Port on 127.0.0.1; 0 picks a free one. Default 8080. */
  port?: number;
  /** Validators' report directories (each holds `round-<n>.json` files). */
  reportDirs?: string[];
  logger?: Logger;
  /** Built assets; default `cli/dashboard/dist`. */
  distDir?: string;
  /** Interface; default 127.0.0.1. */
  host?: string;
}

/** A running dashboard. */
export interface DashboardHandle {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Report files larger than this are refused (a validator writes a few KB per round). */
const MAX_REPORT_BYTES = 8 * 1024 * 1024;
const ROUND_RE = /^round-(\d{1,12})\.json$/;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** A label for a report directory: `<validator data dir name>` for `.../<name>/reports`, else the dir name. */
export function reportLabel(dir: string): string {
  const abs = resolve(dir);
  return basename(abs) === 'reports' ? basename(dirname(abs)) : basename(abs);
}

/** Round ids present in `dir`, ascending; a missing directory has none. */
export async function listRounds(dir: string): Promise<number[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err: unknown) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return names
    .map((n) => ROUND_RE.exec(n)?.[1])
    .filter((x): x is string => x !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

function send(res: ServerResponse, req: IncomingMessage, status: number, type: string, body: string | Buffer, cache = 'no-store'): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': cache,
    'x-content-type-options': 'nosniff',
    'content-length': Buffer.byteLength(body),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function sendJson(res: ServerResponse, req: IncomingMessage, status: number, value: unknown): void {
  send(res, req, status, 'application/json', JSON.stringify(value));
}

/** Starts the dashboard server; rejects when the page was never built, or (naming host:port, exit code 1) when the port is taken. */
export async function startDashboard(options: DashboardOptions): Promise<DashboardHandle> {
  const log = (options.logger ?? pino({ level: 'silent' })).child({ component: 'dashboard' });
  const dist = resolve(options.distDir ?? DASHBOARD_DIST);
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(
      `dashboard page not built: expected ${join(dist, 'index.html')}, found nothing; run \`npm run build:dashboard\` (needs the dev dependencies)`,
    );
  }
  if (!/^wss?:\/\/\S+$/.test(options.chainEndpoint))
    throw new Error(`expected a ws:// or wss:// chain endpoint, found ${JSON.stringify(options.chainEndpoint)}`);
  if (!Number.isInteger(options.netuid) || options.netuid < 0 || options.netuid > 65_535)
    throw new Error(`expected a netuid in [0, 65535], found ${options.netuid}`);
  const dirs = (options.reportDirs ?? []).map((d) => resolve(d));
  const sources = dirs.map((dir, id) => ({ id, label: reportLabel(dir), dir }));
  const config = JSON.stringify({
    chainEndpoint: options.chainEndpoint,
    netuid: options.netuid,
    reports: sources.map(({ id, label }) => ({ id, label })),
  });

  const serveReport = async (req: IncomingMessage, res: ServerResponse, parts: string[]): Promise<void> => {
    if (parts.length === 1 && parts[0] === 'index.json') {
      const list = await Promise.all(sources.map(async (s) => ({ id: s.id, label: s.label, rounds: await listRounds(s.dir) })));
      sendJson(res, req, 200, list);
      return;
    }
    const [idText, file] = parts;
    const source = parts.length === 2 && /^\d{1,4}$/.test(idText ?? '') ? sources[Number(idText)] : undefined;
    if (source === undefined || file === undefined) {
      sendJson(res, req, 404, {
        error: `expected /reports/<id>/round-<n>.json with id in [0, ${sources.length - 1}], found /reports/${parts.join('/')}`,
      });
      return;
    }
    let name = file;
    if (file === 'latest.json') {
      const rounds = await listRounds(source.dir);
      const last = rounds.at(-1);
      if (last === undefined) {
        sendJson(res, req, 404, { error: `no round report in ${source.label} yet` });
        return;
      }
      name = `round-${last}.json`;
    }
    if (!ROUND_RE.test(name)) {
      sendJson(res, req, 404, { error: `expected round-<n>.json or latest.json, found ${JSON.stringify(file)}` });
      return;
    }
    const path = join(source.dir, name);
    try {
      const st = await stat(path);
      if (!st.isFile() || st.size > MAX_REPORT_BYTES) {
        sendJson(res, req, 404, { error: `${name} is not a report file of at most ${MAX_REPORT_BYTES} bytes` });
        return;
      }
      send(res, req, 200, 'application/json', await readFile(path));
    } catch (err: unknown) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        sendJson(res, req, 404, { error: `no report ${name} in ${source.label}` });
        return;
      }
      throw err;
    }
  };

  const serveStatic = async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> => {
    const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1));
    const path = resolve(dist, rel);
    if (!path.startsWith(dist + sep) || rel.includes('\0')) {
      sendJson(res, req, 404, { error: 'not found' });
      return;
    }
    try {
      const st = await stat(path);
      if (!st.isFile()) {
        sendJson(res, req, 404, { error: 'not found' });
        return;
      }
      // Hashed asset names never change; index.html must be re-read to pick up a rebuild.
      const cache = rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      send(res, req, 200, TYPES[extname(path)] ?? 'application/octet-stream', await readFile(path), cache);
    } catch (err: unknown) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        sendJson(res, req, 404, { error: `not found: ${pathname}` });
        return;
      }
      throw err;
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res
        .writeHead(405, { allow: 'GET, HEAD', 'content-type': 'application/json' })
        .end(JSON.stringify({ error: `expected GET or HEAD, found ${req.method}` }));
      return;
    }
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
      decodeURIComponent(pathname);
    } catch {
      sendJson(res, req, 400, { error: `malformed request path ${JSON.stringify(req.url)}` });
      return;
    }
    if (pathname === '/config.json') {
      send(res, req, 200, 'application/json', config);
      return;
    }
    if (pathname.startsWith('/reports/')) {
      await serveReport(req, res, pathname.slice('/reports/'.length).split('/'));
      return;
    }
    await serveStatic(req, res, pathname);
  };

  const service = await listenHttp({
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 8080,
    handler: handle,
    what: 'dashboard',
    logger: log,
  });
  const url = `http://${service.host}:${service.port}/`;
  log.info({ url, chainEndpoint: options.chainEndpoint, netuid: options.netuid, reportDirs: dirs }, 'dashboard listening');
  let stopping: Promise<void> | undefined;
  return { url, port: service.port, stop: () => (stopping ??= service.close()) };
}
