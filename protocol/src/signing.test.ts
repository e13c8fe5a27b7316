import type { Metadata } from '@grpc/grpc-js';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import test from 'ava';
import type { ProtocolErrorCode } from './errors.ts';
import { encodePredictRequest } from './messages.ts';
import {
  epistulaMessage,
  parseHeaders,
  parseResponse,
  prepareBody,
  requestHeaderRecord,
  requestMetadata,
  responseHash,
  responseMetadata,
  sha256Hex,
  signPreparedRequest,
  signRequest,
  signResponse,
  verifyParsed,
  verifyRequest,
  verifyResponse,
  verifySignedRecord,
  type SignedRecord,
} from './signing.ts';

const UUID = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';
const NOW = 1_700_000_000_000;
const BODY = encodePredictRequest({
  competitionId: 'mnist',
  roundId: 1,
  input: { dtype: 'float32', shape: [1, 2], data: new Float32Array([1.5, -2]) },
});
const REQ_HASH = sha256Hex(BODY);
const GOLDEN_MESSAGE =
  '478cf358e06e38c61606f0aad79ff04743becace3ecd5010633defd2320cdc4f.3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b.1700000000000.5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';

const keysP = cryptoWaitReady().then(() => {
  const sr = new Keyring({ type: 'sr25519', ss58Format: 42 });
  return {
    alice: sr.addFromUri('//Alice'),
    bob: sr.addFromUri('//Bob'),
    aliceEd: new Keyring({ type: 'ed25519', ss58Format: 42 }).addFromUri('//Alice'),
  };
});

test('a //Alice request signed at a fixed time and uuid signs the golden message and verifies', async (t) => {
  const { alice, bob } = await keysP;
  const h = signRequest(BODY, alice, bob.address, { nowMs: NOW, uuid: UUID });
  t.is(epistulaMessage(sha256Hex(BODY), h.uuid, h.timestamp, h.signedFor), GOLDEN_MESSAGE);
  t.deepEqual(
    { ...h, signature: undefined },
    {
      version: '3',
      timestamp: '1700000000000',
      uuid: UUID,
      signedBy: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY',
      signedFor: '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty',
      signature: undefined,
    },
  );
  const r = verifyRequest(BODY, requestMetadata(h), { expectedSignedFor: bob.address, nowMs: NOW + 1000 });
  t.true(r.ok);
  if (r.ok) t.is(r.record.signedBy, alice.address);
});

test('the plain request header record carries what the metadata carries and verifies the same', async (t) => {
  const { alice, bob } = await keysP;
  const h = signRequest(BODY, alice, bob.address, { nowMs: NOW, uuid: UUID });
  const record = requestHeaderRecord(h);
  t.deepEqual(record, requestMetadata(h).getMap());
  t.is(record['epistula-request-signature'], h.signature);
  t.true(verifyRequest(BODY, record, { expectedSignedFor: bob.address, nowMs: NOW }).ok);
  t.false(verifyRequest(BODY, { ...record, 'epistula-signed-for': alice.address }, { nowMs: NOW }).ok);
});

test('ed25519 signatures are deterministic: byte-golden', async (t) => {
  const { aliceEd, bob } = await keysP;
  const h = signRequest(BODY, aliceEd, bob.address, { nowMs: NOW, uuid: UUID });
  t.is(
    h.signature,
    '0x85d2130fa676f71e74d0264e133fa44eb1f26c8bb149e893b3484ec6f902384625a29215106c8ca838ba6df44eaae083c289a8fec8ee51756a48ceb2bf9e6907',
  );
  t.true(verifyRequest(BODY, requestMetadata(h), { nowMs: NOW }).ok);
});

test('verifyRequest refuses each kind of bad header with a typed result and never throws', async (t) => {
  const { alice, bob } = await keysP;
  const h = signRequest(BODY, alice, bob.address, { nowMs: NOW, uuid: UUID });
  const opts = { expectedSignedFor: bob.address, nowMs: NOW };
  const cases: Array<[string, Record<string, unknown>, ProtocolErrorCode, Uint8Array?]> = [
    ['no headers', {}, 'missing-signature'],
    ['bad version', { 'epistula-version': '1' }, 'bad-signature'],
    ['bad timestamp', { 'epistula-timestamp': '17e11' }, 'bad-signature'],
    ['bad uuid', { 'epistula-uuid': 'x'.repeat(5000) }, 'bad-signature'],
    ['bad signer', { 'epistula-signed-by': 'not-an-address' }, 'bad-signature'],
    ['signature not hex', { 'epistula-request-signature': '0xzz' }, 'bad-signature'],
    ['wrong signature', { 'epistula-request-signature': `0x${'00'.repeat(64)}` }, 'bad-signature'],
    ['wrong recipient', { 'epistula-signed-for': alice.address }, 'wrong-recipient'],
    ['old', { 'epistula-timestamp': String(NOW - 61_000) }, 'stale'],
    ['future', { 'epistula-timestamp': String(NOW + 6_000) }, 'stale'],
    ['other body', {}, 'bad-signature', new Uint8Array([1, 2, 3])],
    ['non-string value', { 'epistula-uuid': 42 }, 'missing-signature'],
  ];
  const base: Record<string, unknown> = {
    'epistula-version': h.version,
    'epistula-timestamp': h.timestamp,
    'epistula-uuid': h.uuid,
    'epistula-signed-by': h.signedBy,
    'epistula-signed-for': h.signedFor,
    'epistula-request-signature': h.signature,
  };
  for (const [name, patch, code, body] of cases) {
    const src = name === 'no headers' ? {} : { ...base, ...patch };
    const r = verifyRequest(body ?? BODY, src, opts);
    t.false(r.ok, name);
    if (!r.ok) t.is(r.code, code, `${name}: ${r.reason}`);
  }
  const dup = requestMetadata(h);
  dup.add('epistula-uuid', UUID);
  t.false(verifyRequest(BODY, dup, opts).ok, 'duplicated header');
});

test('a signed response verifies for its request uuid and signer only', async (t) => {
  const { alice, bob } = await keysP;
  const res = Buffer.from('answer bytes');
  const md: Metadata = responseMetadata(
    signResponse(res, bob, { uuid: UUID, validatorHotkey: alice.address, requestBodyHash: REQ_HASH }, { nowMs: NOW }),
  );
  t.true(verifyResponse(res, md, { expectedSignedBy: bob.address, expectedSignedFor: alice.address, expectedUuid: UUID, nowMs: NOW }).ok);
  t.false(verifyResponse(res, md, { expectedSignedBy: alice.address, nowMs: NOW }).ok, 'wrong signer');
  t.false(verifyResponse(res, md, { expectedUuid: '00000000-0000-4000-8000-000000000000', nowMs: NOW }).ok, 'wrong uuid');
  t.false(verifyResponse(Buffer.from('other answer'), md, { nowMs: NOW }).ok, 'other body');
  // A response signature is not a request signature.
  t.false(verifyRequest(res, md, { nowMs: NOW }).ok);
});

test('a response signs the hash of the request it answers: another request hash does not verify', async (t) => {
  const { alice, bob } = await keysP;
  const res = Buffer.from('answer bytes');
  const h = signResponse(res, bob, { uuid: UUID, validatorHotkey: alice.address, requestBodyHash: REQ_HASH }, { nowMs: NOW });
  t.is(h.requestHash, REQ_HASH);
  const md = responseMetadata(h);
  t.is(md.get('epistula-request-hash')[0], REQ_HASH);
  const ok = verifyResponse(res, md, { expectedRequestHash: REQ_HASH, nowMs: NOW });
  t.true(ok.ok);
  if (ok.ok) t.is(ok.record.requestBodyHash, REQ_HASH);
  // The validator sent another question: the header names the answered one.
  const other = sha256Hex(Buffer.from('another question'));
  const r = verifyResponse(res, md, { expectedRequestHash: other, nowMs: NOW });
  t.false(r.ok);
  if (!r.ok) t.regex(r.reason, /expected the response to answer request/);
  // Moving the answer to another question in the header or in a stored record breaks the signature.
  const moved = responseMetadata({ ...h, requestHash: other });
  t.false(verifyResponse(res, moved, { nowMs: NOW }).ok, 'header moved to another question');
  if (ok.ok) {
    t.false(verifySignedRecord({ ...ok.record, requestBodyHash: other }).ok, 'record moved to another question');
    const { requestBodyHash: _drop, ...bare } = ok.record;
    t.false(verifySignedRecord(bare).ok, 'record stripped of its question');
  }
  // A response without the header is refused (a version-2 miner), as is a malformed one.
  const noHash = responseMetadata({ ...h, requestHash: undefined });
  const missing = verifyResponse(res, noHash, { nowMs: NOW });
  t.false(missing.ok);
  if (!missing.ok) t.is(missing.code, 'missing-signature');
  t.false(verifyResponse(res, responseMetadata({ ...h, requestHash: 'XY' }), { nowMs: NOW }).ok);
  t.throws(() => signResponse(res, bob, { uuid: UUID, validatorHotkey: alice.address, requestBodyHash: '0xabc' }), {
    message: /requestBodyHash/,
  });
  t.is(
    epistulaMessage(sha256Hex(res), UUID, NOW, alice.address, REQ_HASH),
    `${sha256Hex(res)}.${UUID}.${NOW}.${alice.address}.${REQ_HASH}`,
  );
});

test('a prepared body signs the same golden message as signRequest, for each miner with its own signature', async (t) => {
  const { alice, bob, aliceEd } = await keysP;
  const prepared = prepareBody(BODY);
  t.is(prepared.bodyHash, sha256Hex(BODY));
  t.is(prepared.body, BODY, 'the body is referenced, not copied');
  const h = signPreparedRequest(prepared, alice, bob.address, { nowMs: NOW, uuid: UUID });
  t.is(epistulaMessage(prepared.bodyHash, h.uuid, h.timestamp, h.signedFor), GOLDEN_MESSAGE);
  t.true(verifyRequest(BODY, requestMetadata(h), { expectedSignedFor: bob.address, nowMs: NOW }).ok);
  // Deterministic ed25519: byte-identical to signRequest over the raw body.
  t.is(
    signPreparedRequest(prepared, aliceEd, bob.address, { nowMs: NOW, uuid: UUID }).signature,
    signRequest(BODY, aliceEd, bob.address, { nowMs: NOW, uuid: UUID }).signature,
  );
  // The same prepared body for a second miner: a different signature that verifies only for that miner.
  const h2 = signPreparedRequest(prepared, alice, aliceEd.address, { nowMs: NOW, uuid: UUID });
  t.true(verifyRequest(BODY, requestMetadata(h2), { expectedSignedFor: aliceEd.address, nowMs: NOW }).ok);
  const r = verifyRequest(BODY, requestMetadata(h2), { expectedSignedFor: bob.address, nowMs: NOW });
  t.false(r.ok);
  if (!r.ok) t.is(r.code, 'wrong-recipient');
});

test('verifyParsed with a precomputed hash verifies, and a hash of other bytes does not', async (t) => {
  const { alice, bob } = await keysP;
  const h = signRequest(BODY, alice, bob.address, { nowMs: NOW, uuid: UUID });
  const parsed = parseHeaders(requestMetadata(h), 'request', { nowMs: NOW });
  if (!parsed.ok) return t.fail(parsed.reason);
  t.true(verifyParsed(BODY, parsed, sha256Hex(BODY)).ok);
  t.false(verifyParsed(BODY, parsed, sha256Hex(Buffer.from('x'))).ok);
});

test('a parsed response record is a claim until verifySignedRecord checks it; the record alone proves the answer later', async (t) => {
  const { alice, bob } = await keysP;
  const res = Buffer.from('answer bytes');
  const md = responseMetadata(
    signResponse(res, bob, { uuid: UUID, validatorHotkey: alice.address, requestBodyHash: REQ_HASH }, { nowMs: NOW }),
  );
  const parsed = parseResponse(res, md, { expectedSignedBy: bob.address, expectedUuid: UUID, nowMs: NOW });
  if (!parsed.ok) return t.fail(parsed.reason);
  t.is(parsed.record.bodyHash, responseHash(res));
  t.true(verifySignedRecord(parsed.record).ok);
  t.true(verifySignedRecord(parsed.record, res).ok, 'with the body');
  // Years later, from JSON: no clock limit.
  t.true(verifySignedRecord(JSON.parse(JSON.stringify(parsed.record)) as SignedRecord, res).ok);
  const bad: Array<[string, Partial<SignedRecord>]> = [
    ['other body hash', { bodyHash: sha256Hex(Buffer.from('other')) }],
    ['other uuid', { uuid: '00000000-0000-4000-8000-000000000000' }],
    ['other time', { timestampMs: NOW + 1 }],
    ['other recipient', { signedFor: bob.address }],
    ['other signer', { signedBy: alice.address }],
    ['malformed hash', { bodyHash: 'zz' }],
    ['malformed signature', { signature: '0x00' }],
    ['not an address', { signedBy: 'nope' }],
    ['fractional time', { timestampMs: 1.5 }],
  ];
  for (const [name, patch] of bad) t.false(verifySignedRecord({ ...parsed.record, ...patch }).ok, name);
  t.false(verifySignedRecord(parsed.record, Buffer.from('other answer')).ok, 'body that does not match the record');
  // A forged signature passes the cheap checks of parseResponse but not the record check.
  const forged = responseMetadata({
    ...signResponse(res, alice, { uuid: UUID, validatorHotkey: alice.address, requestBodyHash: REQ_HASH }, { nowMs: NOW }),
    signedBy: bob.address,
  });
  const claim = parseResponse(res, forged, { expectedSignedBy: bob.address, nowMs: NOW });
  t.true(claim.ok);
  if (claim.ok) t.false(verifySignedRecord(claim.record).ok);
  t.false(verifyResponse(res, forged, { nowMs: NOW }).ok);
});

test('a timestamp with leading zeros is refused (a record could not reproduce the signed message)', async (t) => {
  const { alice, bob } = await keysP;
  const h = signRequest(BODY, alice, bob.address, { nowMs: NOW, uuid: UUID });
  const r = verifyRequest(BODY, requestMetadata({ ...h, timestamp: `0${h.timestamp}` }), { nowMs: NOW });
  t.false(r.ok);
  if (!r.ok) t.is(r.code, 'bad-signature');
});
