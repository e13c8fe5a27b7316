/**
 * SubtensorModule (pallet 7): the calls miners, validators and subnet owners use, with upstream
 * call indices, argument names, checks and errors (subtensor-api.md §2, §9), events and errors at
 * their upstream variant indices (§5), the per-block step (§7) and genesis (root network, global
 * rate limits, optional pre-built subnets). Calls live in calls/ by area, state transitions in
 * state/ by concern; this file assembles them.
 */
import { T } from '../../scale/types.ts';
import { definePallet, type Pallet } from '../../frame/pallet.ts';
import { P, SubtensorStorage } from './storage.ts';
import { SUBTENSOR_ERRORS, PALLET_INDEX } from './errors.ts';
import { SUBTENSOR_EVENTS } from './events.ts';
import { START_CALL_DELAY, type SubtensorOptions } from './options.ts';
import { weightsCalls } from './calls/weights.ts';
import { stakingCalls } from './calls/staking.ts';
import { servingCalls } from './calls/serving.ts';
import { registrationCalls } from './calls/registration.ts';
import { networkCalls } from './calls/network.ts';
import { blockStep } from './state/block-step.ts';
import { genesisSubnets } from './genesis.ts';
import { neuronApis, neuronRpc } from './apis.ts';

export function createSubtensorModule(options: SubtensorOptions): Pallet {
  return definePallet({
    name: P, index: PALLET_INDEX, path: 'pallet_subtensor',
    docs: [' Bittensor subnets, neurons, weights, stake and Yuma consensus (devchain implementation).'],
    calls: [...weightsCalls(), ...stakingCalls(), ...servingCalls(options), ...registrationCalls(), ...networkCalls()].sort((a, b) => a.index - b.index),
    events: SUBTENSOR_EVENTS, errors: SUBTENSOR_ERRORS,
    storage: Object.values(SubtensorStorage) as unknown as NonNullable<Parameters<typeof definePallet>[0]['storage']>,
    constants: [
      { name: 'InitialStartCallDelay', type: T.u64, value: START_CALL_DELAY, docs: [' Blocks after registration before `start_call` is allowed.'] },
      { name: 'InitialNetworkRateLimit', type: T.u64, value: 7200n },
      { name: 'InitialMinLockCost', type: T.u64, value: 1_000_000_000_000n },
      { name: 'InitialSubnetOwnerCut', type: T.u16, value: 11_796 },
      { name: 'InitialTempo', type: T.u16, value: 360 },
      { name: 'InitialMaxAllowedUids', type: T.u16, value: 256 },
      { name: 'InitialMinBurn', type: T.u64, value: 500_000n },
      { name: 'InitialMaxBurn', type: T.u64, value: 100_000_000_000n },
    ],
    hooks: {
      onInitialize: (ctx) => blockStep(ctx, options),
      genesis: (ctx) => genesisSubnets(ctx),
    },
    runtimeApis: neuronApis(),
    rpc: neuronRpc(),
  });
}
