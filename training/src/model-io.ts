import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';

/** File names of the TensorFlow.js Layers format this handler writes. */
export const MODEL_JSON = 'model.json';
export const WEIGHTS_BIN = 'weights.bin';

/**
 * A tfjs IOHandler for a directory on disk (pure tfjs has no file:// handler). `save` writes
 * model.json + weights.bin into a fresh temporary sibling directory and renames it into place, so a
 * reader never sees a half-written model; an existing directory is replaced. `load` reads model.json
 * and every weight shard its manifest lists (so converted multi-shard models load too).
 */
export function directoryHandler(dir: string): tf.io.IOHandler {
  return {
    save: async (artifacts) => saveArtifacts(dir, artifacts),
    load: async () => loadArtifacts(dir),
  };
}

async function saveArtifacts(dir: string, artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
  if (artifacts.modelTopology instanceof ArrayBuffer)
    throw new Error('expected a JSON model topology, found binary (graph-model protobuf)');
  const weights = new Uint8Array(artifacts.weightData ? tf.io.CompositeArrayBuffer.join(artifacts.weightData) : new ArrayBuffer(0));
  const json = {
    modelTopology: artifacts.modelTopology,
    format: artifacts.format ?? 'layers-model',
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy ?? null,
    weightsManifest: [{ paths: [`./${WEIGHTS_BIN}`], weights: artifacts.weightSpecs ?? [] }],
    ...(artifacts.userDefinedMetadata ? { userDefinedMetadata: artifacts.userDefinedMetadata } : {}),
  };
  const tmp = join(dirname(dir), `.${basename(dir)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(tmp, { recursive: true });
  await writeFile(join(tmp, WEIGHTS_BIN), weights);
  await writeFile(join(tmp, MODEL_JSON), JSON.stringify(json));
  await replaceDir(tmp, dir);
  return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
}

/** Renames `from` over `to`; an existing `to` is moved aside first and removed after. */
async function replaceDir(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
    return;
  } catch (err: unknown) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw err;
  }
  const old = `${to}.old-${randomBytes(4).toString('hex')}`;
  await rename(to, old);
  await rename(from, to);
  await rm(old, { recursive: true, force: true });
}

interface ModelJson {
  modelTopology?: unknown;
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  weightsManifest?: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
  userDefinedMetadata?: Record<string, unknown>;
}

async function loadArtifacts(dir: string): Promise<tf.io.ModelArtifacts> {
  const file = join(dir, MODEL_JSON);
  let json: ModelJson;
  try {
    json = JSON.parse(await readFile(file, 'utf8')) as ModelJson;
  } catch (err: unknown) {
    throw new Error(`cannot read a TensorFlow.js model at ${file}: ${(err as Error).message}`, { cause: err });
  }
  if (typeof json.modelTopology !== 'object' || json.modelTopology === null || !Array.isArray(json.weightsManifest)) {
    throw new Error(`expected ${file} to hold modelTopology and weightsManifest (TensorFlow.js layers format)`);
  }
  const specs: tf.io.WeightsManifestEntry[] = [];
  const shards: Uint8Array[] = [];
  for (const group of json.weightsManifest) {
    specs.push(...group.weights);
    for (const p of group.paths) shards.push(await readFile(join(dir, p)));
  }
  const total = shards.reduce((n, s) => n + s.length, 0);
  const weightData = new Uint8Array(total);
  let at = 0;
  for (const s of shards) {
    weightData.set(s, at);
    at += s.length;
  }
  return {
    modelTopology: json.modelTopology as tf.io.ModelJSON['modelTopology'],
    weightSpecs: specs,
    weightData: weightData.buffer,
    format: json.format,
    generatedBy: json.generatedBy,
    convertedBy: json.convertedBy ?? null,
    ...(json.userDefinedMetadata ? { userDefinedMetadata: json.userDefinedMetadata as Record<string, object> } : {}),
  } as tf.io.ModelArtifacts;
}

/** Saves a Layers model into `dir` atomically (see directoryHandler). */
export async function saveModelToDir(model: tf.LayersModel, dir: string): Promise<void> {
  await mkdir(dirname(dir), { recursive: true });
  await model.save(directoryHandler(dir));
}

/** Loads a Layers model from a directory holding model.json and its weight files. */
export async function loadModelFromDir(dir: string): Promise<tf.LayersModel> {
  return tf.loadLayersModel(directoryHandler(dir));
}

/** sha256 (hex) of the model's weight bytes in manifest order: identifies a checkpoint across machines. */
export async function hashModelWeights(dir: string): Promise<string> {
  const artifacts = await loadArtifacts(dir);
  return createHash('sha256')
    .update(new Uint8Array(artifacts.weightData as ArrayBuffer))
    .digest('hex');
}
