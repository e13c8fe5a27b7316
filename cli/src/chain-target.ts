/**
 * Which chain and subnet a reading command (`arena leaderboard`, `arena dashboard`) looks at. The fields are
 * spelled as the validator's (`--network`, `--chain-endpoint`, `--netuid`), and their flags are generated
 * from these schemas; env `ARENA_NETWORK`, `ARENA_CHAIN_ENDPOINT`, `ARENA_NETUID`.
 */
import { z } from 'zod';
import { EndpointSchema, resolveNetwork } from '#core';

/** The chain fields of a reading command's config schema. */
export const chainTargetFields = {
  network: z.string().min(1).default('local').describe('network name from configs/networks (local, test, finney) or a ws:// URL'),
  chainEndpoint: EndpointSchema.optional().describe('chain WebSocket endpoint; overrides network'),
  netuid: z.number().int().min(0).max(65_535).default(1).describe('subnet id'),
};

/** The endpoint to connect to: `chainEndpoint` when given, else the network's. */
export function chainEndpointOf(target: { network: string; chainEndpoint?: string | undefined }): string {
  return target.chainEndpoint ?? resolveNetwork(target.network).endpoint;
}
