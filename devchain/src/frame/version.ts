/** The runtime version reported by `state_getRuntimeVersion` and `Core_version`. */
import { blake2AsU8a } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';

export const RUNTIME_VERSION = {
  specName: 'node-subtensor',
  implName: 'node-subtensor',
  authoringVersion: 1,
  specVersion: 425,
  implVersion: 1,
  transactionVersion: 1,
  systemVersion: 1,
} as const;

/** `blake2_64(name)` as used in the runtime version's `apis` list. */
export function apiId(name: string): Uint8Array {
  return blake2AsU8a(name, 64);
}

export function runtimeVersionValue(v: typeof RUNTIME_VERSION, apis: { name: string; version: number }[]): Record<string, unknown> {
  return {
    spec_name: v.specName,
    impl_name: v.implName,
    authoring_version: v.authoringVersion,
    spec_version: v.specVersion,
    impl_version: v.implVersion,
    apis: apis.map((a) => [apiId(a.name), a.version]),
    transaction_version: v.transactionVersion,
    system_version: v.systemVersion,
  };
}

export function runtimeVersionJson(v: typeof RUNTIME_VERSION, apis: { name: string; version: number }[]): Record<string, unknown> {
  return {
    specName: v.specName,
    implName: v.implName,
    authoringVersion: v.authoringVersion,
    specVersion: v.specVersion,
    implVersion: v.implVersion,
    apis: apis.map((a) => [u8aToHex(apiId(a.name)), a.version]),
    transactionVersion: v.transactionVersion,
    systemVersion: v.systemVersion,
    stateVersion: 1,
  };
}
