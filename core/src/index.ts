/** Public entry of `core`: errors, logger, config, brands, networks, wallets and the chain client. */

/** Daemon lifecycle: resources on a disposer stack released in reverse when a start fails or the daemon stops. */
export { DisposerStack, startOrRelease } from './lifecycle/disposer.ts';
/** The daemons' small HTTP server (/metrics, /status, health) with a clear error for a taken port. */
export { listenHttp, sendJson } from './lifecycle/http.ts';
/** Options, handler and handle of `listenHttp`. */
export type { HttpHandler, HttpService, ListenHttpOptions } from './lifecycle/http.ts';
/** One SIGINT/SIGTERM handler: first asks for a clean stop, second exits 1. */
export { onShutdownSignal, firstShutdownSignal } from './lifecycle/signals.ts';
/** Splits a chunked stream into lines; parses one NDJSON line. */
export { lineSplitter, parseJsonLine } from './ndjson.ts';

/** Base error with a stable `code`; `exitCode` is 2 for usage/config codes, else 1. */
export { ArenaError } from './errors.ts';
/** Bad configuration: lists every bad field (path, expected, found); exit code 2. */
export { ConfigError } from './errors.ts';
/** Chain failure: decoded dispatch error (pallet, name, docs), invalid tx, timeout or connection. */
export { ChainError } from './errors.ts';
/** A failed model evaluation (bad predictions, NaN loss, wrong shape). */
export { EvaluationError } from './errors.ts';
/** CLI exit code for an outcome: 0 ok, 1 failure, 2 bad usage/config. */
export { exitCodeFor } from './errors.ts';
/** The message of any thrown value. */
export { errorMessage } from './errors.ts';
/** Narrows `unknown` to `ArenaError` (optionally with a given code). */
export { isArenaError } from './errors.ts';
/** Union of all `ArenaError` codes. */
export type { ArenaErrorCode } from './errors.ts';
/** One bad config field: path, expected, found. */
export type { ConfigIssue } from './errors.ts';
/** Decoded dispatch error: pallet, name, docs. */
export type { DispatchErrorInfo } from './errors.ts';
/** Extra facts for chain error messages (call, nextAllowedBlock, blockHash). */
export type { ChainErrorContext } from './errors.ts';
/** Root pino logger: NDJSON to stdout or a destination, secrets redacted, optional pino-pretty. */
export { createLogger } from './logger.ts';
/** A logger that writes nothing (library and test default). */
export { silentLogger } from './logger.ts';
/** In-memory log destination collecting parsed lines, for asserting log output in tests. */
export { memoryDestination } from './logger.ts';
/** The pino `Logger` type. */
export type { Logger } from './logger.ts';
/** Accepted log levels. */
export type { LogLevel } from './logger.ts';
/** Options of `createLogger`. */
export type { CreateLoggerOptions } from './logger.ts';
/** Pure config loader: schema defaults < file < `ARENA_<SECTION>_<KEY>` env < flags, zod-validated. */
export { loadConfig } from './config.ts';
/** Reads and parses a JSON config file; failures become `ConfigError`. */
export { readConfigFile } from './config.ts';
/** Every leaf of a config schema with its env name, kind and description (for flags/help). */
export { configLeaves } from './config.ts';
/** Deep copy with secret-named fields replaced by `[redacted]`. */
export { redactConfig } from './config.ts';
/** The redacted effective config as indented JSON, for startup output. */
export { formatEffectiveConfig } from './config.ts';
/** Inputs of `loadConfig`. */
export type { LoadConfigOptions } from './config.ts';
/** A config schema leaf: path, env name, kind, description. */
export type { ConfigLeaf } from './config.ts';
/** Checks and brands a uid (u16); throws RangeError otherwise. */
export { toUid } from './brands.ts';
/** Checks and brands a netuid (u16); throws RangeError otherwise. */
export { toNetUid } from './brands.ts';
/** Checks and brands a hotkey SS58 address. */
export { toHotkey } from './brands.ts';
/** Checks and brands a coldkey SS58 address. */
export { toColdkey } from './brands.ts';
/** 0x-hex public key of an SS58 address. */
export { publicKeyHex } from './brands.ts';
/** True when a string decodes as an address. */
export { isSs58 } from './brands.ts';
/** Branded uid (u16). */
export type { Uid } from './brands.ts';
/** Branded netuid (u16). */
export type { NetUid } from './brands.ts';
/** Branded hotkey SS58 address. */
export type { Hotkey } from './brands.ts';
/** Branded coldkey SS58 address. */
export type { Coldkey } from './brands.ts';
/** Branded block number (u32). */
export type { BlockNumber } from './brands.ts';
/** Schema of `configs/networks/<name>.json`. */
export { NetworkSchema } from './networks.ts';
/** A ws:// or wss:// endpoint URL. */
export { EndpointSchema } from './networks.ts';
/** Directory of the shipped network files. */
export { NETWORKS_DIR } from './networks.ts';
/** Parses one network file (ConfigError on bad fields). */
export { loadNetworkFile } from './networks.ts';
/** Every shipped network, sorted by name. */
export { listNetworks } from './networks.ts';
/** `--network` input (name, alias or ws(s):// URL) to a `Network`. */
export { resolveNetwork } from './networks.ts';
/** A parsed network definition. */
export type { Network } from './networks.ts';
/** New wallet from fresh mnemonics: encrypted coldkey, coldkeypub.txt, unencrypted hotkey. */
export { createWallet } from './wallet/wallet.ts';
/** Wallet from dev URIs (`//Alice`) for local chains. */
export { createDevWallet } from './wallet/wallet.ts';
/** Writes the coldkey (encrypted) and coldkeypub.txt from a mnemonic or seed. */
export { regenColdkey } from './wallet/wallet.ts';
/** Writes `hotkeys/<name>` from a mnemonic or seed (unencrypted unless a password is given). */
export { regenHotkey } from './wallet/wallet.ts';
/** Loads a hotkey as an sr25519 `KeyringPair`. */
export { loadHotkey } from './wallet/wallet.ts';
/** Decrypts and loads the coldkey; wrong password is `ArenaError('WRONG_PASSWORD')`. */
export { loadColdkey } from './wallet/wallet.ts';
/** Summaries (addresses only) of every wallet under a path. */
export { listWallets } from './wallet/wallet.ts';
/** Summary (addresses only) of one wallet. */
export { showWallet } from './wallet/wallet.ts';
/** File paths of a wallet location (names checked, `~` expanded). */
export { walletPaths } from './wallet/wallet.ts';
/** `~/.bittensor/wallets`. */
export { defaultWalletPath } from './wallet/wallet.ts';
/** Coldkey address from coldkeypub.txt (no password), or null. */
export { readColdkeyAddress } from './wallet/wallet.ts';
/** Hotkey address without decrypting, or null. */
export { readHotkeyAddress } from './wallet/wallet.ts';
/** Wallet path, name and hotkey name. */
export type { WalletLocation } from './wallet/wallet.ts';
/** Resolved file paths of a wallet. */
export type { WalletPaths } from './wallet/wallet.ts';
/** Names and addresses of a wallet. */
export type { WalletSummary } from './wallet/wallet.ts';
/** A mnemonic or a 0x seed. */
export type { KeySource } from './wallet/wallet.ts';
/** Address, mnemonic (if any) and path of a written key. */
export type { KeyResult } from './wallet/wallet.ts';
/** Options of `createWallet`. */
export type { CreateWalletOptions } from './wallet/wallet.ts';
/** Options of `regenColdkey`. */
export type { ColdkeyOptions } from './wallet/wallet.ts';
/** Options of `regenHotkey`. */
export type { HotkeyOptions } from './wallet/wallet.ts';
/** Options of `createDevWallet`. */
export type { DevWalletOptions } from './wallet/wallet.ts';
/** KDF limits override (tests only). */
export type { CryptoOptions } from './wallet/wallet.ts';
/** Keyfile JSON exactly as Bittensor's Python `json.dumps` writes it. */
export { serializeKeyfile } from './wallet/keyfile.ts';
/** Parses and validates decrypted keyfile JSON. */
export { parseKeyfile } from './wallet/keyfile.ts';
/** Signing pair from keyfile data (mnemonic > seed > privateKey), checked against the address. */
export { pairFromKeyfile } from './wallet/keyfile.ts';
/** Keyfile data from sr25519 keys (privateKey in schnorrkel layout). */
export { keyfileFromKeys } from './wallet/keyfile.ts';
/** Keyfile fields as Bittensor writes them. */
export type { KeyfileData } from './wallet/keyfile.ts';
/** Bittensor NaCl encryption (`$NACL` + nonce + secretbox, argon2i key). */
export { encryptKeyfileData } from './wallet/nacl.ts';
/** Decrypts NaCl keyfile bytes; wrong password is WRONG_PASSWORD. */
export { decryptKeyfileData } from './wallet/nacl.ts';
/** Bittensor's fixed NaCl salt. */
export { NACL_SALT } from './wallet/nacl.ts';
/** argon2i sensitive limits (8 passes, 512 MiB) used by real wallets. */
export { KDF_SENSITIVE } from './wallet/nacl.ts';
/** Cheap argon2i limits for tests only (not readable by Bittensor). */
export { KDF_TEST_ONLY } from './wallet/nacl.ts';
/** argon2i ops/mem limits. */
export type { KdfLimits } from './wallet/nacl.ts';
/** sr25519 `KeyringPair` from a URI such as `//Alice`. */
export { pairFromUri } from './wallet/sr25519.ts';
/** polkadot.js secret layout to the Bittensor keyfile layout. */
export { toSchnorrkelSecret } from './wallet/sr25519.ts';
/** Bittensor keyfile secret layout to the polkadot.js layout. */
export { fromSchnorrkelSecret } from './wallet/sr25519.ts';
/** sr25519 keys from a 32-byte mini secret. */
export { keysFromSeed } from './wallet/sr25519.ts';
/** Reads a 0600 password file (one trailing newline dropped). */
export { readPasswordFile } from './wallet/password.ts';
/** No-echo terminal prompt; PASSWORD_REQUIRED when stdin is not a TTY. */
export { promptPassword } from './wallet/password.ts';
/** Options of `promptPassword`. */
export type { PromptOptions } from './wallet/password.ts';
/** One long-lived WsProvider + ApiPromise connection with reconnect and deadlines. */
export { connectChain } from './chain/connect.ts';
/** A connected chain: api, nonces, deadline-bound reads, waitConnected, close. */
export type { ChainClient } from './chain/connect.ts';
/** Options of `connectChain`. */
export type { ConnectOptions } from './chain/connect.ts';
/** Races a promise against a deadline (`ChainError('CHAIN_TIMEOUT')`). */
export { withTimeout } from './chain/timeout.ts';
/** Per-signer nonces: fetch once, count locally, reset on failure. */
export { NonceTracker } from './chain/nonce.ts';
/** Where a tracker gets the first nonce. */
export type { NonceSource } from './chain/nonce.ts';
/** Sign, submit and wait for inBlock/finalized; failures become `ChainError`. */
export { submitAndWait } from './chain/submit.ts';
/** Options of `submitAndWait`. */
export type { SubmitOptions } from './chain/submit.ts';
/** Block hash, tx hash, events and nonce of an included extrinsic. */
export type { SubmitResult } from './chain/submit.ts';
/** Dispatch error to pallet/name/docs via the metadata. */
export { decodeDispatchError } from './chain/dispatch-error.ts';
/** `ChainError` for a dispatch error. */
export { chainErrorFromDispatch } from './chain/dispatch-error.ts';
/** `ChainError` for an RPC invalid-transaction error, with what to do. */
export { chainErrorFromRpc } from './chain/dispatch-error.ts';
/** A pool's custom refusal on a `ChainError`: code and upstream name. */
export type { CustomInvalidInfo } from './errors.ts';
/** True when an RPC rejection means the nonce is wrong. */
export { isNonceError } from './chain/dispatch-error.ts';
/** IPv4/IPv6 text to the on-chain (u128, ip_type). */
export { ipToChain } from './chain/ip.ts';
/** On-chain (u128, ip_type) to IP text. */
export { ipFromChain } from './chain/ip.ts';
/** An IP as stored on chain. */
export type { ChainIp } from './chain/ip.ts';
/** Reads a subnet snapshot from SubtensorModule storage at a block. */
export { fetchMetagraph } from './chain/metagraph.ts';
/** Builds an immutable snapshot from raw storage values. */
export { buildMetagraph } from './chain/metagraph.ts';
/** Decodes an AxonInfo (never-served axons decode as 0.0.0.0:0). */
export { decodeAxon } from './chain/metagraph.ts';
/** Integer codec to bigint without unsafe numbers. */
export { codecToBigInt } from './chain/metagraph.ts';
/** Immutable subnet snapshot with the block it was read at. */
export type { Metagraph } from './chain/metagraph.ts';
/** A decoded axon. */
export type { Axon } from './chain/metagraph.ts';
/** Raw storage values for `buildMetagraph`. */
export type { RawMetagraph } from './chain/metagraph.ts';
/** AxonInfo as stored. */
export type { RawAxon } from './chain/metagraph.ts';
/** The one chain reader: SubtensorModule storage and runtime APIs at a block (browser-safe; also `#core/reader`). */
export { subtensorAt, resolveBlock, SubtensorAt } from './chain/reader.ts';
/** A resolved block, a block reference, and the typed SubtensorModule storage names. */
export type { BlockAt, BlockRef, SubtensorItem, SubtensorQuery } from './chain/reader.ts';
/** Composite subnet reads over `SubtensorAt`. */
export {
  readNeurons,
  readNeuronsLite,
  readEpochSchedule,
  readIncentiveEmission,
  readWeightRows,
  readSubnetExists,
  requireSubnet,
  readUid,
  readBurn,
  readAxon,
  readFreeBalance,
  rawAxon,
} from './chain/subnet-reads.ts';
/** A stored neuron, the epoch schedule items and weight rows. */
export type { NeuronRecord, EpochScheduleRecord, WeightRows } from './chain/subnet-reads.ts';
/** Weight hyperparameters with defaults where a chain lacks an item. */
export { readWeightHyperparams } from './chain/subnet-reads.ts';
/** Weight hyperparameters as read. */
export type { WeightHyperparamsRecord } from './chain/subnet-reads.ts';
/** Commit-reveal as this runtime counts it: layout from metadata, epoch of the next block, WeightCommits decoded. */
export {
  commitRevealLayout,
  commitRevealEpochAfter,
  legacyEpochIndex,
  nextBlockEpochIndex,
  decodeWeightCommit,
  decodeWeightCommits,
  readWeightCommits,
} from './chain/commit-reveal.ts';
/** Commit-reveal layout, a decoded commit and the dynamic-tempo schedule. */
export type { CommitRevealLayout, WeightCommitRecord, EpochIndexSchedule } from './chain/commit-reveal.ts';
/** Refreshes the metagraph on new heads and swaps snapshots atomically; exposes age. */
export { MetagraphWatcher } from './chain/watcher.ts';
/** A `MetagraphWatcher` on a real chain. */
export { watchMetagraph } from './chain/watcher.ts';
/** New-head source from `chain_subscribeNewHeads`. */
export { headsFromApi } from './chain/watcher.ts';
/** Options of `MetagraphWatcher`. */
export type { MetagraphWatcherOptions } from './chain/watcher.ts';
/** A new-head subscription function. */
export type { HeadSource } from './chain/watcher.ts';
/** `SubtensorModule.set_weights` (hotkey-signed), arguments checked. */
export { setWeights } from './chain/extrinsics.ts';
/** `SubtensorModule.commit_weights` (hotkey-signed). */
export { commitWeights } from './chain/extrinsics.ts';
/** `SubtensorModule.reveal_weights` (hotkey-signed). */
export { revealWeights } from './chain/extrinsics.ts';
/** `SubtensorModule.serve_axon` from IP text and port (hotkey-signed). */
export { serveAxon } from './chain/extrinsics.ts';
/** `SubtensorModule.burned_register` (coldkey-signed, pays the burn). */
export { burnedRegister } from './chain/extrinsics.ts';
/** Commit-reveal v2 hash of (hotkey, netuid, uids, values, salt, version_key). */
export { weightsCommitHash } from './chain/extrinsics.ts';
/** Arguments of `setWeights`. */
export type { SetWeightsArgs } from './chain/extrinsics.ts';
/** Arguments of `revealWeights` and `weightsCommitHash`. */
export type { RevealWeightsArgs } from './chain/extrinsics.ts';
/** Arguments of `serveAxon`. */
export type { ServeAxonArgs } from './chain/extrinsics.ts';
/** On-chain commitments (pallet Commitments 18): write, read at a block, and the chain adapter. */
export { setCommitmentTx, readCommitment, blockHashAt, ChainCommitmentStore, COMMITMENT_HASH_KINDS } from './chain/commitments.ts';
/** Commitment fields, records, receipts and the store interface. */
export type { CommitmentField, CommitmentRecord, CommitmentReceipt, CommitmentStore } from './chain/commitments.ts';
