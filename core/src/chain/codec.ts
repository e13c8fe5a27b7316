/**
 * Plain values from polkadot.js codecs (or values that are already plain), without unsafe numbers:
 * integers as bigint, vectors as arrays, options unwrapped. Browser-safe.
 */
import type { Codec } from '@polkadot/types/types';
import { ChainError } from '../errors.ts';

/** A codec's value as bigint (u64/u128 and friends, or a plain number/decimal/hex string). */
export function codecToBigInt(c: unknown): bigint {
  const v = (c as { toBigInt?: () => bigint } | null)?.toBigInt?.();
  if (v !== undefined) return v;
  const p = (c as Codec | null)?.toPrimitive?.() ?? c;
  if (typeof p === 'number' || typeof p === 'bigint') return BigInt(p);
  if (typeof p === 'string' && /^(0x[0-9a-f]+|\d+)$/i.test(p)) return BigInt(p);
  throw new ChainError('CHAIN_DECODE', `expected an integer codec, found ${JSON.stringify(p)}`);
}

/** A codec's value as a JS number (for u16/u32/u64 block numbers and counts). */
export function codecToNumber(c: unknown): number {
  return Number(codecToBigInt(c));
}

interface OptionLike {
  isNone?: boolean;
  isSome?: boolean;
  unwrap?: () => unknown;
}

/** The inner value of an `Option` codec, undefined for `None`; any other value as it is. */
export function unwrapOption(c: unknown): unknown {
  if (c === undefined || c === null) return undefined;
  const o = c as OptionLike;
  if (o.isNone === true) return undefined;
  return o.isSome === true && o.unwrap !== undefined ? o.unwrap() : c;
}

/** A vector codec (or an `Option` of one) as an array; [] for None/undefined. */
export function codecList(c: unknown): unknown[] {
  const inner = unwrapOption(c);
  return inner === undefined ? [] : [...(inner as Iterable<unknown>)];
}

/** A vector of integers as numbers. */
export function codecNumbers(c: unknown): number[] {
  return codecList(c).map(codecToNumber);
}

/** A vector of integers as bigints. */
export function codecBigInts(c: unknown): bigint[] {
  return codecList(c).map(codecToBigInt);
}

/** A bool codec (or plain boolean) as boolean. */
export function codecBool(c: unknown): boolean {
  return c === true || (c as Codec | null)?.toPrimitive?.() === true;
}

/** A vector of bools. */
export function codecBools(c: unknown): boolean[] {
  return codecList(c).map(codecBool);
}

/** A struct field by its camelCase name, or its snake_case name as some metadata spells it. */
export function field(c: unknown, camel: string): unknown {
  const s = c as Record<string, unknown>;
  const snake = camel.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
  return s[camel] ?? s[snake];
}
