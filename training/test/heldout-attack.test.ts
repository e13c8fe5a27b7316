/**
 * The held-out attack of issue 9: a miner holding every npm package, all public code and every block hash
 * computes the round's batch and answers one-hot. Against the old held-out data (the public split, seeded by
 * the block hash) it wins outright; against digits generated from the validator's secret it must do no
 * better than an honest trained model, and honest models must still rank by quality.
 */
import test from 'ava';
import { createHash, randomBytes } from 'node:crypto';
import {
  buildModel,
  generatedRoundBatch,
  generateDigits,
  loadBuiltinCompetition,
  loadHeldOutSplit,
  loadMnistDigits,
  loadTrainingSplit,
  predictProbabilities,
  sampleRoundBatch,
  scorePredictions,
  selectBackend,
  TrainSession,
  type Dataset,
  type ModelName,
  type RoundBatch,
} from '../src/index.ts';

const competition = loadBuiltinCompetition('mnist');
const BATCH = 256;
/** A public block hash: what the old validators seeded each round with, and what every miner can read. */
const blockHash = `0x${createHash('sha256').update('block 1200').digest('hex')}`;
/** The validator's secret (never published before the period's reveal). */
const secret = randomBytes(32);
const secretSeed = createHash('sha256')
  .update('arena/secret-round-seed/v1')
  .update(secret)
  .update('mnist')
  .update('period 3, round 240')
  .digest();

function oneHot(labels: ArrayLike<number>): Float32Array {
  const out = new Float32Array(labels.length * 10);
  for (let i = 0; i < labels.length; i++) out[i * 10 + labels[i]!] = 1;
  return out;
}

const loss = (probs: Float32Array, batch: RoundBatch): number => scorePredictions(probs, [batch.labels.length, 10], batch.labels).loss;

/** The attacker's answer: the batch and labels it can compute from public data alone, one-hot. */
function publicReplayAttack(): Float32Array {
  return oneHot(sampleRoundBatch(loadHeldOutSplit(competition), blockHash, BATCH, competition.augmentation).labels);
}

/** Adapted: the attacker runs the public generator with every public seed it has (the block hash). */
function generatorReplayAttack(): Float32Array {
  return oneHot(generatedRoundBatch(blockHash, BATCH, competition.augmentation).labels);
}

/** Adapted: nearest public digit (the whole mnist package plus public generated digits), answered one-hot. */
function nearestPublicAttack(batch: RoundBatch): Float32Array {
  const pool: Dataset[] = [loadMnistDigits(), generateDigits('arena/public-training-digits/v1/mnist/5000', 2000)];
  const labels = new Uint8Array(batch.labels.length);
  for (let i = 0; i < labels.length; i++) {
    const x = batch.inputs.subarray(i * 784, (i + 1) * 784);
    let best = Infinity;
    for (const d of pool) {
      for (let j = 0; j < d.count; j++) {
        let dist = 0;
        for (let k = 0; k < 784 && dist < best; k++) {
          const e = x[k]! - d.inputs[j * 784 + k]!;
          dist += e * e;
        }
        if (dist < best) {
          best = dist;
          labels[i] = d.labels[j]!;
        }
      }
    }
  }
  return oneHot(labels);
}

function trainHonest(name: ModelName, steps: number): (batch: RoundBatch) => Float32Array {
  const split = loadTrainingSplit(competition);
  const model = buildModel(name, 7);
  const session = new TrainSession(model, split.train, {
    batchSize: 128,
    learningRate: 1e-3,
    seed: 7,
    augmentation: competition.augmentation,
  });
  session.steps(steps);
  session.dispose();
  return (batch) => predictProbabilities(model, batch.inputs, [batch.labels.length, 784]);
}

test.serial('the old held-out data loses to a one-hot answer built from public data; secret-generated data does not', async (t) => {
  await selectBackend('wasm');
  const honest = trainHonest('mlp', 400);
  // Old regime: the batch is the public split seeded by the block hash.
  const oldBatch = sampleRoundBatch(loadHeldOutSplit(competition), blockHash, BATCH, competition.augmentation);
  const oldAttack = loss(publicReplayAttack(), oldBatch);
  const oldHonest = loss(honest(oldBatch), oldBatch);
  t.true(oldAttack < 1e-5 && oldAttack < oldHonest, `old regime: attack ${oldAttack} beats honest ${oldHonest.toFixed(3)}`);

  // New regime: fresh digits from the validator's secret.
  const batch = generatedRoundBatch(secretSeed, BATCH, competition.augmentation);
  const honestLoss = loss(honest(batch), batch);
  const attacks = {
    publicReplay: loss(publicReplayAttack(), batch),
    generatorReplay: loss(generatorReplayAttack(), batch),
    nearestPublic: loss(nearestPublicAttack(batch), batch),
  };
  t.log(
    `secret-generated batch: honest mlp ${honestLoss.toFixed(3)}; attacks ${JSON.stringify(Object.fromEntries(Object.entries(attacks).map(([k, v]) => [k, Number(v.toFixed(3))])))}`,
  );
  for (const [name, l] of Object.entries(attacks))
    t.true(l > honestLoss, `${name} attack loss ${l.toFixed(3)} must be worse than the honest model's ${honestLoss.toFixed(3)}`);
});

test.serial('on secret-generated data, honest models still rank by quality (mlp beats linear)', async (t) => {
  await selectBackend('wasm');
  const batch = generatedRoundBatch(secretSeed, 1000, competition.augmentation);
  const linear = loss(trainHonest('linear', 400)(batch), batch);
  const mlp = loss(trainHonest('mlp', 400)(batch), batch);
  t.log(`generated held-out, 1000 items: linear ${linear.toFixed(3)}, mlp ${mlp.toFixed(3)}`);
  t.true(mlp < linear, `mlp ${mlp.toFixed(3)} should beat linear ${linear.toFixed(3)}`);
  t.true(mlp < 1.0, `an honest mlp should generalise to the generated hand (loss ${mlp.toFixed(3)})`);
});

test('generated round batches are deterministic in the seed and differ across seeds', (t) => {
  const a = generatedRoundBatch(secretSeed, 32),
    b = generatedRoundBatch(Uint8Array.from(secretSeed), 32);
  t.deepEqual(a.labels, b.labels);
  t.deepEqual(a.inputs, b.inputs);
  const c = generatedRoundBatch(randomBytes(32), 32);
  t.notDeepEqual(a.inputs, c.inputs);
  t.true(a.inputs.every((v) => v >= 0 && v <= 1));
});
