// Auto-generated via `yarn polkadot-types-from-defs`, do not edit
/* eslint-disable */

// import type lookup before we augment - in some environments
// this is required to allow for ambient/previous definitions
import '@polkadot/types/types/registry';

import type { FrameMetadataHashExtensionCheckMetadataHash, FrameMetadataHashExtensionMode, FrameSupportDispatchDispatchClass, FrameSupportDispatchPays, FrameSupportDispatchPerDispatchClassU32, FrameSupportDispatchPerDispatchClassWeight, FrameSupportDispatchPerDispatchClassWeightsPerClass, FrameSupportTokensMiscBalanceStatus, FrameSystemAccountInfo, FrameSystemCall, FrameSystemDispatchEventInfo, FrameSystemError, FrameSystemEvent, FrameSystemEventRecord, FrameSystemExtensionsCheckGenesis, FrameSystemExtensionsCheckNonZeroSender, FrameSystemExtensionsCheckSpecVersion, FrameSystemExtensionsCheckTxVersion, FrameSystemExtensionsCheckWeight, FrameSystemLastRuntimeUpgradeInfo, FrameSystemLimitsBlockLength, FrameSystemLimitsBlockWeights, FrameSystemLimitsWeightsPerClass, FrameSystemPhase, NodeSubtensorRuntimeCheckNonce, NodeSubtensorRuntimeRuntime, PalletAdminUtilsCall, PalletAdminUtilsError, PalletBalancesAccountData, PalletBalancesCall, PalletBalancesError, PalletBalancesEvent, PalletCommitmentsCall, PalletCommitmentsCommitmentInfo, PalletCommitmentsData, PalletCommitmentsError, PalletCommitmentsEvent, PalletCommitmentsRegistration, PalletCommitmentsUsageTracker, PalletDrandDrandPriority, PalletShieldExtensionCheckShieldedTxValidity, PalletSubtensorAxonInfo, PalletSubtensorCall, PalletSubtensorError, PalletSubtensorEvent, PalletSubtensorPrometheusInfo, PalletSubtensorRootClaimTypeEnum, PalletSubtensorTransactionExtensionSubtensorTransactionExtension, PalletSudoCall, PalletSudoError, PalletSudoEvent, PalletSudoExtensionSudoTransactionExtension, PalletTimestampCall, PalletTransactionPaymentChargeTransactionPayment, PalletTransactionPaymentEvent, PalletTransactionPaymentReleases, PalletUtilityCall, PalletUtilityError, PalletUtilityEvent, SpArithmeticArithmeticError, SpCoreEcdsaSignature, SpCoreEd25519Signature, SpCoreSr25519Signature, SpRuntimeDigest, SpRuntimeDigestDigestItem, SpRuntimeDispatchError, SpRuntimeModuleError, SpRuntimeMultiSignature, SpRuntimeTokenError, SpRuntimeTransactionalError, SpVersionRuntimeVersion, SpWeightsRuntimeDbWeight, SpWeightsWeightV2Weight, SubstrateFixedFixedI128, SubstrateFixedFixedU128, SubtensorTransactionFeeChargeTransactionPaymentWrapper } from '@polkadot/types/lookup';

declare module '@polkadot/types/types/registry' {
  interface InterfaceTypes {
    FrameMetadataHashExtensionCheckMetadataHash: FrameMetadataHashExtensionCheckMetadataHash;
    FrameMetadataHashExtensionMode: FrameMetadataHashExtensionMode;
    FrameSupportDispatchDispatchClass: FrameSupportDispatchDispatchClass;
    FrameSupportDispatchPays: FrameSupportDispatchPays;
    FrameSupportDispatchPerDispatchClassU32: FrameSupportDispatchPerDispatchClassU32;
    FrameSupportDispatchPerDispatchClassWeight: FrameSupportDispatchPerDispatchClassWeight;
    FrameSupportDispatchPerDispatchClassWeightsPerClass: FrameSupportDispatchPerDispatchClassWeightsPerClass;
    FrameSupportTokensMiscBalanceStatus: FrameSupportTokensMiscBalanceStatus;
    FrameSystemAccountInfo: FrameSystemAccountInfo;
    FrameSystemCall: FrameSystemCall;
    FrameSystemDispatchEventInfo: FrameSystemDispatchEventInfo;
    FrameSystemError: FrameSystemError;
    FrameSystemEvent: FrameSystemEvent;
    FrameSystemEventRecord: FrameSystemEventRecord;
    FrameSystemExtensionsCheckGenesis: FrameSystemExtensionsCheckGenesis;
    FrameSystemExtensionsCheckNonZeroSender: FrameSystemExtensionsCheckNonZeroSender;
    FrameSystemExtensionsCheckSpecVersion: FrameSystemExtensionsCheckSpecVersion;
    FrameSystemExtensionsCheckTxVersion: FrameSystemExtensionsCheckTxVersion;
    FrameSystemExtensionsCheckWeight: FrameSystemExtensionsCheckWeight;
    FrameSystemLastRuntimeUpgradeInfo: FrameSystemLastRuntimeUpgradeInfo;
    FrameSystemLimitsBlockLength: FrameSystemLimitsBlockLength;
    FrameSystemLimitsBlockWeights: FrameSystemLimitsBlockWeights;
    FrameSystemLimitsWeightsPerClass: FrameSystemLimitsWeightsPerClass;
    FrameSystemPhase: FrameSystemPhase;
    NodeSubtensorRuntimeCheckNonce: NodeSubtensorRuntimeCheckNonce;
    NodeSubtensorRuntimeRuntime: NodeSubtensorRuntimeRuntime;
    PalletAdminUtilsCall: PalletAdminUtilsCall;
    PalletAdminUtilsError: PalletAdminUtilsError;
    PalletBalancesAccountData: PalletBalancesAccountData;
    PalletBalancesCall: PalletBalancesCall;
    PalletBalancesError: PalletBalancesError;
    PalletBalancesEvent: PalletBalancesEvent;
    PalletCommitmentsCall: PalletCommitmentsCall;
    PalletCommitmentsCommitmentInfo: PalletCommitmentsCommitmentInfo;
    PalletCommitmentsData: PalletCommitmentsData;
    PalletCommitmentsError: PalletCommitmentsError;
    PalletCommitmentsEvent: PalletCommitmentsEvent;
    PalletCommitmentsRegistration: PalletCommitmentsRegistration;
    PalletCommitmentsUsageTracker: PalletCommitmentsUsageTracker;
    PalletDrandDrandPriority: PalletDrandDrandPriority;
    PalletShieldExtensionCheckShieldedTxValidity: PalletShieldExtensionCheckShieldedTxValidity;
    PalletSubtensorAxonInfo: PalletSubtensorAxonInfo;
    PalletSubtensorCall: PalletSubtensorCall;
    PalletSubtensorError: PalletSubtensorError;
    PalletSubtensorEvent: PalletSubtensorEvent;
    PalletSubtensorPrometheusInfo: PalletSubtensorPrometheusInfo;
    PalletSubtensorRootClaimTypeEnum: PalletSubtensorRootClaimTypeEnum;
    PalletSubtensorTransactionExtensionSubtensorTransactionExtension: PalletSubtensorTransactionExtensionSubtensorTransactionExtension;
    PalletSudoCall: PalletSudoCall;
    PalletSudoError: PalletSudoError;
    PalletSudoEvent: PalletSudoEvent;
    PalletSudoExtensionSudoTransactionExtension: PalletSudoExtensionSudoTransactionExtension;
    PalletTimestampCall: PalletTimestampCall;
    PalletTransactionPaymentChargeTransactionPayment: PalletTransactionPaymentChargeTransactionPayment;
    PalletTransactionPaymentEvent: PalletTransactionPaymentEvent;
    PalletTransactionPaymentReleases: PalletTransactionPaymentReleases;
    PalletUtilityCall: PalletUtilityCall;
    PalletUtilityError: PalletUtilityError;
    PalletUtilityEvent: PalletUtilityEvent;
    SpArithmeticArithmeticError: SpArithmeticArithmeticError;
    SpCoreEcdsaSignature: SpCoreEcdsaSignature;
    SpCoreEd25519Signature: SpCoreEd25519Signature;
    SpCoreSr25519Signature: SpCoreSr25519Signature;
    SpRuntimeDigest: SpRuntimeDigest;
    SpRuntimeDigestDigestItem: SpRuntimeDigestDigestItem;
    SpRuntimeDispatchError: SpRuntimeDispatchError;
    SpRuntimeModuleError: SpRuntimeModuleError;
    SpRuntimeMultiSignature: SpRuntimeMultiSignature;
    SpRuntimeTokenError: SpRuntimeTokenError;
    SpRuntimeTransactionalError: SpRuntimeTransactionalError;
    SpVersionRuntimeVersion: SpVersionRuntimeVersion;
    SpWeightsRuntimeDbWeight: SpWeightsRuntimeDbWeight;
    SpWeightsWeightV2Weight: SpWeightsWeightV2Weight;
    SubstrateFixedFixedI128: SubstrateFixedFixedI128;
    SubstrateFixedFixedU128: SubstrateFixedFixedU128;
    SubtensorTransactionFeeChargeTransactionPaymentWrapper: SubtensorTransactionFeeChargeTransactionPaymentWrapper;
  } // InterfaceTypes
} // declare module
