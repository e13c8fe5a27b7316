/**
 * Transaction pool: full validation at submission (decode, era and birth hash, signature over the
 * payload with our genesis/spec/tx version, nonce, pallet checks, fee), ready/future queues per
 * signer, and status notifications for `author_submitAndWatchExtrinsic`.
 */
import { u8aToHex } from '@polkadot/util';
import { ScaleError } from '../scale/codec.ts';
import { InvalidTransaction } from '../frame/pallet.ts';
import { eraBirth, signingPayload, verifySignature, type DecodedExtrinsic } from '../frame/extrinsic.ts';
import { RUNTIME_VERSION } from '../frame/version.ts';
import { Storage as Sys, MAX_BLOCK_REF_TIME } from '../pallets/system.ts';

/** CheckWeight limits: a normal extrinsic may use 3/4 of a block (weight and length, as the BlockWeights/BlockLength constants). */
const MAX_EXTRINSIC_REF_TIME = (MAX_BLOCK_REF_TIME * 3n) / 4n;
const MAX_EXTRINSIC_BYTES = 3_932_160;
import type { Chain } from './chain.ts';

/** Delay between the inBlock and finalized notifications (see `included`). */
const FINALIZED_DELAY_MS = 500;

export type TxStatus = 'future' | 'ready' | { inBlock: string } | { finalized: string } | 'invalid' | 'dropped';

export interface PoolTx {
  hashHex: string;
  x: DecodedExtrinsic;
  signerHex: string;
  nonce: number;
  /** Birth block of a mortal era (null = immortal). */
  birth: number | null;
  seq: number;
  watchers: Set<(s: TxStatus) => void>;
}

/** Pool-level rejection (not an InvalidTransaction): code as Substrate's pool errors. */
export class PoolError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: string,
  ) {
    super(message);
  }
}

export class TxPool {
  private txs = new Map<string, PoolTx>();
  private seq = 0;
  constructor(
    private readonly chain: Chain,
    private readonly maxSize = 8192,
  ) {}

  get size(): number {
    return this.txs.size;
  }
  all(): PoolTx[] {
    return [...this.txs.values()].sort((a, b) => a.seq - b.seq);
  }

  /** Validates and adds; returns the pool entry (status 'ready' or 'future'). */
  submit(bytes: Uint8Array): { tx: PoolTx; status: 'ready' | 'future' } {
    if (this.txs.size >= this.maxSize) throw new PoolError(1016, 'Immediately Dropped', 'the transaction pool is full');
    let x: DecodedExtrinsic;
    try {
      x = this.chain.runtime.decodeExtrinsic(bytes);
    } catch (err: unknown) {
      if (err instanceof InvalidTransaction) throw err;
      throw new InvalidTransaction('Call', undefined, `Could not decode extrinsic: ${err instanceof Error ? err.message : String(err)}`);
    }
    const hashHex = u8aToHex(x.hash);
    if (this.txs.has(hashHex)) throw new PoolError(1013, 'Transaction Already Imported');
    if (!x.signed) throw new InvalidTransaction('Call', undefined, 'unsigned extrinsics are only accepted as inherents');
    const birth = this.checkSignature(x);
    const status = this.checkState(x);
    const tx: PoolTx = {
      hashHex,
      x,
      signerHex: u8aToHex(x.signed.signer),
      nonce: x.signed.nonce,
      birth,
      seq: this.seq++,
      watchers: new Set(),
    };
    this.txs.set(hashHex, tx);
    return { tx, status };
  }

  private checkSignature(x: DecodedExtrinsic): number | null {
    const s = x.signed!;
    if (s.signer.every((b) => b === 0)) throw new InvalidTransaction('BadSigner'); // CheckNonZeroSender
    const current = this.chain.head.number + 1;
    let birth: number | null = null;
    let birthHash = this.chain.genesisHash;
    if (s.era) {
      birth = eraBirth(s.era, current);
      const h = birth === 0 ? this.chain.genesisHash : (this.chain.hashOfRecent(birth) ?? Sys.BlockHash.get(this.chain.headState, birth));
      if (birth > this.chain.head.number || h.every((b) => b === 0)) throw new InvalidTransaction('AncientBirthBlock');
      birthHash = h;
    }
    const payload = signingPayload(x, {
      specVersion: RUNTIME_VERSION.specVersion,
      transactionVersion: RUNTIME_VERSION.transactionVersion,
      genesisHash: this.chain.genesisHash,
      birthHash,
    });
    if (!verifySignature(x, payload)) throw new InvalidTransaction('BadProof');
    return birth;
  }

  private checkState(x: DecodedExtrinsic): 'ready' | 'future' {
    const s = x.signed!;
    const ctx = { state: this.chain.headState, blockNumber: this.chain.head.number, runtime: this.chain.runtime };
    const account = Sys.Account.get(ctx.state, s.signer);
    if (s.nonce < account.nonce) throw new InvalidTransaction('Stale');
    const signerHex = u8aToHex(s.signer);
    for (const t of this.txs.values()) {
      if (t.signerHex === signerHex && t.nonce === s.nonce)
        throw new PoolError(1014, 'Priority is too low', `a transaction with nonce ${s.nonce} from this account is already in the pool`);
    }
    try {
      this.chain.runtime.validateCall(ctx, x.call, s.signer);
      const info = this.chain.runtime.callInfo(ctx, x.call, s.signer);
      if (info.weight > MAX_EXTRINSIC_REF_TIME || x.bytes.length > MAX_EXTRINSIC_BYTES) throw new InvalidTransaction('ExhaustsResources'); // CheckWeight
      const fee = this.chain.runtime.fee(x.bytes.length, info) + s.tip;
      if (account.data.free < fee) throw new InvalidTransaction('Payment');
    } catch (err: unknown) {
      if (err instanceof InvalidTransaction || err instanceof ScaleError) throw err;
      throw new InvalidTransaction('Call', undefined, err instanceof Error ? err.message : String(err));
    }
    return s.nonce === this.nextIndex(s.signer) ? 'ready' : 'future';
  }

  /** Next nonce for `who`: account nonce plus the consecutive nonces already in the pool. */
  nextIndex(who: Uint8Array): number {
    const hex = u8aToHex(who);
    let next = Sys.Account.get(this.chain.headState, who).nonce;
    const nonces = new Set<number>();
    for (const t of this.txs.values()) if (t.signerHex === hex) nonces.add(t.nonce);
    while (nonces.has(next)) next++;
    return next;
  }

  /** Candidates for block `n`, in order; expired mortal transactions are dropped as invalid. */
  candidates(n: number): PoolTx[] {
    const out: PoolTx[] = [];
    for (const t of this.all()) {
      if (t.birth !== null && t.x.signed?.era && eraBirth(t.x.signed.era, n) !== t.birth) {
        this.remove(t, 'invalid');
        continue;
      }
      out.push(t);
    }
    // Per signer in nonce order, signers by first arrival.
    const firstSeq = new Map<string, number>();
    for (const t of out) if (!firstSeq.has(t.signerHex)) firstSeq.set(t.signerHex, t.seq);
    return out.sort((a, b) => (a.signerHex === b.signerHex ? a.nonce - b.nonce : firstSeq.get(a.signerHex)! - firstSeq.get(b.signerHex)!));
  }

  included(t: PoolTx, blockHashHex: string): void {
    this.txs.delete(t.hashHex);
    for (const w of t.watchers) w({ inBlock: blockHashHex });
    // Blocks are final at once, but clients (polkadot.js switchMap) drop an inBlock result that is
    // immediately followed by finalized while they fetch its events; report finality a bit later.
    const watchers = [...t.watchers];
    t.watchers.clear();
    setTimeout(() => {
      for (const w of watchers) w({ finalized: blockHashHex });
    }, FINALIZED_DELAY_MS).unref();
  }

  remove(t: PoolTx, status: 'invalid' | 'dropped'): void {
    this.txs.delete(t.hashHex);
    for (const w of t.watchers) w(status);
    t.watchers.clear();
  }

  /** After a block: notify future transactions that became ready. */
  promote(wasFuture: Set<string>): void {
    for (const t of this.txs.values()) {
      if (wasFuture.has(t.hashHex) && t.x.signed && t.nonce === Sys.Account.get(this.chain.headState, t.x.signed.signer).nonce) {
        for (const w of t.watchers) w('ready');
      }
    }
  }

  isReady(t: PoolTx): boolean {
    return t.x.signed !== null && t.nonce === Sys.Account.get(this.chain.headState, t.x.signed.signer).nonce;
  }
}
