/**
 * Reads the chain after every epoch (through `#core`'s metagraph reader) and turns it into an
 * `EpochSample` per epoch; EMA losses come from the honest validators' own state files.
 */
import { connectChain, fetchMetagraph, readEpochSchedule, silentLogger, subtensorAt, type ChainClient, type Metagraph } from '#core';
import { readFileSync } from 'node:fs';
import type { EpochSample } from './figures.ts';
import type { ScenarioDef } from './scenario.ts';

/**
 * Per-hotkey EMA losses from one honest validator's own state file (`<data-dir>/validator-state.json`).
 * Public reports no longer carry per-miner losses (private leaderboard), so the experimenter reads what
 * the validator operator has on disk; empty when the file is missing or being rewritten.
 */
function stateLosses(file: string): Map<string, number> {
  try {
    const st = JSON.parse(readFileSync(file, 'utf8')) as { scores?: [number, { hotkey?: string; emaLoss?: number }][] };
    return new Map(
      (st.scores ?? [])
        .map(([, v]) => v)
        .filter((v) => typeof v.hotkey === 'string' && typeof v.emaLoss === 'number')
        .map((v) => [v.hotkey!, v.emaLoss!]),
    );
  } catch {
    return new Map();
  }
}

/** Builds one sample from a metagraph snapshot. */
export function sampleOf(
  def: ScenarioDef,
  m: Metagraph,
  actorOf: Map<string, string>,
  epoch: number,
  losses: Map<string, number>,
): EpochSample {
  const shares: Record<string, number> = {};
  const dividendPerStake: Record<string, number> = {};
  const emaLoss: Record<string, number | null> = {};
  const stakeOf: Record<string, bigint> = {};
  const emissionOf: Record<string, bigint> = {};
  let top = -1,
    first: string | null = null;
  for (let uid = 0; uid < m.n; uid++) {
    const actor = actorOf.get(m.hotkeys[uid]!);
    if (actor === undefined) continue;
    const role = def.neurons.find((n) => n.actor === actor)?.role;
    if (role === 'miner') {
      const inc = m.incentive[uid]! / 65535;
      shares[actor] = (shares[actor] ?? 0) + inc;
      if (m.incentive[uid]! > top) {
        top = m.incentive[uid]!;
        first = actor;
      }
      const l = losses.get(m.hotkeys[uid]!);
      if (l !== undefined) emaLoss[actor] = Math.min(emaLoss[actor] ?? Infinity, l);
      else emaLoss[actor] ??= null;
    } else {
      stakeOf[actor] = (stakeOf[actor] ?? 0n) + m.stakeRao[uid]!;
      emissionOf[actor] = (emissionOf[actor] ?? 0n) + m.emissionRao[uid]!;
    }
  }
  for (const a of Object.keys(stakeOf)) dividendPerStake[a] = stakeOf[a]! > 0n ? Number(emissionOf[a]!) / Number(stakeOf[a]!) : 0;
  return { epoch, block: m.block, shares, dividendPerStake, emaLoss, first: top > 0 ? first : null };
}

/** Watches epochs; `next()` resolves with the metagraph right after the next epoch. */
export class EpochWatcher {
  private lastEpochBlock = -1;
  private waiters: ((m: Metagraph) => void)[] = [];
  private busy = false;
  private unsub: (() => void) | undefined;

  private constructor(readonly client: ChainClient) {}

  static async open(endpoint: string): Promise<EpochWatcher> {
    const w = new EpochWatcher(await connectChain({ endpoint, logger: silentLogger() }));
    const api = w.client.api;
    w.unsub = (await api.rpc.chain.subscribeNewHeads(() => {
      void w.poll();
    })) as unknown as () => void;
    return w;
  }

  private async poll(): Promise<void> {
    if (this.busy || this.waiters.length === 0) return;
    this.busy = true;
    try {
      const b = (await readEpochSchedule(await subtensorAt(this.client.api), 1)).lastEpochBlock ?? 0;
      if (this.lastEpochBlock >= 0 && b !== this.lastEpochBlock) {
        const m = await fetchMetagraph(this.client.api, 1);
        const ws = this.waiters;
        this.waiters = [];
        for (const w of ws) w(m);
      }
      this.lastEpochBlock = b;
    } catch {
      /* next head retries */
    } finally {
      this.busy = false;
    }
  }

  /** The metagraph after the next epoch, or rejects after `timeoutMs`. */
  next(timeoutMs: number): Promise<Metagraph> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== done);
        reject(new Error(`sim: no epoch within ${timeoutMs} ms (chain stalled?)`));
      }, timeoutMs);
      const done = (m: Metagraph): void => {
        clearTimeout(timer);
        resolve(m);
      };
      this.waiters.push(done);
    });
  }

  /** Best (lowest) EMA loss per hotkey over the honest validators' state files. */
  losses(stateFiles: string[]): Map<string, number> {
    const maps = stateFiles.map(stateLosses);
    const out = new Map<string, number>();
    for (const m of maps) for (const [k, v] of m) out.set(k, Math.min(out.get(k) ?? Infinity, v));
    return out;
  }

  async close(): Promise<void> {
    this.unsub?.();
    await this.client.close();
  }
}
