/**
 * `verify-report --recompute` on a secret-seeded round: loads the period's reveal, reads the validator's
 * commitment on chain at the reveal's commitment block (through core), and checks the reveal against it
 * and the report. Returns the seed to regenerate the round's batch from and the problems found.
 */
import { blockHashAt, connectChain, readCommitment, resolveNetwork, silentLogger, errorMessage } from '#core';
import { checkReveal, dataHashFor, parseReveal, revealFileName, REVEALS_DIR, type RoundReport } from '#validator';
import type { Competition } from '#training';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Where the reveal and the chain are. */
export interface RevealSource {
  /** Reveal file; default `<report dir>/../reveals/period-<p>.json`. */
  reveal?: string;
  chainEndpoint?: string;
  network?: string;
}

/** An error ending the command with exit code 2 (bad input), as the caller's `exitWith` does. */
function usage(message: string): Error {
  return Object.assign(new Error(message), { exitCode: 2 });
}

/** Checks the reveal of `report`'s period; throws (exit 2) when the reveal cannot be read or the chain reached. */
export async function checkRevealFor(
  reportFile: string,
  report: RoundReport,
  competition: Competition,
  src: RevealSource,
): Promise<{ seed: string; problems: string[]; revealFile: string }> {
  const period = report.period!;
  const revealFile = src.reveal ?? join(dirname(reportFile), '..', REVEALS_DIR, revealFileName(period));
  const text = await readFile(revealFile, 'utf8').catch(() => undefined);
  if (text === undefined) {
    throw usage(
      `--recompute: round ${report.roundId} was seeded by period ${period}'s secret; expected its reveal at ${revealFile} (give it with --reveal <file>; the validator serves it at /reveals/${period} once the period ends)`,
    );
  }
  let reveal: ReturnType<typeof parseReveal>;
  try {
    reveal = parseReveal(text, revealFile);
  } catch (err: unknown) {
    throw usage(`--recompute: ${errorMessage(err)}`);
  }
  const endpoint = src.chainEndpoint ?? resolveNetwork(src.network ?? 'local').endpoint;
  let client: Awaited<ReturnType<typeof connectChain>>;
  try {
    client = await connectChain({ endpoint, logger: silentLogger() });
  } catch (err: unknown) {
    throw usage(`--recompute: cannot reach the chain at ${endpoint} to read the commitment: ${errorMessage(err)}`);
  }
  try {
    const blockHash = await blockHashAt(client, reveal.commitBlock);
    const record = await readCommitment(client, reveal.netuid, reveal.validatorHotkey, blockHash);
    const v = checkReveal(reveal, report, { blockHash, record }, dataHashFor(competition));
    return { seed: v.seed, problems: v.problems, revealFile };
  } finally {
    await client.close().catch(() => undefined);
  }
}
