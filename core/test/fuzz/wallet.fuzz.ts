/**
 * Fuzz surfaces of wallet files: keyfile JSON (random, mutated, and well-formed with random fields) through
 * parseKeyfile and pairFromKeyfile; encrypted keyfile bytes (random, mutated, truncated) through
 * decryptKeyfileData; passwords (any Unicode, whitespace, NUL) through an encrypt/decrypt round trip and
 * password files. Each returns a value or throws ArenaError with a documented code; nothing else.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { ArenaError } from '../../src/errors.ts';
import { parseKeyfile, pairFromKeyfile, serializeKeyfile, keyfileFromKeys } from '../../src/wallet/keyfile.ts';
import { decryptKeyfileData, encryptKeyfileData, type KdfLimits } from '../../src/wallet/nacl.ts';
import { readPasswordFile } from '../../src/wallet/password.ts';
import { keysFromSeed } from '../../src/wallet/sr25519.ts';
import { checkProperty, Tally, type FuzzOptions, type FuzzSurface } from '../../../test/fuzz/surface.ts';

/** The cheapest KDF libsodium allows: the property is about the file format and password bytes, not KDF strength. */
const FAST_KDF: KdfLimits = { opsLimit: 3, memLimit: 8192 };

function expectArena(err: unknown, codes: string[], what: string): string {
  if (err instanceof ArenaError && codes.includes(err.code)) return err.code;
  throw new Error(
    `${what} threw ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)} (expected ArenaError ${codes.join('|')})`,
  );
}

const hex = (n: number): fc.Arbitrary<string> =>
  fc.uint8Array({ minLength: n, maxLength: n }).map((b) => `0x${Buffer.from(b).toString('hex')}`);

async function validKeyfileText(): Promise<string> {
  await cryptoWaitReady();
  const seed = new Uint8Array(32).fill(7);
  return serializeKeyfile(keyfileFromKeys(await keysFromSeed(seed), { seed }));
}

const keyfileSurface: FuzzSurface = {
  name: 'core.keyfile',
  run: async (o: FuzzOptions) => {
    const started = Date.now();
    const valid = await validKeyfileText();
    const tally = new Tally();
    const field = fc.oneof(
      fc.constant(null),
      hex(32),
      hex(64),
      hex(31),
      fc.string({ maxLength: 70 }),
      fc.jsonValue({ maxDepth: 1 }),
      fc.constantFrom(
        '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty',
        'bottom drive obey lake curtain smoke basket hold race lonely fit walk',
      ),
    );
    const fields = fc
      .record(
        { accountId: field, publicKey: field, privateKey: field, secretPhrase: field, secretSeed: field, ss58Address: field },
        { requiredKeys: [] },
      )
      .map((r) => JSON.stringify(r));
    const mutatedText = fc
      .tuple(fc.nat(valid.length), fc.string({ maxLength: 3 }))
      .map(([at, s]) => valid.slice(0, at) + s + valid.slice(at + s.length));
    const text = fc.oneof(fc.string({ maxLength: 200 }), fields, mutatedText);
    await checkProperty(
      'core.keyfile',
      fc.asyncProperty(text, async (t) => {
        let data: ReturnType<typeof parseKeyfile>;
        try {
          data = parseKeyfile(t, 'fuzz-keyfile');
        } catch (err: unknown) {
          tally.add(`parse ${expectArena(err, ['KEYFILE_INVALID'], 'parseKeyfile')}`);
          return;
        }
        try {
          await pairFromKeyfile(data, 'fuzz-keyfile');
          tally.add('pair');
        } catch (err: unknown) {
          tally.add(`pair ${expectArena(err, ['KEYFILE_INVALID'], 'pairFromKeyfile')}`);
        }
      }),
      o,
    );
    return { surface: 'core.keyfile', runs: o.numRuns, seed: o.seed, ms: Date.now() - started, outcomes: tally.counts };
  },
};

const encryptedSurface: FuzzSurface = {
  name: 'core.keyfile-encrypted',
  run: async (o: FuzzOptions) => {
    const started = Date.now();
    const plain = new TextEncoder().encode(await validKeyfileText());
    const sealed = await encryptKeyfileData(plain, 'correct horse', FAST_KDF);
    const tally = new Tally();
    const mutatedBytes = fc
      .array(fc.tuple(fc.nat(sealed.length - 1), fc.integer({ min: 1, max: 255 }), fc.boolean()), { minLength: 1, maxLength: 4 })
      .map((ms) => {
        let b = Uint8Array.from(sealed);
        for (const [at, x, cut] of ms) {
          if (cut) b = b.subarray(0, at);
          else if (b.length > 0) b[at % b.length] = b[at % b.length]! ^ x;
        }
        return Uint8Array.from(b);
      });
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      mutatedBytes,
      fc.uint8Array({ maxLength: 60 }).map((b) => Uint8Array.from([...new TextEncoder().encode('$NACL'), ...b])),
    );
    await checkProperty(
      'core.keyfile-encrypted',
      fc.asyncProperty(bytes, fc.constantFrom('correct horse', 'wrong'), async (b, pw) => {
        try {
          const out = await decryptKeyfileData(b, pw, 'fuzz-coldkey', FAST_KDF);
          if (Buffer.from(out).equals(Buffer.from(plain))) tally.add('decrypted');
          else throw new Error('a mutated box decrypted to different bytes (authentication failed to catch it)');
        } catch (err: unknown) {
          if (err instanceof Error && err.message.startsWith('a mutated box')) throw err;
          tally.add(expectArena(err, ['KEYFILE_INVALID', 'WRONG_PASSWORD'], 'decryptKeyfileData'));
        }
      }),
      o,
    );
    return { surface: 'core.keyfile-encrypted', runs: o.numRuns, seed: o.seed, ms: Date.now() - started, outcomes: tally.counts };
  },
};

const passwordSurface: FuzzSurface = {
  name: 'core.password',
  run: async (o: FuzzOptions) => {
    const started = Date.now();
    const dir = mkdtempSync(join(tmpdir(), 'arena-fuzz-pw-'));
    const tally = new Tally();
    const plain = new TextEncoder().encode('{"secretPhrase": null}');
    const pw = fc.oneof(
      fc.string({ maxLength: 40, unit: 'grapheme' }),
      fc.string({ maxLength: 40, unit: 'binary' }),
      fc.constantFrom(' pw ', 'pw\n', '\r\n', '\u0000', 'é', 'e\u0301'),
    );
    try {
      let n = 0;
      await checkProperty(
        'core.password',
        fc.asyncProperty(pw, fc.constantFrom('', '\n', '\r\n', ' '), async (p, tail) => {
          // A password round-trips through encryption exactly as given...
          const sealed = await encryptKeyfileData(plain, p, FAST_KDF);
          if (!Buffer.from(await decryptKeyfileData(sealed, p, 'fuzz', FAST_KDF)).equals(Buffer.from(plain)))
            throw new Error('password round trip failed');
          // ...and a password file gives back its text minus one trailing newline, or a documented refusal.
          const file = join(dir, `pw-${n++ % 16}`);
          writeFileSync(file, p + tail, { mode: 0o600 });
          try {
            const read = readPasswordFile(file);
            const expected = (p + tail).replace(/\r?\n$/, '');
            // Files are read as UTF-8: lone surrogates come back as U+FFFD, so compare the UTF-8 bytes.
            if (Buffer.from(read).toString('hex') !== Buffer.from(expected).toString('hex') && read.trim() !== expected.trim()) {
              throw new Error(`password file ${JSON.stringify(p + tail)} read back as ${JSON.stringify(read)}`);
            }
            tally.add('file read');
          } catch (err: unknown) {
            if (err instanceof Error && err.message.startsWith('password file ') && !(err instanceof ArenaError)) throw err;
            tally.add(expectArena(err, ['PASSWORD_REQUIRED', 'USAGE'], 'readPasswordFile'));
          }
        }),
        o,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return { surface: 'core.password', runs: o.numRuns, seed: o.seed, ms: Date.now() - started, outcomes: tally.counts };
  },
};

export const surfaces: FuzzSurface[] = [keyfileSurface, encryptedSurface, passwordSurface];
