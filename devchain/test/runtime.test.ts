import test from 'ava';
import { readFileSync } from 'node:fs';
import { TypeRegistry, Metadata } from '@polkadot/types';
import { blake2AsHex, xxhashAsHex, cryptoWaitReady } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import { Keyring } from '@polkadot/keyring';
import {
  Runtime,
  BASE_PALLETS,
  System,
  DevchainConfigSchema,
  encode,
  decode,
  T,
  option,
  vec,
  compact,
  StorageMap,
  genesisFromConfig,
  taoToRao,
} from '#devchain';

const rt = new Runtime(BASE_PALLETS, { blockTimeMs: 1000 });

test('metadata V14 and V15 decode with @polkadot/types and list pallets at subtensor indices', (t) => {
  for (const v of [14, 15] as const) {
    const registry = new TypeRegistry();
    const m = new Metadata(registry, rt.metadata(v));
    t.is(m.version, v);
    registry.setMetadata(m);
    const pallets = Object.fromEntries(m.asLatest.pallets.map((p) => [p.name.toString(), p.index.toNumber()]));
    t.deepEqual(pallets, { System: 0, Timestamp: 2, Balances: 5, TransactionPayment: 6, Utility: 11, Sudo: 12 });
    t.deepEqual(
      m.asLatest.extrinsic.transactionExtensions.map((e) => e.identifier.toString()),
      [
        'CheckNonZeroSender',
        'CheckSpecVersion',
        'CheckTxVersion',
        'CheckGenesis',
        'CheckMortality',
        'CheckNonce',
        'CheckWeight',
        'ChargeTransactionPayment',
        'SudoTransactionExtension',
        'CheckShieldedTxValidity',
        'SubtensorTransactionExtension',
        'DrandPriority',
        'CheckMetadataHash',
      ],
    );
    const call = registry.createType('Call', { callIndex: [5, 3], args: { dest: { Id: new Uint8Array(32) }, value: 1 } });
    t.is(call.method, 'transferKeepAlive');
  }
  const v15 = new Metadata(new TypeRegistry(), rt.metadata(15)).asV15;
  t.deepEqual(v15.apis.map((a) => a.name.toString()).sort(), ['AccountNonceApi', 'Core', 'Metadata', 'TransactionPaymentApi']);
});

test('runtime version: node-subtensor, spec 425, api ids are blake2_64 of the names', (t) => {
  const v = rt.versionJson() as { specName: string; specVersion: number; transactionVersion: number; apis: [string, number][] };
  t.is(v.specName, 'node-subtensor');
  t.is(v.specVersion, 425);
  t.is(v.transactionVersion, 1);
  t.deepEqual(
    v.apis.find(([id]) => id === blake2AsHex('Core', 64)),
    ['0xdf6acb689907609b', 5],
  );
  t.truthy(v.apis.find(([id]) => id === '0x37e397fc7c91f5e4')); // Metadata
});

test('storage keys match Substrate: System.Account is twox128 ++ twox128 ++ blake2_128concat(AccountId)', async (t) => {
  await cryptoWaitReady();
  const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice').publicKey;
  const expected =
    xxhashAsHex('System', 128) + xxhashAsHex('Account', 128).slice(2) + blake2AsHex(alice, 128).slice(2) + u8aToHex(alice).slice(2);
  t.is(System.Storage.Account.key(alice), expected);
  t.is(System.Storage.Account.prefix, '0x26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9');
  const m = new StorageMap<number, bigint>('X', 'Y', 'Twox64Concat', T.u16, T.u64, 0n);
  t.true(m.key(7).endsWith('0700'));
});

test('the SCALE codec round-trips options, vectors, compacts and bools', (t) => {
  const type = T.struct('x::Y', { a: option(T.u32), b: vec(compact(T.u128)), c: T.bool, d: option(T.bool), e: T.i64 });
  const value = { a: 5, b: [0n, 63n, 64n, 16383n, 16384n, 2n ** 30n, 2n ** 100n], c: true, d: false, e: -3n };
  const bytes = encode(type, value);
  t.deepEqual(decode(type, bytes), value);
  const registry = new TypeRegistry();
  t.is(u8aToHex(encode(vec(compact(T.u128)), value.b)), registry.createType('Vec<Compact<u128>>', value.b).toHex());
  t.throws(() => decode(T.u32, Uint8Array.of(1, 2)), { message: /expected 4 more bytes/ });
  t.throws(() => decode(T.u8, Uint8Array.of(1, 2)), { message: /trailing/ });
});

test('the shipped devchain config parses; bad values and unknown keys are refused', (t) => {
  const file = JSON.parse(readFileSync(new URL('../../configs/devchain/local.json', import.meta.url), 'utf8')) as unknown;
  const cfg = DevchainConfigSchema.parse(file);
  t.is(cfg.host, '127.0.0.1');
  t.is(cfg.genesis.sudo, '//Alice');
  t.false(DevchainConfigSchema.safeParse({ port: 'x' }).success);
  t.false(DevchainConfigSchema.safeParse({ nope: 1 }).success);
});

test('genesis funds //Alice..//Ferdie and config accounts; //Alice is the sudo key', async (t) => {
  await cryptoWaitReady();
  const cfg = DevchainConfigSchema.parse({
    genesis: {
      devAccountsTao: 10,
      accounts: [
        { account: '//Zed', balanceTao: '1.5' },
        { account: new Keyring({ type: 'sr25519' }).addFromUri('//Yan').address, balanceTao: 2 },
      ],
    },
  });
  const g = genesisFromConfig(cfg);
  t.is(g.accounts.length, 8);
  t.is(g.accounts.filter((a) => a.free === 10_000_000_000n).length, 6);
  t.truthy(g.accounts.find((a) => a.free === 1_500_000_000n));
  t.is(u8aToHex(g.sudoKey), u8aToHex(new Keyring({ type: 'sr25519' }).addFromUri('//Alice').publicKey));
  t.is(taoToRao('0.000000001'), 1n);
});
