/** What the miner knows about a caller from the metagraph. */
export interface CallerEntry {
  uid: number;
  validatorPermit: boolean;
  /** Stake on the caller's hotkey on this subnet (the metagraph's stake), rao. */
  stakeRao: bigint;
}

/** Looks up callers by hotkey (SS58); never throws, undefined for unknown keys. */
export interface CallerDirectory {
  lookup(hotkey: string): CallerEntry | undefined;
  /** Least stake (rao) a permitted caller needs to be served; 0n or undefined: no floor. */
  readonly minStakeRao?: bigint;
}

/** A metagraph snapshot: hotkey (SS58) to entry. */
export type CallerSnapshot = ReadonlyMap<string, CallerEntry> | Readonly<Record<string, CallerEntry>>;

/**
 * In-memory caller directory that the daemon refreshes with `replace(snapshot, floor)` after each metagraph
 * sync. Both swaps are plain assignments in one synchronous call, so a lookup sees either the old or the new
 * snapshot and floor, never a mix.
 */
export class InMemoryCallerDirectory implements CallerDirectory {
  #entries: ReadonlyMap<string, CallerEntry>;
  #minStakeRao: bigint;

  /** `minStakeRao`: the stake floor, rao; default 0n (no floor). */
  constructor(snapshot: CallerSnapshot = new Map(), minStakeRao = 0n) {
    this.#entries = toMap(snapshot);
    this.#minStakeRao = minStakeRao;
  }

  lookup(hotkey: string): CallerEntry | undefined {
    return typeof hotkey === 'string' ? this.#entries.get(hotkey) : undefined;
  }

  get minStakeRao(): bigint {
    return this.#minStakeRao;
  }

  /** Atomically replaces the whole snapshot and, when given, the stake floor (rao). */
  replace(snapshot: CallerSnapshot, minStakeRao?: bigint): void {
    this.#entries = toMap(snapshot);
    if (minStakeRao !== undefined) this.#minStakeRao = minStakeRao;
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

/** Rao per TAO. */
const RAO_PER_TAO = 1_000_000_000n;

/**
 * The stake floor callers must meet, rao: the configured `minValidatorStakeTao` when set, else the chain's
 * `StakeThreshold` (what the subnet requires of a hotkey to set weights); undefined when neither is known
 * (`replace` then keeps the floor it has).
 */
export function callerStakeFloorRao(minValidatorStakeTao: number | undefined, chainThresholdRao: bigint | undefined): bigint | undefined {
  if (minValidatorStakeTao === undefined) return chainThresholdRao;
  // Whole TAO and the fraction apart, so large floors stay exact (a double holds 2^53 rao, ~9e6 TAO).
  const whole = Math.floor(minValidatorStakeTao);
  return BigInt(whole) * RAO_PER_TAO + BigInt(Math.round((minValidatorStakeTao - whole) * 1e9));
}
