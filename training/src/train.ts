import * as tf from '@tensorflow/tfjs';
import type { Augmentation } from './competition.ts';
import { augmentInto, MNIST_SIDE, type Dataset } from './data.ts';
import { compileLogits, type LogitsFn } from './forward.ts';
import { createPrng, permutation, type Prng } from './prng.ts';

export interface TrainSessionOptions {
  batchSize: number;
  learningRate: number;
  /** Seeds the batch order. */
  seed: number;
  /** Epochs already done (a resumed session continues the batch order from there). */
  startEpoch?: number;
  /**
   * Train on shifted, noised copies (the competition's published held-out augmentation), drawn afresh
   * for every batch; 28x28 images only. Default: the raw images.
   */
  augmentation?: Augmentation;
}

/**
 * Fast training of a Sequential model: each batch is copied into one reusable buffer and uploaded; each step is a single `variableGrads` over fused ops followed by
 * `applyGradients` (Adam); nothing is read back unless asked. Call dispose() when done.
 */
export class TrainSession {
  readonly samplesPerEpoch: number;
  private readonly classes: number;
  private readonly xBuf: Float32Array;
  private readonly yBuf: Float32Array;
  private readonly logits: LogitsFn;
  private readonly variables: tf.Variable[];
  private readonly optimizer: tf.Optimizer;
  private readonly prng: Prng;
  private readonly augPrng: Prng | undefined;
  private order: Int32Array = new Int32Array(0);
  private cursor = 0;
  epoch: number;

  constructor(
    readonly model: tf.LayersModel,
    private readonly data: Dataset,
    readonly options: TrainSessionOptions,
  ) {
    if (!(options.batchSize >= 1 && options.batchSize <= data.count)) {
      throw new Error(`expected a batch size in 1..${data.count}, found ${options.batchSize}`);
    }
    if (!(options.learningRate > 0)) throw new Error(`expected a positive learning rate, found ${options.learningRate}`);
    const classes = model.outputs[0]?.shape[1];
    if (typeof classes !== 'number') throw new Error('expected a model with output shape [batch, classes]');
    this.classes = classes;
    this.xBuf = new Float32Array(options.batchSize * data.sampleSize);
    this.yBuf = new Float32Array(options.batchSize * classes);
    this.logits = compileLogits(model);
    this.variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    this.optimizer = tf.train.adam(options.learningRate);
    this.samplesPerEpoch = data.count - (data.count % options.batchSize);
    this.epoch = options.startEpoch ?? 0;
    this.prng = createPrng(`${options.seed}`, 'arena/train-order');
    if (options.augmentation !== undefined && data.sampleSize !== MNIST_SIDE * MNIST_SIDE) {
      throw new Error(
        `augmentation expects ${MNIST_SIDE}x${MNIST_SIDE} images (${MNIST_SIDE * MNIST_SIDE} values), found samples of ${data.sampleSize}`,
      );
    }
    this.augPrng = options.augmentation === undefined ? undefined : createPrng(`${options.seed}:${this.epoch}`, 'arena/train-augment');
    for (let e = 0; e < this.epoch; e++) permutation(data.count, this.prng);
    this.newEpoch();
  }

  /** One optimiser step; returns the batch loss as a scalar tensor the caller must dispose. */
  step(): tf.Scalar {
    const bs = this.options.batchSize;
    if (this.cursor + bs > this.order.length) {
      this.epoch++;
      this.newEpoch();
    }
    const rows = this.order.subarray(this.cursor, this.cursor + bs);
    this.cursor += bs;
    // Copying rows in JS and uploading once beats wasm's GatherV2 on a resident tensor (~10 ms at batch 256).
    const size = this.data.sampleSize;
    for (let i = 0; i < bs; i++) {
      const r = rows[i]!;
      const src = this.data.inputs.subarray(r * size, (r + 1) * size);
      if (this.augPrng === undefined) this.xBuf.set(src, i * size);
      else augmentInto(src, this.xBuf.subarray(i * size, (i + 1) * size), this.options.augmentation!, this.augPrng);
      this.yBuf.fill(0, i * this.classes, (i + 1) * this.classes);
      this.yBuf[i * this.classes + this.data.labels[r]!] = 1;
    }
    const x = tf.tensor2d(this.xBuf, [bs, size]),
      y = tf.tensor2d(this.yBuf, [bs, this.classes]);
    const { value, grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(y, this.logits(x)) as tf.Scalar, this.variables);
    this.optimizer.applyGradients(grads);
    tf.dispose([x, y, grads]);
    return value;
  }

  /** Runs n steps and returns the mean loss (one read-back at the end). */
  steps(n: number): number {
    let sum: tf.Scalar = tf.scalar(0);
    for (let i = 0; i < n; i++) {
      const loss = this.step();
      const next = tf.add(sum, loss) as tf.Scalar;
      tf.dispose([sum, loss]);
      sum = next;
    }
    const mean = sum.dataSync()[0]! / Math.max(n, 1);
    sum.dispose();
    return mean;
  }

  dispose(): void {
    this.optimizer.dispose();
  }

  private newEpoch(): void {
    this.order = permutation(this.data.count, this.prng);
    this.cursor = 0;
  }
}

/** Mean cross-entropy and accuracy of a model on a dataset, predicting in batches of `batchSize`. */
export function evaluateModel(model: tf.LayersModel, data: Dataset, batchSize = 1024): { loss: number; accuracy: number } {
  const logits = compileLogits(model);
  let lossSum = 0,
    correct = 0;
  for (let start = 0; start < data.count; start += batchSize) {
    const n = Math.min(batchSize, data.count - start);
    const [l, c] = tf.tidy(() => {
      const x = tf.tensor2d(data.inputs.subarray(start * data.sampleSize, (start + n) * data.sampleSize), [n, data.sampleSize]);
      const labels = tf.tensor1d(data.labels.subarray(start, start + n), 'int32');
      const z = logits(x);
      const y = tf.oneHot(labels, z.shape[1]);
      const loss = tf.losses.softmaxCrossEntropy(y, z, undefined, undefined, tf.Reduction.SUM);
      const hits = tf.sum(tf.cast(tf.equal(tf.argMax(z, 1), labels), 'int32'));
      return [loss.dataSync()[0]!, hits.dataSync()[0]!];
    });
    lossSum += l;
    correct += c;
  }
  return { loss: lossSum / data.count, accuracy: correct / data.count };
}

/** Softmax probabilities for n flat samples, predicted in batches of `batchSize` (predict's default of 32 is slow). */
export function predictProbabilities(model: tf.LayersModel, inputs: Float32Array, shape: number[], batchSize = 1024): Float32Array {
  const out = tf.tidy(() => model.predict(tf.tensor(inputs, shape), { batchSize }) as tf.Tensor);
  const data = out.dataSync() as Float32Array;
  out.dispose();
  return data;
}
