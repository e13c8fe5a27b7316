/**
 * `ChainView` over the `#core` chain client: the metagraph (SubtensorModule storage) and the weight
 * hyperparameters of one subnet at the best block, read consistently at one block hash and cached
 * per hash (a new read only when a new block exists).
 */
import { codecToBigInt, fetchMetagraph, type ChainClient, type Metagraph } from '#core';
import type { ApiPromise } from '@polkadot/api';
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

/** Storage defaults (subtensor-api.md §4) used when a chain lacks an item. */
const DEFAULTS = { tempo: 360, weightsSetRateLimit: 100, weightsVersionKey: 0n, minAllowedWeights: 1, commitRevealWeightsEnabled: false, revealPeriodEpochs: 1 };

type ApiAt = Awaited<ReturnType<ApiPromise['at']>>;

/** The neurons of a metagraph as scoring sees them. */
export function neuronsOf(m: Metagraph): NeuronView[] {
  return m.uids.map((uid) => {
    const axon = m.axons[uid]!;
    return {
      uid, hotkey: m.hotkeys[uid]!, host: axon.port > 0 ? axon.ip : '', port: axon.port,
      registrationBlock: m.blockAtRegistration[uid] ?? 0, validatorPermit: m.validatorPermit[uid] ?? false, stake: m.stakeRao[uid] ?? 0n,
    };
  });
}

/**
 * The legacy (spec <= 422) commit-reveal epoch index at `block`: `floor((block + netuid + 1) / (tempo + 1))`.
 */
export function legacyEpochIndex(block: number, netuid: number, tempo: number): number {
  return Math.floor((block + netuid + 1) / (tempo + 1));
}

/** Dynamic-tempo scheduling items (spec >= 423) as read at one block. */
export interface EpochSchedule {
  tempo: number;
  subnetEpochIndex: number;
  lastEpochBlock: number;
  /** 0 = no triggered epoch pending. */
  pendingEpochAt: number;
  blocksSinceLastStep: number;
}

/** `BlocksSinceLastStep` above this forces an epoch (subtensor-api.md §7). */
const MAX_BLOCKS_WITHOUT_EPOCH = 50_400;

/**
 * The commit-reveal epoch an extrinsic included in block `block + 1` is counted in, from the state
 * after `block`: `SubnetEpochIndex + (1 if an epoch fires in block + 1)` (spec >= 423). A commit or
 * reveal sent now lands in the next block at the earliest, so this is the index that decides
 * `RevealTooEarly` / `ExpiredWeightCommit` for it; the index at `block` itself is one too low in
 * the last block of an epoch.
 */
export function nextBlockEpochIndex(s: EpochSchedule, block: number): number {
  const next = block + 1;
  const fires = s.tempo > 0 && ((s.pendingEpochAt > 0 && next >= s.pendingEpochAt)
    || s.blocksSinceLastStep + 1 > MAX_BLOCKS_WITHOUT_EPOCH || next - s.lastEpochBlock >= s.tempo);
  return s.subnetEpochIndex + (fires ? 1 : 0);
}

export class SubtensorChainView implements ChainView {
  readonly #opts: ChainViewOptions;
  readonly #log: Logger;
  #cache: { hash: string; snapshot: ChainSnapshot } | undefined;
  readonly #warned = new Set<string>();

  constructor(opts: ChainViewOptions) {
    this.#opts = opts;
    this.#log = (opts.log ?? pino({ level: 'silent' })).child({ component: 'validator.chain' });
  }

  get #api(): ApiPromise {
    return this.#opts.client.api;
  }

  async #item(at: ApiAt, name: string, args: unknown[]): Promise<unknown> {
    const entry = at.query.subtensorModule?.[name];
    if (entry === undefined) {
      if (!this.#warned.has(name)) {
        this.#warned.add(name);
        this.#log.warn({ item: name }, 'chain has no such SubtensorModule storage item; using the default');
      }
      return undefined;
    }
    return entry(...args);
  }

  async #hyperparams(at: ApiAt, netuid: number): Promise<{ hp: WeightHyperparams; schedule: Omit<EpochSchedule, 'tempo'> | undefined }> {
    const names = ['tempo', 'weightsSetRateLimit', 'weightsVersionKey', 'minAllowedWeights', 'commitRevealWeightsEnabled', 'revealPeriodEpochs',
      'subnetEpochIndex', 'lastEpochBlock', 'pendingEpochAt', 'blocksSinceLastStep'] as const;
    const values = await Promise.all(names.map((n) => this.#item(at, n, [netuid])));
    const num = (i: number, d: number): number => (values[i] === undefined ? d : Number(codecToBigInt(values[i])));
    const cr = values[4] === undefined ? DEFAULTS.commitRevealWeightsEnabled : (values[4] as { toPrimitive(): unknown }).toPrimitive() === true;
    return {
      hp: {
        tempo: num(0, DEFAULTS.tempo), weightsSetRateLimit: num(1, DEFAULTS.weightsSetRateLimit),
        weightsVersionKey: values[2] === undefined ? DEFAULTS.weightsVersionKey : codecToBigInt(values[2]),
        minAllowedWeights: num(3, DEFAULTS.minAllowedWeights), commitRevealEnabled: cr, revealPeriodEpochs: num(5, DEFAULTS.revealPeriodEpochs),
      },
      schedule: values[6] === undefined || values[7] === undefined ? undefined : {
        subnetEpochIndex: num(6, 0), lastEpochBlock: num(7, 0), pendingEpochAt: num(8, 0), blocksSinceLastStep: num(9, 0),
      },
    };
  }

  async snapshot(): Promise<ChainSnapshot> {
    const { netuid, ownHotkey, client } = this.#opts;
    const hash = await client.read('best block hash', async (api) => (await api.rpc.chain.getBlockHash()).toHex());
    if (this.#cache?.hash === hash) return this.#cache.snapshot;
    const snapshot = await client.read(`subnet ${netuid} snapshot at ${hash}`, async (api) => {
      const at = await api.at(hash);
      const [meta, { hp, schedule }] = await Promise.all([fetchMetagraph(api, netuid, hash as HexString), this.#hyperparams(at, netuid)]);
      const neurons = neuronsOf(meta);
      const ownUid = neurons.find((n) => n.hotkey === ownHotkey)?.uid;
      return {
        netuid, block: meta.block, blockHash: hash, epochIndex: schedule === undefined ? legacyEpochIndex(meta.block + 1, netuid, hp.tempo) : nextBlockEpochIndex({ ...schedule, tempo: hp.tempo }, meta.block),
        hyperparams: hp, neurons, ownHotkey, ownUid, ownLastUpdate: ownUid === undefined ? 0 : meta.lastUpdate[ownUid] ?? 0,
      } satisfies ChainSnapshot;
    }, 30_000);
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
    const api = this.#api;
    const entry = api.query.subtensorModule?.networksAdded;
    if (entry === undefined) return false;
    return (await entry(this.#opts.netuid)).toPrimitive() === true;
  }
}
