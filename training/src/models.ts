import * as tf from '@tensorflow/tfjs';
import { MODEL_NAMES, type ModelName } from './competition.ts';

export { MODEL_NAMES, type ModelName };

/** Whether a string names a built-in architecture. */
export function isModelName(name: string): name is ModelName {
  return (MODEL_NAMES as readonly string[]).includes(name);
}

/**
 * Builds a named architecture for flat [784] inputs with softmax outputs [classes]. Initialisers are
 * seeded, so (name, seed) always gives the same weights. Layer names are fixed so checkpoints of two
 * builds line up.
 * - linear: 784-10; mlp-small: 784-128-10; mlp: 784-256-128-10;
 * - cnn: conv 3x3x16 relu, maxpool 2, conv 3x3x32 relu, maxpool 2, dense 10.
 */
export function buildModel(name: ModelName, seed = 0, classes = 10): tf.Sequential {
  if (!isModelName(name)) throw new Error(`expected a model name among ${MODEL_NAMES.join(', ')}, found '${String(name)}'`);
  const model = tf.sequential({ name });
  let layerSeed = seed * 16;
  const init = (): ReturnType<typeof tf.initializers.glorotUniform> => tf.initializers.glorotUniform({ seed: layerSeed++ });
  const dense = (units: number, activation: 'relu' | 'softmax', id: string, inputShape?: number[]): tf.layers.Layer =>
    tf.layers.dense({
      units,
      activation,
      kernelInitializer: init(),
      biasInitializer: 'zeros',
      name: id,
      ...(inputShape ? { inputShape } : {}),
    });
  if (name === 'linear') model.add(dense(classes, 'softmax', 'out', [784]));
  if (name === 'mlp-small') [dense(128, 'relu', 'fc1', [784]), dense(classes, 'softmax', 'out')].forEach((l) => model.add(l));
  if (name === 'mlp')
    [dense(256, 'relu', 'fc1', [784]), dense(128, 'relu', 'fc2'), dense(classes, 'softmax', 'out')].forEach((l) => model.add(l));
  if (name === 'cnn') {
    const conv = (filters: number, id: string): tf.layers.Layer =>
      tf.layers.conv2d({
        filters,
        kernelSize: 3,
        activation: 'relu',
        padding: 'valid',
        kernelInitializer: init(),
        biasInitializer: 'zeros',
        name: id,
      });
    model.add(tf.layers.reshape({ targetShape: [28, 28, 1], inputShape: [784], name: 'image' }));
    model.add(conv(16, 'conv1'));
    model.add(tf.layers.maxPooling2d({ poolSize: 2, strides: 2, name: 'pool1' }));
    model.add(conv(32, 'conv2'));
    model.add(tf.layers.maxPooling2d({ poolSize: 2, strides: 2, name: 'pool2' }));
    model.add(tf.layers.flatten({ name: 'flat' }));
    model.add(dense(classes, 'softmax', 'out'));
  }
  return model;
}

/** Number of trainable scalars. */
export function parameterCount(model: tf.LayersModel): number {
  return model.trainableWeights.reduce((n, w) => n + w.shape.reduce<number>((a, b) => a * (b ?? 1), 1), 0);
}
