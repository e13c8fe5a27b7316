/**
 * set_weights from many validators during the load run, as each validator does it: after every block it
 * reads its own `LastUpdate` and sends a full weight vector as soon as `WeightsSetRateLimit` allows.
 * Each vector marks one uid with the top weight (a marker derived from the validator and its nonce), so
 * the `Weights` row read back from storage tells which submission it came from. Every tempo (counted from
 * the first block seen) the run reads `Weights` at that block and checks that every validator's stored row
 * came from a submission sent within the last tempo (no validator starved); it counts accepted, refused
 * and included (from `LastUpdate`) submissions.
 */
import type { ApiPromise } from '@polkadot/api';
import type { KeyringPair } from '@polkadot/keyring/types';
import { setWeights } from '#core';
import { codecNumbers, readWeightRows, subtensorAt } from '#core/reader';

export interface WeightsLoadOptions {
  netuid: number;
  /** Neurons on the subnet: every vector covers uids 0..n-1. */
  n: number;
  /** `WeightsSetRateLimit`, blocks. */
  rateLimit: number;
  /** Window each validator's weights must land within, blocks (the tempo). */
  window: number;
}

interface Validator {
  pair: KeyringPair;
  uid: number;
  /** Never sends (the test's stand-in for a validator whose weights stop landing). */
  silent?: boolean;
  nonce: number | undefined;
  /** Block after which the pending submission was sent; undefined when none is pending. */
  pendingSince: number | undefined;
  /** Marker uid -> block after which the submission carrying it was sent (the latest such). */
  sent: Map<number, number>;
  lastUpdate: number;
  gaps: number[];
}

export interface WeightsLoadResult {
  validators: number;
  accepted: number;
  refused: number;
  included: number;
  /** Submissions that had not landed 3 rate-limit periods after they were sent (dropped or lost). */
  lost: number;
  failedExtrinsics: number;
  /** Blocks between two inclusions of one validator's weights: min (never below the rate limit), median, p99, max. */
  gapBlocks: { min: number; p50: number; p99: number; max: number };
  /** Tempo checks of every validator's Weights row. */
  checks: number;
  /** (validator, check) pairs whose stored row was missing or older than the window. */
  starvedChecks: number;
  starvedValidators: number[];
  refusals: Record<string, number>;
  /** Blocks this harness failed to read or act on (RPC errors), and the last error. */
  blockErrors: number;
  lastBlockError?: string;
}

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
};

export class WeightsLoad {
  readonly #api: ApiPromise;
  readonly #o: WeightsLoadOptions;
  readonly #vs: Validator[];
  #queue: Promise<void> = Promise.resolve();
  #firstBlock: number | undefined;
  #accepted = 0;
  #refused = 0;
  #included = 0;
  #lost = 0;
  #failed = 0;
  #checks = 0;
  #starvedChecks = 0;
  #blockErrors = 0;
  #lastBlockError: string | undefined;
  readonly #starved = new Set<number>();
  readonly #refusals = new Map<string, number>();

  constructor(api: ApiPromise, validators: Array<{ pair: KeyringPair; uid: number; silent?: boolean }>, o: WeightsLoadOptions) {
    this.#api = api;
    this.#o = o;
    this.#vs = validators.map((v) => ({ ...v, nonce: undefined, pendingSince: undefined, sent: new Map(), lastUpdate: 0, gaps: [] }));
  }

  /** Queues the work for a new best block; blocks are handled one after the other, in order. */
  onBlock(number: number, hash: string): void {
    this.#queue = this.#queue
      .then(() => this.#handle(number, hash))
      .catch((err: unknown) => {
        // Counted, not thrown: one unreadable block must not stop the run; the result reports how many.
        this.#blockErrors++;
        this.#lastBlockError = String(err instanceof Error ? err.message : err).slice(0, 200);
      });
  }

  /** Waits until every queued block has been handled. */
  async drain(): Promise<void> {
    await this.#queue;
  }

  async #handle(number: number, hash: string): Promise<void> {
    this.#firstBlock ??= number;
    const at = await subtensorAt(this.#api, hash);
    const last = codecNumbers(await at.need('lastUpdate')(this.#o.netuid));
    await this.#countEvents(hash);
    for (const v of this.#vs) {
      const lu = last[v.uid] ?? 0;
      if (lu !== v.lastUpdate) {
        this.#included++;
        if (v.lastUpdate > 0) v.gaps.push(lu - v.lastUpdate);
        v.lastUpdate = lu;
        v.pendingSince = undefined;
      } else if (v.pendingSince !== undefined && number - v.pendingSince > 3 * this.#o.rateLimit) {
        this.#lost++;
        v.pendingSince = undefined;
        v.nonce = undefined;
      }
    }
    const since = number - this.#firstBlock;
    if (since > 0 && since % this.#o.window === 0) await this.#check(number, at);
    await Promise.all(this.#vs.filter((v) => this.#due(v, number)).map((v) => this.#submit(v, number)));
  }

  /** First sends are staggered over one rate-limit period, as validators started at different times would be. */
  #due(v: Validator, number: number): boolean {
    if (v.pendingSince !== undefined || v.silent === true) return false;
    if (v.lastUpdate === 0) return number >= (this.#firstBlock ?? number) + (v.uid % this.#o.rateLimit);
    return number + 1 - v.lastUpdate >= this.#o.rateLimit;
  }

  async #submit(v: Validator, number: number): Promise<void> {
    try {
      v.nonce ??= (await this.#api.rpc.system.accountNextIndex(v.pair.address)).toNumber();
      const marker = (v.nonce * 37 + v.uid * 11) % this.#o.n;
      const uids = Array.from({ length: this.#o.n }, (_, j) => j);
      const weights = uids.map((j) => (j === marker ? 65_535 : 1));
      const tx = await setWeights(this.#api, { netuid: this.#o.netuid, uids, weights, versionKey: 0 }).signAsync(v.pair, {
        nonce: v.nonce,
        era: 0,
      });
      v.pendingSince = number;
      await this.#api.rpc.author.submitExtrinsic(tx);
      v.sent.set(marker, number);
      v.nonce++;
      this.#accepted++;
    } catch (err: unknown) {
      v.pendingSince = undefined;
      v.nonce = undefined;
      this.#refused++;
      const why = String(err instanceof Error ? err.message : err).slice(0, 80);
      this.#refusals.set(why, (this.#refusals.get(why) ?? 0) + 1);
    }
  }

  async #countEvents(hash: string): Promise<void> {
    const events = (await this.#api.query.system.events.at(hash)) as unknown as Array<{ event: { section: string; method: string } }>;
    for (const { event } of events) if (event.section === 'system' && event.method === 'ExtrinsicFailed') this.#failed++;
  }

  /** Every validator's stored row must carry the marker of a submission sent within the last window. */
  async #check(number: number, at: Awaited<ReturnType<typeof subtensorAt>>): Promise<void> {
    this.#checks++;
    const rows = new Map(await readWeightRows(at, this.#o.netuid));
    for (const v of this.#vs) {
      const row = rows.get(v.uid) ?? [];
      const top = row.reduce<[number, number] | undefined>((b, x) => (b === undefined || x[1] > b[1] ? x : b), undefined);
      const sentAt = top === undefined ? undefined : v.sent.get(top[0]);
      if (sentAt === undefined || number - sentAt > this.#o.window) {
        this.#starvedChecks++;
        this.#starved.add(v.uid);
      }
    }
  }

  result(): WeightsLoadResult {
    const gaps = this.#vs.flatMap((v) => v.gaps);
    return {
      validators: this.#vs.length,
      accepted: this.#accepted,
      refused: this.#refused,
      included: this.#included,
      lost: this.#lost,
      failedExtrinsics: this.#failed,
      gapBlocks: { min: Math.min(...gaps), p50: pct(gaps, 0.5), p99: pct(gaps, 0.99), max: Math.max(0, ...gaps) },
      checks: this.#checks,
      starvedChecks: this.#starvedChecks,
      starvedValidators: [...this.#starved].sort((a, b) => a - b),
      refusals: Object.fromEntries(this.#refusals),
      blockErrors: this.#blockErrors,
      ...(this.#lastBlockError === undefined ? {} : { lastBlockError: this.#lastBlockError }),
    };
  }
}
