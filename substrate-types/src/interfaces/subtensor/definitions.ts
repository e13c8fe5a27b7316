/**
 * polkadot.js definitions for subtensor's custom types, runtime APIs and legacy JSON-RPC methods
 * (SCALE layouts of subtensor-api.md §6). Passing `runtime` makes `api.call.*` decode also
 * against an endpoint that only serves metadata V14.
 */
const netuid = { name: 'netuid', type: 'u16' };
const uid = { name: 'uid', type: 'u16' };
const at = { name: 'at', type: 'BlockHash', isOptional: true };

const liteFields = {
  hotkey: 'AccountId32',
  coldkey: 'AccountId32',
  uid: 'Compact<u16>',
  netuid: 'Compact<u16>',
  active: 'bool',
  axonInfo: 'AxonInfo',
  prometheusInfo: 'PrometheusInfo',
  stake: 'Vec<(AccountId32, Compact<u64>)>',
  rank: 'Compact<u16>',
  emission: 'Compact<u64>',
  incentive: 'Compact<u16>',
  consensus: 'Compact<u16>',
  trust: 'Compact<u16>',
  validatorTrust: 'Compact<u16>',
  dividends: 'Compact<u16>',
  lastUpdate: 'Compact<u64>',
  validatorPermit: 'bool',
};

const hyperFields = {
  rho: 'Compact<u16>',
  kappa: 'Compact<u16>',
  immunityPeriod: 'Compact<u16>',
  minAllowedWeights: 'Compact<u16>',
  maxWeightsLimit: 'Compact<u16>',
  tempo: 'Compact<u16>',
  minDifficulty: 'Compact<u64>',
  maxDifficulty: 'Compact<u64>',
  weightsVersion: 'Compact<u64>',
  weightsRateLimit: 'Compact<u64>',
  adjustmentInterval: 'Compact<u16>',
  activityCutoff: 'Compact<u64>',
  registrationAllowed: 'bool',
  targetRegsPerInterval: 'Compact<u16>',
  minBurn: 'Compact<u64>',
  maxBurn: 'Compact<u64>',
  bondsMovingAvg: 'Compact<u64>',
  maxRegsPerBlock: 'Compact<u16>',
  servingRateLimit: 'Compact<u64>',
  maxValidators: 'Compact<u16>',
  adjustmentAlpha: 'Compact<u64>',
  difficulty: 'Compact<u64>',
  commitRevealPeriod: 'Compact<u64>',
  commitRevealWeightsEnabled: 'bool',
  alphaHigh: 'Compact<u16>',
  alphaLow: 'Compact<u16>',
  liquidAlphaEnabled: 'bool',
};

export default {
  types: {
    AxonInfo: { block: 'u64', version: 'u32', ip: 'u128', port: 'u16', ipType: 'u8', protocol: 'u8', placeholder1: 'u8', placeholder2: 'u8' },
    PrometheusInfo: { block: 'u64', version: 'u32', ip: 'u128', port: 'u16', ipType: 'u8' },
    NeuronInfoLite: { ...liteFields, pruningScore: 'Compact<u16>' },
    NeuronInfo: { ...liteFields, weights: 'Vec<(Compact<u16>, Compact<u16>)>', bonds: 'Vec<(Compact<u16>, Compact<u16>)>', pruningScore: 'Compact<u16>' },
    SubnetInfo: {
      netuid: 'Compact<u16>', rho: 'Compact<u16>', kappa: 'Compact<u16>', difficulty: 'Compact<u64>', immunityPeriod: 'Compact<u16>',
      maxAllowedValidators: 'Compact<u16>', minAllowedWeights: 'Compact<u16>', maxWeightsLimit: 'Compact<u16>', scalingLawPower: 'Compact<u16>',
      subnetworkN: 'Compact<u16>', maxAllowedUids: 'Compact<u16>', blocksSinceLastStep: 'Compact<u64>', tempo: 'Compact<u16>',
      networkModality: 'Compact<u16>', networkConnect: 'Vec<[u16; 2]>', emissionValues: 'Compact<u64>', burn: 'Compact<u64>', owner: 'AccountId32',
    },
    SubnetHyperparams: hyperFields,
    SubnetHyperparamsV2: {
      ...hyperFields, alphaSigmoidSteepness: 'i64', yumaVersion: 'Compact<u16>', subnetIsActive: 'bool', transfersEnabled: 'bool',
      bondsResetEnabled: 'bool', userLiquidityEnabled: 'bool',
    },
  },
  rpc: {
    getNeuronsLite: { description: 'SCALE Vec<NeuronInfoLite> of a subnet', params: [netuid, at], type: 'Vec<u8>' },
    getNeuronLite: { description: 'SCALE Option<NeuronInfoLite>', params: [netuid, uid, at], type: 'Vec<u8>' },
    getNeurons: { description: 'SCALE Vec<NeuronInfo> of a subnet', params: [netuid, at], type: 'Vec<u8>' },
    getNeuron: { description: 'SCALE Option<NeuronInfo>', params: [netuid, uid, at], type: 'Vec<u8>' },
  },
  runtime: {
    NeuronInfoRuntimeApi: [{
      version: 1,
      methods: {
        get_neurons_lite: { description: 'Neurons of a subnet (lite)', params: [netuid], type: 'Vec<NeuronInfoLite>' },
        get_neuron_lite: { description: 'One neuron (lite)', params: [netuid, uid], type: 'Option<NeuronInfoLite>' },
        get_neurons: { description: 'Neurons of a subnet with weights and bonds', params: [netuid], type: 'Vec<NeuronInfo>' },
        get_neuron: { description: 'One neuron with weights and bonds', params: [netuid, uid], type: 'Option<NeuronInfo>' },
      },
    }],
    SubnetInfoRuntimeApi: [{
      version: 1,
      methods: {
        get_subnet_info: { description: 'Subnet info', params: [netuid], type: 'Option<SubnetInfo>' },
        get_subnets_info: { description: 'All subnets', params: [], type: 'Vec<Option<SubnetInfo>>' },
        get_subnet_hyperparams: { description: 'Hyperparameters', params: [netuid], type: 'Option<SubnetHyperparams>' },
        get_subnet_hyperparams_v2: { description: 'Hyperparameters (v2)', params: [netuid], type: 'Option<SubnetHyperparamsV2>' },
      },
    }],
  },
} as const;

/** Legacy JSON-RPC section `subnetInfo` (SCALE bytes as Vec<u8>). */
export const subnetInfoRpc = {
  getSubnetInfo: { description: 'SCALE Option<SubnetInfo>', params: [netuid, at], type: 'Vec<u8>' },
  getSubnetsInfo: { description: 'SCALE Vec<Option<SubnetInfo>>', params: [at], type: 'Vec<u8>' },
  getSubnetHyperparams: { description: 'SCALE Option<SubnetHyperparams>', params: [netuid, at], type: 'Vec<u8>' },
  getSubnetHyperparamsV2: { description: 'SCALE Option<SubnetHyperparamsV2>', params: [netuid, at], type: 'Vec<u8>' },
} as const;
