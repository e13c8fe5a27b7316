/**
 * Relay guard: refuses a Predict whose samples another caller sent this miner moments ago.
 *
 * Validators draw held-out batches from their own secret, so two honest validators never send the same
 * inputs. A permit-holding proxy that forwards a validator's batch to this miner (to pass our answers off as
 * its own) sends inputs this miner has just seen from that validator. Each sample is fingerprinted by a
 * coarse 7x7 grid of block means placed around the digit's centre of mass (a shift does not hide it), centred
 * (nor does a brightness offset), taken after an ink ramp (pixels below 0.3 count as background, above 0.7 as
 * full ink: clamped per-pixel noise up to ±0.3 leaves both exactly in place); the fingerprint is found
 * again through locality-sensitive hashing (random-hyperplane signs in `BANDS` bands of `BAND_BITS` bits,
 * hyperplanes drawn from this process's own randomness so a relayer cannot aim its noise at them) and
 * confirmed by the RMS distance of the two grids. Sample order is irrelevant, and per-pixel noise averages
 * out over a block. A request is refused when one earlier request of another caller holds close matches of at
 * least `minFraction` of its samples.
 *
 * Measured (bench/relay-match.ts 30: generated batches of 256, relays shuffled, each digit shifted by up to 1 px,
 * uniform noise per pixel clamped to [0, 1]): an honest batch matched at most 14.8% of another's samples (15.6%
 * with the raw pixels); of a relayed batch at least 94% was found with ±0.2 noise, at least 70% (mean 77%) with
 * ±0.3 (refused; about 10% with the raw pixels, passed), 33-53% with ±0.4 (mostly passed; that noise costs the
 * relayer accuracy). A contrast-invariant rule (grids scaled to unit RMS) did not separate the two: at the distance
 * that found ±0.3 relays (69%) honest batches matched 57%. Batches of one digit class only match 70-98% of each
 * other under every rule tried; validators' batches mix the classes.
 *
 * Memory is bounded per caller (one FIFO share each, like the replay cache: a caller flooding junk evicts only
 * its own samples, never the batch it wants to relay) and entries expire after `ttlMs`. Work is O(batch).
 * Known limit: the first sender wins, so a relayer closer to the victim than the validator is could arrive
 * first and have the validator refused for that batch.
 */
import { randomBytes } from 'node:crypto';
import { ProtocolError } from '#protocol';

/** Relay-guard thresholds; every field optional. */
export interface RelayGuardOptions {
  /** How long a sample is remembered, ms; default 15_000 (a relay is useful only before the validator's deadline). */
  ttlMs?: number;
  /** Refuse when at least this fraction of a request's samples match one earlier request of another caller; default 0.5. */
  minFraction?: number;
  /** Most samples remembered per caller (oldest dropped first; ~500 B each); default 2048. */
  perCallerSamples?: number;
  /** Largest RMS distance between two samples' centred 7x7 block means (of the ink-ramped pixels) to count as one; default 0.0325. */
  maxDistance?: number;
}

/** A sample remembered: who sent it, when, its grid and its band keys. */
interface Entry {
  caller: string;
  /** The request it came in (samples are matched against one earlier request at a time). */
  request: number;
  /** Samples in that request: a relay covers most of it, a chance look-alike of a big request does not. */
  requestSize: number;
  atMs: number;
  grid: Float32Array;
  keys: number[];
  /** The last lookup that compared this entry (an entry sits in up to `BANDS` buckets; it is compared once). */
  lookup: number;
}

/** What a check found (for tests and metrics). */
export interface RelayVerdict {
  relayed: number;
  total: number;
  /** `relayed`: samples matching the earlier request of another caller that matches most; its caller and age. */
  from?: string;
  /** Samples in that earlier request. */
  fromSize?: number;
  agoMs?: number;
}

export const GRID = 7;
const CELLS = GRID * GRID;
// 5 bands of 14 bits (70 hyperplanes, 64 before): a relayed sample's grid is found in some band more often (its
// angle to the source's is larger under heavy noise), while buckets stay small (2^14 keys a band).
const BANDS = 5;
const BAND_BITS = 14;
/** Most entries of one bucket compared per lookup. */
const MAX_SCAN = 32;

/**
 * The ink ramp: each pixel v -> (v - RAMP_LO) / (RAMP_HI - RAMP_LO), kept in [0, 1], before the grid is taken.
 * Clamped uniform noise of up to ±0.3 (a relayer's disguise) moves background pixels (0) to [0, 0.3] and full ink
 * (1) to [0.7, 1]: the ramp puts both back exactly, so only grey stroke edges carry noise into the block means.
 * Without it, ±0.3 noise moved a grid by more than twice the match distance (and shrank its contrast by ~15%).
 */
const RAMP_LO = 0.3;
const RAMP_HI = 0.7;

/** `row` through the ink ramp, into a reused buffer (valid until the next call). */
export function inkRamp(row: Float32Array): Float32Array {
  if (scratch.ramped.length !== row.length) scratch.ramped = new Float32Array(row.length);
  const out = scratch.ramped;
  const scale = 1 / (RAMP_HI - RAMP_LO);
  for (let i = 0; i < row.length; i++) {
    const v = (row[i]! - RAMP_LO) * scale;
    out[i] = v <= 0 ? 0 : v >= 1 ? 1 : v;
  }
  return out;
}

/** Work buffers of `sampleGrid`, reused (one event loop; allocating them per sample cost more than the sums). */
const scratch = {
  sums: new Float64Array(CELLS),
  counts: new Float64Array(CELLS),
  colW: new Float64Array(GRID),
  rowSums: new Float64Array(GRID),
  ramped: new Float32Array(0),
};

/**
 * The centred block means of one sample. A square image is cut into a 7x7 grid of blocks placed around its
 * centre of mass (of the pixels above `INK`), so shifting the digit (free for a relayer: validators' own
 * augmentation shifts, and models are trained for it) moves the grid with it; anything else into 49 runs.
 */
export function sampleGrid(row: Float32Array): Float32Array {
  const n = row.length;
  const side = Math.round(Math.sqrt(n));
  const sums = scratch.sums.fill(0);
  const counts = scratch.counts.fill(0);
  if (side * side === n && side >= GRID) {
    const [cx, cy] = inkCentre(row, side);
    // Each pixel is shared between the (at most 2 x 2) cells it overlaps, by area: the grid then moves
    // smoothly with the centre, so noise that nudges the centre nudges the grid only a little. The share is a
    // product of a column and a row weight, so the sums are taken along rows first and then down the columns
    // (one pass over the pixels; this runs on the miner's event loop for every sample of every Predict).
    const xs = overlaps(side, cx);
    const ys = overlaps(side, cy);
    const colW = scratch.colW.fill(0); // per grid column, the summed pixel-column weights (for counts)
    for (let x = 0; x < side; x++) addShare(colW, 0, xs.cell[x]!, xs.share[x]!, 1);
    const rowSums = scratch.rowSums;
    for (let y = 0; y < side; y++) {
      const ya = ys.cell[y]!;
      const yw = ys.share[y]!;
      if (ya + 1 < 0 || ya >= GRID) continue;
      rowSums.fill(0);
      const base = y * side;
      for (let x = 0; x < side; x++) addShare(rowSums, 0, xs.cell[x]!, xs.share[x]!, row[base + x]!);
      for (let j = 0; j < 2; j++) {
        const gy = ya + j;
        const wy = j === 0 ? yw : 1 - yw;
        if (gy < 0 || gy >= GRID || wy <= 0) continue;
        for (let gx = 0; gx < GRID; gx++) {
          sums[gy * GRID + gx]! += wy * rowSums[gx]!;
          counts[gy * GRID + gx]! += wy * colW[gx]!;
        }
      }
    }
  } else {
    for (let i = 0; i < n; i++) {
      const c = Math.floor((i * CELLS) / n);
      sums[c]! += row[i]!;
      counts[c]!++;
    }
  }
  const grid = new Float32Array(CELLS);
  let mean = 0;
  for (let c = 0; c < CELLS; c++) {
    grid[c] = counts[c]! > 0 ? sums[c]! / counts[c]! : 0;
    mean += grid[c]!;
  }
  mean /= CELLS;
  for (let c = 0; c < CELLS; c++) grid[c]! -= mean;
  return grid;
}

/** Adds `v` to the (at most 2) cells starting at `cell`, `share` of it to the first, the rest to the next. */
function addShare(acc: Float64Array, offset: number, cell: number, share: number, v: number): void {
  if (cell >= 0 && cell < GRID && share > 0) acc[offset + cell]! += share * v;
  const next = cell + 1;
  if (next >= 0 && next < GRID && share < 1) acc[offset + next]! += (1 - share) * v;
}

/** Per pixel column (or row) p of a `side` image: the first grid cell it overlaps and the share of it in that cell. */
function overlaps(side: number, centre: number): { cell: Int32Array; share: Float64Array } {
  const block = side / GRID;
  const cell = new Int32Array(side);
  const share = new Float64Array(side);
  for (let p = 0; p < side; p++) {
    const u = (p - centre) / block + GRID / 2; // the pixel spans [u, u + 1 / block) in cell units
    const c = Math.floor(u);
    cell[p] = c;
    share[p] = Math.min(1, (c + 1 - u) * block);
  }
  return { cell, share };
}

/** Pixels brighter than this are ink: background noise must not pull the centre of mass. */
const INK = 0.3;

/** Centre of mass of the ink (pixel units, pixel centres at integers minus half a pixel); the image centre when blank. */
function inkCentre(row: Float32Array, side: number): [number, number] {
  let m = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const v = row[y * side + x]!;
      if (v <= INK) continue;
      const w = v - INK; // continuous in v: a pixel crossing the threshold moves the centre by a hair, not a jump
      m += w;
      sx += w * x;
      sy += w * y;
    }
  }
  return m > 0 ? [sx / m + 0.5, sy / m + 0.5] : [side / 2, side / 2];
}

/** RMS distance of two grids. */
export function gridDistance(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let c = 0; c < CELLS; c++) {
    const d = a[c]! - b[c]!;
    s += d * d;
  }
  return Math.sqrt(s / CELLS);
}

/** Whether the RMS distance of two grids is at most `max`; stops as soon as the sum passes the bound (most candidates do early). */
function within(a: Float32Array, b: Float32Array, max: number): boolean {
  const bound = max * max * CELLS;
  let s = 0;
  for (let c = 0; c < CELLS; c++) {
    const d = a[c]! - b[c]!;
    s += d * d;
    if (s > bound) return false;
  }
  return true;
}

/** `count` random hyperplane coefficients (approximately Gaussian: sum of 4 uniforms), from fresh randomness; the guard's own: BANDS * BAND_BITS planes of CELLS. */
export function drawHyperplanes(count = BANDS * BAND_BITS * CELLS): Float32Array {
  const bytes = randomBytes(count * 4);
  const planes = new Float32Array(count);
  for (let i = 0; i < count; i++) planes[i] = (bytes[4 * i]! + bytes[4 * i + 1]! + bytes[4 * i + 2]! + bytes[4 * i + 3]! - 510) / 255;
  return planes;
}

/** Samples seen per caller, findable by fingerprint. */
export class RelayGuard {
  readonly #ttlMs: number;
  readonly #minFraction: number;
  readonly #perCaller: number;
  readonly #maxDistance: number;
  readonly #planes = drawHyperplanes();
  /** Band key -> entries holding it (small: a key is 16 bits of one band). */
  readonly #buckets = new Map<number, Entry[]>();
  /** Per caller, entries in arrival order (the clock is non-decreasing, so also time order). */
  readonly #shares = new Map<string, Entry[]>();
  #size = 0;
  #nextRequest = 0;
  #nextLookup = 0;

  constructor(opts: RelayGuardOptions = {}) {
    this.#ttlMs = opts.ttlMs ?? 15_000;
    this.#minFraction = opts.minFraction ?? 0.5;
    this.#perCaller = Math.max(1, opts.perCallerSamples ?? 2048);
    this.#maxDistance = opts.maxDistance ?? 0.0325;
  }

  /** Samples remembered over all callers. */
  get size(): number {
    return this.#size;
  }

  /**
   * Records the batch `input` ([N, ...]) of `caller` at `nowMs`, then returns how many of its samples match the one
   * earlier request of another caller (within the ttl) that matches most. Checked before the batch is recorded.
   */
  inspect(caller: string, input: Float32Array, batch: number, nowMs: number): RelayVerdict {
    this.#expire(nowMs);
    const size = input.length / batch;
    // Matches are counted per earlier request: a relay matches most samples of ONE request, while an honest
    // batch's chance look-alikes are scattered over many (measured: see the header).
    const byRequest = new Map<number, { count: number; caller: string; atMs: number; size: number }>();
    const fresh: Entry[] = [];
    const request = this.#nextRequest++;
    for (let r = 0; r < batch; r++) {
      const grid = sampleGrid(inkRamp(input.subarray(r * size, (r + 1) * size)));
      const keys = this.#keysOf(grid);
      for (const other of this.#findOthers(caller, grid, keys, nowMs)) {
        const s = byRequest.get(other.request) ?? { count: 0, caller: other.caller, atMs: other.atMs, size: other.requestSize };
        s.count++;
        byRequest.set(other.request, s);
      }
      fresh.push({ caller, request, requestSize: batch, atMs: nowMs, grid, keys, lookup: 0 });
    }
    for (const e of fresh) this.#add(e);
    // Coverage of the larger of the two requests: a relay and its source are the same batch, so its matches cover
    // both; an admitted caller that first sends a huge, diverse batch (to make every later honest batch look
    // relayed) covers only a sliver of its own request.
    const coverage = (s: { count: number; size: number }): number => s.count / Math.max(batch, s.size);
    let best: { count: number; caller: string; atMs: number; size: number } | undefined;
    for (const s of byRequest.values()) if (best === undefined || coverage(s) > coverage(best)) best = s;
    return best === undefined
      ? { relayed: 0, total: batch }
      : { relayed: best.count, total: batch, from: best.caller, fromSize: best.size, agoMs: nowMs - best.atMs };
  }

  /** As `inspect`, but throws ProtocolError `relayed` when at least the configured fraction was relayed. */
  check(caller: string, input: Float32Array, batch: number, nowMs: number): RelayVerdict {
    const v = this.inspect(caller, input, batch, nowMs);
    if (v.total > 0 && v.relayed >= this.#minFraction * Math.max(v.total, v.fromSize ?? 0)) {
      throw new ProtocolError('relayed', `relayed batch: ${v.relayed} of ${v.total} samples were sent by ${v.from} ${v.agoMs} ms ago`);
    }
    return v;
  }

  #keysOf(grid: Float32Array): number[] {
    const keys: number[] = [];
    const p = this.#planes;
    for (let b = 0; b < BANDS; b++) {
      let bits = 0;
      for (let k = 0; k < BAND_BITS; k++) {
        const base = (b * BAND_BITS + k) * CELLS;
        let dot = 0;
        for (let c = 0; c < CELLS; c++) dot += p[base + c]! * grid[c]!;
        if (dot > 0) bits |= 1 << k;
      }
      keys.push(b * 2 ** BAND_BITS + bits);
    }
    return keys;
  }

  /** The earlier requests of other callers holding an unexpired sample close to `grid` (one entry per request). */
  #findOthers(caller: string, grid: Float32Array, keys: number[], nowMs: number): Entry[] {
    const found = new Map<number, Entry>();
    const lookup = ++this.#nextLookup;
    for (const key of keys) {
      const bucket = this.#buckets.get(key);
      if (bucket === undefined) continue;
      // Newest first, and only the newest few: identical degenerate inputs (all blank) share one key and must not
      // turn a lookup into a scan of every remembered sample.
      for (let i = bucket.length - 1, seen = 0; i >= 0 && seen < MAX_SCAN; i--, seen++) {
        const e = bucket[i]!;
        if (e.lookup === lookup) continue;
        e.lookup = lookup;
        if (e.caller !== caller && !found.has(e.request) && nowMs - e.atMs <= this.#ttlMs && within(e.grid, grid, this.#maxDistance))
          found.set(e.request, e);
      }
    }
    return [...found.values()];
  }

  #add(e: Entry): void {
    const share = this.#shares.get(e.caller) ?? [];
    if (share.length >= this.#perCaller) this.#remove(share.shift()!);
    share.push(e);
    this.#shares.set(e.caller, share);
    for (const key of e.keys) {
      const bucket = this.#buckets.get(key);
      if (bucket === undefined) this.#buckets.set(key, [e]);
      else bucket.push(e);
    }
    this.#size++;
  }

  #remove(e: Entry): void {
    for (const key of e.keys) {
      const bucket = this.#buckets.get(key);
      if (bucket === undefined) continue;
      const i = bucket.indexOf(e);
      if (i >= 0) bucket.splice(i, 1);
      if (bucket.length === 0) this.#buckets.delete(key);
    }
    this.#size--;
  }

  /** Drops expired entries at the front of every share; shares left empty are dropped. */
  #expire(nowMs: number): void {
    for (const [caller, share] of this.#shares) {
      let n = 0;
      while (n < share.length && nowMs - share[n]!.atMs > this.#ttlMs) this.#remove(share[n++]!);
      if (n > 0) share.splice(0, n);
      if (share.length === 0) this.#shares.delete(caller);
    }
  }
}
