/**
 * The validator's memory across restarts: scores, copy detection, weight timing and pending commits,
 * kept as one JSON file in the data directory. Writes are atomic (temp file, fsync, rename, fsync
 * of the directory), so a crash leaves either the old or the new file. On load, a file for another
 * netuid or hotkey, of another version, or older than `maxAgeMs` is discarded with a log line; an
 * unreadable one is moved aside and the validator starts fresh. Version 1 files (copy detection as
 * pair counters of consecutive near-identical rounds) are migrated: each counter becomes that many
 * hits in the pair's window, with no direction evidence yet.
 */
import { open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Logger } from 'pino';
import { z } from 'zod';
import { emptyCopyState, type CopyState, type PairRecord } from './copy-detect.ts';
import type { ScoreEntry } from './scores.ts';
import { INITIAL_TIMING, type PendingCommit, type WeightsTiming } from './weights.ts';

export const STATE_VERSION = 2;
/** Older versions `parseState` still reads (and migrates). */
const MIGRATABLE_VERSIONS = [1];
/** Window length given to migrated version-1 pair counters (the default copyWindow). */
const MIGRATED_WINDOW = 5;
export const STATE_FILE = 'validator-state.json';

/** Everything the validator persists. */
export interface ValidatorState {
  netuid: number;
  hotkey: string;
  /** Last completed round (-1 = none) and the block it ran at. */
  lastRoundId: number;
  lastRoundBlock: number;
  scores: Map<number, ScoreEntry>;
  /** Copy detection's memory: pair windows and direction counts, mixes, gates. */
  copy: CopyState;
  timing: WeightsTiming;
  pendingCommits: PendingCommit[];
}

/** A fresh state for `hotkey` on `netuid`. */
export function emptyState(netuid: number, hotkey: string): ValidatorState {
  return {
    netuid,
    hotkey,
    lastRoundId: -1,
    lastRoundBlock: 0,
    scores: new Map(),
    copy: emptyCopyState(),
    timing: { ...INITIAL_TIMING },
    pendingCommits: [],
  };
}

const uint = z.number().int().nonnegative();
const ScoreEntrySchema = z
  .object({ hotkey: z.string(), emaLoss: z.number(), availability: z.number().min(0).max(1), rounds: uint })
  .strict();
const PendingCommitSchema = z
  .object({
    hash: z.string().regex(/^0x[0-9a-f]{64}$/),
    uids: z.array(uint),
    weights: z.array(uint),
    salt: z.array(uint),
    versionKey: z.string().regex(/^\d+$/),
    commitBlock: uint,
    commitEpoch: uint,
    revealEpoch: uint,
    nextRevealBlock: uint,
    unconfirmed: z.boolean().optional(),
  })
  .strict();
const pairKeyRe = /^\d+:\d+$/;
const bits = z.array(z.number().int().min(0).max(1));
const PairRecordSchema = z
  .object({
    recent: bits,
    flagged: uint,
    aLater: uint,
    bLater: uint,
    rho: z.number().nullable(),
    kappa: z.number().nullable(),
  })
  .strict();
const CopyStateSchema = z
  .object({
    pairs: z.array(z.tuple([z.string().regex(pairKeyRe), PairRecordSchema])),
    mixes: z.array(z.tuple([z.string().regex(/^\d+>\d+,\d+$/), z.object({ recent: bits, r: z.number(), closer: uint }).strict()])),
    gates: z.array(z.tuple([uint, z.object({ untilRound: z.number().int(), copyOf: uint }).strict()])),
  })
  .strict();
const StateFileSchema = z
  .object({
    version: z.number().int(),
    netuid: uint,
    hotkey: z.string(),
    savedAtMs: z.number(),
    lastRoundId: z.number().int().min(-1),
    lastRoundBlock: uint,
    scores: z.array(z.tuple([uint, ScoreEntrySchema])),
    /** Version 2. */
    copy: CopyStateSchema.optional(),
    /** Version 1 (migrated on load). */
    copyCounters: z.array(z.tuple([z.string().regex(pairKeyRe), uint])).optional(),
    timing: z.object({ lastWeightsBlock: uint, nextAttemptBlock: uint }).strict(),
    pendingCommits: z.array(PendingCommitSchema),
  })
  .strict();
type StateFile = z.infer<typeof StateFileSchema>;

/** The JSON text of a state, stamped with the version and `savedAtMs`. */
export function serialiseState(state: ValidatorState, savedAtMs: number): string {
  const file: StateFile = {
    version: STATE_VERSION,
    netuid: state.netuid,
    hotkey: state.hotkey,
    savedAtMs,
    lastRoundId: state.lastRoundId,
    lastRoundBlock: state.lastRoundBlock,
    scores: [...state.scores],
    copy: { pairs: [...state.copy.pairs], mixes: [...state.copy.mixes], gates: [...state.copy.gates] },
    timing: state.timing,
    pendingCommits: state.pendingCommits,
  };
  return `${JSON.stringify(file)}\n`;
}

/** A version-1 counter of consecutive near-identical rounds as a version-2 pair record. */
function migratedPair(count: number): PairRecord {
  const hits = Math.min(count, MIGRATED_WINDOW);
  return { recent: Array.from({ length: hits }, () => 1), flagged: count, aLater: 0, bLater: 0, rho: null, kappa: null };
}

function copyStateOf(f: StateFile): CopyState {
  if (f.copy !== undefined) return { pairs: new Map(f.copy.pairs), mixes: new Map(f.copy.mixes), gates: new Map(f.copy.gates) };
  const pairs = new Map((f.copyCounters ?? []).filter(([, c]) => c > 0).map(([k, c]) => [k, migratedPair(c)] as const));
  return { ...emptyCopyState(), pairs };
}

/**
 * Parses state JSON; throws on malformed content (the caller moves the file aside). A migratable
 * older version comes back as the current version.
 */
export function parseState(text: string): { state: ValidatorState; version: number; savedAtMs: number } {
  const f = StateFileSchema.parse(JSON.parse(text));
  if (f.version === STATE_VERSION && f.copy === undefined)
    throw new Error(`expected a "copy" field in a version ${STATE_VERSION} state file, found none`);
  return {
    version: MIGRATABLE_VERSIONS.includes(f.version) ? STATE_VERSION : f.version,
    savedAtMs: f.savedAtMs,
    state: {
      netuid: f.netuid,
      hotkey: f.hotkey,
      lastRoundId: f.lastRoundId,
      lastRoundBlock: f.lastRoundBlock,
      scores: new Map(f.scores),
      copy: copyStateOf(f),
      timing: f.timing,
      pendingCommits: f.pendingCommits,
    },
  };
}

/** Writes `text` to `path` atomically and durably. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  const fh = await open(tmp, 'w', 0o600);
  try {
    await fh.writeFile(text);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
  const dir = await open(dirname(path), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

/** Persists the state atomically at `path`. */
export async function saveState(path: string, state: ValidatorState, nowMs = Date.now()): Promise<void> {
  await writeFileAtomic(path, serialiseState(state, nowMs));
}

/** What to accept on load. */
export interface LoadStateOptions {
  netuid: number;
  hotkey: string;
  /** Discard a state saved longer ago than this, ms. */
  maxAgeMs: number;
  nowMs?: number;
  log: Logger;
}

export type LoadOutcome = 'restored' | 'missing' | 'incompatible' | 'stale' | 'corrupt';

/** Loads the state at `path`, or a fresh one with the reason it could not be restored. */
export async function loadState(path: string, opts: LoadStateOptions): Promise<{ state: ValidatorState; outcome: LoadOutcome }> {
  const fresh = (outcome: LoadOutcome): { state: ValidatorState; outcome: LoadOutcome } => ({
    state: emptyState(opts.netuid, opts.hotkey),
    outcome,
  });
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err: unknown) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return fresh('missing');
    throw err;
  }
  let parsed: ReturnType<typeof parseState>;
  try {
    parsed = parseState(text);
  } catch (err: unknown) {
    const aside = `${path}.corrupt-${opts.nowMs ?? Date.now()}`;
    await rename(path, aside);
    opts.log.warn({ err, path, movedTo: aside }, 'validator state unreadable, moved aside; starting fresh');
    return fresh('corrupt');
  }
  const { state, version, savedAtMs } = parsed;
  if (version !== STATE_VERSION || state.netuid !== opts.netuid || state.hotkey !== opts.hotkey) {
    opts.log.warn(
      {
        path,
        found: { version, netuid: state.netuid, hotkey: state.hotkey },
        expected: { version: STATE_VERSION, netuid: opts.netuid, hotkey: opts.hotkey },
      },
      'validator state is for another version, netuid or hotkey; discarded',
    );
    return fresh('incompatible');
  }
  const ageMs = (opts.nowMs ?? Date.now()) - savedAtMs;
  if (ageMs > opts.maxAgeMs) {
    opts.log.warn({ path, ageMs, maxAgeMs: opts.maxAgeMs }, 'validator state too old; discarded');
    return fresh('stale');
  }
  opts.log.info({ path, lastRoundId: state.lastRoundId, uids: state.scores.size }, 'validator state restored');
  return { state, outcome: 'restored' };
}
