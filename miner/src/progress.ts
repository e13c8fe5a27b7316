/**
 * A one-line progress display for a terminal: redrawn in place, and cleared around each log line so the
 * JSON logs and the line never mix.
 */
import type { DestinationStream } from 'pino';

/** What the progress line shows. */
export interface ProgressFacts {
  step?: number;
  loss?: number;
  samplesPerSec?: number;
  valAccuracy?: number;
  servedStep?: number;
  uid?: number;
  block?: number;
  requests?: number;
}

/** Renders the facts as one short line. */
export function formatProgress(f: ProgressFacts): string {
  const parts: string[] = [];
  if (f.step !== undefined) parts.push(`step ${f.step.toLocaleString('en-US')}`);
  if (f.loss !== undefined && Number.isFinite(f.loss)) parts.push(`loss ${f.loss.toFixed(4)}`);
  if (f.samplesPerSec !== undefined) parts.push(`${Math.round(f.samplesPerSec).toLocaleString('en-US')} samples/s`);
  if (f.valAccuracy !== undefined) parts.push(`val acc ${(f.valAccuracy * 100).toFixed(1)}%`);
  parts.push(f.servedStep === undefined ? 'serving: none yet' : `serving step ${f.servedStep.toLocaleString('en-US')}`);
  if (f.uid !== undefined) parts.push(`uid ${f.uid}`);
  if (f.block !== undefined) parts.push(`block ${f.block}`);
  if (f.requests !== undefined) parts.push(`${f.requests} requests`);
  return parts.join(' | ');
}

/** The progress line on a TTY stream. */
export class ProgressLine {
  readonly #out: NodeJS.WritableStream;
  #text = '';

  constructor(out: NodeJS.WritableStream) {
    this.#out = out;
  }

  /** Replaces the line. */
  update(text: string): void {
    this.#text = text;
    this.#out.write(`\r\x1b[2K${text}`);
  }

  /** Removes the line (at shutdown). */
  clear(): void {
    if (this.#text !== '') this.#out.write('\r\x1b[2K');
    this.#text = '';
  }

  /** A pino destination that writes log lines above the progress line. */
  destination(): DestinationStream {
    return {
      write: (chunk: string) => {
        if (this.#text === '') {
          this.#out.write(chunk);
          return;
        }
        this.#out.write(`\r\x1b[2K${chunk}${this.#text}`);
      },
    };
  }
}
