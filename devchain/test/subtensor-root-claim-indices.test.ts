/** `block_hash_to_indices` (upstream claim_root.rs), the pick of coldkeys for the per-block auto-claim, worked by hand. */
import test from 'ava';
import { blockHashToIndices } from '../src/pallets/subtensor/state/root-claim-auto.ts';

/** A 32-byte hash whose four big-endian u64 words are `words`. */
function hashOf(words: bigint[]): Uint8Array {
  const h = new Uint8Array(32);
  words.forEach((w, i) => {
    for (let b = 0; b < 8; b++) h[i * 8 + b] = Number((w >> BigInt(8 * (7 - b))) & 0xffn);
  });
  return h;
}

test('indices walk from the first word by successive words modulo n, distinct and ascending', (t) => {
  // start 1; steps 1, 2, 3, 4, then word 0 again: 2, 4, 7, 11 % 10 = 1, 2 ⇒ {1, 2, 4, 7}.
  t.deepEqual(blockHashToIndices(hashOf([1n, 2n, 3n, 4n]), 5n, 10n), [1n, 2n, 4n, 7n]);
  t.deepEqual(blockHashToIndices(hashOf([1n, 2n, 3n, 4n]), 2n, 10n), [2n, 4n]);
  t.deepEqual(blockHashToIndices(hashOf([1n, 2n, 3n, 4n]), 0n, 10n), [], 'NumRootClaim 0: no claims');
});

test('saturating add before the modulo; n = 0 gives index 0', (t) => {
  const max = (1n << 64n) - 1n;
  // start u64::MAX + step u64::MAX saturates to u64::MAX; u64::MAX % 7 = 1 (2^64 ≡ 2 mod 7).
  t.deepEqual(blockHashToIndices(hashOf([max, 0n, 0n, 0n]), 1n, 7n), [1n]);
  t.deepEqual(blockHashToIndices(hashOf([5n, 6n, 7n, 8n]), 3n, 0n), [0n]);
  t.deepEqual(blockHashToIndices(hashOf([5n, 6n, 7n, 8n]), 5n, 1n), [0n]);
});
