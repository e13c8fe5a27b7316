import { createHash } from 'node:crypto';

/** A seeded pseudo-random generator (sfc32 over a sha256-derived state): same seed, same stream, on every machine. */
export interface Prng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

/** Derives a PRNG from a seed (bytes such as a block hash, or a string); the seed is hashed with a domain tag. */
export function createPrng(seed: Uint8Array | string, domain = 'arena'): Prng {
  const h = createHash('sha256').update(domain).update('\0').update(seed).digest();
  let a = h.readUInt32LE(0),
    b = h.readUInt32LE(4),
    c = h.readUInt32LE(8),
    d = h.readUInt32LE(12);
  const nextU32 = (): number => {
    // sfc32: small, fast, passes PractRand well beyond what round sampling needs.
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) nextU32();
  return {
    next: () => nextU32() / 4294967296,
    int: (n: number) => Math.floor((nextU32() / 4294967296) * n),
  };
}

/** A seeded Fisher–Yates permutation of 0..n-1. */
export function permutation(n: number, prng: Prng): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = prng.int(i + 1);
    const t = p[i]!;
    p[i] = p[j]!;
    p[j] = t;
  }
  return p;
}
