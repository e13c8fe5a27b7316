/**
 * Stake as share pools per (hotkey, netuid), stable mechanism (1 TAO = 1 alpha): `Alpha` holds each
 * coldkey's shares (U64F64 bits), `TotalHotkeyShares` their sum, `TotalHotkeyAlpha` the pool.
 */
import type { ReadState, State } from '../../../frame/state.ts';
import { SubtensorStorage } from '../storage.ts';
import { same } from '../accounts.ts';

const SHARE_ONE = 1n << 64n;

/** Alpha of (hotkey, coldkey) on netuid: `TotalHotkeyAlpha × share / TotalHotkeyShares`. */
export function stakeOf(s: ReadState, hotkey: Uint8Array, coldkey: Uint8Array, netuid: number): bigint {
  const total = SubtensorStorage.TotalHotkeyAlpha.get(s, hotkey, netuid);
  const shares = SubtensorStorage.TotalHotkeyShares.get(s, hotkey, netuid).bits;
  if (shares === 0n) return 0n;
  return (total * SubtensorStorage.Alpha.get3(s, hotkey, coldkey, netuid).bits) / shares;
}

/** Credits `amount` alpha to (hotkey, coldkey): mints shares at the current share price. */
export function increaseStake(s: State, hotkey: Uint8Array, coldkey: Uint8Array, netuid: number, amount: bigint): void {
  if (amount <= 0n) return;
  const total = SubtensorStorage.TotalHotkeyAlpha.get(s, hotkey, netuid);
  const shares = SubtensorStorage.TotalHotkeyShares.get(s, hotkey, netuid).bits;
  const minted = shares === 0n || total === 0n ? amount * SHARE_ONE : (amount * shares) / total;
  SubtensorStorage.Alpha.set3(s, hotkey, coldkey, netuid, { bits: SubtensorStorage.Alpha.get3(s, hotkey, coldkey, netuid).bits + minted });
  SubtensorStorage.TotalHotkeyShares.set(s, hotkey, netuid, { bits: (total === 0n ? 0n : shares) + minted });
  SubtensorStorage.TotalHotkeyAlpha.set(s, hotkey, netuid, total + amount);
  const staking = SubtensorStorage.StakingHotkeys.get(s, coldkey);
  if (!staking.some((h) => same(h, hotkey))) SubtensorStorage.StakingHotkeys.set(s, coldkey, [...staking, hotkey]);
}

/** Removes `amount` alpha from (hotkey, coldkey): burns the matching shares. */
export function decreaseStake(s: State, hotkey: Uint8Array, coldkey: Uint8Array, netuid: number, amount: bigint): void {
  const total = SubtensorStorage.TotalHotkeyAlpha.get(s, hotkey, netuid);
  const shares = SubtensorStorage.TotalHotkeyShares.get(s, hotkey, netuid).bits;
  const mine = SubtensorStorage.Alpha.get3(s, hotkey, coldkey, netuid).bits;
  if (total === 0n || shares === 0n) return;
  const held = (total * mine) / shares;
  const burned = amount >= held ? mine : (amount * shares + total - 1n) / total;
  SubtensorStorage.Alpha.set3(s, hotkey, coldkey, netuid, { bits: mine - (burned > mine ? mine : burned) });
  SubtensorStorage.TotalHotkeyShares.set(s, hotkey, netuid, { bits: shares - (burned > mine ? mine : burned) });
  SubtensorStorage.TotalHotkeyAlpha.set(s, hotkey, netuid, total - (amount > total ? total : amount));
}

/** Emission to nominators: grows the hotkey's alpha without minting shares. */
export function addNominatorAlpha(s: State, hotkey: Uint8Array, netuid: number, amount: bigint): void {
  if (amount <= 0n) return;
  if (SubtensorStorage.TotalHotkeyShares.get(s, hotkey, netuid).bits === 0n) {
    increaseStake(s, hotkey, SubtensorStorage.Owner.get(s, hotkey), netuid, amount);
    return;
  }
  SubtensorStorage.TotalHotkeyAlpha.mutate(s, hotkey, netuid, (x) => x + amount);
}
