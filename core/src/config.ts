/**
 * Config loading helpers. Precedence: schema defaults < JSON file < `ARENA_<SECTION>_<KEY>` env < CLI flags.
 * `loadConfig` is pure: the CLI reads files, `process.env` and argv and passes them in.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError, type ConfigIssue, errorMessage } from './errors.ts';

/** Inputs of `loadConfig`; every source is optional. */
export interface LoadConfigOptions<S extends z.ZodType> {
  /** The zod schema (use `.strict()` objects so unknown keys are rejected). */
  schema: S;
  /** Parsed JSON of the config file (see `readConfigFile`). */
  file?: unknown;
  /** Where `file` came from, for error messages. */
  filePath?: string;
  /** Environment (pass `process.env`); only `ARENA_<SECTION>_<KEY>` names matching the schema are used. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Env prefix; default `ARENA`. */
  envPrefix?: string;
  /** CLI flags: dotted keys (`{ 'chain.endpoint': 'ws://…' }`) or nested objects; undefined values are skipped. */
  flags?: Readonly<Record<string, unknown>>;
  /** How the command line spells each dotted key, for error messages (`{ 'http.port': '--metrics.port' }`); default `--<key>`. */
  flagNames?: Readonly<Record<string, string>>;
}

type Plain = Record<string, unknown>;

function isPlain(v: unknown): v is Plain {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

/** Deep-merges `over` into `base` (plain objects merge, everything else replaces); returns a new object. */
export function deepMerge(base: Plain, over: Plain): Plain {
  const out: Plain = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) continue;
    const prev = out[k];
    out[k] = isPlain(prev) && isPlain(v) ? deepMerge(prev, v) : v;
  }
  return out;
}

/** Turns `{ 'a.b': 1 }` into `{ a: { b: 1 } }`; nested input passes through. */
export function expandDotted(flat: Readonly<Record<string, unknown>>): Plain {
  let out: Plain = {};
  for (const [key, value] of Object.entries(flat)) {
    if (value === undefined) continue;
    const parts = key.split('.');
    let node: unknown = isPlain(value) ? expandDotted(value) : value;
    for (let i = parts.length - 1; i >= 0; i--) node = { [parts[i] as string]: node };
    out = deepMerge(out, node as Plain);
  }
  return out;
}

/** Strips default/optional/nullable/pipe wrappers to reach the schema that describes the value. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let i = 0; i < 16; i++) {
    const def = s._zod.def as { type: string; innerType?: z.ZodType; in?: z.ZodType };
    if (def.innerType !== undefined) s = def.innerType;
    else if (def.type === 'pipe' && def.in !== undefined) s = def.in;
    else break;
  }
  return s;
}

/** A leaf of the schema: its path, its env variable name and its value kind. */
export interface ConfigLeaf {
  /** Field path, e.g. `['chain', 'timeoutMs']`. */
  path: string[];
  /** Env variable name, e.g. `ARENA_CHAIN_TIMEOUT_MS`. */
  envName: string;
  /** Value kind used to coerce env text. */
  kind: 'string' | 'number' | 'boolean' | 'array' | 'other';
  /** For arrays: the element kind used to coerce comma-separated env text. */
  elementKind?: ConfigLeaf['kind'];
  /** The field's `.describe()` text, if any. */
  description: string | undefined;
}

function envSegment(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]/g, '_')
    .toUpperCase();
}

function leafKind(schema: z.ZodType): ConfigLeaf['kind'] {
  const t = (unwrap(schema)._zod.def as { type: string }).type;
  if (t === 'string' || t === 'enum' || t === 'literal' || t === 'template_literal') return 'string';
  if (t === 'number' || t === 'int' || t === 'bigint') return 'number';
  if (t === 'boolean') return 'boolean';
  if (t === 'array' || t === 'tuple') return 'array';
  return 'other';
}

/** Lists every leaf of an object schema (for env names, generated flags and help text). */
export function configLeaves(schema: z.ZodType, prefix = 'ARENA', path: string[] = []): ConfigLeaf[] {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject) {
    return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([k, child]) => configLeaves(child, prefix, [...path, k]));
  }
  const envName = [prefix, ...path.map(envSegment)].join('_');
  const kind = leafKind(schema);
  const element = (inner._zod.def as { element?: z.ZodType }).element;
  const elementKind = kind === 'array' && element !== undefined ? leafKind(element) : undefined;
  return [
    { path, envName, kind, ...(elementKind === undefined ? {} : { elementKind }), description: schema.description ?? inner.description },
  ];
}

function coerceEnv(text: string, kind: ConfigLeaf['kind'], elementKind?: ConfigLeaf['kind']): unknown {
  const t = text.trim();
  if (kind === 'number' && t !== '' && Number.isFinite(Number(t))) return Number(t);
  if (kind === 'boolean' && (t === 'true' || t === 'false')) return t === 'true';
  if (kind === 'array') {
    if (t.startsWith('[')) {
      try {
        return JSON.parse(t) as unknown;
      } catch {
        return text;
      } // zod then reports the bad text
    }
    return t === '' ? [] : t.split(',').map((x) => coerceEnv(x.trim(), elementKind ?? 'string'));
  }
  return text; // left as text: zod reports "expected number, found string" with the variable name
}

/** The `ARENA_*` variables that match schema leaves, as a nested object plus each path's variable name. */
export function configFromEnv(
  schema: z.ZodType,
  env: Readonly<Record<string, string | undefined>>,
  prefix = 'ARENA',
): { values: Plain; origins: Map<string, string> } {
  const flat: Record<string, unknown> = {};
  const origins = new Map<string, string>();
  for (const leaf of configLeaves(schema, prefix)) {
    const text = env[leaf.envName];
    if (text === undefined) continue;
    flat[leaf.path.join('.')] = coerceEnv(text, leaf.kind, leaf.elementKind);
    origins.set(leaf.path.join('.'), leaf.envName);
  }
  return { values: expandDotted(flat), origins };
}

function leafPaths(obj: unknown, path: string[] = []): string[] {
  if (!isPlain(obj)) return [path.join('.')];
  return Object.entries(obj).flatMap(([k, v]) => leafPaths(v, [...path, k]));
}

/** Loads and validates a config; throws `ConfigError` listing every bad field with where it came from. */
export function loadConfig<S extends z.ZodType>(options: LoadConfigOptions<S>): z.output<S> {
  const origins = new Map<string, string>();
  const fileValues = options.file ?? {};
  if (!isPlain(fileValues)) {
    throw new ConfigError([{ path: '', expected: 'a JSON object', found: describeValue(fileValues) }], {
      source: options.filePath ?? 'config file',
    });
  }
  for (const p of leafPaths(fileValues)) origins.set(p, options.filePath ?? 'config file');
  const env = configFromEnv(options.schema, options.env ?? {}, options.envPrefix ?? 'ARENA');
  for (const [p, name] of env.origins) origins.set(p, `env ${name}`);
  const flags = expandDotted(options.flags ?? {});
  for (const p of leafPaths(flags)) origins.set(p, `flag ${options.flagNames?.[p] ?? `--${p}`}`);
  const merged = deepMerge(deepMerge(fileValues, env.values), flags);
  const result = options.schema.safeParse(merged);
  if (result.success) return result.data;
  throw new ConfigError(zodIssuesToConfigIssues(result.error, merged, origins), { cause: result.error });
}

/** Converts zod issues to `ConfigIssue`s: dotted path, expected, found (with its source when known). */
export function zodIssuesToConfigIssues(
  error: z.ZodError,
  input: unknown,
  origins: ReadonlyMap<string, string> = new Map(),
): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const issue of error.issues) {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) issues.push(issueAt([...base, key], 'no such field (unknown key)', input, origins));
      continue;
    }
    const expected = issue.code === 'invalid_type' ? String(issue.expected) : issue.message;
    issues.push(issueAt(base, expected, input, origins));
  }
  return issues;
}

function issueAt(path: string[], expected: string, input: unknown, origins: ReadonlyMap<string, string>): ConfigIssue {
  const dotted = path.join('.');
  const value = path.reduce<unknown>((node, k) => (isPlain(node) || Array.isArray(node) ? (node as Plain)[k] : undefined), input);
  const shown = isSecretKey(path[path.length - 1] ?? '') && value !== undefined ? '[redacted]' : describeValue(value);
  const origin = origins.get(dotted);
  return { path: dotted, expected, found: origin === undefined ? shown : `${shown} (from ${origin})` };
}

/** Short description of a value for error messages: type plus a truncated rendering. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing (missing)';
  if (v === null) return 'null';
  if (Array.isArray(v)) return `array of ${v.length}`;
  if (typeof v === 'object') return 'object';
  const text = typeof v === 'string' ? JSON.stringify(v) : String(v);
  return `${typeof v} ${text.length > 60 ? `${text.slice(0, 57)}...` : text}`;
}

const SECRET_KEY_RE = /password|mnemonic|seed|secret|privatekey|token|apikey/i;

/** True when a config key names a secret that must never be printed. */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY_RE.test(key);
}

/** A deep copy of `config` with secret-named fields replaced by `[redacted]`. */
export function redactConfig<T>(config: T): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (!isPlain(v)) return typeof v === 'bigint' ? v.toString() : v;
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, isSecretKey(k) && x != null ? '[redacted]' : walk(x)]));
  };
  return walk(config) as T;
}

/** The redacted effective config as indented JSON, for printing at startup. */
export function formatEffectiveConfig(config: unknown): string {
  return JSON.stringify(redactConfig(config), null, 2);
}

/** Reads and parses a JSON config file; a missing file or bad JSON becomes a `ConfigError`. */
export function readConfigFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err: unknown) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ConfigError([{ path: '', expected: 'a readable JSON file', found: code }], { source: path, cause: err });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err: unknown) {
    const found = `invalid JSON (${errorMessage(err)})`;
    throw new ConfigError([{ path: '', expected: 'valid JSON', found }], { source: path, cause: err });
  }
}
