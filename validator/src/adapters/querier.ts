/**
 * `MinerQuerier` over gRPC: one signed `Predict` per miner, all sent at once with one deadline.
 * The request is serialized and hashed once per round and only signed per miner (each signature names its
 * miner). Miners' response signatures are checked after every call has settled, so one miner's check never
 * delays the timing of another's answer; an answer whose signature fails is scored as an error.
 * Channels are kept per (address, hotkey) across rounds and closed when a miner leaves or moves.
 * Every failure becomes an answer with a non-`ok` status; nothing here rejects for one miner.
 */
import { status as GrpcStatus } from '@grpc/grpc-js';
import { errorMessage } from '#core';
import {
  ensureCryptoReady,
  isProtocolError,
  MinerCallError,
  MinerClient,
  preparePredictRequest,
  type PredictResponse,
  type PreparedPredictRequest,
  type Signed,
  type Signer,
  type TensorLimits,
} from '#protocol';
import pino, { type Logger } from 'pino';
import type { AnswerEvidence, MinerQuerier, MinerTarget, QueryAnswer, QueryContext, QueryStatus, SentRequest, Tensor } from '../ports.ts';

/** Options of `GrpcMinerQuerier`. */
export interface GrpcQuerierOptions {
  /** The validator hotkey: signs every request. */
  signer: Signer;
  /** Competition id sent with each request (a miner refuses another competition's questions). */
  competitionId: string;
  /** Message size limit both ways, bytes; default the protocol's (16 MiB). */
  maxMessageBytes?: number;
  /** Limits on the decoded answer; default float32 only, rank <= 4, <= 2^22 elements. */
  tensorLimits?: TensorLimits;
  /**
   * Per-row output shape of the competition (e.g. [10] classes). When given, an answer is read only up to
   * rows x size x 4 bytes plus `ANSWER_SLACK_BYTES`; a larger one is refused at its length prefix, unread.
   */
  outputShape?: readonly number[];
  log?: Logger;
}

const DEFAULT_LIMITS: TensorLimits = { dtypes: ['float32'], maxRank: 4, maxElements: 2 ** 22 };

/** Room for a PredictResponse's fields besides the output bytes (ids, checkpoint hash, shape, protobuf tags). */
export const ANSWER_SLACK_BYTES = 64 * 1024;

/** Largest answer to a question of `rows` rows with per-row `outputShape`, bytes; undefined when the shape is unknown. */
export function expectedAnswerBytes(rows: number, outputShape: readonly number[] | undefined): number | undefined {
  if (outputShape === undefined) return undefined;
  return rows * outputShape.reduce((a, b) => a * b, 1) * 4 + ANSWER_SLACK_BYTES;
}

/** The status of a failed call: late, unreachable, or anything else. */
export function statusOfError(err: unknown): QueryStatus {
  if (err instanceof MinerCallError) {
    if (err.grpcCode === GrpcStatus.DEADLINE_EXCEEDED) return 'timeout';
    if (err.grpcCode === GrpcStatus.UNAVAILABLE) return 'refused';
    return 'error';
  }
  return 'error';
}

function describe(err: unknown): string {
  if (isProtocolError(err)) return `protocol: ${err.message}`;
  return errorMessage(err);
}

/** An answer whose response signature is still to be checked (`signed` is absent when the call failed). */
interface Pending {
  answer: QueryAnswer;
  signed?: Signed<PredictResponse>;
}

export class GrpcMinerQuerier implements MinerQuerier {
  readonly #clients = new Map<string, MinerClient>();
  readonly #opts: GrpcQuerierOptions;
  readonly #log: Logger;

  constructor(opts: GrpcQuerierOptions) {
    this.#opts = opts;
    this.#log = (opts.log ?? pino({ level: 'silent' })).child({ component: 'validator.querier' });
  }

  /** Number of open miner channels (for tests and metrics). */
  get openChannels(): number {
    return this.#clients.size;
  }

  #client(t: MinerTarget, maxAnswerBytes: number | undefined): MinerClient {
    // The answer limit is a channel option: a round with another batch size gets (and keeps) its own channel.
    const key = `${t.host}:${t.port}/${t.hotkey}/${maxAnswerBytes ?? ''}`;
    let c = this.#clients.get(key);
    if (c === undefined) {
      const host = t.host.includes(':') ? `[${t.host}]` : t.host;
      c = new MinerClient({
        address: `${host}:${t.port}`,
        minerHotkey: t.hotkey,
        signer: this.#opts.signer,
        maxMessageBytes: this.#opts.maxMessageBytes,
        maxReceiveMessageBytes: maxAnswerBytes,
        tensorLimits: this.#opts.tensorLimits ?? DEFAULT_LIMITS,
      });
      this.#clients.set(key, c);
    }
    return c;
  }

  /** Closes channels of miners that are not in `targets` any more, or that were opened for another answer size. */
  #prune(targets: readonly MinerTarget[], maxAnswerBytes: number | undefined): void {
    const keep = new Set(targets.map((t) => `${t.host}:${t.port}/${t.hotkey}/${maxAnswerBytes ?? ''}`));
    for (const [key, c] of this.#clients) {
      if (!keep.has(key)) {
        c.close();
        this.#clients.delete(key);
      }
    }
  }

  async #one(
    t: MinerTarget,
    prepared: PreparedPredictRequest,
    deadlineMs: number,
    roundId: number,
    started: number,
    maxAnswerBytes: number | undefined,
  ): Promise<Pending> {
    try {
      const r = await this.#client(t, maxAnswerBytes).predictPrepared(prepared, { deadlineMs, verifyResponse: 'defer' });
      // Both taken on our own clocks at receipt, before any check: what copy detection may compare.
      const timing = { latencyMs: performance.now() - started, receivedAtMs: Date.now() };
      const responseHash = `0x${r.record.bodyHash}`;
      const v = r.value;
      if (v.roundId !== roundId || v.competitionId !== this.#opts.competitionId) {
        return {
          answer: {
            status: 'error',
            ...timing,
            responseHash,
            detail: `expected an answer for ${this.#opts.competitionId} round ${roundId}, found ${v.competitionId} round ${v.roundId}`,
          },
          signed: r,
        };
      }
      if (v.output.dtype !== 'float32') {
        return {
          answer: { status: 'error', ...timing, responseHash, detail: `expected a float32 output, found ${v.output.dtype}` },
          signed: r,
        };
      }
      return {
        answer: { status: 'ok', output: { data: v.output.data as Float32Array, shape: [...v.output.shape] }, ...timing, responseHash },
        signed: r,
      };
    } catch (err: unknown) {
      const status = statusOfError(err);
      this.#log.debug({ uid: t.uid, hotkey: t.hotkey, status, err: describe(err) }, 'miner query failed');
      return { answer: { status, latencyMs: performance.now() - started, receivedAtMs: Date.now(), detail: describe(err) } };
    }
  }

  async queryAll(targets: MinerTarget[], input: Tensor, deadlineMs: number, ctx?: QueryContext): Promise<Map<number, QueryAnswer>> {
    await ensureCryptoReady();
    const maxAnswerBytes = expectedAnswerBytes(input.shape[0] ?? 0, this.#opts.outputShape);
    this.#prune(targets, maxAnswerBytes);
    const started = performance.now();
    const roundId = ctx?.roundId ?? 0;
    let prepared: PreparedPredictRequest;
    try {
      prepared = preparePredictRequest({
        competitionId: this.#opts.competitionId,
        roundId,
        input: { dtype: 'float32', shape: input.shape, data: input.data },
      });
    } catch (err: unknown) {
      // Our own input is bad: no miner can be asked; every miner gets the same error answer (nothing rejects).
      this.#log.error({ err: describe(err), shape: input.shape }, 'round input cannot be encoded');
      const answer: QueryAnswer = { status: 'error', latencyMs: 0, detail: describe(err) };
      return new Map(targets.map((t) => [t.uid, { ...answer }]));
    }
    const pending = await Promise.all(targets.map((t) => this.#one(t, prepared, deadlineMs, roundId, started, maxAnswerBytes)));
    // Response signatures, checked once every answer is in (the latencies above are already taken).
    const request: SentRequest = { body: prepared.body, bodyHash: prepared.bodyHash };
    const answers = pending.map(({ answer, signed }, i): QueryAnswer => {
      if (signed === undefined) return answer;
      const v = signed.verify();
      if (v.ok) {
        const evidence: AnswerEvidence = { record: signed.record, body: signed.body, request, requestRecord: signed.request };
        return { ...answer, evidence };
      }
      const t = targets[i]!;
      this.#log.debug({ uid: t.uid, hotkey: t.hotkey, err: v.reason }, 'miner answer signature invalid');
      return {
        status: 'error' as const,
        latencyMs: answer.latencyMs,
        receivedAtMs: answer.receivedAtMs,
        detail: `protocol: response signature: ${v.reason}`,
      };
    });
    return new Map(targets.map((t, i) => [t.uid, answers[i]!]));
  }

  /** Closes every channel. */
  close(): void {
    for (const c of this.#clients.values()) c.close();
    this.#clients.clear();
  }
}
