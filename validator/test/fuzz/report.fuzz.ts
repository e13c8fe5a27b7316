/**
 * Fuzz surface of the verify-report reader: a round report and its responses sidecar, mutated field by
 * field (any value, removed, unknown keys, at any depth) or replaced by random text, read with
 * loadReportEvidence and checked with verifyReportEvidence. The reader returns or throws an Error naming
 * the file; the checker never throws (it is documented to return a verdict for anything it is given).
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodePredictRequest, encodePredictResponse, sha256Hex } from '#protocol';
import { loadReportEvidence, verifyReportEvidence } from '../../src/evidence.ts';
import { batchHash } from '../../src/seed.ts';
import { applyEdit, editArb, type Json } from '../../../test/fuzz/json-mutate.ts';
import { checkProperty, Tally, type FuzzSurface } from '../../../test/fuzz/surface.ts';

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';

/** A structurally complete report and sidecar (signatures are not valid: the property is about reading). */
function sample(): {
  report: Json;
  sidecar: Json;
  batch: { input: { data: Float32Array; shape: number[] }; labels: Int32Array; numClasses: number };
} {
  const input = new Float32Array(2 * 784).fill(0.25);
  const request = encodePredictRequest({ competitionId: 'mnist', roundId: 5, input: { dtype: 'float32', shape: [2, 784], data: input } });
  const response = encodePredictResponse({
    competitionId: 'mnist',
    roundId: 5,
    output: { dtype: 'float32', shape: [2, 10], data: new Float32Array(20).fill(0.1) },
    checkpointHash: '',
    trainingStep: 1,
    computeMicros: 1,
  });
  const rh = sha256Hex(request);
  const bh = sha256Hex(response);
  const record = {
    signedBy: BOB,
    signedFor: ALICE,
    uuid: '6f1c1f0e-8b1d-4d57-9d43-2f1f7e0c9a11',
    timestampMs: 1_700_000_000_000,
    bodyHash: bh,
    signature: `0x${'11'.repeat(64)}`,
    requestBodyHash: rh,
    request: {
      signedBy: ALICE,
      signedFor: BOB,
      uuid: '6f1c1f0e-8b1d-4d57-9d43-2f1f7e0c9a11',
      timestampMs: 1_700_000_000_000,
      bodyHash: rh,
      signature: `0x${'22'.repeat(64)}`,
    },
  };
  const miner = {
    uid: 1,
    hotkey: BOB,
    status: 'ok',
    loss: 2.3,
    accuracy: 0.1,
    latencyMs: 3,
    emaLoss: 2.3,
    availability: 1,
    rank: 1,
    prize: 1,
    copyOf: null,
    cluster: null,
    copyFinding: null,
    responseHash: `0x${bh}`,
    detail: null,
    signedResponse: record,
  };
  const report = {
    roundId: 5,
    netuid: 1,
    competitionId: 'mnist',
    validatorHotkey: ALICE,
    validatorUid: 0,
    block: 100,
    blockHash: `0x${'ab'.repeat(32)}`,
    seedBlock: 99,
    seed: `0x${'cd'.repeat(32)}`,
    period: null,
    batchHash: batchHash(input),
    batchSize: 2,
    startedAt: '2026-01-01T00:00:00.000Z',
    timings: { chainMs: 1, dataMs: 1, queryMs: 1, scoringMs: 1, totalMs: 4 },
    miners: [miner, { ...miner, uid: 2, signedResponse: null }],
    responses: { file: 'round-5.responses.json', maxBodyBytes: 1 << 20, requestStored: true, stored: 1, skipped: [] },
  };
  const sidecar = {
    version: 1,
    roundId: 5,
    request: { bodyHash: rh, bytes: request.length, body: request.toString('base64') },
    responses: [{ uid: 1, bodyHash: bh, body: response.toString('base64') }],
  };
  return {
    report: report as unknown as Json,
    sidecar: sidecar as unknown as Json,
    batch: { input: { data: input, shape: [2, 784] }, labels: Int32Array.from([1, 2]), numClasses: 10 },
  };
}

const reportSurface: FuzzSurface = {
  name: 'validator.report',
  run: async (o) => {
    const started = Date.now();
    const s = sample();
    const dir = mkdtempSync(join(tmpdir(), 'arena-fuzz-report-'));
    const tally = new Tally();
    const doc = (base: Json): fc.Arbitrary<string | null> =>
      fc.oneof(
        { weight: 6, arbitrary: fc.array(editArb, { maxLength: 4 }).map((es) => JSON.stringify(es.reduce(applyEdit, base))) },
        { weight: 1, arbitrary: fc.string({ maxLength: 100 }) },
        {
          weight: 1,
          arbitrary: fc.tuple(fc.nat(), fc.string({ maxLength: 3 })).map(([at, x]) => {
            const t = JSON.stringify(base);
            const i = at % t.length;
            return t.slice(0, i) + x + t.slice(i + 1);
          }),
        },
        { weight: 1, arbitrary: fc.constant(null) },
      );
    try {
      await checkProperty(
        'validator.report',
        fc.asyncProperty(doc(s.report), doc(s.sidecar), fc.boolean(), async (reportText, sidecarText, withBatch) => {
          const path = join(dir, 'round-5.json');
          const side = join(dir, 'round-5.responses.json');
          writeFileSync(path, reportText ?? JSON.stringify(s.report));
          if (sidecarText === null) rmSync(side, { force: true });
          else writeFileSync(side, sidecarText);
          let loaded: Awaited<ReturnType<typeof loadReportEvidence>>;
          try {
            loaded = await loadReportEvidence(path);
          } catch (err: unknown) {
            if (err instanceof Error && (err.message.includes(path) || err.message.includes(side))) {
              tally.add('load refused');
              return;
            }
            throw new Error(
              `loadReportEvidence threw without naming the file: ${err instanceof Error ? `${err.constructor.name}: ${err.message}` : String(err)}`,
            );
          }
          try {
            const v = verifyReportEvidence(loaded.report, loaded.sidecar, withBatch ? { batch: s.batch as never } : {});
            tally.add(v.ok ? 'verdict ok' : 'verdict bad');
          } catch (err: unknown) {
            throw new Error(`verifyReportEvidence threw ${err instanceof Error ? `${err.constructor.name}: ${err.message}` : String(err)}`);
          }
        }),
        o,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return { surface: 'validator.report', runs: o.numRuns, seed: o.seed, ms: Date.now() - started, outcomes: tally.counts };
  },
};

export const surfaces: FuzzSurface[] = [reportSurface];
