import type { Logger } from 'pino';

/** One refused call, as the server saw it. */
export interface Refusal {
  /** The refusal reason code (`unregistered`, `bad-signature`, ...). */
  reason: string;
  /** gRPC status name sent. */
  code: string;
  method: string;
  /** The hotkey the request claimed (unverified), when it named one. */
  caller?: string;
  details: string;
}

/**
 * Refusal logging that a flood cannot turn into a log flood: per interval, the first refusal of each reason is
 * logged in full (`request refused`), the rest are only counted and written as one `requests refused
 * (aggregated)` line with counts by reason when the interval ends (and on `stop`). Without it each refused call
 * wrote ~300-430 bytes, so one hostile client drove megabytes of logs per second.
 */
export class RefusalLog {
  readonly #log: Logger;
  readonly #intervalMs: number;
  readonly #detailed = new Set<string>();
  readonly #counts = new Map<string, number>();
  #timer: NodeJS.Timeout | undefined;

  /** `intervalMs`: length of one aggregation interval; default 10_000. */
  constructor(log: Logger, intervalMs = 10_000) {
    this.#log = log;
    this.#intervalMs = intervalMs;
  }

  record(r: Refusal): void {
    if (!this.#detailed.has(r.reason)) {
      this.#detailed.add(r.reason);
      this.#log.warn({ caller: r.caller, reason: r.details, method: r.method, code: r.code }, 'request refused');
    } else {
      this.#counts.set(r.reason, (this.#counts.get(r.reason) ?? 0) + 1);
    }
    if (this.#timer === undefined) {
      this.#timer = setTimeout(() => this.flush(), this.#intervalMs);
      this.#timer.unref();
    }
  }

  /** Writes the counts of the interval (if any) and starts a new interval. */
  flush(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#counts.size > 0) {
      let total = 0;
      for (const n of this.#counts.values()) total += n;
      this.#log.warn(
        { refused: total, byReason: Object.fromEntries(this.#counts), intervalMs: this.#intervalMs },
        'requests refused (aggregated)',
      );
    }
    this.#counts.clear();
    this.#detailed.clear();
  }
}
