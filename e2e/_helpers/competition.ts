/**
 * What a finished local competition must show on chain, read through a plain ApiPromise: the one reader
 * `e2e/up.test.ts` uses both to poll the running chain and to check the chain reopened afterwards.
 */
import type { ApiPromise } from '@polkadot/api';

/** The hotkeys of the two miners whose incentives are compared. */
export interface MinerHotkeys {
  mlp: string;
  linear: string;
}

/** One reading of subnet `netuid`. */
export interface CompetitionState {
  subnetExists: boolean;
  hotkeyByUid: Map<number, string>;
  /** Uids with an axon on chain (port > 0). */
  axonUids: number[];
  /** Every registered uid's weights row. */
  weightRows: Array<readonly [number, [number, number][]]>;
  /** Uids with a validator permit and a non-empty weights row. */
  setters: number[];
  emissionTotal: number;
  incentive: number[];
  /** Undefined while that miner is not registered. */
  mlpUid: number | undefined;
  linearUid: number | undefined;
  /** The MLP miner's stake on the subnet (incentive is credited as stake); 0 while it is not registered. */
  mlpStake: bigint;
}

/** Reads the subnet state the e2e test asserts on. */
export async function readCompetition(api: ApiPromise, netuid: number, miners: MinerHotkeys): Promise<CompetitionState> {
  const q = api.query.subtensorModule!;
  const subnetExists = (await q.networksAdded!(netuid)).toPrimitive() === true;
  const keys = await q.keys!.entries(netuid);
  const hotkeyByUid = new Map(keys.map(([k, v]) => [Number(k.args[1]!.toString()), v.toString()]));
  const axonUids: number[] = [];
  for (const [uid, hotkey] of hotkeyByUid) {
    const axon = (await q.axons!(netuid, hotkey)).toJSON() as { port?: number } | null;
    if (axon && (axon.port ?? 0) > 0) axonUids.push(uid);
  }
  const permits = (await q.validatorPermit!(netuid)).toJSON() as boolean[];
  const weightRows = await Promise.all(
    [...hotkeyByUid.keys()].map(async (uid) => [uid, (await q.weights!(netuid, uid)).toJSON() as [number, number][]] as const),
  );
  const setters = weightRows.filter(([uid, row]) => row.length > 0 && permits[uid] === true).map(([uid]) => uid);
  const emission = (await q.emission!(netuid)).toJSON() as number[];
  const incentive = (await q.incentive!(netuid)).toJSON() as number[];
  const uidOf = (hotkey: string): number | undefined => [...hotkeyByUid].find(([, h]) => h === hotkey)?.[0];
  const mlpUid = uidOf(miners.mlp);
  const mlpStake = mlpUid === undefined ? 0n : BigInt((await q.totalHotkeyAlpha!(miners.mlp, netuid)).toString());
  return {
    subnetExists,
    hotkeyByUid,
    axonUids,
    weightRows,
    setters,
    emissionTotal: emission.reduce((a, b) => a + Number(b), 0),
    incentive,
    mlpUid,
    linearUid: uidOf(miners.linear),
    mlpStake,
  };
}

/** Whether the MLP miner earns more incentive than the linear one (false while either is unregistered or has no entry). */
export function mlpLeads(s: CompetitionState): boolean {
  if (s.mlpUid === undefined || s.linearUid === undefined) return false;
  const mlp = s.incentive[s.mlpUid];
  const linear = s.incentive[s.linearUid];
  return mlp !== undefined && linear !== undefined && mlp > linear;
}

/** The conditions of a finished competition that `s` does not meet yet, each named with the value read. */
export function unmetConditions(s: CompetitionState): string[] {
  const unmet: string[] = [];
  if (!s.subnetExists) unmet.push('subnet does not exist');
  if (s.hotkeyByUid.size !== 5) unmet.push(`${s.hotkeyByUid.size} of 5 neurons registered (owner + 2 validators + 2 miners)`);
  if (s.axonUids.length !== 2) unmet.push(`${s.axonUids.length} of 2 miners have an axon (uids ${JSON.stringify(s.axonUids)})`);
  if (s.setters.length < 2) unmet.push(`${s.setters.length} of 2 validators set weights (setters ${JSON.stringify(s.setters)})`);
  if (!(s.emissionTotal > 0)) unmet.push('no emission paid yet');
  if (!mlpLeads(s))
    unmet.push(
      `MLP does not earn more incentive than linear (mlp uid ${s.mlpUid}, linear uid ${s.linearUid}, incentive ${JSON.stringify(s.incentive)})`,
    );
  if (!(s.mlpStake > 0n)) unmet.push('the MLP miner has no stake yet (not paid)');
  return unmet;
}

/** The values read, for failure messages. */
export function describeCompetition(s: CompetitionState): string {
  return JSON.stringify({
    subnetExists: s.subnetExists,
    hotkeyByUid: Object.fromEntries(s.hotkeyByUid),
    axonUids: s.axonUids,
    weightRows: s.weightRows,
    setters: s.setters,
    emissionTotal: s.emissionTotal,
    incentive: s.incentive,
    mlpUid: s.mlpUid,
    linearUid: s.linearUid,
    mlpStake: s.mlpStake.toString(),
  });
}
