/**
 * Loss and accuracy of one miner's answer on the round batch.
 *
 * Contract: the miner returns probabilities, shape [batch, classes]. Each value is clamped to
 * [PROB_FLOOR, 1] and each row renormalised to sum 1; the loss is the categorical cross-entropy
 * `-ln p[label]` averaged over the batch. An answer that is missing, late, refused, failed,
 * wrong-shaped, or holds a NaN/±Inf scores `worstLoss` and counts as unavailable.
 */
import type { QueryAnswer, RoundBatch } from './ports.ts';

/** Lower clamp of a probability before renormalising (keeps `-ln p` finite). */
export const PROB_FLOOR = 1e-7;

/** How an answer was judged: the transport statuses plus what evaluation can reject. */
export type EvalStatus = 'ok' | 'timeout' | 'refused' | 'error' | 'wrong-shape' | 'non-finite' | 'missing';

/** One miner's scored answer for one round. */
export interface MinerEvaluation {
  uid: number;
  status: EvalStatus;
  /** Mean cross-entropy, or `worstLoss` when the answer is unusable. */
  loss: number;
  /** Share of rows whose argmax equals the label (0 when unusable). */
  accuracy: number;
  /** True when the answer was scored on its merits (counts for availability). */
  available: boolean;
  latencyMs: number;
  responseHash?: string;
  detail?: string;
  /** The clamped, renormalised probabilities (for copy detection); only when available. */
  probs?: Float32Array;
}

/**
 * The largest loss a valid answer can score for `numClasses` classes: the label clamped to the floor
 * and every other class at 1. The default worst loss, so not answering never beats any answer.
 */
export function maxValidLoss(numClasses: number): number {
  return Math.log((numClasses - 1 + PROB_FLOOR) / PROB_FLOOR);
}

/** Clamps each row of `data` ([rows, classes]) to [PROB_FLOOR, 1] and renormalises it; new array. */
export function normaliseRows(data: Float32Array, rows: number, classes: number): Float32Array {
  const out = new Float32Array(rows * classes);
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let c = 0; c < classes; c++) {
      const v = Math.min(1, Math.max(PROB_FLOOR, data[r * classes + c]!));
      out[r * classes + c] = v;
      sum += v;
    }
    for (let c = 0; c < classes; c++) out[r * classes + c] = out[r * classes + c]! / sum;
  }
  return out;
}

/** Mean cross-entropy and accuracy of normalised probabilities against labels. */
export function crossEntropy(probs: Float32Array, labels: Int32Array, classes: number): { loss: number; accuracy: number } {
  let total = 0;
  let correct = 0;
  for (let r = 0; r < labels.length; r++) {
    const label = labels[r]!;
    total -= Math.log(probs[r * classes + label]!);
    if (argmaxRow(probs, r, classes) === label) correct++;
  }
  return { loss: total / labels.length, accuracy: correct / labels.length };
}

/** Index of the largest value in row `r` (first one on ties). */
export function argmaxRow(data: Float32Array, r: number, classes: number): number {
  let best = 0;
  for (let c = 1; c < classes; c++) if (data[r * classes + c]! > data[r * classes + best]!) best = c;
  return best;
}

function shapeProblem(shape: readonly number[], rows: number, classes: number, length: number): string | undefined {
  if (shape.length !== 2 || shape[0] !== rows || shape[1] !== classes) {
    return `expected output shape [${rows}, ${classes}], found [${shape.join(', ')}]`;
  }
  if (length !== rows * classes) return `expected ${rows * classes} values for shape [${rows}, ${classes}], found ${length}`;
  return undefined;
}

function firstNonFinite(data: Float32Array): number {
  for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i]!)) return i;
  return -1;
}

/** Scores one miner's answer (or its absence) on `batch`. Pure; never throws on bad answers. */
export function evaluateAnswer(uid: number, answer: QueryAnswer | undefined, batch: RoundBatch, worstLoss: number): MinerEvaluation {
  const fail = (status: EvalStatus, detail?: string): MinerEvaluation => ({
    uid,
    status,
    loss: worstLoss,
    accuracy: 0,
    available: false,
    latencyMs: answer?.latencyMs ?? 0,
    ...(answer?.responseHash !== undefined ? { responseHash: answer.responseHash } : {}),
    ...(detail !== undefined ? { detail } : {}),
  });
  if (answer === undefined) return fail('missing', 'no answer recorded for this uid');
  if (answer.status !== 'ok') return fail(answer.status, answer.detail);
  if (answer.output === undefined) return fail('wrong-shape', 'status ok but no output tensor');
  const rows = batch.labels.length;
  const { data, shape } = answer.output;
  const problem = shapeProblem(shape, rows, batch.numClasses, data.length);
  if (problem !== undefined) return fail('wrong-shape', problem);
  const bad = firstNonFinite(data);
  if (bad >= 0) return fail('non-finite', `expected finite probabilities, found ${data[bad]} at index ${bad}`);
  const probs = normaliseRows(data, rows, batch.numClasses);
  const { loss, accuracy } = crossEntropy(probs, batch.labels, batch.numClasses);
  return {
    uid,
    status: 'ok',
    loss: Math.min(loss, worstLoss),
    accuracy,
    available: true,
    latencyMs: answer.latencyMs,
    probs,
    ...(answer.responseHash !== undefined ? { responseHash: answer.responseHash } : {}),
  };
}
