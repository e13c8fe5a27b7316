/**
 * Bittensor's NaCl keyfile encryption: `$NACL` ++ nonce (24) ++ XSalsa20-Poly1305 secretbox ciphertext,
 * with the key derived by argon2i (libsodium `crypto_pwhash`, ALG_ARGON2I13) from the password and a
 * fixed 16-byte salt, using libsodium's argon2i "sensitive" limits (8 passes, 512 MiB) as PyNaCl and
 * btwallet do. One derivation takes about 6 s and 512 MiB on this machine.
 */
import sodium from 'libsodium-wrappers-sumo';
import { ArenaError } from '../errors.ts';

/** The fixed salt Bittensor uses for NaCl keyfiles. */
export const NACL_SALT: Uint8Array = Uint8Array.from([
  0x13, 0x71, 0x83, 0xdf, 0xf1, 0x5a, 0x09, 0xbc, 0x9c, 0x90, 0xb5, 0x51, 0x87, 0x39, 0xe9, 0xb1,
]);

/** Prefix of a NaCl-encrypted keyfile. */
export const NACL_PREFIX = '$NACL';

/** argon2i cost parameters. */
export interface KdfLimits {
  /** Number of passes. */
  opsLimit: number;
  /** Memory in bytes. */
  memLimit: number;
}

/** The limits real wallets use (argon2i OPSLIMIT/MEMLIMIT_SENSITIVE): required for Bittensor to read the file. */
export const KDF_SENSITIVE: KdfLimits = { opsLimit: 8, memLimit: 536_870_912 };

/** Cheap limits for tests only: files written with them are NOT readable by Bittensor. */
export const KDF_TEST_ONLY: KdfLimits = { opsLimit: 3, memLimit: 8_192 * 1024 };

const encoder = new TextEncoder();

async function deriveKey(password: string, limits: KdfLimits): Promise<Uint8Array> {
  await sodium.ready;
  return sodium.crypto_pwhash(
    sodium.crypto_secretbox_KEYBYTES,
    encoder.encode(password),
    NACL_SALT,
    limits.opsLimit,
    limits.memLimit,
    sodium.crypto_pwhash_ALG_ARGON2I13,
  );
}

/** Encrypts keyfile bytes the way Bittensor does. */
export async function encryptKeyfileData(plain: Uint8Array, password: string, limits: KdfLimits = KDF_SENSITIVE): Promise<Uint8Array> {
  const key = await deriveKey(password, limits);
  const nonce = sodium.randombytes_buf(sodium.crypto_secretbox_NONCEBYTES);
  const box = sodium.crypto_secretbox_easy(plain, nonce, key);
  const prefix = encoder.encode(NACL_PREFIX);
  const out = new Uint8Array(prefix.length + nonce.length + box.length);
  out.set(prefix, 0);
  out.set(nonce, prefix.length);
  out.set(box, prefix.length + nonce.length);
  return out;
}

/** The encryption scheme of keyfile bytes: `nacl`, an older Bittensor scheme, or `none` (plain JSON). */
export function keyfileEncryption(data: Uint8Array): 'nacl' | 'ansible' | 'legacy' | 'none' {
  const head = new TextDecoder().decode(data.subarray(0, 14));
  if (head.startsWith(NACL_PREFIX)) return 'nacl';
  if (head.startsWith('$ANSIBLE_VAULT')) return 'ansible';
  if (head.startsWith('gAAAAA')) return 'legacy';
  return 'none';
}

/** Decrypts NaCl keyfile bytes; a wrong password is `ArenaError('WRONG_PASSWORD')`. */
export async function decryptKeyfileData(
  data: Uint8Array,
  password: string,
  where: string,
  limits: KdfLimits = KDF_SENSITIVE,
): Promise<Uint8Array> {
  const scheme = keyfileEncryption(data);
  if (scheme === 'ansible' || scheme === 'legacy') {
    throw new ArenaError(
      'KEYFILE_INVALID',
      `${where} is encrypted with Bittensor's older ${scheme} scheme; re-encrypt it with a current btcli ("btcli wallet update") first`,
    );
  }
  if (scheme !== 'nacl') throw new ArenaError('KEYFILE_INVALID', `expected ${where} to start with ${NACL_PREFIX}, it is not encrypted`);
  const start = NACL_PREFIX.length;
  const nonce = data.subarray(start, start + 24);
  const box = data.subarray(start + 24);
  if (nonce.length !== 24 || box.length < 16) {
    throw new ArenaError('KEYFILE_INVALID', `${where} is truncated: expected at least ${start + 40} bytes, found ${data.length}`);
  }
  const key = await deriveKey(password, limits);
  try {
    return sodium.crypto_secretbox_open_easy(box, nonce, key);
  } catch (err: unknown) {
    throw new ArenaError('WRONG_PASSWORD', `wrong password for ${where}: the keyfile could not be decrypted`, { cause: err });
  }
}
