/**
 * `DataSource` over `#training`: the competition's held-out split (or its private file), sampled
 * per round from the shared seed with the competition's augmentation.
 */
import { readFileSync } from 'node:fs';
import { generatedRoundBatch, loadHeldOutSplit, sampleRoundBatch, type Competition, type Dataset } from '#training';
import { heldOutDataHash } from '../period.ts';
import type { DataSource, RoundBatch } from '../ports.ts';

export class HeldOutDataSource implements DataSource {
  readonly #competition: Competition;
  #heldOut: Dataset | undefined;

  constructor(competition: Competition, heldOut?: Dataset) {
    this.#competition = competition;
    this.#heldOut = heldOut;
  }

  /** The held-out data (loaded on first use). */
  get heldOut(): Dataset {
    this.#heldOut ??= loadHeldOutSplit(this.#competition);
    return this.#heldOut;
  }

  sampleRoundBatch(seed: string, batchSize: number): RoundBatch {
    const c = this.#competition;
    const held = this.heldOut;
    const b = sampleRoundBatch(held, seed, Math.min(batchSize, held.count), c.augmentation);
    return {
      input: { data: b.inputs, shape: [b.labels.length, ...c.inputShape] },
      labels: Int32Array.from(b.labels),
      numClasses: c.classes,
    };
  }
}

/** Version of the digit generator a reveal names: re-scoring needs the same generator code. */
export const GENERATOR_VERSION = 'arena-synth-digits/v1';

/**
 * `DataSource` of fresh generated digits: each round's items are drawn by the digit generator from the
 * round seed (the validator's secret-derived seed), so no package or public seed holds them.
 */
export class GeneratedDataSource implements DataSource {
  constructor(private readonly competition: Competition) {}

  sampleRoundBatch(seed: string, batchSize: number): RoundBatch {
    const c = this.competition;
    const b = generatedRoundBatch(Buffer.from(seed.replace(/^0x/, ''), 'hex'), batchSize, c.augmentation);
    return {
      input: { data: b.inputs, shape: [b.labels.length, ...c.inputShape] },
      labels: Int32Array.from(b.labels),
      numClasses: c.classes,
    };
  }
}

/** The competition's held-out data source: a private file (heldOut.path), the generator, or the public split. */
export function dataSourceFor(competition: Competition): HeldOutDataSource | GeneratedDataSource {
  if (competition.heldOut.path !== undefined) return new HeldOutDataSource(competition);
  return competition.heldOut.source === 'generated' ? new GeneratedDataSource(competition) : new HeldOutDataSource(competition);
}

/** sha256 (hex) naming the held-out data a period commits to: the private file's bytes, the generator version, or the public split. */
export function dataHashFor(competition: Competition): string {
  const h = competition.heldOut;
  if (h.path !== undefined) return heldOutDataHash(readFileSync(h.path));
  return heldOutDataHash(h.source === 'generated' ? `${GENERATOR_VERSION}:${competition.id}` : `public-split:${h.splitSeed}:${h.fraction}`);
}
