/**
 * The declarative description of a pallet. Metadata (V14/V15), call decoding and dispatch are all
 * derived from these descriptions; adding a pallet = writing one `definePallet({...})` and listing
 * it in `runtime/pallets.ts` (the assembled runtime, above the pallets).
 */
import type { Field, TypeRef } from '../scale/types.ts';
import type { DispatchErrorValue } from './common-types.ts';
import type { AnyStorage } from './storage.ts';
import type { Overlay, ReadState } from './state.ts';

/** Who dispatches a call. */
export type Origin = { type: 'Signed'; who: Uint8Array } | { type: 'Root' } | { type: 'None' };

/** A decoded `RuntimeCall`: `{ type: palletName, value: { type: callName, value: args } }`. */
export interface CallValue {
  type: string;
  value: { type: string; value?: unknown };
}

/** An event a pallet deposits. */
export interface PalletEvent {
  pallet: string;
  name: string;
  value: Record<string, unknown> | null;
}

/** Thrown by dispatch functions to fail with a `DispatchError` (state changes are rolled back). */
export class DispatchFailure extends Error {
  constructor(
    readonly error: DispatchErrorValue,
    message?: string,
  ) {
    super(message ?? `dispatch failed: ${JSON.stringify(error, (_, v) => (v instanceof Uint8Array ? [...v] : v))}`);
  }
}

/** `InvalidTransaction` reasons (SCALE variant order of sp_runtime::transaction_validity). */
export type InvalidTransactionKind =
  | 'Call'
  | 'Payment'
  | 'Future'
  | 'Stale'
  | 'BadProof'
  | 'AncientBirthBlock'
  | 'ExhaustsResources'
  | 'Custom'
  | 'BadMandatory'
  | 'MandatoryValidation'
  | 'BadSigner';

/** Thrown at pool-validation time: the transaction is rejected (JSON-RPC error 1010). */
export class InvalidTransaction extends Error {
  constructor(
    readonly kind: InvalidTransactionKind,
    readonly customCode?: number,
    detail?: string,
  ) {
    super(detail ?? describeInvalid(kind, customCode));
  }
}

export function describeInvalid(kind: InvalidTransactionKind, code?: number): string {
  switch (kind) {
    case 'Call':
      return 'Transaction call is not expected';
    case 'Payment':
      return 'Inability to pay some fees (e.g. account balance too low)';
    case 'Future':
      return 'Transaction will be valid in the future';
    case 'Stale':
      return 'Transaction is outdated';
    case 'BadProof':
      return 'Transaction has a bad signature';
    case 'AncientBirthBlock':
      return 'Transaction has an ancient birth block';
    case 'ExhaustsResources':
      return 'Transaction would exhaust the block limits';
    case 'Custom':
      return `Custom error: ${code ?? 0}`;
    case 'BadMandatory':
      return 'A call was labelled as mandatory, but resulted in an Error.';
    case 'MandatoryValidation':
      return 'Transaction dispatch is mandatory; transactions must not be validated.';
    case 'BadSigner':
      return 'Invalid signing address';
  }
}

/**
 * What pallets may use of the assembled runtime (implemented by `runtime/runtime.ts`); an
 * interface, so the framework and the pallets never import the runtime built above them.
 */
export interface RuntimeHandle {
  queryInfo(ctx: ReadContext, uxt: Uint8Array): Record<string, unknown>;
  queryFeeDetails(ctx: ReadContext, uxt: Uint8Array): Record<string, unknown>;
}

/** What block-level code (hooks, genesis) sees. */
export interface RuntimeContext {
  state: Overlay;
  blockNumber: number;
  runtime: RuntimeHandle;
  deposit(event: PalletEvent): void;
}

export interface DispatchContext extends RuntimeContext {
  origin: Origin;
  /** Dispatches a nested call transactionally; returns the error instead of throwing. */
  dispatch(call: CallValue, origin: Origin): DispatchErrorValue | null;
}

/** Read-only context for pool validation and runtime APIs. */
export interface ReadContext {
  state: ReadState;
  blockNumber: number;
  runtime: RuntimeHandle;
}

export interface GenesisContext extends RuntimeContext {
  /** This pallet's part of the genesis config (`genesis.pallets[<PalletName>]`), unvalidated. */
  palletConfig: unknown;
  /** The whole devchain genesis config (accounts, sudo key, ...). */
  genesis: GenesisConfig;
}

export interface GenesisConfig {
  /** Funded accounts: 32-byte account ids and free balances in rao. */
  accounts: { who: Uint8Array; free: bigint }[];
  sudoKey: Uint8Array;
  pallets: Record<string, unknown>;
}

export interface CallDef<A = Record<string, unknown>> {
  name: string;
  index: number;
  args: Field[];
  docs?: string[];
  /** Ref-time weight (default 10_000_000). */
  weight?: bigint | ((args: A, rt: { callWeight(c: CallValue): bigint }) => bigint);
  class?: 'Normal' | 'Operational';
  /** `No` makes the call fee-free (tip still charged). */
  pays?: 'Yes' | 'No' | ((ctx: ReadContext, args: A, who: Uint8Array) => 'Yes' | 'No');
  /** Pool-time check (also re-run before inclusion); throw `InvalidTransaction`. */
  validate?: (ctx: ReadContext, args: A, who: Uint8Array) => void;
  dispatch: (ctx: DispatchContext, args: A) => void;
}

export interface EventDef {
  name: string;
  index: number;
  fields: Field[];
  docs?: string[];
}
export interface ErrorDef {
  name: string;
  index: number;
  docs?: string[];
}
/** What constant values may depend on (the node's options and the assembled runtime). */
export interface ConstantContext {
  /** Runtime APIs and versions (for `System.Version`). */
  apis: { name: string; version: number }[];
  /** Target block time in ms (for `Timestamp.MinimumPeriod`). */
  blockTimeMs: number;
}
export interface ConstantDef {
  name: string;
  type: TypeRef;
  /** The value, or a function of the node's options. */
  value: unknown | ((c: ConstantContext) => unknown);
  docs?: string[];
}

export interface RuntimeApiMethod {
  name: string;
  inputs: { name: string; type: TypeRef }[];
  output: TypeRef;
  docs?: string[];
  handler: (ctx: ReadContext, args: unknown[]) => unknown;
}
export interface RuntimeApiDef {
  name: string;
  version: number;
  methods: RuntimeApiMethod[];
  docs?: string[];
}

/** Context of a pallet's custom JSON-RPC method. */
export interface PalletRpcContext {
  /** Read context at block `at` (hex hash; head when absent). */
  readAt(at?: string): Promise<ReadContext>;
}
export type PalletRpcHandler = (ctx: PalletRpcContext, params: unknown[]) => unknown;
/** Thrown by a pallet's RPC method for bad parameters: answered as JSON-RPC -32602 Invalid params. */
export class InvalidRpcParams extends Error {}

export interface PalletHooks {
  onInitialize?: (ctx: RuntimeContext, blockNumber: number) => void;
  onFinalize?: (ctx: RuntimeContext, blockNumber: number) => void;
  /** Pool-time validation of any signed call of this pallet (after the call's own `validate`). */
  validate?: (ctx: ReadContext, call: CallValue, who: Uint8Array) => void;
  genesis?: (ctx: GenesisContext) => void;
}

export interface PalletSpec {
  name: string;
  index: number;
  /** Rust crate path prefix for type paths, e.g. `pallet_balances`. */
  path: string;
  docs?: string[];
  calls?: CallDef[];
  events?: EventDef[];
  errors?: ErrorDef[];
  storage?: AnyStorage[];
  constants?: ConstantDef[];
  hooks?: PalletHooks;
  runtimeApis?: RuntimeApiDef[];
  /** Custom JSON-RPC methods, named as on the wire (e.g. `neuronInfo_getNeuronsLite`). */
  rpc?: Record<string, PalletRpcHandler>;
}

/** A pallet plus helpers to build its events and errors. */
export interface Pallet extends PalletSpec {
  event(name: string, value?: Record<string, unknown>): PalletEvent;
  error(name: string): DispatchFailure;
}

/** Wraps a typed call definition for a pallet's `calls` list. */
export function call<A>(def: CallDef<A>): CallDef {
  return def as unknown as CallDef;
}

/** Names with positional indices: `errors(['A', 'B'])` -> A = 0, B = 1. */
export function errorList(names: string[]): ErrorDef[] {
  return names.map((name, index) => ({ name, index }));
}

/** Builds a pallet's events by name (checked against its event list); usable before `definePallet`. */
export function eventBuilder(spec: Pick<PalletSpec, 'name' | 'events'>): Pallet['event'] {
  const eventNames = new Set((spec.events ?? []).map((e) => e.name));
  return (name, value) => {
    if (!eventNames.has(name)) throw new Error(`pallet ${spec.name} has no event ${name}`);
    return { pallet: spec.name, name, value: value ?? null };
  };
}

/** Builds a pallet's `Module` dispatch errors by name; usable before `definePallet`. */
export function errorBuilder(spec: Pick<PalletSpec, 'name' | 'index' | 'errors'>): Pallet['error'] {
  const errorIndex = new Map((spec.errors ?? []).map((e) => [e.name, e.index]));
  return (name) => {
    const index = errorIndex.get(name);
    if (index === undefined) throw new Error(`pallet ${spec.name} has no error ${name}`);
    return new DispatchFailure(
      { type: 'Module', value: { index: spec.index, error: Uint8Array.of(index, 0, 0, 0) } },
      `${spec.name}.${name}`,
    );
  };
}

export function definePallet(spec: PalletSpec): Pallet {
  return { ...spec, event: eventBuilder(spec), error: errorBuilder(spec) };
}

export function ensureSigned(ctx: DispatchContext): Uint8Array {
  if (ctx.origin.type !== 'Signed') throw new DispatchFailure({ type: 'BadOrigin' }, 'BadOrigin: a signed origin is required');
  return ctx.origin.who;
}

export function ensureRoot(ctx: DispatchContext): void {
  if (ctx.origin.type !== 'Root') throw new DispatchFailure({ type: 'BadOrigin' }, 'BadOrigin: the root origin is required');
}
