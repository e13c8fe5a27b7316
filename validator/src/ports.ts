/**
 * Ports: the small interfaces the scoring core needs from the outside world (miners, chain, data).
 * The daemon plugs real adapters (gRPC `MinerClient`, `core` chain client, `training` held-out split)
 * in; tests use the in-memory fakes under `validator/test/_helpers/`.
 */

import type { SignedRecord } from '#protocol';

/** A dense float32 tensor as it travels on the wire (row-major). */
export interface Tensor {
  data: Float32Array;
  shape: number[];
}

/** One miner to query: where its axon is and which hotkey it must answer as. */
export interface MinerTarget {
  uid: number;
  hotkey: string;
  host: string;
  port: number;
}

/** How a query ended. `ok` only says an answer arrived; evaluation decides whether it is usable. */
export type QueryStatus = 'ok' | 'timeout' | 'refused' | 'error';

/** What one miner answered (or failed to). */
export interface QueryAnswer {
  status: QueryStatus;
  /** The predicted probabilities; present when status is `ok`. */
  output?: Tensor;
  /** Time from send to answer or failure on the validator's own monotonic clock, ms. */
  latencyMs: number;
  /** When the answer (or failure) reached the validator, ms since epoch on the validator's own clock. */
  receivedAtMs?: number;
  /** Hex hash of the signed response body, kept for reports (a validator can prove what was answered). */
  responseHash?: string;
  /** Human-readable failure detail (error message, gRPC status). */
  detail?: string;
  /**
   * The miner's signed answer, kept as evidence: present when an answer arrived and its signature checked out
   * (whatever evaluation then makes of it). Absent for failed calls and for answers whose signature failed.
   */
  evidence?: AnswerEvidence;
}

/** The round's request as sent (the same serialized body to every miner; only the signatures differ). */
export interface SentRequest {
  /** The serialized PredictRequest. */
  body: Uint8Array;
  /** Lower-case hex sha256 of `body`, no 0x. */
  bodyHash: string;
}

/** What proves a miner's answer: its verified signature record, the exact body it covers, and the question. */
export interface AnswerEvidence {
  /** The miner's response signature (`verifySignedRecord(record, body)` re-checks it at any time). */
  record: SignedRecord;
  /** The response body exactly as received (serialized PredictResponse). */
  body: Uint8Array;
  /** The request this answers (shared by all answers of one round; `record.uuid` is that request's uuid). */
  request: SentRequest;
  /**
   * Our own signature of that request for this miner (signedFor = the miner, same uuid as `record`,
   * bodyHash = `request.bodyHash`). With `record.requestBodyHash` (signed by the miner) it proves the question.
   */
  requestRecord: SignedRecord;
}

/** What a query belongs to (sent on the wire so a miner's answer is bound to one round). */
export interface QueryContext {
  roundId: number;
}

/** Sends the same input to every target at once, with one deadline for all. */
export interface MinerQuerier {
  /** Never rejects for a single miner's failure: each failure is an entry with a non-`ok` status. */
  queryAll(targets: MinerTarget[], input: Tensor, deadlineMs: number, ctx?: QueryContext): Promise<Map<number, QueryAnswer>>;
}

/** One neuron of the metagraph, as much as scoring needs. */
export interface NeuronView {
  uid: number;
  hotkey: string;
  /** Axon host ('' or '0.0.0.0' when not serving). */
  host: string;
  /** Axon port (0 when not serving). */
  port: number;
  /** Block at which this hotkey registered at this uid (incumbency order). */
  registrationBlock: number;
  validatorPermit: boolean;
  /** Stake in rao. */
  stake: bigint;
}

/** Subnet hyperparameters that govern weight setting. */
export interface WeightHyperparams {
  tempo: number;
  weightsSetRateLimit: number;
  weightsVersionKey: bigint;
  minAllowedWeights: number;
  commitRevealEnabled: boolean;
  revealPeriodEpochs: number;
}

/** A consistent view of the chain at one block. */
export interface ChainSnapshot {
  netuid: number;
  block: number;
  blockHash: string;
  /**
   * The commit-reveal epoch an extrinsic sent now is counted in: the subnet's epoch index as of the
   * next block (`block + 1`), since that is the earliest block a commit or reveal can land in.
   */
  epochIndex: number;
  hyperparams: WeightHyperparams;
  neurons: NeuronView[];
  /** This validator's hotkey (SS58). */
  ownHotkey: string;
  /** This validator's uid, undefined when not registered. */
  ownUid: number | undefined;
  /** LastUpdate[netuid][ownUid], 0 when never set. */
  ownLastUpdate: number;
}

/** Read side of the chain. */
export interface ChainView {
  snapshot(): Promise<ChainSnapshot>;
  /** Hash of a past block (0x-hex), used to derive the round seed all validators share. */
  blockHash(blockNumber: number): Promise<string>;
}

/** Chain errors a weight submission can end with (names as in the SubtensorModule metadata), or a transport failure. */
export type WeightErrorCode =
  | 'SettingWeightsTooFast'
  | 'CommittingWeightsTooFast'
  | 'IncorrectWeightVersionKey'
  | 'NeuronNoValidatorPermit'
  | 'WeightVecLengthIsLow'
  | 'CommitRevealEnabled'
  | 'CommitRevealDisabled'
  | 'RevealTooEarly'
  | 'ExpiredWeightCommit'
  | 'InvalidRevealCommitHashNotMatch'
  | 'NoWeightsCommitFound'
  | 'TooManyUnrevealedCommits'
  | 'HotKeyNotRegisteredInSubNet'
  | 'Other';

/** Outcome of one weight extrinsic: the block it was included in, or a typed error. */
export type WeightSubmitResult =
  /** `commitEpoch`: for a commit, the epoch the chain recorded it in (WeightCommits), when readable. */
  { ok: true; block: number; commitEpoch?: number } | { ok: false; code: WeightErrorCode; message: string };

/** Write side: the three weight extrinsics. */
export interface WeightSetter {
  setWeights(uids: number[], weights: number[], versionKey: bigint): Promise<WeightSubmitResult>;
  commitWeights(commitHash: string): Promise<WeightSubmitResult>;
  revealWeights(uids: number[], weights: number[], salt: number[], versionKey: bigint): Promise<WeightSubmitResult>;
}

/** One round's batch from the held-out split. */
export interface RoundBatch {
  input: Tensor;
  /** Class index per row, length = batch size. */
  labels: Int32Array;
  numClasses: number;
}

/** The held-out data, sampled deterministically from the round seed. */
export interface DataSource {
  /** `seed` is the 0x-hex round seed from `deriveRoundSeed`; equal seeds give equal batches. */
  sampleRoundBatch(seed: string, batchSize: number): RoundBatch | Promise<RoundBatch>;
}
