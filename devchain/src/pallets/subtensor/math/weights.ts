/**
 * Weight-setting math shared by the pallet: the commit-reveal v2 commit hash (subtensor-api.md
 * §2.2) and the u16 max-upscale applied to submitted weights (§2.1).
 */
import { blake2AsU8a } from '@polkadot/util-crypto';
import { I32F32, div32, fromInt, mul32, roundHalfAway } from './fixed.ts';

/** SCALE compact encoding of a non-negative integer. */
export function encodeCompact(value: number | bigint): Uint8Array {
  const v = BigInt(value);
  if (v < 0n) throw new RangeError(`encodeCompact: expected a non-negative integer, found ${v}`);
  if (v < 1n << 6n) return Uint8Array.of(Number(v << 2n));
  if (v < 1n << 14n) {
    const x = Number((v << 2n) | 1n);
    return Uint8Array.of(x & 0xff, x >> 8);
  }
  if (v < 1n << 30n) {
    const x = (v << 2n) | 2n;
    return Uint8Array.of(Number(x & 0xffn), Number((x >> 8n) & 0xffn), Number((x >> 16n) & 0xffn), Number((x >> 24n) & 0xffn));
  }
  const bytes: number[] = [];
  let rest = v;
  while (rest > 0n) {
    bytes.push(Number(rest & 0xffn));
    rest >>= 8n;
  }
  return Uint8Array.of(((bytes.length - 4) << 2) | 3, ...bytes);
}

function u16le(v: number): number[] {
  return [v & 0xff, (v >> 8) & 0xff];
}

function checkU16(name: string, v: number): void {
  if (!Number.isInteger(v) || v < 0 || v > 65535) throw new RangeError(`commit hash: expected ${name} to be a u16, found ${String(v)}`);
}

function encodeVecU16(name: string, xs: readonly number[]): number[] {
  xs.forEach((x, i) => checkU16(`${name}[${i}]`, x));
  return [...encodeCompact(xs.length), ...xs.flatMap(u16le)];
}

export interface CommitHashInput {
  /** Hotkey public key (AccountId32). */
  hotkey: Uint8Array;
  /** `netuid` for the main mechanism (`mecid·4096 + netuid` otherwise). */
  netuidIndex: number;
  uids: readonly number[];
  /** Raw values as they will be revealed (before upscaling). */
  values: readonly number[];
  salt: readonly number[];
  versionKey: bigint;
}

/** SCALE bytes of `(AccountId32, u16, Vec<u16>, Vec<u16>, Vec<u16>, u64)`. */
export function encodeCommitTuple(input: CommitHashInput): Uint8Array {
  if (input.hotkey.length !== 32) throw new RangeError(`commit hash: expected a 32-byte hotkey, found ${input.hotkey.length} bytes`);
  checkU16('netuidIndex', input.netuidIndex);
  if (input.versionKey < 0n || input.versionKey >= 1n << 64n)
    throw new RangeError(`commit hash: expected versionKey to be a u64, found ${input.versionKey}`);
  const version: number[] = [];
  for (let i = 0n; i < 8n; i++) version.push(Number((input.versionKey >> (8n * i)) & 0xffn));
  return Uint8Array.from([
    ...input.hotkey,
    ...u16le(input.netuidIndex),
    ...encodeVecU16('uids', input.uids),
    ...encodeVecU16('values', input.values),
    ...encodeVecU16('salt', input.salt),
    ...version,
  ]);
}

/** CR v2 commit hash: `blake2_256(SCALE((hotkey, netuid_index, uids, values, salt, version_key)))`. */
export function commitHash(input: CommitHashInput): Uint8Array {
  return blake2AsU8a(encodeCommitTuple(input), 256);
}

const U16_MAX_FIXED = fromInt(I32F32, 65535);

/**
 * `vec_u16_max_upscale_to_u16` (§2.1): scale so the maximum becomes 65535, each value rounded to
 * nearest with ties away from zero. For m > 32768 it computes `v × (65535 / m)`, otherwise
 * `(v × 65535) / m`, all in I32F32 with truncating intermediate steps. All zeros stay zeros.
 */
export function maxUpscaleU16(values: readonly number[]): number[] {
  if (values.length === 0) return [];
  values.forEach((v, i) => checkU16(`values[${i}]`, v));
  const m = Math.max(...values);
  if (m === 0) return values.slice();
  const mFixed = fromInt(I32F32, m);
  const scaled =
    m > 32768
      ? values.map((v) => mul32(fromInt(I32F32, v), div32(U16_MAX_FIXED, mFixed)))
      : values.map((v) => div32(mul32(fromInt(I32F32, v), U16_MAX_FIXED), mFixed));
  return scaled.map((x) => {
    const r = roundHalfAway(I32F32, x) >> 32n;
    return r < 0n ? 0 : r > 65535n ? 65535 : Number(r);
  });
}

/** `MaxWeightsLimit` value meaning "no limit" (upstream's constant `get_max_weight_limit` since spec 361). */
export const NO_WEIGHT_LIMIT = 65535;

/**
 * Upstream's `check_vec_max_limited` negated: do the (max-upscaled) weights exceed `limit`? In
 * I32F32: each weight normalized `(w << 32) / Σw` (truncated; all zero ⇒ unchanged), compared with
 * `(limit << 32) / 65535` (truncated). `NO_WEIGHT_LIMIT` never limits.
 */
export function exceedsMaxWeightLimit(weights: readonly number[], limit: number): boolean {
  if (limit === NO_WEIGHT_LIMIT) return false;
  const total = weights.reduce((a, w) => a + BigInt(w), 0n);
  if (total === 0n) return false;
  const max = weights.reduce((a, w) => (BigInt(w) > a ? BigInt(w) : a), 0n);
  return div32(fromInt(I32F32, max), total << 32n) > div32(fromInt(I32F32, limit), fromInt(I32F32, 65535));
}
