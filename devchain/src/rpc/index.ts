/** The JSON-RPC method registry: core namespaces plus pallets' custom methods. */
import * as system from './system.ts';
import * as chain from './chain.ts';
import * as state from './state.ts';
import * as author from './author.ts';
import * as payment from './payment.ts';
import { dev_newBlock } from './dev/new-block.ts';
import type { Handler } from './shared.ts';
import { blockAt } from './shared.ts';
import { InvalidRpcParams, type Pallet } from '../frame/pallet.ts';
import { RpcError } from './shared.ts';

export type { Handler, RpcContext } from './shared.ts';
export { RpcError } from './shared.ts';

/** Wraps pallets' custom methods (e.g. `neuronInfo_getNeuronsLite`) as handlers. */
export function palletHandlers(pallets: Pallet[]): Record<string, Handler> {
  const out: Record<string, Handler> = {};
  for (const p of pallets) {
    for (const [name, fn] of Object.entries(p.rpc ?? {})) {
      out[name] = async (ctx, params) => {
        try {
          return await fn({ readAt: async (at) => ctx.chain.readContext(await blockAt(ctx, at)) }, params);
        } catch (err: unknown) {
          if (err instanceof InvalidRpcParams) throw new RpcError(-32602, 'Invalid params', err.message);
          throw err;
        }
      };
    }
  }
  return out;
}

export function buildHandlers(pallets: Pallet[], extra: Record<string, Handler> = {}): Record<string, Handler> {
  const handlers: Record<string, Handler> = {
    ...system,
    ...chain,
    ...state,
    ...author,
    ...payment,
    dev_newBlock,
    ...palletHandlers(pallets),
    ...extra,
  };
  handlers.rpc_methods = (): { version: number; methods: string[] } => ({ version: 1, methods: Object.keys(handlers).sort() });
  return handlers;
}
