/** Block production: on an interval or on demand; blocks are serialized and final at once. */
import type { Logger } from 'pino';
import { Storage as TimestampStorage } from '../pallets/timestamp.ts';
import { BlockExecutor } from './executor.ts';
import type { BlockInfo, Chain } from './chain.ts';
import type { PoolTx, TxPool } from './pool.ts';

export class BlockProducer {
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly chain: Chain,
    private readonly pool: TxPool,
    private readonly blockTimeMs: number,
    private readonly log: Logger,
  ) {}

  /** Starts interval production (no-op for manual seal). */
  start(intervalMs: number | null): void {
    if (intervalMs === null) return;
    const tick = (): void => {
      if (this.stopped) return;
      this.produce(1)
        .catch((err: unknown) => this.log.error({ err }, 'block production failed'))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, intervalMs);
        });
    };
    this.timer = setTimeout(tick, intervalMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.queue.catch(() => undefined);
  }

  /** Produces `count` blocks now (after any block in progress); returns the last. */
  produce(count: number): Promise<BlockInfo> {
    const run = this.queue.then(async () => {
      let last = this.chain.head;
      for (let i = 0; i < count; i++) last = await this.produceOne();
      return last;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async produceOne(): Promise<BlockInfo> {
    const started = performance.now();
    const parent = this.chain.head;
    const n = parent.number + 1;
    const prevTs = TimestampStorage.Now.get(this.chain.headState);
    const now = BigInt(Date.now());
    const ts = prevTs === 0n || now >= prevTs + BigInt(this.blockTimeMs) ? now : prevTs + BigInt(this.blockTimeMs);
    const exec = new BlockExecutor(
      this.chain.runtime,
      this.chain.headState,
      n,
      parent.hash,
      parent.headerValue.state_root,
      ts,
      this.blockTimeMs,
    );
    exec.initialize();
    const included: PoolTx[] = [];
    const wasFuture = new Set<string>();
    for (const t of this.pool.candidates(n)) {
      const res = exec.apply(t.x);
      if (res.included) included.push(t);
      else if (res.invalid.kind === 'Future') wasFuture.add(t.hashHex);
      else if (res.invalid.kind === 'ExhaustsResources') continue;
      else {
        this.log.debug({ tx: t.hashHex, reason: res.invalid.message }, 'transaction dropped at inclusion');
        this.pool.remove(t, 'invalid');
      }
    }
    const built = exec.finalize();
    const info = await this.chain.commit(built);
    for (const t of included) this.pool.included(t, info.hashHex);
    this.pool.promote(wasFuture);
    this.log.info(
      {
        block: info.number,
        hash: info.hashHex,
        extrinsics: built.extrinsics.length,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
      },
      'block produced',
    );
    return info;
  }
}
