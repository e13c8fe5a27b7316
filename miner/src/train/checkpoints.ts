import { readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TrainerState } from './messages.ts';

/** dataDir/checkpoints/<step>/ holds model.json + weights.bin; dataDir/checkpoints/best links to the best one. */
export function checkpointsDir(dataDir: string): string {
  return join(dataDir, 'checkpoints');
}

export function bestCheckpointDir(dataDir: string): string {
  return join(checkpointsDir(dataDir), 'best');
}

export function statePath(dataDir: string): string {
  return join(dataDir, 'trainer-state.json');
}

/** Writes a file atomically: a temporary sibling, then rename. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}

/** Points checkpoints/best at checkpoints/<step> (relative symlink, swapped with a rename). */
export async function updateBestLink(dataDir: string, step: number): Promise<void> {
  const tmp = join(checkpointsDir(dataDir), `.best.tmp-${process.pid}`);
  await rm(tmp, { force: true });
  await symlink(String(step), tmp, 'dir');
  await rename(tmp, bestCheckpointDir(dataDir));
}

/** Reads trainer-state.json, or undefined when there is none; a corrupt file is an error naming it. */
export async function readTrainerState(dataDir: string): Promise<TrainerState | undefined> {
  let text: string;
  try {
    text = await readFile(statePath(dataDir), 'utf8');
  } catch (err: unknown) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const s = JSON.parse(text) as Partial<TrainerState>;
  if (s.version !== 1 || typeof s.step !== 'number' || typeof s.bestStep !== 'number') {
    throw new Error(`expected ${statePath(dataDir)} to hold a version 1 trainer state with step and bestStep`);
  }
  return s as TrainerState;
}

export async function writeTrainerState(dataDir: string, state: TrainerState): Promise<void> {
  await writeFileAtomic(statePath(dataDir), `${JSON.stringify(state, null, 2)}\n`);
}

/** Removes numbered checkpoints beyond the newest `keep`, never the best one. */
export async function pruneCheckpoints(dataDir: string, keep: number, bestStep: number): Promise<void> {
  const steps = (await readdir(checkpointsDir(dataDir)))
    .filter((n) => /^\d+$/.test(n))
    .map(Number)
    .sort((a, b) => b - a);
  for (const step of steps.slice(keep)) {
    if (step !== bestStep) await rm(join(checkpointsDir(dataDir), String(step)), { recursive: true, force: true });
  }
}
