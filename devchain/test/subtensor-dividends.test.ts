/**
 * Issue 10 item 3 over a real devchain: validator dividends are paid as upstream's
 * `calculate_dividend_distribution` + `distribute_dividends_and_incentives` compute them, in U96F32:
 * share = (ve_i << 32) / Σve (truncated), prop = pool · share, take = (take_u16 / 65535) · prop,
 * and the take and the rest are floored to rao separately. The expected credit is computed here from
 * the chain's own epoch (pure module on the inputs read back) and compared with the hotkey's
 * `TotalHotkeyAlpha` increase, to the rao, at three epochs.
 */
import test from 'ava';
import { splitBlockEmission } from '../src/pallets/subtensor/epoch/index.ts';
import { startChain, execMany, key, type Chain } from './_helpers/subtensor.ts';
import { epochParity } from './_helpers/epoch-parity.ts';

const NETUID = 1;
/** Default validator take 11796 / 65535 as U96F32 bits. */
const TAKE_BITS = (11_796n << 32n) / 65_535n;

const hashAt = async (chain: Chain, n: number): Promise<string> => (await chain.api.rpc.chain.getBlockHash(n)).toHex();

/** Upstream's payout of one validator: floor(take) + floor(prop − take). */
function upstreamPaid(pool: bigint, ve: bigint, veSum: bigint): bigint {
  const prop = pool * ((ve << 32n) / veSum);
  const take = (TAKE_BITS * prop) >> 32n;
  return (take >> 32n) + ((prop - take) >> 32n);
}

test('validator dividends credited to the rao as upstream rounds them (U96F32 share, take and rest floored separately)', async (t) => {
  const chain = await startChain(t, {
    subnets: [
      {
        netuid: NETUID,
        owner: '//Alice',
        startCall: true,
        hyperparams: {
          tempo: 2,
          maxAllowedValidators: 3,
          minAllowedWeights: 0,
          yuma3Enabled: true,
          commitRevealEnabled: false,
          weightsSetRateLimit: 0,
        },
        neurons: [
          { hotkey: '//Bob//d-v0', coldkey: '//Bob', stake: 700, validatorPermit: true },
          { hotkey: '//Charlie//d-v1', coldkey: '//Charlie', stake: 200, validatorPermit: true },
          { hotkey: '//Ferdie//d-v2', coldkey: '//Ferdie', stake: 100, validatorPermit: true },
          { hotkey: '//Dave//d-m0', coldkey: '//Dave' },
          { hotkey: '//Eve//d-m1', coldkey: '//Eve' },
        ],
      },
    ],
  });
  const { api } = chain;
  const validators = ['//Bob//d-v0', '//Charlie//d-v1', '//Ferdie//d-v2'].map(key);
  const set = await execMany(
    chain,
    validators.map((v, i) => [api.tx.subtensorModule.setWeights(NETUID, [3, 4], [10 + i, 30 - i], 0), v]),
  );
  for (const r of set) t.true(r.ok, r.error);
  await chain.newBlocks(5);
  let compared = 0;
  // The test proves the rounding only if exact rational shares (floor(pool · ve / Σve), the devchain's
  // old payout) would have credited a different amount at least once.
  let exactDiffers = 0;
  for (const b of [2, 4, 6]) {
    const hash = await hashAt(chain, b);
    const parent = await hashAt(chain, b - 1);
    const { pure } = await epochParity(api, NETUID, hash);
    const pre = await api.at(parent);
    const post = await api.at(hash);
    const accrued =
      (await post.query.subtensorModule.subnetAlphaOut(NETUID)).toBigInt() -
      (await pre.query.subtensorModule.subnetAlphaOut(NETUID)).toBigInt();
    const split = splitBlockEmission(accrued, { subnetOwnerCut: (await pre.query.subtensorModule.subnetOwnerCut()).toNumber() });
    const serverSum = pure.serverEmission.reduce((a, x) => a + x, 0n);
    let pool = (await pre.query.subtensorModule.pendingValidatorEmission(NETUID)).toBigInt() + split.validator;
    if (serverSum === 0n) pool += (await pre.query.subtensorModule.pendingServerEmission(NETUID)).toBigInt() + split.server;
    const veSum = pure.validatorEmission.reduce((a, x) => a + x, 0n);
    t.true(veSum > 0n, `block ${b}: validators earn`);
    for (const [uid, v] of validators.entries()) {
      const before = (await pre.query.subtensorModule.totalHotkeyAlpha(v.address, NETUID)).toBigInt();
      const after = (await post.query.subtensorModule.totalHotkeyAlpha(v.address, NETUID)).toBigInt();
      const expected = upstreamPaid(pool, pure.validatorEmission[uid]!, veSum) + pure.serverEmission[uid]!;
      t.is(after - before, expected, `block ${b}, validator uid ${uid}`);
      if ((pool * pure.validatorEmission[uid]!) / veSum + pure.serverEmission[uid]! !== expected) exactDiffers++;
      compared++;
    }
  }
  t.is(compared, 9);
  t.true(exactDiffers > 0, 'exact rational shares would credit the same amounts: the case no longer tells the roundings apart');
  t.log(`${exactDiffers} of ${compared} credits differ from exact rational shares`);
});
