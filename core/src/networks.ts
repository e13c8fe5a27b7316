/**
 * Named chain networks (`configs/networks/*.json`) and `resolveNetwork(nameOrUrl)`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { readConfigFile, zodIssuesToConfigIssues } from './config.ts';
import { ArenaError, ConfigError } from './errors.ts';

/** A WebSocket endpoint URL (`ws://` or `wss://`). */
export const EndpointSchema = z.string().regex(/^wss?:\/\/[^\s/]+(\/\S*)?$/, 'a ws:// or wss:// URL');

/** Schema of one `configs/networks/<name>.json` file. */
export const NetworkSchema = z
  .object({
    name: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/)
      .describe('network name used with --network'),
    description: z.string().describe('one line for humans'),
    endpoint: EndpointSchema.describe('chain WebSocket endpoint'),
    aliases: z.array(z.string()).default([]).describe('other names accepted by --network'),
    isLocal: z.boolean().default(false).describe('true for a chain on this machine'),
    ss58Prefix: z.number().int().min(0).max(16383).default(42),
    tokenSymbol: z.string().default('TAO'),
    tokenDecimals: z.number().int().min(0).max(30).default(9),
  })
  .strict();

/** A parsed network definition. */
export type Network = z.infer<typeof NetworkSchema>;

/** Directory of the shipped network files (`configs/networks/`). */
export const NETWORKS_DIR: string = fileURLToPath(new URL('../../configs/networks/', import.meta.url));

/** Parses and validates one network file; throws `ConfigError` with field paths. */
export function loadNetworkFile(path: string): Network {
  const raw = readConfigFile(path);
  const result = NetworkSchema.safeParse(raw);
  if (!result.success) throw new ConfigError(zodIssuesToConfigIssues(result.error, raw), { source: path });
  return result.data;
}

/** Every network in `dir` (default `configs/networks/`), sorted by name. */
export function listNetworks(dir: string = NETWORKS_DIR): Network[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => loadNetworkFile(join(dir, f)));
}

/** Resolves `--network` input: a ws(s):// URL is used as is; otherwise a network name or alias. */
export function resolveNetwork(nameOrUrl: string, dir: string = NETWORKS_DIR): Network {
  const input = nameOrUrl.trim();
  if (/^wss?:\/\//.test(input)) {
    const ok = EndpointSchema.safeParse(input);
    if (!ok.success) throw new ArenaError('NETWORK_UNKNOWN', `expected a ws:// or wss:// URL, found ${JSON.stringify(input)}`);
    const isLocal = /^wss?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:|\/|$)/.test(input);
    return NetworkSchema.parse({ name: 'custom', description: 'endpoint given on the command line', endpoint: input, isLocal });
  }
  const networks = listNetworks(dir);
  const found = networks.find((n) => n.name === input || n.aliases.includes(input));
  if (found !== undefined) return found;
  const known = networks.flatMap((n) => [n.name, ...n.aliases]).join(', ');
  throw new ArenaError('NETWORK_UNKNOWN', `unknown network ${JSON.stringify(input)}: expected one of ${known}, or a ws:// / wss:// URL`);
}
