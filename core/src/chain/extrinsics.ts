/**
 * Typed builders for the SubtensorModule calls miners and validators need (names as in metadata),
 * with argument checks before anything is signed, plus the commit-reveal v2 hash.
 */
import type { ApiPromise } from '@polkadot/api';
import type { SubmittableExtrinsic, SubmittableExtrinsicFunction } from '@polkadot/api/types';
import { compactToU8a, hexToU8a, isHex, u8aConcat, u8aToHex } from '@polkadot/util';
import type { HexString } from '@polkadot/util/types';
import { blake2AsU8a, decodeAddress } from '@polkadot/util-crypto';
import { ArenaError, ChainError, errorMessage } from '../errors.ts';
import { ipToChain } from './ip.ts';

type Tx = SubmittableExtrinsic<'promise'>;

function call(api: ApiPromise, method: string): SubmittableExtrinsicFunction<'promise'> {
  const fn = api.tx.subtensorModule?.[method];
  if (fn === undefined) {
    throw new ChainError('CHAIN_UNSUPPORTED', `the chain has no SubtensorModule.${method} call; is this a subtensor-compatible chain?`);
  }
  return fn;
}

function u16s(values: readonly number[], what: string): void {
  values.forEach((v, i) => {
    if (!Number.isInteger(v) || v < 0 || v > 0xffff) throw new ArenaError('USAGE', `expected ${what}[${i}] to be a u16, found ${v}`);
  });
}

function u16(v: number, what: string): void {
  u16s([v], what);
}

function u64(v: bigint | number, what: string): bigint {
  const b = BigInt(v);
  if (b < 0n || b >= 1n << 64n) throw new ArenaError('USAGE', `expected ${what} to be a u64, found ${v}`);
  return b;
}

/** Arguments of `set_weights` (`uids` and `weights` pair up; weights are u16, the chain max-upscales them). */
export interface SetWeightsArgs {
  netuid: number;
  uids: readonly number[];
  weights: readonly number[];
  versionKey: bigint | number;
}

function checkWeights(uids: readonly number[], values: readonly number[]): void {
  if (uids.length !== values.length)
    throw new ArenaError('USAGE', `expected as many weights as uids, found ${values.length} weights for ${uids.length} uids`);
  u16s(uids, 'uids');
  u16s(values, 'weights');
  if (new Set(uids).size !== uids.length) throw new ArenaError('USAGE', 'expected distinct uids, found duplicates');
}

/** `SubtensorModule.set_weights(netuid, dests, weights, version_key)`, signed by the hotkey. */
export function setWeights(api: ApiPromise, a: SetWeightsArgs): Tx {
  u16(a.netuid, 'netuid');
  checkWeights(a.uids, a.weights);
  return call(api, 'setWeights')(a.netuid, [...a.uids], [...a.weights], u64(a.versionKey, 'versionKey'));
}

/** Arguments of `reveal_weights` (and of the commit hash). */
export interface RevealWeightsArgs extends SetWeightsArgs {
  /** Salt (u16 values) chosen at commit time. */
  salt: readonly number[];
}

/** The commit-reveal v2 hash: blake2_256(SCALE(hotkey, netuid, uids, values, salt, version_key)). */
export function weightsCommitHash(hotkey: string, a: RevealWeightsArgs): HexString {
  checkWeights(a.uids, a.weights);
  u16s(a.salt, 'salt');
  const vec = (xs: readonly number[]): Uint8Array =>
    u8aConcat(compactToU8a(xs.length), ...xs.map((x) => new Uint8Array([x & 0xff, x >> 8])));
  const versionKey = new Uint8Array(8);
  new DataView(versionKey.buffer).setBigUint64(0, u64(a.versionKey, 'versionKey'), true);
  const bytes = u8aConcat(
    decodeAddress(hotkey),
    new Uint8Array([a.netuid & 0xff, a.netuid >> 8]),
    vec(a.uids),
    vec(a.weights),
    vec(a.salt),
    versionKey,
  );
  return u8aToHex(blake2AsU8a(bytes, 256));
}

/** `SubtensorModule.commit_weights(netuid, commit_hash)`, signed by the hotkey. */
export function commitWeights(api: ApiPromise, a: { netuid: number; commitHash: HexString }): Tx {
  u16(a.netuid, 'netuid');
  if (!isHex(a.commitHash, 256)) throw new ArenaError('USAGE', `expected commitHash of 0x + 64 hex digits, found ${a.commitHash}`);
  return call(api, 'commitWeights')(a.netuid, hexToU8a(a.commitHash));
}

/** `SubtensorModule.reveal_weights(netuid, uids, values, salt, version_key)`, signed by the hotkey. */
export function revealWeights(api: ApiPromise, a: RevealWeightsArgs): Tx {
  u16(a.netuid, 'netuid');
  checkWeights(a.uids, a.weights);
  u16s(a.salt, 'salt');
  return call(api, 'revealWeights')(a.netuid, [...a.uids], [...a.weights], [...a.salt], u64(a.versionKey, 'versionKey'));
}

/** Arguments of `serve_axon`; the IP is text (IPv4 or IPv6) and is encoded as on chain. */
export interface ServeAxonArgs {
  netuid: number;
  ip: string;
  port: number;
  /** Axon version (u32); default 0. */
  version?: number;
  /** Free-form protocol byte; default 4 as the Bittensor SDK sends. */
  protocol?: number;
}

/** `SubtensorModule.serve_axon(netuid, version, ip, port, ip_type, protocol, placeholder1, placeholder2)`, signed by the hotkey. */
export function serveAxon(api: ApiPromise, a: ServeAxonArgs): Tx {
  u16(a.netuid, 'netuid');
  if (!Number.isInteger(a.port) || a.port < 1 || a.port > 0xffff)
    throw new ArenaError('USAGE', `expected port in [1, 65535], found ${a.port}`);
  let ip: ReturnType<typeof ipToChain>;
  try {
    ip = ipToChain(a.ip);
  } catch (err: unknown) {
    throw new ArenaError('USAGE', errorMessage(err), { cause: err });
  }
  return call(api, 'serveAxon')(a.netuid, a.version ?? 0, ip.ip, a.port, ip.ipType, a.protocol ?? 4, 0, 0);
}

/** `SubtensorModule.burned_register(netuid, hotkey)`, signed by the coldkey (pays the burn). */
export function burnedRegister(api: ApiPromise, a: { netuid: number; hotkey: string }): Tx {
  u16(a.netuid, 'netuid');
  return call(api, 'burnedRegister')(a.netuid, decodeAddress(a.hotkey));
}
