/**
 * What every scripted adversary process shares: its JSON argument, a logger, a chain connection
 * (through `#core`), its dev hotkeys, and a clean exit on SIGTERM.
 */
import {
  connectChain,
  createLogger,
  fetchMetagraph,
  pairFromUri,
  serveAxon,
  submitAndWait,
  type ChainClient,
  type Logger,
  type Metagraph,
} from '#core';
import type { KeyringPair } from '@polkadot/keyring/types';

/** Fields every adversary's argument carries. */
export interface AdversaryBase {
  endpoint: string;
  netuid: number;
  /** Dev URIs of the hotkeys it acts through (registered in the scenario's genesis). */
  hotkeyUris: string[];
}

/** Parses `process.argv[2]` as the adversary's JSON argument. */
export function readArgs<T extends AdversaryBase>(name: string): T {
  const raw = process.argv[2];
  if (raw === undefined) throw new Error(`${name}: expected one JSON argument, found none`);
  const v = JSON.parse(raw) as T;
  if (typeof v.endpoint !== 'string' || typeof v.netuid !== 'number' || !Array.isArray(v.hotkeyUris) || v.hotkeyUris.length === 0) {
    throw new Error(`${name}: expected { endpoint: string, netuid: number, hotkeyUris: string[] (non-empty) }, found ${raw.slice(0, 200)}`);
  }
  return v;
}

/** Connects and returns what an adversary needs; SIGTERM/SIGINT run `onStop` then exit 0. */
export async function setup(
  name: string,
  base: AdversaryBase,
  onStop: () => void = () => undefined,
): Promise<{ log: Logger; client: ChainClient; keys: KeyringPair[] }> {
  const log = createLogger({ level: 'info' }).child({ component: `sim.${name}` });
  const client = await connectChain({ endpoint: base.endpoint, logger: log });
  const keys = await Promise.all(base.hotkeyUris.map((u) => pairFromUri(u)));
  const stop = (): void => {
    try {
      onStop();
    } finally {
      void client.close().finally(() => process.exit(0));
    }
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  return { log, client, keys };
}

/** Publishes the axon of `key` at 127.0.0.1:port. */
export async function publishAxon(client: ChainClient, key: KeyringPair, netuid: number, port: number): Promise<void> {
  await submitAndWait(client.api, serveAxon(client.api, { netuid, ip: '127.0.0.1', port }), key, { timeoutMs: 30_000 });
}

/** The latest metagraph. */
export function metagraph(client: ChainClient, netuid: number): Promise<Metagraph> {
  return fetchMetagraph(client.api, netuid);
}

/** Calls `fn` on every new block (skipping blocks while a previous call still runs). */
export async function onEachBlock(client: ChainClient, fn: (block: number) => Promise<void>, log: Logger): Promise<void> {
  let busy = false;
  await client.api.rpc.chain.subscribeNewHeads((h) => {
    if (busy) return;
    busy = true;
    fn(h.number.toNumber())
      .catch((err: unknown) => log.warn({ err }, 'block handler failed'))
      .finally(() => {
        busy = false;
      });
  });
}
