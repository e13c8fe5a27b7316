/**
 * The dashboard page. It reads the chain itself (WsProvider to the endpoint named by `/config.json`),
 * with the same reader and ranking as `arena leaderboard`, and re-renders on every new head.
 */
import { ApiPromise, WsProvider } from '@polkadot/api';
import { errorMessage } from '#core/reader';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './style.css';
import { buildLeaderboard, formatRao, shortKey, U16_MAX, type Leaderboard, type SubnetSnapshot } from '../../src/leaderboard/model.ts';
import { readSubnet, readVectorsAt, readWeights, resolveBlock, type WeightRows } from '../../src/leaderboard/read.ts';

interface Config {
  chainEndpoint: string;
  netuid: number;
  reports: { id: number; label: string }[];
}

interface HistoryPoint {
  block: number;
  /** uid -> incentive in [0, 1] */
  incentive: number[];
  /** uid -> emission in alpha */
  emission: number[];
}

/** How many history points the charts keep, and at most how many uids they draw. */
const HISTORY_POINTS = 60;
const MAX_SERIES = 12;
const PALETTE = [
  '#2563eb',
  '#dc2626',
  '#16a34a',
  '#d97706',
  '#7c3aed',
  '#0891b2',
  '#db2777',
  '#65a30d',
  '#ea580c',
  '#4f46e5',
  '#0d9488',
  '#9333ea',
];

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`page is missing #${id}`);
  return el as T;
};
const colorOf = (uid: number): string => PALETTE[uid % PALETTE.length] ?? '#000';
const alpha = (rao: bigint): number => Number(rao) / 1e9;

function setState(state: 'loading' | 'live' | 'error'): void {
  document.body.dataset.state = state;
}

function showError(message: string | null): void {
  const el = $('error');
  el.hidden = message === null;
  el.textContent = message ?? '';
}

function setConn(text: string, kind: 'ok' | 'wait' | 'bad'): void {
  const el = $('conn');
  el.textContent = text;
  el.className = `pill pill-${kind}`;
}

// ---------------------------------------------------------------- leaderboard and stats

function td(text: string, cls?: string, title?: string): HTMLTableCellElement {
  const cell = document.createElement('td');
  cell.textContent = text;
  if (cls !== undefined) cell.className = cls;
  if (title !== undefined) cell.title = title;
  return cell;
}

function renderStats(lb: Leaderboard): void {
  $('subnet-title').textContent = `subnet ${lb.netuid}`;
  $('stat-block').textContent = `#${lb.block.toLocaleString('en-US')}`;
  $('stat-tempo').textContent = `${lb.tempo} blocks`;
  $('stat-epoch').textContent = lb.nextEpochBlock === null ? 'no epochs' : `#${lb.nextEpochBlock} · in ${lb.blocksToEpoch ?? 0}`;
  const done = lb.tempo > 0 && lb.blocksToEpoch !== null ? Math.min(1, Math.max(0, 1 - lb.blocksToEpoch / lb.tempo)) : 0;
  $('epoch-bar').style.width = `${(done * 100).toFixed(1)}%`;
  $('stat-n').textContent = String(lb.n);
  $('stat-roles').textContent = `${lb.validators} validators · ${lb.miners} miners`;
  $('stat-emission').textContent = `${formatRao(lb.totalEmissionRao, 3)} α`;
  $('stat-stake').textContent = `${formatRao(lb.totalStakeRao, 2)} α`;
  document.body.dataset.block = String(lb.block);
}

function renderTable(lb: Leaderboard): void {
  const body = $<HTMLTableElement>('leaderboard').tBodies[0];
  if (body === undefined) return;
  const rows = lb.rows.map((r) => {
    const tr = document.createElement('tr');
    tr.dataset.uid = String(r.uid);
    tr.dataset.role = r.role;
    tr.className = r.role;
    const role = document.createElement('td');
    const badge = document.createElement('span');
    badge.className = `badge badge-${r.role}`;
    badge.textContent = r.role;
    role.append(badge);
    const dot = document.createElement('span');
    dot.className = 'dot';
    dot.style.background = colorOf(r.uid);
    const uid = td(String(r.uid), 'num');
    uid.prepend(dot);
    tr.append(
      td(String(r.rank), 'num rank'),
      uid,
      td(shortKey(r.hotkey), 'mono', r.hotkey),
      td(shortKey(r.coldkey), 'mono', r.coldkey),
      role,
      td(r.incentive.toFixed(4), `num${r.incentive === 0 ? ' zero' : ''}`),
      td(formatRao(r.emissionRao, 4), `num${r.emissionRao === 0n ? ' zero' : ''}`),
      td(r.dividends.toFixed(4), `num${r.dividends === 0 ? ' zero' : ''}`),
      td(r.consensus.toFixed(4), 'num'),
      td(r.validatorTrust.toFixed(4), 'num'),
      td(formatRao(r.stakeRao, 2), 'num'),
      td(r.updatedBlocksAgo === null ? 'never' : `${r.updatedBlocksAgo} ago`, 'num'),
      td(r.axon ?? '–', 'mono'),
    );
    return tr;
  });
  if (rows.length === 0) {
    const tr = document.createElement('tr');
    const cell = td('no registered neurons yet');
    cell.colSpan = 13;
    cell.className = 'empty';
    tr.append(cell);
    rows.push(tr);
  }
  body.replaceChildren(...rows);
  $('lb-note').textContent = `ranked by incentive, then emission · block #${lb.block}`;
}

// ---------------------------------------------------------------- charts

/** Integer tick steps for block and round axes. */
const INTEGER_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 1_000_000];
const STEPPED = uPlot.paths.stepped?.({ align: 1 });

class SeriesChart {
  private plot: uPlot | undefined;
  private uids: number[] = [];

  /** `stepped`: values hold until the next point (chain values change only at epochs). */
  constructor(
    private readonly el: HTMLElement,
    private readonly yLabel: string,
    private readonly xLabel: string,
    private readonly digits: number,
    private readonly stepped = false,
  ) {
    new ResizeObserver(() => this.plot?.setSize(this.size())).observe(el);
  }

  private size(): { width: number; height: number } {
    return { width: Math.max(240, this.el.clientWidth), height: 240 };
  }

  /** xs ascending; ys[i] = values of series uids[i] (null = no value). */
  update(xs: number[], uids: number[], ys: (number | null)[][]): void {
    const data = [xs, ...ys] as uPlot.AlignedData;
    if (this.plot !== undefined && uids.join(',') === this.uids.join(',')) {
      this.plot.setData(data);
      return;
    }
    this.plot?.destroy();
    this.uids = uids;
    this.el.replaceChildren();
    if (xs.length === 0 || uids.length === 0) {
      const p = document.createElement('p');
      p.className = 'muted empty';
      p.textContent = 'no data yet';
      this.el.append(p);
      this.plot = undefined;
      this.uids = [];
      return;
    }
    const digits = this.digits;
    this.plot = new uPlot(
      {
        ...this.size(),
        legend: { show: true, live: false },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: false } },
        axes: [
          {
            label: this.xLabel,
            stroke: '#64748b',
            grid: { stroke: '#eef2f7' },
            incrs: INTEGER_STEPS,
            values: (_u, vals) => vals.map((v) => String(v)),
          },
          {
            label: this.yLabel,
            stroke: '#64748b',
            grid: { stroke: '#eef2f7' },
            size: 60,
            values: (_u, vals) => vals.map((v) => v.toFixed(digits)),
          },
        ],
        series: [
          { label: this.xLabel },
          ...uids.map((uid) => ({
            label: `uid ${uid}`,
            stroke: colorOf(uid),
            width: 2,
            spanGaps: true,
            points: { show: xs.length < 3 },
            ...(this.stepped ? { paths: STEPPED } : {}),
            value: (_u: uPlot, v: number | null) => (v === null ? '–' : v.toFixed(digits)),
          })),
        ],
      },
      data,
      this.el,
    );
  }
}

// ---------------------------------------------------------------- weights heatmap

function renderWeights(el: HTMLElement, rows: WeightRows, n: number): void {
  el.replaceChildren();
  el.dataset.rows = String(rows.length);
  if (rows.length === 0 || n === 0) {
    const p = document.createElement('p');
    p.className = 'muted empty';
    p.textContent = 'no validator has set weights yet';
    el.append(p);
    return;
  }
  const labelW = 56;
  const cell = Math.max(8, Math.min(32, Math.floor((Math.max(300, el.clientWidth) - labelW - 8) / n)));
  const canvas = document.createElement('canvas');
  const ratio = window.devicePixelRatio || 1;
  const w = labelW + cell * n + 8;
  const h = 22 + cell * rows.length + 4;
  canvas.width = w * ratio;
  canvas.height = h * ratio;
  canvas.style.width = `${w}px`;
  canvas.style.height = `${h}px`;
  const ctx = canvas.getContext('2d');
  if (ctx === null) return;
  ctx.scale(ratio, ratio);
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillStyle = '#64748b';
  ctx.textAlign = 'center';
  const step = Math.ceil(14 / cell);
  for (let uid = 0; uid < n; uid += step) ctx.fillText(String(uid), labelW + uid * cell + cell / 2, 14);
  rows.forEach(([src, ws], r) => {
    const y = 22 + r * cell;
    ctx.fillStyle = '#334155';
    ctx.textAlign = 'right';
    ctx.fillText(`uid ${src}`, labelW - 6, y + cell / 2 + 4);
    for (let uid = 0; uid < n; uid++) {
      ctx.fillStyle = '#f1f5f9';
      ctx.fillRect(labelW + uid * cell, y, cell - 1, cell - 1);
    }
    for (const [dest, wt] of ws) {
      if (dest >= n) continue;
      const t = wt / U16_MAX;
      // white -> indigo
      ctx.fillStyle = `rgb(${Math.round(241 - t * (241 - 55))}, ${Math.round(245 - t * (245 - 48))}, ${Math.round(249 - t * (249 - 163))})`;
      ctx.fillRect(labelW + dest * cell, y, cell - 1, cell - 1);
    }
  });
  const tip = document.createElement('div');
  tip.className = 'tip muted small';
  tip.textContent = 'hover a cell for its weight';
  canvas.addEventListener('mousemove', (ev) => {
    const rect = canvas.getBoundingClientRect();
    const col = Math.floor((ev.clientX - rect.left - labelW) / cell);
    const row = Math.floor((ev.clientY - rect.top - 22) / cell);
    const entry = rows[row];
    if (entry === undefined || col < 0 || col >= n) return;
    const wt = entry[1].find(([d]) => d === col)?.[1] ?? 0;
    const total = entry[1].reduce((a, [, x]) => a + x, 0);
    tip.textContent = `validator uid ${entry[0]} → uid ${col}: ${total === 0 ? 0 : ((wt / total) * 100).toFixed(1)}% (raw ${wt})`;
  });
  el.append(canvas, tip);
}

// ---------------------------------------------------------------- validator reports

/** A miner's line: public reports carry the Ladder `score`; full (revealed) reports carry `loss`. */
interface MinerLine {
  uid: number;
  score?: number | null;
  loss?: number | null;
  rank: number | null;
}
interface Report {
  roundId: number;
  block: number;
  miners: MinerLine[];
}

const reportCache = new Map<string, Report>();
const lossCharts = new Map<number, SeriesChart>();

async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { cache: 'no-store' });
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

function isReport(x: unknown): x is Report {
  const r = x as Report;
  return typeof r === 'object' && r !== null && typeof r.roundId === 'number' && Array.isArray(r.miners);
}

async function refreshLosses(cfg: Config): Promise<void> {
  const root = $('losses');
  if (cfg.reports.length === 0) {
    root.innerHTML = '<p class="muted empty">no report directories given (arena dashboard --reports DIR)</p>';
    return;
  }
  const index = await fetchJson<{ id: number; label: string; rounds: number[] }[]>('/reports/index.json');
  for (const src of index) {
    let box = root.querySelector<HTMLElement>(`[data-source="${src.id}"]`);
    if (box === null) {
      box = document.createElement('div');
      box.dataset.source = String(src.id);
      box.className = 'loss-box';
      const h = document.createElement('h3');
      h.textContent = src.label;
      const chartEl = document.createElement('div');
      chartEl.className = 'chart';
      box.append(h, chartEl);
      root.append(box);
      lossCharts.set(src.id, new SeriesChart(chartEl, 'score', 'round', 3));
    }
    const rounds = src.rounds.slice(-HISTORY_POINTS);
    const reports: Report[] = [];
    for (const round of rounds) {
      const key = `${src.id}/${round}`;
      let rep = reportCache.get(key);
      if (rep === undefined) {
        const raw = await fetchJson<unknown>(`/reports/${src.id}/round-${round}.json`).catch(() => undefined);
        if (!isReport(raw)) continue;
        rep = raw;
        reportCache.set(key, rep);
      }
      reports.push(rep);
    }
    box.dataset.rounds = String(reports.length);
    const value = (m: MinerLine | undefined): number | null => m?.score ?? m?.loss ?? null;
    const uids = [...new Set(reports.flatMap((r) => r.miners.filter((m) => value(m) !== null).map((m) => m.uid)))]
      .sort((a, b) => a - b)
      .slice(0, MAX_SERIES);
    const xs = reports.map((r) => r.roundId);
    const ys = uids.map((uid) => reports.map((r) => value(r.miners.find((m) => m.uid === uid))));
    lossCharts.get(src.id)?.update(xs, uids, ys);
  }
}

// ---------------------------------------------------------------- main loop

function pointOf(s: SubnetSnapshot): HistoryPoint {
  const incentive: number[] = [];
  const emission: number[] = [];
  for (const nrn of s.neurons) {
    incentive[nrn.uid] = nrn.incentive / U16_MAX;
    emission[nrn.uid] = alpha(nrn.emissionRao);
  }
  return { block: s.block, incentive, emission };
}

async function loadHistory(api: ApiPromise, netuid: number, head: SubnetSnapshot, stride: number): Promise<HistoryPoint[]> {
  const blocks: number[] = [];
  for (let i = HISTORY_POINTS - 1; i >= 1; i--) {
    const b = head.block - i * stride;
    if (b >= 0) blocks.push(b);
  }
  const points: HistoryPoint[] = [];
  // A few reads in flight at once keeps the node responsive.
  for (let i = 0; i < blocks.length; i += 6) {
    const batch = await Promise.all(
      blocks.slice(i, i + 6).map(async (b) => {
        try {
          const { hash } = await resolveBlock(api, b);
          const v = await readVectorsAt(api, netuid, hash, b);
          return { block: b, incentive: v.incentive.map((x) => x / U16_MAX), emission: v.emissionRao.map(alpha) };
        } catch {
          return undefined; // before the subnet existed, or pruned history
        }
      }),
    );
    for (const p of batch) if (p !== undefined) points.push(p);
  }
  points.push(pointOf(head));
  return points;
}

function drawHistory(history: HistoryPoint[], lb: Leaderboard, incChart: SeriesChart, emChart: SeriesChart): void {
  const uids = lb.rows
    .slice(0, MAX_SERIES)
    .map((r) => r.uid)
    .sort((a, b) => a - b);
  const xs = history.map((p) => p.block);
  incChart.update(
    xs,
    uids,
    uids.map((uid) => history.map((p) => p.incentive[uid] ?? null)),
  );
  emChart.update(
    xs,
    uids,
    uids.map((uid) => history.map((p) => p.emission[uid] ?? null)),
  );
}

async function start(): Promise<void> {
  const cfg = await fetchJson<Config>('/config.json');
  $('footer').textContent = `read from ${cfg.chainEndpoint} in your browser through @polkadot/api`;
  const provider = new WsProvider(cfg.chainEndpoint, 2_000);
  provider.on('connected', () => setConn('live', 'ok'));
  provider.on('disconnected', () => setConn('reconnecting…', 'bad'));
  const slow = setTimeout(() => showError(`cannot reach the chain at ${cfg.chainEndpoint} yet (is it running?); still trying…`), 10_000);
  const api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: false });
  clearTimeout(slow);
  showError(null);
  const incChart = new SeriesChart($('chart-incentive'), 'incentive', 'block', 3, true);
  const emChart = new SeriesChart($('chart-emission'), 'α', 'block', 3, true);
  let history: HistoryPoint[] = [];
  let stride = 1;
  let busy = false;
  let pending: string | undefined;
  let lastReports = 0;

  const refresh = async (hash?: string): Promise<void> => {
    if (busy) {
      pending = hash;
      return;
    }
    busy = true;
    try {
      const snap = await readSubnet(api, cfg.netuid, hash);
      const lb = buildLeaderboard(snap);
      if (history.length === 0) {
        stride = Math.max(1, Math.floor(snap.tempo / 4));
        history = await loadHistory(api, cfg.netuid, snap, stride);
      } else {
        // Heads that arrived while a read was running were skipped: fill the gap (bounded) from history.
        const prev = history.at(-1);
        if (prev !== undefined && snap.block - prev.block > stride) {
          const gap: number[] = [];
          for (let b = prev.block + stride; b < snap.block; b += stride) gap.push(b);
          for (const b of gap.slice(-30)) {
            try {
              const { hash: h } = await resolveBlock(api, b);
              const v = await readVectorsAt(api, cfg.netuid, h, b);
              history.push({ block: b, incentive: v.incentive.map((x) => x / U16_MAX), emission: v.emissionRao.map(alpha) });
            } catch {
              break; // pruned history: keep what we have
            }
          }
        }
        const last = history.at(-1);
        const point = pointOf(snap);
        const changed =
          last === undefined ||
          JSON.stringify(last.incentive) !== JSON.stringify(point.incentive) ||
          JSON.stringify(last.emission) !== JSON.stringify(point.emission);
        if (last === undefined || (snap.block > last.block && (snap.block - last.block >= stride || changed))) history.push(point);
        if (history.length > HISTORY_POINTS * 2) history = history.slice(-HISTORY_POINTS * 2);
      }
      renderStats(lb);
      renderTable(lb);
      drawHistory(history, lb, incChart, emChart);
      renderWeights($('weights'), await readWeights(api, cfg.netuid, snap.blockHash), snap.n);
      showError(null);
      setState('live');
      if (Date.now() - lastReports > 3_000) {
        lastReports = Date.now();
        await refreshLosses(cfg).catch((err: unknown) => {
          $('losses').dataset.error = String(err);
        });
      }
    } catch (err: unknown) {
      showError(`cannot read subnet ${cfg.netuid} from ${cfg.chainEndpoint}: ${errorMessage(err)}`);
      setState('error');
    } finally {
      busy = false;
    }
    if (pending !== undefined) {
      const next = pending;
      pending = undefined;
      await refresh(next);
    }
  };

  await refresh();
  // Reports arrive on the validators' schedule, not the chain's: poll them too.
  setInterval(() => {
    if (Date.now() - lastReports < 5_000) return;
    lastReports = Date.now();
    refreshLosses(cfg).catch((err: unknown) => {
      $('losses').dataset.error = String(err);
    });
  }, 5_000);
  await api.rpc.chain.subscribeNewHeads((header) => {
    void refresh(header.hash.toHex());
  });
}

start().catch((err: unknown) => {
  showError(`dashboard failed to start: ${errorMessage(err)}`);
  setConn('offline', 'bad');
  setState('error');
});
