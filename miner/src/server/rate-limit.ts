/** Token-bucket settings: steady rate and burst. */
export interface RateLimitOptions {
  /** Tokens added per second per caller; default 50. */
  ratePerSec?: number;
  /** Bucket size (largest burst); default 100. */
  burst?: number;
  /** Most callers tracked at once; the least recently used is dropped beyond it; default 10_000. */
  maxCallers?: number;
}

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** Per-key token bucket; one call costs one token. */
export class TokenBucketLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #rate: number;
  readonly #burst: number;
  readonly #maxCallers: number;

  constructor(opts: RateLimitOptions = {}) {
    this.#rate = opts.ratePerSec ?? 50;
    this.#burst = opts.burst ?? 100;
    this.#maxCallers = opts.maxCallers ?? 10_000;
  }

  /** Takes one token for `key` at `nowMs`; false when the bucket is empty. */
  tryTake(key: string, nowMs: number): boolean {
    const b = this.#buckets.get(key) ?? { tokens: this.#burst, updatedMs: nowMs };
    b.tokens = Math.min(this.#burst, b.tokens + ((nowMs - b.updatedMs) / 1000) * this.#rate);
    b.updatedMs = nowMs;
    // Re-insert to keep the map in least-recently-used order.
    this.#buckets.delete(key);
    this.#buckets.set(key, b);
    if (this.#buckets.size > this.#maxCallers) {
      const lru = this.#buckets.keys().next().value;
      if (lru !== undefined) this.#buckets.delete(lru);
    }
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }
}
