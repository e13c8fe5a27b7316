/** The miner's gRPC server and its ports (import by relative path inside miner/). */
export { createMinerServer, widenHttp2Windows, type MinerServer, type MinerServerLimits, type MinerServerOptions } from './server.ts';
export {
  InMemoryCallerDirectory,
  callerStakeFloorRao,
  type CallerDirectory,
  type CallerEntry,
  type CallerSnapshot,
} from './caller-directory.ts';
export type { Predictor, PredictorOutput, InfoSource, PredictLimits } from './predict.ts';
export type { RateLimitOptions } from './rate-limit.ts';
export type { FreshnessOptions } from './access.ts';
export { HealthService } from './health.ts';
export { createMinerMetrics, createMetricsServer, type MinerMetrics, type MetricsServer } from './metrics.ts';
export { RelayGuard, type RelayGuardOptions, type RelayVerdict } from './relay-guard.ts';
