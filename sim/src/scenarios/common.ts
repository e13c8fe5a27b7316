/** Building blocks shared by the scenario definitions. */
import { pct, type ScenarioFigures } from '../figures.ts';
import type { NeuronDef, TargetResult } from '../scenario.ts';

/** Kaggle prize schedule of the mnist competition (configs/competitions/mnist.json). */
export const PRIZES = [0.5, 0.3, 0.2];

/** Two honest validators in agreement (1,000 and 600 TAO). */
export const HONEST_VALIDATORS: NeuronDef[] = [
  { name: 'val-a', actor: 'validator-a', role: 'validator', stakeTao: 1000, honest: true },
  { name: 'val-b', actor: 'validator-b', role: 'validator', stakeTao: 600, honest: true },
];

export const miner = (name: string, model: NeuronDef['model'], actor = name): NeuronDef => ({ name, actor, role: 'miner', model });

/** "actor earns at most `limit` of miner emission over the run". */
export function atMost(f: ScenarioFigures, actor: string, limit: number, name: string): TargetResult {
  const v = f.meanShare[actor] ?? 0;
  return { name, target: `<= ${pct(limit)} of miner emission`, figure: pct(v), value: v, met: v <= limit };
}

/** Largest gap between measured shares and the honest expectation. */
export function scheduleGap(f: ScenarioFigures, expected: Record<string, number>, tolerance: number): TargetResult {
  let worst = 0,
    who = '';
  for (const [a, e] of Object.entries(expected)) {
    const gap = Math.abs((f.meanShare[a] ?? 0) - e);
    if (gap > worst) {
      worst = gap;
      who = a;
    }
  }
  return {
    name: 'honest shares match the prize schedule',
    target: `every actor within ${(tolerance * 100).toFixed(0)} pp`,
    figure: `largest gap ${(worst * 100).toFixed(1)} pp (${who || 'none'})`,
    value: worst,
    met: worst <= tolerance,
  };
}
