/**
 * Devchain configuration: the zod schema. `arena devchain` loads it with core's `loadConfig` (defaults <
 * file < `ARENA_DEVCHAIN_*` env < flags, one ConfigError for the whole project); embedders parse it directly.
 */
import { z } from 'zod';

const Account = z
  .object({
    /** A dev URI (`//Alice`) or an SS58 address. */
    account: z.string().min(1),
    /** Free balance in TAO (decimal string or number, 9 decimals). */
    balanceTao: z.union([z.number().nonnegative(), z.string().regex(/^\d+(\.\d{1,9})?$/)]),
  })
  .strict();

export const DevchainConfigSchema = z
  .object({
    host: z.string().min(1).default('127.0.0.1').describe('interface to listen on'),
    port: z.number().int().min(0).max(65535).default(9944).describe('JSON-RPC port (WebSocket and HTTP); 0 picks a free one'),
    dataDir: z.string().min(1).default('.arena/devchain').describe('directory of the block store'),
    tmp: z.boolean().default(false).describe('keep the chain in memory only'),
    blockTimeMs: z.number().int().min(10).max(600_000).default(1000).describe('block interval in ms'),
    manualSeal: z.boolean().default(false).describe('produce blocks only on dev_newBlock'),
    maxPayloadBytes: z
      .number()
      .int()
      .min(1024)
      .max(256 * 1024 * 1024)
      .default(16 * 1024 * 1024)
      .describe('largest accepted request'),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    allowLoopbackAxons: z.boolean().default(false).describe('accept 127.0.0.1 / ::1 axon addresses (single-machine runs)'),
    emissionPerBlockTao: z
      .number()
      .nonnegative()
      .max(1_000_000)
      .default(1)
      .describe('alpha emitted per block to each started subnet, in TAO'),
    genesis: z
      .object({
        /** Balance of each of //Alice .. //Ferdie, in TAO. */
        devAccountsTao: z.number().nonnegative().default(1_000_000),
        accounts: z.array(Account).default([]),
        sudo: z.string().min(1).default('//Alice'),
        /** Per-pallet genesis config, passed to that pallet's genesis hook. */
        pallets: z.record(z.string(), z.unknown()).default({}),
      })
      .strict()
      .default({ devAccountsTao: 1_000_000, accounts: [], sudo: '//Alice', pallets: {} }),
  })
  .strict();

export type DevchainConfig = z.infer<typeof DevchainConfigSchema>;
export type DevchainConfigInput = z.input<typeof DevchainConfigSchema>;
