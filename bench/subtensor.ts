/**
 * SubtensorModule on the devchain (standalone, prints one JSON object):
 *  - epoch time on chain at n = 256 with 64 validators (genesis subnet + set_weights): block time of
 *    an epoch block minus the median non-epoch block time;
 *  - set_weights extrinsics per second included (64 validators × 256 weights in one block);
 *  - NeuronInfoRuntimeApi_get_neurons_lite latency at n = 256 (state_call over WebSocket).
 * Usage: node --import tsx bench/subtensor.ts
 */
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { startDevchain } from '#devchain';
import { codecList, readEpochSchedule, subtensorAt } from '#core/reader';

const N = 256,
  V = 64,
  TEMPO = 20;
const neurons = Array.from({ length: N }, (_, i) => ({
  hotkey: `//bench//h${i}`,
  coldkey: '//Bob',
  stake: i < V ? 1000 + i : 0,
  validatorPermit: i < V,
}));
const node = await startDevchain({
  tmp: true,
  port: 0,
  manualSeal: true,
  genesis: {
    devAccountsTao: 1_000_000,
    accounts: [],
    sudo: '//Alice',
    pallets: {
      SubtensorModule: {
        subnets: [
          {
            netuid: 1,
            owner: '//Alice',
            hyperparams: {
              tempo: TEMPO,
              commitRevealEnabled: false,
              weightsSetRateLimit: 0,
              maxAllowedValidators: V,
              minAllowedWeights: 1,
            },
            neurons,
            startCall: true,
          },
        ],
      },
    },
  },
});
const provider = new WsProvider(node.url, false);
await provider.connect();
const api = await ApiPromise.create({ provider, noInitWarn: true });
const keyring = new Keyring({ type: 'sr25519' });
const newBlock = async (): Promise<number> => {
  const t0 = performance.now();
  await provider.send('dev_newBlock', [{ count: 1 }]);
  return performance.now() - t0;
};

const uids = Array.from({ length: N }, (_, i) => i);
const signed = [];
for (let i = 0; i < V; i++) {
  const pair = keyring.addFromUri(`//bench//h${i}`);
  const weights = uids.map((j) => ((j * 7919 + i * 104729) % 65535) + 1);
  signed.push(await api.tx.subtensorModule!.setWeights!(1, uids, weights, 0).signAsync(pair, { nonce: 0, era: 0 }));
}
for (const x of signed) await api.rpc.author.submitExtrinsic(x);
const includeMs = await newBlock();
const block = await api.rpc.chain.getBlock();
const included = block.block.extrinsics.length - 1;

// Block times until two epochs have fired.
const times: { ms: number; epoch: boolean }[] = [];
const epochIndex = async (): Promise<number | null> => (await readEpochSchedule(await subtensorAt(api), 1)).subnetEpochIndex;
let lastIdx = await epochIndex();
for (let i = 0; i < 2 * TEMPO + 2; i++) {
  const ms = await newBlock();
  const idx = await epochIndex();
  times.push({ ms, epoch: idx !== lastIdx });
  lastIdx = idx;
}
const plain = times
  .filter((x) => !x.epoch)
  .map((x) => x.ms)
  .sort((a, b) => a - b);
const median = plain[Math.floor(plain.length / 2)] ?? 0;
const epochBlocks = times.filter((x) => x.epoch).map((x) => x.ms);

const lat: number[] = [];
let bytes = 0;
for (let i = 0; i < 20; i++) {
  const t0 = performance.now();
  const r = await api.rpc.state.call('NeuronInfoRuntimeApi_get_neurons_lite', '0x0100');
  lat.push(performance.now() - t0);
  bytes = r.length;
}
lat.sort((a, b) => a - b);
const dividends = codecList(await (await subtensorAt(api)).need('dividends')(1));
console.log(
  JSON.stringify({
    n: N,
    validators: V,
    setWeights: { submitted: V, included, blockMs: +includeMs.toFixed(1), perSecond: +(included / (includeMs / 1000)).toFixed(1) },
    epoch: {
      epochBlocksMs: epochBlocks.map((x) => +x.toFixed(1)),
      medianPlainBlockMs: +median.toFixed(1),
      epochMs: +(Math.max(...epochBlocks) - median).toFixed(1),
    },
    getNeuronsLite: { bytes, medianMs: +(lat[10] ?? 0).toFixed(2), p95Ms: +(lat[18] ?? 0).toFixed(2) },
    dividendsLength: dividends.length,
  }),
);
await api.disconnect();
await node.stop();
