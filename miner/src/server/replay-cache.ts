/** Outcome of recording a request uuid. */
export type ReplayCheck = 'ok' | 'replayed' | 'full';

/**
 * Remembers request uuids for `ttlMs` so a replayed request is refused. Requests older than the signature age
 * limit are refused as stale anyway, so a ttl of maxAgeMs + maxFutureMs closes the replay window.
 *
 * One share per caller, each bounded by `capacity`: a caller's flood of fresh uuids fills only its own share,
 * and a full share refuses new uuids (`full`) rather than forget one that has not expired. (A single global
 * LRU let one permitted caller flush everyone's uuids within the ttl and then replay them.) Callers are
 * verified before they reach the cache, so the number of shares is bounded by the subnet's permitted callers.
 */
export class ReplayCache {
  readonly #shares = new Map<string, Map<string, number>>();
  readonly #ttlMs: number;
  readonly #capacity: number;
  #size = 0;

  /** `capacity`: most unexpired uuids remembered per caller. */
  constructor(opts: { ttlMs: number; capacity: number }) {
    this.#ttlMs = opts.ttlMs;
    this.#capacity = Math.max(1, opts.capacity);
  }

  /** Records `key` for `caller` at `nowMs`: `replayed` when seen within the ttl, `full` when the caller's share is. */
  checkAndAdd(caller: string, key: string, nowMs: number): ReplayCheck {
    const share = this.#shares.get(caller) ?? new Map<string, number>();
    this.#evictExpired(caller, share, nowMs);
    const seenAt = share.get(key);
    if (seenAt !== undefined) return 'replayed';
    if (share.size >= this.#capacity) return 'full';
    share.set(key, nowMs);
    this.#shares.set(caller, share);
    this.#size++;
    return 'ok';
  }

  /** Remembered uuids over all callers (expired ones of idle callers are dropped on the next call). */
  get size(): number {
    return this.#size;
  }

  /**
   * Insertion order is time order within a share (clock is non-decreasing per process), so expired keys are at
   * the front. Idle callers' shares are dropped once their newest key has expired (checked round-robin, one per call).
   */
  #evictExpired(caller: string, share: Map<string, number>, nowMs: number): void {
    this.#dropExpired(share, nowMs);
    if (share.size === 0) this.#shares.delete(caller);
    const other = this.#shares.entries().next().value;
    if (other !== undefined && other[0] !== caller) {
      this.#dropExpired(other[1], nowMs);
      this.#shares.delete(other[0]);
      if (other[1].size > 0) this.#shares.set(other[0], other[1]); // to the back: the next call checks the next share
    }
  }

  #dropExpired(share: Map<string, number>, nowMs: number): void {
    for (const [key, at] of share) {
      if (nowMs - at <= this.#ttlMs) break;
      share.delete(key);
      this.#size--;
    }
  }
}
