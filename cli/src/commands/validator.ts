/** `arena validator`: run the scoring node (rounds over all serving miners, weights once per tempo). */

import { Command } from 'commander';
import { configLeaves, createLogger, errorMessage, type LogLevel, onShutdownSignal, readConfigFile } from '#core';
import {
  dataSourceFor,
  loadCompetition,
  loadReportEvidence,
  loadValidatorConfig,
  type ReportVerdict,
  startValidator,
  ValidatorConfigSchema,
  type VerifyReportOptions,
  verifyReportEvidence,
} from '#validator';
import { addAliasFlags, addConfigFlags, type FlagAlias, flagNamesOf, mergedFlagValues } from '../config-flags.ts';
import { checkRevealFor } from './verify-reveal.ts';

const DEFAULT_CONFIG = new URL('../../../configs/validator/local.json', import.meta.url).pathname;

/** An error that ends the command with `exitCode` (1: verification failed, 2: bad usage or input). */
function exitWith(exitCode: number, message: string): Error {
  return Object.assign(new Error(message), { exitCode });
}

function verdictTable(file: string, v: ReportVerdict): string {
  const lines = [`report ${file} (round ${v.roundId}): ${v.ok ? 'ok' : 'FAILED'}`];
  for (const p of v.problems) lines.push(`  problem: ${p}`);
  lines.push('  uid  result        body     loss(recomputed)  hotkey / reasons');
  for (const m of v.miners) {
    const body = m.result === 'no-record' ? '-' : m.bodyChecked ? 'checked' : 'skipped';
    const loss = m.recomputedLoss === undefined ? '-' : m.recomputedLoss.toFixed(6);
    lines.push(`  ${String(m.uid).padStart(3)}  ${m.result.padEnd(12)}  ${body.padEnd(7)}  ${loss.padStart(16)}  ${m.hotkey}`);
    for (const r of m.reasons) lines.push(`${' '.repeat(52)}${r}`);
  }
  const counts = { ok: 0, bad: 0, unverifiable: 0, 'no-record': 0 };
  for (const m of v.miners) counts[m.result]++;
  lines.push(`  ${counts.ok} ok, ${counts.bad} bad, ${counts.unverifiable} unverifiable, ${counts['no-record']} without a signed answer`);
  return `${lines.join('\n')}\n`;
}

/** `arena validator verify-report <file>`: re-checks every miner signature (and body) of a round report. */
function verifyReportCommand(): Command {
  return new Command('verify-report')
    .description(
      "Check a round report's signed miner answers: each signature, signer, recipient and, from the responses sidecar next to it, each body",
    )
    .argument('<file>', 'round report, e.g. <data-dir>/reports/round-42.json (its round-42.responses.json is read from the same directory)')
    .option('--json', 'print the verdict as JSON')
    .option(
      '--recompute [competition]',
      "also regenerate the round's batch and recompute every loss, with the report's competition or the id/file given (needs its held-out data); a secret-seeded round is regenerated from its period's reveal, checked against the validator's on-chain commitment",
    )
    .option('--reveal <file>', "the period's reveal (default <report dir>/../reveals/period-<p>.json)")
    .option('--chain-endpoint <url>', 'chain to read the commitment from (default: --network)')
    .option('--network <name>', 'network name (local, test, finney) holding the commitment', 'local')
    .exitOverride()
    .addHelpText(
      'after',
      '\nPut --recompute after <file> (it takes an optional value).\nExit code: 0 when every record checks out, 1 when any fails, 2 when the file is not a readable report.',
    )
    .action(
      async (
        file: string,
        own: { json?: boolean; recompute?: boolean | string; reveal?: string; chainEndpoint?: string; network?: string },
        cmd: Command,
      ) => {
        // --chain-endpoint/--network are also the parent's options: commander hands them to whichever it parses first.
        const o = { ...own, ...cmd.optsWithGlobals<{ chainEndpoint?: string; network?: string }>() };
        let loaded: Awaited<ReturnType<typeof loadReportEvidence>>;
        try {
          loaded = await loadReportEvidence(file);
        } catch (err: unknown) {
          throw exitWith(2, errorMessage(err));
        }
        const { report, sidecar } = loaded;
        const opts: VerifyReportOptions = {};
        let revealProblems: string[] = [];
        if (o.recompute !== undefined) {
          let competition: ReturnType<typeof loadCompetition>;
          try {
            competition = loadCompetition(typeof o.recompute === 'string' ? o.recompute : report.competitionId);
          } catch (err: unknown) {
            throw exitWith(2, `--recompute: ${errorMessage(err)}`);
          }
          let seed = report.seed;
          // A secret-seeded round is regenerated from the revealed secret, never from the seed the report claims.
          if (typeof report.period === 'number') ({ seed, problems: revealProblems } = await checkRevealFor(file, report, competition, o));
          opts.batch = await dataSourceFor(competition).sampleRoundBatch(seed, report.batchSize);
        }
        const checked = verifyReportEvidence(report, sidecar, opts);
        const verdict = {
          ...checked,
          ok: checked.ok && revealProblems.length === 0,
          problems: [...revealProblems.map((p) => `reveal: ${p}`), ...checked.problems],
        };
        process.stdout.write(o.json === true ? `${JSON.stringify({ file, ...verdict }, null, 2)}\n` : verdictTable(file, verdict));
        if (!verdict.ok) {
          const bad = verdict.miners.filter((m) => m.result === 'bad').map((m) => m.uid);
          const unproven = verdict.miners.filter((m) => m.result === 'unverifiable').map((m) => m.uid);
          throw exitWith(
            1,
            `verify-report: ${file}: expected every signed answer to check out, found ${bad.length} bad (uids ${bad.join(', ') || 'none'}), ${unproven.length} unverifiable (uids ${unproven.join(', ') || 'none'}) and ${verdict.problems.length} report problem(s)`,
          );
        }
      },
    );
}

/** The validator's older flag spellings, kept as aliases of the generated ones. */
const ALIASES: readonly FlagAlias[] = [
  { flag: 'password-file', key: 'wallet.passwordFile', kind: 'string' },
  { flag: 'round-interval', key: 'scoring.roundLengthBlocks', kind: 'number' },
  { flag: 'weights-interval', key: 'scoring.weightsIntervalBlocks', kind: 'number' },
  { flag: 'batch-size', key: 'scoring.batchSize', kind: 'number' },
  { flag: 'deadline-ms', key: 'scoring.queryDeadlineMs', kind: 'number' },
  { flag: 'metrics-port', key: 'http.port', kind: 'number' },
  { flag: 'metrics-host', key: 'http.host', kind: 'string' },
];

export function validatorCommand(): Command {
  const cmd = new Command('validator')
    .description('Run a validator: query every serving miner each round, score on held-out data, set weights once per tempo')
    .option('--config <file>', 'config file (JSON); default configs/validator/local.json')
    .option('--print-config', 'print the effective config and exit');
  // One flag per scalar config field (--scoring.batch-size); shared concepts take their one spelling (--metrics.port for
  // http.port, --wallet.hotkey-password-file for wallet.passwordFile) with the schema's own and the old spellings as aliases.
  const generated = addConfigFlags(
    cmd,
    configLeaves(ValidatorConfigSchema, 'ARENA_VALIDATOR').filter((l) => l.kind !== 'other' && l.kind !== 'array'),
  );
  const aliases = addAliasFlags(cmd, ALIASES);
  return cmd
    .addCommand(verifyReportCommand())
    .exitOverride()
    .addHelpText(
      'after',
      '\nEvery config field can also be set as ARENA_VALIDATOR_<FIELD> (e.g. ARENA_VALIDATOR_NETUID=1,\nARENA_VALIDATOR_SCORING_BATCH_SIZE=128). Precedence: defaults < config file < env < flags.\nSIGINT/SIGTERM finish the current round, save the state and exit 0.',
    )
    .action(async (o: { config?: string; printConfig?: boolean } & Record<string, unknown>) => {
      const explicit = o.config !== undefined;
      let file: unknown = {};
      try {
        file = readConfigFile(o.config ?? DEFAULT_CONFIG);
      } catch (err: unknown) {
        if (explicit) throw err;
      }
      const flags = mergedFlagValues(o, generated, aliases);
      const cfg = loadValidatorConfig({
        file,
        filePath: explicit ? o.config : DEFAULT_CONFIG,
        env: process.env,
        flags,
        flagNames: flagNamesOf(generated, aliases),
      });
      if (o.printConfig === true) {
        process.stdout.write(`${JSON.stringify(cfg, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`);
        return;
      }
      const logger = createLogger({ level: cfg.logLevel as LogLevel });
      const handle = await startValidator(cfg, { logger });
      await new Promise<void>((resolve) => {
        const off = onShutdownSignal(logger, () => {
          handle.stop().then(resolve, (err: unknown) => {
            logger.error({ err }, 'validator stop failed');
            resolve();
          });
        });
        void handle.done.then(() => {
          off();
          resolve();
        });
      });
    });
}
