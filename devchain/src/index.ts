/** Public entry of the devchain: start a node, its config, and the pallet-authoring toolkit. */
export { startDevchain, genesisFromConfig, taoToRao, DEV_ACCOUNTS, type StartDevchainOptions, type DevchainHandle } from './start.ts';
export { DevchainConfigSchema, type DevchainConfig, type DevchainConfigInput } from './config.ts';

// Toolkit for writing pallets (used by SubtensorModule / AdminUtils and tests).
export { T, option, result, vec, compact, array, type TypeDef, type TypeRef, type Field } from './scale/types.ts';
export { encode, decode, codecOf } from './scale/codec.ts';
export {
  definePallet,
  call,
  errorList,
  ensureSigned,
  ensureRoot,
  DispatchFailure,
  InvalidTransaction,
  type Pallet,
  type PalletSpec,
  type CallDef,
  type CallValue,
  type Origin,
  type RuntimeContext,
  type DispatchContext,
  type ReadContext,
  type GenesisContext,
  type RuntimeApiDef,
  type PalletRpcHandler,
} from './frame/pallet.ts';
export { StorageValue, StorageMap, StorageDoubleMap, hashKey, storagePrefix, type Hasher } from './frame/storage.ts';
export * as CommonTypes from './frame/common-types.ts';
export { Runtime } from './runtime/runtime.ts';
export { BASE_PALLETS } from './runtime/pallets.ts';
export * as Balances from './pallets/balances.ts';
export * as System from './pallets/system.ts';
