/**
 * Copier / noisy proxy: a miner with no model. For each validator request it asks its victim(s) the same
 * question through their own gRPC API (signed with its own hotkey, which holds a validator permit) and
 * answers with their predictions, optionally disguised (explicit parameters, reported with the figures):
 * `mix` (weight of the first victim when two are mixed: p = mix*p1 + (1-mix)*p2), then `lib/disguise.ts`.
 * The inputs it forwards may be disguised too (`lib/relay-evasion.ts`: shuffled, shifted, noised).
 * When a victim refuses (caller gating), the copier answers uniform probabilities.
 */

import { errorMessage } from '#core';
import { ensureCryptoReady, MinerClient, type PredictRequest } from '#protocol';
import { type AdversaryBase, metagraph, publishAxon, readArgs, setup } from './lib/common.ts';
import { type Disguise, disguise } from './lib/disguise.ts';
import { startFakeMiner } from './lib/fake-miner.ts';
import { evadeInputs, type RelayEvasion, restoreOrder } from './lib/relay-evasion.ts';

export interface CopierArgs extends AdversaryBase, Disguise, RelayEvasion {
  victims: string[];
  /** Weight of the first victim when two are mixed. */
  mix?: number;
}

async function main(): Promise<void> {
  const args = readArgs<CopierArgs>('copier');
  const clients = new Map<string, MinerClient>();
  const { log, client, keys } = await setup('copier', args, () => {
    for (const c of clients.values()) c.close();
  });
  const me = keys[0]!;
  await ensureCryptoReady();
  let stats = { forwarded: 0, refused: 0 };
  const victimClient = async (hotkey: string): Promise<MinerClient | undefined> => {
    const m = await metagraph(client, args.netuid);
    const uid = m.hotkeys.indexOf(hotkey as never);
    const axon = uid >= 0 ? m.axons[uid] : undefined;
    if (!axon || axon.port === 0) return undefined;
    const address = `${axon.ip}:${axon.port}`;
    const key = `${hotkey}@${address}`;
    let c = clients.get(key);
    if (!c) {
      c = new MinerClient({ address, minerHotkey: hotkey, signer: me });
      clients.set(key, c);
    }
    return c;
  };
  const ask = async (hotkey: string, req: PredictRequest): Promise<Float32Array | undefined> => {
    try {
      const c = await victimClient(hotkey);
      if (!c) return undefined;
      const rows = req.input.shape[0] ?? 0;
      const sent = evadeInputs(req.input.data as Float32Array, rows, args);
      const input = { ...req.input, data: sent.input };
      const res = await c.predict({ competitionId: req.competitionId, roundId: req.roundId, input }, { deadlineMs: 3_000 });
      stats.forwarded++;
      return restoreOrder(res.value.output.data as Float32Array, sent.order, 10);
    } catch (err: unknown) {
      stats.refused++;
      log.info({ err: errorMessage(err), victim: hotkey }, 'victim refused or failed');
      return undefined;
    }
  };
  const miner = await startFakeMiner({
    hotkey: me,
    modelName: 'copier',
    answer: async (req) => {
      const n = req.input.shape[0] ?? 0;
      const answers = await Promise.all(args.victims.map((v) => ask(v, req)));
      const got = answers.filter((a): a is Float32Array => a !== undefined);
      if (got.length === 0) return new Float32Array(n * 10).fill(0.1);
      let p = got[0]!;
      if (got.length > 1) {
        const w = args.mix ?? 0.5;
        p = p.map((v, i) => w * v + (1 - w) * got[1]![i]!);
      }
      return disguise(p, 10, args);
    },
  });
  await publishAxon(client, me, args.netuid, miner.port);
  log.info({ port: miner.port, hotkey: me.address, victims: args.victims }, 'copier serving');
  setInterval(() => {
    log.info(stats, 'copier stats');
    stats = { forwarded: 0, refused: 0 };
  }, 10_000).unref();
}

main().catch((err: unknown) => {
  process.stderr.write(`copier: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
