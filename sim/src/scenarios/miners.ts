/** Scenarios where miners cheat: copier, noisy proxy, sybils, probe; plus the honest baseline. */
import type { ScenarioDef } from '../scenario.ts';
import { HONEST_VALIDATORS, PRIZES, atMost, miner, scheduleGap } from './common.ts';

const [first, second, third] = PRIZES as [number, number, number];

export const baseline: ScenarioDef = {
  name: 'baseline',
  title: 'Honest baseline',
  description: 'Two honest validators in agreement; three honest miners of distinct quality (best, good, fair).',
  neurons: [...HONEST_VALIDATORS, miner('best', 'best'), miner('good', 'good'), miner('fair', 'fair')],
  honestExpectation: { best: first, good: second, fair: third },
  targets: (f) => [scheduleGap(f, { best: first, good: second, fair: third }, 0.02)],
};

/**
 * `thresholdTao` is the chain's StakeThreshold: permits need it, and miners' default caller floor is it.
 * 0 is a small subnet where every neuron holds a permit (the devchain default, as in `arena up`).
 */
function copier(
  name: string,
  title: string,
  stakeTao: number,
  thresholdTao: number,
  disguise: Record<string, unknown>,
  victims: string[],
): ScenarioDef {
  return {
    name,
    title,
    description:
      `A miner with a validator permit and ${stakeTao} TAO stake (chain StakeThreshold ${thresholdTao} TAO, the miners' default caller floor), registered before its victim, answers each validator ` +
      `with ${victims.join(' + ')}'s predictions fetched through the victim's own gRPC API${Object.keys(disguise).length > 0 ? ', disguised' : ''}.`,
    chain: { stakeThresholdTao: thresholdTao },
    neurons: [
      ...HONEST_VALIDATORS,
      { name: 'copier', actor: 'copier', role: 'miner', stakeTao, permit: true },
      miner('best', 'best', 'victim'),
      miner('good', 'good'),
      miner('fair', 'fair'),
    ],
    adversaries: [
      { name: 'copier-proc', script: 'copier', neurons: ['copier'], args: (c) => ({ victims: victims.map(c.hotkeyOf), ...disguise }) },
    ],
    honestExpectation: { copier: 0, victim: first, good: second, fair: third },
    parameters: { copierStakeTao: stakeTao, stakeThresholdTao: thresholdTao, ...disguise },
    targets: (f) => [atMost(f, 'copier', 0.01, `${title} earns <= 1%`)],
  };
}

export const copierLowStake = copier('copier-low-stake', 'Copier (0.5 TAO, small subnet: threshold 0)', 0.5, 0, {}, ['best']);
export const copierStaked = copier('copier-staked', 'Copier (400 TAO, above the 100 TAO floor)', 400, 100, {}, ['best']);
/** Disguise chosen against byte-closeness and raw-residual checks: mix two victims, soften, add noise, shuffle the tail. */
export const noisyProxy = copier(
  'noisy-proxy',
  'Noisy proxy',
  400,
  100,
  { mix: 0.8, temperature: 1.15, noiseSigma: 0.004, permuteTail: true },
  ['best', 'good'],
);
/** The noisy proxy also disguises what it forwards against the miners' relay guard: shuffled, shifted ±1 px, noised ±0.1 (within the guard's tolerance). */
export const noisyProxyEvasive = copier(
  'noisy-proxy-evasive',
  'Noisy proxy disguising its inputs',
  400,
  100,
  { mix: 0.8, temperature: 1.15, noiseSigma: 0.004, permuteTail: true, shuffleInputs: true, shiftPx: 1, inputNoise: 0.1 },
  ['best', 'good'],
);
/** As above with ±0.2 noise per pixel (the guard finds at least 94% of such samples; bench/relay-match.ts). */
export const noisyProxyHeavy = copier(
  'noisy-proxy-heavy',
  'Noisy proxy with heavy input noise',
  400,
  100,
  { mix: 0.8, temperature: 1.15, noiseSigma: 0.004, permuteTail: true, shuffleInputs: true, shiftPx: 1, inputNoise: 0.2 },
  ['best', 'good'],
);

/**
 * As above with ±0.3 noise per pixel: past what the relay guard matched on raw pixels (~10% found; the victim
 * answered and the copier earned 2.0%); its ink ramp finds at least 70% (bench/relay-match.ts), so it is refused.
 */
export const noisyProxyExtreme = copier(
  'noisy-proxy-extreme',
  'Noisy proxy with extreme input noise',
  400,
  100,
  { mix: 0.8, temperature: 1.15, noiseSigma: 0.004, permuteTail: true, shuffleInputs: true, shiftPx: 1, inputNoise: 0.3 },
  ['best', 'good'],
);

function sybil(k: number): ScenarioDef {
  const names = Array.from({ length: k }, (_, i) => `sybil-${i + 1}`);
  return {
    name: `sybil-k${k}`,
    title: `Sybil, k = ${k}`,
    description: `One 'good' model behind ${k} hotkeys (one owner), each adding Gaussian noise sigma 5e-4 per probability; honest miners best, fair, poor.`,
    neurons: [
      ...HONEST_VALIDATORS,
      ...names.map((n) => ({ name: n, actor: 'sybil', role: 'miner' as const })),
      miner('best', 'best'),
      miner('fair', 'fair'),
      miner('poor', 'poor'),
    ],
    adversaries: [{ name: 'sybil-proc', script: 'sybil', neurons: names, args: (c) => ({ modelDir: c.models.good, noiseSigma: 5e-4 }) }],
    honestExpectation: { sybil: second, best: first, fair: third, poor: 0 },
    parameters: { k, noiseSigma: 5e-4, model: 'good' },
    targets: (f) => {
      const v = f.meanShare.sybil ?? 0;
      return [
        {
          name: `${k} sybils together <= one honest instance`,
          target: `<= ${(second * 100).toFixed(0)}% + 2 pp (one honest 'good' instance, 2nd place)`,
          figure: `${(v * 100).toFixed(1)}%`,
          value: v,
          met: v <= second + 0.02,
        },
      ];
    },
  };
}

export const sybil1 = sybil(1);
export const sybil3 = sybil(3);
export const sybil8 = sybil(8);

export const probe: ScenarioDef = {
  name: 'probe',
  title: 'Probe (labels from published reports)',
  description:
    "A model-less miner reads the validators' public /report/latest (round, seed block, seed, batch size), rebuilds each round's batch from the public package and answers its labels.",
  neurons: [
    ...HONEST_VALIDATORS,
    { name: 'probe', actor: 'probe', role: 'miner' },
    miner('best', 'best'),
    miner('good', 'good'),
    miner('fair', 'fair'),
  ],
  adversaries: [{ name: 'probe-proc', script: 'probe', neurons: ['probe'], args: (c) => ({ reportUrls: c.reportUrls }) }],
  honestExpectation: { probe: 0, best: first, good: second, fair: third },
  targets: (f) => [atMost(f, 'probe', 0.01, 'probe earns <= 1%')],
};
