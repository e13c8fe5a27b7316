import '@polkadot/api-augment';
import test from 'ava';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { startDevchain } from '#devchain';
import { devKeys, sendAndWaitInBlock } from './_helpers/api.ts';
import { spawnDevchain } from './_helpers/spawn.ts';

test('ed25519 signers, storage subscriptions, paged keys and block subscriptions work in-process', async (t) => {
  const node = await startDevchain({ tmp: true, port: 0, blockTimeMs: 100 });
  t.teardown(() => node.stop());
  const api = await ApiPromise.create({ provider: new WsProvider(node.url), noInitWarn: true });
  t.teardown(() => api.disconnect());
  const { alice } = devKeys();
  const ed = new Keyring({ type: 'ed25519' }).addFromUri('//EdTest');

  const seen: bigint[] = [];
  const unsub = await api.query.system.account(ed.address, (a) => {
    seen.push(a.data.free.toBigInt());
  });
  t.teardown(() => unsub());
  await sendAndWaitInBlock(api, api.tx.balances.transferAllowDeath(ed.address, 5_000_000_000n), alice);
  const res = await sendAndWaitInBlock(api, api.tx.balances.transferKeepAlive(alice.address, 1_000_000_000n), ed);
  t.truthy(res.events.find(({ event }) => api.events.balances.Transfer.is(event)));
  await new Promise((r) => setTimeout(r, 300));
  t.is(seen[0], 0n);
  t.true(seen.includes(5_000_000_000n));

  const entries = await api.query.system.account.entries();
  t.is(entries.length, 7); // six dev accounts + the ed25519 one
  const keys = await api.rpc.state.getKeysPaged(api.query.system.account.keyPrefix(), 3);
  t.is(keys.length, 3);

  const heads: number[] = [];
  const unsubHeads = await api.rpc.chain.subscribeNewHeads((h) => {
    heads.push(h.number.toNumber());
  });
  await new Promise((r) => setTimeout(r, 500));
  unsubHeads();
  t.true(heads.length >= 2 && heads.every((n, i) => i === 0 || n === heads[i - 1]! + 1));
});

test('SIGTERM stops a spawned devchain cleanly with exit code 0', async (t) => {
  const node = await spawnDevchain(t, ['--tmp', '--manual-seal']);
  node.child.kill('SIGTERM');
  t.is(await node.exited, 0);
  t.true(node.logs.some((l) => l.includes('devchain stopped')));
});
