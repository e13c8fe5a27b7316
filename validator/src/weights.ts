/**
 * When and how to put weights on chain: timing against the rate limit and interval, retry after
 * failures, and commit-reveal planning (subtensor-api.md §2.1, §2.2, §10). Pure; `weights-step.ts`
 * performs the extrinsics.
 */
import { randomInt } from 'node:crypto';
import { compactToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsU8a, decodeAddress } from '@polkadot/util-crypto';
import type { WeightHyperparams } from './ports.ts';

/** What the timing decision needs from the chain view. */
export interface WeightsTimingView {
  block: number;
  ownUid: number | undefined;
  hasPermit: boolean;
  /** LastUpdate of our uid (0 = never). */
  ownLastUpdate: number;
  hyperparams: Pick<WeightHyperparams, 'tempo' | 'weightsSetRateLimit'>;
}

/** Our own memory of submissions (persisted). */
export interface WeightsTiming {
  /** Block in which our last set/commit was included (0 = never). */
  lastWeightsBlock: number;
  /** No new attempt before this block (pushed forward after a failure; 0 = none). */
  nextAttemptBlock: number;
}

export const INITIAL_TIMING: WeightsTiming = { lastWeightsBlock: 0, nextAttemptBlock: 0 };

/** Why weights are not due now. */
export type WaitReason = 'not-registered' | 'no-permit' | 'interval' | 'rate-limit' | 'backoff';

/** Due now, or not before `nextBlock`. */
export type WeightsDecision = { due: true } | { due: false; reason: WaitReason; nextBlock: number };

/**
 * Weights are due when we are registered with a permit, at least `intervalBlocks` (default: tempo)
 * have passed since our last update (chain LastUpdate or our own record, whichever is later), the
 * chain's rate limit allows it, and no failure backoff is pending.
 */
export function decideWeights(view: WeightsTimingView, timing: WeightsTiming, intervalBlocks?: number): WeightsDecision {
  const { block } = view;
  if (view.ownUid === undefined) return { due: false, reason: 'not-registered', nextBlock: block + 1 };
  if (!view.hasPermit) return { due: false, reason: 'no-permit', nextBlock: block + 1 };
  const interval = intervalBlocks ?? view.hyperparams.tempo;
  const last = Math.max(view.ownLastUpdate, timing.lastWeightsBlock);
  if (last > 0 && block - last < interval) return { due: false, reason: 'interval', nextBlock: last + interval };
  const limit = view.hyperparams.weightsSetRateLimit;
  if (view.ownLastUpdate > 0 && block - view.ownLastUpdate < limit) {
    return { due: false, reason: 'rate-limit', nextBlock: view.ownLastUpdate + limit };
  }
  if (block < timing.nextAttemptBlock) return { due: false, reason: 'backoff', nextBlock: timing.nextAttemptBlock };
  return { due: true };
}

/** Timing after a submission included in `includedBlock`. */
export function afterSuccess(includedBlock: number): WeightsTiming {
  return { lastWeightsBlock: includedBlock, nextAttemptBlock: 0 };
}

/**
 * Timing after a failed submission at `block`: the next try waits `retryDelayBlocks` (>= 1) and
 * at least until the rate limit allows it, so a failure is retried at the next allowed block,
 * never in a hot loop.
 */
export function afterFailure(prev: WeightsTiming, view: WeightsTimingView, retryDelayBlocks: number): WeightsTiming {
  const byLimit = view.ownLastUpdate > 0 ? view.ownLastUpdate + view.hyperparams.weightsSetRateLimit : 0;
  return { ...prev, nextAttemptBlock: Math.max(view.block + Math.max(1, retryDelayBlocks), byLimit) };
}

// ---- commit-reveal ----

/** A commit waiting for its reveal epoch (persisted; bigint as decimal string for JSON). */
export interface PendingCommit {
  hash: string;
  uids: number[];
  weights: number[];
  salt: number[];
  versionKey: string;
  commitBlock: number;
  commitEpoch: number;
  /** `commitEpoch + RevealPeriodEpochs`: the only epoch in which the chain accepts the reveal. */
  revealEpoch: number;
  /** No reveal attempt before this block (after a transient failure). */
  nextRevealBlock: number;
  /**
   * Saved as planned before commit_weights was sent, never recorded after inclusion (the process died in
   * between): the chain may have counted it one epoch later than planned, so its reveal may also come one
   * epoch later (a wrong epoch gets RevealTooEarly or ExpiredWeightCommit from the chain, never a wrong reveal).
   */
  unconfirmed?: boolean;
}

function u16le(n: number): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n > 0xffff) throw new RangeError(`expected a u16, found ${n}`);
  return Uint8Array.of(n & 0xff, n >> 8);
}

function vecU16(values: readonly number[]): Uint8Array {
  return u8aConcat(compactToU8a(values.length), ...values.map(u16le));
}

function u64le(n: bigint): Uint8Array {
  if (n < 0n || n > 0xffffffffffffffffn) throw new RangeError(`expected a u64, found ${n}`);
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, n, true);
  return out;
}

/**
 * The CR v2 commit hash: blake2-256 over SCALE
 * `(hotkey AccountId32, netuid u16, uids Vec<u16>, values Vec<u16>, salt Vec<u16>, version_key u64)`.
 * `hotkey` is SS58 or 0x-hex of the 32-byte public key.
 */
export function commitHash(
  hotkey: string,
  netuid: number,
  uids: readonly number[],
  values: readonly number[],
  salt: readonly number[],
  versionKey: bigint,
): string {
  const account = decodeAddress(hotkey);
  if (account.length !== 32) throw new RangeError(`expected a 32-byte AccountId, found ${account.length} bytes for ${hotkey}`);
  const encoded = u8aConcat(account, u16le(netuid), vecU16(uids), vecU16(values), vecU16(salt), u64le(versionKey));
  return u8aToHex(blake2AsU8a(encoded, 256));
}

/** A fresh random salt of `length` u16 values (the Bittensor SDK uses 8). */
export function makeSalt(length = 8): number[] {
  return Array.from({ length }, () => randomInt(0, 0x10000));
}

/** Builds the pending commit for weights committed at `commitBlock` in `commitEpoch`. */
export function planCommit(args: {
  hotkey: string;
  netuid: number;
  uids: number[];
  weights: number[];
  versionKey: bigint;
  commitBlock: number;
  commitEpoch: number;
  revealPeriodEpochs: number;
  salt?: number[];
}): PendingCommit {
  const salt = args.salt ?? makeSalt();
  return {
    hash: commitHash(args.hotkey, args.netuid, args.uids, args.weights, salt, args.versionKey),
    uids: args.uids,
    weights: args.weights,
    salt,
    versionKey: args.versionKey.toString(),
    commitBlock: args.commitBlock,
    commitEpoch: args.commitEpoch,
    revealEpoch: args.commitEpoch + args.revealPeriodEpochs,
    nextRevealBlock: 0,
  };
}

/** Pending commits split by what to do with them in `epoch` at `block`. */
export interface RevealPlan {
  /** Reveal now, oldest first. */
  reveal: PendingCommit[];
  /** Past their reveal epoch: the chain has dropped them. */
  expired: PendingCommit[];
  /** Not yet (earlier epoch, or backing off after a failure). */
  waiting: PendingCommit[];
}

/**
 * Which pending commits to reveal now (`epoch === revealEpoch`, or the epoch after for an unconfirmed one),
 * which expired, which wait.
 */
export function planReveals(pending: readonly PendingCommit[], epoch: number, block: number): RevealPlan {
  const plan: RevealPlan = { reveal: [], expired: [], waiting: [] };
  for (const c of [...pending].sort((a, b) => a.commitBlock - b.commitBlock)) {
    const last = c.revealEpoch + (c.unconfirmed === true ? 1 : 0);
    if (epoch > last) plan.expired.push(c);
    else if (epoch >= c.revealEpoch && block >= c.nextRevealBlock) plan.reveal.push(c);
    else plan.waiting.push(c);
  }
  return plan;
}
