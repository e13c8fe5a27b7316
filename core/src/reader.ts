/**
 * Browser-safe entry of core's chain reader (`#core/reader`): what the dashboard bundles. Nothing
 * reachable from here imports node: modules (test/chain-reader-rules.test.ts checks it).
 */
export { subtensorAt, resolveBlock, SubtensorAt } from './chain/reader.ts';
export type { BlockAt, BlockRef, SubtensorItem, SubtensorQuery } from './chain/reader.ts';
export {
  readNeurons,
  readNeuronsLite,
  readEpochSchedule,
  readIncentiveEmission,
  readWeightRows,
  readSubnetExists,
  requireSubnet,
  readUid,
  readBurn,
  readAxon,
  readFreeBalance,
  rawAxon,
} from './chain/subnet-reads.ts';
export type { NeuronRecord, EpochScheduleRecord, WeightRows, WeightHyperparamsRecord } from './chain/subnet-reads.ts';
export { readWeightHyperparams, WEIGHT_HYPERPARAM_DEFAULTS } from './chain/subnet-reads.ts';
export {
  commitRevealLayout,
  commitRevealEpochAfter,
  legacyEpochIndex,
  nextBlockEpochIndex,
  decodeWeightCommit,
  decodeWeightCommits,
  readWeightCommits,
} from './chain/commit-reveal.ts';
export type { CommitRevealLayout, WeightCommitRecord, EpochIndexSchedule } from './chain/commit-reveal.ts';
export {
  codecToBigInt,
  codecToNumber,
  codecList,
  codecNumbers,
  codecBigInts,
  codecBool,
  codecBools,
  unwrapOption,
  field,
} from './chain/codec.ts';
export { ipFromChain, ipToChain } from './chain/ip.ts';
export { ChainError, ArenaError, errorMessage } from './errors.ts';
