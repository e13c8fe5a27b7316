/**
 * The fast subset in one world (one warm-up instead of three): a copier, three sybils and a 30% bloc of
 * colluding validators at once, each with its own target.
 */
import type { ScenarioDef } from '../scenario.ts';
import { PRIZES, atMost, miner } from './common.ts';

const [first, second, third] = PRIZES as [number, number, number];
const sybils = ['sybil-1', 'sybil-2', 'sybil-3'];

export const smoke: ScenarioDef = {
  name: 'smoke',
  title: 'Smoke: copier + 3 sybils + 30% collusion in one world',
  description:
    'Honest validators 800 + 600 TAO, colluders 300 + 300 TAO (30%) pushing the poor miner; a copier (0.5 TAO with a permit: chain StakeThreshold 0 as in a small subnet; registered before its victim) ' +
    "forwarding the best miner's answers; one good model behind 3 hotkeys (noise sigma 5e-4); honest miners best, fair, poor.",
  chain: { stakeThresholdTao: 0 },
  neurons: [
    { name: 'val-a', actor: 'validator-a', role: 'validator', stakeTao: 800, honest: true },
    { name: 'val-b', actor: 'validator-b', role: 'validator', stakeTao: 600, honest: true },
    { name: 'col-1', actor: 'colluders', role: 'validator', stakeTao: 300, permit: true },
    { name: 'col-2', actor: 'colluders', role: 'validator', stakeTao: 300, permit: true },
    { name: 'copier', actor: 'copier', role: 'miner', stakeTao: 0.5, permit: true },
    miner('best', 'best', 'victim'),
    ...sybils.map((n) => ({ name: n, actor: 'sybil', role: 'miner' as const })),
    miner('fair', 'fair'),
    miner('poor', 'poor', 'favourite'),
  ],
  adversaries: [
    { name: 'copier-proc', script: 'copier', neurons: ['copier'], args: (c) => ({ victims: [c.hotkeyOf('best')] }) },
    { name: 'sybil-proc', script: 'sybil', neurons: sybils, args: (c) => ({ modelDir: c.models.good, noiseSigma: 5e-4 }) },
    ...['col-1', 'col-2'].map((n) => ({
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
  ],
  honestExpectation: { copier: 0, victim: first, sybil: second, fair: third, favourite: 0 },
  parameters: { copierStakeTao: 0.5, stakeThresholdTao: 0, sybils: 3, sybilNoiseSigma: 5e-4, colluderStakeShare: 0.3 },
  targets: (f) => {
    const s = f.meanShare.sybil ?? 0;
    return [
      atMost(f, 'copier', 0.01, 'copier earns <= 1%'),
      {
        name: '3 sybils together <= one honest instance',
        target: `<= ${(second * 100).toFixed(0)}% + 2 pp`,
        figure: `${(s * 100).toFixed(1)}%`,
        value: s,
        met: s <= second + 0.02,
      },
      atMost(f, 'favourite', 0.05, 'collusion moves <= 5% of emission to its miner'),
    ];
  },
};
