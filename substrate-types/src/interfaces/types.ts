// Auto-generated via `yarn polkadot-types-from-defs`, do not edit
/* eslint-disable */

export * from './subtensor/types.ts';

export type PHANTOM_GENERATED = 'generated';
