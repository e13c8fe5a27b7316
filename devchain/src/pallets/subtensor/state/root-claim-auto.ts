/**
 * The per-block auto-claim of root dividends, as upstream `run_auto_claim_root_divs` (spec 425):
 * coldkeys with root stake are densely indexed (`StakingColdkeys` ↔ `StakingColdkeysByIndex`,
 * `NumStakingColdkeys`), and each block claims for up to `NumRootClaim` of them, picked from the
 * parent block hash (`block_hash_to_indices`).
 */
import type { PalletEvent, RuntimeContext } from '../../../frame/pallet.ts';
import type { ReadState, State } from '../../../frame/state.ts';
import { SubtensorStorage } from '../storage.ts';
import { stakeOf } from './stake.ts';
import { doRootClaim } from './root-claim.ts';

const U64_MAX = (1n << 64n) - 1n;

export function maybeAddColdkeyIndex(s: State, coldkey: Uint8Array): void {
  if (SubtensorStorage.StakingColdkeys.contains(s, coldkey)) return;
  const n = SubtensorStorage.NumStakingColdkeys.get(s);
  SubtensorStorage.StakingColdkeysByIndex.set(s, n, coldkey);
  SubtensorStorage.StakingColdkeys.set(s, coldkey, n);
  SubtensorStorage.NumStakingColdkeys.set(s, n + 1n);
}

/** `maybe_remove_coldkey_index`: the last entry moves into the freed slot, so indices stay dense. */
export function maybeRemoveColdkeyIndex(s: State, coldkey: Uint8Array): void {
  const idx = SubtensorStorage.StakingColdkeys.get(s, coldkey);
  if (idx === undefined) return;
  SubtensorStorage.StakingColdkeys.remove(s, coldkey);
  const count = SubtensorStorage.NumStakingColdkeys.get(s);
  const last = count > 0n ? count - 1n : 0n;
  const moved = idx !== last ? SubtensorStorage.StakingColdkeysByIndex.get(s, last) : undefined;
  if (moved !== undefined) {
    SubtensorStorage.StakingColdkeysByIndex.remove(s, last);
    SubtensorStorage.StakingColdkeysByIndex.set(s, idx, moved);
    SubtensorStorage.StakingColdkeys.set(s, moved, idx);
  } else SubtensorStorage.StakingColdkeysByIndex.remove(s, idx);
  SubtensorStorage.NumStakingColdkeys.set(s, last);
}

/** `coldkey_has_root_stake`: any staking hotkey of the coldkey holds root stake for it. */
export function coldkeyHasRootStake(s: ReadState, coldkey: Uint8Array): boolean {
  return SubtensorStorage.StakingHotkeys.get(s, coldkey).some((hk) => stakeOf(s, hk, coldkey, 0) > 0n);
}

const u64be = (b: Uint8Array, at: number): bigint => {
  let v = 0n;
  for (let i = 0; i < 8; i++) v = (v << 8n) | BigInt(b[at + i] ?? 0);
  return v;
};

/**
 * `block_hash_to_indices`: a walk over `[0, n)` that starts at the hash's first 8 bytes (u64 BE)
 * and steps by its successive 8-byte words (saturating add, modulo n; n = 0 gives index 0);
 * distinct indices, ascending.
 */
export function blockHashToIndices(hash: Uint8Array, k: bigint, n: bigint): bigint[] {
  const out = new Set<bigint>();
  let last = u64be(hash, 0);
  for (let i = 0n; i < k; i++) {
    const step = u64be(hash, Number((i * 8n) % 32n));
    const sum = last + step > U64_MAX ? U64_MAX : last + step;
    last = n === 0n ? 0n : sum % n;
    out.add(last);
  }
  return [...out].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * `run_auto_claim_root_divs(parent_hash)`: claims for the picked coldkeys (threshold applies);
 * a failed claim rolls back alone (its events included) and the others go on, as upstream's
 * `with_transaction` per coldkey.
 */
export function runAutoClaimRootDivs(ctx: RuntimeContext, parentHash: Uint8Array): void {
  const s = ctx.state;
  const picked = blockHashToIndices(parentHash, SubtensorStorage.NumRootClaim.get(s), SubtensorStorage.NumStakingColdkeys.get(s));
  for (const i of picked) {
    const coldkey = SubtensorStorage.StakingColdkeysByIndex.get(s, i);
    if (coldkey === undefined) continue;
    const events: PalletEvent[] = [];
    s.begin();
    try {
      doRootClaim({ ...ctx, deposit: (e) => events.push(e) }, coldkey);
      s.commit();
      for (const e of events) ctx.deposit(e);
    } catch {
      // Upstream logs the error and goes on with the next coldkey.
      s.rollback();
    }
  }
}
