/**
 * `MinerQuerier` over gRPC: one signed `Predict` per miner, all sent at once with one deadline.
 * Channels are kept per (address, hotkey) across rounds and closed when a miner leaves or moves.
 * Every failure becomes an answer with a non-`ok` status; nothing here rejects for one miner.
 */
import { status as GrpcStatus } from '@grpc/grpc-js';
import { ensureCryptoReady, isProtocolError, MinerCallError, MinerClient, type Signer, type TensorLimits } from '#protocol';
import pino, { type Logger } from 'pino';
import type { MinerQuerier, MinerTarget, QueryAnswer, QueryContext, QueryStatus, Tensor } from '../ports.ts';

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
  log?: Logger;
}

const DEFAULT_LIMITS: TensorLimits = { dtypes: ['float32'], maxRank: 4, maxElements: 2 ** 22 };

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
  return err instanceof Error ? err.message : String(err);
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

  #client(t: MinerTarget): MinerClient {
    const key = `${t.host}:${t.port}/${t.hotkey}`;
    let c = this.#clients.get(key);
    if (c === undefined) {
      const host = t.host.includes(':') ? `[${t.host}]` : t.host;
      c = new MinerClient({
        address: `${host}:${t.port}`, minerHotkey: t.hotkey, signer: this.#opts.signer,
        maxMessageBytes: this.#opts.maxMessageBytes, tensorLimits: this.#opts.tensorLimits ?? DEFAULT_LIMITS,
      });
      this.#clients.set(key, c);
    }
    return c;
  }

  /** Closes channels of miners that are not in `targets` any more. */
  #prune(targets: readonly MinerTarget[]): void {
    const keep = new Set(targets.map((t) => `${t.host}:${t.port}/${t.hotkey}`));
    for (const [key, c] of this.#clients) {
      if (!keep.has(key)) { c.close(); this.#clients.delete(key); }
    }
  }

  async #one(t: MinerTarget, input: Tensor, deadlineMs: number, roundId: number, started: number): Promise<QueryAnswer> {
    try {
      const r = await this.#client(t).predict(
        { competitionId: this.#opts.competitionId, roundId, input: { dtype: 'float32', shape: input.shape, data: input.data } },
        { deadlineMs },
      );
      const latencyMs = performance.now() - started;
      const responseHash = `0x${r.record.bodyHash}`;
      const v = r.value;
      if (v.roundId !== roundId || v.competitionId !== this.#opts.competitionId) {
        return { status: 'error', latencyMs, responseHash, detail: `expected an answer for ${this.#opts.competitionId} round ${roundId}, found ${v.competitionId} round ${v.roundId}` };
      }
      if (v.output.dtype !== 'float32') {
        return { status: 'error', latencyMs, responseHash, detail: `expected a float32 output, found ${v.output.dtype}` };
      }
      return { status: 'ok', output: { data: v.output.data as Float32Array, shape: [...v.output.shape] }, latencyMs, responseHash };
    } catch (err: unknown) {
      const status = statusOfError(err);
      this.#log.debug({ uid: t.uid, hotkey: t.hotkey, status, err: describe(err) }, 'miner query failed');
      return { status, latencyMs: performance.now() - started, detail: describe(err) };
    }
  }

  async queryAll(targets: MinerTarget[], input: Tensor, deadlineMs: number, ctx?: QueryContext): Promise<Map<number, QueryAnswer>> {
    await ensureCryptoReady();
    this.#prune(targets);
    const started = performance.now();
    const roundId = ctx?.roundId ?? 0;
    const answers = await Promise.all(targets.map((t) => this.#one(t, input, deadlineMs, roundId, started)));
    return new Map(targets.map((t, i) => [t.uid, answers[i]!]));
  }

  /** Closes every channel. */
  close(): void {
    for (const c of this.#clients.values()) c.close();
    this.#clients.clear();
  }
}
