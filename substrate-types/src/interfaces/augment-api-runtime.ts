// Auto-generated via `yarn polkadot-types-from-chain`, do not edit
/* eslint-disable */

// import type lookup before we augment - in some environments
// this is required to allow for ambient/previous definitions
import '@polkadot/api-base/types/calls';

import type { ApiTypes, AugmentedCall, DecoratedCallBase } from '@polkadot/api-base/types';
import type { Null, Option, Vec, u16, u32 } from '@polkadot/types-codec';
import type { AnyNumber } from '@polkadot/types-codec/types';
import type { Extrinsic } from '@polkadot/types/interfaces/extrinsics';
import type { OpaqueMetadata } from '@polkadot/types/interfaces/metadata';
import type { FeeDetails, RuntimeDispatchInfo } from '@polkadot/types/interfaces/payment';
import type { AccountId, Balance, Block, ExtrinsicInclusionMode, Header, Index, Weight } from '@polkadot/types/interfaces/runtime';
import type { RuntimeVersion } from '@polkadot/types/interfaces/state';
import type { IExtrinsic, Observable } from '@polkadot/types/types';
import type { NeuronInfo, NeuronInfoLite, SubnetHyperparams, SubnetHyperparamsV2, SubnetInfo } from '../interfaces/subtensor/index.ts';

export type __AugmentedCall<ApiType extends ApiTypes> = AugmentedCall<ApiType>;
export type __DecoratedCallBase<ApiType extends ApiTypes> = DecoratedCallBase<ApiType>;

declare module '@polkadot/api-base/types/calls' {
  interface AugmentedCalls<ApiType extends ApiTypes> {
    /** 0xbc9d89904f5b923f/1 */
    accountNonceApi: {
      /**
       * The API to query account nonce (aka transaction index)
       **/
      accountNonce: AugmentedCall<ApiType, (accountId: AccountId | string | Uint8Array) => Observable<Index>>;
      /**
       * Generic call
       **/
      [key: string]: DecoratedCallBase<ApiType>;
    };
    /** 0xdf6acb689907609b/5 */
    core: {
      /**
       * Execute the given block.
       **/
      executeBlock: AugmentedCall<ApiType, (block: Block | { header?: any; extrinsics?: any } | string | Uint8Array) => Observable<Null>>;
      /**
       * Initialize a block with the given header.
       **/
      initializeBlock: AugmentedCall<ApiType, (header: Header | { parentHash?: any; number?: any; stateRoot?: any; extrinsicsRoot?: any; digest?: any } | string | Uint8Array) => Observable<ExtrinsicInclusionMode>>;
      /**
       * Returns the version of the runtime.
       **/
      version: AugmentedCall<ApiType, () => Observable<RuntimeVersion>>;
      /**
       * Generic call
       **/
      [key: string]: DecoratedCallBase<ApiType>;
    };
    /** 0x37e397fc7c91f5e4/2 */
    metadata: {
      /**
       * Returns the metadata of a runtime
       **/
      metadata: AugmentedCall<ApiType, () => Observable<OpaqueMetadata>>;
      /**
       * Returns the metadata at a given version.
       **/
      metadataAtVersion: AugmentedCall<ApiType, (version: u32 | AnyNumber | Uint8Array) => Observable<Option<OpaqueMetadata>>>;
      /**
       * Returns the supported metadata versions.
       **/
      metadataVersions: AugmentedCall<ApiType, () => Observable<Vec<u32>>>;
      /**
       * Generic call
       **/
      [key: string]: DecoratedCallBase<ApiType>;
    };
    /** 0x806df4ccaa9ed485/1 */
    neuronInfoRuntimeApi: {
      /**
       * One neuron with weights and bonds
       **/
      getNeuron: AugmentedCall<ApiType, (netuid: u16 | AnyNumber | Uint8Array, uid: u16 | AnyNumber | Uint8Array) => Observable<Option<NeuronInfo>>>;
      /**
       * One neuron (lite)
       **/
      getNeuronLite: AugmentedCall<ApiType, (netuid: u16 | AnyNumber | Uint8Array, uid: u16 | AnyNumber | Uint8Array) => Observable<Option<NeuronInfoLite>>>;
      /**
       * Neurons of a subnet with weights and bonds
       **/
      getNeurons: AugmentedCall<ApiType, (netuid: u16 | AnyNumber | Uint8Array) => Observable<Vec<NeuronInfo>>>;
      /**
       * Neurons of a subnet (lite)
       **/
      getNeuronsLite: AugmentedCall<ApiType, (netuid: u16 | AnyNumber | Uint8Array) => Observable<Vec<NeuronInfoLite>>>;
      /**
       * Generic call
       **/
      [key: string]: DecoratedCallBase<ApiType>;
    };
    /** 0x8375104b299b74c5/1 */
    subnetInfoRuntimeApi: {
      /**
       * Hyperparameters
       **/
      getSubnetHyperparams: AugmentedCall<ApiType, (netuid: u16 | AnyNumber | Uint8Array) => Observable<Option<SubnetHyperparams>>>;
      /**
       * Hyperparameters (v2)
       **/
      getSubnetHyperparamsV2: AugmentedCall<ApiType, (netuid: u16 | AnyNumber | Uint8Array) => Observable<Option<SubnetHyperparamsV2>>>;
      /**
       * Subnet info
       **/
      getSubnetInfo: AugmentedCall<ApiType, (netuid: u16 | AnyNumber | Uint8Array) => Observable<Option<SubnetInfo>>>;
      /**
       * All subnets
       **/
      getSubnetsInfo: AugmentedCall<ApiType, () => Observable<Vec<Option<SubnetInfo>>>>;
      /**
       * Generic call
       **/
      [key: string]: DecoratedCallBase<ApiType>;
    };
    /** 0x37c8bb1350a9a2a8/4 */
    transactionPaymentApi: {
      /**
       * The transaction fee details
       **/
      queryFeeDetails: AugmentedCall<ApiType, (uxt: Extrinsic | IExtrinsic | string | Uint8Array, len: u32 | AnyNumber | Uint8Array) => Observable<FeeDetails>>;
      /**
       * The transaction info
       **/
      queryInfo: AugmentedCall<ApiType, (uxt: Extrinsic | IExtrinsic | string | Uint8Array, len: u32 | AnyNumber | Uint8Array) => Observable<RuntimeDispatchInfo>>;
      /**
       * Query the output of the current LengthToFee given some input
       **/
      queryLengthToFee: AugmentedCall<ApiType, (length: u32 | AnyNumber | Uint8Array) => Observable<Balance>>;
      /**
       * Query the output of the current WeightToFee given some input
       **/
      queryWeightToFee: AugmentedCall<ApiType, (weight: Weight | { refTime?: any; proofSize?: any } | string | Uint8Array) => Observable<Balance>>;
      /**
       * Generic call
       **/
      [key: string]: DecoratedCallBase<ApiType>;
    };
  } // AugmentedCalls
} // declare module
