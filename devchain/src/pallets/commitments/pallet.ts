/**
 * pallet_commitments (pallet 18) as upstream at spec 425: `set_commitment(netuid, info)` (call 0,
 * fee-free) stores `CommitmentOf(netuid, who) = Registration { deposit, block, info }` and
 * `LastCommitment`, and emits `Commitment { netuid, who }` (`TimelockCommitment` when a field is
 * timelocked). Rules, in upstream's order:
 * - the signer must be a hotkey registered on `netuid` (runtime `AllowCommitments`), else
 *   `AccountNotAllowedCommit`;
 * - at most `MaxFields` (3) fields;
 * - space: each call costs max(100, bytes of the fields) against `MaxSpace` (3100) per
 *   (netuid, account) per epoch (`SubnetEpochIndex`), else `SpaceLimitExceeded`;
 * - a `ResetBondsFlag` field records `LastBondsReset` and, when the subnet has `BondsResetOn`,
 *   removes the signer's uid from every bond row of the subnet (runtime `ResetBondsOnCommit`).
 * Deposits are upstream's constants, both zero, so nothing is reserved. Timelocked fields are stored
 * but never revealed (the devchain has no drand pulses); `RevealedCommitments` stays empty.
 * `set_max_space` (call 2) is root-only.
 */
import { T } from '../../scale/types.ts';
import { AccountId32 } from '../../frame/common-types.ts';
import {
  InvalidTransaction,
  call,
  definePallet,
  ensureRoot,
  ensureSigned,
  errorList,
  type DispatchContext,
  type Pallet,
} from '../../frame/pallet.ts';
import { SubtensorStorage } from '../subtensor/storage.ts';
import { CS, P } from './storage.ts';
import { CommitmentInfo, boundsViolation, lenForRateLimit, type CommitmentInfoValue, type DataValue } from './types.ts';

/** Runtime constant `MaxCommitFieldsInner`. */
export const MAX_FIELDS = 3;
/** Every call counts at least this many bytes against the space limit. */
const MIN_USED_SPACE = 100n;
/** Upstream weight: 33_480_000 + 5 reads + 4 writes (RocksDbWeight 25_000_000 / 100_000_000). */
const SET_COMMITMENT_WEIGHT = 33_480_000n + 5n * 25_000_000n + 4n * 100_000_000n;
const SET_MAX_SPACE_WEIGHT = 2_856_000n + 100_000_000n;

interface SetCommitmentArgs {
  netuid: number;
  info: CommitmentInfoValue;
}

const fail = (name: string): never => {
  throw Commitments.error(name);
};
const sameAccount = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
const compareEntry = (a: [number, Uint8Array], b: [number, Uint8Array]): number => {
  if (a[0] !== b[0]) return a[0] - b[0];
  for (let i = 0; i < 32; i++) if (a[1][i] !== b[1][i]) return a[1][i]! - b[1][i]!;
  return 0;
};

/** Charges the call's space to (netuid, who) for the current epoch; fails with SpaceLimitExceeded. */
function chargeSpace(ctx: DispatchContext, netuid: number, who: Uint8Array, fields: DataValue[]): void {
  const used = fields.reduce((sum, d) => sum + BigInt(lenForRateLimit(d)), 0n);
  const required = used > MIN_USED_SPACE ? used : MIN_USED_SPACE;
  const epoch = SubtensorStorage.SubnetEpochIndex.get(ctx.state, netuid);
  const prior = CS.UsedSpaceOf.get(ctx.state, netuid, who) ?? { last_epoch: 0n, used_space: 0n };
  const usage = prior.last_epoch === epoch ? prior : { last_epoch: epoch, used_space: 0n };
  if (usage.used_space + required > BigInt(CS.MaxSpace.get(ctx.state))) fail('SpaceLimitExceeded');
  CS.UsedSpaceOf.set(ctx.state, netuid, who, { last_epoch: usage.last_epoch, used_space: usage.used_space + required });
}

/** Upstream `do_reset_bonds`: with BondsResetOn, the signer's uid leaves every bond row of the subnet. */
function resetBonds(ctx: DispatchContext, netuid: number, who: Uint8Array): void {
  if (!SubtensorStorage.BondsResetOn.get(ctx.state, netuid)) return;
  const uid = SubtensorStorage.Uids.get(ctx.state, netuid, who);
  if (uid === undefined) return;
  for (const [row, bonds] of SubtensorStorage.Bonds.entriesOf(ctx.state, netuid)) {
    SubtensorStorage.Bonds.set(
      ctx.state,
      netuid,
      row,
      bonds.filter(([j]) => j !== uid),
    );
  }
}

/** Adds or removes (netuid, who) in the sorted TimelockedIndex set. */
function updateTimelockedIndex(ctx: DispatchContext, netuid: number, who: Uint8Array, present: boolean): void {
  const index = CS.TimelockedIndex.get(ctx.state).filter(([n, a]) => !(n === netuid && sameAccount(a, who)));
  if (present) index.push([netuid, who]);
  CS.TimelockedIndex.set(ctx.state, index.sort(compareEntry));
}

function setCommitment(ctx: DispatchContext, a: SetCommitmentArgs): void {
  const who = ensureSigned(ctx);
  if (SubtensorStorage.Uids.get(ctx.state, a.netuid, who) === undefined) fail('AccountNotAllowedCommit');
  if (a.info.fields.length > MAX_FIELDS) fail('TooManyFieldsInCommitmentInfo');
  const block = ctx.blockNumber;
  if (a.info.fields.some((d) => d.type === 'ResetBondsFlag')) {
    CS.LastBondsReset.set(ctx.state, a.netuid, who, block);
    resetBonds(ctx, a.netuid, who);
  }
  chargeSpace(ctx, a.netuid, who, a.info.fields);
  // Deposit = InitialDeposit + fields × FieldDeposit = 0 + n × 0 at spec 425: nothing to reserve.
  CS.CommitmentOf.set(ctx.state, a.netuid, who, { deposit: 0n, block, info: a.info });
  CS.LastCommitment.set(ctx.state, a.netuid, who, block);
  const timelock = a.info.fields.find((d) => d.type === 'TimelockEncrypted');
  if (timelock) {
    const reveal_round = (timelock.value as { reveal_round: bigint }).reveal_round;
    ctx.deposit(Commitments.event('TimelockCommitment', { netuid: a.netuid, who, reveal_round }));
  } else {
    ctx.deposit(Commitments.event('Commitment', { netuid: a.netuid, who }));
  }
  updateTimelockedIndex(ctx, a.netuid, who, timelock !== undefined);
}

const netWho = [
  { name: 'netuid', type: T.u16, typeName: 'NetUid', docs: ['The netuid of the commitment'] },
  { name: 'who', type: AccountId32, typeName: 'T::AccountId', docs: ['The account'] },
];

export const Commitments: Pallet = definePallet({
  name: P,
  index: 18,
  path: 'pallet_commitments',
  calls: [
    call<SetCommitmentArgs>({
      name: 'set_commitment',
      index: 0,
      docs: ['Set the commitment for a given netuid'],
      args: [
        { name: 'netuid', type: T.u16, typeName: 'NetUid' },
        { name: 'info', type: CommitmentInfo, typeName: 'Box<CommitmentInfo<T::MaxFields>>' },
      ],
      weight: SET_COMMITMENT_WEIGHT,
      pays: 'No',
      // Upstream's bounded types refuse these while decoding the extrinsic.
      validate: (_ctx, a) => {
        const why = boundsViolation(a.info, MAX_FIELDS);
        if (why) throw new InvalidTransaction('Call', undefined, `Could not decode extrinsic: ${why}`);
      },
      dispatch: setCommitment,
    }),
    call<{ new_limit: number }>({
      name: 'set_max_space',
      index: 2,
      docs: ['Sudo-set MaxSpace'],
      args: [{ name: 'new_limit', type: T.u32, typeName: 'u32' }],
      weight: SET_MAX_SPACE_WEIGHT,
      dispatch: (ctx, a) => {
        ensureRoot(ctx);
        CS.MaxSpace.set(ctx.state, a.new_limit);
      },
    }),
  ],
  events: [
    { name: 'Commitment', index: 0, fields: netWho, docs: ['A commitment was set'] },
    {
      name: 'TimelockCommitment',
      index: 1,
      fields: [...netWho, { name: 'reveal_round', type: T.u64, typeName: 'u64', docs: ['The drand round to reveal'] }],
      docs: ['A timelock-encrypted commitment was set'],
    },
    { name: 'CommitmentRevealed', index: 2, fields: netWho, docs: ['A timelock-encrypted commitment was auto-revealed'] },
  ],
  errors: errorList(['TooManyFieldsInCommitmentInfo', 'AccountNotAllowedCommit', 'SpaceLimitExceeded', 'UnexpectedUnreserveLeftover']),
  storage: Object.values(CS),
  constants: [
    {
      name: 'MaxFields',
      type: T.u32,
      value: MAX_FIELDS,
      docs: [' The maximum number of additional fields that can be added to a commitment'],
    },
    { name: 'InitialDeposit', type: T.u64, value: 0n, docs: [' The amount held on deposit for a registered identity'] },
    { name: 'FieldDeposit', type: T.u64, value: 0n, docs: [' The amount held on deposit per additional field for a registered identity.'] },
  ],
});
