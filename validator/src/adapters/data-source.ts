/**
 * `DataSource` over `#training`: the competition's held-out split (or its private file), sampled
 * per round from the shared seed with the competition's augmentation.
 */
import { loadHeldOutSplit, sampleRoundBatch, type Competition, type Dataset } from '#training';
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
