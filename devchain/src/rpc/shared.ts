/** Shared JSON-RPC pieces: the error class, the handler context and parameter helpers. */
import { z } from 'zod';
import { u8aToHex } from '@polkadot/util';
import { encode } from '../scale/codec.ts';
import { DigestItem } from '../frame/common-types.ts';
import type { Chain, BlockInfo } from '../chain/chain.ts';
import type { TxPool } from '../chain/pool.ts';
import type { BlockProducer } from '../chain/producer.ts';
import type { HeaderValue } from '../chain/executor.ts';

/** A JSON-RPC error with a Substrate-like code. */
export class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
  }
  toJSON(): { code: number; message: string; data?: unknown } {
    return this.data === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, data: this.data };
  }
}

export interface Subscription {
  id: string;
  send(result: unknown): void;
}
/** Given to handlers on transports that support subscriptions (WebSocket). */
export interface SubscriptionApi {
  open(notificationMethod: string, onCancel: () => void): Subscription;
  close(id: string): boolean;
}

export interface NodeInfo {
  chainName: string;
  nodeName: string;
  version: string;
  properties: Record<string, unknown>;
}

export interface RpcContext {
  chain: Chain;
  pool: TxPool;
  producer: BlockProducer;
  node: NodeInfo;
  subscriptions: SubscriptionApi | null;
}

export type Handler = (ctx: RpcContext, params: unknown[]) => unknown;

export const HexSchema = z.string().regex(/^0x([0-9a-fA-F]{2})*$/, 'expected 0x-prefixed hex bytes');
export const HashSchema = z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'expected a 32-byte 0x-prefixed hash');
export const OptHash = HashSchema.nullish();

/** Parses params with a zod tuple; failures are JSON-RPC -32602. */
export function parseParams<S extends z.ZodType>(schema: S, params: unknown[]): z.infer<S> {
  const r = schema.safeParse(params);
  if (!r.success)
    throw new RpcError(-32602, 'Invalid params', r.error.issues.map((i) => `${i.path.join('.') || 'params'}: ${i.message}`).join('; '));
  return r.data;
}

/** The block at `hash`, or the head when absent; unknown hashes are error 4003. */
export async function blockAt(ctx: RpcContext, hash: string | null | undefined): Promise<BlockInfo> {
  if (!hash) return ctx.chain.head;
  const b = await ctx.chain.blockByHash(hash);
  if (!b) throw new RpcError(4003, `Client error: UnknownBlock: header not found for ${hash}`);
  return b;
}

export function headerJson(h: HeaderValue): Record<string, unknown> {
  return {
    parentHash: u8aToHex(h.parent_hash),
    number: `0x${h.number.toString(16)}`,
    stateRoot: u8aToHex(h.state_root),
    extrinsicsRoot: u8aToHex(h.extrinsics_root),
    digest: { logs: h.digest.logs.map((l) => u8aToHex(encode(DigestItem, l))) },
  };
}

export function requireSubscriptions(ctx: RpcContext): SubscriptionApi {
  if (!ctx.subscriptions) throw new RpcError(-32601, 'Subscriptions are not available on this transport (use WebSocket)');
  return ctx.subscriptions;
}
