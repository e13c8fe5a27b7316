/** Every scenario by name, and the suites `all` and `smoke`. */
import type { ScenarioDef } from '../scenario.ts';
import {
  baseline,
  copierLowStake,
  copierStaked,
  noisyProxy,
  noisyProxyEvasive,
  noisyProxyHeavy,
  noisyProxyExtreme,
  probe,
  sybil1,
  sybil3,
  sybil8,
} from './miners.ts';
import { churn, collusion, lateImprover, weightCopierOff, weightCopierOn } from './validators.ts';
import { smoke } from './smoke.ts';

export const SCENARIOS: readonly ScenarioDef[] = [
  baseline,
  copierLowStake,
  copierStaked,
  noisyProxy,
  noisyProxyEvasive,
  noisyProxyHeavy,
  noisyProxyExtreme,
  sybil1,
  sybil3,
  sybil8,
  probe,
  weightCopierOff,
  weightCopierOn,
  collusion,
  lateImprover,
  churn,
  smoke,
];

/** Named groups: `all` (every scenario but the combined `smoke`, whose attacks each have their own scenario). */
export const SUITES: Readonly<Record<string, readonly string[]>> = {
  all: SCENARIOS.filter((s) => s !== smoke).map((s) => s.name),
};

/** Scenario aliases accepted on the command line. */
const ALIASES: Readonly<Record<string, string[]>> = {
  copier: ['copier-low-stake', 'copier-staked'],
  sybil: ['sybil-k1', 'sybil-k3', 'sybil-k8'],
  'weight-copier': ['weight-copier-cr-off', 'weight-copier-cr-on'],
};

/** Scenario names for a command-line word (suite, alias or name); throws a clear error for an unknown one. */
export function resolveScenarios(word: string): ScenarioDef[] {
  const names = SUITES[word] ?? ALIASES[word] ?? [word];
  return names.map((n) => {
    const s = SCENARIOS.find((x) => x.name === n);
    if (!s)
      throw new Error(
        `unknown scenario ${JSON.stringify(word)}: expected one of ${[...Object.keys(SUITES), ...Object.keys(ALIASES), ...SCENARIOS.map((x) => x.name)].join(', ')}`,
      );
    return s;
  });
}
