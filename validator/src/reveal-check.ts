/**
 * Checks a period reveal against a round report and the commitment the validator put on chain. Pure: the
 * caller reads `CommitmentOf(netuid, validator)` at the reveal's commitment block (through core) and the
 * hash of that block, and hashes the held-out data it holds. Every problem names what does not match.
 */
import type { CommitmentRecord } from '#core';
import { deriveSecretRoundSeed, periodCommitment, type PeriodReveal } from './period.ts';
import type { RoundReport } from './report.ts';

/** What the chain says about the reveal's commitment block. */
export interface OnChainCommitment {
  /** Hash of block `reveal.commitBlock` on this chain. */
  blockHash: string;
  /** `CommitmentOf(netuid, validator)` as of that block (undefined: none). */
  record: CommitmentRecord | undefined;
}

/** The verdict: problems (empty when the reveal binds the round) and the seed to regenerate the batch from. */
export interface RevealVerdict {
  problems: string[];
  /** The round's seed derived from the revealed secret. */
  seed: string;
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/**
 * Checks that `reveal` belongs to `report`'s validator, competition and period; that its secret, salt and
 * data hash hash to the commitment on chain at `reveal.commitBlock`; that this block precedes the round;
 * that the round is in the revealed range; that the secret gives the report's seed; and that the data the
 * caller holds is the data committed to (`dataHash`, hex).
 */
export function checkReveal(reveal: PeriodReveal, report: RoundReport, chain: OnChainCommitment, dataHash: string): RevealVerdict {
  const problems: string[] = [];
  const seed = deriveSecretRoundSeed(reveal.secret, reveal.competitionId, reveal.period, report.roundId);
  if (report.period !== reveal.period)
    problems.push(
      `the report's round ${report.roundId} is in period ${report.period ?? 'none (block-hash seed)'}, the reveal is for period ${reveal.period}`,
    );
  if (report.competitionId !== reveal.competitionId)
    problems.push(`the report is for competition ${report.competitionId}, the reveal for ${reveal.competitionId}`);
  if (report.netuid !== reveal.netuid) problems.push(`the report is for netuid ${report.netuid}, the reveal for ${reveal.netuid}`);
  if (report.validatorHotkey !== undefined && report.validatorHotkey !== reveal.validatorHotkey)
    problems.push(`the report's validator is ${report.validatorHotkey}, the reveal's is ${reveal.validatorHotkey}`);

  const recomputed = periodCommitment(reveal);
  if (recomputed !== reveal.commitment)
    problems.push(
      `the reveal's secret, salt and data hash hash to ${recomputed}, not to the commitment ${reveal.commitment} it names (wrong salt, secret or data hash)`,
    );
  if (chain.blockHash.toLowerCase() !== reveal.commitBlockHash.toLowerCase())
    problems.push(`block ${reveal.commitBlock} on this chain is ${chain.blockHash}, the reveal says ${reveal.commitBlockHash}`);
  const onChain = chain.record;
  if (onChain === undefined)
    problems.push(`no commitment of ${reveal.validatorHotkey} on netuid ${reveal.netuid} at block ${reveal.commitBlock}`);
  else {
    if (onChain.block !== reveal.commitBlock)
      problems.push(
        `the commitment on chain at block ${reveal.commitBlock} was set in block ${onChain.block}, the reveal says ${reveal.commitBlock}`,
      );
    const values = onChain.fields.map((f) => hex(f.value));
    if (!values.includes(recomputed))
      problems.push(`the commitment on chain is ${values.join(', ') || '(no fields)'}, the reveal hashes to ${recomputed}`);
  }

  const roundStart = report.roundId * reveal.roundLengthBlocks;
  if (reveal.commitBlock >= roundStart)
    problems.push(
      `the commitment (block ${reveal.commitBlock}) was made after round ${report.roundId} began (block ${roundStart}); it must precede the period's rounds`,
    );
  if (reveal.firstRound === null || reveal.lastRound === null || report.roundId < reveal.firstRound || report.roundId > reveal.lastRound) {
    problems.push(`round ${report.roundId} is outside the reveal's rounds ${reveal.firstRound ?? '-'}..${reveal.lastRound ?? '-'}`);
  }
  if (seed !== report.seed)
    problems.push(`the revealed secret gives round ${report.roundId} the seed ${seed}, the report says ${report.seed}`);
  if (dataHash !== reveal.dataHash)
    problems.push(
      `the held-out data given hashes to ${dataHash}, the reveal commits to ${reveal.dataHash} (altered data or another generator version)`,
    );
  return { problems, seed };
}
