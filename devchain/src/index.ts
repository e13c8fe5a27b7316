/** Public entry of the devchain: start a node, its config, and the pallet-authoring toolkit. */
export { startDevchain, genesisFromConfig, taoToRao, DEV_ACCOUNTS, type StartDevchainOptions, type DevchainHandle } from './start.ts';
export { DevchainConfigSchema, loadDevchainConfig, ConfigError, type DevchainConfig, type DevchainConfigInput } from './config.ts';
