/**
 * The seeded short version of `npm run fuzz`: every fuzz surface with a fixed seed and 40 cases,
 * so a regression in any decoder fails `npm test`; the full run (10,000 cases per surface) is `npm run fuzz`.
 */
import test from 'ava';
import { loadSurfaces } from './fuzz/registry.ts';

const SEED = 12_012;
/** Cases per surface: enough to hit each arbitrary branch, small enough for the whole file to take ~30 s. */
const RUNS = 40;

const surfaces = await loadSurfaces();

test('every input surface of issue 12 has a fuzz property', (t) => {
  const names = surfaces.map((s) => s.surface.name);
  for (const expected of [
    'devchain.rpc.ws',
    'devchain.rpc.http',
    'devchain.extrinsic',
    'devchain.call-args',
    'devchain.metadata',
    'miner.predict-body',
    'miner.info-body',
    'miner.headers',
    'protocol.decoders',
    'protocol.tensor-roundtrip',
    'core.keyfile',
    'core.keyfile-encrypted',
    'core.password',
    'config.loaders',
    'validator.report',
  ]) {
    t.true(names.includes(expected), `no fuzz surface named ${expected}`);
  }
});

for (const { surface, file } of surfaces) {
  test(`fuzz ${surface.name} (${file}): ${RUNS} seeded cases, documented errors only, target still serving`, async (t) => {
    const r = await surface.run({ numRuns: RUNS, seed: SEED });
    t.is(r.runs, RUNS);
    t.log(JSON.stringify(r.outcomes ?? {}));
  });
}
