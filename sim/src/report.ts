/**
 * Markdown for one or more scenario results: a summary table of targets (with the figure measured
 * before the defences, when known), then per scenario the mean shares against the honest expectation,
 * dividends per stake, and the per-epoch share table.
 */
import { pct } from './figures.ts';
import type { ScenarioResult } from './run.ts';

/** Figures from earlier runs, by scenario then target name (the 'before' column). */
export type BeforeFigures = Record<string, Record<string, string>>;

function row(cells: (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** The targets table over every result. */
export function targetsTable(results: Omit<ScenarioResult, 'stop'>[], before: BeforeFigures = {}): string {
  const lines = [
    row(['scenario', 'target', 'goal', 'before (first runs)', 'now', 'met', 'wall time']),
    row(['---', '---', '---', '---', '---', '---', '---:']),
  ];
  for (const r of results) {
    for (const t of r.targets) {
      lines.push(
        row([
          r.figures.scenario,
          t.name,
          t.target,
          before[r.figures.scenario]?.[t.name] ?? '–',
          t.figure,
          t.met ? 'met' : '**missed**',
          `${r.figures.wallTimeSec.toFixed(0)} s`,
        ]),
      );
    }
  }
  return lines.join('\n');
}

/** One scenario's section. */
export function scenarioSection(r: Omit<ScenarioResult, 'stop'>, description: string): string {
  const f = r.figures;
  const actors = [...new Set([...Object.keys(r.honestExpectation), ...Object.keys(f.meanShare)])];
  const out = [`### ${r.title} (\`${f.scenario}\`)`, '', description, ''];
  if (Object.keys(f.parameters).length > 0)
    out.push(
      `Parameters: ${Object.entries(f.parameters)
        .map(([k, v]) => `${k} = ${JSON.stringify(v)}`)
        .join(', ')}.`,
      '',
    );
  out.push(row(['actor', 'mean share of miner emission', 'honest expectation', 'difference']), row(['---', '---:', '---:', '---:']));
  for (const a of actors) {
    const m = f.meanShare[a] ?? 0,
      e = r.honestExpectation[a];
    out.push(row([a, pct(m), e === undefined ? '–' : pct(e), e === undefined ? '–' : `${((m - e) * 100).toFixed(1)} pp`]));
  }
  const divs = Object.entries(f.meanDividendPerStake);
  if (divs.length > 0) {
    out.push('', row(['validator', 'dividend per unit of stake per epoch']), row(['---', '---:']));
    for (const [a, d] of divs) out.push(row([a, d.toExponential(3)]));
  }
  out.push(
    '',
    `Per epoch (share of miner emission; * = first place):`,
    '',
    row(['epoch', 'block', ...actors]),
    row(['---:', '---:', ...actors.map(() => '---:')]),
  );
  for (const s of f.epochs) out.push(row([s.epoch, s.block, ...actors.map((a) => `${pct(s.shares[a] ?? 0)}${s.first === a ? '*' : ''}`)]));
  if (f.notes.length > 0) out.push('', `Events: ${f.notes.join('; ')}.`);
  out.push('', `Wall time ${f.wallTimeSec.toFixed(0)} s (warm-up ${f.warmupSec.toFixed(0)} s).`, '');
  return out.join('\n');
}
