/**
 * What a validator publishes while a competition period runs (HTTP `/report/latest`): ranks, prizes and a
 * Ladder score per miner, never held-out inputs, seeds, per-item data or per-round losses. The full round
 * report stays private on disk until its period is revealed.
 *
 * The score is the Ladder of Blum & Hardt (ICML 2015): a miner's shown score changes only when its EMA
 * loss beats the shown one by more than `step`, and is then shown rounded to the `step` grid. A miner
 * probing labels by tuning its answers sees at most a coarse step now and then, not a loss per round.
 */
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { reportFileName, type MinerReport, type RoundReport } from './report.ts';
import { writeFileAtomic } from './state.ts';

/** Directory (under the data dir) of the public reports, the ones meant to be shared while a period runs. */
export const PUBLIC_REPORTS_DIR = 'public-reports';

/** One miner's public line. */
export interface PublicMinerLine {
  uid: number;
  hotkey: string;
  rank: number | null;
  prize: number;
  copyOf: number | null;
  /** Ladder score (EMA loss on the step grid, best shown so far); null before the miner was scored. */
  score: number | null;
  /** Whether the miner answered this round usably. */
  answered: boolean;
}

/** The public report of a round. */
export interface PublicRoundReport {
  kind: 'public';
  roundId: number;
  netuid: number;
  competitionId: string;
  validatorHotkey?: string;
  validatorUid?: number | null;
  block: number;
  period: number | null;
  startedAt: string;
  /** Grid step of `score`. */
  scoreStep: number;
  miners: PublicMinerLine[];
}

/** The Ladder state: the score shown per uid (reset when the uid's hotkey changes). */
export class PublicLadder {
  readonly #shown = new Map<number, { hotkey: string; score: number }>();

  constructor(readonly step: number) {
    if (!(step > 0)) throw new RangeError(`expected a positive ladder step, found ${step}`);
  }

  /** The score to show for a miner whose EMA loss is `ema` now. */
  score(uid: number, hotkey: string, ema: number | null): number | null {
    const prev = this.#shown.get(uid);
    const same = prev !== undefined && prev.hotkey === hotkey;
    if (ema === null || !Number.isFinite(ema)) return same ? prev.score : null;
    if (!same || ema < prev.score - this.step) {
      const score = Math.round(Math.round(ema / this.step) * this.step * 1e6) / 1e6;
      this.#shown.set(uid, { hotkey, score });
      return score;
    }
    return prev.score;
  }

  /** The public form of a full round report (advances the ladder). */
  publish(r: RoundReport): PublicRoundReport {
    const line = (m: MinerReport): PublicMinerLine => ({
      uid: m.uid,
      hotkey: m.hotkey,
      rank: m.rank,
      prize: m.prize,
      copyOf: m.copyOf,
      score: this.score(m.uid, m.hotkey, m.emaLoss),
      answered: m.status === 'ok',
    });
    return {
      kind: 'public',
      roundId: r.roundId,
      netuid: r.netuid,
      competitionId: r.competitionId,
      validatorHotkey: r.validatorHotkey,
      validatorUid: r.validatorUid,
      block: r.block,
      period: r.period ?? null,
      startedAt: r.startedAt,
      scoreStep: this.step,
      miners: r.miners.map(line),
    };
  }
}

/** Writes a public report as `<dir>/round-<n>.json` and keeps the newest `keep`. */
export async function writePublicReport(dir: string, report: PublicRoundReport, keep: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFileAtomic(join(dir, reportFileName(report.roundId)), `${JSON.stringify(report, null, 2)}\n`);
  const rounds = (await readdir(dir))
    .map((f) => /^round-(\d+)\.json$/.exec(f)?.[1])
    .filter((x): x is string => x !== undefined)
    .map(Number)
    .sort((a, b) => b - a);
  await Promise.all(rounds.slice(keep).map((r) => unlink(join(dir, reportFileName(r))).catch(() => undefined)));
}
