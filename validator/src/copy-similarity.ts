/**
 * One round's similarity figures between miners' answers, on the validator's labelled batch.
 *
 * Honest models trained on the same data make the same mistakes on hard or mislabelled items, so raw
 * residuals (or losses per item) of honest miners correlate strongly. What a copy shares with its
 * source and an honest model does not is the *idiosyncratic* part. So, per item r, each miner's
 * feature is x[r] = ln p[r, label] (and its logit) and the pair (i, j) is compared on its deviations
 * from the crowd: rank(x_i) minus its linear fit on rank(m), where m[r] is the median over every
 * other miner (leave-pair-out):
 * - `rho`: Spearman correlation of the two deviation vectors (the larger over the two features);
 * - `kappa`: error consistency (Cohen's kappa on which items each gets wrong; Geirhos et al.), counted
 *   only on items the crowd gets right, so shared label noise does not look like copying.
 * Known clusters, and answers this round that are near-clones in loss terms, vote once in the crowd
 * (one representative per group), so k sybils cannot become the crowd and hide each other's
 * deviations behind their own noise.
 * A mix of two sources (c = a/2 + b/2) may correlate with neither alone above the threshold; it is
 * found by the multiple correlation of c's deviation ranks on a's and b's over c's closest partners
 * (`mixes`).
 * Thresholds are robust per round: clamp(median + k * MAD over all pairs, floor, cap); the cap keeps
 * a majority of copies from raising the bar above themselves.
 */

/** A miner's usable answer this round: clamped, renormalised probabilities [rows, classes]. */
export interface SimilarityAnswer {
  uid: number;
  probs: Float32Array;
}

/** Tunables of one round's comparison (see ScoringConfig for defaults). */
export interface SimilarityOptions {
  /** Mean absolute probability difference below which two answers are the same outright. */
  identicalBelow: number;
  rhoFloor: number;
  rhoCap: number;
  kappaFloor: number;
  kappaCap: number;
  /** k in median + k * MAD (MAD scaled to a normal sigma). */
  madK: number;
  /** Items wrong by either miner (among crowd-right items) below which kappa is not used. */
  minErrors: number;
  /** Closest partners of each miner considered as mix sources. */
  mixPartners: number;
  /**
   * Two answers whose mean |ln p_i[label] - ln p_j[label]| is below this share of the smaller loss
   * vote once in the crowd (near-clones; honest models differ by far more, around a third of their loss).
   */
  crowdMergeRatio: number;
}

/** Figures of one unordered pair (a < b) this round. */
export interface PairFigures {
  a: number;
  b: number;
  /** Spearman correlation of crowd deviations; null with no crowd or a constant vector. */
  rho: number | null;
  /** Error consistency on crowd-right items; null when too few errors to judge. */
  kappa: number | null;
  /** Mean absolute difference of the probabilities (a lower bound once it reaches `identicalBelow`). */
  meanAbsDiff: number;
  /** Over a threshold (or identical) this round. */
  hit: boolean;
}

/** A miner whose deviations are explained by two others together. */
export interface MixFigures {
  copy: number;
  sources: [number, number];
  /** The source the copy correlates with more on its own. */
  closer: number;
  /** Multiple correlation of the copy's deviation ranks on the two sources'. */
  r: number;
  hit: boolean;
}

/** One round's comparison. */
export interface RoundSimilarity {
  pairs: PairFigures[];
  mixes: MixFigures[];
  rhoThreshold: number;
  kappaThreshold: number;
}

const MAD_TO_SIGMA = 1.4826;
/** Floor of 1 - p in the logit feature (p is clamped to [1e-7, 1] and may round to 1 in float32). */
const PROB_EPS = 1e-7;

/** Median of a copy of `values` (NaN when empty). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((x, y) => x - y);
  const h = s.length >> 1;
  return s.length % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

/** clamp(median + k * 1.4826 * MAD, floor, cap); `floor` when there are no values. */
export function robustThreshold(values: readonly number[], k: number, floor: number, cap: number): number {
  if (values.length === 0) return floor;
  const m = median(values);
  const mad = median(values.map((v) => Math.abs(v - m)));
  return Math.min(cap, Math.max(floor, m + k * MAD_TO_SIGMA * mad));
}

/** Average ranks (ties share the mean rank). */
export function ranks(v: ArrayLike<number>): Float64Array {
  // Native numeric sort of a copy, then each value's tie range by binary search: no comparator
  // callbacks (this runs for every candidate pair of every round).
  const sorted = Float64Array.from(v).sort();
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    let lo = 0,
      hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    hi = sorted.length;
    while (end < hi) {
      const mid = (end + hi) >> 1;
      if (sorted[mid]! <= x) end = mid + 1;
      else hi = mid;
    }
    out[i] = (lo + end - 1) / 2;
  }
  return out;
}

/** Pearson correlation; null when either side is constant. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  const n = x.length;
  if (n < 3 || y.length !== n) return null;
  let mx = 0,
    my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0,
    sxx = 0,
    syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx,
      dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  // Relative floor: float noise around a constant vector is not a signal.
  if (sxx <= 1e-24 * n || syy <= 1e-24 * n) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/** Spearman correlation (Pearson on average ranks); null when either side is constant. */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  return pearson(ranks(x), ranks(y));
}

/**
 * Error consistency: kappa = (c_obs - c_exp) / (1 - c_exp), c_exp = a_i a_j + (1 - a_i)(1 - a_j),
 * over the items where `use` is true. Null with fewer than `minErrors` items wrong by either.
 */
export function errorConsistency(
  wrongI: ArrayLike<number>,
  wrongJ: ArrayLike<number>,
  use: ArrayLike<number>,
  minErrors: number,
): number | null {
  let n = 0,
    agree = 0,
    ei = 0,
    ej = 0,
    either = 0;
  for (let r = 0; r < use.length; r++) {
    if (use[r] === 0) continue;
    n++;
    const a = wrongI[r]!,
      b = wrongJ[r]!;
    ei += a;
    ej += b;
    if (a === b) agree++;
    if (a === 1 || b === 1) either++;
  }
  if (n === 0 || either < Math.max(1, minErrors)) return null;
  const ai = 1 - ei / n,
    aj = 1 - ej / n;
  const cExp = ai * aj + (1 - ai) * (1 - aj);
  if (1 - cExp < 1e-12) return null;
  return (agree / n - cExp) / (1 - cExp);
}

/** Per-miner per-item features of a round. */
interface Features {
  uids: number[];
  /** ln p[label] per miner per item. */
  x: Float64Array[];
  /** ln p[label] - ln(1 - p[label]) per miner per item (temperature moves it almost linearly). */
  g: Float64Array[];
  /** 1 where the miner's argmax misses the label. */
  wrong: Uint8Array[];
  probs: Float32Array[];
}

function features(answers: readonly SimilarityAnswer[], labels: Int32Array, classes: number): Features {
  const rows = labels.length;
  const x: Float64Array[] = [],
    g: Float64Array[] = [],
    wrong: Uint8Array[] = [];
  for (const a of answers) {
    const xi = new Float64Array(rows),
      gi = new Float64Array(rows),
      wi = new Uint8Array(rows);
    for (let r = 0; r < rows; r++) {
      const label = labels[r]!;
      const p = a.probs[r * classes + label]!;
      xi[r] = Math.log(p);
      gi[r] = xi[r]! - Math.log(Math.max(1 - p, PROB_EPS));
      let best = 0;
      for (let c = 1; c < classes; c++) if (a.probs[r * classes + c]! > a.probs[r * classes + best]!) best = c;
      wi[r] = best === label ? 0 : 1;
    }
    x.push(xi);
    g.push(gi);
    wrong.push(wi);
  }
  return { uids: answers.map((a) => a.uid), x, g, wrong, probs: answers.map((a) => a.probs) };
}

/**
 * The crowd: one representative answer per group, per item sorted by feature, so a median that
 * leaves out any few representatives costs O(1) per item.
 */
class Crowd {
  /** Representative (answer index) of each answer's group. */
  readonly repOf: number[];
  readonly reps: number[];
  private readonly sorted: Float64Array[];
  /** Position of representative k (index into `reps`) in item r's sorted list: pos[k][r]. */
  private readonly pos: Int32Array[];
  private readonly repIndex = new Map<number, number>();
  private readonly rightCount: Int32Array;
  /** Ranks of each answer's feature (independent of the pair), computed on first use. */
  private readonly valueRanks = new Map<number, Float64Array>();

  constructor(
    private readonly values: readonly Float64Array[],
    private readonly wrong: readonly Uint8Array[],
    uids: readonly number[],
    groupOf: ReadonlyMap<number, number>,
  ) {
    const repByGroup = new Map<number, number>();
    this.repOf = uids.map((uid, i) => {
      const g = groupOf.get(uid) ?? uid;
      const known = repByGroup.get(g);
      if (known !== undefined) return known;
      repByGroup.set(g, i);
      return i;
    });
    this.reps = [...new Set(this.repOf)];
    this.reps.forEach((ans, k) => this.repIndex.set(ans, k));
    const rows = values[0]?.length ?? 0;
    this.sorted = [];
    this.pos = this.reps.map(() => new Int32Array(rows));
    this.rightCount = new Int32Array(rows);
    const order = this.reps.map((_, k) => k);
    for (let r = 0; r < rows; r++) {
      order.sort((p, q) => values[this.reps[p]!]![r]! - values[this.reps[q]!]![r]!);
      const s = new Float64Array(order.length);
      order.forEach((k, at) => {
        s[at] = values[this.reps[k]!]![r]!;
        this.pos[k]![r] = at;
      });
      this.sorted.push(s);
      for (const ans of this.reps) this.rightCount[r]! += 1 - wrong[ans]![r]!;
    }
  }

  /** Representatives left out when comparing these answers (their groups' representatives). */
  excluded(answers: readonly number[]): number[] {
    return [...new Set(answers.map((a) => this.repIndex.get(this.repOf[a]!)!))];
  }

  /** Crowd size once `excl` (representative indices) is left out. */
  size(excl: readonly number[]): number {
    return this.reps.length - excl.length;
  }

  /** Median of item r's representatives without `excl`. */
  median(r: number, excl: readonly number[]): number {
    const positions = excl.map((k) => this.pos[k]![r]!).sort((p, q) => p - q);
    const m = this.reps.length - positions.length;
    const at = (k: number): number => {
      let idx = k;
      for (const p of positions) if (idx >= p) idx++;
      return this.sorted[r]![idx]!;
    };
    return m % 2 === 1 ? at((m - 1) / 2) : (at(m / 2 - 1) + at(m / 2)) / 2;
  }

  /** 1 where a strict majority of the remaining representatives gets item r right (into `out` when given: no allocation per pair). */
  crowdRight(excl: readonly number[], out: Uint8Array = new Uint8Array(this.rightCount.length)): Uint8Array {
    const rows = this.rightCount.length,
      m = this.size(excl);
    for (let r = 0; r < rows; r++) {
      let right = this.rightCount[r]!;
      for (const k of excl) right -= 1 - this.wrong[this.reps[k]!]![r]!;
      out[r] = 2 * right > m ? 1 : 0;
    }
    return out;
  }

  /**
   * Deviation vectors of `answers` from the crowd without their groups: the ranks of each answer's
   * feature regressed on the ranks of the crowd median. On ranks, a miner that is just more or less
   * confident than the crowd (any monotone difference, saturation included), or a temperature-scaled
   * copy, keeps only its idiosyncratic part (honest max rho 0.60 on ranks vs 0.89 on raw values in
   * the ~88%-accuracy fixture).
   */
  deviations(answers: readonly number[]): Float64Array[] | undefined {
    const excl = this.excluded(answers);
    if (this.size(excl) < 1) return undefined;
    const rows = this.sorted.length;
    const m = new Float64Array(rows);
    for (let r = 0; r < rows; r++) m[r] = this.median(r, excl);
    const rm = ranks(m);
    return answers.map((a) => residuals(this.ranksOf(a), rm));
  }

  private ranksOf(a: number): Float64Array {
    let r = this.valueRanks.get(a);
    if (r === undefined) {
      r = ranks(this.values[a]!);
      this.valueRanks.set(a, r);
    }
    return r;
  }
}

/** y minus its least-squares fit a + b x (y itself minus its mean when x is constant). */
export function residuals(y: ArrayLike<number>, x: ArrayLike<number>): Float64Array {
  const n = y.length;
  let mx = 0,
    my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0,
    sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
  }
  const b = sxx > 1e-24 * n ? sxy / sxx : 0;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = y[i]! - my - b * (x[i]! - mx);
  return out;
}

/** Mean absolute difference, stopping once it must reach `limit` (then only known to be >= limit). */
function meanAbsDiff(a: Float32Array, b: Float32Array, limit: number): number {
  const budget = limit * a.length;
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    s += Math.abs(a[i]! - b[i]!);
    if (s >= budget) return s / a.length;
  }
  return a.length === 0 ? 0 : s / a.length;
}

interface RawPair {
  i: number;
  j: number;
  rho: number | null;
  kappa: number | null;
  mad: number;
}

/** The larger of two correlations (null only when both are). */
function maxOf(p: number | null, q: number | null): number | null {
  return p === null ? q : q === null ? p : Math.max(p, q);
}

/**
 * Both crowds: on ln p[label] (what the loss sees; robust to noise on the small probabilities)
 * and on its logit (linear under temperature). A pair's rho is the larger of the two.
 */
interface Crowds {
  x: Crowd;
  g: Crowd;
}

/**
 * Screening: every answer's deviation from the whole crowd (its own group left out), computed once
 * per answer; a pair's Pearson correlation on these is cheap (no sorting) and close to the exact
 * leave-pair-out figure. Only pairs screening at or above `PREFILTER_RHO` are measured exactly.
 */
interface Screen {
  x: (Float64Array | undefined)[];
  g: (Float64Array | undefined)[];
  buffer: Uint8Array;
}

/** Far below any copy threshold (copies screen at ~0.9+; honest pairs at ~0.1-0.6). */
const PREFILTER_RHO = 0.5;

function screen(f: Features, crowds: Crowds): Screen {
  return {
    x: f.uids.map((_, i) => crowds.x.deviations([i])?.[0]),
    g: f.uids.map((_, i) => crowds.g.deviations([i])?.[0]),
    buffer: new Uint8Array(f.x[0]?.length ?? 0),
  };
}

function screenRho(sc: Screen, i: number, j: number): number | null {
  const corr = (v: (Float64Array | undefined)[]): number | null => (v[i] === undefined || v[j] === undefined ? null : pearson(v[i], v[j]));
  return maxOf(corr(sc.x), corr(sc.g));
}

function comparePair(f: Features, crowds: Crowds, sc: Screen, i: number, j: number, opts: SimilarityOptions): RawPair {
  const mad = meanAbsDiff(f.probs[i]!, f.probs[j]!, opts.identicalBelow);
  const excl = crowds.x.excluded([i, j]);
  if (crowds.x.size(excl) < 1) return { i, j, rho: null, kappa: null, mad };
  const kappa = errorConsistency(f.wrong[i]!, f.wrong[j]!, crowds.x.crowdRight(excl, sc.buffer), opts.minErrors);
  const rough = screenRho(sc, i, j);
  if (mad >= opts.identicalBelow && (rough === null || rough < PREFILTER_RHO)) return { i, j, rho: rough, kappa, mad };
  const dx = crowds.x.deviations([i, j]),
    dg = crowds.g.deviations([i, j]);
  if (dx === undefined || dg === undefined) return { i, j, rho: null, kappa, mad };
  return { i, j, rho: maxOf(spearman(dx[0]!, dx[1]!), spearman(dg[0]!, dg[1]!)), kappa, mad };
}

/** Multiple correlation of y on (x1, x2) from pairwise correlations, with both partial slopes. */
function multipleCorrelation(ry1: number, ry2: number, r12: number): { r: number; b1: number; b2: number } | undefined {
  const den = 1 - r12 * r12;
  if (den < 1e-6) return undefined;
  const b1 = (ry1 - ry2 * r12) / den,
    b2 = (ry2 - ry1 * r12) / den;
  return { r: Math.sqrt(Math.max(0, b1 * ry1 + b2 * ry2)), b1, b2 };
}

/** Smallest partial slope for both sources to count as mixed in (a copy of one source plus noise is a pair, not a mix). */
const MIX_MIN_SLOPE = 0.2;
/** Sources this similar to each other are one source (a pair hit or a cluster), not a mix. */
const MIX_MAX_SOURCE_RHO = 0.5;

function mixFit(dev: Float64Array[]): { r: number; b1: number; b2: number } | undefined {
  const [rc, ra, rb] = dev.map((d) => ranks(d));
  const rca = pearson(rc!, ra!),
    rcb = pearson(rc!, rb!),
    rab = pearson(ra!, rb!);
  if (rca === null || rcb === null || rab === null) return undefined;
  return multipleCorrelation(rca, rcb, rab);
}

function findMixes(f: Features, crowds: Crowds, raw: readonly RawPair[], rhoThr: number, opts: SimilarityOptions): MixFigures[] {
  const rhoOf = new Map<string, number | null>(raw.map((p) => [`${p.i}:${p.j}`, p.rho]));
  const rho = (p: number, q: number): number | null | undefined => rhoOf.get(p < q ? `${p}:${q}` : `${q}:${p}`);
  const out: MixFigures[] = [];
  for (let c = 0; c < f.uids.length; c++) {
    const partners = f.uids
      .map((_, k) => k)
      .filter((k) => k !== c && crowds.x.repOf[k] === k && crowds.x.repOf[c] !== crowds.x.repOf[k])
      .map((k) => ({ k, r: rho(c, k) ?? -1 }))
      .filter((p) => p.r > 0 && p.r < rhoThr)
      .sort((p, q) => q.r - p.r)
      .slice(0, opts.mixPartners);
    for (let s = 0; s < partners.length; s++) {
      for (let t = s + 1; t < partners.length; t++) {
        const a = partners[s]!.k,
          b = partners[t]!.k;
        if ((rho(a, b) ?? 1) >= MIX_MAX_SOURCE_RHO) continue;
        const dx = crowds.x.deviations([c, a, b]),
          dg = crowds.g.deviations([c, a, b]);
        if (dx === undefined || dg === undefined) continue;
        const fits = [mixFit(dx), mixFit(dg)].filter((m) => m !== undefined);
        if (fits.length === 0) continue;
        const m = fits.reduce((p, q) => (q.r > p.r ? q : p));
        const [ua, ub] = [f.uids[a]!, f.uids[b]!].sort((p, q) => p - q) as [number, number];
        out.push({
          copy: f.uids[c]!,
          sources: [ua, ub],
          closer: f.uids[a]!,
          r: m.r,
          hit: m.r >= rhoThr && m.b1 >= MIX_MIN_SLOPE && m.b2 >= MIX_MIN_SLOPE,
        });
      }
    }
  }
  return out;
}

/**
 * Groups for the crowd: the known ones, joined with this round's near-clones (mean |x_i - x_j| below
 * `ratio` times the smaller loss). Returns uid -> group id (the group's smallest uid).
 */
function crowdGrouping(f: Features, known: ReadonlyMap<number, number>, ratio: number): Map<number, number> {
  const parent = f.uids.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const union = (i: number, j: number): void => {
    const a = find(i),
      b = find(j);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  };
  const byGroup = new Map<number, number>();
  f.uids.forEach((uid, i) => {
    const g = known.get(uid);
    if (g === undefined) return;
    const first = byGroup.get(g);
    if (first === undefined) byGroup.set(g, i);
    else union(first, i);
  });
  const rows = f.x[0]?.length ?? 0;
  const loss = f.x.map((xi) => -xi.reduce((p, q) => p + q, 0) / Math.max(1, rows));
  for (let i = 0; i < f.uids.length; i++) {
    for (let j = i + 1; j < f.uids.length; j++) {
      let d = 0;
      for (let r = 0; r < rows; r++) d += Math.abs(f.x[i]![r]! - f.x[j]![r]!);
      if (d / Math.max(1, rows) < ratio * Math.min(loss[i]!, loss[j]!)) union(i, j);
    }
  }
  return new Map(f.uids.map((uid, i) => [uid, f.uids[find(i)]!]));
}

/**
 * Compares every pair of `answers` (and looks for two-source mixes) on the labelled batch.
 * `groupOf` maps a uid to its known cluster id (uids of one cluster vote once in the crowd).
 */
export function roundSimilarity(
  answers: readonly SimilarityAnswer[],
  labels: Int32Array,
  classes: number,
  groupOf: ReadonlyMap<number, number>,
  opts: SimilarityOptions,
): RoundSimilarity {
  const sortedAnswers = [...answers].sort((p, q) => p.uid - q.uid);
  const f = features(sortedAnswers, labels, classes);
  const groups = crowdGrouping(f, groupOf, opts.crowdMergeRatio);
  const crowds: Crowds = { x: new Crowd(f.x, f.wrong, f.uids, groups), g: new Crowd(f.g, f.wrong, f.uids, groups) };
  const sc = screen(f, crowds);
  const raw: RawPair[] = [];
  for (let i = 0; i < f.uids.length; i++) for (let j = i + 1; j < f.uids.length; j++) raw.push(comparePair(f, crowds, sc, i, j, opts));
  const rhoThreshold = robustThreshold(
    raw.flatMap((p) => (p.rho === null ? [] : [p.rho])),
    opts.madK,
    opts.rhoFloor,
    opts.rhoCap,
  );
  const kappaThreshold = robustThreshold(
    raw.flatMap((p) => (p.kappa === null ? [] : [p.kappa])),
    opts.madK,
    opts.kappaFloor,
    opts.kappaCap,
  );
  const pairs = raw.map(
    (p): PairFigures => ({
      a: f.uids[p.i]!,
      b: f.uids[p.j]!,
      rho: p.rho,
      kappa: p.kappa,
      meanAbsDiff: p.mad,
      hit: p.mad < opts.identicalBelow || (p.rho !== null && p.rho >= rhoThreshold) || (p.kappa !== null && p.kappa >= kappaThreshold),
    }),
  );
  return { pairs, mixes: findMixes(f, crowds, raw, rhoThreshold, opts), rhoThreshold, kappaThreshold };
}
