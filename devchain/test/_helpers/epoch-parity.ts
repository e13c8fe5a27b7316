/**
 * Chain-vs-pure-module epoch parity: reads a subnet's epoch inputs from the state *before* a block
 * (its parent) through an unmodified ApiPromise, reruns that epoch with the pure Yuma module, and
 * reads what the chain stored *after* the block, so a test can compare the two field by field.
 */
import '@polkadot/api-augment';
import type { ApiPromise } from '@polkadot/api';
import type { ExecutionContext } from 'ava';
import {
  runEpoch,
  activityCutoffBlocks,
  splitBlockEmission,
  type EpochInput,
  type EpochOutput,
} from '../../src/pallets/subtensor/epoch/index.ts';

type Row = Array<[number, number]>;

/** The per-uid values the epoch writes (§8 step 14), as stored on chain. */
export interface StoredEpochOutputs {
  active: boolean[];
  emission: bigint[];
  consensus: number[];
  incentive: number[];
  dividends: number[];
  validatorTrust: number[];
  stakeWeight: number[];
  validatorPermit: boolean[];
  bonds: Row[];
}

export interface EpochParity {
  block: number;
  /** Epoch input rebuilt from the parent block's state. */
  input: EpochInput;
  /** Pure module result for that input. */
  pure: EpochOutput;
  /** What the chain stored in the block. */
  stored: StoredEpochOutputs;
  /** The pure result projected onto the stored fields. */
  expected: StoredEpochOutputs;
}

const rowOf = (r: Iterable<[{ toNumber(): number }, { toNumber(): number }]>): Row =>
  Array.from(r, ([a, b]) => [a.toNumber(), b.toNumber()]);

/** Reads the stored epoch outputs of `netuid` at block `hash`. */
export async function readStoredOutputs(api: ApiPromise, netuid: number, hash: string): Promise<StoredEpochOutputs> {
  const at = await api.at(hash);
  const q = at.query.subtensorModule;
  const n = (await q.subnetworkN(netuid)).toNumber();
  const [active, emission, consensus, incentive, dividends, vtrust, sweight, permit] = await Promise.all([
    q.active(netuid),
    q.emission(netuid),
    q.consensus(netuid),
    q.incentive(netuid),
    q.dividends(netuid),
    q.validatorTrust(netuid),
    q.stakeWeight(netuid),
    q.validatorPermit(netuid),
  ]);
  const bonds = await Promise.all(Array.from({ length: n }, async (_, uid) => rowOf(await q.bonds(netuid, uid))));
  return {
    active: active.map((x) => x.isTrue),
    emission: emission.map((x) => x.toBigInt()),
    consensus: consensus.map((x) => x.toNumber()),
    incentive: incentive.map((x) => x.toNumber()),
    dividends: dividends.map((x) => x.toNumber()),
    validatorTrust: vtrust.map((x) => x.toNumber()),
    stakeWeight: sweight.map((x) => x.toNumber()),
    validatorPermit: permit.map((x) => x.isTrue),
    bonds,
  };
}

/**
 * Rebuilds the `EpochInput` the chain used for the epoch of `netuid` in block `hash`, only from
 * API reads: every input from the parent state, the emission as the parent's pending amounts plus
 * this block's accrual (the growth of `SubnetAlphaOut` in the block, split with `SubnetOwnerCut`).
 * Throws when no epoch of `netuid` ran in that block, or when inputs this reader does not model are set.
 */
export async function readEpochInput(api: ApiPromise, netuid: number, hash: string): Promise<EpochInput> {
  const header = await api.rpc.chain.getHeader(hash);
  const block = header.number.toNumber();
  const parent = header.parentHash.toHex();
  const [pre, post] = [await api.at(parent), await api.at(hash)];
  const q = pre.query.subtensorModule;
  const idxBefore = (await q.subnetEpochIndex(netuid)).toNumber();
  const idxAfter = (await post.query.subtensorModule.subnetEpochIndex(netuid)).toNumber();
  const lastEpoch = (await post.query.subtensorModule.lastEpochBlock(netuid)).toNumber();
  if (idxAfter !== idxBefore + 1 || lastEpoch !== block) {
    throw new Error(
      `readEpochInput: expected an epoch of subnet ${netuid} in block ${block}, found SubnetEpochIndex ${idxBefore} → ${idxAfter}, LastEpochBlock ${lastEpoch}`,
    );
  }
  if ((await q.commitRevealWeightsEnabled(netuid)).isTrue)
    throw new Error(`readEpochInput: expected commit-reveal off on subnet ${netuid} (the CR mask is not rebuilt here)`);
  const n = (await q.subnetworkN(netuid)).toNumber();
  const tempo = (await q.tempo(netuid)).toNumber();
  const keyEntries = await q.keys.entries(netuid);
  const hotkeyOf = new Map(keyEntries.map(([k, v]) => [(k.args[1] as { toNumber(): number }).toNumber(), v.toHex()]));
  const uids = Array.from({ length: n }, (_, uid) => uid);
  const hasHotkey = uids.map((uid) => hotkeyOf.has(uid));
  const alphaStake = await Promise.all(
    uids.map(async (uid) => {
      const hk = hotkeyOf.get(uid);
      return hk === undefined ? 0n : (await q.totalHotkeyAlpha(hk, netuid)).toBigInt();
    }),
  );
  const ownerHot = await q.subnetOwnerHotkey(netuid);
  const ownerUidOpt = await q.uids(netuid, ownerHot);
  const av = await q.alphaValues(netuid);
  const pending =
    (await q.pendingServerEmission(netuid)).toBigInt() +
    (await q.pendingValidatorEmission(netuid)).toBigInt() +
    (await q.pendingRootAlphaDivs(netuid)).toBigInt();
  const accrued = (await post.query.subtensorModule.subnetAlphaOut(netuid)).toBigInt() - (await q.subnetAlphaOut(netuid)).toBigInt();
  const split =
    accrued > 0n
      ? splitBlockEmission(accrued, { subnetOwnerCut: (await q.subnetOwnerCut()).toNumber() })
      : { server: 0n, validator: 0n, rootDivs: 0n };
  return {
    n,
    currentBlock: block,
    tempo,
    activityCutoff: activityCutoffBlocks((await q.activityCutoffFactorMilli(netuid)).toNumber(), tempo),
    lastUpdate: (await q.lastUpdate(netuid)).map((x) => x.toNumber()),
    blockAtRegistration: await Promise.all(uids.map(async (uid) => (await q.blockAtRegistration(netuid, uid)).toNumber())),
    hasHotkey,
    alphaStake,
    taoWeight: (await q.taoWeight()).toBigInt(),
    stakeThreshold: (await q.stakeThreshold()).toBigInt(),
    ownerUid: ownerUidOpt.isSome ? ownerUidOpt.unwrap().toNumber() : undefined,
    validatorPermit: (await q.validatorPermit(netuid)).map((x) => x.isTrue),
    maxAllowedValidators: (await q.maxAllowedValidators(netuid)).toNumber(),
    weights: await Promise.all(uids.map(async (uid) => rowOf(await q.weights(netuid, uid)))),
    bonds: await Promise.all(uids.map(async (uid) => rowOf(await q.bonds(netuid, uid)))),
    kappa: (await q.kappa(netuid)).toNumber(),
    bondsPenalty: (await q.bondsPenalty(netuid)).toNumber(),
    bondsMovingAverage: (await q.bondsMovingAverage(netuid)).toBigInt(),
    yuma3On: (await q.yuma3On(netuid)).isTrue,
    liquidAlphaOn: (await q.liquidAlphaOn(netuid)).isTrue,
    alphaValues: [av[0].toNumber(), av[1].toNumber()],
    alphaSigmoidSteepness: (await q.alphaSigmoidSteepness(netuid)).toNumber(),
    lastMechanismStepBlock: (await q.lastMechansimStepBlock(netuid)).toNumber(),
    raoEmission: pending + split.server + split.validator + split.rootDivs,
  };
}

/** Projects a pure epoch result onto the stored fields. */
export function expectedStored(out: EpochOutput): StoredEpochOutputs {
  return {
    active: out.active,
    emission: out.emission,
    consensus: out.consensus,
    incentive: out.incentive,
    dividends: out.dividends,
    validatorTrust: out.validatorTrust,
    stakeWeight: out.stakeWeight,
    validatorPermit: out.newValidatorPermit,
    bonds: out.bonds,
  };
}

/** Reruns the epoch of block `hash` with the pure module and reads what the chain stored. */
export async function epochParity(api: ApiPromise, netuid: number, hash: string): Promise<EpochParity> {
  const input = await readEpochInput(api, netuid, hash);
  const pure = runEpoch(input);
  return { block: input.currentBlock, input, pure, stored: await readStoredOutputs(api, netuid, hash), expected: expectedStored(pure) };
}

/** Asserts every stored epoch output of block `hash` equals the pure module's; returns the parity record. */
export async function assertEpochParity(t: ExecutionContext, api: ApiPromise, netuid: number, hash: string): Promise<EpochParity> {
  const p = await epochParity(api, netuid, hash);
  for (const k of Object.keys(p.expected) as Array<keyof StoredEpochOutputs>) {
    t.deepEqual(p.stored[k], p.expected[k], `block ${p.block}, subnet ${netuid}: stored ${k} differs from the pure epoch`);
  }
  return p;
}
