/**
 * (hotkey, remote address) pairs that have sent a request whose signature verified. Admission gives such a
 * proven source its own pre-verification bucket and takes it out of the shared verification budget, so that
 * forgers elsewhere who name the hotkey (and can only fail verification) can spend neither the budget of the
 * validator they impersonate nor its share of the verification work. A pair becomes proven only through a
 * valid signature, and an address cannot be forged on an established TCP connection. Entries expire `ttlMs`
 * after their last verified request; past `capacity` the oldest is forgotten (it falls back to the shared
 * budgets, never to a refusal).
 */
export class ProvenSources {
  readonly #seen = new Map<string, number>();
  readonly #ttlMs: number;
  readonly #capacity: number;

  constructor(opts: { ttlMs?: number; capacity?: number } = {}) {
    this.#ttlMs = opts.ttlMs ?? 10 * 60_000;
    this.#capacity = opts.capacity ?? 4096;
  }

  /** Records a verified request of `hotkey` from `address`. */
  add(hotkey: string, address: string, nowMs: number): void {
    const key = `${hotkey}@${address}`;
    this.#seen.delete(key); // re-inserted last: the Map's order is the eviction order
    this.#seen.set(key, nowMs);
    if (this.#seen.size > this.#capacity) this.#seen.delete(this.#seen.keys().next().value!);
  }

  /** True when `hotkey` sent a verified request from `address` within the last `ttlMs`. */
  has(hotkey: string, address: string, nowMs: number): boolean {
    const at = this.#seen.get(`${hotkey}@${address}`);
    return at !== undefined && nowMs - at <= this.#ttlMs;
  }

  get size(): number {
    return this.#seen.size;
  }
}
