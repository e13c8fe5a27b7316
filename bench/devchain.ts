/**
 * Devchain benchmark: signed transfers submitted per second (author_submitExtrinsic over one
 * WebSocket), block production time with N transfers, and end-to-end included per second.
 * Run: node --import tsx bench/devchain.ts [N=500]   Prints one JSON object.
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import WebSocket from 'ws';
import '@polkadot/api-augment';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { startDevchain } from '#devchain';

const N = Number(process.argv[2] ?? 500);
const blockTimes: number[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    for (const line of chunk.toString().split('\n')) {
      if (!line) continue;
      const j = JSON.parse(line) as { msg?: string; durationMs?: number; extrinsics?: number };
      if (j.msg === 'block produced' && j.extrinsics && j.extrinsics > 1) blockTimes.push(j.durationMs ?? 0);
    }
    done();
  },
});

const node = await startDevchain({ tmp: true, port: 0, manualSeal: true, logger: pino({ level: 'info' }, sink) });
const api = await ApiPromise.create({ provider: new WsProvider(node.url), noInitWarn: true });
const keyring = new Keyring({ type: 'sr25519' });
const alice = keyring.addFromUri('//Alice');
const bob = keyring.addFromUri('//Bob');

const signStart = performance.now();
const txs: string[] = [];
for (let i = 0; i < N; i++) {
  const tx = await api.tx.balances
    .transferKeepAlive(bob.address, 1_000_000_000n + BigInt(i))
    .signAsync(alice, { nonce: i, era: 0, blockHash: api.genesisHash });
  txs.push(tx.toHex());
}
const signMs = performance.now() - signStart;

const ws = new WebSocket(node.url);
await new Promise((r) => ws.once('open', r));
let answered = 0;
let errors = 0;
const allAnswered = new Promise<void>((resolve) => {
  ws.on('message', (d) => {
    const r = JSON.parse(d.toString()) as { error?: unknown };
    if (r.error) errors++;
    if (++answered === N) resolve();
  });
});
const submitStart = performance.now();
txs.forEach((hex, i) => ws.send(JSON.stringify({ jsonrpc: '2.0', id: i, method: 'author_submitExtrinsic', params: [hex] })));
await allAnswered;
const submitMs = performance.now() - submitStart;

const blockStart = performance.now();
await api.rpc('dev_newBlock' as never, { count: 1 } as never);
const newBlockRpcMs = performance.now() - blockStart;
const block = await api.rpc.chain.getBlock();
const included = block.block.extrinsics.length - 1;

console.log(
  JSON.stringify({
    bench: 'devchain',
    transfers: N,
    rejected: errors,
    included,
    signMs: Math.round(signMs),
    submittedPerSec: Math.round(N / (submitMs / 1000)),
    submitMs: Math.round(submitMs),
    blockProductionMs: blockTimes[0] ?? null,
    devNewBlockRpcMs: Math.round(newBlockRpcMs),
    includedPerSec: Math.round(included / ((submitMs + newBlockRpcMs) / 1000)),
  }),
);
ws.close();
await api.disconnect();
await node.stop();
