/** pallet_commitments storage items, in upstream's declaration order, with its hashers and query kinds. */
import { T, vec, type TypeRef } from '../../scale/types.ts';
import { AccountId32 } from '../../frame/common-types.ts';
import { StorageDoubleMap, StorageValue } from '../../frame/storage.ts';
import { Registration, UsageTracker, type RegistrationValue, type UsageTrackerValue } from './types.ts';

export const P = 'Commitments';
/** Upstream `DefaultMaxSpace`: bytes per (netuid, account) per epoch. */
export const DEFAULT_MAX_SPACE = 3100;

const perAccount = <V>(name: string, value: TypeRef, docs?: string[]): StorageDoubleMap<number, Uint8Array, V, undefined> =>
  new StorageDoubleMap<number, Uint8Array, V, undefined>(
    P,
    name,
    ['Identity', 'Twox64Concat'],
    [T.u16, AccountId32],
    value,
    undefined,
    docs,
  );

export const CS = {
  /** BTreeSet<(NetUid, AccountId)> of commitments holding a timelocked field (sorted, no duplicates). */
  TimelockedIndex: new StorageValue<Array<[number, Uint8Array]>>(
    P,
    'TimelockedIndex',
    vec(T.tuple(T.u16, AccountId32)),
    [],
    [' Tracks all CommitmentOf that have at least one timelocked field.'],
  ),
  CommitmentOf: perAccount<RegistrationValue>('CommitmentOf', Registration, [' Identity data by account']),
  LastCommitment: perAccount<number>('LastCommitment', T.u32),
  LastBondsReset: perAccount<number>('LastBondsReset', T.u32),
  RevealedCommitments: perAccount<Array<[Uint8Array, bigint]>>('RevealedCommitments', vec(T.tuple(vec(T.u8), T.u64))),
  UsedSpaceOf: perAccount<UsageTrackerValue>('UsedSpaceOf', UsageTracker, [
    " Maps (netuid, who) -> usage (how many “bytes” they've committed)",
    ' in the RateLimit window',
  ]),
  MaxSpace: new StorageValue<number>(P, 'MaxSpace', T.u32, DEFAULT_MAX_SPACE),
};
