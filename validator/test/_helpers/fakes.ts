/** In-memory fakes of the validator's ports, with error injection. */
import { createHash } from 'node:crypto';
import type {
  ChainSnapshot,
  ChainView,
  DataSource,
  MinerQuerier,
  MinerTarget,
  NeuronView,
  QueryAnswer,
  RoundBatch,
  Tensor,
  WeightHyperparams,
  WeightSetter,
  WeightSubmitResult,
} from '../../src/ports.ts';

export const OWN_HOTKEY = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';

/** A neuron serving on 127.0.0.1:(9000 + uid), registered at block `uid`. */
export function neuron(uid: number, o: Partial<NeuronView> = {}): NeuronView {
  return { uid, hotkey: `hk${uid}`, host: '127.0.0.1', port: 9000 + uid, registrationBlock: uid, validatorPermit: false, stake: 0n, ...o };
}

/** A chain whose block, neurons and hyperparameters tests set directly. */
export class FakeChain implements ChainView {
  block = 100;
  epochIndex = 0;
  netuid = 1;
  ownHotkey = OWN_HOTKEY;
  ownUid: number | undefined = 0;
  ownLastUpdate = 0;
  neurons: NeuronView[] = [neuron(0, { hotkey: OWN_HOTKEY, validatorPermit: true, stake: 1_000_000_000n, host: '', port: 0 })];
  hyperparams: WeightHyperparams = {
    tempo: 10,
    weightsSetRateLimit: 5,
    weightsVersionKey: 0n,
    minAllowedWeights: 1,
    commitRevealEnabled: false,
    revealPeriodEpochs: 1,
  };
  snapshots = 0;
  /** Makes the next `snapshot()` reject with this error. */
  failNextSnapshot: Error | undefined;

  static hashOf(block: number): string {
    return `0x${createHash('sha256').update(`block-${block}`).digest('hex')}`;
  }

  async snapshot(): Promise<ChainSnapshot> {
    this.snapshots++;
    if (this.failNextSnapshot !== undefined) {
      const e = this.failNextSnapshot;
      this.failNextSnapshot = undefined;
      throw e;
    }
    return {
      netuid: this.netuid,
      block: this.block,
      blockHash: FakeChain.hashOf(this.block),
      epochIndex: this.epochIndex,
      hyperparams: { ...this.hyperparams },
      neurons: this.neurons.map((n) => ({ ...n })),
      ownHotkey: this.ownHotkey,
      ownUid: this.ownUid,
      ownLastUpdate: this.ownLastUpdate,
    };
  }

  async blockHash(blockNumber: number): Promise<string> {
    if (blockNumber > this.block) throw new Error(`expected a block <= ${this.block}, found ${blockNumber}`);
    return FakeChain.hashOf(blockNumber);
  }
}

/** What a fake miner does with an input: an answer, given the batch labels. */
export type MinerBehaviour = (input: Tensor, labels: Int32Array) => QueryAnswer;

/** One-hot-ish probabilities: `confidence` on the label (or on a wrong class when `wrong`). */
export function probsFor(labels: Int32Array, classes: number, confidence: number, wrong = false): Float32Array {
  const out = new Float32Array(labels.length * classes).fill((1 - confidence) / (classes - 1));
  labels.forEach((l, r) => {
    out[r * classes + (wrong ? (l + 1) % classes : l)] = confidence;
  });
  return out;
}

export const behaviours = {
  good:
    (confidence = 0.9, classes = 10): MinerBehaviour =>
    (_i, labels) => ({
      status: 'ok',
      output: { data: probsFor(labels, classes, confidence), shape: [labels.length, classes] },
      latencyMs: 3,
      responseHash: '0x01',
    }),
  nan:
    (classes = 10): MinerBehaviour =>
    (_i, labels) => {
      const d = probsFor(labels, classes, 0.9);
      d[0] = Number.NaN;
      return { status: 'ok', output: { data: d, shape: [labels.length, classes] }, latencyMs: 2 };
    },
  wrongShape:
    (classes = 10): MinerBehaviour =>
    (_i, labels) => ({
      status: 'ok',
      output: { data: probsFor(labels, classes, 0.9).subarray(classes), shape: [labels.length - 1, classes] },
      latencyMs: 2,
    }),
  timeout:
    (deadlineMs = 50): MinerBehaviour =>
    () => ({ status: 'timeout', latencyMs: deadlineMs, detail: 'deadline exceeded' }),
  refused: (): MinerBehaviour => () => ({ status: 'refused', latencyMs: 1, detail: 'connection refused' }),
};

/** Answers per uid from a behaviour table; labels come from the data source that made the input. */
export class FakeQuerier implements MinerQuerier {
  behaviours = new Map<number, MinerBehaviour>();
  calls: Array<{ uids: number[]; deadlineMs: number }> = [];
  /** Makes the next `queryAll` reject as a whole. */
  failNext: Error | undefined;
  constructor(private readonly labelsOf: (input: Tensor) => Int32Array) {}

  async queryAll(targets: MinerTarget[], input: Tensor, deadlineMs: number): Promise<Map<number, QueryAnswer>> {
    this.calls.push({ uids: targets.map((t) => t.uid), deadlineMs });
    if (this.failNext !== undefined) {
      const e = this.failNext;
      this.failNext = undefined;
      throw e;
    }
    await new Promise((r) => setImmediate(r));
    const labels = this.labelsOf(input);
    const out = new Map<number, QueryAnswer>();
    for (const t of targets) {
      const b = this.behaviours.get(t.uid);
      out.set(t.uid, b === undefined ? { status: 'refused', latencyMs: 0, detail: 'no fake miner' } : b(input, labels));
    }
    return out;
  }
}

/** Deterministic batches: row r of seed s has label (s32 + r) % classes and a tag value in input[r*dim]. */
export class FakeDataSource implements DataSource {
  readonly dim: number;
  readonly classes: number;
  private readonly byInput = new WeakMap<Float32Array, Int32Array>();
  seeds: string[] = [];
  constructor(dim = 4, classes = 10) {
    this.dim = dim;
    this.classes = classes;
  }

  sampleRoundBatch(seed: string, batchSize: number): RoundBatch {
    this.seeds.push(seed);
    const s = Number.parseInt(seed.slice(2, 10), 16);
    const labels = Int32Array.from({ length: batchSize }, (_, r) => (s + r) % this.classes);
    const data = Float32Array.from({ length: batchSize * this.dim }, (_, i) => ((s + i) % 255) / 255);
    this.byInput.set(data, labels);
    return { input: { data, shape: [batchSize, this.dim] }, labels, numClasses: this.classes };
  }

  /** The labels of an input this source produced. */
  labelsOf = (input: Tensor): Int32Array => {
    const l = this.byInput.get(input.data);
    if (l === undefined) throw new Error('expected an input produced by this FakeDataSource');
    return l;
  };
}

/** Records weight extrinsics; `results` (FIFO) injects outcomes, default success at `chain.block`. */
export class FakeWeightSetter implements WeightSetter {
  calls: Array<{ kind: 'set' | 'commit' | 'reveal'; args: unknown[]; block: number }> = [];
  results: WeightSubmitResult[] = [];
  constructor(private readonly chain: FakeChain) {}

  private outcome(kind: 'set' | 'commit' | 'reveal', args: unknown[]): WeightSubmitResult {
    this.calls.push({ kind, args, block: this.chain.block });
    const r = this.results.shift() ?? { ok: true, block: this.chain.block };
    if (r.ok && kind !== 'reveal') this.chain.ownLastUpdate = r.block;
    return r;
  }
  async setWeights(uids: number[], weights: number[], versionKey: bigint): Promise<WeightSubmitResult> {
    return this.outcome('set', [uids, weights, versionKey]);
  }
  async commitWeights(hash: string): Promise<WeightSubmitResult> {
    return this.outcome('commit', [hash]);
  }
  async revealWeights(uids: number[], weights: number[], salt: number[], versionKey: bigint): Promise<WeightSubmitResult> {
    return this.outcome('reveal', [uids, weights, salt, versionKey]);
  }
}
