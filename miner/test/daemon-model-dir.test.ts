import test from 'ava';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { createDevWallet } from '#core';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { MinerClient, type MinerCallError } from '#protocol';
import { buildModel, saveModelToDir, selectBackend } from '#training';
import { formatProgress, loadMinerConfig, ProgressLine, startMiner } from '../src/index.ts';
import { FakeMinerChain } from './_helpers/fake-chain.ts';
import { waitFor } from './_helpers/wait.ts';

test('--model-dir serves that model without training and reloads it when the directory changes', async (t) => {
  await cryptoWaitReady();
  await selectBackend('cpu');
  const dir = await mkdtemp(join(tmpdir(), 'arena-miner-modeldir-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const modelDir = join(dir, 'model');
  const first = buildModel('linear', 1);
  await saveModelToDir(first, modelDir);
  first.dispose();
  const keys = await createDevWallet({
    path: join(dir, 'w'),
    name: 'm',
    hotkey: 'default',
    coldkeyUri: '//DirCold',
    hotkeyUri: '//DirHot',
  });
  const chain = new FakeMinerChain();
  chain.addSubnet(1);
  const validator = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
  chain.addNeuron(1, validator.address, true);
  chain.addNeuron(1, keys.hotkey);
  const config = loadMinerConfig({
    flags: {
      'wallet.path': join(dir, 'w'),
      'wallet.name': 'm',
      'model.dir': modelDir,
      backend: 'cpu',
      dataDir: join(dir, 'data'),
      'grpc.host': '127.0.0.1',
      'grpc.port': 0,
      'metrics.enabled': false,
    },
  });
  const miner = await startMiner(config, { chain });
  t.teardown(() => miner.stop());
  t.is(miner.status().trainer, undefined);
  t.is(miner.status().metricsPort, undefined);
  const client = new MinerClient({ address: `127.0.0.1:${miner.status().grpcPort}`, minerHotkey: keys.hotkey, signer: validator });
  t.teardown(() => client.close());
  const info = (await client.info()).value;
  t.is(info.modelName, 'external');
  t.is(info.parameterCount, 784 * 10 + 10);
  const out = await client.predict({
    competitionId: 'mnist',
    roundId: 1,
    input: { dtype: 'float32', shape: [3, 784], data: new Float32Array(3 * 784).fill(0.5) },
  });
  t.deepEqual(out.value.output.shape, [3, 10]);
  t.is(out.value.checkpointHash, info.checkpointHash);

  const second = buildModel('mlp-small', 2);
  await saveModelToDir(second, modelDir);
  second.dispose();
  // Deregistration (the uid pruned for another hotkey) is noticed; serving goes on; a new uid is picked up.
  const uid = miner.status().uid;
  chain.replaceNeuron(1, uid, new Keyring({ type: 'sr25519' }).addFromUri('//Pruner').address);
  chain.advance();
  t.false(miner.status().registered);
  t.is((await client.info()).value.checkpointHash, info.checkpointHash);
  const newUid = chain.addNeuron(1, keys.hotkey);
  chain.advance();
  t.true(miner.status().registered);
  t.is(miner.status().uid, newUid);

  const reloaded = await waitFor(
    'the reload',
    async () => {
      const i = (await client.info()).value;
      return i.checkpointHash !== info.checkpointHash ? i : undefined;
    },
    15_000,
    100,
  );
  t.true(reloaded.parameterCount > info.parameterCount);
  await miner.stop();
  t.is(miner.status().state, 'stopped');
});

test('the progress line redraws in place and log lines are written above it', (t) => {
  const chunks: string[] = [];
  const line = new ProgressLine({
    write: (s: string) => {
      chunks.push(s);
      return true;
    },
  } as unknown as NodeJS.WritableStream);
  const dest = line.destination();
  dest.write('{"msg":"before"}\n');
  line.update(
    formatProgress({
      step: 1200,
      loss: 0.25,
      samplesPerSec: 3400.4,
      valAccuracy: 0.931,
      servedStep: 1100,
      uid: 3,
      block: 812,
      requests: 14,
    }),
  );
  dest.write('{"msg":"after"}\n');
  line.clear();
  t.deepEqual(chunks, [
    '{"msg":"before"}\n',
    '\r\x1b[2Kstep 1,200 | loss 0.2500 | 3,400 samples/s | val acc 93.1% | serving step 1,100 | uid 3 | block 812 | 14 requests',
    '\r\x1b[2K{"msg":"after"}\nstep 1,200 | loss 0.2500 | 3,400 samples/s | val acc 93.1% | serving step 1,100 | uid 3 | block 812 | 14 requests',
    '\r\x1b[2K',
  ]);
  t.is(formatProgress({}), 'serving: none yet');
});

test('before the first checkpoint, Predict answers UNAVAILABLE and health says NOT_SERVING for MinerService', async (t) => {
  await cryptoWaitReady();
  const dir = await mkdtemp(join(tmpdir(), 'arena-miner-nockpt-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const keys = await createDevWallet({
    path: join(dir, 'w'),
    name: 'm',
    hotkey: 'default',
    coldkeyUri: '//NoCkCold',
    hotkeyUri: '//NoCkHot',
  });
  const chain = new FakeMinerChain();
  chain.addSubnet(1);
  const validator = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
  chain.addNeuron(1, validator.address, true);
  chain.addNeuron(1, keys.hotkey);
  // No maxSteps and evalEvery far away: no validation, so no checkpoint, during this test. Backend cpu like the
  // other test of this file: tfjs's backend is process-global and these tests run concurrently.
  const config = loadMinerConfig({
    flags: {
      'wallet.path': join(dir, 'w'),
      'wallet.name': 'm',
      'model.name': 'linear',
      backend: 'cpu',
      'training.evalEvery': 1_000_000,
      dataDir: join(dir, 'data'),
      'grpc.host': '127.0.0.1',
      'grpc.port': 0,
      'metrics.enabled': false,
    },
  });
  const miner = await startMiner(config, { chain });
  t.teardown(() => miner.stop());
  const client = new MinerClient({ address: `127.0.0.1:${miner.status().grpcPort}`, minerHotkey: keys.hotkey, signer: validator });
  t.teardown(() => client.close());
  t.is(await client.health({ service: 'arena.v1.MinerService' }), 'NOT_SERVING');
  t.is(await client.health(), 'SERVING');
  const err = await t.throwsAsync(
    client.predict({ competitionId: 'mnist', roundId: 1, input: { dtype: 'float32', shape: [1, 784], data: new Float32Array(784) } }),
  );
  t.is((err as MinerCallError).grpcCode, GrpcStatus.UNAVAILABLE);
  t.regex(err!.message, /no model to serve yet/);
  const info = (await client.info()).value;
  t.is(info.checkpointHash, '');
  t.is(info.modelName, 'linear');
  await miner.stop();
});
