/** state_* methods: metadata, runtime version, storage (at any block), subscriptions, state_call. */
import { z } from 'zod';
import { u8aToHex, hexToU8a } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import { HexSchema, OptHash, blockAt, parseParams, requireSubscriptions, RpcError, type Handler } from './shared.ts';
import type { BlockInfo } from '../chain/chain.ts';

const hexOrNull = (v: Uint8Array | undefined): string | null => (v === undefined ? null : u8aToHex(v));
const lower = (k: string): string => k.toLowerCase();

export const state_getMetadata: Handler = async (ctx, params) => {
  const [hash] = parseParams(z.tuple([OptHash]).or(z.tuple([])), params) as [string?];
  await blockAt(ctx, hash);
  return u8aToHex(ctx.chain.runtime.metadata(14));
};

export const state_getRuntimeVersion: Handler = async (ctx, params) => {
  const [hash] = parseParams(z.tuple([OptHash]).or(z.tuple([])), params) as [string?];
  await blockAt(ctx, hash);
  return ctx.chain.runtime.versionJson();
};
export const chain_getRuntimeVersion = state_getRuntimeVersion;

export const state_subscribeRuntimeVersion: Handler = (ctx) => {
  const sub = requireSubscriptions(ctx).open('state_runtimeVersion', () => undefined);
  setImmediate(() => sub.send(ctx.chain.runtime.versionJson()));
  return sub.id;
};
export const chain_subscribeRuntimeVersion = state_subscribeRuntimeVersion;

const unsubscribe: Handler = (ctx, params) => {
  const [id] = parseParams(z.tuple([z.union([z.string(), z.number()])]), params);
  return requireSubscriptions(ctx).close(String(id));
};
export const state_unsubscribeRuntimeVersion = unsubscribe;
export const chain_unsubscribeRuntimeVersion = unsubscribe;
export const state_unsubscribeStorage = unsubscribe;

export const state_getStorage: Handler = async (ctx, params) => {
  const [key, hash] = parseParams(z.tuple([HexSchema, OptHash.optional()]), params);
  return hexOrNull(await ctx.chain.valueAt(lower(key), await blockAt(ctx, hash)));
};
export const state_getStorageAt = state_getStorage;

export const state_getStorageHash: Handler = async (ctx, params) => {
  const [key, hash] = parseParams(z.tuple([HexSchema, OptHash.optional()]), params);
  const v = await ctx.chain.valueAt(lower(key), await blockAt(ctx, hash));
  return v === undefined ? null : blake2AsHex(v, 256);
};

export const state_getStorageSize: Handler = async (ctx, params) => {
  const [key, hash] = parseParams(z.tuple([HexSchema, OptHash.optional()]), params);
  const v = await ctx.chain.valueAt(lower(key), await blockAt(ctx, hash));
  return v === undefined ? null : v.length;
};

export const state_queryStorageAt: Handler = async (ctx, params) => {
  const [keys, hash] = parseParams(z.tuple([z.array(HexSchema).max(10_000), OptHash.optional()]), params);
  const b = await blockAt(ctx, hash);
  const changes = await Promise.all(keys.map(async (k) => [k, hexOrNull(await ctx.chain.valueAt(lower(k), b))]));
  return [{ block: b.hashHex, changes }];
};

export const state_getKeysPaged: Handler = async (ctx, params) => {
  const [prefix, count, startKey, hash] = parseParams(
    z.tuple([HexSchema.nullable(), z.number().int().min(0).max(1000), HexSchema.nullish(), OptHash.optional()]),
    params,
  );
  const keys = await ctx.chain.keysAt(lower(prefix ?? '0x'), await blockAt(ctx, hash));
  const start = startKey ? lower(startKey) : '';
  return keys.filter((k) => k > start).slice(0, count);
};
export const state_getKeysPagedAt = state_getKeysPaged;

export const state_getKeys: Handler = async (ctx, params) => {
  const [prefix, hash] = parseParams(z.tuple([HexSchema, OptHash.optional()]), params);
  return ctx.chain.keysAt(lower(prefix), await blockAt(ctx, hash));
};

export const state_subscribeStorage: Handler = (ctx, params) => {
  const [keys] = parseParams(z.tuple([z.array(HexSchema).max(10_000).nullish()]).or(z.tuple([])), params) as [string[] | null | undefined];
  const watched = keys?.length ? new Set(keys.map(lower)) : null;
  const listener = (b: BlockInfo, changed: Map<string, Uint8Array | null>): void => {
    const changes: [string, string | null][] = [];
    if (watched) {
      for (const k of watched) if (changed.has(k)) changes.push([k, hexOrNull(changed.get(k) ?? undefined)]);
    } else for (const [k, v] of changed) changes.push([k, hexOrNull(v ?? undefined)]);
    if (changes.length) sub.send({ block: b.hashHex, changes });
  };
  const sub = requireSubscriptions(ctx).open('state_storage', () => ctx.chain.off('block', listener));
  ctx.chain.on('block', listener);
  setImmediate(() => {
    if (!watched) return;
    const head = ctx.chain.head;
    sub.send({ block: head.hashHex, changes: [...watched].map((k) => [k, hexOrNull(ctx.chain.headState.get(k))]) });
  });
  return sub.id;
};

export const state_call: Handler = async (ctx, params) => {
  const [method, data, hash] = parseParams(z.tuple([z.string().min(1).max(200), HexSchema, OptHash.optional()]), params);
  const b = await blockAt(ctx, hash);
  const rctx = await ctx.chain.readContext(b);
  try {
    return u8aToHex(ctx.chain.runtime.callApi(rctx, method, hexToU8a(data)));
  } catch (err: unknown) {
    throw new RpcError(4003, 'Client error: Execution failed', err instanceof Error ? err.message : String(err));
  }
};
export const state_callAt = state_call;
