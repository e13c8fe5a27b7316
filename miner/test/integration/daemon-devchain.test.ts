/**
 * The miner as users run it: a real `arena devchain` process and real `arena miner` processes on 127.0.0.1.
 */
import '@polkadot/api-augment';
import test, { type ExecutionContext } from 'ava';
import { Client, credentials, Metadata, status as GrpcStatus, type ServiceError } from '@grpc/grpc-js';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { ipFromChain } from '#core';
import { encodePredictRequest, MINER_SERVICE, type MinerCallError, MinerClient, type PredictRequest } from '#protocol';
import { loadBuiltinCompetition, loadHeldOutSplit, scorePredictions } from '#training';
import { spawnArena } from '../_helpers/processes.ts';
import { chainWithSubnet, minerArgs, minerWallet, NETUID } from '../_helpers/devchain-subnet.ts';
import { waitFor } from '../_helpers/wait.ts';

/** A call with no Epistula headers at all, as a bare gRPC client would send it. */
function unsignedPredict(t: ExecutionContext, address: string, req: PredictRequest): Promise<ServiceError | Buffer> {
  const c = new Client(address, credentials.createInsecure(), { 'grpc.max_send_message_length': 64 << 20 });
  t.teardown(() => c.close());
  return new Promise((resolve) => {
    c.makeUnaryRequest(
      MINER_SERVICE.Predict.path,
      (b: Buffer) => b,
      (b: Buffer) => b,
      encodePredictRequest(req),
      new Metadata(),
      { deadline: Date.now() + 10_000 },
      (err, res) => resolve(err ?? res ?? Buffer.alloc(0)),
    );
  });
}

test('the miner registers, serves its axon, trains, answers only permitted validators, and resumes after kill -9', async (t) => {
  // Not an assertion: above the named waits added up (30 s devchain start, then 60 + 90 + 60 + 30 + 60 s, and
  // 15 s call deadlines), so a slow run fails on the wait that was slow, with its name.
  t.timeout(420_000);
  const t0 = performance.now();
  const phase = (what: string): void => t.log(`${what} at ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await cryptoWaitReady();
  const { url, api, dir } = await chainWithSubnet(t);
  const keys = await minerWallet(dir);
  const miner = spawnArena(t, minerArgs(url, dir, ['--register']));
  const started = await miner.waitLine('miner started', (l) => l.msg === 'miner started', 60_000);
  const grpcPort = started.grpcPort as number;
  phase('miner started');
  t.true(miner.lines.some((l) => l.msg === 'hotkey not registered; registering (the coldkey pays the burn)' && l.burn === '1 TAO'));
  const uid = (await api.query.subtensorModule.uids(NETUID, keys.hotkey)).unwrap().toNumber();
  t.is(started.uid, uid);
  const axon = (await api.query.subtensorModule.axons(NETUID, keys.hotkey)).unwrap();
  t.is(ipFromChain(axon.ip.toBigInt(), axon.ipType.toNumber()), '127.0.0.1');
  t.is(axon.port.toNumber(), grpcPort);

  const k = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const validator = k.addFromUri('//Alice//validator');
  const address = `127.0.0.1:${grpcPort}`;
  const client = (signer = validator): MinerClient => {
    const c = new MinerClient({ address, minerHotkey: keys.hotkey, signer, defaultDeadlineMs: 15_000 });
    t.teardown(() => c.close());
    return c;
  };
  const good = client();
  // The first checkpoint (--training.eval-every 40) already beats chance by far: waiting for a later one only
  // spent the CPU of 80 more training steps.
  await waitFor('a served checkpoint (step >= 40)', async () => (await good.info()).value.trainingStep >= 40, 90_000, 250);
  phase('checkpoint at step >= 40 served');

  const heldOut = loadHeldOutSplit(loadBuiltinCompetition('mnist'));
  const n = 500;
  const req: PredictRequest = {
    competitionId: 'mnist',
    roundId: 7,
    input: { dtype: 'float32', shape: [n, 784], data: heldOut.inputs.subarray(0, n * 784) },
  };
  const [answer, unsigned, stranger, noPermit] = await Promise.allSettled([
    good.predict(req),
    unsignedPredict(t, address, req),
    client(k.addFromUri('//Ferdie')).predict(req),
    client(k.addFromUri('//Dave//nopermit')).predict(req),
  ]);
  if (answer.status !== 'fulfilled') return t.fail(String(answer.reason));
  const score = scorePredictions(
    answer.value.value.output.data as Float32Array,
    answer.value.value.output.shape,
    heldOut.labels.slice(0, n),
  );
  t.log(`held-out accuracy ${score.accuracy} at step ${answer.value.value.trainingStep}`);
  t.true(score.accuracy > 0.5, `held-out accuracy ${score.accuracy}`);
  t.is(unsigned.status === 'fulfilled' && (unsigned.value as ServiceError).code, GrpcStatus.UNAUTHENTICATED);
  for (const r of [stranger, noPermit]) {
    t.is(r.status === 'rejected' && (r.reason as MinerCallError).grpcCode, GrpcStatus.PERMISSION_DENIED);
  }

  phase('answers checked');
  // kill -9, restart without --register: it is registered, the axon is unchanged, and training resumes.
  const before = (await good.info()).value.trainingStep;
  miner.child.kill('SIGKILL');
  await miner.exited;
  const again = spawnArena(t, minerArgs(url, dir, ['--grpc.port', String(grpcPort)]));
  const trainer = await again.waitLine('trainer started', (l) => l.msg === 'trainer started', 60_000);
  t.true(trainer.resumed === true);
  t.true((trainer.step as number) >= before, `resumed at ${String(trainer.step)}, served ${before} before the kill`);
  await again.waitLine('miner started', (l) => l.msg === 'miner started', 30_000);
  phase('miner restarted');
  t.true(again.lines.some((l) => l.msg === 'axon already on chain; not serving again'));
  const good2 = client();
  t.true((await good2.info()).value.trainingStep >= before);
  await waitFor('a new checkpoint after the restart', async () => (await good2.info()).value.trainingStep > before, 60_000, 250);

  phase('new checkpoint after the restart');
  again.child.kill('SIGTERM');
  const exit = await again.exited;
  phase('miner stopped');
  t.is(exit.code, 0);
  t.true(again.lines.some((l) => l.msg === 'miner stopped'));
});
