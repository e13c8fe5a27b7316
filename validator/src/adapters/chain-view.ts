/**
 * `ChainView` over the `#core` chain client: the metagraph (SubtensorModule storage) and the weight
 * hyperparameters of one subnet at the best block, read consistently at one block hash and cached
 * per hash (a new read only when a new block exists).
 */
import {
  commitRevealEpochAfter,
  commitRevealLayout,
  fetchMetagraph,
  readEpochSchedule,
  readSubnetExists,
  readWeightHyperparams,
  subtensorAt,
  type ChainClient,
  type Metagraph,
  type SubtensorAt,
} from '#core';
import type { HexString } from '@polkadot/util/types';
import pino, { type Logger } from 'pino';
import type { ChainSnapshot, ChainView, NeuronView, WeightHyperparams } from '../ports.ts';

/** Options of `SubtensorChainView`. */
export interface ChainViewOptions {
  client: ChainClient;
  netuid: number;
  /** This validator's hotkey, SS58. */
  ownHotkey: string;
  log?: Logger;
}

/** The neurons of a metagraph as scoring sees them. */
export function neuronsOf(m: Metagraph): NeuronView[] {
  return m.uids.map((uid) => {
    const axon = m.axons[uid]!;
    return {
      uid,
      hotkey: m.hotkeys[uid]!,
      host: axon.port > 0 ? axon.ip : '',
      port: axon.port,
      registrationBlock: m.blockAtRegistration[uid] ?? 0,
      validatorPermit: m.validatorPermit[uid] ?? false,
      stake: m.stakeRao[uid] ?? 0n,
    };
  });
}

/** The epoch index helpers live in core's chain reader; re-exported for existing importers. */
export { legacyEpochIndex, nextBlockEpochIndex, type EpochIndexSchedule as EpochSchedule } from '#core';

export class SubtensorChainView implements ChainView {
  readonly #opts: ChainViewOptions;
  readonly #log: Logger;
  #cache: { hash: string; snapshot: ChainSnapshot } | undefined;
  readonly #warned = new Set<string>();

  constructor(opts: ChainViewOptions) {
    this.#opts = opts;
    this.#log = (opts.log ?? pino({ level: 'silent' })).child({ component: 'validator.chain' });
  }

  async #hyperparams(at: SubtensorAt, netuid: number): Promise<{ hp: WeightHyperparams; epochIndex: number }> {
    const [{ missing, ...hp }, schedule] = await Promise.all([readWeightHyperparams(at, netuid), readEpochSchedule(at, netuid)]);
    for (const item of missing.filter((m) => !this.#warned.has(m))) {
      this.#warned.add(item);
      this.#log.warn({ item }, 'chain has no such SubtensorModule storage item; using the default');
    }
    // The epoch a commit sent now is counted in, as this runtime counts it (epoch index or fixed tempo).
    const epochIndex = commitRevealEpochAfter(commitRevealLayout(at), { ...schedule, tempo: hp.tempo }, at.block.number, netuid);
    return { hp, epochIndex };
  }

  async snapshot(): Promise<ChainSnapshot> {
    const { netuid, ownHotkey, client } = this.#opts;
    const hash = await client.read('best block hash', async (api) => (await api.rpc.chain.getBlockHash()).toHex());
    if (this.#cache?.hash === hash) return this.#cache.snapshot;
    const snapshot = await client.read(
      `subnet ${netuid} snapshot at ${hash}`,
      async (api) => {
        const [meta, { hp, epochIndex }] = await Promise.all([
          fetchMetagraph(api, netuid, hash as HexString),
          subtensorAt(api, hash).then((at) => this.#hyperparams(at, netuid)),
        ]);
        const neurons = neuronsOf(meta);
        const ownUid = neurons.find((n) => n.hotkey === ownHotkey)?.uid;
        return {
          netuid,
          block: meta.block,
          blockHash: hash,
          epochIndex,
          hyperparams: hp,
          neurons,
          ownHotkey,
          ownUid,
          ownLastUpdate: ownUid === undefined ? 0 : (meta.lastUpdate[ownUid] ?? 0),
        } satisfies ChainSnapshot;
      },
      30_000,
    );
    this.#cache = { hash, snapshot };
    return snapshot;
  }

  async blockHash(blockNumber: number): Promise<string> {
    return this.#opts.client.read(`hash of block ${blockNumber}`, async (api) => {
      const h = await api.rpc.chain.getBlockHash(blockNumber);
      if (h.isEmpty) throw new Error(`expected block ${blockNumber} to exist, found no hash for it`);
      return h.toHex();
    });
  }

  /** Whether the subnet exists (NetworksAdded). */
  async subnetExists(): Promise<boolean> {
    return this.#opts.client.read('NetworksAdded', async (api) => readSubnetExists(await subtensorAt(api), this.#opts.netuid));
  }
}
