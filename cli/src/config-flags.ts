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

/** A value-taking flag: `<n>` parsed as a number, `<value...>` (one or more words) for a list, else `<value>`. */
function valueOption(name: string, kind: ConfigLeaf['kind'], help: string): Option {
  if (kind === 'number') return new Option(`--${name} <n>`, help).argParser(numberArg);
  // List elements stay text; the schema reports an element of the wrong type.
  return new Option(`--${name} <${kind === 'array' ? 'value...' : 'value'}>`, help);
}

/** Adds one flag per leaf (`--grpc.port <n>`, `--register` / `--no-register`, `--dashboard.reports <value...>`, ...). */
export function addConfigFlags(cmd: Command, leaves: readonly ConfigLeaf[]): ConfigFlag[] {
  return leaves.map((leaf) => {
    const name = flagName(leaf.path);
    const key = leaf.path.join('.');
    const help = `${leaf.description ?? key} [env ${leaf.envName}]`;
    if (leaf.kind === 'boolean') {
      cmd.addOption(new Option(`--${name}`, help));
      cmd.addOption(new Option(`--no-${name}`, `set ${key} to false`));
    } else {
      cmd.addOption(valueOption(name, leaf.kind, help));
    }
    return { key, attribute: key };
  });
}

/** The flag values commander parsed, keyed by dotted config path (unset flags are undefined). */
export function flagValues(opts: Record<string, unknown>, flags: readonly ConfigFlag[]): Record<string, unknown> {
  return Object.fromEntries(flags.map((f) => [f.key, opts[f.attribute]]));
}

/** An older spelling kept working (README, configs and scripts use it): `--metrics-port` for `http.port`. */
export interface FlagAlias {
  /** Flag name without dashes, e.g. `metrics-port`. */
  flag: string;
  /** Dotted config path it sets. */
  key: string;
  kind: 'string' | 'number' | 'array';
}

function camel(flag: string): string {
  return flag.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** Adds alias flags; their values land at the same config paths as the generated flags. */
export function addAliasFlags(cmd: Command, aliases: readonly FlagAlias[]): ConfigFlag[] {
  return aliases.map((a) => {
    cmd.addOption(valueOption(a.flag, a.kind, `same as --${flagName(a.key.split('.'))}`));
    return { key: a.key, attribute: camel(a.flag) };
  });
}

/** Generated and alias flag values merged by config path (an alias given on the command line wins). */
export function mergedFlagValues(opts: Record<string, unknown>, ...groups: ReadonlyArray<readonly ConfigFlag[]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of groups.flat()) {
    const v = opts[f.attribute];
    if (v !== undefined || !(f.key in out)) out[f.key] = v;
  }
  return out;
}
