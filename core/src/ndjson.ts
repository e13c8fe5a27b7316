/**
 * Reading NDJSON (pino's log format) from a chunked stream: one splitter for every place that
 * watches a child process's output. Browser-safe.
 */

/**
 * Returns a chunk handler that calls `onLine` with each complete line (without its `\n` or `\r\n`); a
 * trailing partial line waits for the next chunk. UTF-8 characters split across chunks decode whole.
 */
export function lineSplitter(onLine: (line: string) => void): (chunk: Uint8Array | string) => void {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  return (chunk) => {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
    }
  };
}

/** A log line as a JSON object, or undefined when the line is not one (a banner, a stack trace). */
export function parseJsonLine(line: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(line);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
