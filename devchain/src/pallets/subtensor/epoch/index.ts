/**
 * Public entry of the pure Yuma-consensus module (no chain dependencies). The SubtensorModule
 * pallet imports from here; see README.md in this folder.
 */
export { runEpoch, computeStake, bondsAlpha, validateEpochInput, EpochInputError, EPOCH_DEFAULTS } from './epoch.ts';
export type { EpochInput, EpochOutput, EpochFixed, U16Row } from './epoch.ts';
export {
  isEpochDue,
  blocksUntilNextEpoch,
  nextEpochBlock,
  consumeEpochSlot,
  initialLastEpochBlock,
  initialScheduleState,
  commitEpochIndex,
  isRevealEpoch,
  isCommitExpired,
  activityCutoffBlocks,
  legacyBlocksUntilNextEpoch,
  legacyEpochIndex,
  MAX_BLOCKS_WITHOUT_EPOCH,
} from './schedule.ts';
export type { EpochScheduleState } from './schedule.ts';
export { splitBlockEmission, distributeEmission, DEFAULT_SUBNET_OWNER_CUT, DEFAULT_VALIDATOR_TAKE } from './emission.ts';
export type { BlockEmissionSplit, SplitOptions, DistributionInput, DistributionOutput, HotkeyCredit } from './emission.ts';
export { rootProportion, splitDividends, taoWeightU96 } from './root-dividends.ts';
export type { DividendSplitInput, DividendSplit } from './root-dividends.ts';
export { commitHash, encodeCommitTuple, encodeCompact, maxUpscaleU16, exceedsMaxWeightLimit, NO_WEIGHT_LIMIT } from '../math/weights.ts';
export type { CommitHashInput } from '../math/weights.ts';
export { burnDecayFactor, decayBurn, bumpBurn, powQ32 } from '../math/burn.ts';
