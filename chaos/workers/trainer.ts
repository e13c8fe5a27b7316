/**
 * Crash-loop worker: the miner's real trainer (worker thread, checkpoints on improvement, resume from
 * dataDir) on a tiny linear model, printing one JSON line per checkpoint it reports written.
 * Usage: node --import tsx chaos/workers/trainer.ts <dataDir>
 */
import { resolveCompetition, startTrainer } from '#miner';

const dataDir = process.argv[2];
if (!dataDir) {
  process.stderr.write('usage: trainer.ts <dataDir>\n');
  process.exit(2);
}
const out = (o: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify(o)}\n`);
};
const trainer = await startTrainer({
  competition: resolveCompetition('mnist'),
  modelName: 'linear',
  backend: 'cpu',
  dataDir,
  batchSize: 32,
  learningRate: 0.05,
  seed: 1,
  evalEvery: 4,
  progressEvery: 4,
  keepCheckpoints: 2,
  niceness: 0,
  augment: false,
  onCheckpoint: (c) => out({ msg: 'checkpoint', step: c.step, valLoss: c.valLoss }),
  onProgress: (p) => out({ msg: 'progress', step: p.step }),
});
out({ msg: 'trainer started' });
await trainer.done;
