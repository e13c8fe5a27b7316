/** Public entry of `validator`: the scoring core, its ports, and the main loop. */
export type {
  Tensor,
  MinerTarget,
  QueryStatus,
  QueryAnswer,
  QueryContext,
  MinerQuerier,
  NeuronView,
  WeightHyperparams,
  ChainSnapshot,
  ChainView,
  WeightErrorCode,
  WeightSubmitResult,
  WeightSetter,
  RoundBatch,
  DataSource,
  AnswerEvidence,
  SentRequest,
} from './ports.ts';
export {
  collectEvidence,
  signedResponseRecord,
  sidecarFileName,
  parseSidecar,
  loadReportEvidence,
  verifyReportEvidence,
  DEFAULT_MAX_EVIDENCE_BYTES,
} from './evidence.ts';
export type {
  SignedResponseRecord,
  SignedRequestRecord,
  ResponsesSummary,
  ResponsesSidecar,
  RoundEvidence,
  MinerVerdict,
  ReportVerdict,
  VerifyReportOptions,
} from './evidence.ts';
export { ScoringConfigSchema, PrizeScheduleSchema, parseScoringConfig } from './config.ts';
export type { ScoringConfig } from './config.ts';
export { evaluateAnswer, crossEntropy, normaliseRows, maxValidLoss, argmaxRow, PROB_FLOOR } from './evaluate.ts';
export type { EvalStatus, MinerEvaluation } from './evaluate.ts';
export { updateScores, reconcileHotkeys, hotkeysOf, emaStep } from './scores.ts';
export type { ScoreEntry, Scores, RoundObservation, EmaOptions } from './scores.ts';
export { rankMiners, beats, incumbencyOrder } from './ranking.ts';
export type { RankCandidate } from './ranking.ts';
export { prizeVector, placeShares, toU16Weights, quantiseU16, U16_MAX } from './prizes.ts';
export type { PrizeSchedule, U16Weights, U16Options } from './prizes.ts';
export { updateCopyState, copyVerdict, crowdGroups, dropCopyUids, emptyCopyState, pairKey, components } from './copy-detect.ts';
export type { CopyState, CopyRules, CopyFinding, CopyVerdict, PairRecord, MixRecord, CopyGate } from './copy-detect.ts';
export { roundSimilarity, spearman, errorConsistency, robustThreshold } from './copy-similarity.ts';
export type { SimilarityAnswer, SimilarityOptions, PairFigures, MixFigures, RoundSimilarity } from './copy-similarity.ts';
export { deriveRoundSeed, roundIdAt, seedBlockOf, seedToU32, batchHash } from './seed.ts';
export { decideWeights, afterSuccess, afterFailure, commitHash, makeSalt, planCommit, planReveals, INITIAL_TIMING } from './weights.ts';
export type { WeightsTiming, WeightsTimingView, WeightsDecision, PendingCommit, RevealPlan } from './weights.ts';
export { revealDue, submitIfDue, recordedCommit } from './weights-step.ts';
export { emptyState, loadState, saveState, parseState, serialiseState, writeFileAtomic, STATE_FILE, STATE_VERSION } from './state.ts';
export type { ValidatorState, LoadStateOptions, LoadOutcome } from './state.ts';
export { selectTargets, queryMiners, isServing } from './query.ts';
export { computeStandings, copyRulesOf } from './standings.ts';
export type { Standings } from './standings.ts';
export { runRound } from './round.ts';
export type { RoundDeps, RoundResult } from './round.ts';
export { writeReport, createReportHandler, reportFileName } from './report.ts';
export type { RoundReport, MinerReport, RoundTimings } from './report.ts';
export { ValidatorLoop, backoffMs } from './lifecycle.ts';
export type { ValidatorDeps, ValidatorLoopOptions } from './lifecycle.ts';
export { GrpcMinerQuerier, statusOfError } from './adapters/querier.ts';
export type { GrpcQuerierOptions } from './adapters/querier.ts';
export { SubtensorChainView, neuronsOf, legacyEpochIndex, nextBlockEpochIndex } from './adapters/chain-view.ts';
export type { ChainViewOptions, EpochSchedule } from './adapters/chain-view.ts';
export { ChainWeightSetter, weightErrorCode } from './adapters/weight-setter.ts';
export type { WeightSetterOptions } from './adapters/weight-setter.ts';
export { HeldOutDataSource, GeneratedDataSource, dataSourceFor, dataHashFor, GENERATOR_VERSION } from './adapters/data-source.ts';
export { ChainPeriodCommitter } from './adapters/period-committer.ts';
export { periodCommitment, deriveSecretRoundSeed, heldOutDataHash, newPeriod, revealOf, revealFileName, parseReveal } from './period.ts';
export type { PeriodSecret, PeriodReveal } from './period.ts';
export { PeriodKeeper, PERIOD_FILE, REVEALS_DIR } from './period-keeper.ts';
export type { PeriodCommitter, PeriodKeeperOptions } from './period-keeper.ts';
export { PublicLadder, writePublicReport, PUBLIC_REPORTS_DIR } from './public-report.ts';
export { checkReveal } from './reveal-check.ts';
export type { OnChainCommitment, RevealVerdict } from './reveal-check.ts';
export type { PublicRoundReport, PublicMinerLine } from './public-report.ts';
export { ValidatorConfigSchema, DaemonScoringSchema, loadValidatorConfig, loadCompetition, scoringFor } from './daemon-config.ts';
export type { ValidatorConfig, ValidatorConfigInput } from './daemon-config.ts';
export { startValidator } from './daemon.ts';
export type { ValidatorHandle, ValidatorStatus, StartValidatorOptions } from './daemon.ts';
