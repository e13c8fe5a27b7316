/**
 * polkadot.js writes its own diagnostics straight to `console` (`@polkadot/util` `logger`: a date, a
 * padded origin such as `RPC-CORE:`, then the text). In a daemon those lines would break the NDJSON log
 * stream, so while a chain connection is open they are routed into pino instead. RPC-CORE and API-WS
 * lines repeat failures our own errors already carry (a refused call becomes a `ChainError` naming the
 * reason, a disconnect is logged by `connectChain`), so they go to debug; anything else keeps its level.
 */
import type { Logger } from 'pino';

type ConsoleMethod = 'log' | 'warn' | 'error' | 'debug' | 'info';
const METHODS: readonly ConsoleMethod[] = ['log', 'warn', 'error', 'debug', 'info'];

// `formatDate` of @polkadot/util, then the origin upper-cased, suffixed with ':' and padded to 16.
const DATE = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/;
const ORIGIN = /^\s*([A-Z0-9][A-Z0-9/_-]*):$/;
/** Origins whose lines duplicate what our own errors and logs already say. */
const DUPLICATING = new Set(['RPC-CORE', 'API-WS', 'API-HTTP']);

/** The origin of a polkadot.js console line (`RPC-CORE`, `API/INIT`, ...), or undefined for any other console call. */
export function polkadotOrigin(args: readonly unknown[]): string | undefined {
  const [date, origin] = args;
  if (typeof date !== 'string' || typeof origin !== 'string' || !DATE.test(date)) return undefined;
  return ORIGIN.exec(origin)?.[1];
}

function detailOf(args: readonly unknown[]): string {
  return args
    .slice(2)
    .map((a) => (typeof a === 'string' ? a : a instanceof Error ? a.message : (JSON.stringify(a) ?? String(a))))
    .join(' ');
}

function route(log: Logger, method: ConsoleMethod, origin: string, args: readonly unknown[]): void {
  const fields = { origin, detail: detailOf(args) };
  if (DUPLICATING.has(origin) || method === 'log' || method === 'debug' || method === 'info') log.debug(fields, 'polkadot.js message');
  else log.warn(fields, 'polkadot.js message');
}

interface Capture {
  readonly loggers: Logger[];
  readonly originals: Record<ConsoleMethod, (...args: unknown[]) => void>;
}

let active: Capture | undefined;

function install(): Capture {
  const originals = Object.fromEntries(METHODS.map((m) => [m, console[m]])) as Capture['originals'];
  const capture: Capture = { loggers: [], originals };
  for (const m of METHODS) {
    console[m] = (...args: unknown[]): void => {
      const origin = polkadotOrigin(args);
      const log = capture.loggers.at(-1);
      if (origin === undefined || log === undefined) originals[m].apply(console, args);
      else route(log, m, origin, args);
    };
  }
  return capture;
}

/**
 * Routes polkadot.js console lines to `log` until the returned release function is called. Nested
 * captures stack (the newest logger receives the lines); the console is restored when the last is released.
 */
export function capturePolkadotConsole(log: Logger): () => void {
  active ??= install();
  const capture = active;
  capture.loggers.push(log);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const i = capture.loggers.lastIndexOf(log);
    if (i >= 0) capture.loggers.splice(i, 1);
    if (capture.loggers.length > 0 || active !== capture) return;
    for (const m of METHODS) console[m] = capture.originals[m];
    active = undefined;
  };
}
