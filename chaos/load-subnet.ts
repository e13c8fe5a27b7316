/**
 * The subnet the load runs use: the demo devchain config (1 s blocks, dev accounts funded) with subnet 1
 * holding 64 staked validators with permits (uids 1-64, after the owner's uid 0) and filler miners up to
 * n = 256, so each set_weights carries a full 256-entry vector as a validator on a full subnet does.
 * set_weights goes in the clear (commit-reveal off) at the chain's rate limit: the heaviest weight traffic a
 * subnet sees (commit-reveal sends a 32-byte commit per tempo and one reveal, not a vector every 5 blocks).
 */
import { readFileSync } from 'node:fs';

export const LOAD_NETUID = 1;
export const LOAD_TEMPO = 20;
/** `WeightsSetRateLimit` of the load subnet, blocks (arena up's default). */
export const LOAD_RATE_LIMIT = 5;
export const LOAD_N = 256;

const DEMO = new URL('../configs/devchain/subnet.json', import.meta.url).pathname;

/** The dev URI of validator `i` (0-based); its uid is i + 1. */
export const validatorUri = (i: number): string => `//load//v${i}`;

export interface LoadSubnetOptions {
  validators: number;
  /** Extra miner hotkeys (dev URIs or SS58 addresses) registered right after the validators, e.g. a real miner's. */
  miners?: Array<{ hotkey: string; coldkey: string }>;
  dataDir: string;
}

/** A devchain config object (for `arena devchain --config`) with the load subnet. */
export function loadChainConfig(o: LoadSubnetOptions): Record<string, unknown> {
  const demo = JSON.parse(readFileSync(DEMO, 'utf8')) as { genesis: Record<string, unknown> } & Record<string, unknown>;
  const validators = Array.from({ length: o.validators }, (_, i) => ({
    hotkey: validatorUri(i),
    coldkey: '//Bob',
    stake: 1000 + i,
    validatorPermit: true,
  }));
  const extra = o.miners ?? [];
  const fillers = Array.from({ length: Math.max(0, LOAD_N - 1 - validators.length - extra.length) }, (_, j) => ({
    hotkey: `//load//m${j}`,
    coldkey: '//Charlie',
  }));
  return {
    ...demo,
    port: 0,
    dataDir: o.dataDir,
    genesis: {
      ...demo.genesis,
      pallets: {
        SubtensorModule: {
          networkRateLimit: 0,
          subnets: [
            {
              netuid: LOAD_NETUID,
              owner: '//Alice',
              ownerHotkey: '//Alice//owner',
              startCall: true,
              hyperparams: {
                tempo: LOAD_TEMPO,
                commitRevealEnabled: false,
                weightsSetRateLimit: LOAD_RATE_LIMIT,
                maxAllowedValidators: Math.max(1, o.validators),
                minAllowedWeights: 1,
                servingRateLimit: 0,
              },
              neurons: [...validators, ...extra, ...fillers],
            },
          ],
        },
      },
    },
  };
}
