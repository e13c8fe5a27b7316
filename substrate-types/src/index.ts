/**
 * Public entry of substrate-types: polkadot.js options that teach an `ApiPromise` subtensor's
 * custom types, runtime APIs (also against metadata V14) and legacy JSON-RPC methods.
 *   `ApiPromise.create({ provider, ...arenaApiOptions })`
 * For typed `api.query.subtensorModule.*` / `api.tx.subtensorModule.*` import `#substrate-types/augment`.
 */
import type { DefinitionRpc, DefinitionsCall, OverrideBundleType, RegistryTypes } from '@polkadot/types/types';
import subtensor, { subnetInfoRpc } from './interfaces/subtensor/definitions.ts';

/** Custom types by name (NeuronInfoLite, NeuronInfo, AxonInfo, PrometheusInfo, SubnetInfo, SubnetHyperparams(V2)). */
export const subtensorTypes = subtensor.types as unknown as RegistryTypes;
/** Runtime API definitions (`NeuronInfoRuntimeApi`, `SubnetInfoRuntimeApi`). */
export const subtensorRuntime = subtensor.runtime as unknown as DefinitionsCall;
/** Legacy JSON-RPC sections `neuronInfo` and `subnetInfo`. */
export const subtensorRpc = { neuronInfo: subtensor.rpc, subnetInfo: subnetInfoRpc } as unknown as Record<
  string,
  Record<string, DefinitionRpc>
>;

/** Options to spread into `ApiPromise.create`. */
export const arenaApiOptions: { types: RegistryTypes; runtime: DefinitionsCall; rpc: Record<string, Record<string, DefinitionRpc>> } = {
  types: subtensorTypes,
  runtime: subtensorRuntime,
  rpc: subtensorRpc,
};

/** The same as an `OverrideBundleType` for chains whose spec name is `node-subtensor`. */
export const typesBundle: OverrideBundleType = {
  spec: { 'node-subtensor': { types: [{ minmax: [0, undefined], types: subtensorTypes }], runtime: subtensorRuntime, rpc: subtensorRpc } },
};
