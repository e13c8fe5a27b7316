/**
 * The shape of a fuzz surface and the helpers every `*.fuzz.ts` file shares: a seeded, replayable
 * fast-check run with a per-case deadline, and resident-memory sampling of the process under attack.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';

/** How one surface is run: the number of cases, the seed, and optionally a fast-check path to replay. */
export interface FuzzOptions {
  numRuns: number;
  seed: number;
  /** A fast-check replay path printed by a failing run (`--path`). */
  path?: string;
}

/** What one surface measured. */
export interface SurfaceResult {
  surface: string;
  runs: number;
  seed: number;
  ms: number;
  /** Resident memory of the process under attack (MB): before, peak during, after. */
  rss?: { startMb: number; peakMb: number; endMb: number };
  /** Surface-specific counts (e.g. how many inputs were refused with which code). */
  outcomes?: Record<string, number>;
}

/** One input surface: `run` starts what it attacks, runs the property, checks the target still serves, stops it. */
export interface FuzzSurface {
  name: string;
  run(o: FuzzOptions): Promise<SurfaceResult>;
}

/** A failed property: the message names the surface, seed and path, and the command that replays it. */
export class FuzzFailure extends Error {
  constructor(
    readonly surface: string,
    readonly seed: number,
    readonly path: string | undefined,
    detail: string,
  ) {
    super(
      `fuzz surface ${surface} failed (seed ${seed}${path ? `, path ${path}` : ''})\n` +
        `replay: npm run fuzz -- --only ${surface} --seed ${seed}${path ? ` --path ${path}` : ''}\n${detail}`,
    );
    this.name = 'FuzzFailure';
  }
}

/**
 * Per-case deadline: a case that takes longer is a hang. Generous because the 2-core machines run at load
 * averages of 20-30 while several suites run; a real hang (an unanswered request) never finishes at all.
 */
export const CASE_DEADLINE_MS = 30_000;

/** Runs a fast-check property with the surface's seed, path and a per-case deadline; throws FuzzFailure. */
export async function checkProperty<Ts extends [unknown, ...unknown[]]>(
  surface: string,
  prop: fc.IAsyncPropertyWithHooks<Ts> | fc.IPropertyWithHooks<Ts>,
  o: FuzzOptions,
  caseTimeoutMs = CASE_DEADLINE_MS,
): Promise<void> {
  const params: fc.Parameters<Ts> = {
    numRuns: o.numRuns,
    seed: o.seed,
    timeout: caseTimeoutMs,
    endOnFailure: false,
    ...(o.path ? { path: o.path } : {}),
  };
  const details = await fc.check(prop as fc.IAsyncPropertyWithHooks<Ts>, params);
  if (details.failed) {
    const counterexample = JSON.stringify(details.counterexample, bigintSafe)?.slice(0, 2000);
    const err = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new FuzzFailure(surface, o.seed, details.counterexamplePath ?? undefined, `counterexample: ${counterexample}\nerror: ${err}`);
  }
}

function bigintSafe(_k: string, v: unknown): unknown {
  if (typeof v === 'bigint') return `${v}n`;
  if (v instanceof Uint8Array) return `0x${Buffer.from(v).toString('hex')}`;
  return v;
}

/** Resident set size of a process in MB, from /proc (Linux); NaN when the process is gone. */
export function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Samples a process's RSS every `everyMs` until stopped; returns start, peak and end in MB. */
export function watchRss(pid: number, everyMs = 200): { stop(): { startMb: number; peakMb: number; endMb: number } } {
  const startMb = rssMb(pid);
  let peakMb = startMb;
  const timer = setInterval(() => {
    const r = rssMb(pid);
    if (r > peakMb) peakMb = r;
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      const endMb = rssMb(pid);
      return { startMb: round1(startMb), peakMb: round1(Math.max(peakMb, endMb)), endMb: round1(endMb) };
    },
  };
}

/** Throws when the attacked process grew more than `maxGrowthMb` over the run (unbounded memory). */
export function assertBoundedRss(
  surface: string,
  o: FuzzOptions,
  rss: { startMb: number; peakMb: number; endMb: number },
  maxGrowthMb: number,
): void {
  if (!(rss.peakMb - rss.startMb <= maxGrowthMb)) {
    throw new FuzzFailure(
      surface,
      o.seed,
      undefined,
      `resident memory grew from ${rss.startMb} to ${rss.peakMb} MB (limit +${maxGrowthMb} MB)`,
    );
  }
}

/** Counts outcomes by label. */
export class Tally {
  readonly counts: Record<string, number> = {};
  add(label: string): void {
    this.counts[label] = (this.counts[label] ?? 0) + 1;
  }
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
