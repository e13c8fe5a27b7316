/**
 * Executes one block against an overlay of the parent state: initialize (System bookkeeping,
 * `onInitialize` hooks), the timestamp inherent, signed extrinsics, `onFinalize` hooks, then the
 * header (state root = hash chain of state diffs, see README).
 */
import { blake2AsU8a } from '@polkadot/util-crypto';
import { u8aConcat, hexToU8a, u8aToHex } from '@polkadot/util';
import { encode, Writer, encodeCompact } from '../scale/codec.ts';
import { Header, type DispatchErrorValue } from '../frame/common-types.ts';
import { EventsType } from '../frame/outer.ts';
import { Overlay, type ReadState } from '../frame/state.ts';
import { InvalidTransaction, type CallValue, type PalletEvent } from '../frame/pallet.ts';
import type { ExecContext, Runtime } from '../runtime/runtime.ts';
import type { DecodedExtrinsic } from '../frame/extrinsic.ts';
import { Storage as Sys, System, MAX_BLOCK_REF_TIME } from '../pallets/system.ts';
import { withdraw } from '../pallets/balances.ts';
import { TransactionPayment } from '../pallets/transaction-payment.ts';

type Phase = { type: 'ApplyExtrinsic'; value: number } | { type: 'Initialization' } | { type: 'Finalization' };

export interface BuiltBlock {
  number: number;
  hash: Uint8Array;
  header: Uint8Array;
  headerValue: HeaderValue;
  extrinsics: Uint8Array[];
  changes: Map<string, Uint8Array | null>;
}

export interface HeaderValue {
  parent_hash: Uint8Array;
  number: number;
  state_root: Uint8Array;
  extrinsics_root: Uint8Array;
  digest: { logs: { type: string; value: unknown }[] };
}

export type ApplyResult = { included: true; error: DispatchErrorValue | null } | { included: false; invalid: InvalidTransaction };

const MAX_NORMAL = (MAX_BLOCK_REF_TIME * 3n) / 4n;

export class BlockExecutor {
  readonly state: Overlay;
  private events: { phase: Phase; event: PalletEvent }[] = [];
  private phase: Phase = { type: 'Initialization' };
  private extrinsics: Uint8Array[] = [];
  private weight = 0n;
  private readonly ctx: ExecContext;

  constructor(
    private readonly rt: Runtime,
    base: ReadState,
    readonly number: number,
    private readonly parentHash: Uint8Array,
    private readonly parentStateRoot: Uint8Array,
    private readonly timestampMs: bigint,
    private readonly slotMs: number,
  ) {
    this.state = new Overlay(base);
    this.ctx = {
      state: this.state,
      blockNumber: number,
      runtime: rt,
      deposit: (event) => {
        this.events.push({ phase: this.phase, event });
      },
      eventMark: () => this.events.length,
      revertEvents: (mark) => {
        this.events.length = mark;
      },
    };
  }

  get context(): ExecContext {
    return this.ctx;
  }
  get extrinsicCount(): number {
    return this.extrinsics.length;
  }

  initialize(): void {
    const s = this.state;
    Sys.Number.set(s, this.number);
    Sys.ParentHash.set(s, this.parentHash);
    Sys.BlockHash.set(s, this.number - 1, this.parentHash);
    Sys.Events.kill(s);
    Sys.EventCount.kill(s);
    Sys.Digest.set(s, { logs: [this.auraDigest()] });
    for (const p of this.rt.pallets) p.hooks?.onInitialize?.(this.ctx, this.number);
    const setCall: CallValue = { type: 'Timestamp', value: { type: 'set', value: { now: this.timestampMs } } };
    const w = new Writer();
    w.byte(4);
    w.push(encode(this.rt.types.RuntimeCall, setCall));
    const body = w.finish();
    const xw = new Writer();
    encodeCompact(xw, body.length);
    xw.push(body);
    this.phase = { type: 'ApplyExtrinsic', value: 0 };
    const err = this.rt.dispatch(this.ctx, setCall, { type: 'None' });
    if (err) throw new Error(`timestamp inherent failed: ${JSON.stringify(err)}`);
    this.finishExtrinsic(xw.finish(), null, { weight: this.rt.callInfo(this.ctx, setCall, null).weight, class: 'Mandatory', pays: 'No' });
  }

  /** Applies a signed extrinsic (signature and era already checked by the pool). */
  apply(x: DecodedExtrinsic): ApplyResult {
    const signed = x.signed;
    if (!signed) return { included: false, invalid: new InvalidTransaction('Call', undefined, 'only signed extrinsics can be applied') };
    const s = this.state;
    const who = signed.signer;
    let info: ReturnType<Runtime['callInfo']>;
    try {
      const account = Sys.Account.get(s, who);
      if (signed.nonce < account.nonce) throw new InvalidTransaction('Stale');
      if (signed.nonce > account.nonce) throw new InvalidTransaction('Future');
      this.rt.validateCall(this.ctx, x.call, who);
      info = this.rt.callInfo(this.ctx, x.call, who);
      if (info.class === 'Normal' && this.weight + info.weight > MAX_NORMAL) throw new InvalidTransaction('ExhaustsResources');
      const fee = this.rt.fee(x.bytes.length, info) + signed.tip;
      this.phase = { type: 'ApplyExtrinsic', value: this.extrinsics.length };
      const mark = this.events.length;
      s.begin();
      Sys.Account.set(s, who, { ...Sys.Account.get(s, who), nonce: account.nonce + 1 });
      if (!withdraw(this.ctx, who, fee)) {
        s.rollback();
        this.events.length = mark;
        throw new InvalidTransaction('Payment');
      }
      s.commit();
      const error = this.rt.dispatch(this.ctx, x.call, { type: 'Signed', who });
      this.ctx.deposit(TransactionPayment.event('TransactionFeePaid', { who, actual_fee: fee, tip: signed.tip }));
      this.finishExtrinsic(x.bytes, error, info);
      return { included: true, error };
    } catch (err: unknown) {
      while (s.depth > 0) s.rollback();
      if (err instanceof InvalidTransaction) return { included: false, invalid: err };
      // A bug in pallet validation code must not halt the chain: drop the transaction instead.
      this.rt.log.error({ err, tx: u8aToHex(x.hash) }, 'unexpected error while applying an extrinsic');
      return { included: false, invalid: new InvalidTransaction('Call', undefined, err instanceof Error ? err.message : String(err)) };
    }
  }

  private finishExtrinsic(
    bytes: Uint8Array,
    error: DispatchErrorValue | null,
    info: { weight: bigint; class: string; pays: string },
  ): void {
    const dispatch_info = { weight: { ref_time: info.weight, proof_size: 0n }, class: { type: info.class }, pays_fee: { type: info.pays } };
    this.ctx.deposit(
      error
        ? System.event('ExtrinsicFailed', { dispatch_error: error, dispatch_info })
        : System.event('ExtrinsicSuccess', { dispatch_info }),
    );
    this.extrinsics.push(bytes);
    this.weight += info.weight;
  }

  finalize(): BuiltBlock {
    const s = this.state;
    this.phase = { type: 'Finalization' };
    for (const p of this.rt.pallets) p.hooks?.onFinalize?.(this.ctx, this.number);
    const records = this.events.map((e) => ({ phase: e.phase, event: this.rt.eventValue(e.event), topics: [] }));
    s.set(Sys.Events.key, encode(EventsType, records));
    Sys.EventCount.set(s, records.length);
    Sys.ExtrinsicCount.set(s, this.extrinsics.length);
    Sys.AllExtrinsicsLen.set(
      s,
      this.extrinsics.reduce((n, x) => n + x.length, 0),
    );
    Sys.BlockWeight.set(s, {
      normal: { ref_time: this.weight, proof_size: 0n },
      operational: { ref_time: 0n, proof_size: 0n },
      mandatory: { ref_time: 0n, proof_size: 0n },
    });
    if (this.number > 4096) Sys.BlockHash.remove(s, this.number - 4097);
    const changes = this.state.changes();
    const headerValue: HeaderValue = {
      parent_hash: this.parentHash,
      number: this.number,
      state_root: stateRoot(this.parentStateRoot, changes),
      extrinsics_root: blake2AsU8a(u8aConcat(...this.extrinsics.map((x) => blake2AsU8a(x, 256))), 256),
      digest: { logs: [this.auraDigest()] },
    };
    const header = encode(Header, headerValue);
    return { number: this.number, hash: blake2AsU8a(header, 256), header, headerValue, extrinsics: this.extrinsics, changes };
  }

  private auraDigest(): { type: string; value: unknown } {
    const slot = this.timestampMs / BigInt(Math.max(1, this.slotMs));
    const data = new Uint8Array(8);
    new DataView(data.buffer).setBigUint64(0, slot, true);
    return { type: 'PreRuntime', value: [new TextEncoder().encode('aura'), data] };
  }
}

/** Hash chain over state diffs: blake2_256(parent_root ++ sorted (key, 0|1, value) entries). */
export function stateRoot(parent: Uint8Array, changes: Map<string, Uint8Array | null>): Uint8Array {
  const w = new Writer();
  w.push(parent);
  for (const k of [...changes.keys()].sort()) {
    const kb = hexToU8a(k);
    encodeCompact(w, kb.length);
    w.push(kb);
    const v = changes.get(k);
    if (v) {
      w.byte(1);
      encodeCompact(w, v.length);
      w.push(v);
    } else w.byte(0);
  }
  return blake2AsU8a(w.finish(), 256);
}
