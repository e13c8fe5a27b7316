/**
 * Scripted validators that never score anything:
 * - `collude`: sets weights that put `favourite` first (prize-like shares on the rest), every tempo;
 * - `copy-weights`: copies the stake-weighted mean of the other validators' weight rows as the chain
 *   shows them (with commit-reveal on, only the revealed, older rows are visible), every tempo.
 * With commit-reveal enabled on the subnet it commits, then retries the reveal each block until the chain
 * accepts it (or the commit expires).
 */
import { randomInt } from 'node:crypto';
import {
  codecToBigInt,
  commitWeights,
  errorMessage,
  type Metagraph,
  revealWeights,
  setWeights,
  submitAndWait,
  subtensorAt,
  weightsCommitHash,
} from '#core';
import { type AdversaryBase, metagraph, onEachBlock, readArgs, setup } from './lib/common.ts';

export interface ValidatorArgs extends AdversaryBase {
  mode: 'collude' | 'copy-weights';
  /** Blocks between weight submissions (the tempo). */
  intervalBlocks: number;
  /** collude: the hotkey pushed to first place. */
  favourite?: string;
  commitReveal: boolean;
}

type Row = { uids: number[]; weights: number[] };

function normalise(row: Map<number, number>): Row {
  const max = Math.max(...row.values(), 0);
  const entries = [...row.entries()].filter(([, w]) => w > 0).sort((a, b) => a[0] - b[0]);
  return { uids: entries.map(([u]) => u), weights: entries.map(([, w]) => Math.round((w / (max || 1)) * 65535)) };
}

async function readWeightRow(api: import('@polkadot/api').ApiPromise, netuid: number, uid: number): Promise<Map<number, number>> {
  const raw = await (await subtensorAt(api)).need('weights')(netuid, uid);
  const pairs = (raw.toJSON() ?? []) as [number, number][];
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  return new Map(pairs.map(([u, w]) => [u, total > 0 ? w / total : 0]));
}

async function main(): Promise<void> {
  const args = readArgs<ValidatorArgs>('validator');
  const { log, client, keys } = await setup(`validator-${args.mode}`, args);
  const me = keys[0]!;
  const api = client.api;
  let lastSet = -Infinity;
  let pending: (Row & { salt: number[]; versionKey: bigint }) | undefined;

  const colludeRow = (m: Metagraph): Row => {
    const fav = m.hotkeys.indexOf(args.favourite as never);
    const row = new Map<number, number>();
    if (fav >= 0) row.set(fav, 1);
    return normalise(row);
  };
  const copyRow = async (m: Metagraph): Promise<Row> => {
    const mine = m.hotkeys.indexOf(me.address as never);
    const acc = new Map<number, number>();
    let stakeSum = 0;
    for (let uid = 0; uid < m.n; uid++) {
      if (uid === mine || !m.validatorPermit[uid] || m.stakeRao[uid]! === 0n) continue;
      const row = await readWeightRow(api, args.netuid, uid);
      if (row.size === 0) continue;
      const s = Number(m.stakeRao[uid]! / 1_000_000n);
      stakeSum += s;
      for (const [u, w] of row) acc.set(u, (acc.get(u) ?? 0) + s * w);
    }
    return stakeSum > 0 ? normalise(acc) : { uids: [], weights: [] };
  };

  await onEachBlock(
    client,
    async (block) => {
      if (pending !== undefined) {
        try {
          await submitAndWait(api, revealWeights(api, { netuid: args.netuid, ...pending }), me, { timeoutMs: 20_000 });
          log.info({ block, uids: pending.uids }, 'weights revealed');
          pending = undefined;
        } catch (err: unknown) {
          const msg = errorMessage(err);
          if (!/TooEarly/i.test(msg)) {
            log.info({ block, err: msg }, 'reveal failed; dropping the commit');
            pending = undefined;
          }
        }
      }
      if (block - lastSet < args.intervalBlocks) return;
      const m = await metagraph(client, args.netuid);
      const row = args.mode === 'collude' ? colludeRow(m) : await copyRow(m);
      if (row.uids.length === 0) return;
      const versionKey = codecToBigInt(await (await subtensorAt(api)).need('weightsVersionKey')(args.netuid));
      lastSet = block;
      try {
        if (!args.commitReveal) {
          await submitAndWait(api, setWeights(api, { netuid: args.netuid, ...row, versionKey }), me, { timeoutMs: 20_000 });
          log.info({ block, row }, 'weights set');
        } else if (pending === undefined) {
          const salt = Array.from({ length: 8 }, () => randomInt(65536));
          const commitHash = weightsCommitHash(me.address, { netuid: args.netuid, ...row, salt, versionKey });
          await submitAndWait(api, commitWeights(api, { netuid: args.netuid, commitHash }), me, { timeoutMs: 20_000 });
          pending = { ...row, salt, versionKey };
          log.info({ block, row }, 'weights committed');
        }
      } catch (err: unknown) {
        log.warn({ block, err: errorMessage(err) }, 'weights not accepted');
      }
    },
    log,
  );
  log.info({ hotkey: me.address, mode: args.mode }, 'scripted validator running');
}

main().catch((err: unknown) => {
  process.stderr.write(`validator: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
