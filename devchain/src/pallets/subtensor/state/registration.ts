/**
 * Registration state transitions: a hotkey's account (Owner, OwnedHotkeys), a new uid at the end of
 * the per-uid vectors, a replaced uid, and which uid registration prunes.
 */
import type { ReadState, State } from '../../../frame/state.ts';
import { SubtensorStorage } from '../storage.ts';
import { same } from '../accounts.ts';

export function setAt<V>(arr: V[], i: number, v: V, fill: V): V[] {
  const out = arr.slice();
  while (out.length <= i) out.push(fill);
  out[i] = v;
  return out;
}

export function createAccountIfNew(s: State, coldkey: Uint8Array, hotkey: Uint8Array): void {
  if (SubtensorStorage.Owner.contains(s, hotkey)) return;
  SubtensorStorage.Owner.set(s, hotkey, coldkey);
  const owned = SubtensorStorage.OwnedHotkeys.get(s, coldkey);
  if (!owned.some((h) => same(h, hotkey))) SubtensorStorage.OwnedHotkeys.set(s, coldkey, [...owned, hotkey]);
  const staking = SubtensorStorage.StakingHotkeys.get(s, coldkey);
  if (!staking.some((h) => same(h, hotkey))) SubtensorStorage.StakingHotkeys.set(s, coldkey, [...staking, hotkey]);
}

/** `append_neuron` (§9): a new uid at the end of every per-uid vector. */
export function appendNeuron(s: State, netuid: number, hotkey: Uint8Array, block: number): number {
  const uid = SubtensorStorage.SubnetworkN.get(s, netuid);
  SubtensorStorage.SubnetworkN.set(s, netuid, uid + 1);
  SubtensorStorage.Active.mutate(s, netuid, (v) => setAt(v, uid, true, false));
  SubtensorStorage.Emission.mutate(s, netuid, (v) => setAt(v, uid, 0n, 0n));
  SubtensorStorage.Consensus.mutate(s, netuid, (v) => setAt(v, uid, 0, 0));
  SubtensorStorage.Incentive.mutate(s, netuid, (v) => setAt(v, uid, 0, 0));
  SubtensorStorage.Dividends.mutate(s, netuid, (v) => setAt(v, uid, 0, 0));
  SubtensorStorage.ValidatorTrust.mutate(s, netuid, (v) => setAt(v, uid, 0, 0));
  SubtensorStorage.StakeWeight.mutate(s, netuid, (v) => setAt(v, uid, 0, 0));
  SubtensorStorage.ValidatorPermit.mutate(s, netuid, (v) => setAt(v, uid, false, false));
  SubtensorStorage.LastUpdate.mutate(s, netuid, (v) => setAt(v, uid, BigInt(block), 0n));
  SubtensorStorage.Keys.set(s, netuid, uid, hotkey);
  SubtensorStorage.Uids.set(s, netuid, hotkey, uid);
  SubtensorStorage.BlockAtRegistration.set(s, netuid, uid, BigInt(block));
  SubtensorStorage.IsNetworkMember.set(s, hotkey, netuid, true);
  return uid;
}

/** `replace_neuron` (§9): the uid gets a new hotkey; its outputs, bonds, weights and incoming weights are reset. */
export function replaceNeuron(s: State, netuid: number, uid: number, hotkey: Uint8Array, block: number): void {
  const old = SubtensorStorage.Keys.get(s, netuid, uid);
  SubtensorStorage.Uids.remove(s, netuid, old);
  SubtensorStorage.IsNetworkMember.remove(s, old, netuid);
  SubtensorStorage.Axons.remove(s, netuid, old);
  SubtensorStorage.Prometheus.remove(s, netuid, old);
  SubtensorStorage.Keys.set(s, netuid, uid, hotkey);
  SubtensorStorage.Uids.set(s, netuid, hotkey, uid);
  SubtensorStorage.IsNetworkMember.set(s, hotkey, netuid, true);
  SubtensorStorage.BlockAtRegistration.set(s, netuid, uid, BigInt(block));
  SubtensorStorage.Active.mutate(s, netuid, (v) => setAt(v, uid, true, false));
  SubtensorStorage.Emission.mutate(s, netuid, (v) => setAt(v, uid, 0n, 0n));
  for (const item of [
    SubtensorStorage.Consensus,
    SubtensorStorage.Incentive,
    SubtensorStorage.Dividends,
    SubtensorStorage.StakeWeight,
    SubtensorStorage.ValidatorTrust,
  ])
    item.mutate(s, netuid, (v) => setAt(v, uid, 0, 0));
  SubtensorStorage.ValidatorPermit.mutate(s, netuid, (v) => setAt(v, uid, false, false));
  SubtensorStorage.LastUpdate.mutate(s, netuid, (v) => setAt(v, uid, BigInt(block), 0n));
  SubtensorStorage.Bonds.remove(s, netuid, uid);
  SubtensorStorage.Weights.remove(s, netuid, uid);
  for (const [row, w] of SubtensorStorage.Weights.entriesOf(s, netuid)) {
    if (w.some(([j]) => j === uid))
      SubtensorStorage.Weights.set(
        s,
        netuid,
        row,
        w.map(([j, v]) => [j, j === uid ? 0 : v] as [number, number]),
      );
  }
}

/**
 * `get_immune_owner_hotkeys`: the owner coldkey's hotkeys registered on the subnet, oldest
 * registration first (then lowest uid), at most `ImmuneOwnerUidsLimit`, plus the subnet owner hotkey.
 */
export function immuneOwnerHotkeys(s: ReadState, netuid: number): Uint8Array[] {
  const owned = SubtensorStorage.OwnedHotkeys.get(s, SubtensorStorage.SubnetOwner.get(s, netuid))
    .flatMap((hotkey) => {
      const uid = SubtensorStorage.Uids.get(s, netuid, hotkey);
      return uid === undefined ? [] : [{ hotkey, uid, block: SubtensorStorage.BlockAtRegistration.get(s, netuid, uid) }];
    })
    .sort((a, b) => (a.block !== b.block ? (a.block < b.block ? -1 : 1) : a.uid - b.uid))
    .slice(0, SubtensorStorage.ImmuneOwnerUidsLimit.get(s, netuid))
    .map((x) => x.hotkey);
  const ownerHot = SubtensorStorage.SubnetOwnerHotkey.get(s, netuid);
  if (SubtensorStorage.Uids.get(s, netuid, ownerHot) !== undefined && !owned.some((h) => same(h, ownerHot))) owned.unshift(ownerHot);
  return owned;
}

/**
 * `get_neuron_to_prune` (§9, spec 425): skipping the owner's immune hotkeys, the non-immune uid
 * with the lowest emission (then earliest registration, then lowest uid) while more than
 * `MinNonImmuneUids` are non-immune, else the best immune uid, else none (NoNeuronIdAvailable).
 */
export function neuronToPrune(s: ReadState, netuid: number, block: number): number | null {
  const n = SubtensorStorage.SubnetworkN.get(s, netuid);
  const immortal = immuneOwnerHotkeys(s, netuid);
  const immunity = BigInt(SubtensorStorage.ImmunityPeriod.get(s, netuid));
  const emission = SubtensorStorage.Emission.get(s, netuid);
  const better = (a: number, b: number): boolean => {
    const ea = emission[a] ?? 0n,
      eb = emission[b] ?? 0n;
    if (ea !== eb) return ea < eb;
    const ra = SubtensorStorage.BlockAtRegistration.get(s, netuid, a),
      rb = SubtensorStorage.BlockAtRegistration.get(s, netuid, b);
    if (ra !== rb) return ra < rb;
    return a < b;
  };
  let bestFree: number | null = null,
    bestImmune: number | null = null,
    freeCount = 0;
  for (let uid = 0; uid < n; uid++) {
    if (!SubtensorStorage.Keys.contains(s, netuid, uid)) continue;
    const hotkey = SubtensorStorage.Keys.get(s, netuid, uid);
    if (immortal.some((h) => same(h, hotkey))) continue;
    const registered = SubtensorStorage.BlockAtRegistration.get(s, netuid, uid);
    const immune = BigInt(block) > registered ? BigInt(block) - registered < immunity : 0n < immunity;
    if (immune) {
      if (bestImmune === null || better(uid, bestImmune)) bestImmune = uid;
    } else {
      freeCount++;
      if (bestFree === null || better(uid, bestFree)) bestFree = uid;
    }
  }
  if (bestFree !== null && freeCount > SubtensorStorage.MinNonImmuneUids.get(s, netuid)) return bestFree;
  return bestImmune;
}
