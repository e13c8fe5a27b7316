/** Who to query each round, and a querier call that always yields one answer per target. */
import type { Logger } from 'pino';
import { errorMessage } from '#core';
import type { MinerQuerier, MinerTarget, NeuronView, QueryAnswer, QueryContext, Tensor } from './ports.ts';

/** True when the neuron advertises a reachable axon. */
export function isServing(n: NeuronView): boolean {
  return n.port > 0 && n.port <= 65535 && n.host !== '' && n.host !== '0.0.0.0' && n.host !== '::';
}

/** Every serving neuron except ourselves, by uid. */
export function selectTargets(neurons: readonly NeuronView[], ownUid: number | undefined): MinerTarget[] {
  return neurons
    .filter((n) => n.uid !== ownUid && isServing(n))
    .sort((a, b) => a.uid - b.uid)
    .map((n) => ({ uid: n.uid, hotkey: n.hotkey, host: n.host, port: n.port }));
}

/**
 * Queries all targets at once. A querier that rejects as a whole turns into an `error` answer for
 * every target (logged), and a target the querier forgot gets none, which evaluation scores as missing.
 */
export async function queryMiners(
  querier: MinerQuerier,
  targets: MinerTarget[],
  input: Tensor,
  deadlineMs: number,
  log: Logger,
  ctx?: QueryContext,
): Promise<Map<number, QueryAnswer>> {
  if (targets.length === 0) return new Map();
  try {
    return await querier.queryAll(targets, input, deadlineMs, ctx);
  } catch (err: unknown) {
    log.warn({ err, targets: targets.length }, 'miner querier failed for the whole round');
    const detail = `querier failed: ${errorMessage(err)}`;
    return new Map(targets.map((t) => [t.uid, { status: 'error', latencyMs: 0, detail }]));
  }
}
