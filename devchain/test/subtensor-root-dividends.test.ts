/**
 * Root dividends as upstream (spec 425, run_coinbase.rs + claim_root.rs) over a real devchain:
 * each block sets `root_proportion` of the validators' half aside (`PendingRootAlphaDivs`, only
 * while two or more subnets emit, else recycled); an epoch splits each validator's dividend between
 * its alpha stakers and its root stakers by alpha vs root × TaoWeight, shares both pools out,
 * keeps the validator take, records `AlphaDividendsPerSubnet` / `RootAlphaDividendsPerSubnet`,
 * and credits the root part to `RootClaimable`; root stakers claim it (`claim_root`) as TAO on
 * root (Swap) or alpha on the subnet (Keep), or the chain claims for them each block.
 *
 * The expected values are computed here with upstream's formulas on U96F32 / I96F32 bits, written
 * independently of the devchain's code, from the chain state of the parent block.
 */
import test from 'ava';
import type { ApiPromise } from '@polkadot/api';
import { u8aConcat, u8aToHex, stringToU8a } from '@polkadot/util';
import { startChain, exec, execMany, key, type Chain } from './_helpers/subtensor.ts';

const TAO = 1_000_000_000n;
const U64_MAX = (1n << 64n) - 1n;
/** 0.5 as U96F32 bits. */
const HALF = 1n << 31n;
/** Default validator take 11796 / 65535 as U96F32 bits. */
const TAKE = (11_796n << 32n) / 65_535n;
const R = 20_000n * TAO;

// U96F32 (and I96F32 for the non-negative values here): bits = value · 2^32.
const fx = (n: bigint): bigint => n << 32n;
const mul = (a: bigint, b: bigint): bigint => (a * b) >> 32n;
const div = (a: bigint, b: bigint): bigint => (b === 0n ? 0n : (a << 32n) / b);
const floor = (a: bigint): bigint => a >> 32n;

const ROOT_ONLY = '//Bob//rd-root';
const ALPHA_ONLY = '//Charlie//rd-alpha';
const BOTH = '//Dave//rd-both';
const VALIDATORS = [ROOT_ONLY, ALPHA_ONLY, BOTH];

/** Subnet 1 (emission starts when the test calls start_call) and subnet 2, emitting from genesis, so two subnets emit. */
function genesis(opts: { secondSubnet: boolean }) {
  const subnets: unknown[] = [
    {
      netuid: 1,
      owner: '//Alice',
      hyperparams: { tempo: 1, maxAllowedValidators: 3, commitRevealEnabled: false, weightsSetRateLimit: 0 },
      neurons: [
        { hotkey: ROOT_ONLY, coldkey: '//Bob', validatorPermit: true },
        { hotkey: ALPHA_ONLY, coldkey: '//Charlie', stake: 1000, validatorPermit: true },
        { hotkey: BOTH, coldkey: '//Dave', stake: 1000, validatorPermit: true },
        { hotkey: '//Eve//rd-miner', coldkey: '//Eve' },
      ],
    },
  ];
  if (opts.secondSubnet)
    subnets.push({
      netuid: 2,
      owner: '//Alice',
      startCall: true,
      hyperparams: { tempo: 1000 },
      neurons: [{ hotkey: '//Ferdie//n2', coldkey: '//Ferdie' }],
    });
  return { subnetOwnerCut: 0, subnets };
}

/** Block 1: root stake R on the root-only and the both validators, auto-claim off, subnet 1 started (emits from block 2). */
async function setUp(chain: Chain, numRootClaim = 0): Promise<void> {
  const { api } = chain;
  const rs = await execMany(chain, [
    [api.tx.subtensorModule.addStake(key(ROOT_ONLY).address, 0, R), key('//Bob')],
    [api.tx.subtensorModule.addStake(key(BOTH).address, 0, R), key('//Dave')],
    [api.tx.sudo.sudo(api.tx.subtensorModule.sudoSetNumRootClaims(numRootClaim)), key('//Alice')],
    [api.tx.subtensorModule.startCall(1), key('//Alice')],
  ]);
  for (const r of rs) if (!r.ok) throw new Error(`set-up failed: ${r.error}`);
}

/** A `BTreeSet<NetUid>` argument (polkadot.js sorts it). */
const subnetSet = (api: ApiPromise, netuids: number[]) => api.createType('BTreeSet<u16>', netuids);

const hashAt = async (chain: Chain, n: number): Promise<string> => (await chain.api.rpc.chain.getBlockHash(n)).toHex();

async function q(api: ApiPromise, hash: string) {
  return (await api.at(hash)).query.subtensorModule;
}

/** `RootClaimable[hotkey][netuid]` (I96F32 bits). */
async function claimableRate(api: ApiPromise, hash: string, hotkey: string, netuid: number): Promise<bigint> {
  const map = (await (await q(api, hash)).rootClaimable(hotkey)) as unknown as Map<
    { toNumber(): number },
    { bits: { toBigInt(): bigint } }
  >;
  for (const [k, v] of map) if (k.toNumber() === netuid) return v.bits.toBigInt();
  return 0n;
}

interface Expected {
  pendingRoot: bigint;
  pendingValidator: bigint;
  /** Per validator: [alpha take, alpha rest, root take, root rest]. */
  pay: Array<[bigint, bigint, bigint, bigint]>;
}

/**
 * Upstream's formulas for subnet 1 at block `b` (owner cut 0, so the block's alpha_out is 1 TAO):
 *   rp = (SubnetTAO[0]·tw) / (SubnetTAO[0]·tw + SubnetAlphaIn + SubnetAlphaOut), alpha_out already counted;
 *   root = (rp·1e9)·0.5, server = 1e9·0.5, validator = 1e9 − server − root;
 * then per validator i with dividend d_i (its Emission, no miner earns): root_prop = r_i·tw / (a_i + r_i·tw),
 *   root_divs = d_i·root_prop, alpha_divs = d_i − root_divs; pools shared by x_divs / Σx_divs;
 *   take = (11796/65535)·share, rest = share − take, each floored.
 */
async function expected(api: ApiPromise, parent: string, hash: string, pendingBefore: bigint): Promise<Expected> {
  const pre = await q(api, parent);
  const post = await q(api, hash);
  const tw = div(fx((await pre.taoWeight()).toBigInt()), fx(U64_MAX));
  const issuance = (await pre.subnetAlphaIn(1)).toBigInt() + (await pre.subnetAlphaOut(1)).toBigInt() + TAO;
  const rootTw = mul(fx((await pre.subnetTAO(0)).toBigInt()), tw);
  const rp = div(rootTw, rootTw + fx(issuance));
  const root = mul(mul(rp, fx(TAO)), HALF);
  const server = mul(fx(TAO), HALF);
  const validator = fx(TAO) - server - root;
  const pendingRoot = pendingBefore + floor(root);
  // No miner earns (no weights): the validators share the server pool too.
  const pendingValidator = floor(validator) + floor(server);
  const emission = (await post.emission(1)).map((x) => x.toBigInt());
  const divs = await Promise.all(
    VALIDATORS.map(async (v, uid) => {
      const a = fx((await pre.totalHotkeyAlpha(key(v).address, 1)).toBigInt());
      const r = mul(fx((await pre.totalHotkeyAlpha(key(v).address, 0)).toBigInt()), tw);
      const d = fx(emission[uid]!);
      const rootDivs = mul(d, div(r, a + r));
      return { alpha: d - rootDivs, root: rootDivs };
    }),
  );
  const sumA = divs.reduce((s, x) => s + x.alpha, 0n);
  const sumR = divs.reduce((s, x) => s + x.root, 0n);
  const pay = divs.map(({ alpha, root: rootDivs }): [bigint, bigint, bigint, bigint] => {
    const shareA = mul(fx(pendingValidator), div(alpha, sumA));
    const shareR = mul(fx(pendingRoot), div(rootDivs, sumR));
    const takeA = mul(TAKE, shareA);
    const takeR = mul(TAKE, shareR);
    return [floor(takeA), floor(shareA - takeA), floor(takeR), floor(shareR - takeR)];
  });
  return { pendingRoot, pendingValidator, pay };
}

test('root dividends: the validator half is split between alpha and root stakers to the rao (root only, alpha only, both)', async (t) => {
  const chain = await startChain(t, genesis({ secondSubnet: true }));
  const { api } = chain;
  await setUp(chain);
  // Block 2: subnet 1's first emission and epoch (tempo 1); it gives the root-only validator its
  // permit (the epoch masks by the permits of the previous epoch, when it had no stake yet).
  // Block 3: the first epoch that pays all three validators.
  await chain.newBlocks(2);
  const [b1, b2] = [await hashAt(chain, 2), await hashAt(chain, 3)];
  const exp = await expected(api, b1, b2, 0n);
  const pre = await q(api, b1);
  const post = await q(api, b2);
  // The formula on this run's inputs gives the figures worked by hand in HAND (below); the
  // chain's storage is then checked against them.
  t.is(exp.pendingRoot, HAND.pendingRoot, 'root alpha set aside this block');
  t.deepEqual(exp.pay, HAND.pay, 'the formula worked by hand');
  for (const [uid, v] of VALIDATORS.entries()) {
    const hk = key(v).address;
    const [takeA, restA, takeR, restR] = exp.pay[uid]!;
    t.is((await post.alphaDividendsPerSubnet(1, hk)).toBigInt(), restA, `${v}: AlphaDividendsPerSubnet`);
    t.is((await post.rootAlphaDividendsPerSubnet(1, hk)).toBigInt(), restR, `${v}: RootAlphaDividendsPerSubnet`);
    const alphaGain = (await post.totalHotkeyAlpha(hk, 1)).toBigInt() - (await pre.totalHotkeyAlpha(hk, 1)).toBigInt();
    t.is(alphaGain, takeA + restA + takeR, `${v}: alpha stake grows by its alpha dividends and both takes`);
    const rootStake = (await pre.totalHotkeyAlpha(hk, 0)).toBigInt();
    const rateGain = (await claimableRate(api, b2, hk, 1)) - (await claimableRate(api, b1, hk, 1));
    t.is(rateGain, rootStake === 0n ? 0n : div(fx(restR), fx(rootStake)), `${v}: RootClaimable rate grows by root rest / root stake`);
  }
  t.is((await post.pendingRootAlphaDivs(1)).toBigInt(), 0n, 'the epoch drained the root pool');
  t.is((await pre.pendingRootAlphaDivs(1)).toBigInt(), 0n);
});

/**
 * Block 3 of the first test, worked by hand (x̂ = U96F32 bits / 2^32, each step truncated to 32
 * fractional bits as upstream; R = 20,000 TAO on root for the root-only and the both validators):
 *   tw = floor(971718665099567868 · 2^32 / (2^64 − 1)) = 226245882 bits ≈ 0.0526769743
 *   root_tao·tw = 40,000 TAO · tw ≈ 2107.0789732 TAO; issuance = 2000 TAO staked + 2 TAO emitted
 *   rp = 2107.079 / (2107.079 + 2002) = 2202399939 bits ≈ 0.5127862
 *   root = (rp · 1e9) · 0.5 ≈ 256,393,097.69 → PendingRootAlphaDivs 256,393,097
 *   validators' alpha pool = floor(1e9 − 5e8 − 256,393,097.69) + 5e8 (no miner earns) = 743,606,902
 * Epoch dividends (Emission, stake fallback: no weights): d = (256,468,638, 243,525,742, 500,005,617);
 * alpha stakes a = (0, 1000.371772244, 1000.417933061) TAO after block 2's payouts; r·tw = 1053.5394866 TAO.
 *   root only:  root_prop 1           → root_divs 256,468,638,      alpha_divs 0
 *   alpha only: root_prop 0           → root_divs 0,                alpha_divs 243,525,742
 *   both:       root_prop ≈ 0.5129315 → root_divs ≈ 256,468,637.47, alpha_divs ≈ 243,536,979.53
 *   Σ root ≈ 512,937,275.47, Σ alpha ≈ 487,062,721.53
 *   root only:  root share ≈ 0.5000000005 · 256,393,097 ≈ 128,196,548.62 → take 23,074,791, rest 105,121,756
 *   alpha only: alpha share ≈ 0.4999885 · 743,606,902 ≈ 371,794,872.71 → take 66,921,375, rest 304,873,497
 *   both:       alpha ≈ 371,812,029.12 → 66,924,463 + 304,887,565; root ≈ 128,196,548.32 → 23,074,791 + 105,121,756
 * (take = 11796/65535 of the share, both parts floored separately.)
 */
const HAND: { pendingRoot: bigint; pay: Array<[bigint, bigint, bigint, bigint]> } = {
  pendingRoot: 256_393_097n,
  pay: [
    [0n, 0n, 23_074_791n, 105_121_756n],
    [66_921_375n, 304_873_497n, 0n, 0n],
    [66_924_463n, 304_887_565n, 23_074_791n, 105_121_756n],
  ],
};

/** The `RootClaimed` storage value of (netuid, hotkey, coldkey). */
async function rootClaimed(api: ApiPromise, hash: string, netuid: number, hotkey: string, coldkey: string): Promise<bigint> {
  return ((await (await q(api, hash)).rootClaimed(netuid, hotkey, coldkey)) as unknown as { toBigInt(): bigint }).toBigInt();
}

/** Upstream's `get_subnet_account_id`, computed independently of the devchain's code. */
function subnetAccount(netuid: number): string {
  const id = new Uint8Array(32);
  id.set(u8aConcat(stringToU8a('modl'), stringToU8a('subtensr'), new Uint8Array([netuid & 0xff, netuid >> 8])));
  return u8aToHex(id);
}

test('claim_root: Swap restakes the owed alpha as TAO on root, Keep stakes it on the subnet; a late root staker is not owed past dividends', async (t) => {
  const chain = await startChain(t, genesis({ secondSubnet: true }));
  const { api } = chain;
  await setUp(chain);
  await chain.newBlocks(3); // blocks 2..4: dividends accrue, nobody claims (NumRootClaim 0)
  // Ferdie stakes R on the root-only validator after its root stakers have earned three epochs of dividends.
  const late = await exec(chain, api.tx.subtensorModule.addStake(key(ROOT_ONLY).address, 0, R), key('//Ferdie'));
  t.true(late.ok, late.error);
  const rateAtJoin = await claimableRate(api, late.blockHash, key(ROOT_ONLY).address, 1);
  t.true(rateAtJoin > 0n);
  // add_stake_adjust_root_claimed: the new stake counts as having claimed rate · R already.
  t.is(await rootClaimed(api, late.blockHash, 1, key(ROOT_ONLY).address, key('//Ferdie').address), floor(mul(rateAtJoin, fx(R))));
  const keep = await exec(chain, api.tx.subtensorModule.setRootClaimType('Keep'), key('//Dave'));
  t.true(keep.ok, keep.error);
  t.true(keep.events.includes('subtensorModule.RootClaimTypeSet'));

  const claims = await execMany(chain, [
    [api.tx.subtensorModule.claimRoot(subnetSet(api, [1])), key('//Bob')],
    [api.tx.subtensorModule.claimRoot(subnetSet(api, [1])), key('//Dave')],
    [api.tx.subtensorModule.claimRoot(subnetSet(api, [1])), key('//Ferdie')],
  ]);
  for (const c of claims) {
    t.true(c.ok, c.error);
    t.true(c.events.includes('subtensorModule.RootClaimed'));
  }
  const hash = claims[0]!.blockHash;
  const header = await api.rpc.chain.getHeader(hash);
  const parent = header.parentHash.toHex();
  const pre = await q(api, parent);
  const post = await q(api, hash);
  const rootOnly = key(ROOT_ONLY).address;
  const both = key(BOTH).address;
  // The claim block's epoch ran before the extrinsics: the claims use its rates.
  const rate = await claimableRate(api, hash, rootOnly, 1);
  const rateBoth = await claimableRate(api, hash, both, 1);

  // Swap (Bob, the default): owed = floor(rate · R); the alpha is sold 1:1 (SubnetAlphaIn grows by it),
  // its TAO moves from subnet 1's account to root's and is staked on root; RootClaimed = owed + floor(rate · owed).
  const bobOwed = floor(mul(rate, fx(R)));
  t.true(bobOwed > 100_000_000n, `Bob is owed ${bobOwed}`);
  const ferdieOwed = floor(mul(rate, fx(R)) - fx(floor(mul(rateAtJoin, fx(R)))));
  const ferdieRoot = (await pre.totalHotkeyAlpha(rootOnly, 0)).toBigInt();
  t.is(ferdieRoot, 2n * R);
  t.is((await post.totalHotkeyAlpha(rootOnly, 0)).toBigInt(), 2n * R + bobOwed + ferdieOwed, 'both Swap claims staked on root');
  t.is(await rootClaimed(api, hash, 1, rootOnly, key('//Bob').address), bobOwed + floor(mul(rate, fx(bobOwed))));
  t.is((await post.subnetAlphaIn(1)).toBigInt() - (await pre.subnetAlphaIn(1)).toBigInt(), bobOwed + ferdieOwed);
  t.is((await post.subnetTAO(0)).toBigInt() - (await pre.subnetTAO(0)).toBigInt(), bobOwed + ferdieOwed);
  const transfers = (await (await api.at(hash)).query.system.events())
    .filter(({ event }) => event.section === 'balances' && event.method === 'Transfer')
    .map(({ event }) => [u8aToHex(event.data[0]!.toU8a()), u8aToHex(event.data[1]!.toU8a()), BigInt(event.data[2]!.toString())]);
  t.deepEqual(
    transfers.filter(([from]) => from === subnetAccount(1)),
    [
      [subnetAccount(1), subnetAccount(0), bobOwed],
      [subnetAccount(1), subnetAccount(0), ferdieOwed],
    ],
  );
  // The late staker gets only what accrued since it joined, not R · (the rate before it came).
  t.true(ferdieOwed < bobOwed / 2n, `late staker owed ${ferdieOwed}, early one ${bobOwed}`);

  // Keep (Dave): owed = floor(rateBoth · R) staked as alpha on subnet 1, on top of this block's epoch payout.
  const daveOwed = floor(mul(rateBoth, fx(R)));
  const exp = await expected(api, parent, hash, 0n);
  const [takeA, restA, takeR] = exp.pay[2]!;
  const gain = (await post.totalHotkeyAlpha(both, 1)).toBigInt() - (await pre.totalHotkeyAlpha(both, 1)).toBigInt();
  t.is(gain, takeA + restA + takeR + daveOwed);
  t.is(await rootClaimed(api, hash, 1, both, key('//Dave').address), daveOwed);
  t.is((await post.totalHotkeyAlpha(both, 0)).toBigInt(), R, 'Keep leaves the root stake alone');

  // Claiming again in the next block pays only the next epoch's dividends.
  const again = await exec(chain, api.tx.subtensorModule.claimRoot(subnetSet(api, [1])), key('//Bob'));
  t.true(again.ok, again.error);
  const gained = (await (await q(api, again.blockHash)).totalHotkeyAlpha(rootOnly, 0)).toBigInt() - (2n * R + bobOwed + ferdieOwed);
  t.true(gained > 0n && gained < bobOwed / 2n, `second claim ${gained}`);
});

test('root claim calls refuse bad arguments and origins with upstream errors; the staking-coldkey index stays dense', async (t) => {
  const chain = await startChain(t, genesis({ secondSubnet: true }));
  const { api } = chain;
  const sudo = (c: Parameters<typeof api.tx.sudo.sudo>[0]) => api.tx.sudo.sudo(c);
  const rs = await execMany(chain, [
    [api.tx.subtensorModule.claimRoot(subnetSet(api, [])), key('//Bob')],
    [api.tx.subtensorModule.claimRoot(subnetSet(api, [1, 2, 3, 4, 5, 6])), key('//Bob')],
    [api.tx.subtensorModule.setRootClaimType({ KeepSubnets: { subnets: [] } }), key('//Bob')],
    [api.tx.subtensorModule.sudoSetNumRootClaims(10), key('//Bob')],
    [api.tx.subtensorModule.sudoSetRootClaimThreshold(1, 1000), key('//Bob')],
    [sudo(api.tx.subtensorModule.sudoSetNumRootClaims(51)), key('//Alice')],
    [api.tx.subtensorModule.sudoSetRootClaimThreshold(1, 10_000_001), key('//Alice')],
  ]);
  t.deepEqual(
    rs.map((r) => r.error),
    [
      'subtensorModule.InvalidSubnetNumber',
      'subtensorModule.InvalidSubnetNumber',
      'subtensorModule.InvalidSubnetNumber',
      'BadOrigin',
      'BadOrigin',
      'subtensorModule.InvalidNumRootClaim',
      'subtensorModule.InvalidRootClaimThreshold',
    ],
  );
  const ok = await execMany(chain, [
    [api.tx.subtensorModule.sudoSetRootClaimThreshold(1, 1000), key('//Alice')],
    [sudo(api.tx.subtensorModule.sudoSetNumRootClaims(50)), key('//Alice')],
    [api.tx.subtensorModule.setRootClaimType({ KeepSubnets: { subnets: [2, 1] } }), key('//Bob')],
  ]);
  for (const r of ok) t.true(r.ok, r.error);
  const st = await q(api, ok[0]!.blockHash);
  t.is(((await st.rootClaimableThreshold(1)) as unknown as { bits: { toBigInt(): bigint } }).bits.toBigInt(), 1000n << 32n);
  t.is((await st.numRootClaim()).toBigInt(), 50n);
  t.deepEqual((await st.rootClaimType(key('//Bob').address)).toJSON(), { keepSubnets: { subnets: [1, 2] } });
  t.is((await st.numStakingColdkeys()).toBigInt(), 1n, 'set_root_claim_type indexes the coldkey');

  // Root stake indexes its coldkey; unstaking all of it drops the coldkey and moves the last one into its slot.
  const staked = await execMany(chain, [
    [api.tx.subtensorModule.addStake(key(ALPHA_ONLY).address, 0, 10n * TAO), key('//Charlie')],
    [api.tx.subtensorModule.addStake(key(BOTH).address, 0, 10n * TAO), key('//Dave')],
  ]);
  for (const r of staked) t.true(r.ok, r.error);
  const unstaked = await exec(chain, api.tx.subtensorModule.removeStake(key(ALPHA_ONLY).address, 0, 10n * TAO), key('//Charlie'));
  t.true(unstaked.ok, unstaked.error);
  const idx = await q(api, unstaked.blockHash);
  t.is((await idx.numStakingColdkeys()).toBigInt(), 2n);
  t.is((await idx.stakingColdkeysByIndex(1)).unwrap().toString(), key('//Dave').address);
  t.true((await idx.stakingColdkeysByIndex(2)).isNone);
  t.true((await idx.stakingColdkeys(key('//Charlie').address)).isNone);
  t.is((await idx.stakingColdkeys(key('//Dave').address)).unwrap().toBigInt(), 1n);
});

test('one emitting subnet: the root sell flag is off and the root share is recycled, not paid', async (t) => {
  const chain = await startChain(t, genesis({ secondSubnet: false }));
  const { api } = chain;
  await setUp(chain);
  await chain.newBlocks(2);
  const [b1, b2] = [await hashAt(chain, 2), await hashAt(chain, 3)];
  const pre = await q(api, b1);
  const post = await q(api, b2);
  const tw = div(fx((await pre.taoWeight()).toBigInt()), fx(U64_MAX));
  const issuance = (await pre.subnetAlphaIn(1)).toBigInt() + (await pre.subnetAlphaOut(1)).toBigInt() + TAO;
  const rootTw = mul(fx((await pre.subnetTAO(0)).toBigInt()), tw);
  const root = floor(mul(mul(div(rootTw, rootTw + fx(issuance)), fx(TAO)), HALF));
  t.true(root > 100_000_000n, `root share ${root}`);
  t.is((await post.subnetAlphaOut(1)).toBigInt() - (await pre.subnetAlphaOut(1)).toBigInt(), TAO - root, 'recycled out of SubnetAlphaOut');
  for (const v of VALIDATORS) t.is((await post.rootAlphaDividendsPerSubnet(1, key(v).address)).toBigInt(), 0n);
  t.is(await claimableRate(api, b2, key(ROOT_ONLY).address, 1), 0n);
  const rp = ((await post.rootProp(1)) as unknown as { bits: { toBigInt(): bigint } }).bits.toBigInt();
  t.true(rp > 0n && rp < 1n << 32n, 'RootProp is written for the emitting subnet');
});

test('auto-claim: each block claims for coldkeys picked from the parent hash (Swap by default)', async (t) => {
  const chain = await startChain(t, genesis({ secondSubnet: true }));
  const { api } = chain;
  await setUp(chain, 5);
  const head = await chain.newBlocks(4);
  const st = await q(api, head);
  t.is((await st.numStakingColdkeys()).toBigInt(), 2n, 'Bob and Dave hold root stake');
  for (const [hotkey, cold] of [
    [ROOT_ONLY, '//Bob'],
    [BOTH, '//Dave'],
  ] as const) {
    const stake = (await st.totalHotkeyAlpha(key(hotkey).address, 0)).toBigInt();
    t.true(stake > R, `${cold}'s root stake grew by its claims (${stake - R})`);
    t.true((await rootClaimed(api, head, 1, key(hotkey).address, key(cold).address)) > 0n);
  }
  const claimed = (await (await api.at(head)).query.system.events()).filter(
    ({ event, phase }) => phase.isInitialization && event.section === 'subtensorModule' && event.method === 'RootClaimed',
  );
  t.true(claimed.length >= 1, 'RootClaimed in the block initialization');
});
