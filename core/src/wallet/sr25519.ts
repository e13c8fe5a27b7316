/**
 * sr25519 key material in the two 64-byte secret-key layouts that meet in a keyfile:
 * - Bittensor / substrate-interface / btwallet write schnorrkel `SecretKey::to_bytes()`:
 *   scalar (32, canonical, mod l) ++ nonce (32);
 * - polkadot.js keeps `to_ed25519_bytes()`: scalar × 8 (the cofactor) ++ nonce.
 * Converting between them is a 3-bit shift of the little-endian scalar; the nonce is unchanged.
 */
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { cryptoWaitReady, mnemonicToMiniSecret, mnemonicValidate, sr25519PairFromSeed, sr25519Verify } from '@polkadot/util-crypto';
import { ArenaError, errorMessage } from '../errors.ts';

/** sr25519 public (32) and polkadot.js-layout secret (64) keys. */
export interface Sr25519Keys {
  publicKey: Uint8Array;
  /** polkadot.js layout (`to_ed25519_bytes`). */
  secretKey: Uint8Array;
}

/** polkadot.js secret layout → Bittensor keyfile layout (divides the scalar by the cofactor). */
export function toSchnorrkelSecret(polkadotSecret: Uint8Array): Uint8Array {
  checkLength(polkadotSecret, 64, 'sr25519 secret key');
  const out = Uint8Array.from(polkadotSecret);
  let carry = 0;
  for (let i = 31; i >= 0; i--) {
    const b = polkadotSecret[i] as number;
    out[i] = (b >> 3) | carry;
    carry = (b << 5) & 0xff;
  }
  return out;
}

/** Bittensor keyfile layout → polkadot.js secret layout (multiplies the scalar by the cofactor). */
export function fromSchnorrkelSecret(schnorrkelSecret: Uint8Array): Uint8Array {
  checkLength(schnorrkelSecret, 64, 'sr25519 secret key');
  if (((schnorrkelSecret[31] as number) & 0xe0) !== 0) {
    throw new ArenaError('KEYFILE_INVALID', 'expected a canonical sr25519 scalar (top 3 bits clear) in privateKey, found a larger value');
  }
  const out = Uint8Array.from(schnorrkelSecret);
  let carry = 0;
  for (let i = 0; i < 32; i++) {
    const b = schnorrkelSecret[i] as number;
    out[i] = ((b << 3) & 0xff) | carry;
    carry = b >> 5;
  }
  return out;
}

function checkLength(bytes: Uint8Array, n: number, what: string): void {
  if (bytes.length !== n) throw new ArenaError('KEYFILE_INVALID', `expected a ${n}-byte ${what}, found ${bytes.length} bytes`);
}

/** Keys from a 32-byte mini secret (the `secretSeed` of a keyfile). */
export async function keysFromSeed(seed: Uint8Array): Promise<Sr25519Keys> {
  await cryptoWaitReady();
  checkLength(seed, 32, 'seed (mini secret)');
  return sr25519PairFromSeed(seed);
}

/** The mini secret of a BIP-39 mnemonic (empty passphrase), as Bittensor derives it. */
export async function seedFromMnemonic(mnemonic: string): Promise<Uint8Array> {
  await cryptoWaitReady();
  const words = mnemonic.trim().split(/\s+/).join(' ');
  if (!mnemonicValidate(words)) {
    throw new ArenaError(
      'KEYFILE_INVALID',
      `expected a valid BIP-39 mnemonic (12, 15, 18, 21 or 24 words with a correct checksum), found ${words.split(' ').length} words that do not validate`,
    );
  }
  return mnemonicToMiniSecret(words);
}

/** A signing `KeyringPair` from keys, after checking that the secret really belongs to the public key. */
export function pairFromKeys(keys: Sr25519Keys, ss58Format = 42): KeyringPair {
  const keyring = new Keyring({ type: 'sr25519', ss58Format });
  const pair = keyring.addFromPair(keys);
  const probe = new TextEncoder().encode('arena keyfile self-check');
  let valid: boolean;
  try {
    valid = sr25519Verify(probe, pair.sign(probe), keys.publicKey);
  } catch (err: unknown) {
    throw new ArenaError('KEYFILE_INVALID', `the public key in the keyfile is not a valid sr25519 key (${errorMessage(err)})`, {
      cause: err,
    });
  }
  if (!valid) throw new ArenaError('KEYFILE_INVALID', 'the private key in the keyfile does not match its public key');
  return pair;
}

/** A `KeyringPair` from a Substrate URI such as `//Alice` (dev accounts) or `<mnemonic>//path`. */
export async function pairFromUri(uri: string, ss58Format = 42): Promise<KeyringPair> {
  await cryptoWaitReady();
  return new Keyring({ type: 'sr25519', ss58Format }).addFromUri(uri);
}
