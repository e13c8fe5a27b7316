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
export {
  createWallet, createDevWallet, regenColdkey, regenHotkey, loadHotkey, loadColdkey, listWallets, showWallet,
  walletPaths, defaultWalletPath, readColdkeyAddress, readHotkeyAddress, isKeyfileEncrypted,
} from './wallet/wallet.ts';
export type {
  WalletLocation, WalletPaths, WalletSummary, KeySource, KeyResult, CreateWalletOptions, ColdkeyOptions, HotkeyOptions,
  DevWalletOptions, CryptoOptions,
} from './wallet/wallet.ts';
export { serializeKeyfile, parseKeyfile, pairFromKeyfile, keyfileFromKeys, publicKeyfile, keyfileAddress, KeyfileSchema } from './wallet/keyfile.ts';
export type { KeyfileData } from './wallet/keyfile.ts';
export { encryptKeyfileData, decryptKeyfileData, keyfileEncryption, NACL_SALT, NACL_PREFIX, KDF_SENSITIVE, KDF_TEST_ONLY } from './wallet/nacl.ts';
export type { KdfLimits } from './wallet/nacl.ts';
export { pairFromUri, toSchnorrkelSecret, fromSchnorrkelSecret, seedFromMnemonic, keysFromSeed } from './wallet/sr25519.ts';
export { readPasswordFile, promptPassword } from './wallet/password.ts';
export type { PromptOptions } from './wallet/password.ts';
export { assertPrivateFile, writePrivateFile } from './wallet/files.ts';
export { connectChain } from './chain/connect.ts';
export type { ChainClient, ConnectOptions } from './chain/connect.ts';
export { withTimeout } from './chain/timeout.ts';
export { NonceTracker, rpcNonceSource } from './chain/nonce.ts';
export type { NonceSource } from './chain/nonce.ts';
export { submitAndWait } from './chain/submit.ts';
export type { SubmitOptions, SubmitResult } from './chain/submit.ts';
export { decodeDispatchError, chainErrorFromDispatch, chainErrorFromRpc, isNonceError } from './chain/dispatch-error.ts';
export { ipToChain, ipFromChain } from './chain/ip.ts';
export type { ChainIp } from './chain/ip.ts';
export { fetchMetagraph, buildMetagraph, decodeAxon, codecToBigInt } from './chain/metagraph.ts';
export type { Metagraph, Axon, RawMetagraph, RawAxon } from './chain/metagraph.ts';
export { MetagraphWatcher, watchMetagraph, headsFromApi } from './chain/watcher.ts';
export type { MetagraphWatcherOptions, HeadSource } from './chain/watcher.ts';
export { setWeights, commitWeights, revealWeights, serveAxon, burnedRegister, addStake, weightsCommitHash } from './chain/extrinsics.ts';
export type { SetWeightsArgs, RevealWeightsArgs, ServeAxonArgs } from './chain/extrinsics.ts';
