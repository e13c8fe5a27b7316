/** Scenarios where validators cheat (weight copying, collusion) and honest dynamics (late improver, churn). */
import type { ScenarioDef, TargetResult } from '../scenario.ts';
import type { ScenarioFigures } from '../figures.ts';
import { dividendRatio, pct } from '../figures.ts';
import { HONEST_VALIDATORS, PRIZES, atMost, miner } from './common.ts';

const [first, second, third] = PRIZES as [number, number, number];
/** The improver switches from the poor to the best checkpoint after this measured epoch. */
const SWITCH_AFTER = 3;
/** Validator ranking margin (configs/validator/local.json scoring.epsilon). */
const EPSILON = 0.005;

/** Epoch the improver's EMA loss first beats the leader's by epsilon, and the epoch it is first; from the samples. */
export function improverTimes(f: ScenarioFigures, improver: string, rival: string): { cleared: number | null; first: number | null } {
  let cleared: number | null = null,
    firstAt: number | null = null;
  for (const s of f.epochs) {
    const mine = s.emaLoss[improver],
      theirs = s.emaLoss[rival];
    if (cleared === null && s.epoch > SWITCH_AFTER && mine != null && theirs != null && mine < theirs * (1 - EPSILON)) cleared = s.epoch;
    if (firstAt === null && s.epoch > SWITCH_AFTER && s.first === improver) firstAt = s.epoch;
  }
  return { cleared, first: firstAt };
}

function improverTarget(f: ScenarioFigures): TargetResult {
  const t = improverTimes(f, 'improver', 'good');
  const lag = t.cleared !== null && t.first !== null ? t.first - t.cleared : Number.POSITIVE_INFINITY;
  return {
    name: 'late improver first within 2 epochs of clearing epsilon',
    target: '<= 2 epochs',
    figure:
      t.cleared === null
        ? `never cleared epsilon (first at ${t.first ?? 'never'})`
        : `cleared at epoch ${t.cleared}, first at ${t.first ?? 'never'} (${Number.isFinite(lag) ? `${Math.max(lag, 0)} epochs` : 'never'})`,
    value: lag,
    met: lag <= 2,
  };
}

const improverMiners = [miner('improver', 'poor'), miner('good', 'good'), miner('fair', 'fair')];
const switchHook = (e: number, c: { switchModel: (n: string, q: 'best') => void; note: (t: string) => void }): void => {
  if (e === SWITCH_AFTER) {
    c.switchModel('improver', 'best');
    c.note('improver switched poor -> best checkpoint');
  }
};

function weightCopier(commitReveal: boolean): ScenarioDef {
  return {
    name: `weight-copier-cr-${commitReveal ? 'on' : 'off'}`,
    title: `Weight-copying validator, commit-reveal ${commitReveal ? 'on' : 'off'}`,
    description:
      "A 600 TAO validator that never scores: each tempo it sets the stake-weighted mean of the other validators' weight rows as the chain shows them. " +
      `Rankings change mid-run (a miner improves after epoch ${SWITCH_AFTER}).`,
    chain: { commitReveal },
    neurons: [
      ...HONEST_VALIDATORS,
      { name: 'val-copy', actor: 'weight-copier', role: 'validator', stakeTao: 600, permit: true },
      ...improverMiners,
    ],
    adversaries: [
      {
        name: 'weight-copier-proc',
        script: 'validator',
        neurons: ['val-copy'],
        args: (c) => ({ mode: 'copy-weights', intervalBlocks: c.tempo, commitReveal: c.commitReveal }),
      },
    ],
    honestExpectation: { improver: first, good: second, fair: third },
    parameters: { commitReveal, revealPeriodEpochs: 1, copierStakeTao: 600, switchAfterEpoch: SWITCH_AFTER },
    onEpoch: switchHook,
    targets: (f) => {
      const r = dividendRatio(f, 'weight-copier', 'validator-b');
      return [
        {
          name: 'weight copier earns >= 10% less dividend per stake',
          target: '<= 0.90 x honest validator (same stake)',
          figure: Number.isFinite(r) ? `${r.toFixed(3)} x` : 'n/a',
          value: r,
          met: r <= 0.9,
        },
      ];
    },
  };
}

export const weightCopierOff = weightCopier(false);
export const weightCopierOn = weightCopier(true);

export const collusion: ScenarioDef = {
  name: 'collusion',
  title: 'Colluding validators (30% of stake)',
  description:
    'Two validators with 300 TAO each (30% of validator stake) put all their weight on the poor miner; honest validators hold 800 + 600 TAO.',
  neurons: [
    { name: 'val-a', actor: 'validator-a', role: 'validator', stakeTao: 800, honest: true },
    { name: 'val-b', actor: 'validator-b', role: 'validator', stakeTao: 600, honest: true },
    { name: 'col-1', actor: 'colluders', role: 'validator', stakeTao: 300, permit: true },
    { name: 'col-2', actor: 'colluders', role: 'validator', stakeTao: 300, permit: true },
    miner('best', 'best'),
    miner('good', 'good'),
    miner('fair', 'fair'),
    miner('poor', 'poor', 'favourite'),
  ],
  adversaries: ['col-1', 'col-2'].map((n) => ({
    name: `${n}-proc`,
    script: 'validator' as const,
    neurons: [n],
    args: (c: { hotkeyOf: (s: string) => string; tempo: number; commitReveal: boolean }) => ({
      mode: 'collude',
      favourite: c.hotkeyOf('poor'),
      intervalBlocks: c.tempo,
      commitReveal: c.commitReveal,
    }),
  })),
  honestExpectation: { best: first, good: second, fair: third, favourite: 0 },
  parameters: { colluderStakeShare: 0.3 },
  targets: (f) => [atMost(f, 'favourite', 0.05, 'collusion moves <= 5% of emission to its miner')],
};

export const lateImprover: ScenarioDef = {
  name: 'late-improver',
  title: 'Late improver',
  description: `An honest miner serving the poor checkpoint switches its --model-dir to the best one after epoch ${SWITCH_AFTER}; rivals good and fair.`,
  neurons: [...HONEST_VALIDATORS, ...improverMiners],
  honestExpectation: { improver: first, good: second, fair: third },
  parameters: { switchAfterEpoch: SWITCH_AFTER, epsilon: EPSILON },
  onEpoch: switchHook,
  targets: (f) => [improverTarget(f)],
};

export const churn: ScenarioDef = {
  name: 'churn',
  title: 'Churn (die, restart, answer late)',
  description:
    'The best miner is killed after epoch 2 and restarted after epoch 5; a miner serving the good checkpoint answers 50% of requests 4 s late (deadline 2.5 s).',
  neurons: [...HONEST_VALIDATORS, miner('best', 'best'), { name: 'late', actor: 'late', role: 'miner' }, miner('fair', 'fair')],
  adversaries: [
    {
      name: 'late-proc',
      script: 'sybil',
      neurons: ['late'],
      args: (c) => ({ modelDir: c.models.good, noiseSigma: 0, lateMs: 4000, lateFraction: 0.5 }),
    },
  ],
  honestExpectation: { best: first, late: second, fair: third },
  parameters: { killAfterEpoch: 2, restartAfterEpoch: 5, lateFraction: 0.5, lateMs: 4000 },
  onEpoch: async (e, c) => {
    if (e === 2) {
      await c.stopNeuron('best');
      c.note('best miner killed');
    }
    if (e === 5) {
      c.startNeuron('best');
      c.note('best miner restarted');
    }
  },
  targets: (f) => {
    const back = f.epochs.find((s) => s.epoch > 5 && s.first === 'best')?.epoch ?? null;
    const down = f.epochs.filter((s) => s.epoch >= 4 && s.epoch <= 5).map((s) => s.shares.best ?? 0);
    const downShare = down.length ? Math.max(...down) : 0;
    return [
      {
        name: 'a dead miner stops earning (epochs 4-5, after 1 epoch of grace)',
        target: '<= 1%',
        figure: pct(downShare),
        value: downShare,
        met: downShare <= 0.01,
      },
      {
        name: 'the restarted best miner is first again within 3 epochs',
        target: '<= 3 epochs after restart',
        figure: back === null ? 'never' : `${back - 5} epochs`,
        value: back === null ? Infinity : back - 5,
        met: back !== null && back - 5 <= 3,
      },
    ];
  },
};
