/** chain_* methods. */
import { z } from 'zod';
import { u8aToHex } from '@polkadot/util';
import { OptHash, blockAt, headerJson, parseParams, requireSubscriptions, type Handler, type RpcContext } from './shared.ts';
import type { BlockInfo } from '../chain/chain.ts';

const NumberParam = z.union([z.number().int().nonnegative(), z.string().regex(/^(0x[0-9a-fA-F]+|[0-9]+)$/)]).nullish();

async function hashOf(ctx: RpcContext, n: number | string | null | undefined): Promise<string | null> {
  if (n === null || n === undefined) return ctx.chain.head.hashHex;
  const num = typeof n === 'number' ? n : Number(n.startsWith('0x') ? BigInt(n) : BigInt(n));
  const b = await ctx.chain.blockByNumber(num);
  return b ? b.hashHex : null;
}

export const chain_getBlockHash: Handler = async (ctx, params) => {
  const [n] = parseParams(z.tuple([z.union([NumberParam, z.array(NumberParam.unwrap().unwrap())])]).or(z.tuple([])), params) as [unknown?];
  if (Array.isArray(n)) return Promise.all(n.map((x) => hashOf(ctx, x as number | string)));
  return hashOf(ctx, n as number | string | null | undefined);
};

export const chain_getHeader: Handler = async (ctx, params) => {
  const [hash] = parseParams(z.tuple([OptHash]).or(z.tuple([])), params) as [string?];
  if (hash && !(await ctx.chain.blockByHash(hash))) return null;
  return headerJson((await blockAt(ctx, hash)).headerValue);
};

export const chain_getBlock: Handler = async (ctx, params) => {
  const [hash] = parseParams(z.tuple([OptHash]).or(z.tuple([])), params) as [string?];
  if (hash && !(await ctx.chain.blockByHash(hash))) return null;
  const b = await blockAt(ctx, hash);
  return { block: { header: headerJson(b.headerValue), extrinsics: b.extrinsics.map((x) => u8aToHex(x)) }, justifications: null };
};

export const chain_getFinalizedHead: Handler = (ctx) => ctx.chain.head.hashHex;

function subscribeHeads(notification: string): Handler {
  return (ctx) => {
    const subs = requireSubscriptions(ctx);
    const listener = (b: BlockInfo): void => sub.send(headerJson(b.headerValue));
    const sub = subs.open(notification, () => ctx.chain.off('block', listener));
    ctx.chain.on('block', listener);
    setImmediate(() => sub.send(headerJson(ctx.chain.head.headerValue)));
    return sub.id;
  };
}

const unsubscribe: Handler = (ctx, params) => {
  const [id] = parseParams(z.tuple([z.union([z.string(), z.number()])]), params);
  return requireSubscriptions(ctx).close(String(id));
};

export const chain_subscribeNewHeads = subscribeHeads('chain_newHead');
export const chain_subscribeNewHead = chain_subscribeNewHeads;
export const chain_subscribeFinalizedHeads = subscribeHeads('chain_finalizedHead');
export const chain_subscribeFinalisedHeads = chain_subscribeFinalizedHeads;
export const chain_subscribeAllHeads = subscribeHeads('chain_allHead');
export const chain_unsubscribeNewHeads = unsubscribe;
export const chain_unsubscribeNewHead = unsubscribe;
export const chain_unsubscribeFinalizedHeads = unsubscribe;
export const chain_unsubscribeFinalisedHeads = unsubscribe;
export const chain_unsubscribeAllHeads = unsubscribe;
