/**
 * The miner's view of the chain as a small port (`MinerChain`), with the `@polkadot/api` adapter.
 * The daemon talks only to this port, so it runs unchanged against subtensor, the devchain, or a fake.
 */
import type { KeyringPair } from '@polkadot/keyring/types';
import type { Logger } from 'pino';
import {
  burnedRegister,
  codecToBigInt,
  connectChain,
  fetchMetagraph,
  headsFromApi,
  ipFromChain,
  MetagraphWatcher,
  readAxon,
  readBurn,
  readFreeBalance,
  readSubnetExists,
  readUid,
  serveAxon,
  silentLogger,
  submitAndWait,
  subtensorAt,
  type ChainClient,
  type Metagraph,
  type SubtensorAt,
} from '#core';

/** An axon as the miner compares it: text IP and port. */
export interface AxonAddress {
  ip: string;
  port: number;
}

/** The parts of a metagraph snapshot the miner uses (core's `Metagraph` satisfies it). */
export interface MinerMetagraphView {
  readonly block: number;
  readonly hotkeys: readonly string[];
  readonly validatorPermit: readonly boolean[];
  readonly axons: ReadonlyArray<{ readonly ip: string; readonly port: number }>;
  /** Stake per uid on this subnet, rao (absent: unknown, read as 0). */
  readonly stakeRao?: readonly bigint[];
  /** The chain's `StakeThreshold` (stake needed to set weights), rao; absent when the chain lacks it or the read failed. */
  readonly stakeThresholdRao?: bigint;
}

/** What the miner needs from a chain. Every read rejects with `ChainError` on failure. */
export interface MinerChain {
  /** Where the chain is (for logs and messages). */
  readonly endpoint: string;
  /** Best block number. */
  bestBlock(): Promise<number>;
  /** Whether subnet `netuid` exists. */
  subnetExists(netuid: number): Promise<boolean>;
  /** The uid of `hotkey` on `netuid`, or undefined when it is not registered. */
  uidOf(netuid: number, hotkey: string): Promise<number | undefined>;
  /** Current registration burn of `netuid`, rao. */
  burnRao(netuid: number): Promise<bigint>;
  /** Free balance of `address`, rao. */
  freeBalanceRao(address: string): Promise<bigint>;
  /** Estimated fee of a `burned_register` signed by `coldkey`, rao (0 when the chain cannot tell). */
  registerFeeRao(netuid: number, hotkey: string, coldkey: KeyringPair): Promise<bigint>;
  /** `burned_register(netuid, hotkey)` signed by the coldkey; resolves once included. */
  burnedRegister(netuid: number, hotkey: string, coldkey: KeyringPair): Promise<void>;
  /** The axon stored for `hotkey` on `netuid` (undefined when never served). */
  axonOf(netuid: number, hotkey: string): Promise<AxonAddress | undefined>;
  /** `serve_axon` signed by the hotkey; resolves once included. */
  serveAxon(netuid: number, hotkey: KeyringPair, axon: AxonAddress & { version: number }): Promise<void>;
  /** Calls `onSnapshot` with each refreshed metagraph of `netuid`; resolves to a stop function. */
  watchMetagraph(netuid: number, onSnapshot: (m: MinerMetagraphView) => void, everyBlocks: number): Promise<() => void>;
  /** Disconnects. */
  close(): Promise<void>;
}

/** Options of `connectMinerChain`. */
export interface ConnectMinerChainOptions {
  endpoint: string;
  connectTimeoutMs?: number;
  txTimeoutMs?: number;
  logger?: Logger;
}

/** Connects to a subtensor-compatible chain and returns the miner's port over it. */
export async function connectMinerChain(options: ConnectMinerChainOptions): Promise<MinerChain> {
  const logger = options.logger ?? silentLogger();
  const client = await connectChain({ endpoint: options.endpoint, logger, connectTimeoutMs: options.connectTimeoutMs ?? 15_000 });
  return substrateMinerChain(client, { txTimeoutMs: options.txTimeoutMs ?? 60_000, logger });
}

/**
 * `SubtensorModule.StakeThreshold` (global, rao) at `hash` (default best): the stake a hotkey needs to set
 * weights, the miner's default caller stake floor. Undefined when this chain has no such item or the read
 * fails (the caller directory then keeps its last floor).
 */
async function readStakeThreshold(client: ChainClient, logger: Logger, hash?: `0x${string}`): Promise<bigint | undefined> {
  try {
    const item = (await subtensorAt(client.api, hash)).maybe('stakeThreshold');
    return item === undefined ? undefined : codecToBigInt(await item());
  } catch (err: unknown) {
    logger.debug({ err }, 'StakeThreshold not read; keeping the last caller stake floor');
    return undefined;
  }
}

/** The `MinerChain` port over a connected `ChainClient`. */
export function substrateMinerChain(client: ChainClient, options: { txTimeoutMs: number; logger: Logger }): MinerChain {
  const { api } = client;
  const submit = { timeoutMs: options.txTimeoutMs, nonces: client.nonces, logger: options.logger };
  // Every read goes through core's chain reader at the best block, with the client's deadline.
  const read = <T>(what: string, fn: (s: SubtensorAt) => Promise<T>): Promise<T> =>
    client.read(what, async (a) => fn(await subtensorAt(a)));
  return {
    endpoint: client.endpoint,
    bestBlock: () => client.read('best block', async (a) => (await a.rpc.chain.getHeader()).number.toNumber()),
    subnetExists: (netuid) => read('NetworksAdded', (s) => readSubnetExists(s, netuid)),
    uidOf: (netuid, hotkey) => read('Uids', (s) => readUid(s, netuid, hotkey)),
    burnRao: (netuid) => read('Burn', (s) => readBurn(s, netuid)),
    freeBalanceRao: (address) => read('System.Account', (s) => readFreeBalance(s, address)),
    registerFeeRao: async (netuid, hotkey, coldkey) => {
      try {
        const info = await burnedRegister(api, { netuid, hotkey }).paymentInfo(coldkey);
        return info.partialFee.toBigInt();
      } catch (err: unknown) {
        options.logger.debug({ err }, 'fee estimate unavailable; assuming 0');
        return 0n;
      }
    },
    burnedRegister: async (netuid, hotkey, coldkey) => {
      await submitAndWait(api, burnedRegister(api, { netuid, hotkey }), coldkey, submit);
    },
    axonOf: (netuid, hotkey) =>
      read('Axons', async (s) => {
        const raw = await readAxon(s, netuid, hotkey);
        if (raw === undefined || raw.ip === 0n) return undefined;
        return { ip: ipFromChain(raw.ip, raw.ipType), port: raw.port };
      }),
    serveAxon: async (netuid, hotkey, axon) => {
      await submitAndWait(api, serveAxon(api, { netuid, ip: axon.ip, port: axon.port, version: axon.version }), hotkey, submit);
    },
    watchMetagraph: async (netuid, onSnapshot, everyBlocks) => {
      // The watcher has no change callback: wrap its fetch and hand each new snapshot on once it is built.
      const fetch = async (hash: `0x${string}`): Promise<Metagraph> => {
        const [m, stakeThresholdRao] = await Promise.all([
          fetchMetagraph(api, netuid, hash),
          readStakeThreshold(client, options.logger, hash),
        ]);
        queueMicrotask(() => onSnapshot({ ...m, stakeThresholdRao }));
        return m;
      };
      const watcher = new MetagraphWatcher({ netuid, everyBlocks, logger: options.logger, heads: headsFromApi(api), fetch });
      // Heads arrive only with new blocks (a manual-seal chain may produce none for a while): read once now.
      const [first, threshold] = await Promise.all([fetchMetagraph(api, netuid), readStakeThreshold(client, options.logger)]);
      onSnapshot({ ...first, stakeThresholdRao: threshold });
      await watcher.start();
      return () => watcher.stop();
    },
    close: () => client.close(),
  };
}
