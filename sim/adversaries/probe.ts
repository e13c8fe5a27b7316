/**
 * Probe: a miner without a model that learns the held-out labels from what validators publish.
 * It reads the validator's public report (`/report/latest`): round id, seed block, seed, batch size and
 * batch hash. From two of them it learns the round length and checks that the seed is the documented
 * hash of the round's first block; the held-out digits themselves ship in the npm package. For each
 * request it rebuilds the round's batch, checks that it equals the inputs it was sent, and answers the
 * labels (smoothed one-hot). Whatever fails (a private held-out set, no seed in reports), it answers
 * uniform probabilities and logs why, so the figure shows whether the leak is closed.
 */
import { createHash } from 'node:crypto';
import { loadBuiltinCompetition, loadHeldOutSplit, sampleRoundBatch, type Dataset } from '#training';
import { startFakeMiner } from './lib/fake-miner.ts';
import { publishAxon, readArgs, setup, type AdversaryBase } from './lib/common.ts';

export interface ProbeArgs extends AdversaryBase {
  /** Base URLs of validators' report servers, e.g. http://127.0.0.1:9101 */
  reportUrls: string[];
}

interface Learned {
  roundLength: number;
  batchSize: number;
  competitionId: string;
}

/** The seed formula as published (validator README / report fields), recomputed independently. */
function roundSeed(blockHash: string, competitionId: string, roundId: number): string {
  const id = Buffer.from(competitionId, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(id.length);
  const round = Buffer.alloc(8);
  round.writeBigUInt64LE(BigInt(roundId));
  return `0x${createHash('sha256')
    .update('arena/round-seed/v1')
    .update(Buffer.from(blockHash.slice(2), 'hex'))
    .update(len)
    .update(id)
    .update(round)
    .digest('hex')}`;
}

async function fetchReport(url: string): Promise<Record<string, unknown> | undefined> {
  try {
    const res = await fetch(`${url}/report/latest`, { signal: AbortSignal.timeout(2_000) });
    return res.ok ? ((await res.json()) as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const args = readArgs<ProbeArgs>('probe');
  const { log, client, keys } = await setup('probe', args);
  const me = keys[0]!;
  const comp = loadBuiltinCompetition('mnist');
  const heldOut: Dataset = loadHeldOutSplit(comp);
  let learned: Learned | undefined;
  let stats = { hits: 0, misses: 0, reason: '' };
  const learn = async (): Promise<void> => {
    for (const url of args.reportUrls) {
      const r = await fetchReport(url);
      if (r === undefined) continue;
      const roundId = r.roundId,
        seedBlock = r.seedBlock,
        seed = r.seed,
        batchSize = r.batchSize,
        comp_ = r.competitionId;
      if (
        typeof roundId !== 'number' ||
        typeof seedBlock !== 'number' ||
        typeof seed !== 'string' ||
        typeof batchSize !== 'number' ||
        typeof comp_ !== 'string' ||
        roundId === 0
      ) {
        stats.reason = 'report carries no round id / seed block / seed / batch size';
        continue;
      }
      const hash = (await client.api.rpc.chain.getBlockHash(seedBlock)).toHex();
      if (roundSeed(hash, comp_, roundId) !== seed) {
        stats.reason = 'published seed is not the hash of the seed block';
        continue;
      }
      learned = { roundLength: seedBlock / roundId, batchSize, competitionId: comp_ };
      log.info({ ...learned, url }, 'seed scheme learned from a public report');
      return;
    }
  };
  const miner = await startFakeMiner({
    hotkey: me,
    modelName: 'probe',
    answer: async (req) => {
      const n = req.input.shape[0] ?? 0;
      const out = new Float32Array(n * 10).fill(0.1);
      if (learned === undefined) await learn();
      if (learned === undefined) {
        stats.misses++;
        return out;
      }
      const seedBlock = req.roundId * learned.roundLength;
      const hash = (await client.api.rpc.chain.getBlockHash(seedBlock)).toHex();
      const batch = sampleRoundBatch(heldOut, roundSeed(hash, req.competitionId, req.roundId), n, comp.augmentation);
      const input = req.input.data as Float32Array;
      let same = batch.inputs.length === input.length;
      for (let i = 0; same && i < input.length; i += 97) same = Math.abs(batch.inputs[i]! - input[i]!) < 1e-6;
      if (!same) {
        stats.misses++;
        stats.reason = 'rebuilt batch differs from the inputs sent (held-out data not reproducible)';
        return out;
      }
      stats.hits++;
      for (let i = 0; i < n; i++) for (let c = 0; c < 10; c++) out[i * 10 + c] = c === batch.labels[i] ? 0.991 : 0.001;
      return out;
    },
  });
  await publishAxon(client, me, args.netuid, miner.port);
  log.info({ port: miner.port, hotkey: me.address }, 'probe serving');
  setInterval(() => {
    log.info(stats, 'probe stats');
    stats = { hits: 0, misses: 0, reason: stats.reason };
  }, 10_000).unref();
}

main().catch((err: unknown) => {
  process.stderr.write(`probe: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
