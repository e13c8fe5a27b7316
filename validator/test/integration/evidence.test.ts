/**
 * Proof of answers over real tiny gRPC miners: one round writes each answered miner's signed response record
 * into the report and the raw bodies into the sidecar; `verifyReportEvidence` (and `arena validator
 * verify-report`) re-check them from the files alone, recompute the losses, and fail with a clear reason on a
 * tampered body or record.
 */
import test, { type ExecutionContext } from 'ava';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBuiltinCompetition } from '#training';
import { GrpcMinerQuerier } from '../../src/adapters/querier.ts';
import { dataSourceFor } from '../../src/adapters/data-source.ts';
import { parseScoringConfig } from '../../src/config.ts';
import { loadReportEvidence, signedResponseRecord, verifyReportEvidence, type ResponsesSidecar } from '../../src/evidence.ts';
import { evaluateAnswer, maxValidLoss } from '../../src/evaluate.ts';
import { batchHash } from '../../src/seed.ts';
import { ValidatorLoop } from '../../src/lifecycle.ts';
import type { RoundReport } from '../../src/report.ts';
import { FakeChain, FakeWeightSetter, neuron } from '../_helpers/fakes.ts';
import { spawnMiner } from '../_helpers/miner-process.ts';
import { writeClassMeans, type TinyMinerOptions } from '../_helpers/tiny-miner.ts';
import { runArena as runArenaProcess, type ArenaRun } from '../../../test/_helpers/arena.ts';

const competition = loadBuiltinCompetition('mnist');
// The competition's own data source, as `verify-report --recompute` builds it (generated digits for mnist).
const data = dataSourceFor(competition);

/** `arena` as a process, 30 s at most. */
function runArena(args: string[]): Promise<ArenaRun> {
  return runArenaProcess(args, { timeoutMs: 30_000 });
}

/** One round over a good, a uniform, a wrong-shape and a dead miner; returns the reports directory. */
async function round(
  t: ExecutionContext,
  cfg: Record<string, unknown> = {},
): Promise<{ dir: string; report: RoundReport; sidecar: ResponsesSidecar; chain: FakeChain }> {
  await cryptoWaitReady();
  const tmp = await mkdtemp(join(tmpdir(), 'arena-evidence-'));
  t.teardown(() => rm(tmp, { recursive: true, force: true }));
  const meansFile = join(tmp, 'means.f32');
  writeClassMeans(meansFile);
  const miners: TinyMinerOptions[] = [
    { hotkeyUri: '//e-good', behaviour: 'good' },
    { hotkeyUri: '//e-uniform', behaviour: 'uniform' },
    { hotkeyUri: '//e-shape', behaviour: 'wrong-shape' },
    { hotkeyUri: '//e-die', behaviour: 'die', dieAfter: 0 },
  ];
  const procs = await Promise.all(miners.map((m) => spawnMiner(t, { ...m, meansFile })));
  const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
  const chain = new FakeChain();
  chain.ownHotkey = alice.address;
  chain.neurons = [
    neuron(0, { hotkey: alice.address, validatorPermit: true, stake: 10n ** 12n, host: '', port: 0 }),
    ...procs.map((p, i) => neuron(i + 1, { hotkey: p.hotkey, host: '127.0.0.1', port: p.port, registrationBlock: 10 + i })),
  ];
  chain.block = 100;
  const querier = new GrpcMinerQuerier({ signer: alice, competitionId: competition.id });
  t.teardown(() => querier.close());
  const dataDir = join(tmp, 'data');
  const config = parseScoringConfig({ batchSize: 64, roundLengthBlocks: 5, queryDeadlineMs: 3000, ...cfg });
  const loop = new ValidatorLoop({ chain, querier, data, weights: new FakeWeightSetter(chain) }, { config, dataDir });
  await loop.iterate();
  const dir = join(dataDir, 'reports');
  const { report, sidecar } = await loadReportEvidence(join(dir, 'round-20.json'));
  t.truthy(sidecar, 'the sidecar is found next to the report');
  return { dir, report, sidecar: sidecar!, chain };
}

test.serial(
  'a round writes signed records + sidecar; both verify from the files and the losses recompute; tampering fails clearly; the CLI exits 0/1',
  async (t) => {
    const { dir, report, sidecar } = await round(t);
    t.deepEqual((await readdir(dir)).sort(), ['round-20.json', 'round-20.responses.json']);
    const by = new Map(report.miners.map((m) => [m.uid, m]));
    // Signed answers (ok or judged unusable) carry a record; a dead miner has none.
    for (const uid of [1, 2, 3]) {
      const rec = by.get(uid)!.signedResponse;
      t.truthy(rec, `uid ${uid} has a signed record`);
      t.deepEqual(`0x${rec!.bodyHash}`, by.get(uid)!.responseHash);
      t.deepEqual(rec!.signedFor, report.validatorHotkey);
      t.is(rec!.requestBodyHash, sidecar.request!.bodyHash);
      // The validator's own request signature for this miner, same uuid and request body.
      t.like(rec!.request, {
        signedBy: report.validatorHotkey,
        signedFor: by.get(uid)!.hotkey,
        uuid: rec!.uuid,
        bodyHash: sidecar.request!.bodyHash,
      });
    }
    t.is(by.get(3)!.status, 'wrong-shape');
    t.is(by.get(4)!.signedResponse, null, 'the dead miner answered nothing');
    t.deepEqual(report.responses, { file: 'round-20.responses.json', maxBodyBytes: 1 << 20, requestStored: true, stored: 3, skipped: [] });
    t.deepEqual(
      sidecar.responses.map((r) => r.uid),
      [1, 2, 3],
    );

    // A third party: the files alone, plus the batch regenerated from the report's seed.
    const batch = data.sampleRoundBatch(report.seed, report.batchSize);
    const v = verifyReportEvidence(report, sidecar, { batch });
    t.true(v.ok, JSON.stringify(v, null, 1));
    t.deepEqual(
      v.miners.map((m) => [m.uid, m.result, m.bodyChecked]),
      [
        [1, 'ok', true],
        [2, 'ok', true],
        [3, 'ok', true],
        [4, 'no-record', false],
      ],
    );
    t.true(Math.abs(v.miners[0]!.recomputedLoss! - by.get(1)!.loss!) < 1e-9);

    // Tampered body: one byte of uid 2's answer flipped.
    const body = Buffer.from(sidecar.responses[1]!.body, 'base64');
    body[body.length - 1]! ^= 1;
    const badBody: ResponsesSidecar = {
      ...sidecar,
      responses: sidecar.responses.map((r) => (r.uid === 2 ? { ...r, body: body.toString('base64') } : r)),
    };
    const vb = verifyReportEvidence(report, badBody);
    t.false(vb.ok);
    t.deepEqual(
      vb.miners.filter((m) => m.result === 'bad').map((m) => m.uid),
      [2],
    );
    t.regex(vb.miners[1]!.reasons.join('; '), /^body: body hashes to [0-9a-f]{64}, the record says [0-9a-f]{64}$/);

    // Tampered record: the reported timestamp moved by 1 ms (the signature no longer matches).
    const badRecord: RoundReport = {
      ...report,
      miners: report.miners.map((m) =>
        m.uid === 1 ? { ...m, signedResponse: { ...m.signedResponse!, timestampMs: m.signedResponse!.timestampMs + 1 } } : m,
      ),
    };
    const vr = verifyReportEvidence(badRecord, sidecar);
    t.false(vr.ok);
    t.deepEqual(
      vr.miners.filter((m) => m.result === 'bad').map((m) => m.uid),
      [1],
    );
    t.regex(vr.miners[0]!.reasons.join('; '), /^record: signature does not match body and headers signed by /);

    // A record moved to another miner's line: signed by someone else.
    const swapped: RoundReport = {
      ...report,
      miners: report.miners.map((m) =>
        m.uid === 2 ? { ...m, signedResponse: by.get(1)!.signedResponse!, responseHash: by.get(1)!.responseHash } : m,
      ),
    };
    const vs = verifyReportEvidence(swapped, sidecar);
    t.regex(vs.miners[1]!.reasons.join('; '), /record signed by \S+, the miner's hotkey is/);

    // A reported loss that does not match the answer.
    const badLoss: RoundReport = { ...report, miners: report.miners.map((m) => (m.uid === 1 ? { ...m, loss: m.loss! / 2 } : m)) };
    t.regex(
      verifyReportEvidence(badLoss, sidecar, { batch }).miners[0]!.reasons.join('; '),
      /^recomputed loss [0-9.]+, the report says [0-9.]+$/,
    );

    // The CLI: ok (with --recompute), then a tampered sidecar and a tampered report in a copy of the directory.
    const ok = await runArena(['validator', 'verify-report', join(dir, 'round-20.json'), '--recompute']);
    t.is(ok.code, 0, ok.stderr);
    t.regex(ok.stdout, /round 20\): ok/);
    t.regex(ok.stdout, /3 ok, 0 bad, 0 unverifiable, 1 without a signed answer/);
    const bad = join(dir, '..', 'tampered');
    await rm(bad, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(bad));
    await copyFile(join(dir, 'round-20.json'), join(bad, 'round-20.json'));
    await writeFile(join(bad, 'round-20.responses.json'), JSON.stringify(badBody));
    const r1 = await runArena(['validator', 'verify-report', join(bad, 'round-20.json'), '--json']);
    t.is(r1.code, 1, r1.stderr);
    const j = JSON.parse(r1.stdout) as { ok: boolean; miners: Array<{ uid: number; result: string; reasons: string[] }> };
    t.false(j.ok);
    t.deepEqual(
      j.miners.map((m) => m.result),
      ['ok', 'bad', 'ok', 'no-record'],
    );
    t.regex(r1.stderr, /found 1 bad \(uids 2\)/);
    await copyFile(join(dir, 'round-20.responses.json'), join(bad, 'round-20.responses.json'));
    await writeFile(join(bad, 'round-20.json'), JSON.stringify(badRecord));
    const r2 = await runArena(['validator', 'verify-report', join(bad, 'round-20.json')]);
    t.is(r2.code, 1);
    t.regex(r2.stdout, /record: signature does not match/);
    // A report written before answers were bound to questions (no signed request): unverifiable, exit 1.
    const old: RoundReport = {
      ...report,
      miners: report.miners.map((m) => (m.signedResponse ? { ...m, signedResponse: { ...m.signedResponse, request: undefined } } : m)),
    };
    const vo = verifyReportEvidence(old, sidecar, { batch });
    t.false(vo.ok);
    t.deepEqual(
      vo.miners.map((m) => m.result),
      ['unverifiable', 'unverifiable', 'unverifiable', 'no-record'],
    );
    t.regex(vo.miners[0]!.reasons.join('; '), /^unverifiable: the record carries no signed request/);
    await writeFile(join(bad, 'round-20.json'), JSON.stringify(old));
    const r4 = await runArena(['validator', 'verify-report', join(bad, 'round-20.json'), '--recompute']);
    t.is(r4.code, 1, r4.stderr);
    t.regex(r4.stdout, /0 ok, 0 bad, 3 unverifiable, 1 without a signed answer/);
    t.regex(r4.stderr, /3 unverifiable \(uids 1, 2, 3\)/);
    const r3 = await runArena(['validator', 'verify-report', join(bad, 'nope.json')]);
    t.is(r3.code, 2);
    t.regex(r3.stderr, /expected a round report/);
  },
);

test.serial('bodies over the size limit are skipped and listed; their records still verify', async (t) => {
  // A batch-64 request is ~200 KB and a batch-64 answer ~2.6 KB: a 1 KB limit keeps neither.
  const { report, sidecar } = await round(t, { evidenceMaxBodyBytes: 1024 });
  t.is(report.responses!.requestStored, false);
  t.is(report.responses!.stored, 0);
  t.deepEqual(
    report.responses!.skipped.map((s) => s.uid),
    [1, 2, 3],
  );
  t.true(report.responses!.skipped.every((s) => s.bytes > 1024));
  t.is(sidecar.request!.body, null);
  const v = verifyReportEvidence(report, sidecar);
  t.true(v.ok, JSON.stringify(v.miners));
  t.deepEqual(
    v.miners.map((m) => [m.result, m.bodyChecked]),
    [
      ['ok', false],
      ['ok', false],
      ['ok', false],
      ['no-record', false],
    ],
  );
});

test.serial('a request too large to store is re-derived from the batch: answers still bind to it and their losses recompute', async (t) => {
  // 10 KB keeps the ~2.6 KB answers but not the ~200 KB request.
  const { report, sidecar } = await round(t, { evidenceMaxBodyBytes: 10_000 });
  t.is(report.responses!.requestStored, false);
  t.is(report.responses!.stored, 3);
  const batch = data.sampleRoundBatch(report.seed, report.batchSize);
  const v = verifyReportEvidence(report, sidecar, { batch });
  t.true(v.ok, JSON.stringify(v, null, 1));
  t.deepEqual(
    v.miners.map((m) => [m.result, m.recomputedLoss !== undefined]),
    [
      ['ok', true],
      ['ok', true],
      ['ok', true],
      ['no-record', false],
    ],
  );
  // Another batch (another seed): the answers name a request that is not that batch, so nothing is recomputed.
  const other = data.sampleRoundBatch(`0x${'11'.repeat(32)}`, report.batchSize);
  const vo = verifyReportEvidence({ ...report, batchHash: batchHash(other.input.data) }, sidecar, { batch: other });
  t.false(vo.ok);
  t.deepEqual(
    vo.miners.map((m) => m.result),
    ['unverifiable', 'unverifiable', 'unverifiable', 'no-record'],
  );
  t.regex(vo.miners[0]!.reasons.join('; '), /is neither the stored request nor the batch given/);
});

test.serial(
  "an answer to another question cannot be filed as the answer to the round's question (verify-report --recompute catches it)",
  async (t) => {
    const { report, sidecar, chain } = await round(t);
    const good = chain.neurons.find((n) => n.uid === 1)!;
    const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
    const batch = data.sampleRoundBatch(report.seed, report.batchSize);
    // The dishonest validator asks the good miner an all-black batch in the same round, then files that answer.
    const querier = new GrpcMinerQuerier({ signer: alice, competitionId: competition.id });
    t.teardown(() => querier.close());
    const black = { data: new Float32Array(batch.input.data.length), shape: [...batch.input.shape] };
    const target = { uid: 1, hotkey: good.hotkey, host: good.host, port: good.port };
    const answer = (await querier.queryAll([target], black, 5_000, { roundId: report.roundId })).get(1)!;
    t.is(answer.status, 'ok', answer.detail);
    const evidence = answer.evidence!;
    t.truthy(evidence);
    // The forged line: the black answer's signed record, claimed to answer the round's real request, with the
    // loss that answer scores on the real labels (what the validator would report to justify a low weight).
    const scored = evaluateAnswer(1, answer, batch, maxValidLoss(batch.numClasses));
    t.true(scored.loss > report.miners.find((m) => m.uid === 1)!.loss! + 0.1, 'the black answer scores worse on the real labels');
    let forged = { ...signedResponseRecord(evidence), requestBodyHash: sidecar.request!.bodyHash };
    if ('request' in forged) {
      // The validator holds its own key: it can re-sign its side (the request record) for the real body.
      const { signRequest } = await import('#protocol');
      const realBody = Buffer.from(sidecar.request!.body!, 'base64');
      const h = signRequest(realBody, alice, good.hotkey, { uuid: evidence.record.uuid, nowMs: evidence.record.timestampMs });
      forged = {
        ...forged,
        request: {
          bodyHash: sidecar.request!.bodyHash,
          uuid: h.uuid,
          timestampMs: Number(h.timestamp),
          signedBy: h.signedBy,
          signedFor: h.signedFor,
          signature: h.signature,
        },
      };
    }
    const forgedReport: RoundReport = {
      ...report,
      miners: report.miners.map((m) =>
        m.uid === 1
          ? { ...m, loss: scored.loss, status: scored.status, signedResponse: forged, responseHash: `0x${evidence.record.bodyHash}` }
          : m,
      ),
    };
    const forgedSidecar: ResponsesSidecar = {
      ...sidecar,
      responses: sidecar.responses.map((r) =>
        r.uid === 1 ? { uid: 1, bodyHash: evidence.record.bodyHash, body: Buffer.from(evidence.body).toString('base64') } : r,
      ),
    };
    const v = verifyReportEvidence(forgedReport, forgedSidecar, { batch });
    t.false(v.ok, 'a swapped question must not verify');
    const line = v.miners.find((m) => m.uid === 1)!;
    t.is(line.result, 'bad');
    t.regex(line.reasons.join('; '), /signature/);
    // The honest report still verifies with the same checks.
    t.true(verifyReportEvidence(report, sidecar, { batch }).ok);
  },
);
