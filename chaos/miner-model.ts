/**
 * The checkpoint the miner under load serves (`arena miner --model-dir`): the competition's default
 * architecture (mnist: the MLP a real miner serves, so inference costs what it costs in a round) after a few
 * training steps. Its quality does not matter here, only its serving cost. Trained once through `#training`
 * and cached under `.arena/chaos/models/<architecture>-<steps>`; later runs reuse it.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TrainSession, buildModel, loadBuiltinCompetition, loadTrainingSplit, saveModelToDir, selectBackend } from '#training';

const ROOT = fileURLToPath(new URL('../.arena/chaos/models/', import.meta.url));
const STEPS = 50;

/** The model directory, trained first when it is not cached yet. */
export async function ensureLoadModel(): Promise<string> {
  const comp = loadBuiltinCompetition('mnist');
  const arch = comp.training.defaultModel;
  const dir = join(ROOT, `${arch}-${STEPS}`);
  if (existsSync(join(dir, 'chaos-model.json'))) return dir;
  mkdirSync(ROOT, { recursive: true });
  await selectBackend('wasm');
  const model = buildModel(arch, 1, comp.classes);
  const session = new TrainSession(model, loadTrainingSplit(comp).train, {
    batchSize: comp.training.batchSize,
    learningRate: comp.training.learningRate,
    seed: 1,
    augmentation: comp.augmentation,
  });
  session.steps(STEPS);
  session.dispose();
  // Written beside and renamed, so a run killed mid-save never leaves a half model that looks cached.
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  await saveModelToDir(model, tmp);
  writeFileSync(join(tmp, 'chaos-model.json'), `${JSON.stringify({ architecture: arch, steps: STEPS })}\n`);
  model.dispose();
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return dir;
}
