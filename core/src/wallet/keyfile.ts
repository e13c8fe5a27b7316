/**
 * The Bittensor keyfile JSON: `accountId`, `publicKey`, `privateKey`, `secretPhrase`, `secretSeed`,
 * `ss58Address`, written like Python's `json.dumps` (absent values are `null`), optionally NaCl-encrypted.
 */
import type { KeyringPair } from '@polkadot/keyring/types';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import type { HexString } from '@polkadot/util/types';
import { encodeAddress, decodeAddress } from '@polkadot/util-crypto';
import { z } from 'zod';
import { ArenaError, errorMessage } from '../errors.ts';
import { fromSchnorrkelSecret, keysFromSeed, pairFromKeys, seedFromMnemonic, toSchnorrkelSecret, type Sr25519Keys } from './sr25519.ts';

const hex = (bytes: number) => z.string().regex(new RegExp(`^0x[0-9a-fA-F]{${bytes * 2}}$`), `0x + ${bytes * 2} hex digits`);

/** Schema of the decrypted keyfile JSON (unknown extra fields are tolerated, as Bittensor does). */
export const KeyfileSchema = z.object({
  accountId: hex(32).nullable().optional(),
  publicKey: hex(32).nullable().optional(),
  privateKey: hex(64).nullable().optional(),
  secretPhrase: z.string().min(1).nullable().optional(),
  secretSeed: hex(32).nullable().optional(),
  ss58Address: z.string().min(1).nullable().optional(),
});

/** Keyfile fields as Bittensor writes them; `null` when absent. */
export interface KeyfileData {
  accountId: HexString | null;
  publicKey: HexString | null;
  /** 64-byte schnorrkel secret (`SecretKey::to_bytes`: scalar ++ nonce), 0x hex. */
  privateKey: HexString | null;
  /** The BIP-39 mnemonic, when the key came from one. */
  secretPhrase: string | null;
  /** The 32-byte mini secret (0x hex), when known. */
  secretSeed: HexString | null;
  ss58Address: string | null;
}

const FIELD_ORDER: ReadonlyArray<keyof KeyfileData> = ['accountId', 'publicKey', 'privateKey', 'secretPhrase', 'secretSeed', 'ss58Address'];

/** Serialises like Python `json.dumps` (`", "` and `": "` separators, fixed field order). */
export function serializeKeyfile(data: KeyfileData): string {
  return `{${FIELD_ORDER.map((k) => `${JSON.stringify(k)}: ${JSON.stringify(data[k])}`).join(', ')}}`;
}

/** Parses decrypted keyfile text; malformed content is `ArenaError('KEYFILE_INVALID')` naming the file. */
export function parseKeyfile(text: string, where: string): KeyfileData {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err: unknown) {
    throw new ArenaError('KEYFILE_INVALID', `${where} is not valid keyfile JSON (${errorMessage(err)})`, { cause: err });
  }
  const parsed = KeyfileSchema.safeParse(raw);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new ArenaError('KEYFILE_INVALID', `${where} has bad keyfile fields: ${fields}`);
  }
  const d = parsed.data;
  return {
    accountId: (d.accountId ?? null) as HexString | null,
    publicKey: (d.publicKey ?? null) as HexString | null,
    privateKey: (d.privateKey ?? null) as HexString | null,
    secretPhrase: d.secretPhrase ?? null,
    secretSeed: (d.secretSeed ?? null) as HexString | null,
    ss58Address: d.ss58Address ?? null,
  };
}

/** Keyfile data for full key material; `mnemonic`/`seed` are recorded when known. */
export function keyfileFromKeys(keys: Sr25519Keys, extra: { mnemonic?: string; seed?: Uint8Array } = {}, ss58Format = 42): KeyfileData {
  const pub = u8aToHex(keys.publicKey);
  return {
    accountId: pub,
    publicKey: pub,
    privateKey: u8aToHex(toSchnorrkelSecret(keys.secretKey)),
    secretPhrase: extra.mnemonic ?? null,
    secretSeed: extra.seed === undefined ? null : u8aToHex(extra.seed),
    ss58Address: encodeAddress(keys.publicKey, ss58Format),
  };
}

/** Keyfile data holding only the public part (`coldkeypub.txt`). */
export function publicKeyfile(address: string, ss58Format = 42): KeyfileData {
  const pub = u8aToHex(decodeAddress(address));
  return {
    accountId: pub,
    publicKey: pub,
    privateKey: null,
    secretPhrase: null,
    secretSeed: null,
    ss58Address: encodeAddress(pub, ss58Format),
  };
}

/** The SS58 address recorded in a keyfile (from `ss58Address` or the public key), or null. */
export function keyfileAddress(data: KeyfileData, ss58Format = 42): string | null {
  const pub = data.publicKey ?? data.accountId;
  if (pub !== null) return encodeAddress(pub, ss58Format);
  if (data.ss58Address === null) return null;
  try {
    return encodeAddress(decodeAddress(data.ss58Address), ss58Format);
  } catch (err: unknown) {
    throw new ArenaError('KEYFILE_INVALID', `keyfile ss58Address ${JSON.stringify(data.ss58Address)} is not an SS58 address`, {
      cause: err,
    });
  }
}

/**
 * A signing pair from keyfile data, using the same precedence as Bittensor (mnemonic, then seed, then
 * private key) and checking the result against the recorded public key / address.
 */
export async function pairFromKeyfile(data: KeyfileData, where: string, ss58Format = 42): Promise<KeyringPair> {
  let keys: Sr25519Keys;
  if (data.secretPhrase !== null) keys = await keysFromSeed(await seedFromMnemonic(data.secretPhrase));
  else if (data.secretSeed !== null) keys = await keysFromSeed(hexToU8a(data.secretSeed));
  else if (data.privateKey !== null && data.publicKey !== null) {
    keys = { publicKey: hexToU8a(data.publicKey), secretKey: fromSchnorrkelSecret(hexToU8a(data.privateKey)) };
  } else {
    throw new ArenaError('KEYFILE_INVALID', `${where} holds no secret (no secretPhrase, secretSeed or privateKey with publicKey)`);
  }
  const recorded = keyfileAddress(data, ss58Format);
  const actual = encodeAddress(keys.publicKey, ss58Format);
  if (recorded !== null && recorded !== actual) {
    throw new ArenaError('KEYFILE_INVALID', `${where}: the secret derives ${actual} but the file records ${recorded}`);
  }
  try {
    return pairFromKeys(keys, ss58Format);
  } catch (err: unknown) {
    throw err instanceof ArenaError ? new ArenaError(err.code, `${where}: ${err.message}`, { cause: err }) : err;
  }
}
