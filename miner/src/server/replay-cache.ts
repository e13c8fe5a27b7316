/**
 * Remembers request uuids for `ttlMs` so a replayed request is refused. Bounded: when full, the oldest
 * entry is evicted. Requests older than the signature age limit are refused as stale anyway, so a ttl of
 * maxAgeMs + maxFutureMs closes the replay window as long as the cache does not overflow within it.
 */
export class ReplayCache {
  readonly #seen = new Map<string, number>();
  readonly #ttlMs: number;
  readonly #capacity: number;

  constructor(opts: { ttlMs: number; capacity: number }) {
    this.#ttlMs = opts.ttlMs;
    this.#capacity = Math.max(1, opts.capacity);
  }

  /** Records `key` at `nowMs`; false when it was already seen within the ttl. */
  checkAndAdd(key: string, nowMs: number): boolean {
    this.#evictExpired(nowMs);
    const seenAt = this.#seen.get(key);
    if (seenAt !== undefined && nowMs - seenAt <= this.#ttlMs) return false;
    if (this.#seen.size >= this.#capacity) {
      const oldest = this.#seen.keys().next().value;
      if (oldest !== undefined) this.#seen.delete(oldest);
    }
    this.#seen.set(key, nowMs);
    return true;
  }

  get size(): number {
    return this.#seen.size;
  }

  /** Map iteration is insertion order and insert times are non-decreasing, so expired keys are at the front. */
  #evictExpired(nowMs: number): void {
    for (const [key, at] of this.#seen) {
      if (nowMs - at <= this.#ttlMs) break;
      this.#seen.delete(key);
    }
  }
}
