/**
 * Bittensor wallet layout: `<path>/<name>/coldkey` (encrypted), `<path>/<name>/coldkeypub.txt`,
 * `<path>/<name>/hotkeys/<hotkey>` (unencrypted by default, like Bittensor). Default path `~/.bittensor/wallets`.
 */
import { readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { KeyringPair } from '@polkadot/keyring/types';
import { hexToU8a, isHex } from '@polkadot/util';
import { cryptoWaitReady, mnemonicGenerate } from '@polkadot/util-crypto';
import { ArenaError } from '../errors.ts';
import { exists, readKeyfileBytes, writePrivateFile } from './files.ts';
import {
  keyfileAddress,
  keyfileFromKeys,
  pairFromKeyfile,
  parseKeyfile,
  publicKeyfile,
  serializeKeyfile,
  type KeyfileData,
} from './keyfile.ts';
import { KDF_SENSITIVE, decryptKeyfileData, encryptKeyfileData, keyfileEncryption, type KdfLimits } from './nacl.ts';
import { keysFromSeed, pairFromUri, seedFromMnemonic, toSchnorrkelSecret } from './sr25519.ts';

/** Where a wallet lives. */
export interface WalletLocation {
  /** Wallets directory; default `~/.bittensor/wallets` (a leading `~` is expanded). */
  path?: string;
  /** Wallet name (directory under `path`); default `default`. */
  name?: string;
  /** Hotkey name (file under `hotkeys/`); default `default`. */
  hotkey?: string;
}

/** Options shared by operations that encrypt or decrypt. */
export interface CryptoOptions {
  /** argon2i limits; default the Bittensor-compatible sensitive limits. Lower values are for tests only. */
  kdf?: KdfLimits;
}

/** Default wallets directory, as Bittensor uses. */
export function defaultWalletPath(): string {
  return join(homedir(), '.bittensor', 'wallets');
}

const NAME_RE = /^[A-Za-z0-9_.-]{1,64}$/;

function checkName(value: string, what: string): string {
  if (!NAME_RE.test(value) || value === '.' || value === '..') {
    throw new ArenaError('USAGE', `expected ${what} of 1-64 letters, digits, "_", "-" or ".", found ${JSON.stringify(value)}`);
  }
  return value;
}

/** File paths of a wallet. */
export interface WalletPaths {
  dir: string;
  coldkey: string;
  coldkeypub: string;
  hotkeysDir: string;
  hotkey: string;
}

/** Resolves the file paths of a wallet location (names are checked, `~` expanded). */
export function walletPaths(loc: WalletLocation = {}): WalletPaths {
  const base = expandHome(loc.path ?? defaultWalletPath());
  const dir = join(base, checkName(loc.name ?? 'default', 'a wallet name'));
  const hotkeysDir = join(dir, 'hotkeys');
  return {
    dir,
    coldkey: join(dir, 'coldkey'),
    coldkeypub: join(dir, 'coldkeypub.txt'),
    hotkeysDir,
    hotkey: join(hotkeysDir, checkName(loc.hotkey ?? 'default', 'a hotkey name')),
  };
}

function expandHome(p: string): string {
  return resolve(p === '~' ? homedir() : p.startsWith('~/') ? join(homedir(), p.slice(2)) : p);
}

/** Key material given to regen: a mnemonic, or a 32-byte seed in 0x hex. */
export type KeySource = { mnemonic: string } | { seed: string };

interface MaterialisedKey {
  data: KeyfileData;
  address: string;
  mnemonic: string | null;
}

async function materialise(source: KeySource): Promise<MaterialisedKey> {
  if ('mnemonic' in source) {
    const mnemonic = source.mnemonic.trim().split(/\s+/).join(' ');
    const seed = await seedFromMnemonic(mnemonic);
    const data = keyfileFromKeys(await keysFromSeed(seed), { mnemonic, seed });
    return { data, address: data.ss58Address as string, mnemonic };
  }
  if (!isHex(source.seed, 256)) {
    throw new ArenaError('USAGE', `expected a seed of 0x + 64 hex digits, found ${source.seed.length} characters`);
  }
  const seed = hexToU8a(source.seed);
  const data = keyfileFromKeys(await keysFromSeed(seed), { seed });
  return { data, address: data.ss58Address as string, mnemonic: null };
}

async function encodeKeyfile(data: KeyfileData, password: string | null, kdf: KdfLimits): Promise<Uint8Array | string> {
  const text = serializeKeyfile(data);
  return password === null ? text : encryptKeyfileData(new TextEncoder().encode(text), password, kdf);
}

/** Result of creating or regenerating a key: its address, and the mnemonic when one was generated/used. */
export interface KeyResult {
  address: string;
  mnemonic: string | null;
  path: string;
}

/** Options of `regenColdkey`. */
export interface ColdkeyOptions extends WalletLocation, CryptoOptions {
  /** Encryption password; `null` writes an unencrypted coldkey (dev wallets only). */
  password: string | null;
  overwrite?: boolean;
}

/** Writes the coldkey (encrypted) and `coldkeypub.txt` from a mnemonic or seed. */
export async function regenColdkey(source: KeySource, options: ColdkeyOptions): Promise<KeyResult> {
  const paths = walletPaths(options);
  const key = await materialise(source);
  const bytes = await encodeKeyfile(key.data, options.password, options.kdf ?? KDF_SENSITIVE);
  writePrivateFile(paths.coldkey, bytes, { overwrite: options.overwrite });
  writePrivateFile(paths.coldkeypub, serializeKeyfile(publicKeyfile(key.address)), { overwrite: true });
  return { address: key.address, mnemonic: key.mnemonic, path: paths.coldkey };
}

/** Options of `regenHotkey`. */
export interface HotkeyOptions extends WalletLocation, CryptoOptions {
  /** Encryption password; default `null` = unencrypted, as Bittensor keeps hotkeys. */
  password?: string | null;
  overwrite?: boolean;
}

/** Writes `hotkeys/<hotkey>` from a mnemonic or seed. */
export async function regenHotkey(source: KeySource, options: HotkeyOptions = {}): Promise<KeyResult> {
  const paths = walletPaths(options);
  const key = await materialise(source);
  const bytes = await encodeKeyfile(key.data, options.password ?? null, options.kdf ?? KDF_SENSITIVE);
  writePrivateFile(paths.hotkey, bytes, { overwrite: options.overwrite });
  return { address: key.address, mnemonic: key.mnemonic, path: paths.hotkey };
}

/** Options of `createWallet`. */
export interface CreateWalletOptions extends WalletLocation, CryptoOptions {
  /** Coldkey password (required: coldkeys are always encrypted by `createWallet`). */
  coldkeyPassword: string;
  /** Hotkey password; default `null` = unencrypted. */
  hotkeyPassword?: string | null;
  /** Mnemonic length; default 12. */
  words?: 12 | 15 | 18 | 21 | 24;
  /** Skip the coldkey when the wallet already has one (to add a hotkey). Default false. */
  hotkeyOnly?: boolean;
  overwrite?: boolean;
}

/** Creates a new wallet (fresh mnemonics): encrypted coldkey, coldkeypub.txt and one hotkey. */
export async function createWallet(options: CreateWalletOptions): Promise<{ coldkey: KeyResult | null; hotkey: KeyResult }> {
  await cryptoWaitReady();
  const words = options.words ?? 12;
  let coldkey: KeyResult | null = null;
  if (options.hotkeyOnly !== true) {
    if (options.coldkeyPassword === '') throw new ArenaError('PASSWORD_REQUIRED', 'a coldkey password must not be empty');
    coldkey = await regenColdkey({ mnemonic: mnemonicGenerate(words) }, { ...options, password: options.coldkeyPassword });
  }
  const hotkey = await regenHotkey({ mnemonic: mnemonicGenerate(words) }, { ...options, password: options.hotkeyPassword ?? null });
  return { coldkey, hotkey };
}

async function loadKeyfile(path: string, password: string | null | undefined, kdf: KdfLimits): Promise<KeyringPair> {
  const bytes = readKeyfileBytes(path, { private: true });
  let text: string;
  if (keyfileEncryption(bytes) === 'none') text = new TextDecoder().decode(bytes);
  else {
    if (password === undefined || password === null) {
      throw new ArenaError('PASSWORD_REQUIRED', `${path} is encrypted: give its password (prompt or --password-file)`);
    }
    text = new TextDecoder().decode(await decryptKeyfileData(bytes, password, path, kdf));
  }
  return pairFromKeyfile(parseKeyfile(text, path), path);
}

/** Loads the hotkey as an sr25519 `KeyringPair`; `password` only for encrypted hotkeys. */
export async function loadHotkey(
  loc: WalletLocation = {},
  options: CryptoOptions & { password?: string | null } = {},
): Promise<KeyringPair> {
  return loadKeyfile(walletPaths(loc).hotkey, options.password, options.kdf ?? KDF_SENSITIVE);
}

/** Loads and decrypts the coldkey; a wrong password is `ArenaError('WRONG_PASSWORD')`. */
export async function loadColdkey(loc: WalletLocation, password: string | null, options: CryptoOptions = {}): Promise<KeyringPair> {
  return loadKeyfile(walletPaths(loc).coldkey, password, options.kdf ?? KDF_SENSITIVE);
}

/** Whether the keyfile at `path` is encrypted (false when missing). */
export function isKeyfileEncrypted(path: string): boolean {
  return exists(path) && keyfileEncryption(readKeyfileBytes(path, { private: false })) !== 'none';
}

/** Coldkey address from `coldkeypub.txt` (no password needed), or null when absent. */
export function readColdkeyAddress(loc: WalletLocation): string | null {
  const path = walletPaths(loc).coldkeypub;
  if (!exists(path)) return null;
  return keyfileAddress(parseKeyfile(new TextDecoder().decode(readKeyfileBytes(path, { private: false })), path));
}

/** Hotkey address without decrypting (null when the hotkey is encrypted or absent). */
export function readHotkeyAddress(loc: WalletLocation): string | null {
  const path = walletPaths(loc).hotkey;
  if (!exists(path)) return null;
  const bytes = readKeyfileBytes(path, { private: true });
  if (keyfileEncryption(bytes) !== 'none') return null;
  return keyfileAddress(parseKeyfile(new TextDecoder().decode(bytes), path));
}

/** What `showWallet` and `listWallets` report: names and addresses only, never secrets. */
export interface WalletSummary {
  name: string;
  path: string;
  coldkey: string | null;
  coldkeyEncrypted: boolean;
  hotkeys: Array<{ name: string; address: string | null; encrypted: boolean }>;
}

/** Addresses of one wallet; `WALLET_NOT_FOUND` when its directory does not exist. */
export function showWallet(loc: WalletLocation = {}): WalletSummary {
  const paths = walletPaths(loc);
  if (!exists(paths.dir)) {
    throw new ArenaError('WALLET_NOT_FOUND', `no wallet at ${paths.dir} (create one with "arena wallet create")`);
  }
  const names = exists(paths.hotkeysDir)
    ? readdirSync(paths.hotkeysDir)
        .filter((n) => !n.startsWith('.') && !n.endsWith('pub.txt'))
        .sort()
    : [];
  const hotkeys = names.map((hotkey) => {
    const hot = { ...loc, hotkey };
    return { name: hotkey, address: readHotkeyAddress(hot), encrypted: isKeyfileEncrypted(walletPaths(hot).hotkey) };
  });
  return {
    name: loc.name ?? 'default',
    path: paths.dir,
    coldkey: readColdkeyAddress(loc),
    coldkeyEncrypted: isKeyfileEncrypted(paths.coldkey),
    hotkeys,
  };
}

/** Every wallet under `path` (default `~/.bittensor/wallets`); an absent directory gives []. */
export function listWallets(path: string = defaultWalletPath()): WalletSummary[] {
  const base = expandHome(path);
  if (!exists(base)) return [];
  return readdirSync(base, { withFileTypes: true })
    .filter((e) => e.isDirectory() && NAME_RE.test(e.name))
    .map((e) => e.name)
    .sort()
    .map((name) => showWallet({ path: base, name }));
}

/** Options of `createDevWallet`. */
export interface DevWalletOptions extends WalletLocation, CryptoOptions {
  /** Coldkey URI, e.g. `//Alice`. */
  coldkeyUri: string;
  /** Hotkey URI; default `<coldkeyUri>//hot`. */
  hotkeyUri?: string;
  /** Coldkey password; default `null` (unencrypted: dev wallets are for local chains only). */
  password?: string | null;
  overwrite?: boolean;
}

/** A wallet from dev URIs (`//Alice`) for local runs; the keyfiles hold the private key (no mnemonic). */
export async function createDevWallet(options: DevWalletOptions): Promise<{ coldkey: string; hotkey: string }> {
  const paths = walletPaths(options);
  const cold = await pairFromUri(options.coldkeyUri);
  const hot = await pairFromUri(options.hotkeyUri ?? `${options.coldkeyUri}//hot`);
  const coldData = keyfileFromKeys(devKeys(cold));
  writePrivateFile(paths.coldkey, await encodeKeyfile(coldData, options.password ?? null, options.kdf ?? KDF_SENSITIVE), {
    overwrite: options.overwrite,
  });
  writePrivateFile(paths.coldkeypub, serializeKeyfile(publicKeyfile(cold.address)), { overwrite: true });
  writePrivateFile(paths.hotkey, serializeKeyfile(keyfileFromKeys(devKeys(hot))), { overwrite: options.overwrite });
  return { coldkey: cold.address, hotkey: hot.address };
}

/** Extracts raw keys from a dev pair (polkadot.js exposes them only through a PKCS8 export). */
function devKeys(pair: KeyringPair): { publicKey: Uint8Array; secretKey: Uint8Array } {
  const pkcs8 = pair.encodePkcs8();
  // PKCS8 layout of polkadot.js: 16-byte header, 64-byte secret, 5-byte divider, 32-byte public key.
  const secretKey = pkcs8.subarray(16, 80);
  const publicKey = pkcs8.subarray(85, 117);
  if (secretKey.length !== 64 || toSchnorrkelSecret(secretKey).length !== 64) {
    throw new ArenaError('INTERNAL', 'unexpected PKCS8 layout from @polkadot/keyring');
  }
  return { publicKey: Uint8Array.from(publicKey), secretKey: Uint8Array.from(secretKey) };
}
