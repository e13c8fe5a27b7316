/** Public entry of the validator-miner wire contract (`#protocol`). */
export * from './errors.ts';
export * from './tensor.ts';
export * from './messages.ts';
export * from './signing.ts';
export * from './services.ts';
export * from './client.ts';
