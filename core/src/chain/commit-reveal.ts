/**
 * Commit-reveal (v2) as the chain at hand counts it. Two runtime generations store the same
 * `WeightCommits` type, `VecDeque<(H256, u64, u64, u64)>`, with different meanings:
 * - epoch-index (spec >= 423, dynamic tempo, recognised by the `SubnetEpochIndex` item):
 *   `(hash, commit_epoch, commit_block, 0)`; the epoch of a block is the stored `SubnetEpochIndex`,
 *   plus one when an epoch fires in that block;
 * - reveal-blocks (older runtimes, fixed tempo): `(hash, commit_block, first_reveal_block, last_reveal_block)`;
 *   the epoch of a block is `floor((block + netuid + 1) / (tempo + 1))`.
 * Older still, a single `(hash, commit_block)` pair. In every generation the reveal is accepted only in
 * epoch `commit_epoch + RevealPeriodEpochs`. Browser-safe.
 */
import type { HexString } from '@polkadot/util/types';
import { codecList, codecToNumber } from './codec.ts';
import type { SubtensorAt } from './reader.ts';
import type { EpochScheduleRecord } from './subnet-reads.ts';

/** How this runtime counts commit-reveal epochs and lays out `WeightCommits`. */
export type CommitRevealLayout = 'epoch-index' | 'reveal-blocks';

/** The layout of the chain read by `s`, from its own metadata: `SubnetEpochIndex` exists only with epoch indices. */
export function commitRevealLayout(s: Pick<SubtensorAt, 'has'>): CommitRevealLayout {
  return s.has('subnetEpochIndex') ? 'epoch-index' : 'reveal-blocks';
}

/** One pending commit as the chain stores it, with the epoch the chain counts it in. */
export interface WeightCommitRecord {
  hash: HexString;
  /** Block the commit was included in. */
  commitBlock: number;
  /** Commit-reveal epoch the chain counts the commit in; the reveal goes in `commitEpoch + RevealPeriodEpochs`. */
  commitEpoch: number;
  /** reveal-blocks layout only: the block window the chain stored for the reveal. */
  revealBlocks?: { first: number; last: number };
}

/** The fixed-tempo epoch index of `block` (reveal-blocks runtimes). */
export function legacyEpochIndex(block: number, netuid: number, tempo: number): number {
  return Math.floor((block + netuid + 1) / (tempo + 1));
}

/** `BlocksSinceLastStep` above this forces an epoch (subtensor-api.md §7). */
const MAX_BLOCKS_WITHOUT_EPOCH = 50_400;

/** The dynamic-tempo items needed to tell the epoch of the next block (epoch-index runtimes). */
export interface EpochIndexSchedule {
  tempo: number;
  subnetEpochIndex: number;
  lastEpochBlock: number;
  /** 0 = no triggered epoch pending. */
  pendingEpochAt: number;
  blocksSinceLastStep: number;
}

/**
 * The epoch an extrinsic included in block `block + 1` is counted in, from the state after `block`
 * (epoch-index runtimes): `SubnetEpochIndex + (1 if an epoch fires in block + 1)`.
 */
export function nextBlockEpochIndex(s: EpochIndexSchedule, block: number): number {
  const next = block + 1;
  const fires =
    s.tempo > 0 &&
    ((s.pendingEpochAt > 0 && next >= s.pendingEpochAt) ||
      s.blocksSinceLastStep + 1 > MAX_BLOCKS_WITHOUT_EPOCH ||
      next - s.lastEpochBlock >= s.tempo);
  return s.subnetEpochIndex + (fires ? 1 : 0);
}

/**
 * The commit-reveal epoch a commit or reveal sent after `block` is counted in (it lands in `block + 1`
 * at the earliest), for either layout.
 */
export function commitRevealEpochAfter(layout: CommitRevealLayout, schedule: EpochScheduleRecord, block: number, netuid: number): number {
  if (layout === 'reveal-blocks' || schedule.subnetEpochIndex === null) return legacyEpochIndex(block + 1, netuid, schedule.tempo);
  return nextBlockEpochIndex(
    {
      tempo: schedule.tempo,
      subnetEpochIndex: schedule.subnetEpochIndex,
      lastEpochBlock: schedule.lastEpochBlock ?? 0,
      pendingEpochAt: schedule.pendingEpochAt ?? 0,
      blocksSinceLastStep: schedule.blocksSinceLastStep ?? 0,
    },
    block,
  );
}

function hexOf(c: unknown): HexString {
  const hex = (c as { toHex?: () => string }).toHex?.() ?? String(c);
  return hex.toLowerCase() as HexString;
}

/** One stored tuple, decoded by the layout's meaning of its positions. */
export function decodeWeightCommit(tuple: unknown, layout: CommitRevealLayout, netuid: number, tempo: number): WeightCommitRecord {
  const parts = [...(tuple as Iterable<unknown>)];
  const hash = hexOf(parts[0]);
  if (layout === 'epoch-index' && parts.length >= 3) {
    return { hash, commitEpoch: codecToNumber(parts[1]), commitBlock: codecToNumber(parts[2]) };
  }
  const commitBlock = codecToNumber(parts[1]);
  const record: WeightCommitRecord = { hash, commitBlock, commitEpoch: legacyEpochIndex(commitBlock, netuid, tempo) };
  if (parts.length >= 4) record.revealBlocks = { first: codecToNumber(parts[2]), last: codecToNumber(parts[3]) };
  return record;
}

/** A `WeightCommits` value (an Option of a queue, or a single pair on the oldest runtimes) as records. */
export function decodeWeightCommits(value: unknown, layout: CommitRevealLayout, netuid: number, tempo: number): WeightCommitRecord[] {
  const items = codecList(value);
  // The oldest runtimes store one (hash, block) pair, not a queue of tuples.
  // (A tuple codec is an Array; a hash is a Uint8Array.)
  const queue = items.length > 0 && !Array.isArray(items[0]) ? [items] : items;
  return queue.map((t) => decodeWeightCommit(t, layout, netuid, tempo));
}

/** The pending commits of `hotkey` on `netuid`, with the epoch this chain counts each in. */
export async function readWeightCommits(s: SubtensorAt, netuid: number, hotkey: string, tempo: number): Promise<WeightCommitRecord[]> {
  const entry = s.maybe('weightCommits');
  if (entry === undefined) return [];
  return decodeWeightCommits(await entry(netuid, hotkey), commitRevealLayout(s), netuid, tempo);
}
