/**
 * Epoch scheduling (subtensor-api.md §7). Current rule: "dynamic tempo" (spec ≥ 423), epochs every
 * `tempo` blocks counted from `LastEpochBlock`; the legacy modulo rule is kept for reference.
 * Blocks are plain numbers (u64 on chain, safe below 2^53).
 */

/** `BlocksSinceLastStep` above this forces an epoch. */
export const MAX_BLOCKS_WITHOUT_EPOCH = 50_400;

/** Per-subnet scheduling state (storage items of the same names). */
export interface EpochScheduleState {
  tempo: number;
  lastEpochBlock: number;
  /** 0 = no triggered epoch pending. */
  pendingEpochAt: number;
  subnetEpochIndex: number;
  blocksSinceLastStep: number;
}

/**
 * Is the subnet's epoch due at `block`? `tempo > 0` and (a triggered epoch is pending and reached,
 * or more than 50400 blocks passed without a step, or `block − LastEpochBlock ≥ tempo`).
 */
export function isEpochDue(state: EpochScheduleState, block: number): boolean {
  if (state.tempo <= 0) return false;
  if (state.pendingEpochAt > 0 && block >= state.pendingEpochAt) return true;
  if (state.blocksSinceLastStep > MAX_BLOCKS_WITHOUT_EPOCH) return true;
  return block - state.lastEpochBlock >= state.tempo;
}

/**
 * Blocks until the next automatic epoch: `LastEpochBlock + tempo − block`, floored at 0 (already
 * due). `null` when tempo is 0 (never).
 */
export function blocksUntilNextEpoch(state: Pick<EpochScheduleState, 'tempo' | 'lastEpochBlock'>, block: number): number | null {
  if (state.tempo <= 0) return null;
  return Math.max(0, state.lastEpochBlock + state.tempo - block);
}

/** Block of the next automatic epoch (`LastEpochBlock + tempo`), or null when tempo is 0. */
export function nextEpochBlock(state: Pick<EpochScheduleState, 'tempo' | 'lastEpochBlock'>): number | null {
  return state.tempo <= 0 ? null : state.lastEpochBlock + state.tempo;
}

/** State after a due slot is consumed at `block`. */
export function consumeEpochSlot(state: EpochScheduleState, block: number): EpochScheduleState {
  return { ...state, lastEpochBlock: block, pendingEpochAt: 0, subnetEpochIndex: state.subnetEpochIndex + 1, blocksSinceLastStep: 0 };
}

/** Stagger for a new subnet: `LastEpochBlock = now − (netuid mod tempo)` (saturating at 0). */
export function initialLastEpochBlock(now: number, netuid: number, tempo: number): number {
  if (tempo <= 0) return now;
  return Math.max(0, now - (netuid % tempo));
}

/** Fresh scheduling state for a subnet registered at `now`. */
export function initialScheduleState(now: number, netuid: number, tempo: number): EpochScheduleState {
  return {
    tempo,
    lastEpochBlock: initialLastEpochBlock(now, netuid, tempo),
    pendingEpochAt: 0,
    subnetEpochIndex: 0,
    blocksSinceLastStep: 0,
  };
}

/**
 * Commit-reveal epoch index at the current block (spec ≥ 423):
 * `SubnetEpochIndex + (1 if an epoch fires in this block else 0)`.
 */
export function commitEpochIndex(subnetEpochIndex: number, epochFiresThisBlock: boolean): number {
  return subnetEpochIndex + (epochFiresThisBlock ? 1 : 0);
}

/** A reveal is accepted iff `currentEpoch == commitEpoch + revealPeriodEpochs`. */
export function isRevealEpoch(commitEpoch: number, currentEpoch: number, revealPeriodEpochs: number): boolean {
  return currentEpoch === commitEpoch + revealPeriodEpochs;
}

/** A commit is expired iff `currentEpoch > commitEpoch + revealPeriodEpochs`. */
export function isCommitExpired(commitEpoch: number, currentEpoch: number, revealPeriodEpochs: number): boolean {
  return currentEpoch > commitEpoch + revealPeriodEpochs;
}

/** Activity cutoff in blocks (spec ≥ 423): `max(1, floor(factorMilli · tempo / 1000))`. */
export function activityCutoffBlocks(factorMilli: number, tempo: number): number {
  return Math.max(1, Math.floor((factorMilli * tempo) / 1000));
}

/**
 * Legacy rule (spec ≤ 422): `tempo − ((block + netuid + 1) mod (tempo + 1))`; null for tempo 0
 * (u64::MAX on chain). The epoch ran where this is 0; period tempo + 1.
 */
export function legacyBlocksUntilNextEpoch(netuid: number, tempo: number, block: number): number | null {
  if (tempo <= 0) return null;
  return tempo - ((block + netuid + 1) % (tempo + 1));
}

/** Legacy commit-reveal epoch index: `floor((block + netuid + 1) / (tempo + 1))`. */
export function legacyEpochIndex(netuid: number, tempo: number, block: number): number {
  return Math.floor((block + netuid + 1) / (tempo + 1));
}
