/** SubtensorModule events at their upstream variant indices (subtensor-api.md §5) and `emit`. */
import { T, compact, vec } from '../../scale/types.ts';
import { AccountId32, H256, DispatchError } from '../../frame/common-types.ts';
import { eventBuilder, type EventDef, type RuntimeContext } from '../../frame/pallet.ts';
import { P, RootClaimTypeEnum } from './storage.ts';

const f = (type: Parameters<typeof vec>[0], typeName?: string): { type: typeof type; typeName?: string } => ({ type, typeName });
const NetUid = T.u16;
const netU16: EventDef['fields'] = [f(NetUid, 'NetUid'), f(T.u16, 'u16')];
const netU64: EventDef['fields'] = [f(NetUid, 'NetUid'), f(T.u64, 'u64')];
const netBool: EventDef['fields'] = [f(NetUid, 'NetUid'), f(T.bool, 'bool')];
const KNOWN_EVENTS: Record<number, [string, EventDef['fields']]> = {
  0: ['NetworkAdded', netU16],
  1: ['NetworkRemoved', [f(NetUid, 'NetUid')]],
  2: [
    'StakeAdded',
    [f(AccountId32), f(AccountId32), f(T.u64, 'TaoBalance'), f(T.u64, 'AlphaBalance'), f(NetUid, 'NetUid'), f(T.u64, 'u64')],
  ],
  3: [
    'StakeRemoved',
    [f(AccountId32), f(AccountId32), f(T.u64, 'TaoBalance'), f(T.u64, 'AlphaBalance'), f(NetUid, 'NetUid'), f(T.u64, 'u64')],
  ],
  4: ['StakeMoved', [f(AccountId32), f(AccountId32), f(NetUid), f(AccountId32), f(NetUid), f(T.u64)]],
  5: ['WeightsSet', [f(T.u16, 'NetUidStorageIndex'), f(T.u16, 'u16')]],
  6: ['NeuronRegistered', [f(NetUid, 'NetUid'), f(T.u16, 'u16'), f(AccountId32, 'T::AccountId')]],
  9: ['MaxAllowedUidsSet', netU16],
  10: ['MaxWeightLimitSet', netU16],
  11: ['DifficultySet', netU64],
  15: ['ActivityCutoffSet', netU16],
  16: ['RhoSet', netU16],
  17: ['AlphaSigmoidSteepnessSet', [f(NetUid), f(T.i16)]],
  18: ['KappaSet', netU16],
  19: ['MinAllowedWeightSet', netU16],
  22: ['WeightsSetRateLimitSet', netU64],
  23: ['ImmunityPeriodSet', netU16],
  24: ['BondsMovingAverageSet', netU64],
  25: ['BondsPenaltySet', netU16],
  26: ['BondsResetOnSet', netBool],
  27: ['MaxAllowedValidatorsSet', netU16],
  28: ['AxonServed', [f(NetUid, 'NetUid'), f(AccountId32, 'T::AccountId')]],
  29: ['PrometheusServed', [f(NetUid, 'NetUid'), f(AccountId32, 'T::AccountId')]],
  32: ['WeightsVersionKeySet', netU64],
  35: ['ServingRateLimitSet', netU64],
  36: ['BurnSet', netU64],
  37: ['MaxBurnSet', netU64],
  38: ['MinBurnSet', netU64],
  40: ['TxRateLimitSet', [f(T.u64)]],
  58: ['NetworkRateLimitSet', [f(T.u64)]],
  50: ['RegistrationAllowed', netBool],
  52: ['TempoSet', netU16],
  54: ['StakeThresholdSet', [f(T.u64)]],
  60: ['StartCallDelaySet', [f(T.u64)]],
  85: ['WeightsCommitted', [f(AccountId32), f(T.u16, 'NetUidStorageIndex'), f(H256, 'H256')]],
  86: ['WeightsRevealed', [f(AccountId32), f(T.u16, 'NetUidStorageIndex'), f(H256, 'H256')]],
  87: ['WeightsBatchRevealed', [f(AccountId32), f(NetUid), f(vec(H256))]],
  88: ['BatchWeightsCompleted', [f(vec(compact(T.u16))), f(AccountId32)]],
  89: ['BatchCompletedWithErrors', []],
  90: ['BatchWeightItemFailed', [f(NetUid), f(DispatchError)]],
  95: ['FirstEmissionBlockNumberSet', netU64],
  100: ['CommitRevealPeriodsSet', netU64],
  101: ['CommitRevealEnabled', netBool],
  110: [
    'IncentiveAlphaEmittedToMiners',
    [
      { name: 'netuid', type: T.u16, typeName: 'NetUidStorageIndex' },
      { name: 'emissions', type: vec(T.u64), typeName: 'Vec<AlphaBalance>' },
    ],
  ],
  114: ['RootClaimed', [{ name: 'coldkey', type: AccountId32, typeName: 'T::AccountId' }]],
  115: [
    'RootClaimTypeSet',
    [
      { name: 'coldkey', type: AccountId32, typeName: 'T::AccountId' },
      { name: 'root_claim_type', type: RootClaimTypeEnum, typeName: 'RootClaimTypeEnum' },
    ],
  ],
  131: [
    'EpochTriggered',
    [
      { name: 'netuid', type: NetUid },
      { name: 'by', type: AccountId32 },
      { name: 'fires_at', type: T.u64 },
    ],
  ],
  132: [
    'EpochDeferred',
    [
      { name: 'netuid', type: NetUid },
      { name: 'from_block', type: T.u64 },
      { name: 'to_block', type: T.u64 },
    ],
  ],
  133: [
    'EpochSkipped',
    [
      { name: 'netuid', type: NetUid },
      { name: 'block', type: T.u64 },
    ],
  ],
};
/** 137 variants (0..136); names unknown here are placeholders `Unused<index>` without fields. */
export const SUBTENSOR_EVENTS: EventDef[] = Array.from({ length: 137 }, (_, index) => {
  const k = KNOWN_EVENTS[index];
  return { name: k?.[0] ?? `Unused${index}`, index, fields: k?.[1] ?? [] };
});

const moduleEvent = eventBuilder({ name: P, events: SUBTENSOR_EVENTS });

/** Deposits `SubtensorModule.<name>` (fields positional as an array, or named as an object). */
export function emit(ctx: Pick<RuntimeContext, 'deposit'>, name: string, value: unknown): void {
  ctx.deposit(moduleEvent(name, value as Record<string, unknown>));
}
