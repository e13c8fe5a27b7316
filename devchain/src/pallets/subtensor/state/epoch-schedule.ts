/**
 * The epoch schedule in storage: the pure schedule (epoch/schedule.ts) over LastEpochBlock,
 * PendingEpochAt, SubnetEpochIndex and BlocksSinceLastStep, and the commit-reveal epoch index.
 */
import type { State, ReadState } from '../../../frame/state.ts';
import { isEpochDue, consumeEpochSlot, commitEpochIndex, type EpochScheduleState } from '../epoch/index.ts';
import { SubtensorStorage } from '../storage.ts';

export function scheduleOf(s: ReadState, netuid: number): EpochScheduleState {
  return {
    tempo: SubtensorStorage.Tempo.get(s, netuid),
    lastEpochBlock: Number(SubtensorStorage.LastEpochBlock.get(s, netuid)),
    pendingEpochAt: Number(SubtensorStorage.PendingEpochAt.get(s, netuid)),
    subnetEpochIndex: Number(SubtensorStorage.SubnetEpochIndex.get(s, netuid)),
    blocksSinceLastStep: Number(SubtensorStorage.BlocksSinceLastStep.get(s, netuid)),
  };
}

/** Current CR epoch of a subnet at `block` (spec ≥ 423). */
export function currentCommitEpoch(s: ReadState, netuid: number, block: number): number {
  const st = scheduleOf(s, netuid);
  return commitEpochIndex(st.subnetEpochIndex, isEpochDue(st, block));
}

/** Consumes the subnet's due epoch slot (LastEpochBlock, PendingEpochAt, SubnetEpochIndex, BlocksSinceLastStep). */
export function consumeDueEpoch(s: State, netuid: number, block: number): void {
  const next = consumeEpochSlot(scheduleOf(s, netuid), block);
  SubtensorStorage.LastEpochBlock.set(s, netuid, BigInt(next.lastEpochBlock));
  SubtensorStorage.PendingEpochAt.set(s, netuid, 0n);
  SubtensorStorage.SubnetEpochIndex.set(s, netuid, BigInt(next.subnetEpochIndex));
  SubtensorStorage.BlocksSinceLastStep.set(s, netuid, 0n);
}
