import test from 'ava';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadColdkey, regenColdkey, walletPaths } from '../src/wallet/wallet.ts';
import { NACL_SALT, KDF_SENSITIVE } from '../src/wallet/nacl.ts';

// The real argon2i "sensitive" limits (8 passes, 512 MiB): what Bittensor needs to read the coldkey.
// Each derivation takes ~6 s here, so this file does exactly one write and one read.
test('a coldkey written with the real Bittensor NaCl limits reads back', async (t) => {
  t.timeout(120_000);
  const path = mkdtempSync(join(tmpdir(), 'arena-wallet-real-'));
  t.teardown(() => rmSync(path, { recursive: true, force: true }));
  t.deepEqual(KDF_SENSITIVE, { opsLimit: 8, memLimit: 512 * 1024 * 1024 });
  t.is(Buffer.from(NACL_SALT).toString('hex'), '137183dff15a09bc9c90b5518739e9b1');
  const mnemonic = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
  const t0 = Date.now();
  const res = await regenColdkey({ mnemonic }, { path, name: 'real', password: 'pw' });
  const writeMs = Date.now() - t0;
  const bytes = readFileSync(walletPaths({ path, name: 'real' }).coldkey);
  t.is(bytes.subarray(0, 5).toString(), '$NACL');
  const t1 = Date.now();
  const pair = await loadColdkey({ path, name: 'real' }, 'pw');
  t.log(`argon2i sensitive: write ${writeMs} ms, read ${Date.now() - t1} ms`);
  t.is(pair.address, res.address);
});
