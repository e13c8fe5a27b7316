import { Client, credentials, type Metadata, type ServiceError } from '@grpc/grpc-js';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { MinerClient, type MinerInfo } from '#protocol';
import type { ExecutionContext } from 'ava';
import {
  createMinerServer,
  InMemoryCallerDirectory,
  type MinerServer,
  type MinerServerOptions,
  type Predictor,
} from '../../../src/server/index.ts';

export const IN = 784;
export const OUT = 10;

/** Deterministic "model": out[r][j] = sum_i in[r][i] * ((i + j) % 7 - 3) / 100. */
export function linearPredict(input: Float32Array, batch: number): Float32Array {
  const out = new Float32Array(batch * OUT);
  for (let r = 0; r < batch; r++) {
    for (let j = 0; j < OUT; j++) {
      let s = 0;
      for (let i = 0; i < IN; i++) s += (input[r * IN + i]! * (((i + j) % 7) - 3)) / 100;
      out[r * OUT + j] = s;
    }
  }
  return out;
}

export const linearPredictor: Predictor = {
  predict: async (input, shape) => ({ data: linearPredict(input, shape[0]!), shape: [shape[0]!, OUT] }),
};

export const INFO: Omit<MinerInfo, 'hotkey'> = {
  competitionId: 'mnist',
  backend: 'test-linear',
  parameterCount: IN * OUT,
  checkpointHash: `0x${'ab'.repeat(32)}`,
  trainingStep: 42,
  modelName: 'linear-784-10',
  version: '0.1.0',
};

export interface Keys {
  alice: KeyringPair; // validator with permit
  bob: KeyringPair; // the miner
  charlie: KeyringPair; // not registered
  dave: KeyringPair; // registered, no permit
  eve: KeyringPair; // validator with permit (rate-limit victim)
  ferdie: KeyringPair; // a competitor miner holding a permit but little stake (below the floor)
}

export async function devKeys(): Promise<Keys> {
  await cryptoWaitReady();
  const k = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const [alice, bob, charlie, dave, eve, ferdie] = ['//Alice', '//Bob', '//Charlie', '//Dave', '//Eve', '//Ferdie'].map((u) =>
    k.addFromUri(u),
  );
  return { alice: alice!, bob: bob!, charlie: charlie!, dave: dave!, eve: eve!, ferdie: ferdie! };
}

export const TAO = 1_000_000_000n;
/** The stake floor of `directoryFor`: 100 TAO. */
export const FLOOR_RAO = 100n * TAO;

/** The dev keys' directory; `extraValidators` are added as permitted, staked validators (uids 100, 101, ...). */
export function directoryFor(keys: Keys, extraValidators: readonly string[] = []): InMemoryCallerDirectory {
  return new InMemoryCallerDirectory(
    {
      ...Object.fromEntries(extraValidators.map((a, i) => [a, { uid: 100 + i, validatorPermit: true, stakeRao: 1000n * TAO }])),
      [keys.alice.address]: { uid: 0, validatorPermit: true, stakeRao: 1000n * TAO },
      [keys.dave.address]: { uid: 3, validatorPermit: false, stakeRao: 1000n * TAO },
      [keys.eve.address]: { uid: 4, validatorPermit: true, stakeRao: 1000n * TAO },
      [keys.ferdie.address]: { uid: 5, validatorPermit: true, stakeRao: TAO / 2n },
    },
    FLOOR_RAO,
  );
}

/** Starts a miner server on 127.0.0.1:0 with teardown. */
export async function startServer(
  t: ExecutionContext,
  keys: Keys,
  over: Partial<MinerServerOptions> = {},
): Promise<{ server: MinerServer; address: string; directory: InMemoryCallerDirectory }> {
  const directory = directoryFor(keys);
  const server = createMinerServer({
    predictor: linearPredictor,
    info: () => INFO,
    callerDirectory: directory,
    hotkey: keys.bob,
    limits: { inputShape: [IN], outputShape: [OUT], maxBatch: 64, maxMessageBytes: 1024 * 1024 },
    rateLimit: { ratePerSec: 1000, burst: 1000 },
    ...over,
  });
  const { port } = await server.start('127.0.0.1', 0);
  t.teardown(() => server.stop(100));
  return { server, address: `127.0.0.1:${port}`, directory };
}

export function client(t: ExecutionContext, address: string, keys: Keys, signer: KeyringPair = keys.alice): MinerClient {
  const c = new MinerClient({ address, minerHotkey: keys.bob.address, signer, defaultDeadlineMs: 10_000 });
  t.teardown(() => c.close());
  return c;
}

/** A bare grpc-js channel to send hand-made bytes and metadata (what a hostile caller can do). */
export function rawChannel(
  t: ExecutionContext,
  address: string,
): (path: string, body: Buffer, md: Metadata) => Promise<ServiceError | Buffer> {
  const c = new Client(address, credentials.createInsecure(), {
    'grpc.max_send_message_length': 64 * 1024 * 1024,
    'grpc.max_receive_message_length': 64 * 1024 * 1024,
  });
  t.teardown(() => c.close());
  return (path, body, md) =>
    new Promise((resolve) => {
      c.makeUnaryRequest(
        path,
        (b: Buffer) => b,
        (b: Buffer) => b,
        body,
        md,
        { deadline: Date.now() + 10_000 },
        (err, res) => resolve(err ?? res ?? Buffer.alloc(0)),
      );
    });
}

export function batch(rows: number, seed = 1): Float32Array {
  const a = new Float32Array(rows * IN);
  let x = seed;
  for (let i = 0; i < a.length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    a[i] = x / 2147483648;
  }
  return a;
}
