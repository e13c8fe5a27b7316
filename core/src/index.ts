/** Public entry of `core`: errors, logger, config, brands, networks, wallets and the chain client. */
export { ArenaError, ConfigError, ChainError, EvaluationError, dispatchHint, exitCodeFor, errorMessage, isArenaError } from './errors.ts';
export type { ArenaErrorCode, ConfigIssue, DispatchErrorInfo, ChainErrorContext } from './errors.ts';
export { createLogger, silentLogger, memoryDestination, REDACT_PATHS } from './logger.ts';
export type { Logger, LogLevel, CreateLoggerOptions } from './logger.ts';
export {
  loadConfig, readConfigFile, configLeaves, configFromEnv, deepMerge, expandDotted, redactConfig,
  formatEffectiveConfig, zodIssuesToConfigIssues, describeValue, isSecretKey,
} from './config.ts';
export type { LoadConfigOptions, ConfigLeaf } from './config.ts';
export { toUid, toNetUid, toBlockNumber, toSs58, toHotkey, toColdkey, publicKeyHex, isSs58, SS58_PREFIX } from './brands.ts';
export type { Uid, NetUid, Hotkey, Coldkey, BlockNumber } from './brands.ts';
export { NetworkSchema, EndpointSchema, NETWORKS_DIR, loadNetworkFile, listNetworks, resolveNetwork } from './networks.ts';
export type { Network } from './networks.ts';
