/**
 * Command-line flags generated from a command's zod config schema (core's `configLeaves`): `--grpc.port`,
 * `--block-time-ms`, `--no-register`. Each flag's value lands at its dotted config path, the top layer of
 * `loadConfig`. A concept several commands share has one spelling (`FLAG_CONCEPTS`) even where the schemas
 * nest it differently (the miner's `chain.endpoint`, the validator's `chainEndpoint`); the path's own
 * spelling stays as an alias.
 */
import { type Command, Option } from 'commander';
import type { ConfigLeaf } from '#core';

/** A generated flag: its dotted config path, commander's attribute for it and its spelling (`--metrics.port`). */
export interface ConfigFlag {
  key: string;
  attribute: string;
  flag: string;
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

/**
 * The one flag of each concept commands share, and the config paths that hold it in the schemas (cli/test/
 * flag-spellings.test.ts checks every command against this table). The miner unlocks its coldkey (to pay
 * the registration burn), the validator its hotkey: two keys, so two flags, named as `arena wallet` names
 * them (`--password-file` for the coldkey, `--hotkey-password-file`).
 */
export const FLAG_CONCEPTS = {
  network: { flag: 'network', paths: ['network'] },
  chainEndpoint: { flag: 'chain-endpoint', paths: ['chainEndpoint', 'chain.endpoint'] },
  netuid: { flag: 'netuid', paths: ['netuid', 'subnet.netuid'] },
  logLevel: { flag: 'log-level', paths: ['logLevel', 'log.level'] },
  dataDir: { flag: 'data-dir', paths: ['dataDir'] },
  metricsHost: { flag: 'metrics.host', paths: ['metrics.host', 'http.host'] },
  metricsPort: { flag: 'metrics.port', paths: ['metrics.port', 'http.port'] },
  dashboardPort: { flag: 'dashboard.port', paths: ['dashboard.port', 'ports.dashboard'] },
  coldkeyPasswordFile: { flag: 'wallet.coldkey-password-file', paths: ['wallet.coldkeyPasswordFile'] },
  hotkeyPasswordFile: { flag: 'wallet.hotkey-password-file', paths: ['wallet.passwordFile'] },
  walletName: { flag: 'wallet.name', paths: ['wallet.name'] },
  walletHotkey: { flag: 'wallet.hotkey', paths: ['wallet.hotkey'] },
  walletPath: { flag: 'wallet.path', paths: ['wallet.path'] },
} as const satisfies Record<string, { flag: string; paths: readonly string[] }>;

const CANONICAL_BY_PATH = new Map<string, string>(
  Object.values(FLAG_CONCEPTS).flatMap((c) => c.paths.map((p): [string, string] => [p, c.flag])),
);

/** Help text of an alias flag; the test tells aliases from canonical flags by it. */
export function aliasHelp(canonical: string): string {
  return `same as --${canonical}`;
}

/** The flags of one leaf: canonical first, then the path's own spelling when it differs (an alias). */
function leafOptions(leaf: ConfigLeaf): Option[] {
  const key = leaf.path.join('.');
  const own = flagName(leaf.path);
  const name = CANONICAL_BY_PATH.get(key) ?? own;
  const help = `${leaf.description ?? key} [env ${leaf.envName}]`;
  if (leaf.kind === 'boolean') return [new Option(`--${name}`, help), new Option(`--no-${name}`, `set ${key} to false`)];
  const out = [valueOption(name, leaf.kind, help)];
  if (own !== name) out.push(valueOption(own, leaf.kind, aliasHelp(name)));
  return out;
}

/** Adds the flags of each leaf (`--grpc.port <n>`, `--register` / `--no-register`, `--dashboard.reports <value...>`, ...). */
export function addConfigFlags(cmd: Command, leaves: readonly ConfigLeaf[]): ConfigFlag[] {
  return leaves.flatMap((leaf) => {
    const key = leaf.path.join('.');
    return leafOptions(leaf).map((o) => {
      cmd.addOption(o);
      return { key, attribute: o.attributeName(), flag: o.long ?? `--${key}` };
    });
  });
}

/** The flag values commander parsed, keyed by dotted config path (unset flags are undefined; an alias given wins). */
export function flagValues(opts: Record<string, unknown>, flags: readonly ConfigFlag[]): Record<string, unknown> {
  return mergedFlagValues(opts, flags);
}

/** An older spelling kept working (README, configs and scripts use it): `--metrics-port` for `http.port` (`--metrics.port`). */
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
    cmd.addOption(valueOption(a.flag, a.kind, aliasHelp(CANONICAL_BY_PATH.get(a.key) ?? flagName(a.key.split('.')))));
    return { key: a.key, attribute: camel(a.flag), flag: `--${a.flag}` };
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

/** Each config path's canonical flag (the first flag of the path), for `loadConfig`'s error messages. */
export function flagNamesOf(...groups: ReadonlyArray<readonly ConfigFlag[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of groups.flat()) out[f.key] ??= f.flag;
  return out;
}
