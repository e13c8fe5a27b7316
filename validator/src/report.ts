/**
 * Per-round reports: what each miner answered and earned, written as JSON files
 * (`<dataDir>/reports/round-<n>.json`, the last N kept) and served over HTTP as the latest report.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { CopyFinding } from './copy-detect.ts';
import type { EvalStatus } from './evaluate.ts';
import { sidecarFileName, type ResponsesSidecar, type ResponsesSummary, type SignedResponseRecord } from './evidence.ts';
import { writeFileAtomic } from './state.ts';

/** One miner's line in a round report. */
export interface MinerReport {
  uid: number;
  hotkey: string;
  /** How this round's answer was judged, or `not-queried` (not serving this round). */
  status: EvalStatus | 'not-queried';
  loss: number | null;
  accuracy: number | null;
  latencyMs: number | null;
  emaLoss: number | null;
  availability: number | null;
  /** 1-based rank, null when not ranked (ineligible or a copy). */
  rank: number | null;
  prize: number;
  /** The uid this one is flagged as copying. */
  copyOf: number | null;
  /**
   * Members of the cluster this uid shares one prize slot with (persistently the same answers, no
   * telling who copied), null when none. Absent in reports written before clusters existed.
   */
  cluster?: number[] | null;
  /** Why this uid is a copy or cluster member: reason, correlation, kappa, direction counts. */
  copyFinding?: CopyFinding | null;
  responseHash: string | null;
  detail: string | null;
  /**
   * The miner's signature over its answer (present whenever a signed answer arrived, whatever it scored);
   * null when nothing signed arrived. Absent in reports written before it existed.
   */
  signedResponse?: SignedResponseRecord | null;
}

/** Wall-clock split of a round, ms. */
export interface RoundTimings {
  chainMs: number;
  dataMs: number;
  queryMs: number;
  scoringMs: number;
  totalMs: number;
}

/** Everything about one round. */
export interface RoundReport {
  roundId: number;
  netuid: number;
  competitionId: string;
  /**
   * The validator that scored this round: its hotkey (SS58) and uid (null when not registered).
   * Always written by `runRound`; optional in the type because reports written before these
   * fields existed (on disk, or from older validators) lack them.
   */
  validatorHotkey?: string;
  validatorUid?: number | null;
  block: number;
  blockHash: string;
  seedBlock: number;
  seed: string;
  /** The competition period whose secret seeded this round (null: seeded by the block hash); absent in older reports. */
  period?: number | null;
  batchHash: string;
  batchSize: number;
  startedAt: string;
  timings: RoundTimings;
  /** uids whose score was reset this round (hotkey changed or deregistered). */
  resetUids: number[];
  miners: MinerReport[];
  /** Where the round's raw request and response bodies are (the sidecar next to this report); absent in older reports. */
  responses?: ResponsesSummary;
}

/** The report file name of a round. */
export function reportFileName(roundId: number): string {
  return `round-${roundId}.json`;
}

/**
 * Writes the report into `dir` atomically (after its responses sidecar, when given) and deletes all but the
 * newest `keep` reports and their sidecars.
 */
export async function writeReport(dir: string, report: RoundReport, keep: number, sidecar?: ResponsesSidecar): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, reportFileName(report.roundId));
  if (sidecar !== undefined)
    await writeFileAtomic(join(dir, report.responses?.file ?? sidecarFileName(report.roundId)), `${JSON.stringify(sidecar)}\n`);
  await writeFileAtomic(path, `${JSON.stringify(report, null, 2)}\n`);
  const files = await readdir(dir);
  const rounds = files
    .map((f) => /^round-(\d+)\.json$/.exec(f)?.[1])
    .filter((x): x is string => x !== undefined)
    .map(Number)
    .sort((a, b) => b - a);
  const dropped = new Set(rounds.slice(keep));
  const oldest = rounds.slice(0, keep).at(-1) ?? report.roundId;
  // Sidecars go with their report; one whose report is gone (e.g. a crash between the two writes) goes once older than every kept report.
  const sidecars = files
    .map((f) => /^round-(\d+)\.responses\.json$/.exec(f)?.[1])
    .filter((x): x is string => x !== undefined)
    .map(Number)
    .filter((r) => dropped.has(r) || r < oldest);
  await Promise.all([
    ...[...dropped].map((r) => unlink(join(dir, reportFileName(r)))),
    ...sidecars.map((r) => unlink(join(dir, sidecarFileName(r))).catch(() => undefined)),
  ]);
  return path;
}

/**
 * An HTTP handler serving the latest report as JSON (200), 404 before the first round, 405 for
 * anything but GET/HEAD. The daemon mounts it (e.g. at `/report`) next to `/metrics`.
 */
export function createReportHandler<R = RoundReport>(getLatest: () => R | undefined): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res
        .writeHead(405, { allow: 'GET, HEAD', 'content-type': 'application/json' })
        .end(JSON.stringify({ error: `expected GET or HEAD, found ${req.method}` }));
      return;
    }
    const report = getLatest();
    const body = report === undefined ? JSON.stringify({ error: 'no round has completed yet' }) : JSON.stringify(report);
    res.writeHead(report === undefined ? 404 : 200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
