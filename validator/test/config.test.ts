import test from 'ava';
import { readFileSync } from 'node:fs';
import { parseScoringConfig, PrizeScheduleSchema } from '../src/config.ts';

test('defaults are complete and valid', (t) => {
  const c = parseScoringConfig(undefined);
  t.like(c, {
    competitionId: 'mnist',
    emaAlpha: 0.1,
    epsilon: 0.005,
    prize: { type: 'table', shares: [0.5, 0.3, 0.2] },
    copyMinRounds: 5,
    copyHits: 3,
    copyWindow: 5,
    copyGateRounds: 12,
    copyDirectionMajority: 0.8,
    copyRhoFloor: 0.9,
  });
  t.is(c.worstLoss, undefined);
});

test('bad options are rejected naming the field', (t) => {
  t.throws(() => parseScoringConfig({ emaAlpha: 0 }), { message: /emaAlpha/ });
  t.throws(() => parseScoringConfig({ epsilon: 1 }), { message: /epsilon/ });
  t.throws(() => parseScoringConfig({ unknownKey: 1 }), { message: /unknownKey/ });
  t.throws(() => parseScoringConfig({ prize: { type: 'table', shares: [0, 0] } }), { message: /positive share/ });
});

test('the shipped MNIST competition prize schedule parses', (t) => {
  const comp = JSON.parse(readFileSync(new URL('../../configs/competitions/mnist.json', import.meta.url), 'utf8')) as { prize: unknown };
  t.deepEqual(PrizeScheduleSchema.parse(comp.prize), { type: 'table', shares: [0.5, 0.3, 0.2] });
  t.deepEqual(PrizeScheduleSchema.parse({ type: 'power', exponent: 0.75, topK: 10 }), { type: 'power', exponent: 0.75, topK: 10 });
});
