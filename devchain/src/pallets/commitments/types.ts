/**
 * pallet_commitments types (upstream `pallets/commitments/src/types.rs`, spec 425): the `Data` enum
 * whose SCALE form is one leading byte (0 None, 1..=129 Raw of length byte − 1, 130..133 hashes,
 * 134 timelock, 135 reset-bonds flag, 136 BigRaw), `CommitmentInfo`, `Registration`, `UsageTracker`.
 * Upstream hand-writes Data's codec, but it is byte-for-byte the codec of an ordinary enum whose
 * variant `RawN` (index N + 1) holds a `[u8; N]`, which is also how its TypeInfo describes it, so a
 * plain variant description yields both the metadata and the codec here.
 */
import { T, array, vec, type TypeDef, type Variant } from '../../scale/types.ts';

const PATH = 'pallet_commitments::types';
/** Largest `Raw` payload (bytes). */
export const MAX_RAW_BYTES = 128;
/** `MAX_TIMELOCK_COMMITMENT_SIZE_BYTES`. */
export const MAX_TIMELOCK_BYTES = 1024;
/** `MAX_BIGRAW_COMMITMENT_SIZE_BYTES`. */
export const MAX_BIGRAW_BYTES = 512;
/** Index of the first of the four 32-byte hash variants (BlakeTwo256). */
const HASH_BASE = MAX_RAW_BYTES + 2;
const HASH_NAMES = ['BlakeTwo256', 'Sha256', 'Keccak256', 'ShaThree256'];

const bytes32 = array(32, T.u8);
const rawVariants: Variant[] = Array.from({ length: MAX_RAW_BYTES + 1 }, (_, n) => ({
  name: `Raw${n}`,
  index: n + 1,
  fields: [{ type: array(n, T.u8) }],
}));

export const Data: TypeDef = T.variant(`${PATH}::Data`, [
  { name: 'None', index: 0, fields: [] },
  ...rawVariants,
  ...HASH_NAMES.map((name, i) => ({ name, index: HASH_BASE + i, fields: [{ type: bytes32 }] })),
  {
    name: 'TimelockEncrypted',
    index: HASH_BASE + 4,
    fields: [
      { name: 'encrypted', type: vec(T.u8), typeName: 'BoundedVec<u8, ConstU32<MAX_TIMELOCK_COMMITMENT_SIZE_BYTES>>' },
      { name: 'reveal_round', type: T.u64, typeName: 'u64' },
    ],
  },
  { name: 'ResetBondsFlag', index: HASH_BASE + 5, fields: [] },
  {
    name: 'BigRaw',
    index: HASH_BASE + 6,
    fields: [{ type: vec(T.u8), typeName: 'BoundedVec<u8, ConstU32<MAX_BIGRAW_COMMITMENT_SIZE_BYTES>>' }],
  },
]);

/** A decoded `Data` value: `{ type: 'Sha256', value: Uint8Array(32) }`, `{ type: 'None' }`, ... */
export interface DataValue {
  type: string;
  value?: unknown;
}

export const CommitmentInfo = T.struct(`${PATH}::CommitmentInfo`, { fields: vec(Data) }, [{ name: 'FieldLimit' }]);
export interface CommitmentInfoValue {
  fields: DataValue[];
}

/** Registration<Balance, MaxFields, BlockNumber>; the balance is upstream's TaoBalance (a u64). */
export const Registration = T.struct(`${PATH}::Registration`, { deposit: T.u64, block: T.u32, info: CommitmentInfo }, [
  { name: 'Balance', type: T.u64 },
  { name: 'MaxFields' },
  { name: 'BlockNumber', type: T.u32 },
]);
export interface RegistrationValue {
  deposit: bigint;
  block: number;
  info: CommitmentInfoValue;
}

export const UsageTracker = T.struct(`${PATH}::UsageTracker`, { last_epoch: T.u64, used_space: T.u64 });
export interface UsageTrackerValue {
  last_epoch: bigint;
  used_space: bigint;
}

const bytesOf = (v: unknown): Uint8Array => (v instanceof Uint8Array ? v : new Uint8Array());

/** Bytes a field counts against the space limit (upstream `Data::len_for_rate_limit`). */
export function lenForRateLimit(d: DataValue): number {
  if (d.type === 'TimelockEncrypted') return bytesOf((d.value as { encrypted?: unknown } | undefined)?.encrypted).length;
  if (d.type === 'None' || d.type === 'ResetBondsFlag') return 0;
  return bytesOf(d.value).length;
}

/**
 * Why `fields` would not decode as upstream's bounded types (`BoundedVec<Data, MaxFields>`, the
 * timelock and BigRaw byte bounds), or null when it would. Upstream rejects such an extrinsic when
 * decoding it; the devchain's codec is unbounded, so the pool checks here.
 */
export function boundsViolation(info: CommitmentInfoValue, maxFields: number): string | null {
  if (info.fields.length > maxFields) return `CommitmentInfo.fields has ${info.fields.length} entries, at most ${maxFields} (MaxFields)`;
  for (const [i, d] of info.fields.entries()) {
    if (d.type === 'TimelockEncrypted' && lenForRateLimit(d) > MAX_TIMELOCK_BYTES)
      return `fields[${i}] TimelockEncrypted.encrypted has ${lenForRateLimit(d)} bytes, at most ${MAX_TIMELOCK_BYTES}`;
    if (d.type === 'BigRaw' && lenForRateLimit(d) > MAX_BIGRAW_BYTES)
      return `fields[${i}] BigRaw has ${lenForRateLimit(d)} bytes, at most ${MAX_BIGRAW_BYTES}`;
  }
  return null;
}
