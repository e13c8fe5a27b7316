/** The miner's gRPC server and its ports (import by relative path inside miner/). */

export type { AdmissionLimits } from './admission.ts';
export type { FreshnessOptions } from './access.ts';
export type { ConnectionLimits } from './connection-guard.ts';
export {
  type CallerDirectory,
  type CallerEntry,
  type CallerSnapshot,
  callerStakeFloorRao,
  InMemoryCallerDirectory,
} from './caller-directory.ts';
export { HealthService } from './health.ts';
export { createMetricsServer, createMinerMetrics, type MetricsServer, type MinerMetrics } from './metrics.ts';
export type { InfoSource, PredictLimits, Predictor, PredictorOutput } from './predict.ts';
export type { RateLimitOptions } from './rate-limit.ts';
export { RelayGuard, type RelayGuardOptions, type RelayVerdict } from './relay-guard.ts';
export { RelayGuardThread } from './relay-guard-thread.ts';
export { createMinerServer, type MinerServer, type MinerServerLimits, type MinerServerOptions, widenHttp2Windows } from './server.ts';
