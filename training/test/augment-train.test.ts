import test from 'ava';
import * as tf from '@tensorflow/tfjs';
import {
  buildModel,
  evaluateModel,
  loadBuiltinCompetition,
  loadHeldOutSplit,
  loadTrainingSplit,
  sampleRoundBatch,
  selectBackend,
  TrainSession,
  type Dataset,
} from '../src/index.ts';

const competition = loadBuiltinCompetition('mnist');
const split = loadTrainingSplit(competition);

/** The validators' view: an augmented round batch of held-out digits as a Dataset. */
function augmentedHeldOut(): Dataset {
  const held = loadHeldOutSplit(competition);
  const b = sampleRoundBatch(held, 'augment-train-test', 1000, { maxShiftPx: 2, noise: 0.05 });
  return { count: 1000, sampleSize: held.sampleSize, inputs: b.inputs, labels: b.labels, indices: b.indices };
}

function trainMlp(augment: boolean, steps: number): { loss: number; accuracy: number } {
  const model = buildModel('mlp', 3);
  const session = new TrainSession(model, split.train, {
    batchSize: 128,
    learningRate: 1e-3,
    seed: 3,
    ...(augment ? { augmentation: { maxShiftPx: 2, noise: 0.05 } } : {}),
  });
  session.steps(steps);
  const score = evaluateModel(model, augmentedHeldOut());
  session.dispose();
  model.dispose();
  return score;
}

test.serial('training on the published augmentation scores better on augmented held-out digits, and leaks nothing', async (t) => {
  await selectBackend('wasm');
  const before = tf.memory().numTensors;
  const plain = trainMlp(false, 250);
  const augmented = trainMlp(true, 250);
  t.is(tf.memory().numTensors, before, 'no tensors leaked');
  t.true(augmented.accuracy > plain.accuracy + 0.05, `augmented ${augmented.accuracy.toFixed(3)} vs plain ${plain.accuracy.toFixed(3)}`);
  t.true(augmented.loss < plain.loss, `augmented loss ${augmented.loss.toFixed(3)} vs plain ${plain.loss.toFixed(3)}`);
});

test.serial('augmentation refuses samples that are not 28x28 images', async (t) => {
  await selectBackend('wasm');
  const data: Dataset = { count: 4, sampleSize: 10, inputs: new Float32Array(40), labels: new Uint8Array(4), indices: new Int32Array(4) };
  const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [10], units: 10, activation: 'softmax' })] });
  t.throws(() => new TrainSession(model, data, { batchSize: 2, learningRate: 1e-3, seed: 0, augmentation: { maxShiftPx: 1, noise: 0 } }), {
    message: /28x28/,
  });
  model.dispose();
});
