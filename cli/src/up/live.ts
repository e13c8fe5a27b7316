/**
 * The live view of `arena up`: the chain's leaderboard joined with what `up` knows (names,
 * architectures) and what the validators measured (EMA loss from their latest round reports).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildLeaderboard, formatRao, shortKey, type Leaderboard } from '../leaderboard/model.ts';

/** Per-hotkey facts `up` adds to the chain's rows. */
export interface NeuronLabel {
  name: string;
  role: 'validator' | 'miner';
  model?: string;
}

/** One row of the live table. */
export interface LiveRow {
  rank: number;
  uid: number;
  name: string;
  role: string;
  model: string;
  emaLoss: number | null;
  incentive: number;
  dividends: number;
  earnedRao: bigint;
  updatedBlocksAgo: number | null;
  axon: string | null;
}

/** Mean EMA loss per hotkey over the validators' newest reports (null when no validator scored it). */
export function readEmaLosses(reportDirs: string[]): Map<string, number> {
  const sums = new Map<string, { sum: number; n: number }>();
  for (const dir of reportDirs) {
    let newest: number | undefined;
    try {
      for (const f of readdirSync(dir)) {
        const m = /^round-(\d+)\.json$/.exec(f);
        if (m && (newest === undefined || Number(m[1]) > newest)) newest = Number(m[1]);
      }
      if (newest === undefined) continue;
      // Public reports carry the Ladder score (EMA loss on a coarse grid); full reports the EMA loss itself.
      const report = JSON.parse(readFileSync(join(dir, `round-${newest}.json`), 'utf8')) as {
        miners?: { hotkey: string; emaLoss?: number | null; score?: number | null }[];
      };
      for (const m of report.miners ?? []) {
        const v = m.score ?? m.emaLoss;
        if (typeof v !== 'number' || !Number.isFinite(v)) continue;
        const acc = sums.get(m.hotkey) ?? { sum: 0, n: 0 };
        sums.set(m.hotkey, { sum: acc.sum + v, n: acc.n + 1 });
      }
    } catch {}
  }
  return new Map([...sums].map(([k, v]) => [k, v.sum / v.n]));
}

/** Joins the leaderboard with labels and losses; miners' stake is what they earned (incentive is paid as stake). */
export function liveRows(lb: Leaderboard, labels: Map<string, NeuronLabel>, losses: Map<string, number>): LiveRow[] {
  return lb.rows.map((r) => {
    const label = labels.get(r.hotkey);
    return {
      rank: r.rank,
      uid: r.uid,
      name: label?.name ?? shortKey(r.hotkey),
      role: label?.role ?? r.role,
      model: label?.model ?? '-',
      emaLoss: losses.get(r.hotkey) ?? null,
      incentive: r.incentive,
      dividends: r.dividends,
      earnedRao: r.stakeRao,
      updatedBlocksAgo: r.updatedBlocksAgo,
      axon: r.axon,
    };
  });
}

/** Renders the live table as text (no colours; the caller clears the screen). */
export function renderLive(lb: Leaderboard, rows: LiveRow[], summary: string): string {
  const head = ['#', 'UID', 'NAME', 'ROLE', 'MODEL', 'EMA LOSS', 'INCENTIVE', 'DIVIDENDS', 'STAKE/EARNED α', 'WEIGHTS SET', 'AXON'];
  const body = rows.map((r) => [
    String(r.rank),
    String(r.uid),
    r.name,
    r.role,
    r.model,
    r.emaLoss === null ? '-' : r.emaLoss.toFixed(4),
    r.incentive.toFixed(4),
    r.dividends.toFixed(4),
    formatRao(r.earnedRao, 3),
    // Miners never set weights; their LastUpdate is only the registration block.
    r.role === 'miner' ? '-' : r.updatedBlocksAgo === null ? 'never' : `${r.updatedBlocksAgo} blocks ago`,
    r.axon ?? '-',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i <= 1 || (i >= 5 && i <= 8) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  const epoch = lb.nextEpochBlock === null ? 'no epochs' : `next epoch at ${lb.nextEpochBlock} (in ${lb.blocksToEpoch ?? 0} blocks)`;
  return [
    summary,
    `subnet ${lb.netuid} · block ${lb.block} · tempo ${lb.tempo} · ${epoch} · emission last epoch ${formatRao(lb.totalEmissionRao, 3)} α`,
    '',
    line(head),
    ...body.map(line),
    '',
    'Ctrl-C stops everything (the chain and all state are kept; run again to resume, --fresh to start over).',
  ].join('\n');
}

export { buildLeaderboard };
