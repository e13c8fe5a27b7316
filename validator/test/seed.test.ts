import test from 'ava';
import { createHash } from 'node:crypto';
import { batchHash, deriveRoundSeed, roundIdAt, seedBlockOf, seedToU32 } from '../src/seed.ts';

const HASH = `0x${'11'.repeat(32)}`;

test('rounds split the chain into fixed block windows seeded by their first block', (t) => {
  t.is(roundIdAt(0, 10), 0);
  t.is(roundIdAt(19, 10), 1);
  t.is(roundIdAt(20, 10), 2);
  t.is(seedBlockOf(2, 10), 20);
  t.throws(() => roundIdAt(5, 0), { instanceOf: RangeError, message: 'expected roundLengthBlocks to be a positive integer, found 0' });
});

test('the round seed is sha256 over domain, block hash, competition id and round id', (t) => {
  const expected = createHash('sha256')
    .update(
      Buffer.concat([
        Buffer.from('arena/round-seed/v1'),
        Buffer.alloc(32, 0x11),
        Buffer.from([5, 0, 0, 0]),
        Buffer.from('mnist'),
        Buffer.from([7, 0, 0, 0, 0, 0, 0, 0]),
      ]),
    )
    .digest('hex');
  const seed = deriveRoundSeed(HASH, 'mnist', 7);
  t.is(seed, `0x${expected}`);
  t.is(deriveRoundSeed(HASH, 'mnist', 7), seed, 'deterministic');
  t.not(deriveRoundSeed(HASH, 'mnist', 8), seed);
  t.not(deriveRoundSeed(HASH, 'mnist2', 7), seed);
  t.not(deriveRoundSeed(`0x${'12'.repeat(32)}`, 'mnist', 7), seed);
  t.is(seedToU32(seed), Buffer.from(expected, 'hex').readUInt32LE(0));
  t.throws(() => deriveRoundSeed('0xzz', 'mnist', 1), { instanceOf: TypeError });
});

test('batchHash is sha256 of the little-endian float32 bytes', (t) => {
  t.is(batchHash(Float32Array.from([1, 2])), '0xb9c80b5adeca450753a16950c3cc655d271f7bef7a485bc83f112b72fef21d37');
  const big = new Float32Array([9, 1, 2]);
  t.is(batchHash(big.subarray(1)), batchHash(Float32Array.from([1, 2])), 'honours the view offset');
});
