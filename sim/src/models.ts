/**
 * Pre-trained checkpoints that honest miners serve with `--model-dir`, so a scenario never waits for
 * training. Each is trained once through the public `#training` entry and cached under
 * `.arena/sim/models/<name>-<hash of its settings>`; later runs reuse it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  TrainSession,
  buildModel,
  evaluateModel,
  loadBuiltinCompetition,
  loadHeldOutSplit,
  loadTrainingSplit,
  saveModelToDir,
  selectBackend,
  type ModelName,
} from '#training';
import { REPO_ROOT } from './procs.ts';

/** How one cached checkpoint is trained. */
export interface ModelSpec {
  architecture: ModelName;
  steps: number;
  seed: number;
}

/** The qualities scenarios use: best > good > fair > poor by held-out loss, each gap far above epsilon. */
export const MODEL_SPECS = {
  best: { architecture: 'mlp', steps: 2500, seed: 1 },
  good: { architecture: 'mlp-small', steps: 700, seed: 2 },
  fair: { architecture: 'linear', steps: 500, seed: 3 },
  poor: { architecture: 'linear', steps: 25, seed: 4 },
} as const satisfies Record<string, ModelSpec>;
export type ModelQuality = keyof typeof MODEL_SPECS;

/** A cached checkpoint and its measured held-out quality (public held-out split, unaugmented). */
export interface CachedModel {
  quality: ModelQuality;
  dir: string;
  heldOutLoss: number;
  heldOutAccuracy: number;
}

const CACHE_ROOT = join(REPO_ROOT, '.arena/sim/models');

function specHash(spec: ModelSpec): string {
  const comp = readFileSync(join(REPO_ROOT, 'configs/competitions/mnist.json'), 'utf8');
  return createHash('sha256').update(JSON.stringify(spec)).update(comp).digest('hex').slice(0, 12);
}

async function train(quality: ModelQuality, spec: ModelSpec, dir: string): Promise<CachedModel> {
  await selectBackend('wasm');
  const comp = loadBuiltinCompetition('mnist');
  const split = loadTrainingSplit(comp);
  const model = buildModel(spec.architecture, spec.seed, comp.classes);
  const session = new TrainSession(model, split.train, {
    batchSize: comp.training.batchSize,
    learningRate: comp.training.learningRate,
    seed: spec.seed,
    augmentation: comp.augmentation,
  });
  for (let done = 0; done < spec.steps; done += 100) session.steps(Math.min(100, spec.steps - done));
  session.dispose();
  const quality_ = evaluateModel(model, loadHeldOutSplit(comp));
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  await saveModelToDir(model, tmp);
  const meta: CachedModel = { quality, dir, heldOutLoss: quality_.loss, heldOutAccuracy: quality_.accuracy };
  writeFileSync(join(tmp, 'sim-model.json'), `${JSON.stringify({ spec, ...meta }, null, 2)}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  model.dispose();
  return meta;
}

/** Returns every checkpoint, training the missing ones first (once; later calls read the cache). */
export async function ensureModels(onTrain: (q: ModelQuality) => void = () => undefined): Promise<Record<ModelQuality, CachedModel>> {
  mkdirSync(CACHE_ROOT, { recursive: true });
  const out: Partial<Record<ModelQuality, CachedModel>> = {};
  for (const [q, spec] of Object.entries(MODEL_SPECS) as [ModelQuality, ModelSpec][]) {
    const dir = join(CACHE_ROOT, `${q}-${specHash(spec)}`);
    const metaFile = join(dir, 'sim-model.json');
    if (existsSync(metaFile)) {
      const m = JSON.parse(readFileSync(metaFile, 'utf8')) as CachedModel;
      out[q] = { ...m, dir };
      continue;
    }
    onTrain(q);
    out[q] = await train(q, spec, dir);
  }
  return out as Record<ModelQuality, CachedModel>;
}
