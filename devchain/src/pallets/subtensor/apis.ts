/**
 * Runtime APIs `NeuronInfoRuntimeApi` / `SubnetInfoRuntimeApi` (SCALE layouts of subtensor-api.md
 * §6) and the legacy JSON-RPC wrappers returning the SCALE bytes as a JSON array of u8.
 */
import { T, compact, option, vec, array } from '../../scale/types.ts';
import { encode } from '../../scale/codec.ts';
import { AccountId32 } from '../../frame/common-types.ts';
import { InvalidRpcParams, type ReadContext, type RuntimeApiDef, type PalletRpcHandler } from '../../frame/pallet.ts';
import type { ReadState } from '../../frame/state.ts';
import { AxonInfo, PrometheusInfo, SubtensorStorage, EMPTY_AXON, EMPTY_PROMETHEUS } from './storage.ts';
import { subnetExists } from './state/subnets.ts';
import { activityCutoffBlocks } from './epoch/index.ts';

const C16 = compact(T.u16);
const C64 = compact(T.u64);
const params = [{ name: 'AccountId', type: AccountId32 }];
const NI = 'pallet_subtensor::rpc_info::neuron_info';
const SI = 'pallet_subtensor::rpc_info::subnet_info';

const liteFields = {
  hotkey: AccountId32,
  coldkey: AccountId32,
  uid: C16,
  netuid: C16,
  active: T.bool,
  axon_info: AxonInfo,
  prometheus_info: PrometheusInfo,
  stake: vec(T.tuple(AccountId32, C64)),
  rank: C16,
  emission: C64,
  incentive: C16,
  consensus: C16,
  trust: C16,
  validator_trust: C16,
  dividends: C16,
  last_update: C64,
  validator_permit: T.bool,
};
export const NeuronInfoLite = T.struct(`${NI}::NeuronInfoLite`, { ...liteFields, pruning_score: C16 }, params);
const CompactPairs = vec(T.tuple(C16, C16));
export const NeuronInfo = T.struct(
  `${NI}::NeuronInfo`,
  { ...liteFields, weights: CompactPairs, bonds: CompactPairs, pruning_score: C16 },
  params,
);

export const SubnetInfo = T.struct(
  `${SI}::SubnetInfo`,
  {
    netuid: C16,
    rho: C16,
    kappa: C16,
    difficulty: C64,
    immunity_period: C16,
    max_allowed_validators: C16,
    min_allowed_weights: C16,
    max_weights_limit: C16,
    scaling_law_power: C16,
    subnetwork_n: C16,
    max_allowed_uids: C16,
    blocks_since_last_step: C64,
    tempo: C16,
    network_modality: C16,
    network_connect: vec(array(2, T.u16)),
    emission_values: C64,
    burn: C64,
    owner: AccountId32,
  },
  params,
);

const hyperFields = {
  rho: C16,
  kappa: C16,
  immunity_period: C16,
  min_allowed_weights: C16,
  max_weights_limit: C16,
  tempo: C16,
  min_difficulty: C64,
  max_difficulty: C64,
  weights_version: C64,
  weights_rate_limit: C64,
  adjustment_interval: C16,
  activity_cutoff: C64,
  registration_allowed: T.bool,
  target_regs_per_interval: C16,
  min_burn: C64,
  max_burn: C64,
  bonds_moving_avg: C64,
  max_regs_per_block: C16,
  serving_rate_limit: C64,
  max_validators: C16,
  adjustment_alpha: C64,
  difficulty: C64,
  commit_reveal_period: C64,
  commit_reveal_weights_enabled: T.bool,
  alpha_high: C16,
  alpha_low: C16,
  liquid_alpha_enabled: T.bool,
};
export const SubnetHyperparams = T.struct(`${SI}::SubnetHyperparams`, hyperFields);
const I32F32 = T.struct('substrate_fixed::FixedI64', { bits: T.i64 }, [{ name: 'Frac' }]);
export const SubnetHyperparamsV2 = T.struct(`${SI}::SubnetHyperparamsV2`, {
  ...hyperFields,
  alpha_sigmoid_steepness: I32F32,
  yuma_version: C16,
  subnet_is_active: T.bool,
  transfers_enabled: T.bool,
  bonds_reset_enabled: T.bool,
  user_liquidity_enabled: T.bool,
});

type Obj = Record<string, unknown>;

interface Vectors {
  active: boolean[];
  emission: bigint[];
  incentive: number[];
  consensus: number[];
  vtrust: number[];
  dividends: number[];
  lastUpdate: bigint[];
  permit: boolean[];
}
function vectors(s: ReadState, netuid: number): Vectors {
  return {
    active: SubtensorStorage.Active.get(s, netuid),
    emission: SubtensorStorage.Emission.get(s, netuid),
    incentive: SubtensorStorage.Incentive.get(s, netuid),
    consensus: SubtensorStorage.Consensus.get(s, netuid),
    vtrust: SubtensorStorage.ValidatorTrust.get(s, netuid),
    dividends: SubtensorStorage.Dividends.get(s, netuid),
    lastUpdate: SubtensorStorage.LastUpdate.get(s, netuid),
    permit: SubtensorStorage.ValidatorPermit.get(s, netuid),
  };
}

function neuronLite(s: ReadState, netuid: number, uid: number, full: boolean, vec0?: Vectors): Obj | null {
  if (!SubtensorStorage.Keys.contains(s, netuid, uid)) return null;
  const v = vec0 ?? vectors(s, netuid);
  const hotkey = SubtensorStorage.Keys.get(s, netuid, uid);
  const coldkey = SubtensorStorage.Owner.get(s, hotkey);
  const at = <V>(x: V[], d: V): V => x[uid] ?? d;
  const out: Obj = {
    hotkey,
    coldkey,
    uid,
    netuid,
    active: at(v.active, false),
    axon_info: SubtensorStorage.Axons.get(s, netuid, hotkey) ?? EMPTY_AXON,
    prometheus_info: SubtensorStorage.Prometheus.get(s, netuid, hotkey) ?? EMPTY_PROMETHEUS,
    stake: [[coldkey, SubtensorStorage.TotalHotkeyAlpha.get(s, hotkey, netuid)]],
    rank: 0,
    emission: at(v.emission, 0n),
    incentive: at(v.incentive, 0),
    consensus: at(v.consensus, 0),
    trust: 0,
    validator_trust: at(v.vtrust, 0),
    dividends: at(v.dividends, 0),
    last_update: at(v.lastUpdate, 0n),
    validator_permit: at(v.permit, false),
  };
  if (full) {
    out.weights = SubtensorStorage.Weights.get(s, netuid, uid).filter(([, v]) => v !== 0);
    out.bonds = SubtensorStorage.Bonds.get(s, netuid, uid).filter(([, v]) => v !== 0);
  }
  out.pruning_score = 65535;
  return out;
}

function neurons(s: ReadState, netuid: number, full: boolean): Obj[] {
  if (!subnetExists(s, netuid)) return [];
  const n = SubtensorStorage.SubnetworkN.get(s, netuid);
  const out: Obj[] = [];
  const v = vectors(s, netuid);
  for (let uid = 0; uid < n; uid++) {
    const x = neuronLite(s, netuid, uid, full, v);
    if (!x) break;
    out.push(x);
  }
  return out;
}

function subnetInfo(s: ReadState, netuid: number): Obj | null {
  if (!subnetExists(s, netuid)) return null;
  return {
    netuid,
    rho: SubtensorStorage.Rho.get(s, netuid),
    kappa: SubtensorStorage.Kappa.get(s, netuid),
    difficulty: SubtensorStorage.Difficulty.get(s, netuid),
    immunity_period: SubtensorStorage.ImmunityPeriod.get(s, netuid),
    max_allowed_validators: SubtensorStorage.MaxAllowedValidators.get(s, netuid),
    min_allowed_weights: SubtensorStorage.MinAllowedWeights.get(s, netuid),
    max_weights_limit: SubtensorStorage.MaxWeightsLimit.get(s, netuid),
    scaling_law_power: 50,
    subnetwork_n: SubtensorStorage.SubnetworkN.get(s, netuid),
    max_allowed_uids: SubtensorStorage.MaxAllowedUids.get(s, netuid),
    blocks_since_last_step: SubtensorStorage.BlocksSinceLastStep.get(s, netuid),
    tempo: SubtensorStorage.Tempo.get(s, netuid),
    network_modality: 0,
    network_connect: [],
    emission_values: 0n,
    burn: SubtensorStorage.Burn.get(s, netuid),
    owner: SubtensorStorage.SubnetOwner.get(s, netuid),
  };
}

function hyperparams(s: ReadState, netuid: number): Obj | null {
  if (!subnetExists(s, netuid)) return null;
  const [low, high] = SubtensorStorage.AlphaValues.get(s, netuid);
  const tempo = SubtensorStorage.Tempo.get(s, netuid);
  return {
    rho: SubtensorStorage.Rho.get(s, netuid),
    kappa: SubtensorStorage.Kappa.get(s, netuid),
    immunity_period: SubtensorStorage.ImmunityPeriod.get(s, netuid),
    min_allowed_weights: SubtensorStorage.MinAllowedWeights.get(s, netuid),
    max_weights_limit: SubtensorStorage.MaxWeightsLimit.get(s, netuid),
    tempo,
    min_difficulty: SubtensorStorage.MinDifficulty.get(s, netuid),
    max_difficulty: SubtensorStorage.MaxDifficulty.get(s, netuid),
    weights_version: SubtensorStorage.WeightsVersionKey.get(s, netuid),
    weights_rate_limit: SubtensorStorage.WeightsSetRateLimit.get(s, netuid),
    adjustment_interval: SubtensorStorage.AdjustmentInterval.get(s, netuid),
    activity_cutoff: BigInt(activityCutoffBlocks(SubtensorStorage.ActivityCutoffFactorMilli.get(s, netuid), tempo)),
    registration_allowed: SubtensorStorage.NetworkRegistrationAllowed.get(s, netuid),
    target_regs_per_interval: SubtensorStorage.TargetRegistrationsPerInterval.get(s, netuid),
    min_burn: SubtensorStorage.MinBurn.get(s, netuid),
    max_burn: SubtensorStorage.MaxBurn.get(s, netuid),
    bonds_moving_avg: SubtensorStorage.BondsMovingAverage.get(s, netuid),
    max_regs_per_block: SubtensorStorage.MaxRegistrationsPerBlock.get(s, netuid),
    serving_rate_limit: SubtensorStorage.ServingRateLimit.get(s, netuid),
    max_validators: SubtensorStorage.MaxAllowedValidators.get(s, netuid),
    adjustment_alpha: SubtensorStorage.AdjustmentAlpha.get(s, netuid),
    difficulty: SubtensorStorage.Difficulty.get(s, netuid),
    commit_reveal_period: SubtensorStorage.RevealPeriodEpochs.get(s, netuid),
    commit_reveal_weights_enabled: SubtensorStorage.CommitRevealWeightsEnabled.get(s, netuid),
    alpha_high: high,
    alpha_low: low,
    liquid_alpha_enabled: SubtensorStorage.LiquidAlphaOn.get(s, netuid),
  };
}

function hyperparamsV2(s: ReadState, netuid: number): Obj | null {
  const v1 = hyperparams(s, netuid);
  if (!v1) return null;
  return {
    ...v1,
    alpha_sigmoid_steepness: { bits: BigInt(SubtensorStorage.AlphaSigmoidSteepness.get(s, netuid)) << 32n },
    yuma_version: SubtensorStorage.Yuma3On.get(s, netuid) ? 3 : 2,
    subnet_is_active: SubtensorStorage.FirstEmissionBlockNumber.get(s, netuid) !== undefined,
    transfers_enabled: true,
    bonds_reset_enabled: SubtensorStorage.BondsResetOn.get(s, netuid),
    user_liquidity_enabled: false,
  };
}

const netuidIn = [{ name: 'netuid', type: T.u16 }];
const uidIn = [...netuidIn, { name: 'uid', type: T.u16 }];
const num = (x: unknown): number => Number(x);

export function neuronApis(): RuntimeApiDef[] {
  return [
    {
      name: 'NeuronInfoRuntimeApi',
      version: 1,
      methods: [
        { name: 'get_neurons', inputs: netuidIn, output: vec(NeuronInfo), handler: (c, [n]) => neurons(c.state, num(n), true) },
        {
          name: 'get_neuron',
          inputs: uidIn,
          output: option(NeuronInfo),
          handler: (c, [n, u]) => neuronLite(c.state, num(n), num(u), true),
        },
        { name: 'get_neurons_lite', inputs: netuidIn, output: vec(NeuronInfoLite), handler: (c, [n]) => neurons(c.state, num(n), false) },
        {
          name: 'get_neuron_lite',
          inputs: uidIn,
          output: option(NeuronInfoLite),
          handler: (c, [n, u]) => neuronLite(c.state, num(n), num(u), false),
        },
      ],
    },
    {
      name: 'SubnetInfoRuntimeApi',
      version: 1,
      methods: [
        { name: 'get_subnet_info', inputs: netuidIn, output: option(SubnetInfo), handler: (c, [n]) => subnetInfo(c.state, num(n)) },
        {
          name: 'get_subnets_info',
          inputs: [],
          output: vec(option(SubnetInfo)),
          handler: (c) => allNetuids(c).map((n) => subnetInfo(c.state, n)),
        },
        {
          name: 'get_subnet_hyperparams',
          inputs: netuidIn,
          output: option(SubnetHyperparams),
          handler: (c, [n]) => hyperparams(c.state, num(n)),
        },
        {
          name: 'get_subnet_hyperparams_v2',
          inputs: netuidIn,
          output: option(SubnetHyperparamsV2),
          handler: (c, [n]) => hyperparamsV2(c.state, num(n)),
        },
      ],
    },
  ];
}

function allNetuids(c: ReadContext): number[] {
  return SubtensorStorage.NetworksAdded.entries(c.state)
    .filter(([, a]) => a)
    .map(([n]) => n)
    .sort((a, b) => a - b);
}

function u16Param(params: unknown[], i: number, name: string): number {
  const v = params[i];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 65535)
    throw new InvalidRpcParams(`${name}: expected a u16 at params[${i}], found ${JSON.stringify(v)}`);
  return v;
}
function atParam(params: unknown[], i: number): string | undefined {
  const v = params[i];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new InvalidRpcParams(`expected a block hash at params[${i}], found ${JSON.stringify(v)}`);
  return v;
}
const bytes = (t: Parameters<typeof encode>[0], v: unknown): number[] => [...encode(t, v)];

export function neuronRpc(): Record<string, PalletRpcHandler> {
  return {
    neuronInfo_getNeuronsLite: async (ctx, p) => {
      const c = await ctx.readAt(atParam(p, 1));
      return bytes(vec(NeuronInfoLite), neurons(c.state, u16Param(p, 0, 'netuid'), false));
    },
    neuronInfo_getNeuronLite: async (ctx, p) => {
      const c = await ctx.readAt(atParam(p, 2));
      return bytes(option(NeuronInfoLite), neuronLite(c.state, u16Param(p, 0, 'netuid'), u16Param(p, 1, 'uid'), false));
    },
    neuronInfo_getNeurons: async (ctx, p) => {
      const c = await ctx.readAt(atParam(p, 1));
      return bytes(vec(NeuronInfo), neurons(c.state, u16Param(p, 0, 'netuid'), true));
    },
    neuronInfo_getNeuron: async (ctx, p) => {
      const c = await ctx.readAt(atParam(p, 2));
      return bytes(option(NeuronInfo), neuronLite(c.state, u16Param(p, 0, 'netuid'), u16Param(p, 1, 'uid'), true));
    },
    subnetInfo_getSubnetInfo: async (ctx, p) => {
      const c = await ctx.readAt(atParam(p, 1));
      return bytes(option(SubnetInfo), subnetInfo(c.state, u16Param(p, 0, 'netuid')));
    },
    subnetInfo_getSubnetsInfo: async (ctx, p) => {
      const c = await ctx.readAt(atParam(p, 0));
      return bytes(
        vec(option(SubnetInfo)),
        allNetuids(c).map((n) => subnetInfo(c.state, n)),
      );
    },
    subnetInfo_getSubnetHyperparams: async (ctx, p) => {
      const c = await ctx.readAt(atParam(p, 1));
      return bytes(option(SubnetHyperparams), hyperparams(c.state, u16Param(p, 0, 'netuid')));
    },
    subnetInfo_getSubnetHyperparamsV2: async (ctx, p) => {
      const c = await ctx.readAt(atParam(p, 1));
      return bytes(option(SubnetHyperparamsV2), hyperparamsV2(c.state, u16Param(p, 0, 'netuid')));
    },
  };
}
