/**
 * Command-line flags generated from a command's zod config schema (core's `configLeaves`), so every
 * command spells the same concept the same way: `--grpc.port`, `--block-time-ms`, `--no-register`.
 * Each flag's value lands at its dotted config path, the top layer of `loadConfig`.
 */
import { Option, type Command } from 'commander';
import type { ConfigLeaf } from '#core';

/** A generated flag: its dotted config path and commander's attribute for it (the same by construction). */
export interface ConfigFlag {
  key: string;
  attribute: string;
}

function kebab(s: string): string {
  return s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** The flag name of a config path, e.g. `training.batchSize` -> `training.batch-size`. */
export function flagName(path: readonly string[]): string {
  return path.map(kebab).join('.');
}

/** Numbers stay text when they do not parse, so the schema reports "expected number, found string". */
function numberArg(v: string): number | string {
  return v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
}

/** Adds one flag per leaf (`--grpc.port <n>`, `--register` / `--no-register`, ...). */
export function addConfigFlags(cmd: Command, leaves: readonly ConfigLeaf[]): ConfigFlag[] {
  return leaves.map((leaf) => {
    const name = flagName(leaf.path);
    const key = leaf.path.join('.');
    const help = `${leaf.description ?? key} [env ${leaf.envName}]`;
    if (leaf.kind === 'boolean') {
      cmd.addOption(new Option(`--${name}`, help));
      cmd.addOption(new Option(`--no-${name}`, `set ${key} to false`));
    } else {
      const opt = new Option(`--${name} <${leaf.kind === 'number' ? 'n' : 'value'}>`, help);
      cmd.addOption(leaf.kind === 'number' ? opt.argParser(numberArg) : opt);
    }
    return { key, attribute: key };
  });
}

/** The flag values commander parsed, keyed by dotted config path (unset flags are undefined). */
export function flagValues(opts: Record<string, unknown>, flags: readonly ConfigFlag[]): Record<string, unknown> {
  return Object.fromEntries(flags.map((f) => [f.key, opts[f.attribute]]));
}
