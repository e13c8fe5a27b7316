/**
 * Public entry of substrate-types: polkadot.js options that teach an `ApiPromise` subtensor's
 * custom types, runtime APIs (also against metadata V14) and legacy JSON-RPC methods.
 *   `ApiPromise.create({ provider, ...arenaApiOptions })`
 * For typed `api.query.subtensorModule.*` / `api.tx.subtensorModule.*` import `#substrate-types/augment`.
 */
import subtensor, { subnetInfoRpc } from './interfaces/subtensor/definitions.ts';

type Defs = Record<string, unknown>;

/** Custom types by name (NeuronInfoLite, NeuronInfo, AxonInfo, PrometheusInfo, SubnetInfo, SubnetHyperparams(V2)). */
export const subtensorTypes = subtensor.types as unknown as Record<string, Defs>;
/** Runtime API definitions (`NeuronInfoRuntimeApi`, `SubnetInfoRuntimeApi`). */
export const subtensorRuntime = subtensor.runtime as unknown as Record<string, Array<{ version: number; methods: Defs }>>;
/** Legacy JSON-RPC sections `neuronInfo` and `subnetInfo`. */
export const subtensorRpc = { neuronInfo: subtensor.rpc, subnetInfo: subnetInfoRpc } as unknown as Record<string, Record<string, Defs>>;

/** Options to spread into `ApiPromise.create`. */
export const arenaApiOptions = { types: subtensorTypes, runtime: subtensorRuntime, rpc: subtensorRpc } as const;

/** The same as an `OverrideBundleType` for chains named `node-subtensor`. */
export const typesBundle = {
  spec: { 'node-subtensor': { types: [{ minmax: [0, undefined] as [number, undefined], types: subtensorTypes }], runtime: subtensorRuntime, rpc: subtensorRpc } },
};
