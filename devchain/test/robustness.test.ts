import '@polkadot/api-augment';
import test from 'ava';
import WebSocket from 'ws';
import { spawnDevchain } from './_helpers/spawn.ts';
import { connect, devKeys } from './_helpers/api.ts';

type Reply = { id?: unknown; result?: unknown; error?: { code: number; message: string; data?: unknown } };

function wsClient(url: string): Promise<{ ask(frame: string): Promise<Reply | Reply[]>; close(): void }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const queue: ((r: Reply | Reply[]) => void)[] = [];
    ws.on('message', (d) => {
      const r = JSON.parse(d.toString()) as Reply | Reply[];
      if (!Array.isArray(r) && 'method' in r) return;
      queue.shift()?.(r);
    });
    ws.once('open', () =>
      resolve({
        ask: (frame) =>
          new Promise((res) => {
            queue.push(res);
            ws.send(frame);
          }),
        close: () => ws.close(),
      }),
    );
    ws.once('error', reject);
  });
}

test('bad input gets JSON-RPC errors and the node keeps serving (WebSocket and HTTP)', async (t) => {
  const node = await spawnDevchain(t, ['--tmp', '--manual-seal'], { ARENA_DEVCHAIN_MAX_PAYLOAD_BYTES: '65536' });
  const c = await wsClient(node.url);
  t.teardown(() => c.close());
  const err = async (frame: string): Promise<number> => {
    const r = await c.ask(frame);
    const one = Array.isArray(r) ? r[0]! : r;
    t.truthy(one.error, `expected an error for ${frame.slice(0, 80)}`);
    return one.error!.code;
  };
  t.is(await err('{not json'), -32700);
  t.is(await err('{"jsonrpc":"2.0","id":1,"method":"no_such_method","params":[]}'), -32601);
  t.is(await err('{"jsonrpc":"2.0","id":2,"method":"chain_getBlockHash","params":["abc"]}'), -32602);
  t.is(await err('{"jsonrpc":"2.0","id":3,"method":"state_getStorage","params":[42]}'), -32602);
  t.is(await err('{"jsonrpc":"2.0","id":4,"method":"author_submitExtrinsic","params":["0xdeadbeef"]}'), 1010);
  t.is(await err('{"jsonrpc":"2.0","id":5,"method":"author_submitExtrinsic","params":["0x"]}'), 1010);
  t.is(await err('{"jsonrpc":"2.0","id":6,"method":"state_call","params":["Nope_nothing","0x"]}'), 4003);
  t.is(await err('{"jsonrpc":"2.0","id":7,"method":"dev_newBlock","params":[{"count":-1}]}'), -32602);
  t.is(await err('{"jsonrpc":"2.0","id":8,"method":"system_accountNextIndex","params":["not-an-address"]}'), -32602);
  t.is(await err('[]'), -32600);
  t.is(await err('"just a string"'), -32600);
  const batch = (await c.ask(
    JSON.stringify([
      { jsonrpc: '2.0', id: 10, method: 'system_chain' },
      { jsonrpc: '2.0', id: 11, method: 'nope' },
    ]),
  )) as Reply[];
  t.is(batch.length, 2);
  t.is(batch.find((r) => r.id === 10)!.result, 'Arena Devchain');
  t.is(batch.find((r) => r.id === 11)!.error!.code, -32601);
  // Oversized requests: the WebSocket is closed with 1009 and HTTP answers 413; the node survives.
  const huge = JSON.stringify({ jsonrpc: '2.0', id: 12, method: 'state_getStorage', params: [`0x${'00'.repeat(70_000)}`] });
  const big = new WebSocket(node.url);
  const code = await new Promise<number>((resolve) => {
    big.once('open', () => big.send(huge));
    big.once('close', (c) => resolve(c));
  });
  t.is(code, 1009);
  const res = await fetch(node.httpUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: huge }).catch(() => null);
  t.true(res === null || res.status === 413);
  // Still serving, over both transports.
  const ok = (await c.ask('{"jsonrpc":"2.0","id":20,"method":"dev_newBlock","params":[{"count":2}]}')) as Reply;
  t.regex(String(ok.result), /^0x[0-9a-f]{64}$/);
  const http = await fetch(node.httpUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"jsonrpc":"2.0","id":1,"method":"chain_getHeader","params":[]}',
  });
  const header = (await http.json()) as { result: { number: string } };
  t.is(header.result.number, '0x2');
  const httpBad = await fetch(node.httpUrl, { method: 'POST', body: '{oops' });
  t.is(((await httpBad.json()) as Reply).error!.code, -32700);
});

test('bad signatures and stale nonces are rejected; a future nonce waits and is included in turn', async (t) => {
  const node = await spawnDevchain(t, ['--tmp', '--manual-seal']);
  const api = await connect(t, node.url);
  const { alice, bob, eve } = devKeys();
  const newBlock = (): Promise<unknown> => api.rpc('dev_newBlock' as never, { count: 1 } as never);

  // Bad signature: flip one byte of a valid signature.
  const good = await api.tx.balances.transferKeepAlive(bob.address, 1_000_000_000n).signAsync(eve, { nonce: 0 });
  const bytes = good.toU8a();
  const bad = Uint8Array.from(bytes);
  bad[40] = bad[40]! ^ 0xff;
  const e1 = await t.throwsAsync(api.rpc.author.submitExtrinsic(bad));
  t.regex(e1!.message, /1010.*bad signature/i);

  // Wrong genesis (a payload for another chain) is also a bad proof.
  const wrong = await api.tx.balances
    .transferKeepAlive(bob.address, 1n)
    .signAsync(eve, { nonce: 0, blockHash: api.genesisHash, era: 0, genesisHash: `0x${'11'.repeat(32)}` } as never);
  const e2 = await t.throwsAsync(api.rpc.author.submitExtrinsic(wrong.toU8a()));
  t.regex(e2!.message, /1010/);

  // Future nonce: nonce 1 waits, nonce 0 arrives, both land in one block, in order.
  const statuses: string[] = [];
  const future = await api.tx.balances.transferKeepAlive(bob.address, 2_000_000_000n).signAsync(alice, { nonce: 1 });
  const unsub = await api.rpc.author.submitAndWatchExtrinsic(future, (s) => {
    statuses.push(s.type);
  });
  t.teardown(() => unsub());
  t.is((await api.rpc.system.accountNextIndex(alice.address)).toNumber(), 0);
  const first = await api.tx.balances.transferKeepAlive(bob.address, 1_000_000_000n).signAsync(alice, { nonce: 0 });
  await api.rpc.author.submitExtrinsic(first);
  t.is((await api.rpc.system.accountNextIndex(alice.address)).toNumber(), 2);
  t.is((await api.rpc.author.pendingExtrinsics()).length, 2);
  await newBlock();
  const block = await api.rpc.chain.getBlock();
  t.is(block.block.extrinsics.length, 3);
  t.is((await api.query.system.account(alice.address)).nonce.toNumber(), 2);
  await new Promise((r) => setTimeout(r, 400));
  t.deepEqual(statuses.slice(0, 1), ['Future']);
  t.true(statuses.includes('InBlock'));

  // A payload over 256 bytes is signed as its blake2-256 hash (polkadot.js does the same).
  const remark = await api.tx.system.remark(`0x${'07'.repeat(400)}`).signAsync(alice, { nonce: 2 });
  await api.rpc.author.submitExtrinsic(remark);
  await newBlock();
  t.is((await api.query.system.account(alice.address)).nonce.toNumber(), 3);

  // Mortal era: signed with a 4-block period, then submitted after it expired.
  const header = await api.rpc.chain.getHeader();
  const mortal = await api.tx.balances.transferKeepAlive(bob.address, 1n).signAsync(alice, {
    nonce: 3,
    blockHash: header.hash,
    era: api.createType('ExtrinsicEra', { current: header.number.toNumber(), period: 4 }),
  });
  await api.rpc('dev_newBlock' as never, { count: 6 } as never);
  const e4 = await t.throwsAsync(api.rpc.author.submitExtrinsic(mortal));
  t.regex(e4!.message, /1010/);

  // Stale: nonce 0 again.
  const stale = await api.tx.balances.transferKeepAlive(bob.address, 1n).signAsync(alice, { nonce: 0 });
  const e3 = await t.throwsAsync(api.rpc.author.submitExtrinsic(stale));
  t.regex(e3!.message, /1010.*outdated/i);
});
