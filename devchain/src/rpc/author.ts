/** author_* methods: submission and watching of extrinsics. */
import { z } from 'zod';
import { u8aToHex, hexToU8a } from '@polkadot/util';
import { InvalidTransaction } from '../frame/pallet.ts';
import { PoolError, type TxStatus } from '../chain/pool.ts';
import { HexSchema, parseParams, requireSubscriptions, RpcError, type Handler, type RpcContext } from './shared.ts';

function submit(ctx: RpcContext, params: unknown[]): ReturnType<RpcContext['pool']['submit']> {
  const [hex] = parseParams(z.tuple([HexSchema]), params);
  try {
    return ctx.pool.submit(hexToU8a(hex));
  } catch (err: unknown) {
    if (err instanceof InvalidTransaction) throw new RpcError(1010, 'Invalid Transaction', err.message);
    if (err instanceof PoolError) throw new RpcError(err.code, err.message, err.data);
    throw err;
  }
}

export const author_submitExtrinsic: Handler = (ctx, params) => submit(ctx, params).tx.hashHex;

export const author_submitAndWatchExtrinsic: Handler = (ctx, params) => {
  const subs = requireSubscriptions(ctx);
  const { tx, status } = submit(ctx, params);
  const watcher = (s: TxStatus): void => sub.send(s);
  const sub = subs.open('author_extrinsicUpdate', () => tx.watchers.delete(watcher));
  tx.watchers.add(watcher);
  setImmediate(() => sub.send(status));
  return sub.id;
};

export const author_unwatchExtrinsic: Handler = (ctx, params) => {
  const [id] = parseParams(z.tuple([z.union([z.string(), z.number()])]), params);
  return requireSubscriptions(ctx).close(String(id));
};

export const author_pendingExtrinsics: Handler = (ctx) => ctx.pool.all().map((t) => u8aToHex(t.x.bytes));
