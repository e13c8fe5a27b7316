// Auto-generated via `yarn polkadot-types-from-chain`, do not edit
/* eslint-disable */

// import type lookup before we augment - in some environments
// this is required to allow for ambient/previous definitions
import '@polkadot/api-base/types/consts';

import type { ApiTypes, AugmentedConst } from '@polkadot/api-base/types';
import type { u128, u16, u32, u64, u8 } from '@polkadot/types-codec';
import type { Codec } from '@polkadot/types-codec/types';
import type { FrameSystemLimitsBlockLength, FrameSystemLimitsBlockWeights, SpVersionRuntimeVersion, SpWeightsRuntimeDbWeight } from '@polkadot/types/lookup';

export type __AugmentedConst<ApiType extends ApiTypes> = AugmentedConst<ApiType>;

declare module '@polkadot/api-base/types/consts' {
  interface AugmentedConsts<ApiType extends ApiTypes> {
    balances: {
      /**
       * The minimum amount required to keep an account open.
       **/
      existentialDeposit: u128 & AugmentedConst<ApiType>;
      maxFreezes: u32 & AugmentedConst<ApiType>;
      maxLocks: u32 & AugmentedConst<ApiType>;
      maxReserves: u32 & AugmentedConst<ApiType>;
      /**
       * Generic const
       **/
      [key: string]: Codec;
    };
    commitments: {
      /**
       * The amount held on deposit per additional field for a registered identity.
       **/
      fieldDeposit: u64 & AugmentedConst<ApiType>;
      /**
       * The amount held on deposit for a registered identity
       **/
      initialDeposit: u64 & AugmentedConst<ApiType>;
      /**
       * The maximum number of additional fields that can be added to a commitment
       **/
      maxFields: u32 & AugmentedConst<ApiType>;
      /**
       * Generic const
       **/
      [key: string]: Codec;
    };
    subtensorModule: {
      initialMaxAllowedUids: u16 & AugmentedConst<ApiType>;
      initialMaxBurn: u64 & AugmentedConst<ApiType>;
      initialMinBurn: u64 & AugmentedConst<ApiType>;
      initialMinLockCost: u64 & AugmentedConst<ApiType>;
      initialNetworkRateLimit: u64 & AugmentedConst<ApiType>;
      /**
       * Blocks after registration before `start_call` is allowed.
       **/
      initialStartCallDelay: u64 & AugmentedConst<ApiType>;
      initialSubnetOwnerCut: u16 & AugmentedConst<ApiType>;
      initialTempo: u16 & AugmentedConst<ApiType>;
      /**
       * Generic const
       **/
      [key: string]: Codec;
    };
    system: {
      blockHashCount: u32 & AugmentedConst<ApiType>;
      blockLength: FrameSystemLimitsBlockLength & AugmentedConst<ApiType>;
      blockWeights: FrameSystemLimitsBlockWeights & AugmentedConst<ApiType>;
      dbWeight: SpWeightsRuntimeDbWeight & AugmentedConst<ApiType>;
      ss58Prefix: u16 & AugmentedConst<ApiType>;
      version: SpVersionRuntimeVersion & AugmentedConst<ApiType>;
      /**
       * Generic const
       **/
      [key: string]: Codec;
    };
    timestamp: {
      /**
       * The minimum period between blocks (half the slot duration).
       **/
      minimumPeriod: u64 & AugmentedConst<ApiType>;
      /**
       * Generic const
       **/
      [key: string]: Codec;
    };
    transactionPayment: {
      operationalFeeMultiplier: u8 & AugmentedConst<ApiType>;
      /**
       * Generic const
       **/
      [key: string]: Codec;
    };
    utility: {
      batchedCallsLimit: u32 & AugmentedConst<ApiType>;
      /**
       * Generic const
       **/
      [key: string]: Codec;
    };
  } // AugmentedConsts
} // declare module
