import test from 'ava';
import { TypeRegistry } from '@polkadot/types';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import { commitHash, encodeCommitTuple, encodeCompact, maxUpscaleU16, type CommitHashInput } from './weights.ts';

const hotkey = Uint8Array.from({ length: 32 }, (_, i) => i);
const input: CommitHashInput = {
  hotkey,
  netuidIndex: 1,
  uids: [0, 1, 2],
  values: [10, 20, 65535],
  salt: [1, 2, 3, 4, 5, 6, 7, 8],
  versionKey: 1_234_567_890_123n,
};

test('compact encoding covers all four SCALE modes', (t) => {
  t.is(u8aToHex(encodeCompact(0)), '0x00');
  t.is(u8aToHex(encodeCompact(63)), '0xfc');
  t.is(u8aToHex(encodeCompact(64)), '0x0101');
  t.is(u8aToHex(encodeCompact(16383)), '0xfdff');
  t.is(u8aToHex(encodeCompact(16384)), '0x02000100');
  t.is(u8aToHex(encodeCompact(1n << 30n)), '0x0300000040');
  const reg = new TypeRegistry();
  for (const v of [0, 1, 63, 64, 255, 16383, 16384, 65535, 2 ** 30 - 1, 2 ** 30, 2 ** 32 + 5]) {
    t.is(u8aToHex(encodeCompact(v)), u8aToHex(reg.createType('Compact<u64>', v).toU8a()), `compact ${v}`);
  }
});

test('commit tuple SCALE bytes equal @polkadot/types encoding of the same tuple', (t) => {
  const reg = new TypeRegistry();
  const expected = reg
    .createType('(AccountId32, u16, Vec<u16>, Vec<u16>, Vec<u16>, u64)', [
      hotkey,
      1,
      [0, 1, 2],
      [10, 20, 65535],
      [1, 2, 3, 4, 5, 6, 7, 8],
      input.versionKey,
    ])
    .toU8a();
  t.is(u8aToHex(encodeCommitTuple(input)), u8aToHex(expected));
});

test('commit hash golden value (blake2-256 of the tuple)', (t) => {
  const bytes =
    '0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f' + // hotkey
    '0100' + // netuid_index u16 LE
    '0c' +
    '000001000200' + // uids: compact(3) ++ u16s
    '0c' +
    '0a001400ffff' + // values
    '20' +
    '01000200030004000500060007000800' + // salt: compact(8)
    'cb04fb711f010000'; // version_key u64 LE
  t.is(u8aToHex(encodeCommitTuple(input)) as string, bytes);
  t.is(u8aToHex(commitHash(input)), '0xd3d43a8cad0bdb8d3d1cb710e01d3558604954e3769f9515ffd9e531f21c00c2');
  t.is(u8aToHex(commitHash(input)), blake2AsHex(hexToU8a(bytes), 256));
  // Any change of the revealed data changes the hash.
  t.not(u8aToHex(commitHash({ ...input, salt: [1, 2, 3, 4, 5, 6, 7, 9] })), u8aToHex(commitHash(input)));
});

test('commit hash rejects malformed input with a clear error', (t) => {
  t.throws(() => commitHash({ ...input, hotkey: new Uint8Array(31) }), { message: /32-byte hotkey, found 31/ });
  t.throws(() => commitHash({ ...input, uids: [70000] }), { message: /uids\[0\] to be a u16/ });
  t.throws(() => commitHash({ ...input, versionKey: -1n }), { message: /versionKey to be a u64/ });
});

test('max-upscale: max becomes 65535, ties away from zero, truncating intermediates, both branches', (t) => {
  t.deepEqual(maxUpscaleU16([127, 127, 0]), [65535, 65535, 0]); // TV2's 65535/512 = 127 each
  t.deepEqual(maxUpscaleU16([1, 2, 3]), [21845, 43690, 65535]);
  // m ≤ 32768: (1·65535)/2 = 32767.5 exactly ⇒ ties away from zero ⇒ 32768.
  t.deepEqual(maxUpscaleU16([2, 1]), [65535, 32768]);
  // m > 32768: ratio 65535/40000 is truncated first, so 20000·ratio = 32767.5 − ε ⇒ 32767.
  t.deepEqual(maxUpscaleU16([40000, 20000, 1, 3]), [65535, 32767, 2, 5]);
  // 16384·(65535/32769) = 32766.52 ⇒ 32767.
  t.deepEqual(maxUpscaleU16([32769, 16384, 1]), [65535, 32767, 2]);
  t.deepEqual(maxUpscaleU16([0, 0]), [0, 0]);
  t.deepEqual(maxUpscaleU16([]), []);
  t.throws(() => maxUpscaleU16([1.5]), { message: /values\[0\] to be a u16/ });
});
