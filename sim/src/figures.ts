/**
 * Figures of one scenario run, computed from per-epoch chain reads: each actor's share of miner emission
 * (Incentive, which Yuma normalises over miners), each validator actor's dividend per unit of stake
 * (its Emission / its stake), and the miner ranks.
 */

/** What the chain said right after one epoch. */
export interface EpochSample {
  epoch: number;
  block: number;
  /** Actor -> share of miner emission in this epoch (sum of Incentive / 65535 over its uids). */
  shares: Record<string, number>;
  /** Validator actor -> emission rao per staked rao in this epoch. */
  dividendPerStake: Record<string, number>;
  /** Actor -> best validator-reported EMA loss among its uids (null when no report). */
  emaLoss: Record<string, number | null>;
  /** Actor holding the highest Incentive this epoch. */
  first: string | null;
}

/** Everything measured in one run. */
export interface ScenarioFigures {
  scenario: string;
  endpoint: string;
  epochs: EpochSample[];
  /** Actor -> mean share over the measured epochs. */
  meanShare: Record<string, number>;
  /** Validator actor -> mean dividend per unit of stake. */
  meanDividendPerStake: Record<string, number>;
  /** Free-form events (model switches, kills) with the epoch they happened after. */
  notes: string[];
  wallTimeSec: number;
  warmupSec: number;
  parameters: Record<string, unknown>;
}

function mean(xs: number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Mean of each key over the samples (a key missing in an epoch counts as 0). */
export function meanOf(samples: Record<string, number>[]): Record<string, number> {
  const keys = new Set(samples.flatMap((s) => Object.keys(s)));
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = mean(samples.map((s) => s[k] ?? 0));
  return out;
}

/** Ratio of two actors' mean dividend per stake (NaN when the reference earned nothing). */
export function dividendRatio(f: ScenarioFigures, actor: string, reference: string): number {
  const a = f.meanDividendPerStake[actor] ?? 0;
  const b = f.meanDividendPerStake[reference] ?? 0;
  return b > 0 ? a / b : Number.NaN;
}

/** Percent with one decimal. */
export function pct(x: number): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : 'n/a';
}
