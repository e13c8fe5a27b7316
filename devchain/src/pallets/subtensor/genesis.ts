/**
 * SubtensorModule genesis: the root network (netuid 0), global limits at upstream defaults, and
 * optional pre-built subnets (`genesis.pallets.SubtensorModule.subnets`) with hyperparameters,
 * registered neurons and stakes, so tests and `arena up` start from a known state in one step.
 */
import { z } from 'zod';
import { Keyring } from '@polkadot/keyring';
import { decodeAddress } from '@polkadot/util-crypto';
import type { GenesisContext } from '../../frame/pallet.ts';
import type { State } from '../../frame/state.ts';
import { SubtensorStorage, ZERO_ACCOUNT } from './storage.ts';
import { appendNeuron, createAccountIfNew } from './state/registration.ts';
import { increaseStake } from './state/stake.ts';
import { initNetwork } from './state/subnets.ts';
import { subnetAccountId } from './state/tao.ts';
import { EXISTENTIAL_DEPOSIT, deposit } from '../balances.ts';
import { initialLastEpochBlock } from './epoch/index.ts';

const Key = z.string().min(1).describe('dev URI (//Alice, //Alice//hot1) or SS58 address');
const Amount = z.union([z.number().nonnegative(), z.string().regex(/^\d+(\.\d{1,9})?$/)]);
const Int = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]);

export const HyperparamsSchema = z
  .object({
    tempo: z.number().int().min(0).max(65535),
    maxAllowedUids: z.number().int().min(1).max(65535),
    maxAllowedValidators: z.number().int().min(0).max(65535),
    minAllowedWeights: z.number().int().min(0).max(65535),
    maxWeightsLimit: z.number().int().min(0).max(65535),
    immunityPeriod: z.number().int().min(0).max(65535),
    kappa: z.number().int().min(0).max(65535),
    rho: z.number().int().min(0).max(65535),
    bondsMovingAverage: Int,
    bondsPenalty: z.number().int().min(0).max(65535),
    commitRevealEnabled: z.boolean(),
    revealPeriodEpochs: z.number().int().min(1).max(100),
    yuma3Enabled: z.boolean(),
    liquidAlphaEnabled: z.boolean(),
    alphaValues: z.tuple([z.number().int().min(0).max(65535), z.number().int().min(0).max(65535)]),
    alphaSigmoidSteepness: z.number().int().min(-32768).max(32767),
    activityCutoff: z.number().int().min(0).max(65535),
    activityCutoffFactorMilli: z.number().int().min(1).max(4_294_967_295),
    servingRateLimit: Int,
    weightsSetRateLimit: Int,
    weightsVersionKey: Int,
    burn: Int,
    minBurn: Int,
    maxBurn: Int,
    burnHalfLife: z.number().int().min(0).max(65535),
    registrationAllowed: z.boolean(),
  })
  .partial()
  .strict();
export type Hyperparams = z.infer<typeof HyperparamsSchema>;

const NeuronSchema = z
  .object({
    hotkey: Key,
    coldkey: Key,
    /** Stake in TAO (1 TAO = 1 alpha on the stable mechanism). */
    stake: Amount.optional(),
    /** Stake in rao (alternative to `stake`). */
    stakeRao: Int.optional(),
    validatorPermit: z.boolean().optional(),
  })
  .strict();

const SubnetSchema = z
  .object({
    netuid: z.number().int().min(1).max(65535),
    owner: Key,
    /** Owner hotkey, registered as uid 0 (as `register_network` does); omit for a subnet without one. */
    ownerHotkey: Key.optional(),
    hyperparams: HyperparamsSchema.default({}),
    neurons: z.array(NeuronSchema).default([]),
    startCall: z.boolean().default(false),
  })
  .strict();

export const SubtensorGenesisSchema = z
  .object({
    /** `NetworkRateLimit` in blocks (upstream 7200). */
    networkRateLimit: Int.optional(),
    /** `NetworkMinLockCost` in rao (upstream 1e12). */
    networkMinLockCost: Int.optional(),
    /** `SubnetOwnerCut` u16 (upstream 11796 = 18%). */
    subnetOwnerCut: z.number().int().min(0).max(65535).optional(),
    /** `StakeThreshold` in rao (upstream 0). */
    stakeThreshold: Int.optional(),
    /** `StartCallDelay` in blocks (upstream genesis `start_call_delay`; local default 0). */
    startCallDelay: Int.optional(),
    /** `MaxEpochsPerBlock` u8 (upstream 2; devchain genesis option, upstream has none). */
    maxEpochsPerBlock: z.number().int().min(0).max(255).optional(),
    subnets: z.array(SubnetSchema).default([]),
  })
  .strict();
export type SubtensorGenesis = z.input<typeof SubtensorGenesisSchema>;

function toRao(v: number | string): bigint {
  const [int, frac = ''] = String(v).split('.');
  return BigInt(int!) * 1_000_000_000n + BigInt(`${frac}000000000`.slice(0, 9));
}

/** Writes hyperparameters of one subnet (shared with AdminUtils-like bulk setup). */
export function applyHyperparams(s: State, netuid: number, h: Hyperparams, block: number): void {
  if (h.tempo !== undefined) {
    SubtensorStorage.Tempo.set(s, netuid, h.tempo);
    SubtensorStorage.LastEpochBlock.set(s, netuid, BigInt(initialLastEpochBlock(block, netuid, h.tempo)));
  }
  const set16 = <K extends keyof Hyperparams>(k: K, item: { set(s: State, n: number, v: never): void }): void => {
    if (h[k] !== undefined) item.set(s, netuid, h[k] as never);
  };
  set16('maxAllowedUids', SubtensorStorage.MaxAllowedUids);
  set16('maxAllowedValidators', SubtensorStorage.MaxAllowedValidators);
  set16('minAllowedWeights', SubtensorStorage.MinAllowedWeights);
  set16('maxWeightsLimit', SubtensorStorage.MaxWeightsLimit);
  set16('immunityPeriod', SubtensorStorage.ImmunityPeriod);
  set16('kappa', SubtensorStorage.Kappa);
  set16('rho', SubtensorStorage.Rho);
  set16('bondsPenalty', SubtensorStorage.BondsPenalty);
  set16('commitRevealEnabled', SubtensorStorage.CommitRevealWeightsEnabled);
  set16('yuma3Enabled', SubtensorStorage.Yuma3On);
  set16('liquidAlphaEnabled', SubtensorStorage.LiquidAlphaOn);
  set16('alphaValues', SubtensorStorage.AlphaValues);
  set16('alphaSigmoidSteepness', SubtensorStorage.AlphaSigmoidSteepness);
  set16('activityCutoff', SubtensorStorage.ActivityCutoff);
  set16('activityCutoffFactorMilli', SubtensorStorage.ActivityCutoffFactorMilli);
  set16('burnHalfLife', SubtensorStorage.BurnHalfLife);
  set16('registrationAllowed', SubtensorStorage.NetworkRegistrationAllowed);
  const big = (k: keyof Hyperparams, item: { set(s: State, n: number, v: bigint): void }): void => {
    const v = h[k];
    if (v !== undefined) item.set(s, netuid, BigInt(v as number | string));
  };
  big('bondsMovingAverage', SubtensorStorage.BondsMovingAverage);
  big('revealPeriodEpochs', SubtensorStorage.RevealPeriodEpochs);
  big('servingRateLimit', SubtensorStorage.ServingRateLimit);
  big('weightsSetRateLimit', SubtensorStorage.WeightsSetRateLimit);
  big('weightsVersionKey', SubtensorStorage.WeightsVersionKey);
  big('burn', SubtensorStorage.Burn);
  big('minBurn', SubtensorStorage.MinBurn);
  big('maxBurn', SubtensorStorage.MaxBurn);
}

export function genesisSubnets(ctx: GenesisContext): void {
  const s = ctx.state;
  // Root network (netuid 0), as upstream's local chain.
  SubtensorStorage.NetworksAdded.set(s, 0, true);
  SubtensorStorage.TotalNetworks.set(s, 1);
  SubtensorStorage.SubnetMechanism.set(s, 0, 0);
  SubtensorStorage.NetworkRateLimit.set(s, 7200n);
  SubtensorStorage.NetworkMinLockCost.set(s, 1_000_000_000_000n);
  SubtensorStorage.NetworkLastLockCost.set(s, 1_000_000_000_000n);
  if (ctx.palletConfig === undefined) return;
  const parsed = SubtensorGenesisSchema.safeParse(ctx.palletConfig);
  if (!parsed.success) {
    throw new Error(
      `invalid genesis.pallets.SubtensorModule: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    );
  }
  const g = parsed.data;
  if (g.networkRateLimit !== undefined) SubtensorStorage.NetworkRateLimit.set(s, BigInt(g.networkRateLimit));
  if (g.networkMinLockCost !== undefined) {
    SubtensorStorage.NetworkMinLockCost.set(s, BigInt(g.networkMinLockCost));
    SubtensorStorage.NetworkLastLockCost.set(s, BigInt(g.networkMinLockCost));
  }
  if (g.subnetOwnerCut !== undefined) SubtensorStorage.SubnetOwnerCut.set(s, g.subnetOwnerCut);
  if (g.stakeThreshold !== undefined) SubtensorStorage.StakeThreshold.set(s, BigInt(g.stakeThreshold));
  if (g.startCallDelay !== undefined) SubtensorStorage.StartCallDelay.set(s, BigInt(g.startCallDelay));
  if (g.maxEpochsPerBlock !== undefined) SubtensorStorage.MaxEpochsPerBlock.set(s, g.maxEpochsPerBlock);
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const account = (k: string): Uint8Array => (k.startsWith('//') ? keyring.addFromUri(k).publicKey : decodeAddress(k));
  const seen = new Set<number>();
  for (const sn of g.subnets) {
    if (seen.has(sn.netuid)) throw new Error(`genesis.pallets.SubtensorModule.subnets: netuid ${sn.netuid} appears twice`);
    seen.add(sn.netuid);
    const owner = account(sn.owner);
    initNetwork(s, { netuid: sn.netuid, owner, ownerHotkey: sn.ownerHotkey ? account(sn.ownerHotkey) : ZERO_ACCOUNT, block: 0, lock: 0n });
    applyHyperparams(s, sn.netuid, sn.hyperparams, 0);
    const hotkeys = new Set<string>();
    let staked = 0n;
    for (const nr of sn.neurons) {
      const hot = account(nr.hotkey);
      const cold = account(nr.coldkey);
      const hk = Buffer.from(hot).toString('hex');
      if (hotkeys.has(hk) || SubtensorStorage.Uids.get(s, sn.netuid, hot) !== undefined)
        throw new Error(`genesis subnet ${sn.netuid}: hotkey ${nr.hotkey} is listed twice`);
      hotkeys.add(hk);
      if (SubtensorStorage.Owner.contains(s, hot) && !SubtensorStorage.Owner.get(s, hot).every((b, i) => b === cold[i]))
        throw new Error(`genesis subnet ${sn.netuid}: hotkey ${nr.hotkey} already belongs to another coldkey`);
      createAccountIfNew(s, cold, hot);
      const uid = appendNeuron(s, sn.netuid, hot, 0);
      const stake = nr.stakeRao !== undefined ? BigInt(nr.stakeRao) : nr.stake !== undefined ? toRao(nr.stake) : 0n;
      if (stake > 0n) {
        increaseStake(s, hot, cold, sn.netuid, stake);
        SubtensorStorage.SubnetTAO.mutate(s, sn.netuid, (x) => x + stake);
        SubtensorStorage.SubnetAlphaOut.mutate(s, sn.netuid, (x) => x + stake);
        SubtensorStorage.TotalStake.mutate(s, (x) => x + stake);
        staked += stake;
      }
      if (nr.validatorPermit)
        SubtensorStorage.ValidatorPermit.mutate(s, sn.netuid, (v) => {
          const o = v.slice();
          o[uid] = true;
          return o;
        });
    }
    if (SubtensorStorage.SubnetworkN.get(s, sn.netuid) > SubtensorStorage.MaxAllowedUids.get(s, sn.netuid)) {
      throw new Error(
        `genesis subnet ${sn.netuid}: ${SubtensorStorage.SubnetworkN.get(s, sn.netuid)} neurons exceed maxAllowedUids ${SubtensorStorage.MaxAllowedUids.get(s, sn.netuid)}`,
      );
    }
    // The subnet account holds the genesis stakes' TAO (as staking would have moved it there) plus
    // the existential deposit that keeps it alive (upstream's subnet account always holds the lock).
    deposit(ctx, subnetAccountId(sn.netuid), EXISTENTIAL_DEPOSIT + staked, false);
    if (sn.startCall) {
      SubtensorStorage.FirstEmissionBlockNumber.set(s, sn.netuid, 1n);
      SubtensorStorage.SubtokenEnabled.set(s, sn.netuid, true);
    }
  }
}
