import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';

/** A pino logger writing JSON lines into memory, for asserting log lines. */
export function logSink(level = 'debug'): { log: Logger; lines(): Array<Record<string, unknown> & { msg?: string; level?: number }> } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk.toString());
      cb();
    },
  });
  const log = pino({ level }, stream);
  return {
    log,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown> & { msg?: string; level?: number }),
  };
}
