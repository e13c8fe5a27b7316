/**
 * Proof of what each miner answered. A round report carries, per answered miner, the miner's response
 * signature record (`SignedResponseRecord`); the raw bodies go to a sidecar file next to the report
 * (`round-<n>.responses.json`, bodies in base64, each at most `maxBodyBytes`). Whoever holds both can re-check
 * every signature (`verifySignedRecord`, no clock limit), that each stored body is the one signed, that all
 * answers answer the request stored once in the sidecar, and, given the round's batch, recompute each loss.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { decodePredictRequest, decodePredictResponse, sha256Hex, verifySignedRecord, type SignedRecord } from '#protocol';
import { decodeAddress } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import { evaluateAnswer, maxValidLoss } from './evaluate.ts';
import type { AnswerEvidence, MinerTarget, QueryAnswer, RoundBatch, SentRequest } from './ports.ts';
import type { RoundReport } from './report.ts';
import { batchHash } from './seed.ts';

/** A miner's response signature as written in a report (plain JSON; hashes are lower-case hex without 0x). */
export interface SignedResponseRecord {
  /** The miner hotkey that signed (SS58). */
  signedBy: string;
  /** The validator hotkey the answer was signed for (SS58). */
  signedFor: string;
  /** The request's uuid, echoed by the miner: binds the answer to the question. */
  uuid: string;
  timestampMs: number;
  /** sha256 of the response body. */
  bodyHash: string;
  /** 0x-hex sr25519 signature over `${bodyHash}.${uuid}.${timestampMs}.${signedFor}`. */
  signature: string;
  /** sha256 of the request body this answers (the validator's claim; checkable against the sidecar's request). */
  requestBodyHash: string;
}

/** Where the bodies of a round went, written into the report. */
export interface ResponsesSummary {
  /** Sidecar file name, in the report's directory. */
  file: string;
  /** Largest body stored; larger ones are listed in `skipped`. */
  maxBodyBytes: number;
  /** Whether the request body is in the sidecar (false when over `maxBodyBytes`). */
  requestStored: boolean;
  /** Number of response bodies stored. */
  stored: number;
  /** Response bodies left out for size. */
  skipped: Array<{ uid: number; bytes: number }>;
}

/** The sidecar file: the round's request and every stored response body. */
export interface ResponsesSidecar {
  version: 1;
  roundId: number;
  /** The request as sent to every miner; `body` null when over the size limit. */
  request: { bodyHash: string; bytes: number; body: string | null } | null;
  responses: Array<{ uid: number; bodyHash: string; body: string }>;
}

/** Default `maxBodyBytes`: 1 MiB (a batch-1024 MNIST answer is ~41 KB; a batch-64 request ~200 KB). */
export const DEFAULT_MAX_EVIDENCE_BYTES = 1 << 20;

/** The sidecar file name of a round. */
export function sidecarFileName(roundId: number): string {
  return `round-${roundId}.responses.json`;
}

/** The compact report form of an answer's evidence. */
export function signedResponseRecord(e: AnswerEvidence): SignedResponseRecord {
  const r = e.record;
  return { signedBy: r.signedBy, signedFor: r.signedFor, uuid: r.uuid, timestampMs: r.timestampMs, bodyHash: r.bodyHash, signature: r.signature, requestBodyHash: e.request.bodyHash };
}

/** A round's evidence: per-uid records for the report, the summary and the sidecar to write next to it. */
export interface RoundEvidence {
  records: Map<number, SignedResponseRecord>;
  summary: ResponsesSummary;
  sidecar: ResponsesSidecar;
}

const b64 = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');

/** Collects the evidence of every answer that carries one; bodies over `maxBodyBytes` are skipped (and listed). */
export function collectEvidence(roundId: number, targets: readonly MinerTarget[], answers: ReadonlyMap<number, QueryAnswer>, maxBodyBytes = DEFAULT_MAX_EVIDENCE_BYTES): RoundEvidence {
  const records = new Map<number, SignedResponseRecord>();
  const responses: ResponsesSidecar['responses'] = [];
  const skipped: ResponsesSummary['skipped'] = [];
  let request: SentRequest | undefined;
  for (const t of targets) {
    const e = answers.get(t.uid)?.evidence;
    if (e === undefined) continue;
    request ??= e.request;
    records.set(t.uid, signedResponseRecord(e));
    if (e.body.byteLength > maxBodyBytes) skipped.push({ uid: t.uid, bytes: e.body.byteLength });
    else responses.push({ uid: t.uid, bodyHash: e.record.bodyHash, body: b64(e.body) });
  }
  const requestStored = request !== undefined && request.body.byteLength <= maxBodyBytes;
  const sidecar: ResponsesSidecar = {
    version: 1, roundId,
    request: request === undefined ? null : { bodyHash: request.bodyHash, bytes: request.body.byteLength, body: requestStored ? b64(request.body) : null },
    responses,
  };
  return { records, summary: { file: sidecarFileName(roundId), maxBodyBytes, requestStored, stored: responses.length, skipped }, sidecar };
}

/** Reads a sidecar; throws with the path and what is wrong when it is not one. */
export function parseSidecar(text: string, where: string): ResponsesSidecar {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err: unknown) {
    throw new Error(`${where}: expected JSON, found ${err instanceof Error ? err.message : String(err)}`);
  }
  const o = v as Partial<ResponsesSidecar> | null;
  if (typeof o !== 'object' || o === null || o.version !== 1 || !Array.isArray(o.responses) || typeof o.roundId !== 'number') {
    throw new Error(`${where}: expected a responses sidecar { version: 1, roundId, request, responses: [] }`);
  }
  for (const r of o.responses) {
    if (typeof r !== 'object' || r === null || !Number.isInteger(r.uid) || typeof r.bodyHash !== 'string' || typeof r.body !== 'string') {
      throw new Error(`${where}: expected each response as { uid, bodyHash, body (base64) }, found ${JSON.stringify(r).slice(0, 120)}`);
    }
  }
  return o as ResponsesSidecar;
}

/** Loads a report and, when the report names one and it exists, its sidecar (from the report's directory). */
export async function loadReportEvidence(reportPath: string): Promise<{ report: RoundReport; sidecar: ResponsesSidecar | undefined; sidecarPath: string | undefined }> {
  let report: RoundReport;
  try {
    report = JSON.parse(await readFile(reportPath, 'utf8')) as RoundReport;
  } catch (err: unknown) {
    throw new Error(`${reportPath}: expected a round report (JSON), ${err instanceof Error ? err.message : String(err)}`);
  }
  if (typeof report !== 'object' || report === null || !Array.isArray(report.miners)) throw new Error(`${reportPath}: expected a round report with a miners array`);
  const file = report.responses?.file;
  if (file === undefined) return { report, sidecar: undefined, sidecarPath: undefined };
  const sidecarPath = join(dirname(reportPath), file);
  let text: string;
  try {
    text = await readFile(sidecarPath, 'utf8');
  } catch {
    return { report, sidecar: undefined, sidecarPath };
  }
  return { report, sidecar: parseSidecar(text, sidecarPath), sidecarPath };
}

/** The verdict on one miner's line. */
export interface MinerVerdict {
  uid: number;
  hotkey: string;
  /** `ok`: record and body check out; `bad`: something failed (`reasons`); `no-record`: nothing to check. */
  result: 'ok' | 'bad' | 'no-record';
  /** Whether the body was checked (false when it was skipped for size or the line has no record). */
  bodyChecked: boolean;
  /** The recomputed loss, when a batch was given and the body was checked. */
  recomputedLoss?: number;
  reasons: string[];
}

/** The verdict on a whole report. */
export interface ReportVerdict {
  /** True when every record (and the request, when stored) checks out. */
  ok: boolean;
  roundId: number;
  /** Problems not tied to one miner (sidecar missing or for another round, request body altered). */
  problems: string[];
  miners: MinerVerdict[];
}

/** Options of `verifyReportEvidence`. */
export interface VerifyReportOptions {
  /** The round's batch (regenerated from `report.seed`): each loss is recomputed and compared. */
  batch?: RoundBatch;
  /** Loss of an unusable answer; default `maxValidLoss(batch.numClasses)`. */
  worstLoss?: number;
  /** Largest |reported - recomputed| loss accepted; default 1e-9. */
  lossTolerance?: number;
}

function sameKey(a: string, b: string): boolean {
  try {
    return u8aToHex(decodeAddress(a)) === u8aToHex(decodeAddress(b));
  } catch {
    return false;
  }
}

/**
 * Re-checks every signed response of `report` against `sidecar`: the signature over each record, the signer
 * (the miner's hotkey in that line), the recipient (the report's validator), each stored body's hash and,
 * when stored, the request body's hash and batch. Never throws.
 */
export function verifyReportEvidence(report: RoundReport, sidecar: ResponsesSidecar | undefined, opts: VerifyReportOptions = {}): ReportVerdict {
  const problems: string[] = [];
  const bodies = new Map<number, { bodyHash: string; body: string }>();
  let request: Uint8Array | undefined;
  if (report.responses !== undefined && sidecar === undefined) problems.push(`sidecar ${report.responses.file} not found: bodies cannot be checked`);
  if (sidecar !== undefined) {
    if (sidecar.roundId !== report.roundId) problems.push(`sidecar is for round ${sidecar.roundId}, the report is round ${report.roundId}`);
    for (const r of sidecar.responses) bodies.set(r.uid, r);
    if (sidecar.request?.body != null) {
      request = Buffer.from(sidecar.request.body, 'base64');
      const h = sha256Hex(request);
      if (h !== sidecar.request.bodyHash) problems.push(`request body hashes to ${h}, the sidecar says ${sidecar.request.bodyHash}`);
      else {
        try {
          const req = decodePredictRequest(request, { maxElements: 2 ** 24 });
          const bh = batchHash(req.input.data as Float32Array);
          if (req.input.dtype !== 'float32' || bh !== report.batchHash) problems.push(`request input hashes to ${bh}, the report's batchHash is ${report.batchHash}`);
          if (req.roundId !== report.roundId) problems.push(`request is for round ${req.roundId}, the report is round ${report.roundId}`);
        } catch (err: unknown) {
          problems.push(`request body does not decode: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    }
  }
  if (opts.batch !== undefined && batchHash(opts.batch.input.data) !== report.batchHash) {
    problems.push(`the batch given hashes to ${batchHash(opts.batch.input.data)}, the report's batchHash is ${report.batchHash}`);
  }
  const skipped = new Set((report.responses?.skipped ?? []).map((s) => s.uid));
  const miners = report.miners.map((m): MinerVerdict => {
    const rec = m.signedResponse;
    if (rec === undefined || rec === null) return { uid: m.uid, hotkey: m.hotkey, result: 'no-record', bodyChecked: false, reasons: [] };
    const reasons: string[] = [];
    const record: SignedRecord = { bodyHash: rec.bodyHash, uuid: rec.uuid, timestampMs: rec.timestampMs, signedBy: rec.signedBy, signedFor: rec.signedFor, signature: rec.signature };
    const v = verifySignedRecord(record);
    if (!v.ok) reasons.push(`record: ${v.reason}`);
    if (!sameKey(rec.signedBy, m.hotkey)) reasons.push(`record signed by ${rec.signedBy}, the miner's hotkey is ${m.hotkey}`);
    if (report.validatorHotkey !== undefined && !sameKey(rec.signedFor, report.validatorHotkey)) reasons.push(`record signed for ${rec.signedFor}, the report's validator is ${report.validatorHotkey}`);
    if (m.responseHash != null && m.responseHash !== `0x${rec.bodyHash}`) reasons.push(`responseHash ${m.responseHash} differs from the record's body hash 0x${rec.bodyHash}`);
    if (sidecar?.request != null && rec.requestBodyHash !== sidecar.request.bodyHash) reasons.push(`answers request ${rec.requestBodyHash}, the round's request is ${sidecar.request.bodyHash}`);
    let bodyChecked = false;
    let recomputedLoss: number | undefined;
    const stored = bodies.get(m.uid);
    if (stored !== undefined) {
      const body = Buffer.from(stored.body, 'base64');
      const b = verifySignedRecord(record, body);
      bodyChecked = true;
      if (!b.ok && v.ok) reasons.push(`body: ${b.reason}`);
      if (b.ok && opts.batch !== undefined) {
        const re = recompute(body, report, opts.batch, opts.worstLoss ?? maxValidLoss(opts.batch.numClasses));
        recomputedLoss = re.loss;
        const tol = opts.lossTolerance ?? 1e-9;
        if (re.status !== m.status) reasons.push(`recomputed status ${re.status}, the report says ${m.status}`);
        else if (m.loss === null || Math.abs(m.loss - re.loss) > tol) reasons.push(`recomputed loss ${re.loss}, the report says ${m.loss}`);
      }
    } else if (sidecar !== undefined && !skipped.has(m.uid)) {
      reasons.push('body missing from the sidecar');
    }
    return { uid: m.uid, hotkey: m.hotkey, result: reasons.length === 0 ? 'ok' : 'bad', bodyChecked, ...(recomputedLoss !== undefined ? { recomputedLoss } : {}), reasons };
  });
  return { ok: problems.length === 0 && miners.every((m) => m.result !== 'bad'), roundId: report.roundId, problems, miners };
}

/** Status and loss the validator would give `body` on `batch` (the querier's checks, then evaluation). */
function recompute(body: Uint8Array, report: RoundReport, batch: RoundBatch, worstLoss: number): { status: string; loss: number } {
  let answer: QueryAnswer;
  try {
    const v = decodePredictResponse(body, { dtypes: ['float32'], maxRank: 4, maxElements: 2 ** 22 });
    if (v.roundId !== report.roundId || v.competitionId !== report.competitionId) answer = { status: 'error', latencyMs: 0 };
    else answer = { status: 'ok', latencyMs: 0, output: { data: v.output.data as Float32Array, shape: [...v.output.shape] } };
  } catch {
    answer = { status: 'error', latencyMs: 0 };
  }
  const e = evaluateAnswer(0, answer, batch, worstLoss);
  return { status: e.status, loss: e.loss };
}
