/** Subnet lifecycle: existence, creation (`init_new_network`), netuid allocation, lock cost. */
import type { ReadState, State } from '../../../frame/state.ts';
import { initialLastEpochBlock } from '../epoch/index.ts';
import { SubtensorStorage } from '../storage.ts';
import { isZeroAccount } from '../accounts.ts';
import { appendNeuron, createAccountIfNew } from './registration.ts';

export function subnetExists(s: ReadState, netuid: number): boolean {
  return SubtensorStorage.NetworksAdded.get(s, netuid);
}

export function netuids(s: ReadState): number[] {
  return SubtensorStorage.NetworksAdded.entries(s)
    .filter(([, added]) => added)
    .map(([n]) => n)
    .sort((a, b) => a - b);
}

export function hotkeysOf(s: ReadState, netuid: number): Uint8Array[] {
  const n = SubtensorStorage.SubnetworkN.get(s, netuid);
  return Array.from({ length: n }, (_, uid) => SubtensorStorage.Keys.get(s, netuid, uid));
}

export interface SubnetInit {
  netuid: number;
  owner: Uint8Array;
  ownerHotkey: Uint8Array;
  block: number;
  lock: bigint;
}

/** `init_new_network` plus the owner hotkey as uid 0 (stable mechanism). */
export function initNetwork(s: State, x: SubnetInit): void {
  const { netuid, block } = x;
  SubtensorStorage.NetworksAdded.set(s, netuid, true);
  SubtensorStorage.TotalNetworks.mutate(s, (v) => v + 1);
  SubtensorStorage.NetworkRegisteredAt.set(s, netuid, BigInt(block));
  SubtensorStorage.SubnetMechanism.set(s, netuid, 0);
  SubtensorStorage.SubnetOwner.set(s, netuid, x.owner);
  SubtensorStorage.SubnetOwnerHotkey.set(s, netuid, x.ownerHotkey);
  const tempo = SubtensorStorage.Tempo.get(s, netuid);
  SubtensorStorage.Tempo.set(s, netuid, tempo);
  SubtensorStorage.LastEpochBlock.set(s, netuid, BigInt(initialLastEpochBlock(block, netuid, tempo)));
  SubtensorStorage.MaxAllowedUids.set(s, netuid, 256);
  SubtensorStorage.MaxAllowedValidators.set(s, netuid, 64);
  SubtensorStorage.MinAllowedWeights.set(s, netuid, 1);
  SubtensorStorage.ImmunityPeriod.set(s, netuid, 5000);
  SubtensorStorage.Yuma3On.set(s, netuid, true);
  SubtensorStorage.Burn.set(s, netuid, 1_000_000_000n);
  SubtensorStorage.SubnetTAO.set(s, netuid, x.lock);
  SubtensorStorage.SubnetLocked.set(s, netuid, x.lock);
  SubtensorStorage.NetworkRegistrationAllowed.set(s, netuid, true);
  if (!isZeroAccount(x.ownerHotkey)) {
    createAccountIfNew(s, x.owner, x.ownerHotkey);
    appendNeuron(s, netuid, x.ownerHotkey, block);
  }
}

/** Lowest free netuid above 0. */
export function nextNetuid(s: ReadState): number {
  let n = 1;
  while (SubtensorStorage.NetworksAdded.get(s, n)) n++;
  return n;
}

/** `get_network_lock_cost`: `max(min, last·2 − (last / interval)·(now − last_block))`. */
export function networkLockCost(s: ReadState, block: number): bigint {
  const last = SubtensorStorage.NetworkLastLockCost.get(s);
  const min = SubtensorStorage.NetworkMinLockCost.get(s);
  const lastBlock = SubtensorStorage.NetworkLastRegistered.get(s);
  const interval = SubtensorStorage.NetworkLockReductionInterval.get(s);
  const mult = lastBlock === 0n ? 1n : 2n;
  const reduction = interval === 0n ? 0n : (last / interval) * (BigInt(block) - lastBlock);
  const cost = last * mult - reduction;
  return cost < min ? min : cost;
}
