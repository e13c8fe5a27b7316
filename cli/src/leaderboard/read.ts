/**
 * Reads a subnet for the leaderboard through core's one chain reader (`#core/reader`), at the best block
 * or at a past block number or hash, and maps it to the leaderboard model. Browser-safe: the dashboard
 * bundles this file and runs it in the page.
 */
import type { ApiPromise } from '@polkadot/api';
import {
  readEpochSchedule,
  readIncentiveEmission,
  readNeurons,
  readNeuronsLite as readNeuronsLiteAt,
  readWeightRows,
  requireSubnet,
  resolveBlock,
  subtensorAt,
  type BlockRef,
  type NeuronRecord,
  type WeightRows,
} from '#core/reader';
import { axonText, nextEpochBlock, type NeuronState, type SubnetSnapshot } from './model.ts';

export { resolveBlock, type WeightRows };

function neuronState(r: NeuronRecord): NeuronState {
  const { axon, ...rest } = r;
  return { ...rest, axon: axon === undefined ? null : axonText(axon.ip, axon.ipType, axon.port) };
}

/** Reads `netuid` at `at` (block number or hash; default the best block). */
export async function readSubnet(api: ApiPromise, netuid: number, at?: BlockRef): Promise<SubnetSnapshot> {
  const s = await subtensorAt(api, at);
  await requireSubnet(s, netuid);
  const [{ n, neurons }, schedule] = await Promise.all([readNeurons(s, netuid), readEpochSchedule(s, netuid)]);
  const { hash: blockHash, number: block } = s.block;
  return {
    netuid,
    block,
    blockHash,
    tempo: schedule.tempo,
    n,
    neurons: neurons.map(neuronState),
    nextEpochBlock: nextEpochBlock({
      block,
      netuid,
      tempo: schedule.tempo,
      lastEpochBlock: schedule.lastEpochBlock,
      pendingEpochAt: schedule.pendingEpochAt,
    }),
  };
}

/** Per-uid incentive (u16) and emission (rao) at one block: what the dashboard's history charts plot. */
export interface VectorPoint {
  block: number;
  blockHash: string;
  incentive: number[];
  emissionRao: bigint[];
}

/** Reads the incentive and emission vectors of `netuid` at block hash `hash` (2 storage reads). */
export async function readVectorsAt(api: ApiPromise, netuid: number, hash: string, block: number): Promise<VectorPoint> {
  const s = await subtensorAt(api, hash);
  return { block, blockHash: hash, ...(await readIncentiveEmission(s, netuid)) };
}

/** Reads `SubtensorModule.Weights` of `netuid` (all non-empty rows, sorted by uid) at block hash `hash` (default best). */
export async function readWeights(api: ApiPromise, netuid: number, hash?: string): Promise<WeightRows> {
  return readWeightRows(await subtensorAt(api, hash), netuid);
}

/**
 * The same neurons through the runtime API `NeuronInfoRuntimeApi.get_neurons_lite`, at block `at`
 * (default best). `blockAtRegistration` is 0 here. Undefined when the chain does not expose the API.
 */
export async function readNeuronsLite(api: ApiPromise, netuid: number, at?: BlockRef): Promise<NeuronState[] | undefined> {
  return (await readNeuronsLiteAt(await subtensorAt(api, at), netuid))?.map(neuronState);
}
