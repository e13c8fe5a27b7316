import test from 'ava';
import { TypeRegistry } from '@polkadot/types';
import { Metadata } from '@polkadot/types/metadata';
import type { DispatchError } from '@polkadot/types/interfaces';
import { u8aToHex } from '@polkadot/util';
import { encodeAddress } from '@polkadot/util-crypto';
import type { HexString } from '@polkadot/util/types';
import staticSubstrate from '@polkadot/types-support/metadata/static-substrate';
import { ipFromChain, ipToChain } from '../src/chain/ip.ts';
import { buildMetagraph, decodeAxon, type Metagraph, type RawMetagraph } from '../src/chain/metagraph.ts';
import { MetagraphWatcher } from '../src/chain/watcher.ts';
import { NonceTracker } from '../src/chain/nonce.ts';
import { withTimeout } from '../src/chain/timeout.ts';
import { chainErrorFromDispatch, chainErrorFromRpc, decodeDispatchError, isNonceError } from '../src/chain/dispatch-error.ts';
import { weightsCommitHash } from '../src/chain/extrinsics.ts';
import { ChainError } from '../src/errors.ts';
import { createLogger, memoryDestination } from '../src/logger.ts';

test('IPv4 and IPv6 encode to the u128 subtensor stores and decode back', (t) => {
  t.deepEqual(ipToChain('1.2.3.4'), { ip: 0x01020304n, ipType: 4 });
  t.deepEqual(ipToChain('255.255.255.255'), { ip: 0xffffffffn, ipType: 4 });
  t.is(ipFromChain(0x01020304n, 4), '1.2.3.4');
  t.is(ipFromChain(3232235777n, 4), '192.168.1.1');
  t.deepEqual(ipToChain('::1'), { ip: 1n, ipType: 6 });
  t.deepEqual(ipToChain('2001:db8::ff00:42:8329'), { ip: 0x20010db8000000000000ff0000428329n, ipType: 6 });
  t.is(ipFromChain(0x20010db8000000000000ff0000428329n, 6), '2001:db8::ff00:42:8329');
  t.is(ipFromChain(0x20010db8000000010000000000000001n, 6), '2001:db8:0:1::1');
  t.deepEqual(ipToChain('::ffff:1.2.3.4'), { ip: 0xffff01020304n, ipType: 6 });
  for (const ip of ['10.0.0.1', 'fe80::1', '2001:db8:85a3::8a2e:370:7334', '::']) {
    const c = ipToChain(ip);
    t.is(ipFromChain(c.ip, c.ipType), ip);
  }
  t.throws(() => ipToChain('1.2.3'), { instanceOf: RangeError });
  t.throws(() => ipFromChain(1n << 32n, 4), { instanceOf: RangeError });
  t.throws(() => ipFromChain(1n, 5), { message: /ip_type 4 or 6/ });
});

const HOT = [encodeAddress(new Uint8Array(32).fill(1)), encodeAddress(new Uint8Array(32).fill(2))];
const COLD = encodeAddress(new Uint8Array(32).fill(9));

function raw(over: Partial<RawMetagraph> = {}): RawMetagraph {
  return {
    netuid: 1,
    block: 10,
    blockHash: `0x${'ab'.repeat(32)}`,
    n: 2,
    keys: [
      [1, HOT[1] as string],
      [0, HOT[0] as string],
    ],
    owners: [COLD, COLD],
    axons: [{ block: 5n, version: 1, ip: 0x7f000001n, port: 8091, ipType: 4, protocol: 4 }, undefined],
    stake: [10n ** 12n],
    blockAtRegistration: [1, 2],
    incentive: [0, 65535],
    emission: [0n, 123n],
    dividends: [65535],
    consensus: [],
    validatorTrust: [65535, 0],
    validatorPermit: [true, false],
    lastUpdate: [9, 3],
    active: [true, true],
    ...over,
  };
}

test('buildMetagraph orders by uid, decodes axons, pads short vectors and freezes everything', (t) => {
  const m = buildMetagraph(raw());
  t.deepEqual([...m.hotkeys], HOT);
  t.deepEqual([...m.uids], [0, 1]);
  t.like(m.axons[0], { ip: '127.0.0.1', port: 8091, ipType: 4, block: 5 });
  t.like(m.axons[1], { ip: '0.0.0.0', port: 0, ipType: 0 });
  t.deepEqual([...m.stakeRao], [10n ** 12n, 0n]);
  t.deepEqual([...m.consensus], [0, 0]);
  t.deepEqual([...m.emissionRao], [0n, 123n]);
  t.true(Object.isFrozen(m) && Object.isFrozen(m.hotkeys) && Object.isFrozen(m.axons[0]));
  t.throws(() => {
    (m.incentive as number[])[0] = 5;
  });
  t.throws(() => buildMetagraph(raw({ keys: [[0, HOT[0] as string]] })), {
    instanceOf: ChainError,
    message: /uid 1 < SubnetworkN 2 has no Keys entry/,
  });
});

test('decodeAxon treats unknown ip types and out-of-range values as not served', (t) => {
  t.is(decodeAxon({ block: 1, version: 0, ip: 5n, port: 1, ipType: 7, protocol: 0 }).ipType, 0);
  t.is(decodeAxon({ block: 1, version: 0, ip: 1n << 40n, port: 1, ipType: 4, protocol: 0 }).ip, '0.0.0.0');
  t.is(decodeAxon({ block: 1, version: 0, ip: 1n, port: 9, ipType: 6, protocol: 0 }).ip, '::1');
});

function snapshotAt(block: number): Metagraph {
  return buildMetagraph(raw({ block, blockHash: u8aToHex(new Uint8Array(32).fill(block)) }));
}

test('MetagraphWatcher refreshes on heads, never overlaps, keeps the last good snapshot on failure', async (t) => {
  let emit: (h: { number: number; hash: HexString }) => void = () => {};
  let unsubscribed = false;
  const calls: number[] = [];
  let release: () => void = () => {};
  let failNext = false;
  const dest = memoryDestination();
  const watcher = new MetagraphWatcher({
    netuid: 1,
    heads: async (onHead) => {
      emit = onHead;
      return () => {
        unsubscribed = true;
      };
    },
    fetch: async (hash) => {
      const block = Number.parseInt(hash.slice(2, 4), 16);
      calls.push(block);
      if (block === 2)
        await new Promise<void>((r) => {
          release = r;
        });
      if (failNext) {
        failNext = false;
        throw new Error('rpc down');
      }
      return snapshotAt(block);
    },
    logger: createLogger({ level: 'warn', destination: dest }),
    now: () => 1000,
  });
  t.is(watcher.snapshot, undefined);
  t.is(watcher.ageMs, Infinity);
  await watcher.start();
  const head = (n: number) => emit({ number: n, hash: u8aToHex(new Uint8Array(32).fill(n)) });
  head(1);
  t.is((await watcher.ready()).block, 1);
  head(2); // slow fetch in flight
  head(3);
  head(4); // coalesced: only the newest pending head (4) is fetched afterwards
  release();
  await new Promise((r) => setTimeout(r, 20));
  t.deepEqual(calls, [1, 2, 4]);
  t.is(watcher.snapshot?.block, 4);
  t.is(watcher.ageBlocks(6), 2);
  t.is(watcher.ageMs, 0);
  failNext = true;
  head(5);
  await new Promise((r) => setTimeout(r, 20));
  t.is(watcher.snapshot?.block, 4);
  t.like(dest.lines.at(-1), { msg: 'metagraph refresh failed; keeping the previous snapshot', block: 5 });
  watcher.stop();
  t.true(unsubscribed);
});

test('NonceTracker counts locally after one fetch and refetches after reset', async (t) => {
  let fetches = 0;
  const tracker = new NonceTracker(async () => {
    fetches++;
    return 7;
  });
  t.deepEqual(await Promise.all([tracker.next('a'), tracker.next('a'), tracker.next('a')]), [7, 8, 9]);
  t.is(fetches, 1);
  tracker.reset('a');
  t.is(await tracker.next('a'), 7);
  t.is(fetches, 2);
  const failing = new NonceTracker(async () => {
    throw new Error('offline');
  });
  await t.throwsAsync(failing.next('b'), { message: 'offline' });
});

test('withTimeout rejects with CHAIN_TIMEOUT naming the operation', async (t) => {
  const err = await t.throwsAsync(withTimeout(new Promise(() => {}), 20, 'reading Keys'), { instanceOf: ChainError });
  t.is(err.code, 'CHAIN_TIMEOUT');
  t.regex(err.message, /reading Keys did not complete within 20 ms/);
  t.is(await withTimeout(Promise.resolve(5), 1000, 'x'), 5);
});

test('dispatch errors decode to pallet, name and docs with the chain metadata', (t) => {
  const registry = new TypeRegistry();
  const metadata = new Metadata(registry, staticSubstrate);
  registry.setMetadata(metadata);
  const balances = metadata.asLatest.pallets.find((p) => p.name.toString() === 'Balances');
  const index = balances?.index.toNumber() ?? -1;
  const errors = registry.lookup.getSiType(balances?.errors.unwrap().type ?? 0).def.asVariant.variants;
  const variant = errors.find((v) => v.name.toString() === 'InsufficientBalance');
  const err = registry.createType('DispatchError', {
    Module: { index, error: [variant?.index.toNumber() ?? 0, 0, 0, 0] },
  }) as unknown as DispatchError;
  const info = decodeDispatchError(registry, err);
  t.is(info.pallet, 'Balances');
  t.is(info.name, 'InsufficientBalance');
  t.regex(info.docs, /balance/i);
  const chainErr = chainErrorFromDispatch(registry, err, { call: 'balances.transferKeepAlive' });
  t.regex(chainErr.message, /^balances\.transferKeepAlive failed: Balances\.InsufficientBalance .*fund the signing account/);
  const other = registry.createType('DispatchError', 'BadOrigin') as unknown as DispatchError;
  t.deepEqual(decodeDispatchError(registry, other), { pallet: 'System', name: 'BadOrigin', docs: '' });
});

test('RPC invalid-transaction errors become clear CHAIN_INVALID_TX messages', (t) => {
  const e = chainErrorFromRpc(new Error('1010: Invalid Transaction: Inability to pay some fees , e.g. account balance too low'), {
    call: 'subtensorModule.setWeights',
  });
  t.is(e.code, 'CHAIN_INVALID_TX');
  t.regex(e.message, /subtensorModule\.setWeights rejected by the node: .*fund it/);
  t.regex(chainErrorFromRpc(new Error('1014: Priority is too low: (1 vs 1)')).message, /same nonce/);
  t.true(isNonceError(new Error('1010: Invalid Transaction: Transaction is outdated')));
  t.false(isNonceError(new Error('1010: Invalid Transaction: Custom error: 3')));
});

test('custom pool codes are named with upstream names and a hint, in every RPC error shape', (t) => {
  const shapes = [
    new Error('1010: Invalid Transaction: Custom error: 11'), // a Substrate node
    new Error('1010: Invalid Transaction: Custom error: 11 (InvalidIpAddress)'), // the devchain
    new Error('1010: {"invalid":{"custom":11}}'), // a runtime validity result as JSON (Chopsticks, dry runs)
    Object.assign(new Error('1010: Invalid Transaction'), { data: { invalid: { custom: 11 } } }), // data not in the message
    new Error('Invalid(Custom(11))'), // Rust's debug form
  ];
  for (const shape of shapes) {
    const e = chainErrorFromRpc(shape, { call: 'subtensorModule.serveAxon' });
    t.is(e.code, 'CHAIN_INVALID_TX');
    t.deepEqual(e.invalid, { code: 11, name: 'InvalidIpAddress' }, shape.message);
    t.is(e.errorName, 'InvalidIpAddress');
    t.regex(e.message, /^subtensorModule\.serveAxon rejected by the node: InvalidIpAddress \(custom error 11\): .*--axon\.external-ip/);
  }
  t.is(chainErrorFromRpc(new Error('Custom error: 255')).invalid?.name, 'BadRequest');
  t.is(chainErrorFromRpc(new Error('Custom error: 6')).invalid?.name, 'RateLimitExceeded');
  t.is(chainErrorFromRpc(new Error('Custom error: 17')).invalid?.name, 'CommitBlockNotInRevealRange');
  const unknown = chainErrorFromRpc(new Error('1010: Invalid Transaction: Custom error: 200'));
  t.deepEqual(unknown.invalid, { code: 200, name: undefined });
  t.regex(unknown.message, /custom error 200, which upstream subtensor does not define/);
  t.is(chainErrorFromRpc(new Error('1014: Priority is too low: (1 vs 1)')).invalid, undefined);
});

test('weightsCommitHash matches the golden commit-reveal v2 hash', (t) => {
  const hotkey = encodeAddress(Uint8Array.from({ length: 32 }, (_, i) => i));
  const hash = weightsCommitHash(hotkey, {
    netuid: 1,
    uids: [0, 1, 2],
    weights: [10, 20, 65535],
    salt: [1, 2, 3, 4, 5, 6, 7, 8],
    versionKey: 0x11f71fb04cbn,
  });
  t.is(hash, '0xd3d43a8cad0bdb8d3d1cb710e01d3558604954e3769f9515ffd9e531f21c00c2');
  t.throws(() => weightsCommitHash(hotkey, { netuid: 1, uids: [0, 0], weights: [1, 2], salt: [], versionKey: 0 }), {
    message: /distinct uids/,
  });
  t.throws(() => weightsCommitHash(hotkey, { netuid: 1, uids: [0], weights: [1, 2], salt: [], versionKey: 0 }), {
    message: /2 weights for 1 uids/,
  });
});
