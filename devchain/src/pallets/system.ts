/** frame_system (pallet 0): accounts, nonces, events, block bookkeeping. */
import { blake2AsU8a } from '@polkadot/util-crypto';
import { T, compact, option, vec } from '../scale/types.ts';
import {
  AccountId32,
  Bytes,
  DispatchError,
  DispatchEventInfo,
  H256,
  Digest,
  Weight,
  RuntimeVersionType,
  type WeightValue,
} from '../frame/common-types.ts';
import { EventsType, Phase } from '../frame/outer.ts';
import { StorageMap, StorageValue } from '../frame/storage.ts';
import { call, definePallet, ensureRoot, ensureSigned, errorList, type ConstantContext } from '../frame/pallet.ts';
import { RUNTIME_VERSION, runtimeVersionValue } from '../frame/version.ts';

const P = 'System';

export const AccountData = T.struct(
  'pallet_balances::types::AccountData',
  {
    free: T.u128,
    reserved: T.u128,
    frozen: T.u128,
    flags: T.newtype('pallet_balances::types::ExtraFlags', T.u128),
  },
  [{ name: 'Balance', type: T.u128 }],
);
export const AccountInfo = T.struct(
  'frame_system::AccountInfo',
  {
    nonce: T.u32,
    consumers: T.u32,
    providers: T.u32,
    sufficients: T.u32,
    data: AccountData,
  },
  [
    { name: 'Nonce', type: T.u32 },
    { name: 'AccountData', type: AccountData },
  ],
);

export interface AccountInfoValue {
  nonce: number;
  consumers: number;
  providers: number;
  sufficients: number;
  data: { free: bigint; reserved: bigint; frozen: bigint; flags: bigint };
}
export const EMPTY_ACCOUNT: AccountInfoValue = Object.freeze({
  nonce: 0,
  consumers: 0,
  providers: 0,
  sufficients: 0,
  data: Object.freeze({ free: 0n, reserved: 0n, frozen: 0n, flags: 1n << 127n }),
}) as AccountInfoValue;

const PerClassWeight = T.struct('frame_support::dispatch::PerDispatchClass', { normal: Weight, operational: Weight, mandatory: Weight }, [
  { name: 'T', type: Weight },
]);
const WeightsPerClass = T.struct('frame_system::limits::WeightsPerClass', {
  base_extrinsic: Weight,
  max_extrinsic: option(Weight),
  max_total: option(Weight),
  reserved: option(Weight),
});
const BlockWeights = T.struct('frame_system::limits::BlockWeights', {
  base_block: Weight,
  max_block: Weight,
  per_class: T.struct(
    'frame_support::dispatch::PerDispatchClass',
    { normal: WeightsPerClass, operational: WeightsPerClass, mandatory: WeightsPerClass },
    [{ name: 'T', type: WeightsPerClass }],
  ),
});
const PerClassU32 = T.struct('frame_support::dispatch::PerDispatchClass', { normal: T.u32, operational: T.u32, mandatory: T.u32 }, [
  { name: 'T', type: T.u32 },
]);
const BlockLength = T.struct('frame_system::limits::BlockLength', { max: PerClassU32 });
const RuntimeDbWeight = T.struct('sp_weights::RuntimeDbWeight', { read: T.u64, write: T.u64 });
const LastRuntimeUpgradeInfo = T.struct('frame_system::LastRuntimeUpgradeInfo', { spec_version: compact(T.u32), spec_name: T.str });

/** Max weight of a block: 2 s of ref time (upstream's value for 12 s blocks is lower). */
export const MAX_BLOCK_REF_TIME = 2_000_000_000_000n;
/** Weight charged per extrinsic on top of its call (upstream ExtrinsicBaseWeight ~ 125 us). */
export const EXTRINSIC_BASE_WEIGHT = 125_000_000n;
export const BLOCK_HASH_COUNT = 4096;

const w = (ref_time: bigint, proof_size = 0n): WeightValue => ({ ref_time, proof_size });
const perClass = {
  base_extrinsic: w(EXTRINSIC_BASE_WEIGHT),
  max_extrinsic: w((MAX_BLOCK_REF_TIME * 3n) / 4n, 5n * 1024n * 1024n),
  max_total: w((MAX_BLOCK_REF_TIME * 3n) / 4n, 5n * 1024n * 1024n),
  reserved: w(0n),
};

export const Storage = {
  Account: new StorageMap<Uint8Array, AccountInfoValue>(P, 'Account', 'Blake2_128Concat', AccountId32, AccountInfo, EMPTY_ACCOUNT, [
    ' The full account information for a particular account ID.',
  ]),
  ExtrinsicCount: new StorageValue<number, undefined>(P, 'ExtrinsicCount', T.u32, undefined),
  InherentsApplied: new StorageValue<boolean>(P, 'InherentsApplied', T.bool, false),
  BlockWeight: new StorageValue<{ normal: WeightValue; operational: WeightValue; mandatory: WeightValue }>(
    P,
    'BlockWeight',
    PerClassWeight,
    { normal: w(0n), operational: w(0n), mandatory: w(0n) },
  ),
  AllExtrinsicsLen: new StorageValue<number, undefined>(P, 'AllExtrinsicsLen', T.u32, undefined),
  BlockHash: new StorageMap<number, Uint8Array>(P, 'BlockHash', 'Twox64Concat', T.u32, H256, new Uint8Array(32)),
  ExtrinsicData: new StorageMap<number, Uint8Array>(P, 'ExtrinsicData', 'Twox64Concat', T.u32, Bytes, new Uint8Array(0)),
  Number: new StorageValue<number>(P, 'Number', T.u32, 0),
  ParentHash: new StorageValue<Uint8Array>(P, 'ParentHash', H256, new Uint8Array(32)),
  Digest: new StorageValue<{ logs: unknown[] }>(P, 'Digest', Digest, { logs: [] }),
  Events: new StorageValue<unknown[]>(P, 'Events', EventsType, []),
  EventCount: new StorageValue<number>(P, 'EventCount', T.u32, 0),
  LastRuntimeUpgrade: new StorageValue<{ spec_version: number; spec_name: string }, undefined>(
    P,
    'LastRuntimeUpgrade',
    LastRuntimeUpgradeInfo,
    undefined,
  ),
  ExecutionPhase: new StorageValue<unknown, undefined>(P, 'ExecutionPhase', Phase, undefined),
};

export const System = definePallet({
  name: P,
  index: 0,
  path: 'frame_system',
  calls: [
    call<{ remark: Uint8Array }>({
      name: 'remark',
      index: 0,
      args: [{ name: 'remark', type: Bytes, typeName: 'Vec<u8>' }],
      weight: (a) => 1_000_000n + BigInt(a.remark.length) * 1000n,
      dispatch: (ctx) => {
        ensureSigned(ctx);
      },
    }),
    call<{ items: [Uint8Array, Uint8Array][] }>({
      name: 'set_storage',
      index: 4,
      args: [{ name: 'items', type: vec(T.tuple(Bytes, Bytes)), typeName: 'Vec<KeyValue>' }],
      dispatch: (ctx, a) => {
        ensureRoot(ctx);
        for (const [k, v] of a.items) ctx.state.set(toHex(k), v);
      },
    }),
    call<{ keys: Uint8Array[] }>({
      name: 'kill_storage',
      index: 5,
      args: [{ name: 'keys', type: vec(Bytes), typeName: 'Vec<Key>' }],
      dispatch: (ctx, a) => {
        ensureRoot(ctx);
        for (const k of a.keys) ctx.state.delete(toHex(k));
      },
    }),
    call<{ prefix: Uint8Array; subkeys: number }>({
      name: 'kill_prefix',
      index: 6,
      args: [
        { name: 'prefix', type: Bytes, typeName: 'Key' },
        { name: 'subkeys', type: T.u32, typeName: 'u32' },
      ],
      dispatch: (ctx, a) => {
        ensureRoot(ctx);
        for (const k of ctx.state.keys(toHex(a.prefix))) ctx.state.delete(k);
      },
    }),
    call<{ remark: Uint8Array }>({
      name: 'remark_with_event',
      index: 7,
      args: [{ name: 'remark', type: Bytes, typeName: 'Vec<u8>' }],
      dispatch: (ctx, a) => {
        const sender = ensureSigned(ctx);
        ctx.deposit(System.event('Remarked', { sender, hash: blake2AsU8a(a.remark, 256) }));
      },
    }),
  ],
  events: [
    { name: 'ExtrinsicSuccess', index: 0, fields: [{ name: 'dispatch_info', type: DispatchEventInfo, typeName: 'DispatchEventInfo' }] },
    {
      name: 'ExtrinsicFailed',
      index: 1,
      fields: [
        { name: 'dispatch_error', type: DispatchError, typeName: 'DispatchError' },
        { name: 'dispatch_info', type: DispatchEventInfo, typeName: 'DispatchEventInfo' },
      ],
    },
    { name: 'CodeUpdated', index: 2, fields: [] },
    { name: 'NewAccount', index: 3, fields: [{ name: 'account', type: AccountId32, typeName: 'T::AccountId' }] },
    { name: 'KilledAccount', index: 4, fields: [{ name: 'account', type: AccountId32, typeName: 'T::AccountId' }] },
    {
      name: 'Remarked',
      index: 5,
      fields: [
        { name: 'sender', type: AccountId32, typeName: 'T::AccountId' },
        { name: 'hash', type: H256, typeName: 'T::Hash' },
      ],
    },
  ],
  errors: errorList([
    'InvalidSpecName',
    'SpecVersionNeedsToIncrease',
    'FailedToExtractRuntimeVersion',
    'NonDefaultComposite',
    'NonZeroRefCount',
    'CallFiltered',
    'MultiBlockMigrationsOngoing',
    'NothingAuthorized',
    'Unauthorized',
  ]),
  storage: Object.values(Storage),
  constants: [
    {
      name: 'BlockWeights',
      type: BlockWeights,
      value: {
        base_block: w(5_000_000_000n),
        max_block: w(MAX_BLOCK_REF_TIME, BigInt(Number.MAX_SAFE_INTEGER)),
        per_class: {
          normal: perClass,
          operational: perClass,
          mandatory: { ...perClass, max_extrinsic: null, max_total: null, reserved: null },
        },
      },
    },
    { name: 'BlockLength', type: BlockLength, value: { max: { normal: 3_932_160, operational: 5_242_880, mandatory: 5_242_880 } } },
    { name: 'BlockHashCount', type: T.u32, value: BLOCK_HASH_COUNT },
    { name: 'DbWeight', type: RuntimeDbWeight, value: { read: 25_000_000n, write: 100_000_000n } },
    { name: 'Version', type: RuntimeVersionType, value: (c: ConstantContext) => runtimeVersionValue(RUNTIME_VERSION, c.apis) },
    { name: 'SS58Prefix', type: T.u16, value: 42 },
  ],
  hooks: {
    genesis: (ctx) => {
      Storage.BlockHash.set(ctx.state, 0, new Uint8Array(32).fill(0x69));
      Storage.ParentHash.set(ctx.state, new Uint8Array(32).fill(0x69));
      Storage.LastRuntimeUpgrade.set(ctx.state, { spec_version: RUNTIME_VERSION.specVersion, spec_name: RUNTIME_VERSION.specName });
    },
  },
});

function toHex(b: Uint8Array): string {
  return `0x${Buffer.from(b).toString('hex')}`;
}

/** Account helpers used by Balances and the executive. */
export function getAccount(s: Parameters<typeof Storage.Account.get>[0], who: Uint8Array): AccountInfoValue {
  return Storage.Account.get(s, who);
}
