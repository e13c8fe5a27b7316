/** Upstream (polkadot-sdk) types shared by all pallets, with the paths polkadot.js recognises. */
import { T, array, compact, option, vec, type TypeDef, type Variant } from '../scale/types.ts';

export const Bytes = vec(T.u8);
export const U8_32 = array(32, T.u8);
export const AccountId32 = T.newtype('sp_core::crypto::AccountId32', U8_32);
export const H256 = T.newtype('primitive_types::H256', U8_32);
export const Balance = T.u128;
export const CompactBalance = compact(T.u128);
export const BlockNumber = T.u32;
export const Nonce = T.u32;
export const Unit = T.tuple();

export const MultiAddress = T.variant(
  'sp_runtime::multiaddress::MultiAddress',
  [
    { name: 'Id', index: 0, fields: [{ type: AccountId32, typeName: 'AccountId' }] },
    { name: 'Index', index: 1, fields: [{ type: compact(Unit), typeName: 'AccountIndex' }] },
    { name: 'Raw', index: 2, fields: [{ type: Bytes, typeName: 'Vec<u8>' }] },
    { name: 'Address32', index: 3, fields: [{ type: U8_32, typeName: '[u8; 32]' }] },
    { name: 'Address20', index: 4, fields: [{ type: array(20, T.u8), typeName: '[u8; 20]' }] },
  ],
  [
    { name: 'AccountId', type: AccountId32 },
    { name: 'AccountIndex', type: Unit },
  ],
);

export const MultiSignature = T.variant('sp_runtime::MultiSignature', [
  { name: 'Ed25519', index: 0, fields: [{ type: T.newtype('sp_core::ed25519::Signature', array(64, T.u8)) }] },
  { name: 'Sr25519', index: 1, fields: [{ type: T.newtype('sp_core::sr25519::Signature', array(64, T.u8)) }] },
  { name: 'Ecdsa', index: 2, fields: [{ type: T.newtype('sp_core::ecdsa::Signature', array(65, T.u8)) }] },
]);

export const Weight = T.struct('sp_weights::weight_v2::Weight', { ref_time: compact(T.u64), proof_size: compact(T.u64) });
export interface WeightValue {
  ref_time: bigint;
  proof_size: bigint;
}

export const DispatchClass = T.unitEnum('frame_support::dispatch::DispatchClass', ['Normal', 'Operational', 'Mandatory']);
export const Pays = T.unitEnum('frame_support::dispatch::Pays', ['Yes', 'No']);
export const DispatchEventInfo = T.struct('frame_system::DispatchEventInfo', { weight: Weight, class: DispatchClass, pays_fee: Pays });

export const ModuleError = T.struct('sp_runtime::ModuleError', { index: T.u8, error: array(4, T.u8) });
export const TokenError = T.unitEnum('sp_runtime::TokenError', [
  'FundsUnavailable',
  'OnlyProvider',
  'BelowMinimum',
  'CannotCreate',
  'UnknownAsset',
  'Frozen',
  'Unsupported',
  'CannotCreateHold',
  'NotExpendable',
  'Blocked',
]);
export const ArithmeticError = T.unitEnum('sp_arithmetic::ArithmeticError', ['Underflow', 'Overflow', 'DivisionByZero']);
export const TransactionalError = T.unitEnum('sp_runtime::TransactionalError', ['LimitReached', 'NoLayer']);
const unit = (name: string, index: number): Variant => ({ name, index, fields: [] });
export const DispatchError = T.variant('sp_runtime::DispatchError', [
  unit('Other', 0),
  unit('CannotLookup', 1),
  unit('BadOrigin', 2),
  { name: 'Module', index: 3, fields: [{ type: ModuleError }] },
  unit('ConsumerRemaining', 4),
  unit('NoProviders', 5),
  unit('TooManyConsumers', 6),
  { name: 'Token', index: 7, fields: [{ type: TokenError }] },
  { name: 'Arithmetic', index: 8, fields: [{ type: ArithmeticError }] },
  { name: 'Transactional', index: 9, fields: [{ type: TransactionalError }] },
  unit('Exhausted', 10),
  unit('Corruption', 11),
  unit('Unavailable', 12),
  unit('RootNotAllowed', 13),
]);
/** A decoded `DispatchError` value. */
export type DispatchErrorValue =
  | { type: 'Module'; value: { index: number; error: Uint8Array } }
  | { type: 'Token' | 'Arithmetic' | 'Transactional'; value: { type: string } }
  | {
      type:
        | 'Other'
        | 'CannotLookup'
        | 'BadOrigin'
        | 'ConsumerRemaining'
        | 'NoProviders'
        | 'TooManyConsumers'
        | 'Exhausted'
        | 'Corruption'
        | 'Unavailable'
        | 'RootNotAllowed';
    };

/** Era: Immortal or Mortal1..Mortal255(u8), as upstream encodes it. */
export const Era: TypeDef = T.variant('sp_runtime::generic::era::Era', [
  unit('Immortal', 0),
  ...Array.from({ length: 255 }, (_, i) => ({ name: `Mortal${i + 1}`, index: i + 1, fields: [{ type: T.u8 }] })),
]);

export const DigestItem = T.variant('sp_runtime::generic::digest::DigestItem', [
  { name: 'PreRuntime', index: 6, fields: [{ type: array(4, T.u8) }, { type: Bytes }] },
  { name: 'Consensus', index: 4, fields: [{ type: array(4, T.u8) }, { type: Bytes }] },
  { name: 'Seal', index: 5, fields: [{ type: array(4, T.u8) }, { type: Bytes }] },
  { name: 'Other', index: 0, fields: [{ type: Bytes }] },
  unit('RuntimeEnvironmentUpdated', 8),
]);
export const Digest = T.struct('sp_runtime::generic::digest::Digest', { logs: vec(DigestItem) });
export const Header = T.struct(
  'sp_runtime::generic::header::Header',
  {
    parent_hash: H256,
    number: compact(BlockNumber),
    state_root: H256,
    extrinsics_root: H256,
    digest: Digest,
  },
  [{ name: 'Number', type: BlockNumber }, { name: 'Hash' }],
);

export const Perbill = T.newtype('sp_arithmetic::per_things::Perbill', T.u32);
export const FixedU128 = T.newtype('sp_arithmetic::fixed_point::FixedU128', T.u128);
export const OptionAccountId = option(AccountId32);

export const RuntimeVersionType = T.struct('sp_version::RuntimeVersion', {
  spec_name: T.str,
  impl_name: T.str,
  authoring_version: T.u32,
  spec_version: T.u32,
  impl_version: T.u32,
  apis: vec(T.tuple(array(8, T.u8), T.u32)),
  transaction_version: T.u32,
  system_version: T.u8,
});
