/**
 * The verify-report reader refuses malformed reports and sidecars with an error naming the file, so the
 * checker never meets a shape it would crash on (each case was found by `npm run fuzz -- --only validator.report`).
 */
import test from 'ava';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadReportEvidence, verifyReportEvidence } from '../src/evidence.ts';

const CASES: Array<[string, unknown, unknown]> = [
  ['a miner line that is null', { roundId: 1, miners: [null] }, undefined],
  ['a miner line without a uid', { roundId: 1, miners: [{ hotkey: 'x' }] }, undefined],
  [
    'a sidecar request body that is an object',
    { roundId: 1, miners: [], responses: { file: 's.json' } },
    { version: 1, roundId: 1, request: { body: {}, bodyHash: 'x' }, responses: [] },
  ],
  [
    'a skipped list that is a number',
    { roundId: 1, miners: [], responses: { file: 's.json', skipped: 3 } },
    { version: 1, roundId: 1, request: null, responses: [] },
  ],
  ['a sidecar file name that is a number', { roundId: 1, miners: [], responses: { file: 7 } }, undefined],
  ['a signed record that is a string', { roundId: 1, miners: [{ uid: 1, hotkey: 'x', signedResponse: 'yes' }] }, undefined],
];

for (const [name, report, sidecar] of CASES) {
  test(`verify-report reader: ${name} is refused naming the file, and nothing throws a TypeError`, async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'arena-report-reader-'));
    t.teardown(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'round-1.json');
    writeFileSync(path, JSON.stringify(report));
    if (sidecar !== undefined) writeFileSync(join(dir, 's.json'), JSON.stringify(sidecar));
    const err = await t.throwsAsync(async () => {
      const loaded = await loadReportEvidence(path);
      verifyReportEvidence(loaded.report, loaded.sidecar);
    });
    t.false(err instanceof TypeError, `a TypeError escaped: ${err?.message}`);
    t.regex(err!.message, /round-1\.json|s\.json/);
  });
}

test('verify-report reader: a well-formed report without a sidecar still loads', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'arena-report-reader-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'round-1.json');
  writeFileSync(path, JSON.stringify({ roundId: 1, miners: [{ uid: 1, hotkey: 'x', signedResponse: null }] }));
  const loaded = await loadReportEvidence(path);
  t.is(verifyReportEvidence(loaded.report, loaded.sidecar).miners[0]!.result, 'no-record');
});
