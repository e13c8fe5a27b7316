/**
 * The subtensor pallets of the devchain runtime: SubtensorModule (7), Commitments (18) and AdminUtils (19).
 * `subtensorPallets(options)` builds them with the node's options (loopback axons, emission).
 */
import type { Pallet } from '../../frame/pallet.ts';
import { createSubtensorModule } from './pallet.ts';
import { AdminUtils } from '../admin-utils.ts';
import { Commitments } from '../commitments/index.ts';
import { DEFAULT_SUBTENSOR_OPTIONS, type SubtensorOptions } from './options.ts';

export function subtensorPallets(options: Partial<SubtensorOptions> = {}): Pallet[] {
  return [createSubtensorModule({ ...DEFAULT_SUBTENSOR_OPTIONS, ...options }), Commitments, AdminUtils];
}
export { DEFAULT_SUBTENSOR_OPTIONS, type SubtensorOptions } from './options.ts';
export { SubtensorGenesisSchema, HyperparamsSchema, type SubtensorGenesis, type Hyperparams } from './genesis.ts';
export { SubtensorStorage } from './storage.ts';
