/**
 * The assembled runtime: outer types (RuntimeCall/Event/Error, UncheckedExtrinsic), signed
 * extensions, dispatch, fees, runtime APIs and metadata, all derived from the pallet list.
 */
import type { Logger } from 'pino';
import { pino } from 'pino';
import { T, compact, option, vec, type TypeDef, type Variant } from '../scale/types.ts';
import { Reader, codecOf, encode, ScaleError } from '../scale/codec.ts';
import {
  AccountId32,
  Bytes,
  Era,
  H256,
  MultiAddress,
  MultiSignature,
  Unit,
  RuntimeVersionType,
  type DispatchErrorValue,
} from '../frame/common-types.ts';
import { outer } from '../frame/outer.ts';
import { buildMetadata } from '../frame/metadata.ts';
import { decodeExtrinsic, type DecodedExtrinsic } from '../frame/extrinsic.ts';
import { RUNTIME_VERSION, runtimeVersionJson, runtimeVersionValue } from '../frame/version.ts';
import {
  DispatchFailure,
  InvalidTransaction,
  type CallDef,
  type CallValue,
  type ConstantContext,
  type DispatchContext,
  type Origin,
  type Pallet,
  type PalletEvent,
  type ReadContext,
  type RuntimeApiDef,
  type RuntimeContext,
} from '../frame/pallet.ts';
import { Storage as SystemStorage, EXTRINSIC_BASE_WEIGHT } from '../pallets/system.ts';
import { LENGTH_FEE_PER_BYTE, WEIGHT_PER_RAO } from '../pallets/transaction-payment.ts';

export interface RuntimeOptions {
  /** Target block time in ms (sets Timestamp.MinimumPeriod = half of it). */
  blockTimeMs: number;
  logger?: Logger;
}

export interface CallInfo {
  weight: bigint;
  class: 'Normal' | 'Operational' | 'Mandatory';
  pays: 'Yes' | 'No';
}

const DEFAULT_WEIGHT = 10_000_000n;
const argsOf = (c: CallValue): Record<string, unknown> => (c.value.value ?? {}) as Record<string, unknown>;
const empty = (path: string): TypeDef => T.struct(path, {});

/** Context of block execution with event bookkeeping for transactional rollback. */
export interface ExecContext extends RuntimeContext {
  eventMark(): number;
  revertEvents(mark: number): void;
}

export class Runtime {
  readonly types: Record<
    'Runtime' | 'RuntimeCall' | 'RuntimeEvent' | 'RuntimeError' | 'UncheckedExtrinsic' | 'Address' | 'Signature' | 'Extra',
    TypeDef
  >;
  readonly signedExtensions: { identifier: string; type: TypeDef; additionalSigned: TypeDef }[];
  readonly apis: RuntimeApiDef[];
  readonly log: Logger;
  private palletTypeMap = new Map<string, { call?: TypeDef; event?: TypeDef; error?: TypeDef }>();
  private callMap = new Map<string, { pallet: Pallet; def: CallDef }>();
  private metadataCache = new Map<number, Uint8Array>();

  constructor(
    readonly pallets: Pallet[],
    readonly options: RuntimeOptions,
  ) {
    this.log = options.logger ?? pino({ level: 'silent' });
    const sorted = [...pallets].sort((a, b) => a.index - b.index);
    this.pallets = sorted;
    const callVariants: Variant[] = [];
    const eventVariants: Variant[] = [];
    const errorVariants: Variant[] = [];
    for (const p of sorted) {
      const t: { call?: TypeDef; event?: TypeDef; error?: TypeDef } = {};
      const params = [{ name: 'T' }];
      if (p.calls?.length) {
        t.call = T.variant(
          `${p.path}::pallet::Call`,
          p.calls.map((c) => ({ name: c.name, index: c.index, fields: c.args, docs: c.docs })),
          params,
        );
        callVariants.push({ name: p.name, index: p.index, fields: [{ type: t.call }] });
        for (const c of p.calls) this.callMap.set(`${p.name}.${c.name}`, { pallet: p, def: c });
      }
      if (p.events?.length) {
        t.event = T.variant(
          `${p.path}::pallet::Event`,
          p.events.map((e) => ({ name: e.name, index: e.index, fields: e.fields, docs: e.docs })),
          params,
        );
        eventVariants.push({ name: p.name, index: p.index, fields: [{ type: t.event }] });
      }
      if (p.errors?.length) {
        t.error = T.variant(
          `${p.path}::pallet::Error`,
          p.errors.map((e) => ({ name: e.name, index: e.index, fields: [], docs: e.docs })),
          params,
        );
        errorVariants.push({ name: p.name, index: p.index, fields: [{ type: t.error }] });
      }
      this.palletTypeMap.set(p.name, t);
    }
    const RuntimeCall = T.variant('node_subtensor_runtime::RuntimeCall', callVariants);
    const RuntimeEvent = T.variant('node_subtensor_runtime::RuntimeEvent', eventVariants);
    const RuntimeError = T.variant('node_subtensor_runtime::RuntimeError', errorVariants);
    outer.RuntimeCall = RuntimeCall;
    outer.RuntimeEvent = RuntimeEvent;
    outer.RuntimeError = RuntimeError;
    this.signedExtensions = [
      {
        identifier: 'CheckNonZeroSender',
        type: empty('frame_system::extensions::check_non_zero_sender::CheckNonZeroSender'),
        additionalSigned: Unit,
      },
      {
        identifier: 'CheckSpecVersion',
        type: empty('frame_system::extensions::check_spec_version::CheckSpecVersion'),
        additionalSigned: T.u32,
      },
      { identifier: 'CheckTxVersion', type: empty('frame_system::extensions::check_tx_version::CheckTxVersion'), additionalSigned: T.u32 },
      { identifier: 'CheckGenesis', type: empty('frame_system::extensions::check_genesis::CheckGenesis'), additionalSigned: H256 },
      {
        identifier: 'CheckMortality',
        type: T.newtype('node_subtensor_runtime::check_mortality::CheckMortality', Era),
        additionalSigned: H256,
      },
      {
        identifier: 'CheckNonce',
        type: T.newtype('node_subtensor_runtime::check_nonce::CheckNonce', compact(T.u32)),
        additionalSigned: Unit,
      },
      { identifier: 'CheckWeight', type: empty('frame_system::extensions::check_weight::CheckWeight'), additionalSigned: Unit },
      // Identifier as polkadot.js knows it (explicit Compact<u128> tip); the type path is subtensor's wrapper.
      {
        identifier: 'ChargeTransactionPayment',
        type: T.newtype(
          'subtensor_transaction_fee::ChargeTransactionPaymentWrapper',
          T.newtype('pallet_transaction_payment::ChargeTransactionPayment', compact(T.u128)),
        ),
        additionalSigned: Unit,
      },
      { identifier: 'SudoTransactionExtension', type: empty('pallet_sudo::extension::SudoTransactionExtension'), additionalSigned: Unit },
      { identifier: 'CheckShieldedTxValidity', type: empty('pallet_shield::extension::CheckShieldedTxValidity'), additionalSigned: Unit },
      {
        identifier: 'SubtensorTransactionExtension',
        type: empty('pallet_subtensor::transaction_extension::SubtensorTransactionExtension'),
        additionalSigned: Unit,
      },
      { identifier: 'DrandPriority', type: empty('pallet_drand::drand_priority::DrandPriority'), additionalSigned: Unit },
      {
        identifier: 'CheckMetadataHash',
        type: T.struct('frame_metadata_hash_extension::CheckMetadataHash', {
          mode: T.unitEnum('frame_metadata_hash_extension::Mode', ['Disabled', 'Enabled']),
        }),
        additionalSigned: option(T.array(32, T.u8)),
      },
    ];
    const Extra = T.tuple(...this.signedExtensions.map((e) => e.type));
    const UncheckedExtrinsic = T.newtype('sp_runtime::generic::unchecked_extrinsic::UncheckedExtrinsic', Bytes, [
      { name: 'Address', type: MultiAddress },
      { name: 'Call', type: RuntimeCall },
      { name: 'Signature', type: MultiSignature },
      { name: 'Extra', type: Extra },
    ]);
    outer.UncheckedExtrinsic = UncheckedExtrinsic;
    this.types = {
      Runtime: empty('node_subtensor_runtime::Runtime'),
      RuntimeCall,
      RuntimeEvent,
      RuntimeError,
      UncheckedExtrinsic,
      Address: MultiAddress,
      Signature: MultiSignature,
      Extra,
    };
    this.apis = [...this.coreApis(), ...sorted.flatMap((p) => p.runtimeApis ?? [])];
  }

  palletTypes(name: string): { call?: TypeDef; event?: TypeDef; error?: TypeDef } {
    return this.palletTypeMap.get(name) ?? {};
  }

  get constantContext(): ConstantContext {
    return { apis: this.apis.map((a) => ({ name: a.name, version: a.version })), blockTimeMs: this.options.blockTimeMs };
  }

  /** SCALE of the versioned metadata (cached). */
  metadata(version: 14 | 15): Uint8Array {
    let m = this.metadataCache.get(version);
    if (!m) {
      m = buildMetadata(this, version, this.constantContext);
      this.metadataCache.set(version, m);
    }
    return m;
  }

  versionJson(): Record<string, unknown> {
    return runtimeVersionJson(RUNTIME_VERSION, this.constantContext.apis);
  }

  decodeExtrinsic(bytes: Uint8Array): DecodedExtrinsic {
    return decodeExtrinsic(bytes, this.types.RuntimeCall);
  }

  lookupCall(c: CallValue): { pallet: Pallet; def: CallDef } {
    const hit = this.callMap.get(`${c.type}.${c.value.type}`);
    if (!hit) throw new InvalidTransaction('Call', undefined, `unknown call ${c.type}.${c.value.type}`);
    return hit;
  }

  callWeight(c: CallValue): bigint {
    const { def } = this.lookupCall(c);
    if (def.weight === undefined) return DEFAULT_WEIGHT;
    return typeof def.weight === 'bigint' ? def.weight : def.weight(argsOf(c), this);
  }

  callInfo(ctx: ReadContext, c: CallValue, who: Uint8Array | null): CallInfo {
    const { def } = this.lookupCall(c);
    const pays = typeof def.pays === 'function' ? (who ? def.pays(ctx, argsOf(c), who) : 'Yes') : (def.pays ?? 'Yes');
    const cls = c.type === 'Timestamp' ? 'Mandatory' : (def.class ?? 'Normal');
    return { weight: this.callWeight(c) + EXTRINSIC_BASE_WEIGHT, class: cls, pays };
  }

  /** Fee in rao for an extrinsic of `len` bytes (tip not included). */
  fee(len: number, info: CallInfo): bigint {
    if (info.pays === 'No') return 0n;
    return BigInt(len) * LENGTH_FEE_PER_BYTE + info.weight / WEIGHT_PER_RAO;
  }

  /** Call-level and pallet-level pool checks; throws `InvalidTransaction`. */
  validateCall(ctx: ReadContext, c: CallValue, who: Uint8Array): void {
    const { pallet, def } = this.lookupCall(c);
    def.validate?.(ctx, argsOf(c), who);
    pallet.hooks?.validate?.(ctx, c, who);
  }

  /** Dispatches `c` transactionally; returns the dispatch error, or null on success. */
  dispatch(ctx: ExecContext, c: CallValue, origin: Origin): DispatchErrorValue | null {
    const { def } = this.lookupCall(c);
    const mark = ctx.eventMark();
    ctx.state.begin();
    const dctx: DispatchContext = { ...ctx, origin, dispatch: (inner, o) => this.dispatch(ctx, inner, o) };
    try {
      def.dispatch(dctx, argsOf(c));
      ctx.state.commit();
      return null;
    } catch (err: unknown) {
      ctx.state.rollback();
      ctx.revertEvents(mark);
      if (err instanceof DispatchFailure) return err.error;
      this.log.error({ err, call: `${c.type}.${c.value.type}` }, 'dispatch threw an unexpected error');
      return { type: 'Other' };
    }
  }

  /** RuntimeEvent value of a pallet event. */
  eventValue(e: PalletEvent): unknown {
    return { type: e.pallet, value: { type: e.name, value: e.value } };
  }

  queryInfo(ctx: ReadContext, uxt: Uint8Array): Record<string, unknown> {
    const x = this.decodeExtrinsic(uxt);
    const info = this.callInfo(ctx, x.call, x.signed?.signer ?? null);
    return {
      weight: { ref_time: info.weight, proof_size: 0n },
      class: { type: info.class },
      partial_fee: x.signed ? this.fee(uxt.length, info) : 0n,
    };
  }

  queryFeeDetails(ctx: ReadContext, uxt: Uint8Array): Record<string, unknown> {
    const x = this.decodeExtrinsic(uxt);
    if (!x.signed) return { inclusion_fee: null, tip: 0n };
    const info = this.callInfo(ctx, x.call, x.signed.signer);
    if (info.pays === 'No') return { inclusion_fee: null, tip: x.signed.tip };
    return {
      inclusion_fee: { base_fee: 0n, len_fee: BigInt(uxt.length) * LENGTH_FEE_PER_BYTE, adjusted_weight_fee: info.weight / WEIGHT_PER_RAO },
      tip: x.signed.tip,
    };
  }

  /** Runs `Api_method` on SCALE input; returns SCALE output. */
  callApi(ctx: ReadContext, name: string, input: Uint8Array): Uint8Array {
    const sep = name.indexOf('_');
    const api = this.apis.find((a) => a.name === name.slice(0, sep));
    const method = api?.methods.find((m) => m.name === name.slice(sep + 1));
    if (!api || !method) throw new ScaleError(`Exported method ${name} is not found`);
    const r = new Reader(input);
    const args = method.inputs.map((i) => codecOf(i.type).dec(r));
    if (r.remaining !== 0) throw new ScaleError(`${r.remaining} trailing bytes after the arguments of ${name}`);
    return encode(method.output, method.handler(ctx, args));
  }

  private coreApis(): RuntimeApiDef[] {
    const OpaqueMetadata = T.newtype('sp_core::OpaqueMetadata', Bytes);
    return [
      {
        name: 'Core',
        version: 5,
        methods: [
          {
            name: 'version',
            inputs: [],
            output: RuntimeVersionType,
            handler: () => runtimeVersionValue(RUNTIME_VERSION, this.constantContext.apis),
          },
        ],
      },
      {
        name: 'Metadata',
        version: 2,
        methods: [
          { name: 'metadata', inputs: [], output: OpaqueMetadata, handler: () => this.metadata(14) },
          {
            name: 'metadata_at_version',
            inputs: [{ name: 'version', type: T.u32 }],
            output: option(OpaqueMetadata),
            handler: (_c, [v]) => (v === 14 || v === 15 ? this.metadata(v) : null),
          },
          { name: 'metadata_versions', inputs: [], output: vec(T.u32), handler: () => [14, 15] },
        ],
      },
      {
        name: 'AccountNonceApi',
        version: 1,
        methods: [
          {
            name: 'account_nonce',
            inputs: [{ name: 'account', type: AccountId32 }],
            output: T.u32,
            handler: (ctx, [who]) => SystemStorage.Account.get(ctx.state, who as Uint8Array).nonce,
          },
        ],
      },
    ];
  }
}
