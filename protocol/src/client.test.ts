import { Server, ServerCredentials, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import test, { type ExecutionContext } from 'ava';
import { MinerClient, preparePredictRequest } from './client.ts';
import { isProtocolError } from './errors.ts';
import { decodePredictRequest, encodePredictRequest, encodePredictResponse, type PredictRequest } from './messages.ts';
import { MINER_SERVICE } from './services.ts';
import { responseMetadata, sha256Hex, signResponse, verifyRequest, verifySignedRecord, type SignedRecord } from './signing.ts';

const keysP = cryptoWaitReady().then(() => {
  const kr = new Keyring({ type: 'sr25519', ss58Format: 42 });
  return { alice: kr.addFromUri('//Alice'), bob: kr.addFromUri('//Bob'), charlie: kr.addFromUri('//Charlie') };
});

const REQUEST: PredictRequest = {
  competitionId: 'mnist',
  roundId: 9,
  input: { dtype: 'float32', shape: [4, 784], data: new Float32Array(4 * 784).map((_, i) => (i % 17) / 17) },
};

interface Seen {
  bodyHash: string;
  signedFor: string;
  signature: string;
}

/**
 * A minimal signed miner on 127.0.0.1: verifies each request for `hotkey`, records what it saw, and answers
 * zeros signed by `responder` and claimed as `claimAs` (other keys play a miner that forges or misattributes answers).
 */
async function miner(
  t: ExecutionContext,
  hotkey: KeyringPair,
  responder: KeyringPair = hotkey,
  claimAs: string = hotkey.address,
): Promise<{ address: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = new Server({ 'grpc.max_receive_message_length': 16 << 20 });
  server.addService(MINER_SERVICE, {
    Predict: (call: ServerUnaryCall<Buffer, Buffer>, cb: sendUnaryData<Buffer>) => {
      const v = verifyRequest(call.request, call.metadata, { expectedSignedFor: hotkey.address });
      if (!v.ok) return cb({ code: 16, details: v.reason });
      seen.push({ bodyHash: v.record.bodyHash, signedFor: v.record.signedFor, signature: v.record.signature });
      const req = decodePredictRequest(call.request);
      const rows = req.input.shape[0]!;
      const body = encodePredictResponse({
        competitionId: req.competitionId,
        roundId: req.roundId,
        output: { dtype: 'float32', shape: [rows, 10], data: new Float32Array(rows * 10) },
        checkpointHash: '0x00',
        trainingStep: 1,
        computeMicros: 1,
      });
      const h = signResponse(body, responder, {
        uuid: v.record.uuid,
        validatorHotkey: v.record.signedBy,
        requestBodyHash: v.record.bodyHash,
      });
      call.sendMetadata(responseMetadata({ ...h, signedBy: claimAs }));
      cb(null, body);
    },
    Info: (_c: ServerUnaryCall<Buffer, Buffer>, cb: sendUnaryData<Buffer>) => cb(null, Buffer.alloc(0)),
  });
  const port = await new Promise<number>((res, rej) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (e, p) => (e ? rej(e) : res(p))),
  );
  t.teardown(() => server.forceShutdown());
  return { address: `127.0.0.1:${port}`, seen };
}

function client(t: ExecutionContext, address: string, minerHotkey: string, signer: KeyringPair): MinerClient {
  const c = new MinerClient({ address, minerHotkey, signer });
  t.teardown(() => c.close());
  return c;
}

test('one prepared request sent to two miners verifies on both, with one shared body hash and per-miner signatures', async (t) => {
  const { alice, bob, charlie } = await keysP;
  const [m1, m2] = await Promise.all([miner(t, bob), miner(t, charlie)]);
  const prepared = preparePredictRequest(REQUEST);
  t.deepEqual(prepared.body, encodePredictRequest(REQUEST), 'same bytes as the one-off encoding');
  t.is(prepared.bodyHash, sha256Hex(prepared.body));
  const [r1, r2] = await Promise.all([
    client(t, m1.address, bob.address, alice).predictPrepared(prepared, { deadlineMs: 5_000 }),
    client(t, m2.address, charlie.address, alice).predictPrepared(prepared, { deadlineMs: 5_000 }),
  ]);
  t.is(m1.seen.length, 1);
  t.is(m2.seen.length, 1);
  t.is(m1.seen[0]!.bodyHash, prepared.bodyHash);
  t.is(m2.seen[0]!.bodyHash, prepared.bodyHash);
  t.is(m1.seen[0]!.signedFor, bob.address);
  t.is(m2.seen[0]!.signedFor, charlie.address);
  t.not(m1.seen[0]!.signature, m2.seen[0]!.signature);
  for (const [r, who] of [
    [r1, bob],
    [r2, charlie],
  ] as const) {
    t.true(r.verified);
    t.deepEqual(r.value.output.shape, [4, 10]);
    t.is(r.record.signedBy, who.address);
    t.is(r.record.signedFor, alice.address);
    // The response record still proves the answer, also after a JSON round trip.
    t.true(verifySignedRecord(JSON.parse(JSON.stringify(r.record)) as SignedRecord, r.body).ok);
  }
  // predict() is the same path: encode + hash per call.
  const again = await client(t, m1.address, bob.address, alice).predict(REQUEST, { deadlineMs: 5_000 });
  t.is(m1.seen[1]!.bodyHash, prepared.bodyHash);
  t.true(again.verified);
});

test('a forged answer rejects at once by default, and with a deferred check resolves unverified and fails verify()', async (t) => {
  const { alice, bob, charlie } = await keysP;
  const forger = await miner(t, bob, charlie); // claims Bob, signs with Charlie's key
  const c = client(t, forger.address, bob.address, alice);
  const prepared = preparePredictRequest(REQUEST);
  const err = await t.throwsAsync(c.predictPrepared(prepared, { deadlineMs: 5_000 }));
  t.true(isProtocolError(err) && err.code === 'bad-signature', String(err));
  const r = await c.predictPrepared(prepared, { deadlineMs: 5_000, verifyResponse: 'defer' });
  t.false(r.verified);
  const v = r.verify();
  t.false(v.ok);
  if (!v.ok) t.is(v.code, 'bad-signature');
  t.false(r.verified);
  // An honest miner's deferred answer verifies later and then counts as verified.
  const honest = await miner(t, charlie);
  const h = await client(t, honest.address, charlie.address, alice).predictPrepared(prepared, {
    deadlineMs: 5_000,
    verifyResponse: 'defer',
  });
  t.false(h.verified);
  t.true(h.verify().ok);
  t.true(h.verified);
});

test('the cheap response checks still run when the signature check is deferred', async (t) => {
  const { alice, bob, charlie } = await keysP;
  // Validly signed by Charlie and saying so, but the client asked Bob: refused before any sr25519 work.
  const m = await miner(t, bob, charlie, charlie.address);
  const c = client(t, m.address, bob.address, alice);
  const err = await t.throwsAsync(c.predictPrepared(preparePredictRequest(REQUEST), { deadlineMs: 5_000, verifyResponse: 'defer' }));
  t.true(isProtocolError(err) && err.code === 'bad-signature' && err.message.includes('expected signer'), String(err));
  t.is(m.seen.length, 1);
});
