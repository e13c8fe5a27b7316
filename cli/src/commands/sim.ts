/**
 * `arena sim <scenario>`: the adversarial arena. `sim/` is not part of the product, so it is loaded
 * lazily here (the only place anything loads it) and only when this command runs.
 */
import { Command } from 'commander';
import { pino } from 'pino';
import { ArenaError, createLogger, errorMessage, firstShutdownSignal } from '#core';

/** What `arena sim` passes to sim/src/index.ts. */
interface SimFlags {
  epochs?: string;
  json?: boolean;
  out?: string;
  report?: boolean;
  keep?: boolean;
}

function parseEpochs(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 200)
    throw new ArenaError('USAGE', `--epochs: expected an integer in [1, 200], found ${JSON.stringify(v)}`);
  return n;
}

export function simCommand(): Command {
  return new Command('sim')
    .description(
      'Run adversarial scenarios (copier, noisy proxy, sybil, probe, weight copier, collusion, late improver, churn) on a real devchain with real miners and validators, and print the measured emission figures',
    )
    .argument('<scenario>', 'a scenario name, an alias (copier, sybil, weight-copier), smoke, or all')
    .option('--epochs <n>', 'measured epochs per scenario (default 10; smoke 6)')
    .option('--json', 'print the figures as JSON instead of Markdown')
    .option('--out <dir>', 'output directory (figures, logs); default .arena/sim/runs/<scenario>')
    .option('--report', 'regenerate sim/REPORT.md from this run')
    .option(
      '--keep',
      "keep a single scenario's chain and processes running after its figures, until Ctrl-C (for arena dashboard --chain-endpoint)",
    )
    .addHelpText('after', '\nExit code: 0 when every target is met, 1 when one is missed or a scenario fails, 2 on bad usage.')
    .action(async (scenario: string, flags: SimFlags) => {
      const epochs = parseEpochs(flags.epochs);
      const sim = await import('../../../sim/src/index.ts');
      let names: string[];
      try {
        names = sim.resolveScenarios(scenario).map((s) => s.name);
      } catch (err) {
        throw new ArenaError('USAGE', errorMessage(err));
      }
      process.stderr.write(`arena sim: ${names.join(', ')}\n`);
      const { results, markdown, outDir } = await sim.runSim(scenario, {
        epochs,
        outDir: flags.out,
        report: flags.report,
        keep: flags.keep,
      });
      process.stdout.write(
        flags.json === true
          ? `${JSON.stringify(
              results.map(({ stop: _s, ...r }) => r),
              null,
              2,
            )}\n`
          : `${markdown}\n`,
      );
      process.stderr.write(`arena sim: figures in ${outDir}${flags.report === true ? '; sim/REPORT.md regenerated' : ''}\n`);
      if (flags.keep === true) {
        process.stderr.write(`arena sim: kept running at ${results[0]?.figures.endpoint ?? '?'}; Ctrl-C stops it\n`);
        await firstShutdownSignal(createLogger({ component: 'sim', destination: pino.destination(2) }));
        await Promise.all(results.map((r) => r.stop()));
      }
      const missed = results.flatMap((r) => r.targets.filter((t) => !t.met).map((t) => `${r.figures.scenario}: ${t.name} (${t.figure})`));
      if (missed.length > 0) throw Object.assign(new Error(`${missed.length} target(s) missed: ${missed.join('; ')}`), { exitCode: 1 });
    });
}
