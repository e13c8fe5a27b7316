// Auto-generated via `yarn polkadot-types-from-defs`, do not edit
/* eslint-disable */

import type { Compact, Struct, Vec, bool, i64, u128, u16, u32, u64, u8 } from '@polkadot/types-codec';
import type { ITuple } from '@polkadot/types-codec/types';
import type { AccountId32 } from '@polkadot/types/interfaces/runtime';

/** @name AxonInfo */
export interface AxonInfo extends Struct {
  readonly block: u64;
  readonly version: u32;
  readonly ip: u128;
  readonly port: u16;
  readonly ipType: u8;
  readonly protocol: u8;
  readonly placeholder1: u8;
  readonly placeholder2: u8;
}

/** @name NeuronInfo */
export interface NeuronInfo extends Struct {
  readonly hotkey: AccountId32;
  readonly coldkey: AccountId32;
  readonly uid: Compact<u16>;
  readonly netuid: Compact<u16>;
  readonly active: bool;
  readonly axonInfo: AxonInfo;
  readonly prometheusInfo: PrometheusInfo;
  readonly stake: Vec<ITuple<[AccountId32, Compact<u64>]>>;
  readonly rank: Compact<u16>;
  readonly emission: Compact<u64>;
  readonly incentive: Compact<u16>;
  readonly consensus: Compact<u16>;
  readonly trust: Compact<u16>;
  readonly validatorTrust: Compact<u16>;
  readonly dividends: Compact<u16>;
  readonly lastUpdate: Compact<u64>;
  readonly validatorPermit: bool;
  readonly weights: Vec<ITuple<[Compact<u16>, Compact<u16>]>>;
  readonly bonds: Vec<ITuple<[Compact<u16>, Compact<u16>]>>;
  readonly pruningScore: Compact<u16>;
}

/** @name NeuronInfoLite */
export interface NeuronInfoLite extends Struct {
  readonly hotkey: AccountId32;
  readonly coldkey: AccountId32;
  readonly uid: Compact<u16>;
  readonly netuid: Compact<u16>;
  readonly active: bool;
  readonly axonInfo: AxonInfo;
  readonly prometheusInfo: PrometheusInfo;
  readonly stake: Vec<ITuple<[AccountId32, Compact<u64>]>>;
  readonly rank: Compact<u16>;
  readonly emission: Compact<u64>;
  readonly incentive: Compact<u16>;
  readonly consensus: Compact<u16>;
  readonly trust: Compact<u16>;
  readonly validatorTrust: Compact<u16>;
  readonly dividends: Compact<u16>;
  readonly lastUpdate: Compact<u64>;
  readonly validatorPermit: bool;
  readonly pruningScore: Compact<u16>;
}

/** @name PrometheusInfo */
export interface PrometheusInfo extends Struct {
  readonly block: u64;
  readonly version: u32;
  readonly ip: u128;
  readonly port: u16;
  readonly ipType: u8;
}

/** @name SubnetHyperparams */
export interface SubnetHyperparams extends Struct {
  readonly rho: Compact<u16>;
  readonly kappa: Compact<u16>;
  readonly immunityPeriod: Compact<u16>;
  readonly minAllowedWeights: Compact<u16>;
  readonly maxWeightsLimit: Compact<u16>;
  readonly tempo: Compact<u16>;
  readonly minDifficulty: Compact<u64>;
  readonly maxDifficulty: Compact<u64>;
  readonly weightsVersion: Compact<u64>;
  readonly weightsRateLimit: Compact<u64>;
  readonly adjustmentInterval: Compact<u16>;
  readonly activityCutoff: Compact<u64>;
  readonly registrationAllowed: bool;
  readonly targetRegsPerInterval: Compact<u16>;
  readonly minBurn: Compact<u64>;
  readonly maxBurn: Compact<u64>;
  readonly bondsMovingAvg: Compact<u64>;
  readonly maxRegsPerBlock: Compact<u16>;
  readonly servingRateLimit: Compact<u64>;
  readonly maxValidators: Compact<u16>;
  readonly adjustmentAlpha: Compact<u64>;
  readonly difficulty: Compact<u64>;
  readonly commitRevealPeriod: Compact<u64>;
  readonly commitRevealWeightsEnabled: bool;
  readonly alphaHigh: Compact<u16>;
  readonly alphaLow: Compact<u16>;
  readonly liquidAlphaEnabled: bool;
}

/** @name SubnetHyperparamsV2 */
export interface SubnetHyperparamsV2 extends Struct {
  readonly rho: Compact<u16>;
  readonly kappa: Compact<u16>;
  readonly immunityPeriod: Compact<u16>;
  readonly minAllowedWeights: Compact<u16>;
  readonly maxWeightsLimit: Compact<u16>;
  readonly tempo: Compact<u16>;
  readonly minDifficulty: Compact<u64>;
  readonly maxDifficulty: Compact<u64>;
  readonly weightsVersion: Compact<u64>;
  readonly weightsRateLimit: Compact<u64>;
  readonly adjustmentInterval: Compact<u16>;
  readonly activityCutoff: Compact<u64>;
  readonly registrationAllowed: bool;
  readonly targetRegsPerInterval: Compact<u16>;
  readonly minBurn: Compact<u64>;
  readonly maxBurn: Compact<u64>;
  readonly bondsMovingAvg: Compact<u64>;
  readonly maxRegsPerBlock: Compact<u16>;
  readonly servingRateLimit: Compact<u64>;
  readonly maxValidators: Compact<u16>;
  readonly adjustmentAlpha: Compact<u64>;
  readonly difficulty: Compact<u64>;
  readonly commitRevealPeriod: Compact<u64>;
  readonly commitRevealWeightsEnabled: bool;
  readonly alphaHigh: Compact<u16>;
  readonly alphaLow: Compact<u16>;
  readonly liquidAlphaEnabled: bool;
  readonly alphaSigmoidSteepness: i64;
  readonly yumaVersion: Compact<u16>;
  readonly subnetIsActive: bool;
  readonly transfersEnabled: bool;
  readonly bondsResetEnabled: bool;
  readonly userLiquidityEnabled: bool;
}

/** @name SubnetInfo */
export interface SubnetInfo extends Struct {
  readonly netuid: Compact<u16>;
  readonly rho: Compact<u16>;
  readonly kappa: Compact<u16>;
  readonly difficulty: Compact<u64>;
  readonly immunityPeriod: Compact<u16>;
  readonly maxAllowedValidators: Compact<u16>;
  readonly minAllowedWeights: Compact<u16>;
  readonly maxWeightsLimit: Compact<u16>;
  readonly scalingLawPower: Compact<u16>;
  readonly subnetworkN: Compact<u16>;
  readonly maxAllowedUids: Compact<u16>;
  readonly blocksSinceLastStep: Compact<u64>;
  readonly tempo: Compact<u16>;
  readonly networkModality: Compact<u16>;
  readonly networkConnect: Vec<Vec<u16>>;
  readonly emissionValues: Compact<u64>;
  readonly burn: Compact<u64>;
  readonly owner: AccountId32;
}

export type PHANTOM_SUBTENSOR = 'subtensor';
