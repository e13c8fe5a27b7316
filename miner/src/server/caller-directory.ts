/** What the miner knows about a caller from the metagraph. */
export interface CallerEntry {
  uid: number;
  validatorPermit: boolean;
}

/** Looks up callers by hotkey (SS58); never throws, undefined for unknown keys. */
export interface CallerDirectory {
  lookup(hotkey: string): CallerEntry | undefined;
}

/** A metagraph snapshot: hotkey (SS58) to entry. */
export type CallerSnapshot = ReadonlyMap<string, CallerEntry> | Readonly<Record<string, CallerEntry>>;

/**
 * In-memory caller directory that the daemon refreshes with `replace(snapshot)` after each metagraph sync.
 * The swap is one reference assignment, so a lookup sees either the old or the new snapshot, never a mix.
 */
export class InMemoryCallerDirectory implements CallerDirectory {
  #entries: ReadonlyMap<string, CallerEntry>;

  constructor(snapshot: CallerSnapshot = new Map()) {
    this.#entries = toMap(snapshot);
  }

  lookup(hotkey: string): CallerEntry | undefined {
    return typeof hotkey === 'string' ? this.#entries.get(hotkey) : undefined;
  }

  /** Atomically replaces the whole snapshot. */
  replace(snapshot: CallerSnapshot): void {
    this.#entries = toMap(snapshot);
  }

  /** Number of known hotkeys. */
  get size(): number {
    return this.#entries.size;
  }
}

function toMap(s: CallerSnapshot): ReadonlyMap<string, CallerEntry> {
  // Copy so later mutation of the caller's object cannot change what we serve.
  return s instanceof Map ? new Map(s) : new Map(Object.entries(s as Record<string, CallerEntry>));
}
