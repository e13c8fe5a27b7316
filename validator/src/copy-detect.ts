/**
 * Copy detection across rounds: persistence, who copied whom, and sybil clusters.
 *
 * Each round `roundSimilarity` (copy-similarity.ts) says which pairs are over threshold ("hits")
 * and which miners are a mix of two others. Here:
 * - Persistence: a pair is *persistent* when it hit in at least `hits` of its last `window`
 *   observed rounds (rounds where both answered). A pair with no hit left in its window is dropped.
 * - Direction: a proxy must ask its victim after the validator asked it, so on the validator's own
 *   clock its answer arrives later. Over the pair's hit rounds, the miner later by more than
 *   `ambiguityMs` in at least `majority` of at least `minRounds` hit rounds is the copy.
 *   Registration order never decides.
 * - A persistent mix (c explained by a and b together, neither alone) makes c a copy of the source
 *   it correlates with more: a blend of two other miners is not an independent model, whoever is faster.
 * - A resolved copy is gated (earns nothing) for `gateRounds` rounds after the last round it was
 *   resolved, even if it then diverges.
 * - Pairs with at least `clusterHits` (default: `hits`) hits in their window whose direction is not
 *   (yet) resolved form a graph; its connected components (clusters) take one prize slot together
 *   (standings.ts). A lower `clusterHits` shares the slot sooner, which costs a copier its early
 *   rounds and costs an honest pair hit by chance at most one shared slot for a window.
 * Everything is dropped for a uid whose hotkey changes (`dropCopyUids`).
 */
import type { PairFigures, RoundSimilarity } from './copy-similarity.ts';

/** The persisted memory of one unordered pair (a < b in its key). */
export interface PairRecord {
  /** 1/0 per observed round (both answered), oldest first, at most `window` long. */
  recent: number[];
  /** Rounds the pair hit, since the record was created. */
  flagged: number;
  /** Of those: rounds where a (the lower uid) was later by more than ambiguityMs, and where b was. */
  aLater: number;
  bLater: number;
  /** The last round's figures (for reports). */
  rho: number | null;
  kappa: number | null;
}

/** The persisted memory of one (copy, two sources) mix. */
export interface MixRecord {
  recent: number[];
  r: number;
  /** Which source the copy correlates with more. */
  closer: number;
}

/** A uid kept out of the prizes until `untilRound` (inclusive). */
export interface CopyGate {
  untilRound: number;
  copyOf: number;
}

/** Everything copy detection remembers between rounds. */
export interface CopyState {
  /** Keyed by `pairKey(a, b)`. */
  pairs: Map<string, PairRecord>;
  /** Keyed by `mixKey(copy, a, b)`. */
  mixes: Map<string, MixRecord>;
  gates: Map<number, CopyGate>;
}

/** Tunables (see ScoringConfig for defaults and meaning). */
export interface CopyRules {
  hits: number;
  /** Hits in the window for a pair to share one prize slot (before it is named a copy); at most `hits`. */
  clusterHits: number;
  window: number;
  minRounds: number;
  majority: number;
  ambiguityMs: number;
  gateRounds: number;
}

/** Why a uid is a copy, or which cluster it belongs to, with the figures behind it. */
export interface CopyFinding {
  uid: number;
  /** `copy`: direction resolved, a mix, or gated; `cluster`: ambiguous, sharing one prize slot. */
  kind: 'copy' | 'cluster';
  /** The uid it copies (copy) or the cluster's paid member (cluster; itself for the payee). */
  peer: number;
  reason: 'later' | 'mix' | 'gated' | 'ambiguous';
  /** The strongest persistent pair's last figures. */
  rho: number | null;
  kappa: number | null;
  /** Hit rounds in the window / window length, flagged rounds in total, and how often each side was later. */
  hits: number;
  window: number;
  flaggedRounds: number;
  laterSelf: number;
  laterPeer: number;
  /** Cluster members (sorted), for cluster findings. */
  members?: number[];
  /** The two sources of a mix. */
  sources?: [number, number];
}

/** What the standings need: copies (uid -> the uid copied) and clusters of ambiguous pairs. */
export interface CopyVerdict {
  copies: Map<number, number>;
  /** Each cluster's members, sorted; only components of two or more. */
  clusters: number[][];
  /** Each cluster's members in the order they would be paid (first eligible one takes the slot). */
  payOrder: number[][];
  findings: Map<number, CopyFinding>;
}

/** A fresh, empty memory. */
export function emptyCopyState(): CopyState {
  return { pairs: new Map(), mixes: new Map(), gates: new Map() };
}

/** Canonical key of an unordered pair. */
export function pairKey(a: number, b: number): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

/** The two uids of a pair key. */
export function pairUids(key: string): [number, number] {
  const [a, b] = key.split(':').map(Number);
  return [a!, b!];
}

/** Key of a mix: the copy, then its two sources in order. */
export function mixKey(copy: number, a: number, b: number): string {
  return a < b ? `${copy}>${a},${b}` : `${copy}>${b},${a}`;
}

/** The copy and sources of a mix key. */
export function mixUids(key: string): [number, number, number] {
  const [c, rest] = key.split('>');
  const [a, b] = rest!.split(',').map(Number);
  return [Number(c), a!, b!];
}

function pushRecent(recent: readonly number[], hit: boolean, window: number): number[] {
  return [...recent, hit ? 1 : 0].slice(-window);
}

const sum = (xs: readonly number[]): number => xs.reduce((p, q) => p + q, 0);

function nextPair(
  prev: PairRecord | undefined,
  p: PairFigures,
  latency: ReadonlyMap<number, number>,
  rules: CopyRules,
): PairRecord | undefined {
  const recent = pushRecent(prev?.recent ?? [], p.hit, rules.window);
  if (sum(recent) === 0) return undefined;
  const rec: PairRecord = {
    recent,
    flagged: prev?.flagged ?? 0,
    aLater: prev?.aLater ?? 0,
    bLater: prev?.bLater ?? 0,
    rho: p.rho,
    kappa: p.kappa,
  };
  if (!p.hit) return rec;
  rec.flagged++;
  const d = (latency.get(p.a) ?? 0) - (latency.get(p.b) ?? 0);
  if (d > rules.ambiguityMs) rec.aLater++;
  else if (d < -rules.ambiguityMs) rec.bLater++;
  return rec;
}

/**
 * Folds one round into the memory: pair and mix windows, direction counts, and gates for copies
 * resolved at `roundId` (expired gates dropped). `latency` is each answer's latency on the
 * validator's clock, ms.
 */
export function updateCopyState(
  prev: CopyState,
  sim: RoundSimilarity,
  latency: ReadonlyMap<number, number>,
  roundId: number,
  rules: CopyRules,
): CopyState {
  const pairs = new Map(prev.pairs);
  for (const p of sim.pairs) {
    const key = pairKey(p.a, p.b);
    const rec = nextPair(prev.pairs.get(key), p, latency, rules);
    if (rec === undefined) pairs.delete(key);
    else pairs.set(key, rec);
  }
  const mixes = new Map(prev.mixes);
  for (const m of sim.mixes) {
    const key = mixKey(m.copy, m.sources[0], m.sources[1]);
    const old = mixes.get(key);
    const recent = pushRecent(old?.recent ?? [], m.hit, rules.window);
    if (sum(recent) === 0) {
      mixes.delete(key);
      continue;
    }
    mixes.set(key, { recent, r: m.r, closer: m.closer });
  }
  const gates = new Map([...prev.gates].filter(([, g]) => g.untilRound >= roundId));
  const state: CopyState = { pairs, mixes, gates };
  for (const [uid, f] of resolvedCopies(state, rules)) gates.set(uid, { untilRound: roundId + rules.gateRounds, copyOf: f.peer });
  return state;
}

/** Drops every pair, mix and gate involving `uids` (hotkey changed, or deregistered). */
export function dropCopyUids(prev: CopyState, uids: readonly number[]): CopyState {
  if (uids.length === 0) return prev;
  const gone = new Set(uids);
  return {
    pairs: new Map([...prev.pairs].filter(([k]) => !pairUids(k).some((u) => gone.has(u)))),
    mixes: new Map([...prev.mixes].filter(([k]) => !mixUids(k).some((u) => gone.has(u)))),
    gates: new Map([...prev.gates].filter(([u, g]) => !gone.has(u) && !gone.has(g.copyOf))),
  };
}

function persistent(recent: readonly number[], rules: CopyRules): boolean {
  return sum(recent) >= rules.hits;
}

function pairFinding(
  uid: number,
  peer: number,
  rec: PairRecord,
  uidIsA: boolean,
  reason: CopyFinding['reason'],
  kind: CopyFinding['kind'],
  window: number,
): CopyFinding {
  return {
    uid,
    kind,
    peer,
    reason,
    rho: rec.rho,
    kappa: rec.kappa,
    hits: sum(rec.recent),
    window,
    flaggedRounds: rec.flagged,
    laterSelf: uidIsA ? rec.aLater : rec.bLater,
    laterPeer: uidIsA ? rec.bLater : rec.aLater,
  };
}

/** Copies decided by direction or by a persistent mix (gates not included). */
function resolvedCopies(state: CopyState, rules: CopyRules): Map<number, CopyFinding> {
  const out = new Map<number, CopyFinding>();
  for (const [key, rec] of [...state.pairs].sort(([p], [q]) => (p < q ? -1 : 1))) {
    if (!persistent(rec.recent, rules) || rec.flagged < rules.minRounds) continue;
    const [a, b] = pairUids(key);
    if (rec.aLater >= rules.majority * rec.flagged && !out.has(a)) out.set(a, pairFinding(a, b, rec, true, 'later', 'copy', rules.window));
    else if (rec.bLater >= rules.majority * rec.flagged && !out.has(b))
      out.set(b, pairFinding(b, a, rec, false, 'later', 'copy', rules.window));
  }
  for (const [key, m] of [...state.mixes].sort(([p], [q]) => (p < q ? -1 : 1))) {
    if (!persistent(m.recent, rules)) continue;
    const [c, a, b] = mixUids(key);
    if (out.has(c)) continue;
    out.set(c, {
      uid: c,
      kind: 'copy',
      peer: m.closer === b ? b : a,
      reason: 'mix',
      rho: m.r,
      kappa: null,
      hits: sum(m.recent),
      window: rules.window,
      flaggedRounds: sum(m.recent),
      laterSelf: 0,
      laterPeer: 0,
      sources: [a, b],
    });
  }
  return out;
}

/** Connected components (size >= 2) of an undirected edge list, each sorted, ordered by smallest uid. */
export function components(edges: ReadonlyArray<readonly [number, number]>): number[][] {
  const parent = new Map<number, number>();
  const find = (u: number): number => {
    let r = u;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(u, r);
    return r;
  };
  for (const [a, b] of edges) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a),
      rb = find(b);
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
  const groups = new Map<number, number[]>();
  for (const u of parent.keys()) {
    const r = find(u);
    groups.set(r, [...(groups.get(r) ?? []), u]);
  }
  return [...groups.values()]
    .filter((g) => g.length >= 2)
    .map((g) => g.sort((p, q) => p - q))
    .sort((p, q) => p[0]! - q[0]!);
}

/**
 * The verdict at `roundId`: resolved copies and active gates are copies; among the rest,
 * persistent pairs with an ambiguous direction form clusters. Each cluster's paid member is the one
 * that answered first most often in its pairs' flagged rounds (a proxy waiting for its victim never
 * is, even before the sign test has enough rounds), then the earliest registered (`registration`:
 * uid -> block), then the lowest uid. Sybils with random latencies get one slot either way.
 */
export function copyVerdict(state: CopyState, registration: ReadonlyMap<number, number>, roundId: number, rules: CopyRules): CopyVerdict {
  const findings = resolvedCopies(state, rules);
  for (const [uid, g] of state.gates) {
    if (g.untilRound < roundId || findings.has(uid)) continue;
    findings.set(uid, {
      uid,
      kind: 'copy',
      peer: g.copyOf,
      reason: 'gated',
      rho: null,
      kappa: null,
      hits: 0,
      window: rules.window,
      flaggedRounds: 0,
      laterSelf: 0,
      laterPeer: 0,
    });
  }
  const copies = new Map([...findings].map(([uid, f]) => [uid, f.peer]));
  const edges: Array<[number, number]> = [];
  const strongest = new Map<number, { rec: PairRecord; key: string }>();
  const lead = new Map<number, number>();
  for (const [key, rec] of state.pairs) {
    if (sum(rec.recent) < Math.min(rules.clusterHits, rules.hits)) continue;
    const [a, b] = pairUids(key);
    if (copies.has(a) || copies.has(b) || !registration.has(a) || !registration.has(b)) continue;
    edges.push([a, b]);
    lead.set(a, (lead.get(a) ?? 0) + rec.bLater - rec.aLater);
    lead.set(b, (lead.get(b) ?? 0) + rec.aLater - rec.bLater);
    for (const u of [a, b]) if ((strongest.get(u)?.rec.rho ?? -2) <= (rec.rho ?? -1)) strongest.set(u, { rec, key });
  }
  const clusters = components(edges);
  const payOrder = clusters.map((members) =>
    [...members].sort((p, q) => (lead.get(q) ?? 0) - (lead.get(p) ?? 0) || registration.get(p)! - registration.get(q)! || p - q),
  );
  for (const [i, members] of clusters.entries()) {
    const payee = payOrder[i]![0]!;
    for (const uid of members) {
      const s = strongest.get(uid)!;
      const [a, b] = pairUids(s.key);
      findings.set(uid, {
        ...pairFinding(uid, a === uid ? b : a, s.rec, a === uid, 'ambiguous', 'cluster', rules.window),
        peer: payee,
        members,
      });
    }
  }
  return { copies, clusters, payOrder, findings };
}

/** Group id of every uid in a persistent pair or mix (its smallest connected uid), for the crowd. */
export function crowdGroups(state: CopyState, rules: CopyRules): Map<number, number> {
  const edges: Array<[number, number]> = [];
  for (const [key, rec] of state.pairs) if (persistent(rec.recent, rules)) edges.push(pairUids(key));
  const out = new Map<number, number>();
  for (const members of components(edges)) for (const u of members) out.set(u, members[0]!);
  return out;
}
