/**
 * Brands for identifiers that are easy to mix up, each with a checking constructor.
 */
import { decodeAddress, encodeAddress } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import type { HexString } from '@polkadot/util/types';

/** A neuron uid on a subnet (u16). */
export type Uid = number & { readonly __brand: 'Uid' };
/** A subnet id (u16). */
export type NetUid = number & { readonly __brand: 'NetUid' };
/** A hotkey SS58 address (prefix 42 unless stated). */
export type Hotkey = string & { readonly __brand: 'Hotkey' };
/** A coldkey SS58 address (prefix 42 unless stated). */
export type Coldkey = string & { readonly __brand: 'Coldkey' };
/** A block number (u32 on subtensor). */
export type BlockNumber = number & { readonly __brand: 'BlockNumber' };

/** The SS58 prefix Bittensor uses (generic Substrate, 42). */
export const SS58_PREFIX = 42;

function toU16(n: number, what: string): number {
  if (!Number.isInteger(n) || n < 0 || n > 0xffff) {
    throw new RangeError(`expected ${what} to be an integer in [0, 65535], found ${String(n)}`);
  }
  return n;
}

/** Checks and brands a uid; throws `RangeError` outside u16. */
export function toUid(n: number): Uid {
  return toU16(n, 'uid') as Uid;
}

/** Checks and brands a netuid; throws `RangeError` outside u16. */
export function toNetUid(n: number): NetUid {
  return toU16(n, 'netuid') as NetUid;
}

/** Re-encodes an SS58 address (or 32-byte public key) with `prefix`; throws `TypeError` if it is not one. */
export function toSs58(address: string | Uint8Array, prefix: number = SS58_PREFIX): string {
  try {
    return encodeAddress(decodeAddress(address), prefix);
  } catch (err: unknown) {
    const shown = typeof address === 'string' ? JSON.stringify(address) : `${address.length} bytes`;
    throw new TypeError(`expected an SS58 address or a 32-byte public key, found ${shown}`, { cause: err });
  }
}

/** Checks and brands a hotkey address (SS58 or public key), normalising to prefix 42. */
export function toHotkey(address: string | Uint8Array): Hotkey {
  return toSs58(address) as Hotkey;
}

/** Checks and brands a coldkey address (SS58 or public key), normalising to prefix 42. */
export function toColdkey(address: string | Uint8Array): Coldkey {
  return toSs58(address) as Coldkey;
}

/** The 0x-hex public key of an SS58 address. */
export function publicKeyHex(address: string): HexString {
  return u8aToHex(decodeAddress(address));
}

/** True when `address` decodes as SS58 (any prefix). */
export function isSs58(address: string): boolean {
  try {
    decodeAddress(address);
    return true;
  } catch {
    // A decode failure is exactly the "no" answer.
    return false;
  }
}
