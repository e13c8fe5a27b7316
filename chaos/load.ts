/**
 * `npm run chaos -- load --minutes M`: a devchain (1 s blocks) under sustained mixed load: signed transfers
 * from four accounts every block, set_weights from 64 permit-holding validators each at the chain's rate
 * limit (chaos/weights-load.ts), and 100 WebSocket clients each holding a new-heads subscription and a
 * storage subscription while issuing storage queries in a loop. Recorded: block intervals (p50/p99/max
 * against the 1 s target), set_weights accepted/refused/included and whether every validator's weights
 * landed within each tempo, per-client answered queries and notifications (the least served client vs
 * the median: starvation), and the chain's RSS over time with a least-squares slope.
 */
import '@polkadot/api-augment';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { LOAD_N, LOAD_NETUID, LOAD_RATE_LIMIT, LOAD_TEMPO, loadChainConfig, validatorUri } from './load-subnet.ts';
import { ARENA, sleep, slope, spawnNode, usage } from './proc.ts';
import { WeightsLoad } from './weights-load.ts';

export interface LoadOptions {
  minutes: number;
  seed: number;
  clients?: number;
  /** Validators setting weights (default 64). */
  validators?: number;
  /** Uids of validators that never send (to see the starvation check fire). */
  silentUids?: number[];
}
const SYSTEM_ACCOUNT_ALICE =
  '0x26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9de1e86a9a8c739864cf3cc5ec2bea59fd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d';

interface Client {
  ws: WebSocket;
  answered: number;
  notified: number;
  errors: number;
}

function openClient(url: string): Promise<Client> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const c: Client = { ws, answered: 0, notified: 0, errors: 0 };
    ws.on('message', (d) => {
      const m = JSON.parse(d.toString()) as { method?: string; error?: unknown };
      if (m.method !== undefined) c.notified++;
      else if (m.error !== undefined) c.errors++;
      else c.answered++;
    });
    ws.once('open', () => {
      ws.send(JSON.stringify({ jsonrpc: '2.0', id: 's1', method: 'chain_subscribeNewHeads', params: [] }));
      ws.send(JSON.stringify({ jsonrpc: '2.0', id: 's2', method: 'state_subscribeStorage', params: [[SYSTEM_ACCOUNT_ALICE]] }));
      resolve(c);
    });
    ws.once('error', reject);
  });
}

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
};

export async function runLoad(
  o: LoadOptions,
  log: (l: Record<string, unknown>) => void,
): Promise<Record<string, unknown> & { ok: boolean }> {
  await cryptoWaitReady();
  const dir = mkdtempSync(join(tmpdir(), 'arena-load-'));
  const cfgPath = join(dir, 'devchain.json');
  const validators = o.validators ?? 64;
  writeFileSync(cfgPath, JSON.stringify(loadChainConfig({ validators, dataDir: join(dir, 'chain') })));
  const chain = spawnNode('devchain', [ARENA, 'devchain', '--config', cfgPath, '--port', '0', '--block-time-ms', '1000']);
  const clients: Client[] = [];
  let api: ApiPromise | undefined;
  try {
    const url = String((await chain.waitFor('devchain listening', 120_000)).url);
    const provider = new WsProvider(url, false);
    await provider.connect();
    api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
    const k = new Keyring({ type: 'sr25519', ss58Format: 42 });
    const weights = new WeightsLoad(
      api,
      Array.from({ length: validators }, (_, i) => ({
        pair: k.addFromUri(validatorUri(i)),
        uid: i + 1,
        silent: o.silentUids?.includes(i + 1) ?? false,
      })),
      { netuid: LOAD_NETUID, n: LOAD_N, rateLimit: LOAD_RATE_LIMIT, window: LOAD_TEMPO },
    );
    const heads: Array<{ n: number; t: number }> = [];
    const unsub = await api.rpc.chain.subscribeNewHeads((h) => {
      heads.push({ n: h.number.toNumber(), t: Date.now() });
      weights.onBlock(h.number.toNumber(), h.hash.toHex());
    });
    for (let i = 0; i < (o.clients ?? 100); i++) clients.push(await openClient(url));
    const senders = ['//Alice', '//Bob', '//Charlie', '//Dave'].map((u) => k.addFromUri(u));
    const dest = k.addFromUri('//Ferdie').address;
    const t0 = Date.now();
    const end = t0 + o.minutes * 60_000;
    const rss: Array<[number, number]> = [];
    let transfers = 0;
    let refused = 0;
    let q = 0;
    while (Date.now() < end) {
      for (const s of senders) {
        const nonce = await api.rpc.system.accountNextIndex(s.address);
        for (let j = 0; j < 5; j++) {
          const tx = await api.tx.balances.transferKeepAlive(dest, 1_000n).signAsync(s, { nonce: nonce.toNumber() + j, era: 0 });
          await api.rpc.author.submitExtrinsic(tx).then(
            () => {
              transfers++;
            },
            () => {
              refused++;
            },
          );
        }
      }
      for (const c of clients)
        c.ws.send(JSON.stringify({ jsonrpc: '2.0', id: q++, method: 'state_getStorage', params: [SYSTEM_ACCOUNT_ALICE] }));
      rss.push([(Date.now() - t0) / 60_000, usage(chain.pid).rssMb]);
      await sleep(500);
    }
    await sleep(2_000);
    unsub();
    await weights.drain();
    const w = weights.result();
    const intervals = heads.slice(1).map((h, i) => h.t - heads[i]!.t);
    const answered = clients.map((c) => c.answered);
    const notified = clients.map((c) => c.notified);
    const warm = rss.filter(([t]) => t > Math.min(1, o.minutes / 3));
    const result = {
      minutes: o.minutes,
      startedAt: new Date(t0).toISOString(),
      clients: clients.length,
      blocks: heads.length,
      transfersAccepted: transfers,
      transfersRefused: refused,
      blockIntervalMs: { p50: pct(intervals, 0.5), p99: pct(intervals, 0.99), max: Math.max(0, ...intervals) },
      // When the longest gaps happened (minutes into the run), to set against the machine's load average then.
      slowestBlocks: heads
        .slice(1)
        .map((h, i) => ({ block: h.n, atMin: Math.round(((h.t - t0) / 60_000) * 100) / 100, ms: intervals[i]! }))
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 3),
      queriesPerClient: { min: Math.min(...answered), median: pct(answered, 0.5), max: Math.max(...answered) },
      notificationsPerClient: { min: Math.min(...notified), median: pct(notified, 0.5) },
      clientErrors: clients.reduce((s, c) => s + c.errors, 0),
      setWeights: w,
      chainRssMb: {
        start: rss[0]?.[1],
        end: rss.at(-1)?.[1],
        peak: Math.max(...rss.map(([, r]) => r)),
        slopeMbPerMin: Math.round(slope(warm) * 100) / 100,
      },
    };
    const starved =
      result.queriesPerClient.min < 0.5 * result.queriesPerClient.median ||
      result.notificationsPerClient.min < 0.5 * result.notificationsPerClient.median;
    const problems = [
      ...(starved ? ['a client got less than half the median service'] : []),
      ...(result.blockIntervalMs.p50 > 1_500 ? [`median block interval ${result.blockIntervalMs.p50} ms for a 1,000 ms target`] : []),
      ...(result.clientErrors > 0 ? [`${result.clientErrors} client errors`] : []),
      ...(validators > 0 && w.checks === 0 ? ["no tempo check of the validators' weights ran (run longer than one tempo)"] : []),
      ...(w.starvedChecks > 0
        ? [`weights of validators (uids ${w.starvedValidators.join(', ')}) older than ${LOAD_TEMPO} blocks in ${w.starvedChecks} checks`]
        : []),
      ...(w.refused > 0 ? [`${w.refused} set_weights refused by the pool: ${JSON.stringify(w.refusals)}`] : []),
      ...(w.failedExtrinsics > 0 ? [`${w.failedExtrinsics} extrinsics failed in blocks`] : []),
    ];
    log({ load: 'done' });
    return { ok: problems.length === 0, problems, ...result };
  } finally {
    for (const c of clients) c.ws.terminate();
    await api?.disconnect().catch(() => undefined);
    await chain.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}
