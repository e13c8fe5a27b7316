/**
 * `WeightSetter` over `submitAndWait`: set_weights, commit_weights and reveal_weights signed by the
 * validator hotkey, waiting for inclusion. Chain refusals come back as typed results (the module
 * error name when the runtime gave one), never as exceptions.
 */
import {
  ChainError,
  commitWeights,
  errorMessage,
  readEpochSchedule,
  readWeightCommits,
  revealWeights,
  setWeights,
  submitAndWait,
  subtensorAt,
  type ChainClient,
} from '#core';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { HexString } from '@polkadot/util/types';
import pino, { type Logger } from 'pino';
import type { WeightErrorCode, WeightSetter, WeightSubmitResult } from '../ports.ts';

const KNOWN_CODES: ReadonlySet<string> = new Set<WeightErrorCode>([
  'SettingWeightsTooFast',
  'CommittingWeightsTooFast',
  'IncorrectWeightVersionKey',
  'NeuronNoValidatorPermit',
  'WeightVecLengthIsLow',
  'CommitRevealEnabled',
  'CommitRevealDisabled',
  'RevealTooEarly',
  'ExpiredWeightCommit',
  'InvalidRevealCommitHashNotMatch',
  'NoWeightsCommitFound',
  'TooManyUnrevealedCommits',
  'HotKeyNotRegisteredInSubNet',
]);

/** Options of `ChainWeightSetter`. */
export interface WeightSetterOptions {
  client: ChainClient;
  netuid: number;
  hotkey: KeyringPair;
  /** Deadline for inclusion, ms; default 60 000. */
  timeoutMs?: number;
  log?: Logger;
}

/**
 * The pool's refusals of a reveal (subtensor checks reveal_weights in its transaction extension, before
 * dispatch) as the dispatch errors they stand for, so the reveal step treats both alike: a missing commit is
 * final, a reveal outside its window moves on (else a reveal of a commit already revealed before a crash
 * was retried every few blocks until its epoch ended).
 */
const POOL_REFUSALS: ReadonlyMap<string, WeightErrorCode> = new Map([
  ['CommitNotFound', 'NoWeightsCommitFound'],
  ['CommitBlockNotInRevealRange', 'RevealTooEarly'],
]);

/** Maps a thrown error to a weight result code. */
export function weightErrorCode(err: unknown): WeightErrorCode {
  const name = err instanceof ChainError ? err.errorName : undefined;
  if (name === undefined) return 'Other';
  return KNOWN_CODES.has(name) ? (name as WeightErrorCode) : (POOL_REFUSALS.get(name) ?? 'Other');
}

export class ChainWeightSetter implements WeightSetter {
  readonly #opts: WeightSetterOptions;
  readonly #log: Logger;

  constructor(opts: WeightSetterOptions) {
    this.#opts = opts;
    this.#log = (opts.log ?? pino({ level: 'silent' })).child({ component: 'validator.weights' });
  }

  async #submit(kind: string, build: () => Parameters<typeof submitAndWait>[1], commitHash?: string): Promise<WeightSubmitResult> {
    const { client, hotkey } = this.#opts;
    try {
      const tx = build();
      const r = await submitAndWait(client.api, tx, hotkey, {
        nonces: client.nonces,
        timeoutMs: this.#opts.timeoutMs ?? 60_000,
        logger: this.#log,
      });
      const header = await client.read('header of the inclusion block', (api) => api.rpc.chain.getHeader(r.blockHash));
      const block = header.number.toNumber();
      if (commitHash === undefined) return { ok: true, block };
      const commitEpoch = await this.#recordedEpoch(r.blockHash, commitHash);
      return commitEpoch === undefined ? { ok: true, block } : { ok: true, block, commitEpoch };
    } catch (err: unknown) {
      const code = weightErrorCode(err);
      const message = errorMessage(err);
      this.#log.debug({ kind, code, err: message }, 'weight extrinsic failed');
      return { ok: false, code, message };
    }
  }

  /**
   * The epoch the chain recorded our commit `hash` in, read from `WeightCommits` at the inclusion block
   * as this runtime lays it out (core's `readWeightCommits`: an epoch index, or a commit block on older
   * runtimes). Undefined when unreadable (the caller keeps its own estimate; a wrong one is corrected by
   * the RevealTooEarly retry).
   */
  async #recordedEpoch(blockHash: string, hash: string): Promise<number | undefined> {
    const { client, netuid, hotkey } = this.#opts;
    try {
      return await client.read('WeightCommits at the commit block', async (api) => {
        const at = await subtensorAt(api, blockHash);
        const { tempo } = await readEpochSchedule(at, netuid);
        const commits = await readWeightCommits(at, netuid, hotkey.address, tempo);
        return commits.find((c) => c.hash === hash.toLowerCase())?.commitEpoch;
      });
    } catch (err: unknown) {
      this.#log.debug({ err: errorMessage(err) }, 'could not read the recorded commit epoch');
      return undefined;
    }
  }

  setWeights(uids: number[], weights: number[], versionKey: bigint): Promise<WeightSubmitResult> {
    return this.#submit('set', () => setWeights(this.#opts.client.api, { netuid: this.#opts.netuid, uids, weights, versionKey }));
  }

  commitWeights(commitHash: string): Promise<WeightSubmitResult> {
    return this.#submit(
      'commit',
      () => commitWeights(this.#opts.client.api, { netuid: this.#opts.netuid, commitHash: commitHash as HexString }),
      commitHash,
    );
  }

  revealWeights(uids: number[], weights: number[], salt: number[], versionKey: bigint): Promise<WeightSubmitResult> {
    return this.#submit('reveal', () =>
      revealWeights(this.#opts.client.api, { netuid: this.#opts.netuid, uids, weights, salt, versionKey }),
    );
  }
}
