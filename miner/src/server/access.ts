import { ProtocolError, parseHeaders, verifyParsed, type SignedRecord } from '#protocol';
import { errorMessage } from '#core';
import type { Metadata } from '@grpc/grpc-js';
import { formatTao } from '../registration.ts';
import type { CallerDirectory, CallerEntry } from './caller-directory.ts';
import type { TokenBucketLimiter } from './rate-limit.ts';
import type { ReplayCache } from './replay-cache.ts';

/** Signature freshness settings. */
export interface FreshnessOptions {
  /** Oldest accepted request timestamp, ms; default 60_000. */
  maxAgeMs?: number;
  /** Furthest accepted timestamp ahead of our clock, ms; default 5_000. */
  maxFutureMs?: number;
}

/** The parts access control needs. */
export interface AccessDeps extends FreshnessOptions {
  minerHotkey: string;
  callerDirectory: CallerDirectory;
  replay: ReplayCache;
  limiter: TokenBucketLimiter;
  now: () => number;
}

/** An authenticated, authorized caller. */
export interface Caller {
  hotkey: string;
  entry: CallerEntry;
  record: SignedRecord;
}

/**
 * Decides whether a signed request may be served; throws ProtocolError with the refusal reason.
 * Order: cheap header checks (format, recipient, freshness), then the metagraph lookup (registered, permit,
 * stake at least the floor: public data, so strangers and under-staked permit holders cost no crypto), then
 * the sr25519 check, then replay and rate limit — both only after the signature is proven, so nobody can burn
 * another validator's uuids or tokens by forging its hotkey.
 */
export function authorize(body: Uint8Array, metadata: Metadata, deps: AccessDeps): Caller {
  const nowMs = deps.now();
  const opts = { expectedSignedFor: deps.minerHotkey, nowMs, maxAgeMs: deps.maxAgeMs, maxFutureMs: deps.maxFutureMs };
  const parsed = parseHeaders(metadata, 'request', opts);
  if (!parsed.ok) throw new ProtocolError(parsed.code, parsed.reason);
  const hotkey = parsed.headers.signedBy;
  const entry = checkCaller(hotkey, deps);
  const verified = verifyParsed(body, parsed);
  if (!verified.ok) throw new ProtocolError(verified.code, verified.reason);
  const seen = deps.replay.checkAndAdd(hotkey, parsed.headers.uuid, nowMs);
  if (seen === 'replayed') throw new ProtocolError('replayed', `uuid ${parsed.headers.uuid} was already used`);
  if (seen === 'full')
    throw new ProtocolError('rate-limited', `caller ${hotkey} has too many unexpired request uuids; retry once older ones expire`);
  if (!deps.limiter.tryTake(hotkey, nowMs)) throw new ProtocolError('rate-limited', `caller ${hotkey} is over its rate limit`);
  return { hotkey, entry, record: verified.record };
}

/**
 * Whether `hotkey` may be served at all, from public metagraph data (no crypto): registered, holding a validator
 * permit, and staked at least the directory's floor. Throws ProtocolError naming what is missing.
 */
export function checkCaller(hotkey: string, deps: Pick<AccessDeps, 'callerDirectory'>): CallerEntry {
  const entry = lookupSafely(deps.callerDirectory, hotkey);
  if (entry === undefined) throw new ProtocolError('unregistered', `caller ${hotkey} is not registered on the subnet`);
  if (!entry.validatorPermit) throw new ProtocolError('no-permit', `caller ${hotkey} (uid ${entry.uid}) has no validator permit`);
  const floor = deps.callerDirectory.minStakeRao ?? 0n;
  if (floor > 0n && !(entry.stakeRao >= floor)) {
    throw new ProtocolError(
      'low-stake',
      `caller ${hotkey} (uid ${entry.uid}) has a stake of ${formatTao(entry.stakeRao ?? 0n)}, below this miner's floor of ${formatTao(floor)}`,
    );
  }
  return entry;
}

/** The directory is a port supplied by the daemon: guard against an implementation that throws anyway. */
function lookupSafely(dir: CallerDirectory, hotkey: string): CallerEntry | undefined {
  try {
    return dir.lookup(hotkey);
  } catch (e: unknown) {
    throw new ProtocolError('unavailable', `caller directory failed: ${errorMessage(e)}`, { cause: e });
  }
}
