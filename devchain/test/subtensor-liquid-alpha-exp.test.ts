/**
 * Issue 10 item 2 over a real devchain: liquid alpha's `exp` is substrate-fixed's I32F32 series.
 * Steepness 200 makes the sigmoid exponent exactly 1 for a validator whose weight equals consensus,
 * where the crate returns its I9F23 constant e (2.7182817…) instead of a series value. Six subnets
 * with different stake splits run side by side; one of them lands a rao away from the float result.
 */
import test from 'ava';
import { startChain, execMany, key } from './_helpers/subtensor.ts';

const STAKES: Array<[number, number]> = [
  [700, 300],
  [750, 250],
  [600, 400],
  [800, 200],
  [550, 450],
  [900, 100],
];

test('Yuma3 + liquid alpha at steepness 200: stored emission as the fixed-point exp gives it (genesis alphaSigmoidSteepness)', async (t) => {
  const chain = await startChain(t, {
    subnets: STAKES.map(([a, b], i) => ({
      netuid: i + 1,
      owner: '//Alice',
      startCall: true,
      hyperparams: {
        tempo: 2,
        maxAllowedValidators: 2,
        minAllowedWeights: 0,
        yuma3Enabled: true,
        liquidAlphaEnabled: true,
        alphaValues: [6553, 58982],
        alphaSigmoidSteepness: 200,
        commitRevealEnabled: false,
        weightsSetRateLimit: 0,
      },
      neurons: [
        { hotkey: `//Bob//x${i}-v0`, coldkey: '//Bob', stake: a, validatorPermit: true },
        { hotkey: `//Charlie//x${i}-v1`, coldkey: '//Charlie', stake: b, validatorPermit: true },
        { hotkey: `//Dave//x${i}-m0`, coldkey: '//Dave' },
        { hotkey: `//Eve//x${i}-m1`, coldkey: '//Eve' },
      ],
    })),
  });
  const { api } = chain;
  const sw = (netuid: number, uids: number[], values: number[]) => api.tx.subtensorModule.setWeights(netuid, uids, values, 0);
  for (const r of await execMany(
    chain,
    STAKES.flatMap(
      (_, i) =>
        [
          [sw(i + 1, [2], [65535]), key(`//Bob//x${i}-v0`)],
          [sw(i + 1, [2, 3], [65535, 20000 + 7000 * i]), key(`//Charlie//x${i}-v1`)],
        ] as const,
    ),
  ))
    t.true(r.ok, r.error);
  await chain.newBlocks(6);
  // Subnet 3 (stakes 600 : 400) runs its third epoch in block 7. With the fixed-point series the
  // second validator's emission is 249994093 rao; a float exp gave 249994094 (devchain before).
  const at7 = await api.at((await api.rpc.chain.getBlockHash(7)).toHex());
  t.deepEqual(
    (await at7.query.subtensorModule.emission(3)).map((x) => x.toBigInt()),
    [570_010_481n, 249_994_093n, 820_004_576n, 0n],
  );
  t.is((await at7.query.subtensorModule.alphaSigmoidSteepness(3)).toNumber(), 200, 'the genesis steepness is stored');
});
