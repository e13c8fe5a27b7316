/** system_* methods. */
import { z } from 'zod';
import { decodeAddress } from '@polkadot/util-crypto';
import { parseParams, RpcError, type Handler } from './shared.ts';

export const system_chain: Handler = (ctx) => ctx.node.chainName;
export const system_name: Handler = (ctx) => ctx.node.nodeName;
export const system_version: Handler = (ctx) => ctx.node.version;
export const system_properties: Handler = (ctx) => ctx.node.properties;
export const system_chainType: Handler = () => 'Development';
export const system_health: Handler = () => ({ peers: 0, isSyncing: false, shouldHavePeers: false });
export const system_localPeerId: Handler = () => '12D3KooWArenaDevchain';
export const system_localListenAddresses: Handler = () => [];
export const system_nodeRoles: Handler = () => ['Authority'];
export const system_peers: Handler = () => [];
export const system_syncState: Handler = (ctx) => ({
  startingBlock: 0,
  currentBlock: ctx.chain.head.number,
  highestBlock: ctx.chain.head.number,
});

/** Next nonce of an account, counting transactions waiting in the pool. */
export const system_accountNextIndex: Handler = (ctx, params) => {
  const [address] = parseParams(z.tuple([z.string()]), params);
  let who: Uint8Array;
  try {
    who = decodeAddress(address);
  } catch (err: unknown) {
    throw new RpcError(
      -32602,
      'Invalid params',
      `expected an SS58 address or 0x account id, found ${address}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  if (who.length !== 32) throw new RpcError(-32602, 'Invalid params', `expected a 32-byte account id, found ${who.length} bytes`);
  return ctx.pool.nextIndex(who);
};
