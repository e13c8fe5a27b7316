/**
 * Proof of what each miner was asked and answered. A round report carries, per answered miner, the miner's
 * response signature record (`SignedResponseRecord`), which signs the hash of the request it answers, and the
 * validator's own signature of that request for that miner; the raw bodies go to a sidecar file next to the
 * report (`round-<n>.responses.json`, bodies in base64, each at most `maxBodyBytes`). Whoever holds both can
 * re-check every signature (`verifySignedRecord`, no clock limit), that each stored body is the one signed,
 * that every answer answers the request stored once in the sidecar, and, given the round's batch, that the
 * stored request asked exactly that batch and what each answer scores on it.
 */
import { readFile } from 'node:fs/promises';
import { errorMessage } from '#core';
import { dirname, join } from 'node:path';
import {
  decodePredictRequest,
  decodePredictResponse,
  encodePredictRequest,
  sha256Hex,
  verifySignedRecord,
  type SignedRecord,
} from '#protocol';
import { decodeAddress } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import { evaluateAnswer, maxValidLoss } from './evaluate.ts';
import type { AnswerEvidence, MinerTarget, QueryAnswer, RoundBatch, SentRequest } from './ports.ts';
import type { MinerReport, RoundReport } from './report.ts';
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
  /** 0x-hex sr25519 signature over `${bodyHash}.${uuid}.${timestampMs}.${signedFor}.${requestBodyHash}`. */
  signature: string;
  /** sha256 of the request body this answers; covered by the miner's signature (epistula 3). */
  requestBodyHash: string;
  /**
   * The validator's own signature of that request for this miner (signedFor = the miner, same uuid).
   * Absent in reports written before answers were bound to questions: such a line is unverifiable.
   */
  request?: SignedRequestRecord;
}

/** A validator's request signature as written in a report (hashes lower-case hex without 0x). */
export interface SignedRequestRecord {
  /** The validator hotkey that signed (SS58). */
  signedBy: string;
  /** The miner hotkey the request was signed for (SS58). */
  signedFor: string;
  uuid: string;
  timestampMs: number;
  /** sha256 of the request body (the sidecar's request). */
  bodyHash: string;
  /** 0x-hex signature over `${bodyHash}.${uuid}.${timestampMs}.${signedFor}`. */
  signature: string;
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
  const q = e.requestRecord;
  return {
    signedBy: r.signedBy,
    signedFor: r.signedFor,
    uuid: r.uuid,
    timestampMs: r.timestampMs,
    bodyHash: r.bodyHash,
    signature: r.signature,
    requestBodyHash: r.requestBodyHash ?? e.request.bodyHash,
    request: {
      signedBy: q.signedBy,
      signedFor: q.signedFor,
      uuid: q.uuid,
      timestampMs: q.timestampMs,
      bodyHash: q.bodyHash,
      signature: q.signature,
    },
  };
}

/** A round's evidence: per-uid records for the report, the summary and the sidecar to write next to it. */
export interface RoundEvidence {
  records: Map<number, SignedResponseRecord>;
  summary: ResponsesSummary;
  sidecar: ResponsesSidecar;
}

const b64 = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');

/** Collects the evidence of every answer that carries one; bodies over `maxBodyBytes` are skipped (and listed). */
export function collectEvidence(
  roundId: number,
  targets: readonly MinerTarget[],
  answers: ReadonlyMap<number, QueryAnswer>,
  maxBodyBytes = DEFAULT_MAX_EVIDENCE_BYTES,
): RoundEvidence {
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
    version: 1,
    roundId,
    request:
      request === undefined
        ? null
        : { bodyHash: request.bodyHash, bytes: request.body.byteLength, body: requestStored ? b64(request.body) : null },
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
    throw new Error(`${where}: expected JSON, found ${errorMessage(err)}`);
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
  const req = o.request as unknown;
  if (
    req !== undefined &&
    req !== null &&
    (typeof req !== 'object' ||
      typeof (req as { bodyHash?: unknown }).bodyHash !== 'string' ||
      !isNullableString((req as { body?: unknown }).body))
  ) {
    throw new Error(
      `${where}: expected request as null or { bodyHash, bytes, body (base64 or null) }, found ${JSON.stringify(req).slice(0, 120)}`,
    );
  }
  return o as ResponsesSidecar;
}

const isNullableString = (v: unknown): boolean => v === undefined || v === null || typeof v === 'string';

/**
 * The parts of a report the checker reads, checked before it reads them (a hand-edited or hostile file
 * must get an error naming it, not a TypeError from deep inside the checker).
 */
function checkReportShape(report: RoundReport, where: string): void {
  for (const m of report.miners as unknown[]) {
    const line = m as Partial<MinerReport> | null;
    if (typeof line !== 'object' || line === null || !Number.isInteger(line.uid) || typeof line.hotkey !== 'string') {
      throw new Error(`${where}: expected each miner line as { uid, hotkey, ... }, found ${JSON.stringify(m)?.slice(0, 120)}`);
    }
    const rec = line.signedResponse as unknown;
    if (rec !== undefined && rec !== null && typeof rec !== 'object')
      throw new Error(
        `${where}: uid ${line.uid}: expected signedResponse as an object or null, found ${JSON.stringify(rec).slice(0, 120)}`,
      );
  }
  const r = report.responses as unknown;
  if (r === undefined || r === null) return;
  const { file, skipped } = r as { file?: unknown; skipped?: unknown };
  if (typeof r !== 'object' || typeof file !== 'string' || (skipped !== undefined && skipped !== null && !Array.isArray(skipped))) {
    throw new Error(`${where}: expected responses as { file (name), skipped: [] }, found ${JSON.stringify(r).slice(0, 120)}`);
  }
}

/** Loads a report and, when the report names one and it exists, its sidecar (from the report's directory). */
export async function loadReportEvidence(
  reportPath: string,
): Promise<{ report: RoundReport; sidecar: ResponsesSidecar | undefined; sidecarPath: string | undefined }> {
  let report: RoundReport;
  try {
    report = JSON.parse(await readFile(reportPath, 'utf8')) as RoundReport;
  } catch (err: unknown) {
    throw new Error(`${reportPath}: expected a round report (JSON), ${errorMessage(err)}`);
  }
  if (typeof report !== 'object' || report === null || !Array.isArray(report.miners))
    throw new Error(`${reportPath}: expected a round report with a miners array`);
  checkReportShape(report, reportPath);
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
  /**
   * `ok`: the request, the answer and (when stored) both bodies check out; `bad`: something failed (`reasons`);
   * `unverifiable`: nothing failed but the line cannot be proven (no signed request: a report written before
   * answers were bound to questions; or a recompute without the stored request body); `no-record`: nothing to check.
   */
  result: 'ok' | 'bad' | 'unverifiable' | 'no-record';
  /** Whether the body was checked (false when it was skipped for size or the line has no record). */
  bodyChecked: boolean;
  /** The recomputed loss, when a batch was given and the body and the request were checked. */
  recomputedLoss?: number;
  reasons: string[];
}

/** The verdict on a whole report. */
export interface ReportVerdict {
  /** True when every record (and the request, when stored) checks out and no line is unverifiable. */
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

/** What every line is checked against: the report's validator, the sidecar's bodies and request, the batch. */
interface LineContext {
  report: RoundReport;
  sidecar: ResponsesSidecar | undefined;
  bodies: Map<number, { bodyHash: string; body: string }>;
  skipped: Set<number>;
  /**
   * With a batch: hashes of request bodies proven to ask exactly that batch (the stored request when its input
   * is the batch, and the batch re-encoded as the validator encodes it); answers to these are recomputed.
   */
  asked: Set<string>;
  opts: VerifyReportOptions;
}

/**
 * Re-checks every signed answer of `report` against `sidecar`: per line, the validator's request signature
 * (signed by the report's validator, for that miner), the miner's response signature (signed by that miner,
 * for the validator, same uuid, over the hash of that very request), each stored body's hash and, when stored,
 * the request body's hash, round and batch. With `opts.batch`, also that the stored request asked exactly
 * that batch, and each answer's status and loss on it. Never throws.
 */
export function verifyReportEvidence(
  report: RoundReport,
  sidecar: ResponsesSidecar | undefined,
  opts: VerifyReportOptions = {},
): ReportVerdict {
  const problems: string[] = [];
  const request = sidecar === undefined ? undefined : checkSidecarRequest(report, sidecar, opts, problems);
  if (report.responses !== undefined && sidecar === undefined)
    problems.push(`sidecar ${report.responses.file} not found: bodies cannot be checked`);
  if (sidecar !== undefined && sidecar.roundId !== report.roundId)
    problems.push(`sidecar is for round ${sidecar.roundId}, the report is round ${report.roundId}`);
  if (opts.batch !== undefined && batchHash(opts.batch.input.data) !== report.batchHash) {
    problems.push(`the batch given hashes to ${batchHash(opts.batch.input.data)}, the report's batchHash is ${report.batchHash}`);
  }
  const ctx: LineContext = {
    report,
    sidecar,
    opts,
    asked: askedHashes(report, request, opts.batch),
    bodies: new Map((sidecar?.responses ?? []).map((r) => [r.uid, r])),
    skipped: new Set((report.responses?.skipped ?? []).map((s) => s.uid)),
  };
  const miners = report.miners.map((m) => verifyLine(m, ctx));
  const ok = problems.length === 0 && miners.every((m) => m.result === 'ok' || m.result === 'no-record');
  return { ok, roundId: report.roundId, problems, miners };
}

/** Checks the sidecar's request body (hash, decoding, round, batch); returns it when intact. */
function checkSidecarRequest(
  report: RoundReport,
  sidecar: ResponsesSidecar,
  opts: VerifyReportOptions,
  problems: string[],
): Uint8Array | undefined {
  if (sidecar.request?.body == null) return undefined;
  const body = Buffer.from(sidecar.request.body, 'base64');
  const h = sha256Hex(body);
  if (h !== sidecar.request.bodyHash) {
    problems.push(`request body hashes to ${h}, the sidecar says ${sidecar.request.bodyHash}`);
    return undefined;
  }
  try {
    const req = decodePredictRequest(body, { maxElements: 2 ** 24 });
    const input = req.input.data as Float32Array;
    const bh = batchHash(input);
    if (req.input.dtype !== 'float32' || bh !== report.batchHash)
      problems.push(`request input hashes to ${bh}, the report's batchHash is ${report.batchHash}`);
    if (req.roundId !== report.roundId) problems.push(`request is for round ${req.roundId}, the report is round ${report.roundId}`);
    if (opts.batch !== undefined && !sameFloats(input, opts.batch.input.data))
      problems.push('the stored request asked other inputs than the batch given');
  } catch (err: unknown) {
    problems.push(`request body does not decode: ${errorMessage(err)}`);
    return undefined;
  }
  return body;
}

/** Hashes of request bodies that ask exactly `batch` in this round (empty without a batch). */
function askedHashes(report: RoundReport, stored: Uint8Array | undefined, batch: RoundBatch | undefined): Set<string> {
  const asked = new Set<string>();
  if (batch === undefined) return asked;
  // The request is deterministic: the same encoding the querier sends, so a request too large to store is re-derived.
  try {
    asked.add(
      sha256Hex(
        encodePredictRequest({
          competitionId: report.competitionId,
          roundId: report.roundId,
          input: { dtype: 'float32', shape: batch.input.shape, data: batch.input.data },
        }),
      ),
    );
  } catch {
    // A batch that does not encode asks nothing; its answers stay unverifiable.
  }
  if (stored !== undefined) {
    try {
      const req = decodePredictRequest(stored, { maxElements: 2 ** 24 });
      if (req.roundId === report.roundId && req.input.dtype === 'float32' && sameFloats(req.input.data as Float32Array, batch.input.data))
        asked.add(sha256Hex(stored));
    } catch {
      // Reported as a problem by checkSidecarRequest.
    }
  }
  return asked;
}

function sameFloats(a: Float32Array, b: Float32Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

/** One miner's line: signatures, binding, body, recomputed loss. */
function verifyLine(m: RoundReport['miners'][number], ctx: LineContext): MinerVerdict {
  const rec = m.signedResponse;
  if (rec === undefined || rec === null) return { uid: m.uid, hotkey: m.hotkey, result: 'no-record', bodyChecked: false, reasons: [] };
  if (rec.request === undefined || typeof rec.requestBodyHash !== 'string') {
    const why =
      'unverifiable: the record carries no signed request (written before answers were bound to their questions), so which question it answers cannot be proven';
    return { uid: m.uid, hotkey: m.hotkey, result: 'unverifiable', bodyChecked: false, reasons: [why] };
  }
  const reasons: string[] = [];
  const unverifiable: string[] = [];
  const record: SignedRecord = {
    bodyHash: rec.bodyHash,
    uuid: rec.uuid,
    timestampMs: rec.timestampMs,
    signedBy: rec.signedBy,
    signedFor: rec.signedFor,
    signature: rec.signature,
    requestBodyHash: rec.requestBodyHash,
  };
  const recordOk = checkResponseRecord(m, record, ctx, reasons);
  checkRequestRecord(m, rec, ctx, reasons);
  let bodyChecked = false;
  let recomputedLoss: number | undefined;
  const stored = ctx.bodies.get(m.uid);
  if (stored !== undefined) {
    const body = Buffer.from(stored.body, 'base64');
    const b = verifySignedRecord(record, body);
    bodyChecked = true;
    if (!b.ok && recordOk) reasons.push(`body: ${b.reason}`);
    if (b.ok && ctx.opts.batch !== undefined) {
      if (ctx.asked.has(record.requestBodyHash!)) recomputedLoss = compareLoss(m, body, ctx.report, ctx.opts, reasons);
      else
        unverifiable.push(
          `unverifiable: the answer's request ${record.requestBodyHash} is neither the stored request nor the batch given, so its loss cannot be recomputed`,
        );
    }
  } else if (ctx.sidecar !== undefined && !ctx.skipped.has(m.uid)) {
    reasons.push('body missing from the sidecar');
  }
  const result = reasons.length > 0 ? 'bad' : unverifiable.length > 0 ? 'unverifiable' : 'ok';
  return {
    uid: m.uid,
    hotkey: m.hotkey,
    result,
    bodyChecked,
    ...(recomputedLoss !== undefined ? { recomputedLoss } : {}),
    reasons: [...reasons, ...unverifiable],
  };
}

/** The miner's signature, signer, recipient, response hash and the request it names; true when the signature holds. */
function checkResponseRecord(m: RoundReport['miners'][number], record: SignedRecord, ctx: LineContext, reasons: string[]): boolean {
  const v = verifySignedRecord(record);
  if (!v.ok) reasons.push(`record: ${v.reason}`);
  if (!sameKey(record.signedBy, m.hotkey)) reasons.push(`record signed by ${record.signedBy}, the miner's hotkey is ${m.hotkey}`);
  const validator = ctx.report.validatorHotkey;
  if (validator === undefined) reasons.push('the report names no validatorHotkey: whom the answers were signed for cannot be checked');
  else if (!sameKey(record.signedFor, validator))
    reasons.push(`record signed for ${record.signedFor}, the report's validator is ${validator}`);
  if (m.responseHash != null && m.responseHash !== `0x${record.bodyHash}`)
    reasons.push(`responseHash ${m.responseHash} differs from the record's body hash 0x${record.bodyHash}`);
  const sent = ctx.sidecar?.request;
  if (sent != null && record.requestBodyHash !== sent.bodyHash)
    reasons.push(`answers request ${record.requestBodyHash}, the round's request is ${sent.bodyHash}`);
  return v.ok;
}

/** The validator's request signature: valid, by the report's validator, for this miner, same uuid and request. */
function checkRequestRecord(m: RoundReport['miners'][number], rec: SignedResponseRecord, ctx: LineContext, reasons: string[]): void {
  const q = rec.request!;
  const v = verifySignedRecord({
    bodyHash: q.bodyHash,
    uuid: q.uuid,
    timestampMs: q.timestampMs,
    signedBy: q.signedBy,
    signedFor: q.signedFor,
    signature: q.signature,
  });
  if (!v.ok) reasons.push(`request record: ${v.reason}`);
  const validator = ctx.report.validatorHotkey;
  if (validator !== undefined && !sameKey(q.signedBy, validator))
    reasons.push(`request signed by ${q.signedBy}, the report's validator is ${validator}`);
  if (!sameKey(q.signedFor, m.hotkey)) reasons.push(`request signed for ${q.signedFor}, the miner's hotkey is ${m.hotkey}`);
  if (q.uuid !== rec.uuid) reasons.push(`request uuid ${q.uuid} differs from the answer's ${rec.uuid}`);
  if (q.bodyHash !== rec.requestBodyHash)
    reasons.push(`request body hash ${q.bodyHash} differs from the one the answer signs, ${rec.requestBodyHash}`);
}

/** Recomputes the line's status and loss; pushes a reason when they differ from the report's. */
function compareLoss(
  m: RoundReport['miners'][number],
  body: Uint8Array,
  report: RoundReport,
  opts: VerifyReportOptions,
  reasons: string[],
): number {
  const batch = opts.batch!;
  const re = recompute(body, report, batch, opts.worstLoss ?? maxValidLoss(batch.numClasses));
  const tol = opts.lossTolerance ?? 1e-9;
  if (re.status !== m.status) reasons.push(`recomputed status ${re.status}, the report says ${m.status}`);
  else if (m.loss === null || Math.abs(m.loss - re.loss) > tol) reasons.push(`recomputed loss ${re.loss}, the report says ${m.loss}`);
  return re.loss;
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
