/**
 * Per-signer nonce tracking: fetch `system_accountNextIndex` once, then count locally. With 1 s blocks
 * polkadot.js may reuse a cached nonce for back-to-back submissions; a local counter avoids that.
 */
import type { ApiPromise } from '@polkadot/api';

/** Where the tracker gets the first nonce of an address. */
export type NonceSource = (address: string) => Promise<number>;

/** The chain's next nonce for `address` (`system_accountNextIndex`, which counts pool transactions). */
export function rpcNonceSource(api: ApiPromise): NonceSource {
  return async (address) => (await api.rpc.system.accountNextIndex(address)).toNumber();
}

/** Hands out consecutive nonces per address; `reset` after a failed submission refetches from the chain. */
export class NonceTracker {
  readonly #source: NonceSource;
  readonly #next = new Map<string, Promise<number>>();

  constructor(source: NonceSource) {
    this.#source = source;
  }

  /** The nonce to use for the next transaction of `address`. */
  next(address: string): Promise<number> {
    const prev = this.#next.get(address);
    const current = prev === undefined ? this.#source(address) : prev;
    // Chain the counter so concurrent callers get distinct, increasing nonces.
    const following = current.then((n) => n + 1);
    this.#next.set(address, following);
    following.catch(() => this.#next.delete(address));
    return current;
  }

  /** Forgets the local count of `address` (or of all addresses), so the next call asks the chain. */
  reset(address?: string): void {
    if (address === undefined) this.#next.clear();
    else this.#next.delete(address);
  }
}
