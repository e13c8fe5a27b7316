/** Definition modules for @polkadot/typegen (`polkadot-types-from-defs`). */
export { default as subtensor } from './subtensor/definitions.ts';
