/**
 * Upstream's dispatch guards (spec 425 `guards/`): checks that run before a SubtensorModule call's
 * body, both at pool validation (`SubtensorTransactionExtension`, refusing with
 * `InvalidTransaction::Custom(code)`) and at dispatch (failing with the module error). Order as
 * upstream: CheckWeights (min stake, then the reveal's commit), CheckRateLimits, CheckServingEndpoints.
 */
import type { ReadState } from '../../frame/state.ts';
import { commitHash, isRevealEpoch } from './epoch/index.ts';
import { SubtensorStorage } from './storage.ts';
import { same } from './accounts.ts';
import { currentCommitEpoch } from './state/epoch-schedule.ts';
import { axonError, prometheusError } from './calls/serving-checks.ts';

/** A SubtensorModule call as the guards see it: its name and decoded arguments. */
export interface GuardedCall {
  name: string;
  args: Record<string, unknown>;
}

/** Upstream `CustomTransactionError` codes (common/src/transaction_error.rs) by error name. */
const CUSTOM_CODE_OF: Record<string, number> = {
  AmountTooLow: 1,
  NotEnoughStakeToSetWeights: 1,
  NotEnoughBalanceToStake: 2,
  SubnetNotExists: 3,
  HotKeyAccountNotExists: 4,
  NotEnoughStakeToWithdraw: 5,
  CommittingWeightsTooFast: 6,
  SettingWeightsTooFast: 6,
  NetworkTxRateLimitExceeded: 6,
  InsufficientLiquidity: 7,
  SlippageTooHigh: 8,
  TransferDisallowed: 9,
  HotKeyNotRegisteredInNetwork: 10,
  InvalidIpAddress: 11,
  ServingRateLimitExceeded: 12,
  InvalidPort: 13,
  InvalidRevealRound: 15,
  NoWeightsCommitFound: 16,
  RevealTooEarly: 17,
  InputLengthsUnequal: 18,
  HotKeyNotRegisteredInSubNet: 19,
  NonAssociatedColdKey: 25,
  DelegateTakeTooLow: 26,
  DelegateTakeTooHigh: 27,
};
/** `From<Error<T>> for CustomTransactionError`: unlisted errors are `BadRequest` (255). */
export const customCodeOf = (error: string): number => CUSTOM_CODE_OF[error] ?? 255;

const WEIGHT_CALLS = new Set(['set_weights', 'commit_weights', 'reveal_weights']);

const U64_MAX = (1n << 64n) - 1n;

/**
 * `check_weights_min_stake`: the owner's uid passes; others need `StakeThreshold` of alpha plus
 * root stake × TaoWeight (I64F64, TaoWeight / u64::MAX truncated to U96F32 as in the epoch).
 */
export function hasWeightsMinStake(s: ReadState, hotkey: Uint8Array, netuid: number): boolean {
  const ownerUid = SubtensorStorage.Uids.get(s, netuid, SubtensorStorage.SubnetOwnerHotkey.get(s, netuid));
  if (ownerUid !== undefined && SubtensorStorage.Uids.get(s, netuid, hotkey) === ownerUid) return true;
  const taoWeight = ((SubtensorStorage.TaoWeight.get(s) << 32n) / U64_MAX) << 32n;
  const root = netuid === 0 ? 0n : SubtensorStorage.TotalHotkeyAlpha.get(s, hotkey, 0);
  const total = (SubtensorStorage.TotalHotkeyAlpha.get(s, hotkey, netuid) << 64n) + root * taoWeight;
  return total >= SubtensorStorage.StakeThreshold.get(s) << 64n;
}

/** `check_rate_limit`: unregistered hotkeys and a LastUpdate of 0 pass. */
function passesWeightsRateLimit(s: ReadState, hotkey: Uint8Array, netuid: number, block: number): boolean {
  const uid = SubtensorStorage.Uids.get(s, netuid, hotkey);
  if (uid === undefined) return true;
  const last = SubtensorStorage.LastUpdate.get(s, netuid)[uid] ?? 0n;
  return last === 0n || BigInt(block) - last >= SubtensorStorage.WeightsSetRateLimit.get(s, netuid);
}

/** CheckWeights' reveal check: the hash must be queued (expired ones too), and be in its reveal epoch. */
function revealError(s: ReadState, hotkey: Uint8Array, a: Record<string, unknown>, block: number): string | null {
  const netuid = a.netuid as number;
  const commits = SubtensorStorage.WeightCommits.get(s, netuid, hotkey);
  if (!commits) return 'NoWeightsCommitFound';
  const hash = commitHash({
    hotkey,
    netuidIndex: netuid,
    uids: a.uids as number[],
    values: a.values as number[],
    salt: a.salt as number[],
    versionKey: a.version_key as bigint,
  });
  const found = commits.find((c) => same(c[0], hash));
  if (!found) return 'NoWeightsCommitFound';
  const period = Number(SubtensorStorage.RevealPeriodEpochs.get(s, netuid));
  return isRevealEpoch(Number(found[1]), currentCommitEpoch(s, netuid, block), period) ? null : 'RevealTooEarly';
}

function rateLimitError(s: ReadState, who: Uint8Array, c: GuardedCall, block: number): string | null {
  const netuid = c.args.netuid as number;
  if (c.name === 'commit_weights') return passesWeightsRateLimit(s, who, netuid, block) ? null : 'CommittingWeightsTooFast';
  if (c.name === 'set_weights' && !SubtensorStorage.CommitRevealWeightsEnabled.get(s, netuid))
    return passesWeightsRateLimit(s, who, netuid, block) ? null : 'SettingWeightsTooFast';
  if (
    c.name === 'register_network' &&
    BigInt(block) - SubtensorStorage.NetworkLastRegistered.get(s) < SubtensorStorage.NetworkRateLimit.get(s)
  )
    return 'NetworkTxRateLimitExceeded';
  return null;
}

/** The first guard a signed SubtensorModule call fails at `block`, as an upstream error name, or null. */
export function guardError(s: ReadState, block: number, who: Uint8Array, c: GuardedCall, allowLoopback: boolean): string | null {
  if (WEIGHT_CALLS.has(c.name)) {
    if (!hasWeightsMinStake(s, who, c.args.netuid as number)) return 'NotEnoughStakeToSetWeights';
    if (c.name === 'reveal_weights') {
      const e = revealError(s, who, c.args, block);
      if (e) return e;
    }
  }
  const rate = rateLimitError(s, who, c, block);
  if (rate) return rate;
  if (c.name === 'serve_axon') return axonError(s, block, who, c.args as Parameters<typeof axonError>[3], allowLoopback);
  if (c.name === 'serve_prometheus') return prometheusError(s, block, who, c.args as Parameters<typeof prometheusError>[3], allowLoopback);
  return null;
}
