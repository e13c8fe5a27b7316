/** pallet_transaction_payment (pallet 6): fee constants, the fee-paid event and the fee runtime APIs. */
import { T, option } from '../scale/types.ts';
import { AccountId32, Bytes, DispatchClass, FixedU128, Weight } from '../frame/common-types.ts';
import { encode } from '../scale/codec.ts';
import { StorageValue } from '../frame/storage.ts';
import { definePallet } from '../frame/pallet.ts';
import { UncheckedExtrinsicRef } from '../frame/outer.ts';

const P = 'TransactionPayment';

/** The `uxt` argument decodes as the extrinsic body; put the length prefix back. */
const withPrefix = (body: unknown): Uint8Array => encode(Bytes, body);

/** Fee = LENGTH_FEE_PER_BYTE x length + ref_time / WEIGHT_PER_RAO (rao), plus the tip; 0 for Pays::No. */
export const LENGTH_FEE_PER_BYTE = 1_000n;
export const WEIGHT_PER_RAO = 10_000n;

export const Storage = {
  NextFeeMultiplier: new StorageValue<bigint>(P, 'NextFeeMultiplier', FixedU128, 1_000_000_000_000_000_000n),
  StorageVersion: new StorageValue<{ type: string }>(
    P,
    'StorageVersion',
    T.unitEnum('pallet_transaction_payment::Releases', ['V1Ancient', 'V2']),
    { type: 'V2' },
  ),
};

export const RuntimeDispatchInfo = T.struct(
  'pallet_transaction_payment::types::RuntimeDispatchInfo',
  { weight: Weight, class: DispatchClass, partial_fee: T.u128 },
  [
    { name: 'Balance', type: T.u128 },
    { name: 'Weight', type: Weight },
  ],
);
const InclusionFee = T.struct('pallet_transaction_payment::types::InclusionFee', {
  base_fee: T.u128,
  len_fee: T.u128,
  adjusted_weight_fee: T.u128,
});
export const FeeDetails = T.struct('pallet_transaction_payment::types::FeeDetails', { inclusion_fee: option(InclusionFee), tip: T.u128 });

export const TransactionPayment = definePallet({
  name: P,
  index: 6,
  path: 'pallet_transaction_payment',
  events: [
    {
      name: 'TransactionFeePaid',
      index: 0,
      fields: [
        { name: 'who', type: AccountId32, typeName: 'T::AccountId' },
        { name: 'actual_fee', type: T.u128, typeName: 'BalanceOf<T>' },
        { name: 'tip', type: T.u128, typeName: 'BalanceOf<T>' },
      ],
    },
  ],
  storage: Object.values(Storage),
  constants: [{ name: 'OperationalFeeMultiplier', type: T.u8, value: 5 }],
  runtimeApis: [
    {
      name: 'TransactionPaymentApi',
      version: 4,
      methods: [
        {
          name: 'query_info',
          inputs: [
            { name: 'uxt', type: UncheckedExtrinsicRef },
            { name: 'len', type: T.u32 },
          ],
          output: RuntimeDispatchInfo,
          handler: (ctx, [uxt]) => ctx.runtime.queryInfo(ctx, withPrefix(uxt)),
        },
        {
          name: 'query_fee_details',
          inputs: [
            { name: 'uxt', type: UncheckedExtrinsicRef },
            { name: 'len', type: T.u32 },
          ],
          output: FeeDetails,
          handler: (ctx, [uxt]) => ctx.runtime.queryFeeDetails(ctx, withPrefix(uxt)),
        },
        {
          name: 'query_weight_to_fee',
          inputs: [{ name: 'weight', type: Weight }],
          output: T.u128,
          handler: (_ctx, [weight]) => (weight as { ref_time: bigint }).ref_time / WEIGHT_PER_RAO,
        },
        {
          name: 'query_length_to_fee',
          inputs: [{ name: 'length', type: T.u32 }],
          output: T.u128,
          handler: (_ctx, [len]) => BigInt(len as number) * LENGTH_FEE_PER_BYTE,
        },
      ],
    },
  ],
});
