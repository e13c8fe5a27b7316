import { createHash, randomUUID } from 'node:crypto';
import { Metadata } from '@grpc/grpc-js';
import { decodePair } from '@polkadot/keyring/pair/decode';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, decodeAddress, signatureVerify } from '@polkadot/util-crypto';
import { isReady as wasmReady, sr25519Sign as wasmSign, sr25519Verify as wasmVerify } from '@polkadot/wasm-crypto';
import { ProtocolError, type ProtocolErrorCode } from './errors.ts';

/**
 * Epistula-style signing (version 3) carried as gRPC metadata. A request's signed message is the UTF-8 string
 * `${sha256hex(body)}.${uuid}.${timestamp}.${signedFor}`, where `body` is the serialized protobuf message
 * exactly as sent. Requests carry `epistula-request-signature`; responses carry `epistula-response-signature`
 * (a distinct header so one can never pass for the other), reuse the request's uuid and sign one more field,
 * the request body's sha256 (`epistula-request-hash`): `${sha256hex(body)}.${uuid}.${timestamp}.${signedFor}.${requestHash}`.
 * That last field binds an answer to the very question it answers, not only to a uuid the asker chose
 * (version 2 signed no request hash, so an answer could be filed under another question).
 */
export const EPISTULA_VERSION = '3';
export const HEADER = {
  version: 'epistula-version',
  timestamp: 'epistula-timestamp',
  uuid: 'epistula-uuid',
  signedBy: 'epistula-signed-by',
  signedFor: 'epistula-signed-for',
  requestSignature: 'epistula-request-signature',
  responseSignature: 'epistula-response-signature',
  /** Responses only: sha256 hex of the request body answered (signed). */
  requestHash: 'epistula-request-hash',
} as const;

/** Anything that signs with an SS58-addressed key: a `KeyringPair` fits. */
export interface Signer {
  /** SS58 address of the signing key. */
  readonly address: string;
  sign(message: Uint8Array): Uint8Array;
}

/** The six Epistula headers of one signed message (signature under the request or response header name). */
export interface EpistulaHeaders {
  version: string;
  timestamp: string;
  uuid: string;
  signedBy: string;
  signedFor: string;
  /** 0x-prefixed hex signature. */
  signature: string;
  /** Responses only: lower-case hex sha256 (no 0x) of the request body this answers; part of the signed message. */
  requestHash?: string;
}

/** What a verified message proves: who signed which body, for whom, when. Store it to prove an answer later. */
export interface SignedRecord {
  bodyHash: string;
  uuid: string;
  timestampMs: number;
  signedBy: string;
  signedFor: string;
  signature: string;
  /**
   * Responses only: sha256 (lower-case hex, no 0x) of the request body the answer is for, covered by the
   * signature. Absent on request records.
   */
  requestBodyHash?: string;
}

/** Outcome of a verification; never thrown. */
export type VerifyResult = { ok: true; record: SignedRecord } | { ok: false; code: ProtocolErrorCode; reason: string };

/** Verification settings. */
export interface VerifyOptions {
  /** SS58 the message must be signed for (the receiver's hotkey); unchecked when undefined. */
  expectedSignedFor?: string;
  /** SS58 the message must be signed by; unchecked when undefined. */
  expectedSignedBy?: string;
  /** Clock, ms since epoch; default Date.now(). */
  nowMs?: number;
  /** Oldest accepted timestamp age, ms; default 60_000; Infinity disables (audits of old answers). */
  maxAgeMs?: number;
  /** Furthest accepted timestamp in the future (clock skew), ms; default 5_000. */
  maxFutureMs?: number;
}

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const SIGNATURE_HEX = /^0x[0-9a-f]{128}$/;
// Canonical decimal only (no leading zeros), so a SignedRecord's number reproduces the signed message exactly.
const TIMESTAMP = /^(0|[1-9][0-9]{0,15})$/;

/** Resolves once the sr25519/ed25519 wasm is loaded; call before signing or verifying. */
export function ensureCryptoReady(): Promise<boolean> {
  return cryptoReady ?? (cryptoReady = cryptoWaitReady());
}

let cryptoReady: Promise<boolean> | undefined;

/** Whether the crypto kernels are loaded (then `ensureCryptoReady` need not be awaited). */
export function isCryptoReady(): boolean {
  return wasmReady();
}

/** Lower-case hex sha256 of `body` (no 0x), as signed in the Epistula message and used as a response hash. */
export function sha256Hex(body: Uint8Array): string {
  return createHash('sha256').update(body).digest('hex');
}

/** The hash a report should cite for a response body (same as the signed body hash). */
export function responseHash(body: Uint8Array): string {
  return sha256Hex(body);
}

/** The exact string that is signed; `requestBodyHash` is given for responses only (it binds the answer to the question). */
export function epistulaMessage(
  bodyHash: string,
  uuid: string,
  timestampMs: number | string,
  signedFor: string,
  requestBodyHash?: string,
): string {
  const base = `${bodyHash}.${uuid}.${timestampMs}.${signedFor}`;
  return requestBodyHash === undefined ? base : `${base}.${requestBodyHash}`;
}

/** Options fixing the otherwise random/clock parts of a signature (tests, golden vectors). */
export interface SignOptions {
  nowMs?: number;
  uuid?: string;
}

const utf8 = new TextEncoder();

function sign(bodyHash: string, signer: Signer, signedFor: string, opts: SignOptions, requestHash?: string): EpistulaHeaders {
  const timestamp = String(opts.nowMs ?? Date.now());
  const uuid = opts.uuid ?? randomUUID();
  const message = epistulaMessage(bodyHash, uuid, timestamp, signedFor, requestHash);
  const fast = fastSigner(signer); // also caches the SS58 address (a KeyringPair re-encodes it on every read, ~0.04 ms)
  const signature = u8aToHex(fast.sign(utf8.encode(message)));
  const headers: EpistulaHeaders = { version: EPISTULA_VERSION, timestamp, uuid, signedBy: fast.address, signedFor, signature };
  if (requestHash !== undefined) headers.requestHash = requestHash;
  return headers;
}

/**
 * A serialized body with its sha256, computed once. Sign it for many receivers with `signPreparedRequest`
 * (each signature differs, since the callee's hotkey is in the message, but the hash is shared).
 * Treat it as immutable: the hash is only right for the bytes as they were when prepared.
 */
export interface PreparedBody {
  readonly body: Buffer;
  /** Lower-case hex sha256 of `body`, no 0x. */
  readonly bodyHash: string;
}

/** Hashes `body` once for signing it many times; the buffer is referenced, not copied. */
export function prepareBody(body: Buffer): PreparedBody {
  return Object.freeze({ body, bodyHash: sha256Hex(body) });
}

const fastSigners = new WeakMap<Signer, Signer>();

/**
 * The same signer, sped up: @polkadot/util-crypto 14 signs sr25519 in pure JS (~3.3 ms a signature here), the
 * @polkadot/wasm-crypto kernel takes ~0.4 ms. An unlocked sr25519 KeyringPair is re-wrapped around the wasm
 * kernel (the secret stays in memory as it already was); anything else is returned unchanged.
 */
export function fastSigner(signer: Signer): Signer {
  const cached = fastSigners.get(signer);
  if (cached) return cached;
  let out = signer;
  const pair = signer as Partial<{ type: string; isLocked: boolean; publicKey: Uint8Array; encodePkcs8: () => Uint8Array }>;
  if (pair.type === 'sr25519' && pair.isLocked === false && pair.publicKey && typeof pair.encodePkcs8 === 'function' && wasmReady()) {
    const { secretKey } = decodePair(undefined, pair.encodePkcs8(), 'none');
    const publicKey = pair.publicKey;
    out = { address: signer.address, sign: (m) => wasmSign(publicKey, secretKey, m) };
  }
  fastSigners.set(signer, out);
  return out;
}

/** Signs a serialized request body for `minerHotkey` (SS58). Crypto must be ready (`ensureCryptoReady`). */
export function signRequest(body: Uint8Array, keypair: Signer, minerHotkey: string, opts: SignOptions = {}): EpistulaHeaders {
  return sign(sha256Hex(body), keypair, minerHotkey, opts);
}

/** Signs a prepared request body for `minerHotkey` without hashing it again (same headers as `signRequest`). */
export function signPreparedRequest(prepared: PreparedBody, keypair: Signer, minerHotkey: string, opts: SignOptions = {}): EpistulaHeaders {
  return sign(prepared.bodyHash, keypair, minerHotkey, opts);
}

/**
 * Signs a serialized response body for the validator that asked, reusing the request's uuid and signing the
 * request body's hash (`requestBodyHash`, lower-case hex as in the request's record), so the answer proves
 * which question it answers. Throws ProtocolError when `requestBodyHash` is not a sha256 hex string.
 */
export function signResponse(
  body: Uint8Array,
  keypair: Signer,
  request: { uuid: string; validatorHotkey: string; requestBodyHash: string },
  opts: { nowMs?: number } = {},
): EpistulaHeaders {
  if (typeof request.requestBodyHash !== 'string' || !BODY_HASH.test(request.requestBodyHash)) {
    throw new ProtocolError(
      'internal',
      `signResponse: expected requestBodyHash as 64 lower-case hex digits, found ${clip(String(request.requestBodyHash))}`,
    );
  }
  return sign(sha256Hex(body), keypair, request.validatorHotkey, { nowMs: opts.nowMs, uuid: request.uuid }, request.requestBodyHash);
}

/** gRPC metadata carrying request headers. */
export function requestMetadata(h: EpistulaHeaders, md: Metadata = new Metadata()): Metadata {
  return setHeaders(md, h, HEADER.requestSignature);
}

/** gRPC metadata carrying response headers. */
export function responseMetadata(h: EpistulaHeaders, md: Metadata = new Metadata()): Metadata {
  return setHeaders(md, h, HEADER.responseSignature);
}

/**
 * Request headers as a plain name-to-value record (what `requestMetadata` carries), for callers that speak raw
 * HTTP/2 rather than through grpc-js; `parseHeaders` reads the same record back.
 */
export function requestHeaderRecord(h: EpistulaHeaders): Record<string, string> {
  return headerRecord(h, HEADER.requestSignature);
}

function headerRecord(h: EpistulaHeaders, signatureHeader: string): Record<string, string> {
  const out: Record<string, string> = {
    [HEADER.version]: h.version,
    [HEADER.timestamp]: h.timestamp,
    [HEADER.uuid]: h.uuid,
    [HEADER.signedBy]: h.signedBy,
    [HEADER.signedFor]: h.signedFor,
    [signatureHeader]: h.signature,
  };
  if (h.requestHash !== undefined) out[HEADER.requestHash] = h.requestHash;
  return out;
}

function setHeaders(md: Metadata, h: EpistulaHeaders, signatureHeader: string): Metadata {
  for (const [name, value] of Object.entries(headerRecord(h, signatureHeader))) md.set(name, value);
  return md;
}

/** Headers from gRPC metadata or a plain record. */
export type HeaderSource = Metadata | Readonly<Record<string, unknown>>;

function readOne(src: HeaderSource, key: string): string | undefined {
  const values: unknown[] = src instanceof Metadata ? src.get(key) : [src[key]].filter((v) => v !== undefined);
  if (values.length !== 1 || typeof values[0] !== 'string') return undefined;
  return values[0];
}

/** Result of the cheap header checks, before the signature itself is checked. */
export type ParsedHeaders =
  | { ok: true; headers: EpistulaHeaders; timestampMs: number }
  | { ok: false; code: ProtocolErrorCode; reason: string };

/**
 * Parses and checks headers without any signature work: presence, formats, version, recipient,
 * signer identity and timestamp window. Servers run this before the caller lookup and the costly verify.
 */
export function parseHeaders(src: HeaderSource, kind: 'request' | 'response', opts: VerifyOptions = {}): ParsedHeaders {
  const sigHeader = kind === 'request' ? HEADER.requestSignature : HEADER.responseSignature;
  const raw = {
    version: readOne(src, HEADER.version),
    timestamp: readOne(src, HEADER.timestamp),
    uuid: readOne(src, HEADER.uuid),
    signedBy: readOne(src, HEADER.signedBy),
    signedFor: readOne(src, HEADER.signedFor),
    signature: readOne(src, sigHeader)?.toLowerCase(),
  };
  const missing = Object.entries(raw)
    .filter(([, v]) => v === undefined)
    .map(([k]) => k);
  if (missing.length > 0) return fail('missing-signature', `expected one of each epistula header, missing ${missing.join(', ')}`);
  const h = raw as EpistulaHeaders;
  if (kind === 'response') {
    const requestHash = readOne(src, HEADER.requestHash);
    if (requestHash === undefined)
      return fail(
        'missing-signature',
        `expected one ${HEADER.requestHash} header on a response (epistula ${EPISTULA_VERSION}), found none`,
      );
    if (!BODY_HASH.test(requestHash))
      return fail('bad-signature', `expected ${HEADER.requestHash} as 64 lower-case hex digits, found ${clip(requestHash)}`);
    h.requestHash = requestHash;
  }
  if (h.version !== EPISTULA_VERSION)
    return fail('bad-signature', `expected epistula-version ${EPISTULA_VERSION}, found ${clip(h.version)}`);
  if (!TIMESTAMP.test(h.timestamp))
    return fail('bad-signature', `expected epistula-timestamp as ms digits without leading zeros, found ${clip(h.timestamp)}`);
  if (!UUID_V4.test(h.uuid)) return fail('bad-signature', `expected epistula-uuid as lower-case uuid v4, found ${clip(h.uuid)}`);
  if (!SIGNATURE_HEX.test(h.signature)) return fail('bad-signature', 'expected a 0x-prefixed 64-byte hex signature');
  const by = publicKeyHex(h.signedBy);
  if (by === undefined) return fail('bad-signature', `expected epistula-signed-by as SS58, found ${clip(h.signedBy)}`);
  if (opts.expectedSignedBy !== undefined && by !== publicKeyHex(opts.expectedSignedBy)) {
    return fail('bad-signature', `expected signer ${opts.expectedSignedBy}, found ${h.signedBy}`);
  }
  if (opts.expectedSignedFor !== undefined && publicKeyHex(h.signedFor) !== publicKeyHex(opts.expectedSignedFor)) {
    return fail('wrong-recipient', `expected signed-for ${opts.expectedSignedFor}, found ${clip(h.signedFor)}`);
  }
  const timestampMs = Number(h.timestamp);
  const stale = checkFreshness(timestampMs, opts);
  return stale ?? { ok: true, headers: h, timestampMs };
}

function checkFreshness(timestampMs: number, opts: VerifyOptions): { ok: false; code: 'stale'; reason: string } | undefined {
  const now = opts.nowMs ?? Date.now();
  const maxAge = opts.maxAgeMs ?? 60_000;
  const maxFuture = opts.maxFutureMs ?? 5_000;
  if (now - timestampMs > maxAge)
    return { ok: false, code: 'stale', reason: `timestamp ${timestampMs} is ${now - timestampMs} ms old, limit ${maxAge} ms` };
  if (timestampMs - now > maxFuture)
    return { ok: false, code: 'stale', reason: `timestamp ${timestampMs} is ${timestampMs - now} ms ahead, limit ${maxFuture} ms` };
  return undefined;
}

/**
 * Checks the signature of parsed headers over `body`; crypto must be ready. Pass `bodyHash` when the caller
 * already holds `sha256Hex(body)` (it is trusted as given, so compute it from these very bytes).
 */
export function verifyParsed(body: Uint8Array, parsed: { headers: EpistulaHeaders; timestampMs: number }, bodyHash?: string): VerifyResult {
  return verifySignature(recordOf(parsed, bodyHash ?? sha256Hex(body)));
}

function recordOf(parsed: { headers: EpistulaHeaders; timestampMs: number }, bodyHash: string): SignedRecord {
  const h = parsed.headers;
  const record: SignedRecord = {
    bodyHash,
    uuid: h.uuid,
    timestampMs: parsed.timestampMs,
    signedBy: h.signedBy,
    signedFor: h.signedFor,
    signature: h.signature,
  };
  if (h.requestHash !== undefined) record.requestBodyHash = h.requestHash;
  return record;
}

/** The sr25519 (or ed25519) check of a record whose fields were already format-checked. */
function verifySignature(record: SignedRecord): VerifyResult {
  const message = utf8.encode(epistulaMessage(record.bodyHash, record.uuid, record.timestampMs, record.signedFor, record.requestBodyHash));
  let valid = false;
  try {
    // Fast path: sr25519 with the wasm kernel (~0.4 ms vs ~7 ms in util-crypto's pure-JS verify); then any scheme.
    const key = publicKeyOf(record.signedBy);
    valid =
      (key !== undefined && wasmReady() && wasmVerify(hexToBytes(record.signature), message, key)) ||
      signatureVerify(message, record.signature, record.signedBy).isValid;
  } catch (e: unknown) {
    return fail('bad-signature', `signature check failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!valid) return fail('bad-signature', `signature does not match body and headers signed by ${record.signedBy}`);
  return { ok: true, record };
}

const BODY_HASH = /^[0-9a-f]{64}$/;

/**
 * Verifies a stored `SignedRecord` (e.g. kept from a response whose check was deferred, or read back from a
 * report): field formats, then the signature. With `body`, also checks that `body` hashes to `record.bodyHash`.
 * No freshness check: a record proves what was signed, whenever it is checked. Never throws.
 */
export function verifySignedRecord(record: SignedRecord, body?: Uint8Array): VerifyResult {
  if (typeof record !== 'object' || record === null) return fail('bad-signature', 'expected a signed record object');
  if (typeof record.bodyHash !== 'string' || !BODY_HASH.test(record.bodyHash))
    return fail('bad-signature', `expected bodyHash as 64 lower-case hex digits, found ${clip(String(record.bodyHash))}`);
  if (typeof record.uuid !== 'string' || !UUID_V4.test(record.uuid))
    return fail('bad-signature', `expected uuid as lower-case uuid v4, found ${clip(String(record.uuid))}`);
  if (!Number.isSafeInteger(record.timestampMs) || record.timestampMs < 0)
    return fail('bad-signature', `expected timestampMs as an integer >= 0, found ${String(record.timestampMs)}`);
  if (typeof record.signature !== 'string' || !SIGNATURE_HEX.test(record.signature))
    return fail('bad-signature', 'expected a 0x-prefixed 64-byte lower-case hex signature');
  if (typeof record.signedBy !== 'string' || publicKeyOf(record.signedBy) === undefined)
    return fail('bad-signature', `expected signedBy as SS58, found ${clip(String(record.signedBy))}`);
  if (typeof record.signedFor !== 'string') return fail('bad-signature', 'expected signedFor as a string');
  if (record.requestBodyHash !== undefined && (typeof record.requestBodyHash !== 'string' || !BODY_HASH.test(record.requestBodyHash))) {
    return fail('bad-signature', `expected requestBodyHash as 64 lower-case hex digits, found ${clip(String(record.requestBodyHash))}`);
  }
  if (body !== undefined) {
    const actual = sha256Hex(body);
    if (actual !== record.bodyHash) return fail('bad-signature', `body hashes to ${actual}, the record says ${record.bodyHash}`);
  }
  return verifySignature(record);
}

/** Verifies a signed request body against its metadata; returns a typed result and never throws. */
export function verifyRequest(body: Uint8Array, metadata: HeaderSource, opts: VerifyOptions = {}): VerifyResult {
  const parsed = parseHeaders(metadata, 'request', opts);
  return parsed.ok ? verifyParsed(body, parsed) : parsed;
}

/**
 * Options of a response check: `expectedUuid` (the request's uuid) and `expectedRequestHash` (sha256 hex of the
 * request body sent) bind the answer to the question.
 */
export type ResponseCheckOptions = VerifyOptions & { expectedUuid?: string; expectedRequestHash?: string };

/**
 * Every check of a signed response except the signature itself (headers, signer, recipient, uuid, freshness),
 * and the body hash. The returned record is *claimed*, not proven: check it with `verifySignedRecord(record)`
 * before relying on it (a validator may defer that to keep it off the latency path). Never throws.
 */
export function parseResponse(body: Uint8Array, metadata: HeaderSource, opts: ResponseCheckOptions = {}): VerifyResult {
  const parsed = parseHeaders(metadata, 'response', opts);
  if (!parsed.ok) return parsed;
  if (opts.expectedUuid !== undefined && parsed.headers.uuid !== opts.expectedUuid) {
    return fail('bad-signature', `expected response uuid ${opts.expectedUuid}, found ${parsed.headers.uuid}`);
  }
  if (opts.expectedRequestHash !== undefined && parsed.headers.requestHash !== opts.expectedRequestHash) {
    return fail(
      'bad-signature',
      `expected the response to answer request ${opts.expectedRequestHash}, it names ${String(parsed.headers.requestHash)}`,
    );
  }
  return { ok: true, record: recordOf(parsed, sha256Hex(body)) };
}

/** Verifies a signed response; pass `expectedUuid` (the request's uuid) to bind it to the question. */
export function verifyResponse(body: Uint8Array, metadata: HeaderSource, opts: ResponseCheckOptions = {}): VerifyResult {
  const parsed = parseResponse(body, metadata, opts);
  return parsed.ok ? verifySignature(parsed.record) : parsed;
}

const publicKeys = new Map<string, Uint8Array | null>();
const PUBLIC_KEY_CACHE_SIZE = 4096;

/** Public key of an SS58 address (cached: decoding costs ~0.1 ms), or undefined when it does not decode. */
function publicKeyOf(ss58: string): Uint8Array | undefined {
  let key = publicKeys.get(ss58);
  if (key === undefined) {
    try {
      key = decodeAddress(ss58);
    } catch {
      key = null; // Not an address: the caller reports it as a bad header.
    }
    if (publicKeys.size >= PUBLIC_KEY_CACHE_SIZE) publicKeys.clear();
    publicKeys.set(ss58, key);
  }
  return key ?? undefined;
}

const publicKeyHexes = new Map<string, string>();

function publicKeyHex(ss58: string): string | undefined {
  const cached = publicKeyHexes.get(ss58);
  if (cached !== undefined) return cached;
  const key = publicKeyOf(ss58);
  if (key === undefined) return undefined;
  const hex = u8aToHex(key);
  if (publicKeyHexes.size >= PUBLIC_KEY_CACHE_SIZE) publicKeyHexes.clear();
  publicKeyHexes.set(ss58, hex);
  return hex;
}

function hexToBytes(hex: string): Uint8Array {
  return Buffer.from(hex.slice(2), 'hex');
}

function fail(code: ProtocolErrorCode, reason: string): { ok: false; code: ProtocolErrorCode; reason: string } {
  return { ok: false, code, reason };
}

function clip(s: string): string {
  return JSON.stringify(s.length > 64 ? `${s.slice(0, 64)}...` : s);
}
