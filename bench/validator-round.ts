/**
 * Benchmark: one validator round over 32, 128 and 256 real miner gRPC servers on 127.0.0.1
 * (tiny signed miners from validator/test/_helpers/tiny-miner.ts, all hosted in one separate
 * process so the validator process measures only its own side), with the real held-out MNIST data
 * and the real gRPC querier (signed requests, verified responses). The chain is an in-memory view
 * (a round reads one snapshot and one block hash). Prints one JSON object: median per phase.
 * Each size runs twice against the same miners, side by side: `querier: 'grpc'` is the real GrpcMinerQuerier
 * (request encoded and hashed once per round, signed per miner, answers' signatures checked once all are in);
 * `querier: 'per-miner-encode'` is the same calls made the naive way (`MinerClient.predict`: encode, hash and
 * verify per miner), the baseline it replaced.
 * Run: `npx tsx bench/validator-round.ts` (about two minutes).
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import pino from 'pino';
import { MinerClient, type Signer } from '#protocol';
import { loadBuiltinCompetition } from '#training';
import {
  emptyState,
  GrpcMinerQuerier,
  HeldOutDataSource,
  parseScoringConfig,
  runRound,
  type ChainSnapshot,
  type ChainView,
  type MinerQuerier,
  type NeuronView,
} from '#validator';
import { startTinyMiner } from '../validator/test/_helpers/tiny-miner.ts';

const BATCH = 256;
const SIZES = [32, 128, 256];

async function farm(n: number): Promise<{ miners: Array<{ port: number; hotkey: string }>; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--farm', String(n)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`miner farm exited with ${code}`)));
  });
  return {
    miners: JSON.parse(line) as Array<{ port: number; hotkey: string }>,
    stop: () => {
      child.stdin!.end();
      child.kill('SIGTERM');
    },
  };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round2 = (x: number): number => Math.round(x * 100) / 100;

type Querier = MinerQuerier & { close(): void };
type QueryAllArgs = Parameters<MinerQuerier['queryAll']>;

/** The naive path, for comparison: `MinerClient.predict` per miner (encode + hash + verify each time). */
class PerMinerEncodeQuerier implements MinerQuerier {
  readonly #clients = new Map<string, MinerClient>();
  constructor(
    readonly signer: Signer,
    readonly competitionId: string,
  ) {}
  async queryAll(...[targets, input, deadlineMs, ctx]: QueryAllArgs): ReturnType<MinerQuerier['queryAll']> {
    const started = performance.now();
    const answers = await Promise.all(
      targets.map(async (t) => {
        const key = `${t.host}:${t.port}/${t.hotkey}`;
        let c = this.#clients.get(key);
        if (!c)
          this.#clients.set(key, (c = new MinerClient({ address: `${t.host}:${t.port}`, minerHotkey: t.hotkey, signer: this.signer })));
        try {
          const r = await c.predict(
            {
              competitionId: this.competitionId,
              roundId: ctx?.roundId ?? 0,
              input: { dtype: 'float32', shape: input.shape, data: input.data },
            },
            { deadlineMs },
          );
          return {
            status: 'ok' as const,
            latencyMs: performance.now() - started,
            responseHash: `0x${r.record.bodyHash}`,
            output: { data: r.value.output.data as Float32Array, shape: [...r.value.output.shape] },
          };
        } catch (e: unknown) {
          return { status: 'error' as const, latencyMs: performance.now() - started, detail: String(e) };
        }
      }),
    );
    return new Map(targets.map((t, i) => [t.uid, answers[i]!]));
  }
  close(): void {
    for (const c of this.#clients.values()) c.close();
  }
}

async function measure(n: number, alice: ReturnType<Keyring['addFromUri']>) {
  const f = await farm(n);
  try {
    const out = [];
    // Alternate which goes first per size so neither always gets the warmer machine.
    const kinds = n % 2 === 0 ? (['per-miner-encode', 'grpc'] as const) : (['grpc', 'per-miner-encode'] as const);
    for (const kind of kinds) out.push(await measureWith(kind, n, f.miners, alice));
    return out;
  } finally {
    f.stop();
  }
}

async function measureWith(
  kind: 'grpc' | 'per-miner-encode',
  n: number,
  miners: Array<{ port: number; hotkey: string }>,
  alice: ReturnType<Keyring['addFromUri']>,
) {
  const f = { miners };
  const neurons: NeuronView[] = [
    { uid: 0, hotkey: alice.address, host: '', port: 0, registrationBlock: 0, validatorPermit: true, stake: 10n ** 12n },
    ...f.miners.map((m, i) => ({
      uid: i + 1,
      hotkey: m.hotkey,
      host: '127.0.0.1',
      port: m.port,
      registrationBlock: i + 1,
      validatorPermit: false,
      stake: 0n,
    })),
  ];
  let block = 1000;
  const hash = (b: number): string => `0x${b.toString(16).padStart(64, '0')}`;
  const chain: ChainView = {
    async snapshot(): Promise<ChainSnapshot> {
      return {
        netuid: 1,
        block,
        blockHash: hash(block),
        epochIndex: 0,
        neurons,
        ownHotkey: alice.address,
        ownUid: 0,
        ownLastUpdate: 0,
        hyperparams: {
          tempo: 100,
          weightsSetRateLimit: 100,
          weightsVersionKey: 0n,
          minAllowedWeights: 1,
          commitRevealEnabled: false,
          revealPeriodEpochs: 1,
        },
      };
    },
    async blockHash(b: number) {
      return hash(b);
    },
  };
  const competition = loadBuiltinCompetition('mnist');
  const data = new HeldOutDataSource(competition);
  const querier: Querier =
    kind === 'grpc'
      ? new GrpcMinerQuerier({ signer: alice, competitionId: competition.id })
      : new PerMinerEncodeQuerier(alice, competition.id);
  const cfg = parseScoringConfig({ batchSize: BATCH, roundLengthBlocks: 5, queryDeadlineMs: 60_000 });
  const log = pino({ level: 'silent' });
  let state = emptyState(1, alice.address);
  const samples: Array<{
    chainMs: number;
    dataMs: number;
    queryMs: number;
    scoringMs: number;
    totalMs: number;
    validatorCpuMs: number;
    ok: number;
  }> = [];
  for (let i = 0; i < 7; i++) {
    const view = await chain.snapshot();
    const cpu0 = process.cpuUsage();
    const r = await runRound({ chain, querier, data, log }, cfg, view, state);
    const cpu = process.cpuUsage(cpu0);
    state = r.state;
    block += 5;
    if (i >= 2)
      samples.push({
        ...r.report.timings,
        validatorCpuMs: (cpu.user + cpu.system) / 1000,
        ok: r.report.miners.filter((m) => m.status === 'ok').length,
      });
  }
  querier.close();
  const pick = (k: 'chainMs' | 'dataMs' | 'queryMs' | 'scoringMs' | 'totalMs' | 'validatorCpuMs') =>
    round2(median(samples.map((x) => x[k])));
  const requestMB = (BATCH * 784 * 4) / 1e6;
  const queryMs = pick('queryMs');
  return {
    querier: kind,
    miners: n,
    batch: BATCH,
    answeredOk: Math.min(...samples.map((s) => s.ok)),
    chainMs: pick('chainMs'),
    dataMs: pick('dataMs'),
    queryMs,
    scoringMs: pick('scoringMs'),
    totalMs: pick('totalMs'),
    validatorCpuMs: pick('validatorCpuMs'),
    requestMBPerMiner: round2(requestMB),
    queryMBps: round2((requestMB * n) / (queryMs / 1000)),
  };
}

async function main(): Promise<void> {
  await cryptoWaitReady();
  const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
  const results = [];
  for (const n of SIZES) results.push(...(await measure(n, alice)));
  process.stdout.write(
    `${JSON.stringify({
      bench: 'validator-round',
      node: process.version,
      cores: (await import('node:os')).cpus().length,
      note: 'real gRPC miners (signed, one separate process) on 127.0.0.1, real held-out batch; in-memory chain view; median of 5 rounds after 2 warm-up; queryMs = all miners at once with one deadline (bound by the one miner-farm process on a busy machine); validatorCpuMs = CPU of the validator process per round, the side the querier changes',
      results,
    })}\n`,
  );
}

if (process.argv[2] === '--farm') {
  // Child: host N tiny miners, print their ports and hotkeys, stay up until killed.
  const n = Number(process.argv[3]);
  await cryptoWaitReady();
  const miners = [];
  for (let i = 0; i < n; i++) miners.push(await startTinyMiner({ hotkeyUri: `//bench-miner-${i}`, behaviour: 'random' }));
  process.stdout.write(`${JSON.stringify(miners.map((m) => ({ port: m.port, hotkey: m.hotkey })))}\n`);
  process.stdin.resume();
  process.stdin.once('end', () => process.exit(0));
} else {
  await main();
}
