import { Command, CommanderError } from 'commander';
import { errorMessage, exitCodeFor } from '#core';
import { walletCommand } from './commands/wallet.ts';
import { devchainCommand } from './commands/devchain.ts';
import { minerCommand } from './commands/miner.ts';
import { validatorCommand } from './commands/validator.ts';
import { leaderboardCommand } from './commands/leaderboard.ts';
import { dashboardCommand } from './commands/dashboard.ts';
import { upCommand } from './commands/up.ts';
import { simCommand } from './commands/sim.ts';

/** Builds the `arena` program; each subcommand lives in `./commands/<name>.ts`. */
export function buildProgram(): Command {
  const program = new Command('arena')
    .description('Arena: a Bittensor-style training competition (devchain, miners, validators, leaderboard)')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  // Subcommands register here, one line each.
  program.addCommand(walletCommand());
  program.addCommand(devchainCommand());
  program.addCommand(minerCommand());
  program.addCommand(validatorCommand());
  program.addCommand(leaderboardCommand());
  program.addCommand(dashboardCommand());
  program.addCommand(upCommand());
  program.addCommand(simCommand());
  return program;
}

/** Runs the CLI and returns the process exit code (0 ok, 1 failure, 2 bad usage or config). */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (err: unknown) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    process.stderr.write(`arena: ${errorMessage(err)}\n`);
    return exitCodeFor(err);
  }
}
