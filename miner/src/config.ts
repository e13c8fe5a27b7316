/**
 * The miner's configuration: one strict zod schema, loaded with the project precedence
 * schema defaults < config file < `ARENA_MINER_*` env < CLI flags (`#core` `loadConfig`).
 */
import { z } from 'zod';
import { configLeaves, defaultWalletPath, loadConfig, type ConfigLeaf } from '#core';
import { BACKEND_NAMES, MODEL_NAMES } from '#training';

/** Env prefix of the miner's variables, e.g. `ARENA_MINER_GRPC_PORT`. */
export const MINER_ENV_PREFIX = 'ARENA_MINER';

const port = z.number().int().min(0).max(65535);
const portOrZero = port.describe('TCP port; 0 picks a free one');

const WalletSchema = z
  .object({
    path: z.string().min(1).default(defaultWalletPath()).describe('wallets directory (Bittensor layout)'),
    name: z.string().min(1).default('default').describe('wallet name (holds the coldkey)'),
    hotkey: z.string().min(1).default('default').describe('hotkey name inside the wallet'),
    coldkeyPasswordFile: z
      .string()
      .min(1)
      .optional()
      .describe('file (mode 0600) with the coldkey password, needed only by --register with an encrypted coldkey'),
  })
  .strict();

const ModelSchema = z
  .object({
    name: z
      .enum(MODEL_NAMES)
      .optional()
      .describe(`architecture the trainer builds (${MODEL_NAMES.join(', ')}); default: the competition's`),
    dir: z.string().min(1).optional().describe('serve this TensorFlow.js model directory instead of training (reloaded when it changes)'),
  })
  .strict();

const TrainingSchema = z
  .object({
    batchSize: z.number().int().min(1).max(65536).optional().describe("training batch size; default: the competition's"),
    learningRate: z.number().gt(0).lt(10).optional().describe("Adam learning rate; default: the competition's"),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(0)
      .describe('seed of weight init and batch order'),
    maxSteps: z.number().int().min(1).optional().describe('stop training after this many steps in total (serving goes on)'),
    augment: z
      .boolean()
      .default(true)
      .describe("train on the competition's held-out augmentation (shifted, noised digits), which is what validators score on"),
    evalEvery: z.number().int().min(1).default(100).describe('validate (and maybe checkpoint) every this many steps'),
    progressEvery: z.number().int().min(1).default(20).describe('report progress every this many steps'),
    keepCheckpoints: z.number().int().min(1).max(1000).default(3).describe('numbered checkpoints kept on disk (the best is always kept)'),
  })
  .strict();

const GrpcSchema = z
  .object({
    host: z.string().min(1).default('0.0.0.0').describe('interface the gRPC server listens on'),
    port: portOrZero.default(8091),
  })
  .strict();

const AxonSchema = z
  .object({
    externalIp: z
      .string()
      .min(1)
      .optional()
      .describe('IP validators reach this miner at; default: grpc.host if it is a concrete address, else the first non-internal IPv4'),
    externalPort: port.min(1).optional().describe('port validators reach this miner at; default: the bound gRPC port'),
    serve: z
      .enum(['auto', 'never'])
      .default('auto')
      .describe('auto: serve_axon at start and again whenever the chain differs from the reachable address; never: leave the axon alone'),
    checkEveryBlocks: z
      .number()
      .int()
      .min(1)
      .default(10)
      .describe('compare the axon on chain with the reachable address every this many blocks'),
    retryAfterBlocks: z
      .number()
      .int()
      .min(1)
      .default(10)
      .describe('after a failed serve_axon (e.g. ServingRateLimitExceeded), wait this many blocks'),
  })
  .strict();

const MetricsSchema = z
  .object({
    enabled: z.boolean().default(true).describe('serve Prometheus GET /metrics'),
    host: z.string().min(1).default('127.0.0.1').describe('interface of the metrics server'),
    port: portOrZero.default(9101),
  })
  .strict();

const LimitsSchema = z
  .object({
    maxBatch: z.number().int().min(1).max(65536).default(1024).describe('largest Predict batch, rows'),
    maxMessageBytes: z
      .number()
      .int()
      .min(1024)
      .max(512 * 1024 * 1024)
      .default(16 * 1024 * 1024)
      .describe('largest gRPC message either way, bytes'),
    maxAgeMs: z.number().int().min(1000).default(60_000).describe('oldest accepted request signature, ms'),
    maxFutureMs: z.number().int().min(0).default(5_000).describe('furthest accepted request timestamp ahead of our clock, ms'),
    maxInFlight: z.number().int().min(1).default(256).describe('most gRPC calls handled at once; more get UNAVAILABLE'),
  })
  .strict();

const AdmissionSchema = z
  .object({
    perAddressPerSec: z
      .number()
      .gt(0)
      .default(200)
      .describe(
        'calls per second admitted per remote IP address before any signature work (burst 2x); raise it when many validators share one address',
      ),
    perHotkeyPerSec: z
      .number()
      .gt(0)
      .default(50)
      .describe('calls per second admitted per claimed hotkey before its signature is checked (burst 2x)'),
    verifyPerSec: z.number().gt(0).default(500).describe('signature verifications per second over all callers (sha256 + sr25519 each)'),
    maxInFlightBytesPerConnection: z
      .number()
      .int()
      .min(1024)
      .optional()
      .describe('request body bytes read but not yet answered, per connection; default 2x limits.maxMessageBytes'),
    maxInFlightBytes: z
      .number()
      .int()
      .min(1024)
      .optional()
      .describe('request body bytes read but not yet answered, over all connections; default 8x limits.maxMessageBytes'),
    minBodyBytesPerSec: z
      .number()
      .int()
      .min(0)
      .default(256 * 1024)
      .describe('an admitted request body must arrive at least this fast in every bodyGraceMs window, bytes/s (0: no check)'),
    bodyGraceMs: z.number().int().min(100).default(5_000).describe('the window of the body-rate check, ms'),
  })
  .strict();

const ConnectionsSchema = z
  .object({
    maxPerAddress: z
      .number()
      .int()
      .min(1)
      .default(32)
      .describe('most open connections from one remote IP address; more are closed at once'),
    max: z.number().int().min(1).default(512).describe('most open connections overall (keep below the open-file limit)'),
    handshakeTimeoutMs: z
      .number()
      .int()
      .min(100)
      .default(5_000)
      .describe('a connection must complete its HTTP/2 handshake within this, ms'),
    idleTimeoutMs: z.number().int().min(1000).default(60_000).describe('a connection without calls for this long is closed, ms'),
  })
  .strict();

const RateLimitSchema = z
  .object({
    ratePerSec: z.number().gt(0).default(50).describe('requests per second per caller (token bucket refill)'),
    burst: z.number().int().min(1).default(100).describe('largest burst per caller'),
  })
  .strict();

const AccessSchema = z
  .object({
    minValidatorStakeTao: z
      .number()
      .min(0)
      .max(1e12)
      .optional()
      .describe(
        "least stake (TAO) a caller's hotkey needs on the subnet, besides a validator permit, to be answered; default: the chain's StakeThreshold (the stake the subnet requires to set weights)",
      ),
    refuseRelayedBatches: z
      .boolean()
      .default(true)
      .describe(
        "refuse a Predict whose samples another caller sent within relayTtlMs (a permit holder relaying a validator's batch); turn off only when validators share one batch (scoring.secretPeriods off)",
      ),
    relayTtlMs: z
      .number()
      .int()
      .min(100)
      .max(600_000)
      .default(15_000)
      .describe('how long each Predict sample is remembered for the relay check, ms'),
    relayMinFraction: z
      .number()
      .gt(0)
      .max(1)
      .default(0.5)
      .describe('refuse when at least this fraction of a batch matches samples of one earlier request of another caller'),
    relayPerCallerSamples: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .default(2048)
      .describe(
        'most samples remembered per caller for the relay check (~500 B each; a relay is caught while the relayed request is among them)',
      ),
    relayMaxDistance: z
      .number()
      .min(0)
      .max(1)
      .default(0.0325)
      .describe(
        "largest RMS distance of two samples' centred 7x7 block means (of the pixels mapped by the relay guard's ink ramp) that still counts as the same sample",
      ),
  })
  .strict();

const ChainSchema = z
  .object({
    endpoint: z
      .string()
      .regex(/^wss?:\/\/\S+$/, 'a ws:// or wss:// URL')
      .optional()
      .describe('chain WebSocket endpoint; overrides network'),
    connectTimeoutMs: z.number().int().min(100).default(15_000).describe('deadline of the first connection, ms'),
    metagraphEveryBlocks: z.number().int().min(1).default(1).describe('refresh the metagraph (caller permits) every this many blocks'),
    txTimeoutMs: z.number().int().min(1000).default(60_000).describe('deadline of register / serve_axon inclusion, ms'),
  })
  .strict();

const LogSchema = z
  .object({
    level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('log level'),
    progress: z.enum(['auto', 'always', 'never']).default('auto').describe('one-line progress display (auto: when stdout is a TTY)'),
  })
  .strict();

/** The miner's configuration schema (every section strict: unknown keys are errors). */
export const MinerConfigSchema = z
  .object({
    network: z.string().min(1).default('local').describe('network name (configs/networks) or ws:// URL'),
    chain: ChainSchema.default(ChainSchema.parse({})),
    netuid: z.number().int().min(1).max(65535).default(1).describe('subnet id'),
    wallet: WalletSchema.default(WalletSchema.parse({})),
    competition: z
      .string()
      .min(1)
      .default('mnist')
      .describe('competition id (configs/competitions/<id>.json) or a path to a competition JSON file'),
    model: ModelSchema.default({}),
    backend: z
      .enum(BACKEND_NAMES)
      .default('wasm')
      .describe(`tfjs backend for training and serving (${BACKEND_NAMES.join(', ')})`),
    training: TrainingSchema.default(TrainingSchema.parse({})),
    dataDir: z.string().min(1).optional().describe('checkpoints and trainer state; default .arena/miners/<wallet>-<hotkey>'),
    grpc: GrpcSchema.default(GrpcSchema.parse({})),
    axon: AxonSchema.default(AxonSchema.parse({})),
    metrics: MetricsSchema.default(MetricsSchema.parse({})),
    limits: LimitsSchema.default(LimitsSchema.parse({})),
    rateLimit: RateLimitSchema.default(RateLimitSchema.parse({})),
    admission: AdmissionSchema.default(AdmissionSchema.parse({})),
    connections: ConnectionsSchema.default(ConnectionsSchema.parse({})),
    access: AccessSchema.default(AccessSchema.parse({})),
    register: z
      .boolean()
      .default(false)
      .describe('if the hotkey is not registered on the subnet, burned_register it (the coldkey pays the burn)'),
    log: LogSchema.default(LogSchema.parse({})),
  })
  .strict();

/** A validated miner configuration. */
export type MinerConfig = z.infer<typeof MinerConfigSchema>;
/** What a config file may hold (every field optional). */
export type MinerConfigInput = z.input<typeof MinerConfigSchema>;

/** Inputs of `loadMinerConfig`; the CLI reads the file, env and argv and passes them in. */
export interface LoadMinerConfigOptions {
  file?: unknown;
  filePath?: string;
  env?: Readonly<Record<string, string | undefined>>;
  /** Dotted keys (`{ 'grpc.port': 0 }`); undefined values are skipped. */
  flags?: Readonly<Record<string, unknown>>;
  /** How the command line spells each dotted key, for error messages. */
  flagNames?: Readonly<Record<string, string>>;
}

/** Validates the merged config; throws `ConfigError` naming each bad field and where its value came from. */
export function loadMinerConfig(options: LoadMinerConfigOptions = {}): MinerConfig {
  return loadConfig({
    schema: MinerConfigSchema,
    envPrefix: MINER_ENV_PREFIX,
    ...(options.file === undefined ? {} : { file: options.file }),
    ...(options.filePath === undefined ? {} : { filePath: options.filePath }),
    ...(options.env === undefined ? {} : { env: options.env }),
    ...(options.flags === undefined ? {} : { flags: options.flags }),
    ...(options.flagNames === undefined ? {} : { flagNames: options.flagNames }),
  });
}

/** Every leaf of the schema with its env name: the CLI generates its flags and help from this. */
export function minerConfigLeaves(): ConfigLeaf[] {
  return configLeaves(MinerConfigSchema, MINER_ENV_PREFIX);
}
