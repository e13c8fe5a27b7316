/**
 * Terminal rendering of a leaderboard: a subnet header line and an aligned table (no dependencies).
 * Colour is optional (ANSI) and off unless asked for.
 */
import { formatRao, shortKey, type Leaderboard, type LeaderboardRow } from './model.ts';

/** Options of `renderLeaderboard`. */
export interface RenderOptions {
  /** ANSI colours (bold header, dim zeros, green validators). Default false. */
  color?: boolean;
  /** Show full keys instead of shortened ones. Default false. */
  fullKeys?: boolean;
  /** Token symbol of stake and emission. Default "α". */
  unit?: string;
}

interface Column {
  title: string;
  align: 'left' | 'right';
  cell: (r: LeaderboardRow) => string;
}

const prop = (x: number): string => x.toFixed(4);

function columns(opts: RenderOptions): Column[] {
  const key = (k: string): string => (opts.fullKeys === true ? k : shortKey(k));
  return [
    { title: '#', align: 'right', cell: (r) => String(r.rank) },
    { title: 'UID', align: 'right', cell: (r) => String(r.uid) },
    { title: 'HOTKEY', align: 'left', cell: (r) => key(r.hotkey) },
    { title: 'COLDKEY', align: 'left', cell: (r) => key(r.coldkey) },
    { title: 'ROLE', align: 'left', cell: (r) => r.role },
    { title: 'INCENTIVE', align: 'right', cell: (r) => prop(r.incentive) },
    { title: `EMISSION ${opts.unit ?? 'α'}`, align: 'right', cell: (r) => formatRao(r.emissionRao, 4) },
    { title: 'DIVIDENDS', align: 'right', cell: (r) => prop(r.dividends) },
    { title: 'CONSENSUS', align: 'right', cell: (r) => prop(r.consensus) },
    { title: 'VTRUST', align: 'right', cell: (r) => prop(r.validatorTrust) },
    { title: `STAKE ${opts.unit ?? 'α'}`, align: 'right', cell: (r) => formatRao(r.stakeRao, 2) },
    { title: 'UPDATED', align: 'right', cell: (r) => (r.updatedBlocksAgo === null ? 'never' : `${r.updatedBlocksAgo} ago`) },
    { title: 'AXON', align: 'left', cell: (r) => r.axon ?? '-' },
  ];
}

/** Visible width (code points; the table uses no wide characters). */
function width(s: string): number {
  return [...s].length;
}

function pad(s: string, w: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return align === 'left' ? s + fill : fill + s;
}

const ansi =
  (code: string, on: boolean) =>
  (s: string): string =>
    on ? `\u001b[${code}m${s}\u001b[0m` : s;

/** The subnet header line, e.g. `subnet 1 · block 120 · tempo 10 · next epoch 130 (in 10) · n 5 (2 validators, 3 miners)`. */
export function renderHeader(lb: Leaderboard, opts: RenderOptions = {}): string {
  const epoch = lb.nextEpochBlock === null ? 'no epochs (tempo 0)' : `next epoch ${lb.nextEpochBlock} (in ${lb.blocksToEpoch ?? 0})`;
  const unit = opts.unit ?? 'α';
  return [
    `subnet ${lb.netuid}`,
    `block ${lb.block}`,
    `tempo ${lb.tempo}`,
    epoch,
    `n ${lb.n} (${lb.validators} validators, ${lb.miners} miners)`,
    `emission ${formatRao(lb.totalEmissionRao, 4)} ${unit}/epoch`,
    `stake ${formatRao(lb.totalStakeRao, 2)} ${unit}`,
  ].join(' · ');
}

/** The whole leaderboard as text: header, blank line, table (or a note when the subnet has no uids). */
export function renderLeaderboard(lb: Leaderboard, opts: RenderOptions = {}): string {
  const color = opts.color === true;
  const bold = ansi('1', color);
  const dim = ansi('2', color);
  const green = ansi('32', color);
  const header = bold(renderHeader(lb, opts));
  if (lb.rows.length === 0) return `${header}\n\n(no registered neurons)\n`;
  const cols = columns(opts);
  const cells = lb.rows.map((r) => cols.map((c) => c.cell(r)));
  const widths = cols.map((c, i) => Math.max(width(c.title), ...cells.map((row) => width(row[i] ?? ''))));
  const line = (values: string[]): string =>
    values
      .map((v, i) => pad(v, widths[i] ?? 0, cols[i]?.align ?? 'left'))
      .join('  ')
      .trimEnd();
  const out = [header, '', bold(line(cols.map((c) => c.title))), dim(widths.map((w) => '─'.repeat(w)).join('  '))];
  lb.rows.forEach((r, i) => {
    const text = line(cells[i] ?? []);
    out.push(r.role === 'validator' ? green(text) : r.incentive === 0 && r.emissionRao === 0n ? dim(text) : text);
  });
  return `${out.join('\n')}\n`;
}
