// Auto-generated via `yarn polkadot-types-from-defs`, do not edit
/* eslint-disable */

/* eslint-disable sort-keys */

export default {
  /**
   * Lookup3: frame_system::AccountInfo<Nonce, pallet_balances::types::AccountData<Balance>>
   **/
  FrameSystemAccountInfo: {
    nonce: 'u32',
    consumers: 'u32',
    providers: 'u32',
    sufficients: 'u32',
    data: 'PalletBalancesAccountData'
  },
  /**
   * Lookup5: pallet_balances::types::AccountData<Balance>
   **/
  PalletBalancesAccountData: {
    free: 'u128',
    reserved: 'u128',
    frozen: 'u128',
    flags: 'u128'
  },
  /**
   * Lookup9: frame_support::dispatch::PerDispatchClass<sp_weights::weight_v2::Weight>
   **/
  FrameSupportDispatchPerDispatchClassWeight: {
    normal: 'SpWeightsWeightV2Weight',
    operational: 'SpWeightsWeightV2Weight',
    mandatory: 'SpWeightsWeightV2Weight'
  },
  /**
   * Lookup10: sp_weights::weight_v2::Weight
   **/
  SpWeightsWeightV2Weight: {
    refTime: 'Compact<u64>',
    proofSize: 'Compact<u64>'
  },
  /**
   * Lookup15: sp_runtime::generic::digest::Digest
   **/
  SpRuntimeDigest: {
    logs: 'Vec<SpRuntimeDigestDigestItem>'
  },
  /**
   * Lookup16: sp_runtime::generic::digest::DigestItem
   **/
  SpRuntimeDigestDigestItem: {
    _enum: {
      Other: 'Bytes',
      __Unused1: 'Null',
      __Unused2: 'Null',
      __Unused3: 'Null',
      Consensus: '([u8;4],Bytes)',
      Seal: '([u8;4],Bytes)',
      PreRuntime: '([u8;4],Bytes)',
      __Unused7: 'Null',
      RuntimeEnvironmentUpdated: 'Null'
    }
  },
  /**
   * Lookup19: frame_system::EventRecord<node_subtensor_runtime::RuntimeEvent, primitive_types::H256>
   **/
  FrameSystemEventRecord: {
    phase: 'FrameSystemPhase',
    event: 'Event',
    topics: 'Vec<H256>'
  },
  /**
   * Lookup21: frame_system::pallet::Event<T>
   **/
  FrameSystemEvent: {
    _enum: {
      ExtrinsicSuccess: {
        dispatchInfo: 'FrameSystemDispatchEventInfo',
      },
      ExtrinsicFailed: {
        dispatchError: 'SpRuntimeDispatchError',
        dispatchInfo: 'FrameSystemDispatchEventInfo',
      },
      CodeUpdated: 'Null',
      NewAccount: {
        account: 'AccountId32',
      },
      KilledAccount: {
        account: 'AccountId32',
      },
      Remarked: {
        _alias: {
          hash_: 'hash',
        },
        sender: 'AccountId32',
        hash_: 'H256'
      }
    }
  },
  /**
   * Lookup22: frame_system::DispatchEventInfo
   **/
  FrameSystemDispatchEventInfo: {
    weight: 'SpWeightsWeightV2Weight',
    class: 'FrameSupportDispatchDispatchClass',
    paysFee: 'FrameSupportDispatchPays'
  },
  /**
   * Lookup23: frame_support::dispatch::DispatchClass
   **/
  FrameSupportDispatchDispatchClass: {
    _enum: ['Normal', 'Operational', 'Mandatory']
  },
  /**
   * Lookup24: frame_support::dispatch::Pays
   **/
  FrameSupportDispatchPays: {
    _enum: ['Yes', 'No']
  },
  /**
   * Lookup25: sp_runtime::DispatchError
   **/
  SpRuntimeDispatchError: {
    _enum: {
      Other: 'Null',
      CannotLookup: 'Null',
      BadOrigin: 'Null',
      Module: 'SpRuntimeModuleError',
      ConsumerRemaining: 'Null',
      NoProviders: 'Null',
      TooManyConsumers: 'Null',
      Token: 'SpRuntimeTokenError',
      Arithmetic: 'SpArithmeticArithmeticError',
      Transactional: 'SpRuntimeTransactionalError',
      Exhausted: 'Null',
      Corruption: 'Null',
      Unavailable: 'Null',
      RootNotAllowed: 'Null'
    }
  },
  /**
   * Lookup26: sp_runtime::ModuleError
   **/
  SpRuntimeModuleError: {
    index: 'u8',
    error: '[u8;4]'
  },
  /**
   * Lookup27: sp_runtime::TokenError
   **/
  SpRuntimeTokenError: {
    _enum: ['FundsUnavailable', 'OnlyProvider', 'BelowMinimum', 'CannotCreate', 'UnknownAsset', 'Frozen', 'Unsupported', 'CannotCreateHold', 'NotExpendable', 'Blocked']
  },
  /**
   * Lookup28: sp_arithmetic::ArithmeticError
   **/
  SpArithmeticArithmeticError: {
    _enum: ['Underflow', 'Overflow', 'DivisionByZero']
  },
  /**
   * Lookup29: sp_runtime::TransactionalError
   **/
  SpRuntimeTransactionalError: {
    _enum: ['LimitReached', 'NoLayer']
  },
  /**
   * Lookup30: pallet_balances::pallet::Event<T>
   **/
  PalletBalancesEvent: {
    _enum: {
      Endowed: {
        account: 'AccountId32',
        freeBalance: 'u128',
      },
      DustLost: {
        account: 'AccountId32',
        amount: 'u128',
      },
      Transfer: {
        from: 'AccountId32',
        to: 'AccountId32',
        amount: 'u128',
      },
      BalanceSet: {
        who: 'AccountId32',
        free: 'u128',
      },
      Reserved: {
        who: 'AccountId32',
        amount: 'u128',
      },
      Unreserved: {
        who: 'AccountId32',
        amount: 'u128',
      },
      ReserveRepatriated: {
        from: 'AccountId32',
        to: 'AccountId32',
        amount: 'u128',
        destinationStatus: 'FrameSupportTokensMiscBalanceStatus',
      },
      Deposit: {
        who: 'AccountId32',
        amount: 'u128',
      },
      Withdraw: {
        who: 'AccountId32',
        amount: 'u128',
      },
      Slashed: {
        who: 'AccountId32',
        amount: 'u128',
      },
      Minted: {
        who: 'AccountId32',
        amount: 'u128',
      },
      Burned: {
        who: 'AccountId32',
        amount: 'u128'
      }
    }
  },
  /**
   * Lookup31: frame_support::traits::tokens::misc::BalanceStatus
   **/
  FrameSupportTokensMiscBalanceStatus: {
    _enum: ['Free', 'Reserved']
  },
  /**
   * Lookup32: pallet_transaction_payment::pallet::Event<T>
   **/
  PalletTransactionPaymentEvent: {
    _enum: {
      TransactionFeePaid: {
        who: 'AccountId32',
        actualFee: 'u128',
        tip: 'u128'
      }
    }
  },
  /**
   * Lookup33: pallet_subtensor::pallet::Event<T>
   **/
  PalletSubtensorEvent: {
    _enum: {
      NetworkAdded: '(u16,u16)',
      NetworkRemoved: 'u16',
      StakeAdded: '(AccountId32,AccountId32,u64,u64,u16,u64)',
      StakeRemoved: '(AccountId32,AccountId32,u64,u64,u16,u64)',
      StakeMoved: '(AccountId32,AccountId32,u16,AccountId32,u16,u64)',
      WeightsSet: '(u16,u16)',
      NeuronRegistered: '(u16,u16,AccountId32)',
      Unused7: 'Null',
      Unused8: 'Null',
      MaxAllowedUidsSet: '(u16,u16)',
      MaxWeightLimitSet: '(u16,u16)',
      DifficultySet: '(u16,u64)',
      Unused12: 'Null',
      Unused13: 'Null',
      Unused14: 'Null',
      ActivityCutoffSet: '(u16,u16)',
      RhoSet: '(u16,u16)',
      AlphaSigmoidSteepnessSet: '(u16,i16)',
      KappaSet: '(u16,u16)',
      MinAllowedWeightSet: '(u16,u16)',
      Unused20: 'Null',
      Unused21: 'Null',
      WeightsSetRateLimitSet: '(u16,u64)',
      ImmunityPeriodSet: '(u16,u16)',
      BondsMovingAverageSet: '(u16,u64)',
      BondsPenaltySet: '(u16,u16)',
      BondsResetOnSet: '(u16,bool)',
      MaxAllowedValidatorsSet: '(u16,u16)',
      AxonServed: '(u16,AccountId32)',
      PrometheusServed: '(u16,AccountId32)',
      Unused30: 'Null',
      Unused31: 'Null',
      WeightsVersionKeySet: '(u16,u64)',
      Unused33: 'Null',
      Unused34: 'Null',
      ServingRateLimitSet: '(u16,u64)',
      BurnSet: '(u16,u64)',
      MaxBurnSet: '(u16,u64)',
      MinBurnSet: '(u16,u64)',
      Unused39: 'Null',
      TxRateLimitSet: 'u64',
      Unused41: 'Null',
      Unused42: 'Null',
      Unused43: 'Null',
      Unused44: 'Null',
      Unused45: 'Null',
      Unused46: 'Null',
      Unused47: 'Null',
      Unused48: 'Null',
      Unused49: 'Null',
      RegistrationAllowed: '(u16,bool)',
      Unused51: 'Null',
      TempoSet: '(u16,u16)',
      Unused53: 'Null',
      StakeThresholdSet: 'u64',
      Unused55: 'Null',
      Unused56: 'Null',
      Unused57: 'Null',
      NetworkRateLimitSet: 'u64',
      Unused59: 'Null',
      StartCallDelaySet: 'u64',
      Unused61: 'Null',
      Unused62: 'Null',
      Unused63: 'Null',
      Unused64: 'Null',
      Unused65: 'Null',
      Unused66: 'Null',
      Unused67: 'Null',
      Unused68: 'Null',
      Unused69: 'Null',
      Unused70: 'Null',
      Unused71: 'Null',
      Unused72: 'Null',
      Unused73: 'Null',
      Unused74: 'Null',
      Unused75: 'Null',
      Unused76: 'Null',
      Unused77: 'Null',
      Unused78: 'Null',
      Unused79: 'Null',
      Unused80: 'Null',
      Unused81: 'Null',
      Unused82: 'Null',
      Unused83: 'Null',
      Unused84: 'Null',
      WeightsCommitted: '(AccountId32,u16,H256)',
      WeightsRevealed: '(AccountId32,u16,H256)',
      WeightsBatchRevealed: '(AccountId32,u16,Vec<H256>)',
      BatchWeightsCompleted: '(Vec<Compact<u16>>,AccountId32)',
      BatchCompletedWithErrors: 'Null',
      BatchWeightItemFailed: '(u16,SpRuntimeDispatchError)',
      Unused91: 'Null',
      Unused92: 'Null',
      Unused93: 'Null',
      Unused94: 'Null',
      FirstEmissionBlockNumberSet: '(u16,u64)',
      Unused96: 'Null',
      Unused97: 'Null',
      Unused98: 'Null',
      Unused99: 'Null',
      CommitRevealPeriodsSet: '(u16,u64)',
      CommitRevealEnabled: '(u16,bool)',
      Unused102: 'Null',
      Unused103: 'Null',
      Unused104: 'Null',
      Unused105: 'Null',
      Unused106: 'Null',
      Unused107: 'Null',
      Unused108: 'Null',
      Unused109: 'Null',
      IncentiveAlphaEmittedToMiners: {
        netuid: 'u16',
        emissions: 'Vec<u64>',
      },
      Unused111: 'Null',
      Unused112: 'Null',
      Unused113: 'Null',
      RootClaimed: {
        coldkey: 'AccountId32',
      },
      RootClaimTypeSet: {
        coldkey: 'AccountId32',
        rootClaimType: 'PalletSubtensorRootClaimTypeEnum',
      },
      Unused116: 'Null',
      Unused117: 'Null',
      Unused118: 'Null',
      Unused119: 'Null',
      Unused120: 'Null',
      Unused121: 'Null',
      Unused122: 'Null',
      Unused123: 'Null',
      Unused124: 'Null',
      Unused125: 'Null',
      Unused126: 'Null',
      Unused127: 'Null',
      Unused128: 'Null',
      Unused129: 'Null',
      Unused130: 'Null',
      EpochTriggered: {
        netuid: 'u16',
        by: 'AccountId32',
        firesAt: 'u64',
      },
      EpochDeferred: {
        netuid: 'u16',
        fromBlock: 'u64',
        toBlock: 'u64',
      },
      EpochSkipped: {
        netuid: 'u16',
        block: 'u64',
      },
      Unused134: 'Null',
      Unused135: 'Null',
      Unused136: 'Null'
    }
  },
  /**
   * Lookup40: pallet_subtensor::pallet::RootClaimTypeEnum
   **/
  PalletSubtensorRootClaimTypeEnum: {
    _enum: {
      Swap: 'Null',
      Keep: 'Null',
      KeepSubnets: {
        subnets: 'BTreeSet<u16>'
      }
    }
  },
  /**
   * Lookup43: pallet_utility::pallet::Event<T>
   **/
  PalletUtilityEvent: {
    _enum: {
      BatchInterrupted: {
        index: 'u32',
        error: 'SpRuntimeDispatchError',
      },
      BatchCompleted: 'Null',
      BatchCompletedWithErrors: 'Null',
      ItemCompleted: 'Null',
      ItemFailed: {
        error: 'SpRuntimeDispatchError',
      },
      DispatchedAs: {
        result: 'Result<Null, SpRuntimeDispatchError>'
      }
    }
  },
  /**
   * Lookup46: pallet_sudo::pallet::Event<T>
   **/
  PalletSudoEvent: {
    _enum: {
      Sudid: {
        sudoResult: 'Result<Null, SpRuntimeDispatchError>',
      },
      KeyChanged: {
        _alias: {
          new_: 'new',
        },
        old: 'Option<AccountId32>',
        new_: 'AccountId32',
      },
      KeyRemoved: 'Null',
      SudoAsDone: {
        sudoResult: 'Result<Null, SpRuntimeDispatchError>'
      }
    }
  },
  /**
   * Lookup48: pallet_commitments::pallet::Event<T>
   **/
  PalletCommitmentsEvent: {
    _enum: {
      Commitment: {
        netuid: 'u16',
        who: 'AccountId32',
      },
      TimelockCommitment: {
        netuid: 'u16',
        who: 'AccountId32',
        revealRound: 'u64',
      },
      CommitmentRevealed: {
        netuid: 'u16',
        who: 'AccountId32'
      }
    }
  },
  /**
   * Lookup49: frame_system::Phase
   **/
  FrameSystemPhase: {
    _enum: {
      ApplyExtrinsic: 'u32',
      Finalization: 'Null',
      Initialization: 'Null'
    }
  },
  /**
   * Lookup51: frame_system::LastRuntimeUpgradeInfo
   **/
  FrameSystemLastRuntimeUpgradeInfo: {
    specVersion: 'Compact<u32>',
    specName: 'Text'
  },
  /**
   * Lookup54: frame_system::pallet::Call<T>
   **/
  FrameSystemCall: {
    _enum: {
      remark: {
        remark: 'Bytes',
      },
      __Unused1: 'Null',
      __Unused2: 'Null',
      __Unused3: 'Null',
      set_storage: {
        items: 'Vec<(Bytes,Bytes)>',
      },
      kill_storage: {
        _alias: {
          keys_: 'keys',
        },
        keys_: 'Vec<Bytes>',
      },
      kill_prefix: {
        prefix: 'Bytes',
        subkeys: 'u32',
      },
      remark_with_event: {
        remark: 'Bytes'
      }
    }
  },
  /**
   * Lookup58: frame_system::limits::BlockWeights
   **/
  FrameSystemLimitsBlockWeights: {
    baseBlock: 'SpWeightsWeightV2Weight',
    maxBlock: 'SpWeightsWeightV2Weight',
    perClass: 'FrameSupportDispatchPerDispatchClassWeightsPerClass'
  },
  /**
   * Lookup59: frame_support::dispatch::PerDispatchClass<frame_system::limits::WeightsPerClass>
   **/
  FrameSupportDispatchPerDispatchClassWeightsPerClass: {
    normal: 'FrameSystemLimitsWeightsPerClass',
    operational: 'FrameSystemLimitsWeightsPerClass',
    mandatory: 'FrameSystemLimitsWeightsPerClass'
  },
  /**
   * Lookup60: frame_system::limits::WeightsPerClass
   **/
  FrameSystemLimitsWeightsPerClass: {
    baseExtrinsic: 'SpWeightsWeightV2Weight',
    maxExtrinsic: 'Option<SpWeightsWeightV2Weight>',
    maxTotal: 'Option<SpWeightsWeightV2Weight>',
    reserved: 'Option<SpWeightsWeightV2Weight>'
  },
  /**
   * Lookup62: frame_system::limits::BlockLength
   **/
  FrameSystemLimitsBlockLength: {
    max: 'FrameSupportDispatchPerDispatchClassU32'
  },
  /**
   * Lookup63: frame_support::dispatch::PerDispatchClass<T>
   **/
  FrameSupportDispatchPerDispatchClassU32: {
    normal: 'u32',
    operational: 'u32',
    mandatory: 'u32'
  },
  /**
   * Lookup64: sp_weights::RuntimeDbWeight
   **/
  SpWeightsRuntimeDbWeight: {
    read: 'u64',
    write: 'u64'
  },
  /**
   * Lookup65: sp_version::RuntimeVersion
   **/
  SpVersionRuntimeVersion: {
    specName: 'Text',
    implName: 'Text',
    authoringVersion: 'u32',
    specVersion: 'u32',
    implVersion: 'u32',
    apis: 'Vec<([u8;8],u32)>',
    transactionVersion: 'u32',
    systemVersion: 'u8'
  },
  /**
   * Lookup69: frame_system::pallet::Error<T>
   **/
  FrameSystemError: {
    _enum: ['InvalidSpecName', 'SpecVersionNeedsToIncrease', 'FailedToExtractRuntimeVersion', 'NonDefaultComposite', 'NonZeroRefCount', 'CallFiltered', 'MultiBlockMigrationsOngoing', 'NothingAuthorized', 'Unauthorized']
  },
  /**
   * Lookup70: pallet_timestamp::pallet::Call<T>
   **/
  PalletTimestampCall: {
    _enum: {
      set: {
        now: 'Compact<u64>'
      }
    }
  },
  /**
   * Lookup71: pallet_balances::pallet::Call<T>
   **/
  PalletBalancesCall: {
    _enum: {
      transfer_allow_death: {
        dest: 'MultiAddress',
        value: 'Compact<u128>',
      },
      __Unused1: 'Null',
      force_transfer: {
        source: 'MultiAddress',
        dest: 'MultiAddress',
        value: 'Compact<u128>',
      },
      transfer_keep_alive: {
        dest: 'MultiAddress',
        value: 'Compact<u128>',
      },
      transfer_all: {
        dest: 'MultiAddress',
        keepAlive: 'bool',
      },
      __Unused5: 'Null',
      __Unused6: 'Null',
      __Unused7: 'Null',
      force_set_balance: {
        who: 'MultiAddress',
        newFree: 'Compact<u128>'
      }
    }
  },
  /**
   * Lookup76: pallet_balances::pallet::Error<T>
   **/
  PalletBalancesError: {
    _enum: ['VestingBalance', 'LiquidityRestrictions', 'InsufficientBalance', 'ExistentialDeposit', 'Expendability', 'ExistingVestingSchedule', 'DeadAccount', 'TooManyReserves', 'TooManyHolds', 'TooManyFreezes', 'IssuanceDeactivated', 'DeltaZero']
  },
  /**
   * Lookup78: pallet_transaction_payment::Releases
   **/
  PalletTransactionPaymentReleases: {
    _enum: ['V1Ancient', 'V2']
  },
  /**
   * Lookup83: pallet_subtensor::AxonInfo
   **/
  PalletSubtensorAxonInfo: {
    block: 'u64',
    version: 'u32',
    ip: 'u128',
    port: 'u16',
    ipType: 'u8',
    protocol: 'u8',
    placeholder1: 'u8',
    placeholder2: 'u8'
  },
  /**
   * Lookup84: pallet_subtensor::PrometheusInfo
   **/
  PalletSubtensorPrometheusInfo: {
    block: 'u64',
    version: 'u32',
    ip: 'u128',
    port: 'u16',
    ipType: 'u8'
  },
  /**
   * Lookup87: substrate_fixed::FixedU128<Frac>
   **/
  SubstrateFixedFixedU128: {
    bits: 'u128'
  },
  /**
   * Lookup92: substrate_fixed::FixedI128<Frac>
   **/
  SubstrateFixedFixedI128: {
    bits: 'i128'
  },
  /**
   * Lookup98: pallet_subtensor::pallet::Call<T>
   **/
  PalletSubtensorCall: {
    _enum: {
      set_weights: {
        netuid: 'u16',
        dests: 'Vec<u16>',
        weights: 'Vec<u16>',
        versionKey: 'u64',
      },
      __Unused1: 'Null',
      add_stake: {
        hotkey: 'AccountId32',
        netuid: 'u16',
        amountStaked: 'u64',
      },
      remove_stake: {
        hotkey: 'AccountId32',
        netuid: 'u16',
        amountUnstaked: 'u64',
      },
      serve_axon: {
        netuid: 'u16',
        version: 'u32',
        ip: 'u128',
        port: 'u16',
        ipType: 'u8',
        protocol: 'u8',
        placeholder1: 'u8',
        placeholder2: 'u8',
      },
      serve_prometheus: {
        netuid: 'u16',
        version: 'u32',
        ip: 'u128',
        port: 'u16',
        ipType: 'u8',
      },
      register: {
        netuid: 'u16',
        blockNumber: 'u64',
        nonce: 'u64',
        work: 'Bytes',
        hotkey: 'AccountId32',
        coldkey: 'AccountId32',
      },
      burned_register: {
        netuid: 'u16',
        hotkey: 'AccountId32',
      },
      __Unused8: 'Null',
      __Unused9: 'Null',
      __Unused10: 'Null',
      __Unused11: 'Null',
      __Unused12: 'Null',
      __Unused13: 'Null',
      __Unused14: 'Null',
      __Unused15: 'Null',
      __Unused16: 'Null',
      __Unused17: 'Null',
      __Unused18: 'Null',
      __Unused19: 'Null',
      __Unused20: 'Null',
      __Unused21: 'Null',
      __Unused22: 'Null',
      __Unused23: 'Null',
      __Unused24: 'Null',
      __Unused25: 'Null',
      __Unused26: 'Null',
      __Unused27: 'Null',
      __Unused28: 'Null',
      __Unused29: 'Null',
      __Unused30: 'Null',
      __Unused31: 'Null',
      __Unused32: 'Null',
      __Unused33: 'Null',
      __Unused34: 'Null',
      __Unused35: 'Null',
      __Unused36: 'Null',
      __Unused37: 'Null',
      __Unused38: 'Null',
      __Unused39: 'Null',
      __Unused40: 'Null',
      __Unused41: 'Null',
      __Unused42: 'Null',
      __Unused43: 'Null',
      __Unused44: 'Null',
      __Unused45: 'Null',
      __Unused46: 'Null',
      __Unused47: 'Null',
      __Unused48: 'Null',
      __Unused49: 'Null',
      __Unused50: 'Null',
      __Unused51: 'Null',
      __Unused52: 'Null',
      __Unused53: 'Null',
      __Unused54: 'Null',
      __Unused55: 'Null',
      __Unused56: 'Null',
      __Unused57: 'Null',
      __Unused58: 'Null',
      register_network: {
        hotkey: 'AccountId32',
      },
      __Unused60: 'Null',
      __Unused61: 'Null',
      __Unused62: 'Null',
      __Unused63: 'Null',
      __Unused64: 'Null',
      __Unused65: 'Null',
      __Unused66: 'Null',
      __Unused67: 'Null',
      __Unused68: 'Null',
      __Unused69: 'Null',
      __Unused70: 'Null',
      __Unused71: 'Null',
      __Unused72: 'Null',
      __Unused73: 'Null',
      __Unused74: 'Null',
      __Unused75: 'Null',
      __Unused76: 'Null',
      __Unused77: 'Null',
      __Unused78: 'Null',
      __Unused79: 'Null',
      __Unused80: 'Null',
      __Unused81: 'Null',
      __Unused82: 'Null',
      __Unused83: 'Null',
      __Unused84: 'Null',
      __Unused85: 'Null',
      __Unused86: 'Null',
      __Unused87: 'Null',
      __Unused88: 'Null',
      __Unused89: 'Null',
      __Unused90: 'Null',
      __Unused91: 'Null',
      start_call: {
        netuid: 'u16',
      },
      __Unused93: 'Null',
      __Unused94: 'Null',
      __Unused95: 'Null',
      commit_weights: {
        netuid: 'u16',
        commitHash: 'H256',
      },
      reveal_weights: {
        netuid: 'u16',
        uids: 'Vec<u16>',
        values: 'Vec<u16>',
        salt: 'Vec<u16>',
        versionKey: 'u64',
      },
      __Unused98: 'Null',
      __Unused99: 'Null',
      __Unused100: 'Null',
      __Unused101: 'Null',
      __Unused102: 'Null',
      __Unused103: 'Null',
      __Unused104: 'Null',
      __Unused105: 'Null',
      __Unused106: 'Null',
      __Unused107: 'Null',
      __Unused108: 'Null',
      __Unused109: 'Null',
      __Unused110: 'Null',
      __Unused111: 'Null',
      __Unused112: 'Null',
      __Unused113: 'Null',
      __Unused114: 'Null',
      __Unused115: 'Null',
      __Unused116: 'Null',
      __Unused117: 'Null',
      __Unused118: 'Null',
      __Unused119: 'Null',
      __Unused120: 'Null',
      claim_root: {
        subnets: 'BTreeSet<u16>',
      },
      set_root_claim_type: {
        newRootClaimType: 'PalletSubtensorRootClaimTypeEnum',
      },
      sudo_set_num_root_claims: {
        newValue: 'u64',
      },
      sudo_set_root_claim_threshold: {
        netuid: 'u16',
        newValue: 'u64'
      }
    }
  },
  /**
   * Lookup99: pallet_subtensor::pallet::Error<T>
   **/
  PalletSubtensorError: {
    _enum: ['RootNetworkDoesNotExist', 'InvalidIpType', 'InvalidIpAddress', 'InvalidPort', 'HotKeyNotRegisteredInSubNet', 'HotKeyAccountNotExists', 'HotKeyNotRegisteredInNetwork', 'NonAssociatedColdKey', 'NotEnoughStake', 'NotEnoughStakeToWithdraw', 'NotEnoughStakeToSetWeights', 'Unused11', 'NotEnoughBalanceToStake', 'Unused13', 'Unused14', 'NeuronNoValidatorPermit', 'WeightVecNotEqualSize', 'DuplicateUids', 'UidVecContainInvalidOne', 'WeightVecLengthIsLow', 'TooManyRegistrationsThisBlock', 'HotKeyAlreadyRegisteredInSubNet', 'Unused22', 'Unused23', 'InvalidWorkBlock', 'InvalidDifficulty', 'InvalidSeal', 'MaxWeightExceeded', 'Unused28', 'SettingWeightsTooFast', 'IncorrectWeightVersionKey', 'ServingRateLimitExceeded', 'UidsLengthExceedUidsInSubNet', 'NetworkTxRateLimitExceeded', 'Unused34', 'Unused35', 'Unused36', 'SubNetRegistrationDisabled', 'TooManyRegistrationsThisInterval', 'TransactorAccountShouldBeHotKey', 'Unused40', 'NotSubnetOwner', 'RegistrationNotPermittedOnRootSubnet', 'StakeTooLowForRoot', 'Unused44', 'Unused45', 'Unused46', 'CanNotSetRootNetworkWeights', 'NoNeuronIdAvailable', 'Unused49', 'Unused50', 'NoWeightsCommitFound', 'InvalidRevealCommitHashNotMatch', 'CommitRevealEnabled', 'CommitRevealDisabled', 'LiquidAlphaDisabled', 'AlphaHighTooLow', 'AlphaLowOutOfRange', 'Unused58', 'Unused59', 'Unused60', 'Unused61', 'Unused62', 'Unused63', 'TxRateLimitExceeded', 'Unused65', 'Unused66', 'Unused67', 'Unused68', 'Unused69', 'Unused70', 'Unused71', 'Unused72', 'Unused73', 'MechanismDoesNotExist', 'Unused75', 'SubnetNotExists', 'TooManyUnrevealedCommits', 'ExpiredWeightCommit', 'RevealTooEarly', 'InputLengthsUnequal', 'CommittingWeightsTooFast', 'AmountTooLow', 'InsufficientLiquidity', 'SlippageTooHigh', 'Unused85', 'ActivityCutoffTooLow', 'Unused87', 'Unused88', 'NeedWaitingMoreBlocksToStarCall', 'Unused90', 'Unused91', 'Unused92', 'Unused93', 'SubtokenDisabled', 'Unused95', 'Unused96', 'InsufficientBalance', 'Unused98', 'Unused99', 'Unused100', 'Unused101', 'Unused102', 'Unused103', 'Unused104', 'Unused105', 'Unused106', 'AdminActionProhibitedDuringWeightsWindow', 'Unused108', 'Unused109', 'IncorrectCommitRevealVersion', 'Unused111', 'RevealPeriodTooLarge', 'RevealPeriodTooSmall', 'InvalidValue', 'SubnetLimitReached', 'CannotAffordLockCost', 'Unused117', 'Unused118', 'Unused119', 'Unused120', 'Unused121', 'InvalidNumRootClaim', 'InvalidRootClaimThreshold', 'InvalidSubnetNumber', 'Unused125', 'Unused126', 'Unused127', 'Unused128', 'Unused129', 'Unused130', 'Unused131', 'Unused132', 'Unused133', 'RegistrationPriceLimitExceeded', 'Unused135', 'Unused136', 'Unused137', 'Unused138', 'CannotUseSystemAccount', 'Unused140', 'TempoOutOfBounds', 'ActivityCutoffFactorMilliOutOfBounds', 'EpochTriggerAlreadyPending', 'AutoEpochAlreadyImminent', 'DynamicTempoBlockedByCommitReveal', 'Unused146']
  },
  /**
   * Lookup100: pallet_utility::pallet::Call<T>
   **/
  PalletUtilityCall: {
    _enum: {
      batch: {
        calls: 'Vec<Call>',
      },
      __Unused1: 'Null',
      batch_all: {
        calls: 'Vec<Call>',
      },
      __Unused3: 'Null',
      force_batch: {
        calls: 'Vec<Call>',
      },
      with_weight: {
        call: 'Call',
        weight: 'SpWeightsWeightV2Weight'
      }
    }
  },
  /**
   * Lookup102: pallet_sudo::pallet::Call<T>
   **/
  PalletSudoCall: {
    _enum: {
      sudo: {
        call: 'Call',
      },
      sudo_unchecked_weight: {
        call: 'Call',
        weight: 'SpWeightsWeightV2Weight',
      },
      set_key: {
        _alias: {
          new_: 'new',
        },
        new_: 'MultiAddress',
      },
      sudo_as: {
        who: 'MultiAddress',
        call: 'Call',
      },
      remove_key: 'Null'
    }
  },
  /**
   * Lookup103: pallet_commitments::pallet::Call<T>
   **/
  PalletCommitmentsCall: {
    _enum: {
      set_commitment: {
        netuid: 'u16',
        info: 'PalletCommitmentsCommitmentInfo',
      },
      __Unused1: 'Null',
      set_max_space: {
        newLimit: 'u32'
      }
    }
  },
  /**
   * Lookup104: pallet_commitments::types::CommitmentInfo<FieldLimit>
   **/
  PalletCommitmentsCommitmentInfo: {
    fields: 'Vec<PalletCommitmentsData>'
  },
  /**
   * Lookup105: pallet_commitments::types::Data
   **/
  PalletCommitmentsData: {
    _enum: {
      None: 'Null',
      Raw0: '[u8;0]',
      Raw1: '[u8;1]',
      Raw2: '[u8;2]',
      Raw3: '[u8;3]',
      Raw4: '[u8;4]',
      Raw5: '[u8;5]',
      Raw6: '[u8;6]',
      Raw7: '[u8;7]',
      Raw8: '[u8;8]',
      Raw9: '[u8;9]',
      Raw10: '[u8;10]',
      Raw11: '[u8;11]',
      Raw12: '[u8;12]',
      Raw13: '[u8;13]',
      Raw14: '[u8;14]',
      Raw15: '[u8;15]',
      Raw16: '[u8;16]',
      Raw17: '[u8;17]',
      Raw18: '[u8;18]',
      Raw19: '[u8;19]',
      Raw20: '[u8;20]',
      Raw21: '[u8;21]',
      Raw22: '[u8;22]',
      Raw23: '[u8;23]',
      Raw24: '[u8;24]',
      Raw25: '[u8;25]',
      Raw26: '[u8;26]',
      Raw27: '[u8;27]',
      Raw28: '[u8;28]',
      Raw29: '[u8;29]',
      Raw30: '[u8;30]',
      Raw31: '[u8;31]',
      Raw32: '[u8;32]',
      Raw33: '[u8;33]',
      Raw34: '[u8;34]',
      Raw35: '[u8;35]',
      Raw36: '[u8;36]',
      Raw37: '[u8;37]',
      Raw38: '[u8;38]',
      Raw39: '[u8;39]',
      Raw40: '[u8;40]',
      Raw41: '[u8;41]',
      Raw42: '[u8;42]',
      Raw43: '[u8;43]',
      Raw44: '[u8;44]',
      Raw45: '[u8;45]',
      Raw46: '[u8;46]',
      Raw47: '[u8;47]',
      Raw48: '[u8;48]',
      Raw49: '[u8;49]',
      Raw50: '[u8;50]',
      Raw51: '[u8;51]',
      Raw52: '[u8;52]',
      Raw53: '[u8;53]',
      Raw54: '[u8;54]',
      Raw55: '[u8;55]',
      Raw56: '[u8;56]',
      Raw57: '[u8;57]',
      Raw58: '[u8;58]',
      Raw59: '[u8;59]',
      Raw60: '[u8;60]',
      Raw61: '[u8;61]',
      Raw62: '[u8;62]',
      Raw63: '[u8;63]',
      Raw64: '[u8;64]',
      Raw65: '[u8;65]',
      Raw66: '[u8;66]',
      Raw67: '[u8;67]',
      Raw68: '[u8;68]',
      Raw69: '[u8;69]',
      Raw70: '[u8;70]',
      Raw71: '[u8;71]',
      Raw72: '[u8;72]',
      Raw73: '[u8;73]',
      Raw74: '[u8;74]',
      Raw75: '[u8;75]',
      Raw76: '[u8;76]',
      Raw77: '[u8;77]',
      Raw78: '[u8;78]',
      Raw79: '[u8;79]',
      Raw80: '[u8;80]',
      Raw81: '[u8;81]',
      Raw82: '[u8;82]',
      Raw83: '[u8;83]',
      Raw84: '[u8;84]',
      Raw85: '[u8;85]',
      Raw86: '[u8;86]',
      Raw87: '[u8;87]',
      Raw88: '[u8;88]',
      Raw89: '[u8;89]',
      Raw90: '[u8;90]',
      Raw91: '[u8;91]',
      Raw92: '[u8;92]',
      Raw93: '[u8;93]',
      Raw94: '[u8;94]',
      Raw95: '[u8;95]',
      Raw96: '[u8;96]',
      Raw97: '[u8;97]',
      Raw98: '[u8;98]',
      Raw99: '[u8;99]',
      Raw100: '[u8;100]',
      Raw101: '[u8;101]',
      Raw102: '[u8;102]',
      Raw103: '[u8;103]',
      Raw104: '[u8;104]',
      Raw105: '[u8;105]',
      Raw106: '[u8;106]',
      Raw107: '[u8;107]',
      Raw108: '[u8;108]',
      Raw109: '[u8;109]',
      Raw110: '[u8;110]',
      Raw111: '[u8;111]',
      Raw112: '[u8;112]',
      Raw113: '[u8;113]',
      Raw114: '[u8;114]',
      Raw115: '[u8;115]',
      Raw116: '[u8;116]',
      Raw117: '[u8;117]',
      Raw118: '[u8;118]',
      Raw119: '[u8;119]',
      Raw120: '[u8;120]',
      Raw121: '[u8;121]',
      Raw122: '[u8;122]',
      Raw123: '[u8;123]',
      Raw124: '[u8;124]',
      Raw125: '[u8;125]',
      Raw126: '[u8;126]',
      Raw127: '[u8;127]',
      Raw128: '[u8;128]',
      BlakeTwo256: '[u8;32]',
      Sha256: '[u8;32]',
      Keccak256: '[u8;32]',
      ShaThree256: '[u8;32]',
      TimelockEncrypted: {
        encrypted: 'Bytes',
        revealRound: 'u64',
      },
      ResetBondsFlag: 'Null',
      BigRaw: 'Bytes'
    }
  },
  /**
   * Lookup232: pallet_admin_utils::pallet::Call<T>
   **/
  PalletAdminUtilsCall: {
    _enum: {
      __Unused0: 'Null',
      __Unused1: 'Null',
      __Unused2: 'Null',
      sudo_set_serving_rate_limit: {
        netuid: 'u16',
        servingRateLimit: 'u64',
      },
      __Unused4: 'Null',
      __Unused5: 'Null',
      sudo_set_weights_version_key: {
        netuid: 'u16',
        weightsVersionKey: 'u64',
      },
      sudo_set_weights_set_rate_limit: {
        netuid: 'u16',
        weightsSetRateLimit: 'u64',
      },
      __Unused8: 'Null',
      __Unused9: 'Null',
      __Unused10: 'Null',
      __Unused11: 'Null',
      __Unused12: 'Null',
      sudo_set_immunity_period: {
        netuid: 'u16',
        immunityPeriod: 'u16',
      },
      sudo_set_min_allowed_weights: {
        netuid: 'u16',
        minAllowedWeights: 'u16',
      },
      sudo_set_max_allowed_uids: {
        netuid: 'u16',
        maxAllowedUids: 'u16',
      },
      sudo_set_kappa: {
        netuid: 'u16',
        kappa: 'u16',
      },
      sudo_set_rho: {
        netuid: 'u16',
        rho: 'u16',
      },
      sudo_set_activity_cutoff: {
        netuid: 'u16',
        activityCutoff: 'u16',
      },
      sudo_set_network_registration_allowed: {
        netuid: 'u16',
        registrationAllowed: 'bool',
      },
      sudo_set_network_pow_registration_allowed: {
        netuid: 'u16',
        registrationAllowed: 'bool',
      },
      sudo_set_target_registrations_per_interval: {
        netuid: 'u16',
        targetRegistrationsPerInterval: 'u16',
      },
      sudo_set_min_burn: {
        netuid: 'u16',
        minBurn: 'u64',
      },
      sudo_set_max_burn: {
        netuid: 'u16',
        maxBurn: 'u64',
      },
      sudo_set_difficulty: {
        netuid: 'u16',
        difficulty: 'u64',
      },
      sudo_set_max_allowed_validators: {
        netuid: 'u16',
        maxAllowedValidators: 'u16',
      },
      sudo_set_bonds_moving_average: {
        netuid: 'u16',
        bondsMovingAverage: 'u64',
      },
      sudo_set_max_registrations_per_block: {
        netuid: 'u16',
        maxRegistrationsPerBlock: 'u16',
      },
      sudo_set_subnet_owner_cut: {
        subnetOwnerCut: 'u16',
      },
      sudo_set_network_rate_limit: {
        rateLimit: 'u64',
      },
      sudo_set_tempo: {
        netuid: 'u16',
        tempo: 'u16',
      },
      __Unused31: 'Null',
      __Unused32: 'Null',
      __Unused33: 'Null',
      __Unused34: 'Null',
      sudo_set_network_min_lock_cost: {
        lockCost: 'u64',
      },
      __Unused36: 'Null',
      __Unused37: 'Null',
      __Unused38: 'Null',
      __Unused39: 'Null',
      __Unused40: 'Null',
      __Unused41: 'Null',
      sudo_set_stake_threshold: {
        minStake: 'u64',
      },
      __Unused43: 'Null',
      __Unused44: 'Null',
      __Unused45: 'Null',
      __Unused46: 'Null',
      __Unused47: 'Null',
      __Unused48: 'Null',
      sudo_set_commit_reveal_weights_enabled: {
        netuid: 'u16',
        enabled: 'bool',
      },
      sudo_set_liquid_alpha_enabled: {
        netuid: 'u16',
        enabled: 'bool',
      },
      sudo_set_alpha_values: {
        netuid: 'u16',
        alphaLow: 'u16',
        alphaHigh: 'u16',
      },
      __Unused52: 'Null',
      __Unused53: 'Null',
      __Unused54: 'Null',
      __Unused55: 'Null',
      __Unused56: 'Null',
      sudo_set_commit_reveal_weights_interval: {
        netuid: 'u16',
        interval: 'u64',
      },
      __Unused58: 'Null',
      __Unused59: 'Null',
      sudo_set_bonds_penalty: {
        netuid: 'u16',
        bondsPenalty: 'u16',
      },
      __Unused61: 'Null',
      __Unused62: 'Null',
      __Unused63: 'Null',
      __Unused64: 'Null',
      __Unused65: 'Null',
      __Unused66: 'Null',
      __Unused67: 'Null',
      __Unused68: 'Null',
      sudo_set_yuma3_enabled: {
        netuid: 'u16',
        enabled: 'bool',
      },
      sudo_set_bonds_reset_enabled: {
        netuid: 'u16',
        enabled: 'bool',
      },
      __Unused71: 'Null',
      sudo_set_owner_immune_neuron_limit: {
        netuid: 'u16',
        immuneNeurons: 'u16',
      },
      __Unused73: 'Null',
      sudo_set_admin_freeze_window: {
        window: 'u16',
      },
      sudo_set_owner_hparam_rate_limit: {
        epochs: 'u16',
      },
      __Unused76: 'Null',
      __Unused77: 'Null',
      __Unused78: 'Null',
      __Unused79: 'Null',
      __Unused80: 'Null',
      __Unused81: 'Null',
      __Unused82: 'Null',
      __Unused83: 'Null',
      sudo_set_min_non_immune_uids: {
        netuid: 'u16',
        min: 'u16',
      },
      sudo_set_start_call_delay: {
        delay: 'u64',
      },
      __Unused86: 'Null',
      __Unused87: 'Null',
      __Unused88: 'Null',
      sudo_set_burn_half_life: {
        netuid: 'u16',
        burnHalfLife: 'u16'
      }
    }
  },
  /**
   * Lookup234: pallet_utility::pallet::Error<T>
   **/
  PalletUtilityError: {
    _enum: ['TooManyCalls']
  },
  /**
   * Lookup235: pallet_sudo::pallet::Error<T>
   **/
  PalletSudoError: {
    _enum: ['RequireSudo']
  },
  /**
   * Lookup237: pallet_commitments::types::Registration<Balance, MaxFields, BlockNumber>
   **/
  PalletCommitmentsRegistration: {
    deposit: 'u64',
    block: 'u32',
    info: 'PalletCommitmentsCommitmentInfo'
  },
  /**
   * Lookup240: pallet_commitments::types::UsageTracker
   **/
  PalletCommitmentsUsageTracker: {
    lastEpoch: 'u64',
    usedSpace: 'u64'
  },
  /**
   * Lookup241: pallet_commitments::pallet::Error<T>
   **/
  PalletCommitmentsError: {
    _enum: ['TooManyFieldsInCommitmentInfo', 'AccountNotAllowedCommit', 'SpaceLimitExceeded', 'UnexpectedUnreserveLeftover']
  },
  /**
   * Lookup242: pallet_admin_utils::pallet::Error<T>
   **/
  PalletAdminUtilsError: {
    _enum: ['SubnetDoesNotExist', 'MaxValidatorsLargerThanMaxUIds', 'MaxAllowedUIdsLessThanCurrentUIds', 'BondsMovingAverageMaxReached', 'NegativeSigmoidSteepness', 'ValueNotInBounds', 'MinAllowedUidsGreaterThanCurrentUids', 'MinAllowedUidsGreaterThanMaxAllowedUids', 'MaxAllowedUidsLessThanMinAllowedUids', 'MaxAllowedUidsGreaterThanDefaultMaxAllowedUids', 'InvalidValue', 'NotPermittedOnRootSubnet', 'POWRegistrationDisabled', 'Deprecated']
  },
  /**
   * Lookup243: node_subtensor_runtime::Runtime
   **/
  NodeSubtensorRuntimeRuntime: 'Null',
  /**
   * Lookup245: sp_runtime::MultiSignature
   **/
  SpRuntimeMultiSignature: {
    _enum: {
      Ed25519: 'SpCoreEd25519Signature',
      Sr25519: 'SpCoreSr25519Signature',
      Ecdsa: 'SpCoreEcdsaSignature'
    }
  },
  /**
   * Lookup246: sp_core::ed25519::Signature
   **/
  SpCoreEd25519Signature: '[u8;64]',
  /**
   * Lookup247: sp_core::sr25519::Signature
   **/
  SpCoreSr25519Signature: '[u8;64]',
  /**
   * Lookup248: sp_core::ecdsa::Signature
   **/
  SpCoreEcdsaSignature: '[u8;65]',
  /**
   * Lookup249: frame_system::extensions::check_non_zero_sender::CheckNonZeroSender
   **/
  FrameSystemExtensionsCheckNonZeroSender: 'Null',
  /**
   * Lookup250: frame_system::extensions::check_spec_version::CheckSpecVersion
   **/
  FrameSystemExtensionsCheckSpecVersion: 'Null',
  /**
   * Lookup251: frame_system::extensions::check_tx_version::CheckTxVersion
   **/
  FrameSystemExtensionsCheckTxVersion: 'Null',
  /**
   * Lookup252: frame_system::extensions::check_genesis::CheckGenesis
   **/
  FrameSystemExtensionsCheckGenesis: 'Null',
  /**
   * Lookup255: node_subtensor_runtime::check_nonce::CheckNonce
   **/
  NodeSubtensorRuntimeCheckNonce: 'Compact<u32>',
  /**
   * Lookup256: frame_system::extensions::check_weight::CheckWeight
   **/
  FrameSystemExtensionsCheckWeight: 'Null',
  /**
   * Lookup257: subtensor_transaction_fee::ChargeTransactionPaymentWrapper
   **/
  SubtensorTransactionFeeChargeTransactionPaymentWrapper: 'PalletTransactionPaymentChargeTransactionPayment',
  /**
   * Lookup258: pallet_transaction_payment::ChargeTransactionPayment
   **/
  PalletTransactionPaymentChargeTransactionPayment: 'Compact<u128>',
  /**
   * Lookup259: pallet_sudo::extension::SudoTransactionExtension
   **/
  PalletSudoExtensionSudoTransactionExtension: 'Null',
  /**
   * Lookup260: pallet_shield::extension::CheckShieldedTxValidity
   **/
  PalletShieldExtensionCheckShieldedTxValidity: 'Null',
  /**
   * Lookup261: pallet_subtensor::transaction_extension::SubtensorTransactionExtension
   **/
  PalletSubtensorTransactionExtensionSubtensorTransactionExtension: 'Null',
  /**
   * Lookup262: pallet_drand::drand_priority::DrandPriority
   **/
  PalletDrandDrandPriority: 'Null',
  /**
   * Lookup263: frame_metadata_hash_extension::CheckMetadataHash
   **/
  FrameMetadataHashExtensionCheckMetadataHash: {
    mode: 'FrameMetadataHashExtensionMode'
  },
  /**
   * Lookup264: frame_metadata_hash_extension::Mode
   **/
  FrameMetadataHashExtensionMode: {
    _enum: ['Disabled', 'Enabled']
  }
};
