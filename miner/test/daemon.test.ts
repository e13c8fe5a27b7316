import test from 'ava';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { ArenaError, ChainError, createDevWallet } from '#core';
import { MinerCallError, MinerClient } from '#protocol';
import { loadBuiltinCompetition, loadHeldOutSplit, scorePredictions } from '#training';
import { loadMinerConfig, startMiner, type MinerConfig, type MinerHandle } from '../src/index.ts';
import { FakeMinerChain } from './_helpers/fake-chain.ts';
import { waitFor } from './_helpers/wait.ts';

const NETUID = 2;

async function setup(t: import('ava').ExecutionContext, over: Record<string, unknown> = {}) {
  await cryptoWaitReady();
  const dir = await mkdtemp(join(tmpdir(), 'arena-miner-daemon-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const wallets = join(dir, 'wallets');
  const keys = await createDevWallet({ path: wallets, name: 'm1', hotkey: 'default', coldkeyUri: '//MinerCold', hotkeyUri: '//MinerHot' });
  const config = loadMinerConfig({
    flags: {
      netuid: NETUID,
      'wallet.path': wallets,
      'wallet.name': 'm1',
      dataDir: join(dir, 'data'),
      'grpc.host': '127.0.0.1',
      'grpc.port': 0,
      'metrics.port': 0,
      'axon.checkEveryBlocks': 1,
      'axon.retryAfterBlocks': 2,
      'model.name': 'mlp',
      'training.batchSize': 128,
      'training.evalEvery': 40,
      'training.progressEvery': 10,
      'training.seed': 3,
      ...over,
    },
  });
  const chain = new FakeMinerChain();
  chain.addSubnet(NETUID);
  const k = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const validator = k.addFromUri('//Alice');
  const noPermit = k.addFromUri('//Dave');
  const stranger = k.addFromUri('//Charlie');
  chain.addNeuron(NETUID, validator.address, true);
  chain.addNeuron(NETUID, noPermit.address, false);
  return { dir, config, chain, keys, validator, noPermit, stranger };
}

async function start(t: import('ava').ExecutionContext, config: MinerConfig, chain: FakeMinerChain): Promise<MinerHandle> {
  const miner = await startMiner(config, {
    chain,
    ...(process.env.MINER_TEST_LOG
      ? { logger: (await import('pino')).pino({ level: 'debug' }, (await import('pino')).pino.destination(process.env.MINER_TEST_LOG)) }
      : {}),
  });
  t.teardown(() => miner.stop());
  return miner;
}

test('an unregistered hotkey without --register refuses to start, naming the burn and the flag', async (t) => {
  const { config, chain } = await setup(t);
  const err = await t.throwsAsync(startMiner(config, { chain }), { instanceOf: ArenaError });
  t.is(err!.exitCode, 2);
  t.regex(err!.message, /is not registered on subnet 2 on fake:\/\/chain.*--register.*burn 1 TAO/s);
  t.is(chain.registerCalls, 0);
  t.true(chain.closed);
});

test('--register with a coldkey that cannot afford the burn fails with balance and cost, paying nothing', async (t) => {
  const { config, chain, keys } = await setup(t, { register: true });
  chain.balances.set(keys.coldkey, 500_000_000n);
  const err = await t.throwsAsync(startMiner(config, { chain }), { instanceOf: ArenaError });
  t.is(err!.exitCode, 2);
  t.regex(err!.message, /cannot afford registration.*expected at least 1 TAO.*found a free balance of 0\.5 TAO/s);
  t.is(chain.registerCalls, 0);
});

test('a missing subnet is a clear usage error', async (t) => {
  const { config, chain } = await setup(t, { netuid: 9 });
  await t.throwsAsync(startMiner(config, { chain }), { message: /subnet 9 does not exist on fake:\/\/chain/ });
});

test('the daemon registers, serves its axon, trains, answers permitted validators only, keeps permits in sync, re-serves a changed axon and resumes after a restart', async (t) => {
  // Not an assertion: above the named waits added up (60 + 60 + 30 + 30 + 30 + 30 + 60 s), so a slow run fails
  // on the wait that was slow, with its name.
  t.timeout(420_000);
  const { config, chain, keys, validator, noPermit, stranger } = await setup(t, { register: true, 'training.maxSteps': 120 });
  chain.balances.set(keys.coldkey, 5_000_000_000n);
  const miner = await start(t, config, chain);
  const st = miner.status();
  t.is(st.uid, 2);
  t.is(chain.registerCalls, 1);
  t.is(chain.balances.get(keys.coldkey), 5_000_000_000n - chain.burn - chain.fee);
  t.deepEqual(chain.serveCalls, [{ ip: '127.0.0.1', port: st.grpcPort, hotkey: keys.hotkey }]);
  t.is(st.knownCallers, 3);

  const address = `127.0.0.1:${st.grpcPort}`;
  const mk = (signer: typeof validator): MinerClient => {
    const c = new MinerClient({ address, minerHotkey: keys.hotkey, signer, defaultDeadlineMs: 10_000 });
    t.teardown(() => c.close());
    return c;
  };
  const good = mk(validator);
  await waitFor('a served checkpoint', async () => (await good.info()).value.trainingStep > 0, 60_000, 200);
  const competition = loadBuiltinCompetition('mnist');
  const heldOut = loadHeldOutSplit(competition);
  const n = 512;
  const input = { dtype: 'float32' as const, shape: [n, 784], data: heldOut.inputs.subarray(0, n * 784) };
  const req = { competitionId: 'mnist', roundId: 1, input };
  await waitFor('training to finish', () => miner.status().trainer?.state === 'finished', 60_000, 100);
  const [answer, ...refusals] = await Promise.allSettled([good.predict(req), mk(stranger).predict(req), mk(noPermit).predict(req)]);
  t.is(answer.status, 'fulfilled');
  const out = (answer as PromiseFulfilledResult<Awaited<ReturnType<MinerClient['predict']>>>).value.value;
  const score = scorePredictions(out.output.data as Float32Array, out.output.shape, heldOut.labels.slice(0, n));
  t.true(score.accuracy > 0.5, `held-out accuracy ${score.accuracy}`);
  t.regex(out.checkpointHash, /^0x[0-9a-f]{64}$/);
  for (const r of refusals) {
    t.is(r.status, 'rejected');
    t.is(((r as PromiseRejectedResult).reason as MinerCallError).grpcCode, GrpcStatus.PERMISSION_DENIED);
  }

  // Permits follow the metagraph: the validator loses its permit, then gets it back.
  chain.setPermit(NETUID, validator.address, false);
  chain.advance();
  const denied = await t.throwsAsync(good.info(), { instanceOf: MinerCallError });
  t.is(denied!.grpcCode, GrpcStatus.PERMISSION_DENIED);
  chain.setPermit(NETUID, validator.address, true);
  chain.advance();
  t.true((await good.info()).value.trainingStep > 0);

  // Somebody changed the axon on chain: a failed re-serve is retried after retryAfterBlocks.
  chain.setAxon(NETUID, keys.hotkey, { ip: '10.1.2.3', port: 1 });
  chain.failNextServe = new ChainError('CHAIN_DISPATCH', 'ServingRateLimitExceeded', {
    dispatch: { pallet: 'SubtensorModule', name: 'ServingRateLimitExceeded', docs: '' },
  });
  chain.advance();
  const failedAt = chain.block;
  await waitFor('the failed serve', () => chain.failNextServe === undefined);
  // The failure is handled in promise continuations (they set the retry block and clear the busy flag): let
  // them all run, else the next block is skipped as busy and a premature re-serve there would go unseen.
  await new Promise((r) => setImmediate(r));
  chain.advance();
  await waitFor('the miner to see the block after the failure', () => miner.status().block === failedAt + 1, 30_000, 10);
  await new Promise((r) => setImmediate(r)); // a re-serve started on that block has had its turn to reach the chain
  t.is(chain.serveCalls.length, 1, `re-served at block ${failedAt + 1}, before retryAfterBlocks (2) had passed`);
  chain.advance(2);
  await waitFor('the re-serve', () => chain.serveCalls.length === 2, 30_000);
  t.deepEqual(chain.serveCalls[1], { ip: '127.0.0.1', port: st.grpcPort, hotkey: keys.hotkey });

  const metrics = await fetch(`http://127.0.0.1:${st.metricsPort}/metrics`).then((r) => r.text());
  t.regex(metrics, /arena_miner_training_step 120/);
  const health = await fetch(`http://127.0.0.1:${st.metricsPort}/health`);
  t.is(health.status, 200, 'a miner serving a model is healthy');
  t.deepEqual(await health.json(), { status: 'SERVING' });
  t.regex(metrics, /arena_miner_grpc_requests_total\{method="Predict",status="PERMISSION_DENIED"\} 2/);

  // The newest checkpoint loads (in its own thread) a moment after it is written: wait until it is served.
  await waitFor('the best checkpoint to be served', () => miner.status().serving?.step === miner.status().trainer?.bestStep, 30_000, 50);
  const servedStep = miner.status().serving!.step;
  await miner.stop();
  t.is(miner.status().state, 'stopped');
  t.true(chain.closed);

  // Restart: registered already, axon already on chain (not served again), resumes from the checkpoint.
  const again = await start(
    t,
    { ...config, grpc: { ...config.grpc, port: st.grpcPort }, training: { ...config.training, maxSteps: 160 } },
    chain,
  );
  t.is(chain.registerCalls, 1);
  t.is(chain.serveCalls.length, 2);
  t.is(again.status().serving?.step, servedStep);
  await waitFor('resumed training to finish', () => again.status().trainer?.state === 'finished', 60_000, 100);
  const tr = again.status().trainer!;
  t.true(tr.resumed);
  t.is(tr.step, 160);
});

test('--register with an encrypted coldkey reads --wallet.coldkey-password-file, and says what to do without it', async (t) => {
  t.timeout(60_000);
  await cryptoWaitReady();
  const dir = await mkdtemp(join(tmpdir(), 'arena-miner-enc-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const wallets = join(dir, 'wallets');
  const keys = await createDevWallet({
    path: wallets,
    name: 'enc',
    hotkey: 'default',
    coldkeyUri: '//EncCold',
    hotkeyUri: '//EncHot',
    password: 'correct horse',
  });
  const pwFile = join(dir, 'pw');
  await writeFile(pwFile, 'correct horse\n', { mode: 0o600 });
  const base = {
    netuid: NETUID,
    'wallet.path': wallets,
    'wallet.name': 'enc',
    register: true,
    'grpc.host': '127.0.0.1',
    'grpc.port': 0,
    'metrics.enabled': false,
  };
  const chain = new FakeMinerChain();
  chain.addSubnet(NETUID);
  chain.balances.set(keys.coldkey, 2_000_000_000n);
  // --model-dir is a directory that is not a model: the miner registers, then fails to serve it (nothing trains).
  const noPassword = await t.throwsAsync(startMiner(loadMinerConfig({ flags: { ...base, 'model.dir': dir } }), { chain }), {
    instanceOf: ArenaError,
  });
  t.is(noPassword!.code, 'PASSWORD_REQUIRED');
  t.regex(noPassword!.message, /coldkey of wallet enc is encrypted.*--wallet\.coldkey-password-file/);
  t.is(chain.registerCalls, 0);
  const withFile = loadMinerConfig({ flags: { ...base, 'model.dir': dir, 'wallet.coldkeyPasswordFile': pwFile } });
  // The registration succeeds; serving then fails on the (deliberately) non-model directory, after paying.
  await t.throwsAsync(startMiner(withFile, { chain }), { message: /cannot serve --model-dir/ });
  t.is(chain.registerCalls, 1);
  t.is(await chain.uidOf(NETUID, keys.hotkey), 0);
});
