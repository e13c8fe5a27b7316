/**
 * The root logger factory. Only entry points (the CLI) create a root logger; libraries receive a
 * `Logger` in their options and default to `silentLogger()`.
 */
import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { Coldkey, Hotkey, NetUid, Uid } from './brands.ts';

export type { Logger } from 'pino';

declare module 'pino' {
  /** The project's fixed log-field vocabulary (house style §3.3), typed for every log call. */
  interface LogFnFields {
    component?: string;
    uid?: Uid | number;
    hotkey?: Hotkey | string;
    coldkey?: Coldkey | string;
    netuid?: NetUid | number;
    block?: number;
    round?: number;
    competitionId?: string;
    durationMs?: number;
    err?: unknown;
  }
}

/** Log levels accepted by `createLogger`. */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Options of `createLogger`. */
export interface CreateLoggerOptions {
  /** Minimum level; default `info`. */
  level?: LogLevel;
  /** Human-readable output via `pino-pretty` when it is installed; NDJSON otherwise. Default false. */
  pretty?: boolean;
  /** Component name bound on every line (e.g. `validator`). */
  component?: string;
  /** Where NDJSON goes; default stdout (fd 1). */
  destination?: DestinationStream;
}

/** Object paths that hold secrets; their values are replaced by `[redacted]` in every log line. */
export const REDACT_PATHS: readonly string[] = [
  'mnemonic',
  'seed',
  'password',
  'secretPhrase',
  'secretSeed',
  'privateKey',
  'secretKey',
  '*.mnemonic',
  '*.seed',
  '*.password',
  '*.secretPhrase',
  '*.secretSeed',
  '*.privateKey',
  '*.secretKey',
  '*.*.mnemonic',
  '*.*.seed',
  '*.*.password',
  '*.*.privateKey',
];

/** Creates the root logger: NDJSON to stdout (or `destination`), secrets redacted. */
export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const base: LoggerOptions = {
    level: options.level ?? 'info',
    redact: { paths: [...REDACT_PATHS], censor: '[redacted]' },
    base: options.component === undefined ? {} : { component: options.component },
    serializers: { err: pino.stdSerializers.err },
  };
  const destination = options.destination ?? (options.pretty === true ? prettyStream() : undefined);
  return destination === undefined ? pino(base, pino.destination(1)) : pino(base, destination);
}

/** A logger that writes nothing: the default for libraries and tests. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

/** A `pino-pretty` stream if that optional package is installed, else undefined (NDJSON is used). */
function prettyStream(): DestinationStream | undefined {
  try {
    const require = createRequire(import.meta.url);
    const pretty = require('pino-pretty') as (opts: object) => DestinationStream;
    return pretty({ colorize: process.stdout.isTTY === true, destination: 1 });
  } catch {
    // pino-pretty is optional; falling back to NDJSON is the documented behaviour.
    return undefined;
  }
}

/** A destination that collects parsed log lines in memory, for tests that assert a log line. */
export function memoryDestination(): DestinationStream & { lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  return {
    lines,
    write(chunk: string): void {
      for (const line of chunk.split('\n')) if (line.trim() !== '') lines.push(JSON.parse(line) as Record<string, unknown>);
    },
  };
}
