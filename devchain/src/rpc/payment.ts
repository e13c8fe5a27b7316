/** payment_* methods (same numbers as the TransactionPaymentApi runtime API). */
import { z } from 'zod';
import { hexToU8a } from '@polkadot/util';
import { HexSchema, OptHash, blockAt, parseParams, RpcError, type Handler } from './shared.ts';

export const payment_queryInfo: Handler = async (ctx, params) => {
  const [hex, hash] = parseParams(z.tuple([HexSchema, OptHash.optional()]), params);
  const rctx = await ctx.chain.readContext(await blockAt(ctx, hash));
  try {
    const info = ctx.chain.runtime.queryInfo(rctx, hexToU8a(hex)) as {
      weight: { ref_time: bigint };
      class: { type: string };
      partial_fee: bigint;
    };
    return {
      weight: { refTime: Number(info.weight.ref_time), proofSize: 0 },
      class: info.class.type.toLowerCase(),
      partialFee: info.partial_fee.toString(),
    };
  } catch (err: unknown) {
    throw new RpcError(1010, 'Invalid Transaction', err instanceof Error ? err.message : String(err));
  }
};

export const payment_queryFeeDetails: Handler = async (ctx, params) => {
  const [hex, hash] = parseParams(z.tuple([HexSchema, OptHash.optional()]), params);
  const rctx = await ctx.chain.readContext(await blockAt(ctx, hash));
  try {
    const d = ctx.chain.runtime.queryFeeDetails(rctx, hexToU8a(hex)) as {
      inclusion_fee: { base_fee: bigint; len_fee: bigint; adjusted_weight_fee: bigint } | null;
      tip: bigint;
    };
    const f = d.inclusion_fee;
    return {
      inclusionFee: f
        ? { baseFee: f.base_fee.toString(), lenFee: f.len_fee.toString(), adjustedWeightFee: f.adjusted_weight_fee.toString() }
        : null,
      tip: d.tip.toString(),
    };
  } catch (err: unknown) {
    throw new RpcError(1010, 'Invalid Transaction', err instanceof Error ? err.message : String(err));
  }
};
