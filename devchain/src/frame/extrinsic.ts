/**
 * Extrinsic format v4: decoding, the signing payload and signature verification.
 * Signed: `Compact<len> 0x84 MultiAddress MultiSignature extra call`, where extra (explicit data of
 * the signed extensions, in order) is `Era, Compact<nonce>, Compact<tip>, mode u8`.
 * The payload is `call ++ extra ++ (spec_version, tx_version, genesis_hash, birth_hash, None)`,
 * blake2-256 hashed when longer than 256 bytes.
 */
import { blake2AsU8a, ed25519Verify, sr25519Verify } from '@polkadot/util-crypto';
import { u8aConcat } from '@polkadot/util';
import { isReady as wasmReady, sr25519Verify as wasmSr25519Verify, ed25519Verify as wasmEd25519Verify } from '@polkadot/wasm-crypto';
import { Reader, codecOf, compactToNumber, decodeCompact, ScaleError } from '../scale/codec.ts';
import { MultiAddress, MultiSignature } from './common-types.ts';
import { InvalidTransaction, type CallValue } from './pallet.ts';

export interface MortalEra {
  period: number;
  phase: number;
}

export interface SignedPart {
  signer: Uint8Array;
  signature: { type: 'Ed25519' | 'Sr25519' | 'Ecdsa'; bytes: Uint8Array };
  era: MortalEra | null;
  nonce: number;
  tip: bigint;
  /** Explicit signed-extension bytes, exactly as in the extrinsic. */
  extraBytes: Uint8Array;
  metadataHashMode: number;
}

export interface DecodedExtrinsic {
  bytes: Uint8Array;
  hash: Uint8Array;
  signed: SignedPart | null;
  call: CallValue;
  callBytes: Uint8Array;
}

/** Decodes `Era` bytes (immortal -> null). */
export function decodeEra(r: Reader): MortalEra | null {
  const first = r.byte();
  if (first === 0) return null;
  const encoded = first + (r.byte() << 8);
  const period = 2 << (encoded % (1 << 4));
  const quantizeFactor = Math.max(period >> 12, 1);
  const phase = (encoded >> 4) * quantizeFactor;
  if (period < 4 || phase >= period)
    throw new InvalidTransaction('BadProof', undefined, `invalid mortal era (period ${period}, phase ${phase})`);
  return { period, phase };
}

/** Block number the era was born in, seen from block `current`. */
export function eraBirth(era: MortalEra, current: number): number {
  return Math.floor((Math.max(current, era.phase) - era.phase) / era.period) * era.period + era.phase;
}

/** Decodes extrinsic bytes (with the compact length prefix); throws `ScaleError` or `InvalidTransaction`. */
export function decodeExtrinsic(bytes: Uint8Array, callType: Parameters<typeof codecOf>[0]): DecodedExtrinsic {
  const r = new Reader(bytes);
  const len = compactToNumber(r);
  if (len !== r.remaining) throw new ScaleError(`extrinsic length prefix says ${len} bytes, found ${r.remaining}`);
  const version = r.byte();
  if ((version & 0x7f) !== 4) throw new ScaleError(`unsupported extrinsic version ${version & 0x7f} (expected 4)`);
  let signed: SignedPart | null = null;
  if (version & 0x80) {
    const address = codecOf<{ type: string; value?: unknown }>(MultiAddress).dec(r);
    if (address.type !== 'Id' && address.type !== 'Address32')
      throw new InvalidTransaction('BadSigner', undefined, `unsupported signer address kind ${address.type}`);
    const signer = address.value as Uint8Array;
    const sig = codecOf<{ type: 'Ed25519' | 'Sr25519' | 'Ecdsa'; value: Uint8Array }>(MultiSignature).dec(r);
    const extraStart = r.offset;
    const era = decodeEra(r);
    const nonce = decodeCompact(r);
    if (nonce > 0xffffffffn) throw new ScaleError(`nonce ${nonce} exceeds u32`);
    const tip = decodeCompact(r);
    if (tip >= 1n << 128n) throw new ScaleError('tip exceeds u128');
    const mode = r.byte();
    signed = {
      signer,
      signature: { type: sig.type, bytes: sig.value },
      era,
      nonce: Number(nonce),
      tip,
      extraBytes: bytes.subarray(extraStart, r.offset),
      metadataHashMode: mode,
    };
  }
  const callStart = r.offset;
  const call = codecOf<CallValue>(callType).dec(r);
  if (r.remaining !== 0) throw new ScaleError(`${r.remaining} trailing bytes after the call`);
  return { bytes, hash: blake2AsU8a(bytes, 256), signed, call, callBytes: bytes.subarray(callStart) };
}

/** The bytes a signer signs (hashed when over 256 bytes). */
export function signingPayload(
  x: DecodedExtrinsic,
  implicit: { specVersion: number; transactionVersion: number; genesisHash: Uint8Array; birthHash: Uint8Array },
): Uint8Array {
  if (!x.signed) throw new Error('unsigned extrinsics have no signing payload');
  const u32 = (n: number): Uint8Array => {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, n, true);
    return b;
  };
  const payload = u8aConcat(
    x.callBytes,
    x.signed.extraBytes,
    u32(implicit.specVersion),
    u32(implicit.transactionVersion),
    implicit.genesisHash,
    implicit.birthHash,
    Uint8Array.of(0),
  );
  return payload.length > 256 ? blake2AsU8a(payload, 256) : payload;
}

/** True when the signature matches (sr25519 and ed25519; ecdsa is not supported here). */
export function verifySignature(x: DecodedExtrinsic, payload: Uint8Array): boolean {
  const s = x.signed!;
  try {
    // The wasm kernels (ready after cryptoWaitReady) are ~10x faster than the pure-JS fallbacks.
    const wasm = wasmReady();
    if (s.signature.type === 'Sr25519')
      return wasm ? wasmSr25519Verify(s.signature.bytes, payload, s.signer) : sr25519Verify(payload, s.signature.bytes, s.signer);
    if (s.signature.type === 'Ed25519')
      return wasm ? wasmEd25519Verify(s.signature.bytes, payload, s.signer) : ed25519Verify(payload, s.signature.bytes, s.signer);
  } catch {
    // A malformed key or signature is a failed verification, reported as BadProof by the caller.
    return false;
  }
  return false;
}
