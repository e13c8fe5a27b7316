import '@polkadot/api-augment';
import test from 'ava';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnDevchain } from './_helpers/spawn.ts';
import { connect, devKeys, sendAndWaitInBlock } from './_helpers/api.ts';

test('kill -9 then restart with the same --data-dir resumes at the last block with balances and history intact', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'arena-devchain-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const { alice, ferdie } = devKeys();

  const first = await spawnDevchain(t, ['--data-dir', dir, '--block-time-ms', '100']);
  const api1 = await connect(t, first.url);
  const genesis = api1.genesisHash.toHex();
  await sendAndWaitInBlock(api1, api1.tx.balances.transferKeepAlive(ferdie.address, 7_000_000_000n), alice);
  const hashAfterTransfer = (await api1.rpc.chain.getFinalizedHead()).toHex();
  const ferdieFree = (await api1.query.system.account(ferdie.address)).data.free.toBigInt();
  await new Promise((r) => setTimeout(r, 300)); // a few more blocks; the kill lands at an arbitrary point
  const headBeforeKill = (await api1.rpc.chain.getHeader()).number.toNumber();
  await api1.disconnect();
  first.child.kill('SIGKILL');
  await first.exited;

  const second = await spawnDevchain(t, ['--data-dir', dir, '--manual-seal']);
  const api2 = await connect(t, second.url);
  t.is(api2.genesisHash.toHex(), genesis);
  const head = (await api2.rpc.chain.getHeader()).number.toNumber();
  t.true(head >= headBeforeKill, `head ${head} should be at least ${headBeforeKill}`);
  t.is((await api2.query.system.account(ferdie.address)).data.free.toBigInt(), ferdieFree);
  const atOld = await api2.at(hashAfterTransfer);
  t.is((await atOld.query.system.account(ferdie.address)).data.free.toBigInt(), ferdieFree);
  t.is((await api2.rpc.chain.getBlockHash(1)).toHex().length, 66);
  // The chain continues from there.
  await api2.rpc('dev_newBlock' as never, { count: 1 } as never);
  t.is((await api2.rpc.chain.getHeader()).number.toNumber(), head + 1);
  t.is((await api2.query.system.account(alice.address)).nonce.toNumber(), 1);
});
