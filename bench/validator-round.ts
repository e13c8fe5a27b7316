/**
 * Benchmark: one validator round over 32, 128 and 256 fake miners (in-process, answers computed
 * on the spot), split into chain / data / query / scoring time. Prints one JSON object.
 * Fakes for now; the daemon will swap in real gRPC miners. Run: `npx tsx bench/validator-round.ts`.
 */
import pino from 'pino';
import { emptyState, parseScoringConfig, runRound, type ChainSnapshot, type ChainView, type DataSource, type MinerQuerier, type NeuronView, type QueryAnswer, type RoundBatch } from '#validator';

const CLASSES = 10;
const DIM = 784;
const BATCH = 256;

function makeBatch(seed: string, batchSize: number): RoundBatch {
  let s = Number.parseInt(seed.slice(2, 10), 16) >>> 0;
  const rnd = (): number => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32; };
  const labels = Int32Array.from({ length: batchSize }, () => Math.floor(rnd() * CLASSES));
  const data = Float32Array.from({ length: batchSize * DIM }, rnd);
  return { input: { data, shape: [batchSize, DIM] }, labels, numClasses: CLASSES };
}

function scenario(miners: number, identical: boolean) {
  const neurons: NeuronView[] = Array.from({ length: miners + 1 }, (_, uid) => ({
    uid, hotkey: `hk${uid}`, host: uid === 0 ? '' : '127.0.0.1', port: uid === 0 ? 0 : 9000 + uid,
    registrationBlock: uid, validatorPermit: uid === 0, stake: 0n,
  }));
  let block = 1000;
  let lastLabels: Int32Array = new Int32Array();
  const chain: ChainView = {
    async snapshot(): Promise<ChainSnapshot> {
      return { netuid: 1, block, blockHash: `0x${block.toString(16).padStart(64, '0')}`, epochIndex: 0, neurons, ownHotkey: 'hk0', ownUid: 0, ownLastUpdate: 0,
        hyperparams: { tempo: 100, weightsSetRateLimit: 100, weightsVersionKey: 0n, minAllowedWeights: 1, commitRevealEnabled: false, revealPeriodEpochs: 1 } };
    },
    async blockHash(n: number) { return `0x${n.toString(16).padStart(64, '0')}`; },
  };
  const data: DataSource = { sampleRoundBatch: (seed, n) => { const b = makeBatch(seed, n); lastLabels = b.labels; return b; } };
  const querier: MinerQuerier = {
    async queryAll(targets, input) {
      const out = new Map<number, QueryAnswer>();
      const rows = input.shape[0]!;
      for (const t of targets) {
        const conf = identical ? 0.8 : 0.5 + (t.uid % 97) / 200;
        const d = new Float32Array(rows * CLASSES).fill((1 - conf) / (CLASSES - 1));
        for (let r = 0; r < rows; r++) d[r * CLASSES + ((lastLabels[r]! + (t.uid % 3 === 0 ? 1 : 0)) % CLASSES)] = conf;
        out.set(t.uid, { status: 'ok', output: { data: d, shape: [rows, CLASSES] }, latencyMs: 0 });
        if (t.uid % 16 === 0) await new Promise((r) => setImmediate(r));
      }
      return out;
    },
  };
  return { chain, data, querier, next: () => { block += 5; } };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round2 = (x: number): number => Math.round(x * 100) / 100;

async function measure(miners: number, identical: boolean) {
  const cfg = parseScoringConfig({ batchSize: BATCH, roundLengthBlocks: 5 });
  const s = scenario(miners, identical);
  const log = pino({ level: 'silent' });
  let state = emptyState(1, 'hk0');
  const samples: Array<{ chainMs: number; dataMs: number; queryMs: number; scoringMs: number; totalMs: number; snapshotMs: number }> = [];
  for (let i = 0; i < 8; i++) {
    const t0 = performance.now();
    const view = await s.chain.snapshot();
    const snapshotMs = performance.now() - t0;
    const r = await runRound({ chain: s.chain, querier: s.querier, data: s.data, log }, cfg, view, state);
    state = r.state;
    s.next();
    if (i >= 3) samples.push({ ...r.report.timings, snapshotMs });
  }
  const pick = (k: keyof (typeof samples)[number]) => round2(median(samples.map((x) => x[k])));
  return { miners, batch: BATCH, identicalAnswers: identical, chainMs: round2(median(samples.map((x) => x.chainMs + x.snapshotMs))), dataMs: pick('dataMs'), queryMs: pick('queryMs'), scoringMs: pick('scoringMs'), totalMs: pick('totalMs') };
}

const results = [];
for (const n of [32, 128, 256]) results.push(await measure(n, false));
results.push(await measure(256, true));
process.stdout.write(`${JSON.stringify({ bench: 'validator-round', node: process.version, note: 'fake in-process miners and chain; median of 5 rounds after 3 warm-up; queryMs includes building the fake answers', results })}\n`);
