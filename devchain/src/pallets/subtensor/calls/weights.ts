/**
 * Weights calls (subtensor-api.md §2.1, §2.5): set_weights (0), commit_weights (96) and
 * reveal_weights (97), with upstream's check order.
 */
import { T, vec } from '../../../scale/types.ts';
import { call, ensureSigned, type CallDef, type DispatchContext } from '../../../frame/pallet.ts';
import { H256 } from '../../../frame/common-types.ts';
import type { ReadState } from '../../../frame/state.ts';
import { commitHash, maxUpscaleU16, exceedsMaxWeightLimit, isCommitExpired, isRevealEpoch } from '../epoch/index.ts';
import { SubtensorStorage, type CommitValue } from '../storage.ts';
import { same } from '../accounts.ts';
import { emit } from '../events.ts';
import { fail } from '../errors.ts';
import { subnetExists } from '../state/subnets.ts';
import { currentCommitEpoch } from '../state/epoch-schedule.ts';

const NetUid = T.u16;
type Fail = (name: string) => never;
interface WeightsArgs {
  netuid: number;
  dests: number[];
  weights: number[];
  version_key: bigint;
}

/** Upstream `set_weights` checks (§2.1) in order; `reveal` skips the rate limit and LastUpdate. */
export function checkWeights(
  s: ReadState,
  block: number,
  hotkey: Uint8Array,
  a: { netuid: number; dests: number[]; weights: number[]; version_key: bigint },
  fail: Fail,
  reveal: boolean,
): { uid: number; upscaled: number[] } {
  const { netuid, dests, weights } = a;
  if (netuid === 0) fail('CanNotSetRootNetworkWeights');
  if (dests.length !== weights.length) fail('WeightVecNotEqualSize');
  if (!subnetExists(s, netuid)) fail('MechanismDoesNotExist');
  const n = SubtensorStorage.SubnetworkN.get(s, netuid);
  if (dests.length > n) fail('UidsLengthExceedUidsInSubNet');
  const uid = SubtensorStorage.Uids.get(s, netuid, hotkey);
  if (uid === undefined) return fail('HotKeyNotRegisteredInSubNet');
  const isOwner = same(SubtensorStorage.SubnetOwnerHotkey.get(s, netuid), hotkey);
  if (!isOwner && SubtensorStorage.TotalHotkeyAlpha.get(s, hotkey, netuid) < SubtensorStorage.StakeThreshold.get(s))
    fail('NotEnoughStakeToSetWeights');
  const vk = SubtensorStorage.WeightsVersionKey.get(s, netuid);
  if (vk !== 0n && a.version_key < vk) fail('IncorrectWeightVersionKey');
  const cr = SubtensorStorage.CommitRevealWeightsEnabled.get(s, netuid);
  if (!reveal && !cr) {
    const last = SubtensorStorage.LastUpdate.get(s, netuid)[uid] ?? 0n;
    if (last !== 0n && BigInt(block) - last < SubtensorStorage.WeightsSetRateLimit.get(s, netuid)) fail('SettingWeightsTooFast');
  }
  const selfWeight = dests.length === 1 && dests[0] === uid;
  if (!selfWeight && !isOwner && !(SubtensorStorage.ValidatorPermit.get(s, netuid)[uid] ?? false)) fail('NeuronNoValidatorPermit');
  if (new Set(dests).size !== dests.length) fail('DuplicateUids');
  if (dests.some((d) => !SubtensorStorage.Keys.contains(s, netuid, d))) fail('UidVecContainInvalidOne');
  if (!selfWeight && weights.length < Math.min(SubtensorStorage.MinAllowedWeights.get(s, netuid), n)) fail('WeightVecLengthIsLow');
  const upscaled = maxUpscaleU16(weights);
  // Upstream's limit is the constant 65535 (no limit); a genesis `maxWeightsLimit` opts a subnet into the legacy check.
  if (!selfWeight && exceedsMaxWeightLimit(upscaled, SubtensorStorage.MaxWeightsLimit.get(s, netuid))) fail('MaxWeightExceeded');
  return { uid, upscaled };
}

function storeWeights(ctx: DispatchContext, hotkey: Uint8Array, a: WeightsArgs, reveal: boolean): void {
  const s = ctx.state;
  const { uid, upscaled } = checkWeights(s, ctx.blockNumber, hotkey, a, fail, reveal);
  SubtensorStorage.Weights.set(
    s,
    a.netuid,
    uid,
    a.dests.map((d, i) => [d, upscaled[i]!] as [number, number]),
  );
  if (!SubtensorStorage.CommitRevealWeightsEnabled.get(s, a.netuid))
    SubtensorStorage.LastUpdate.mutate(s, a.netuid, (v) => setLast(v, uid, ctx.blockNumber));
  emit(ctx, 'WeightsSet', [a.netuid, uid]);
}

function setLast(v: bigint[], uid: number, block: number): bigint[] {
  const out = v.slice();
  while (out.length <= uid) out.push(0n);
  out[uid] = BigInt(block);
  return out;
}

const weightsArgs = [
  { name: 'netuid', type: NetUid, typeName: 'NetUid' },
  { name: 'dests', type: vec(T.u16), typeName: 'Vec<u16>' },
  { name: 'weights', type: vec(T.u16), typeName: 'Vec<u16>' },
  { name: 'version_key', type: T.u64, typeName: 'u64' },
];

export function weightsCalls(): CallDef[] {
  return [
    call<WeightsArgs>({
      name: 'set_weights',
      index: 0,
      args: weightsArgs,
      pays: 'No',
      dispatch: (ctx, a) => {
        const who = ensureSigned(ctx);
        // Upstream checks commit-reveal first, root included (its CommitRevealWeightsEnabled defaults to true).
        if (SubtensorStorage.CommitRevealWeightsEnabled.get(ctx.state, a.netuid)) fail('CommitRevealEnabled');
        storeWeights(ctx, who, a, false);
      },
    }),
    call<{ netuid: number; commit_hash: Uint8Array }>({
      name: 'commit_weights',
      index: 96,
      pays: 'No',
      args: [
        { name: 'netuid', type: NetUid, typeName: 'NetUid' },
        { name: 'commit_hash', type: H256, typeName: 'H256' },
      ],
      dispatch: (ctx, a) => {
        const who = ensureSigned(ctx);
        const s = ctx.state;
        if (!subnetExists(s, a.netuid)) fail('MechanismDoesNotExist');
        if (!SubtensorStorage.CommitRevealWeightsEnabled.get(s, a.netuid)) fail('CommitRevealDisabled');
        const uid = SubtensorStorage.Uids.get(s, a.netuid, who);
        if (uid === undefined) return fail('HotKeyNotRegisteredInSubNet');
        const last = SubtensorStorage.LastUpdate.get(s, a.netuid)[uid] ?? 0n;
        if (last !== 0n && BigInt(ctx.blockNumber) - last < SubtensorStorage.WeightsSetRateLimit.get(s, a.netuid))
          fail('CommittingWeightsTooFast');
        const epoch = currentCommitEpoch(s, a.netuid, ctx.blockNumber);
        const period = Number(SubtensorStorage.RevealPeriodEpochs.get(s, a.netuid));
        const q = (SubtensorStorage.WeightCommits.get(s, a.netuid, who) ?? []).filter((c) => !isCommitExpired(Number(c[1]), epoch, period));
        if (q.length >= 10) fail('TooManyUnrevealedCommits');
        q.push([a.commit_hash, BigInt(epoch), BigInt(ctx.blockNumber), 0n]);
        SubtensorStorage.WeightCommits.set(s, a.netuid, who, q);
        SubtensorStorage.LastUpdate.mutate(s, a.netuid, (v) => setLast(v, uid, ctx.blockNumber));
        emit(ctx, 'WeightsCommitted', [who, a.netuid, a.commit_hash]);
      },
    }),
    call<{ netuid: number; uids: number[]; values: number[]; salt: number[]; version_key: bigint }>({
      name: 'reveal_weights',
      index: 97,
      pays: 'No',
      args: [
        { name: 'netuid', type: NetUid, typeName: 'NetUid' },
        { name: 'uids', type: vec(T.u16), typeName: 'Vec<u16>' },
        { name: 'values', type: vec(T.u16), typeName: 'Vec<u16>' },
        { name: 'salt', type: vec(T.u16), typeName: 'Vec<u16>' },
        { name: 'version_key', type: T.u64, typeName: 'u64' },
      ],
      dispatch: (ctx, a) => {
        const who = ensureSigned(ctx);
        const s = ctx.state;
        if (!SubtensorStorage.CommitRevealWeightsEnabled.get(s, a.netuid)) fail('CommitRevealDisabled');
        const all: CommitValue[] | undefined = SubtensorStorage.WeightCommits.get(s, a.netuid, who);
        if (!all || all.length === 0) return fail('NoWeightsCommitFound');
        const epoch = currentCommitEpoch(s, a.netuid, ctx.blockNumber);
        const period = Number(SubtensorStorage.RevealPeriodEpochs.get(s, a.netuid));
        const hash = commitHash({
          hotkey: who,
          netuidIndex: a.netuid,
          uids: a.uids,
          values: a.values,
          salt: a.salt,
          versionKey: a.version_key,
        });
        const live = all.filter((c) => !isCommitExpired(Number(c[1]), epoch, period));
        const pos = live.findIndex((c) => same(c[0], hash));
        if (pos < 0) {
          if (all.some((c) => same(c[0], hash))) {
            SubtensorStorage.WeightCommits.set(s, a.netuid, who, live);
          }
          return fail(all.some((c) => same(c[0], hash)) ? 'ExpiredWeightCommit' : 'InvalidRevealCommitHashNotMatch');
        }
        if (!isRevealEpoch(Number(live[pos]![1]), epoch, period)) fail('RevealTooEarly');
        const rest = live.slice(pos + 1);
        if (rest.length) SubtensorStorage.WeightCommits.set(s, a.netuid, who, rest);
        else SubtensorStorage.WeightCommits.remove(s, a.netuid, who);
        storeWeights(ctx, who, { netuid: a.netuid, dests: a.uids, weights: a.values, version_key: a.version_key }, true);
        emit(ctx, 'WeightsRevealed', [who, a.netuid, hash]);
      },
    }),
  ];
}
