import test from 'ava';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { signatureVerify } from '@polkadot/util-crypto';
// Independent check of the schnorrkel scalar: public key = scalar × ristretto base (test-only import).
import { RistrettoPoint } from '@noble/curves/ed25519';
import {
  createDevWallet,
  createWallet,
  listWallets,
  loadColdkey,
  loadHotkey,
  regenColdkey,
  regenHotkey,
  showWallet,
  walletPaths,
} from '../src/wallet/wallet.ts';
import { KDF_TEST_ONLY, encryptKeyfileData } from '../src/wallet/nacl.ts';
import { parseKeyfile, serializeKeyfile } from '../src/wallet/keyfile.ts';
import { fromSchnorrkelSecret, toSchnorrkelSecret } from '../src/wallet/sr25519.ts';
import { readPasswordFile } from '../src/wallet/password.ts';
import { ArenaError } from '../src/errors.ts';

const DEV_PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
const DEV_SEED = '0xfac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e';
const DEV_PUBLIC = '0x46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a';
const DEV_ADDRESS = '5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV';
const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const fast = { kdf: KDF_TEST_ONLY };

function tempWallets(t: { teardown(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'arena-wallet-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const modeOf = (p: string): number => statSync(p).mode & 0o777;

test('regen from the dev mnemonic writes Bittensor-format keyfiles with the known seed and address', async (t) => {
  const path = tempWallets(t);
  const res = await regenHotkey({ mnemonic: DEV_PHRASE }, { path, name: 'w', hotkey: 'h' });
  t.is(res.address, DEV_ADDRESS);
  const text = readFileSync(walletPaths({ path, name: 'w', hotkey: 'h' }).hotkey, 'utf8');
  t.true(text.startsWith(`{"accountId": "${DEV_PUBLIC}", "publicKey": "${DEV_PUBLIC}", "privateKey": "0x`));
  t.true(text.endsWith(`"secretPhrase": "${DEV_PHRASE}", "secretSeed": "${DEV_SEED}", "ss58Address": "${DEV_ADDRESS}"}`));
  const data = parseKeyfile(text, 'hotkey');
  // privateKey is schnorrkel SecretKey::to_bytes(): its scalar times the ristretto base is the public key.
  const scalarLe = hexToU8a(data.privateKey).subarray(0, 32);
  const scalar = BigInt(u8aToHex(Uint8Array.from(scalarLe).reverse()));
  t.is(u8aToHex(RistrettoPoint.BASE.multiply(scalar).toRawBytes()), DEV_PUBLIC);
  t.is(modeOf(walletPaths({ path, name: 'w' }).dir), 0o700);
  t.is(modeOf(walletPaths({ path, name: 'w', hotkey: 'h' }).hotkey), 0o600);
});

test('a keyfile holding only privateKey and publicKey (Bittensor JSON) loads and signs', async (t) => {
  const path = tempWallets(t);
  const source = await regenHotkey({ mnemonic: DEV_PHRASE }, { path, name: 'src' });
  const full = parseKeyfile(readFileSync(source.path, 'utf8'), 'src');
  const onlyPrivate = serializeKeyfile({ ...full, secretPhrase: null, secretSeed: null });
  mkdirSync(join(path, 'py', 'hotkeys'), { recursive: true });
  writeFileSync(join(path, 'py', 'hotkeys', 'default'), onlyPrivate, { mode: 0o600 });
  const pair = await loadHotkey({ path, name: 'py' });
  t.is(pair.address, DEV_ADDRESS);
  const msg = new TextEncoder().encode('hello');
  t.true(signatureVerify(msg, pair.sign(msg), DEV_ADDRESS).isValid);
});

test('secret layouts convert both ways and a mismatching public key is refused', async (t) => {
  const path = tempWallets(t);
  const res = await regenHotkey({ seed: DEV_SEED }, { path, name: 'w' });
  t.is(res.address, DEV_ADDRESS);
  const data = parseKeyfile(readFileSync(res.path, 'utf8'), 'k');
  const bt = hexToU8a(data.privateKey);
  t.deepEqual(toSchnorrkelSecret(fromSchnorrkelSecret(bt)), bt);
  const bad = serializeKeyfile({
    ...data,
    secretPhrase: null,
    secretSeed: null,
    publicKey: `0x${'11'.repeat(32)}`,
    accountId: null,
    ss58Address: null,
  });
  writeFileSync(res.path, bad, { mode: 0o600 });
  const err = await t.throwsAsync(loadHotkey({ path, name: 'w' }), { instanceOf: ArenaError });
  t.is(err.code, 'KEYFILE_INVALID');
});

test('createWallet writes coldkey (encrypted), coldkeypub.txt and an unencrypted hotkey; reload with the password', async (t) => {
  const path = tempWallets(t);
  const res = await createWallet({ path, name: 'alice', hotkey: 'miner1', coldkeyPassword: 'correct horse', ...fast });
  const paths = walletPaths({ path, name: 'alice', hotkey: 'miner1' });
  t.true(readFileSync(paths.coldkey).subarray(0, 5).toString() === '$NACL');
  t.is(modeOf(paths.coldkey), 0o600);
  t.is(modeOf(paths.coldkeypub), 0o600);
  t.is(modeOf(paths.hotkey), 0o600);
  t.is(res.coldkey?.mnemonic?.split(' ').length, 12);
  const pub = JSON.parse(readFileSync(paths.coldkeypub, 'utf8')) as Record<string, unknown>;
  t.like(pub, { ss58Address: res.coldkey?.address, privateKey: null, secretPhrase: null, secretSeed: null });
  const cold = await loadColdkey({ path, name: 'alice' }, 'correct horse', fast);
  t.is(cold.address, res.coldkey?.address ?? '');
  const hot = await loadHotkey({ path, name: 'alice', hotkey: 'miner1' });
  t.is(hot.address, res.hotkey.address);
  t.deepEqual(showWallet({ path, name: 'alice' }), {
    name: 'alice',
    path: paths.dir,
    coldkey: res.coldkey?.address ?? null,
    coldkeyEncrypted: true,
    hotkeys: [{ name: 'miner1', address: res.hotkey.address, encrypted: false }],
  });
  t.deepEqual(
    listWallets(path).map((w) => w.name),
    ['alice'],
  );
  await t.throwsAsync(createWallet({ path, name: 'alice', hotkey: 'miner1', coldkeyPassword: 'x', ...fast }), {
    message: /already exists/,
  });
});

test('a wrong password is refused with a clear WRONG_PASSWORD error', async (t) => {
  const path = tempWallets(t);
  await regenColdkey({ mnemonic: DEV_PHRASE }, { path, name: 'w', password: 'right', ...fast });
  const err = await t.throwsAsync(loadColdkey({ path, name: 'w' }, 'wrong', fast), { instanceOf: ArenaError });
  t.is(err.code, 'WRONG_PASSWORD');
  t.regex(err.message, /wrong password for .*coldkey/);
  const missing = await t.throwsAsync(loadColdkey({ path, name: 'w' }, null, fast), { instanceOf: ArenaError });
  t.is(missing.code, 'PASSWORD_REQUIRED');
});

test('a keyfile readable by group or others is refused with the chmod fix', async (t) => {
  const path = tempWallets(t);
  const res = await regenHotkey({ mnemonic: DEV_PHRASE }, { path, name: 'w' });
  chmodSync(res.path, 0o644);
  const err = await t.throwsAsync(loadHotkey({ path, name: 'w' }), { instanceOf: ArenaError });
  t.is(err.code, 'KEYFILE_PERMISSIONS');
  t.true(err.message.includes(`chmod 600 ${res.path}`));
  chmodSync(res.path, 0o600);
  t.is((await loadHotkey({ path, name: 'w' })).address, DEV_ADDRESS);
});

test('dev wallets from //Alice load as Alice', async (t) => {
  const path = tempWallets(t);
  const res = await createDevWallet({ path, name: 'alice', coldkeyUri: '//Alice', hotkeyUri: '//Alice//hot' });
  t.is(res.coldkey, ALICE);
  t.is((await loadColdkey({ path, name: 'alice' }, null)).address, ALICE);
  t.is((await loadHotkey({ path, name: 'alice' })).address, res.hotkey);
  const data = parseKeyfile(readFileSync(walletPaths({ path, name: 'alice' }).coldkey, 'utf8'), 'c');
  t.is(data.secretPhrase, null);
  t.truthy(data.privateKey);
});

test('bad names, bad mnemonics and unreadable files give clear errors', async (t) => {
  const path = tempWallets(t);
  t.throws(() => walletPaths({ path, name: '../etc' }), { message: /wallet name/ });
  await t.throwsAsync(regenHotkey({ mnemonic: 'not a real mnemonic at all' }, { path, name: 'w' }), { message: /BIP-39/ });
  await t.throwsAsync(regenHotkey({ seed: '0x1234' }, { path, name: 'w' }), { message: /64 hex digits/ });
  await t.throwsAsync(loadHotkey({ path, name: 'nobody' }), { message: /keyfile not found/ });
  t.throws(() => showWallet({ path, name: 'nobody' }), { message: /no wallet at/ });
  mkdirSync(join(path, 'junk', 'hotkeys'), { recursive: true });
  writeFileSync(join(path, 'junk', 'hotkeys', 'default'), '{"publicKey": "0x12"}', { mode: 0o600 });
  await t.throwsAsync(loadHotkey({ path, name: 'junk' }), { message: /bad keyfile fields: publicKey/ });
  const enc = await encryptKeyfileData(new TextEncoder().encode('{}'), 'pw', KDF_TEST_ONLY);
  writeFileSync(join(path, 'junk', 'hotkeys', 'enc'), enc, { mode: 0o600 });
  await t.throwsAsync(loadHotkey({ path, name: 'junk', hotkey: 'enc' }), { message: /is encrypted: give its password/ });
});

test('password files must be private and are read without the trailing newline', (t) => {
  const dir = tempWallets(t);
  const file = join(dir, 'pw');
  writeFileSync(file, 'hunter2\n', { mode: 0o600 });
  t.is(readPasswordFile(file), 'hunter2');
  chmodSync(file, 0o640);
  t.throws(() => readPasswordFile(file), { message: /chmod 600/ });
  t.throws(() => readPasswordFile(join(dir, 'none')), { message: /password file not found/ });
});
