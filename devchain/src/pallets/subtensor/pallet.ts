/**
 * SubtensorModule (pallet 7): the calls miners, validators and subnet owners use, with upstream
 * call indices, argument names, checks and errors (subtensor-api.md §2, §9), events and errors at
 * their upstream variant indices (§5), the per-block step (§7) and genesis (root network, global
 * rate limits, optional pre-built subnets). Calls live in calls/ by area, state transitions in
 * state/ by concern; this file assembles them.
 */
import { T } from '../../scale/types.ts';
import { InvalidTransaction, definePallet, type CallDef, type CallValue, type Pallet } from '../../frame/pallet.ts';
import { P, SubtensorStorage } from './storage.ts';
import { SUBTENSOR_ERRORS, PALLET_INDEX } from './errors.ts';
import { SUBTENSOR_EVENTS } from './events.ts';
import { START_CALL_DELAY, type SubtensorOptions } from './options.ts';
import { weightsCalls } from './calls/weights.ts';
import { stakingCalls } from './calls/staking.ts';
import { servingCalls } from './calls/serving.ts';
import { registrationCalls } from './calls/registration.ts';
import { networkCalls } from './calls/network.ts';
import { rootClaimCalls } from './calls/root-claim.ts';
import { blockStep } from './state/block-step.ts';
import { genesisSubnets } from './genesis.ts';
import { guardError, customCodeOf } from './guards.ts';
import { fail } from './errors.ts';
import { neuronApis, neuronRpc } from './apis.ts';

export function createSubtensorModule(options: SubtensorOptions): Pallet {
  return definePallet({
    name: P,
    index: PALLET_INDEX,
    path: 'pallet_subtensor',
    docs: [' Bittensor subnets, neurons, weights, stake and Yuma consensus (devchain implementation).'],
    calls: [...weightsCalls(), ...stakingCalls(), ...servingCalls(options), ...registrationCalls(), ...networkCalls(), ...rootClaimCalls()]
      .sort((a, b) => a.index - b.index)
      .map((c) => guarded(c, options)),
    events: SUBTENSOR_EVENTS,
    errors: SUBTENSOR_ERRORS,
    storage: Object.values(SubtensorStorage) as unknown as NonNullable<Parameters<typeof definePallet>[0]['storage']>,
    constants: [
      {
        name: 'InitialStartCallDelay',
        type: T.u64,
        value: START_CALL_DELAY,
        docs: [' Blocks after registration before `start_call` is allowed.'],
      },
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
      // SubtensorTransactionExtension: pool validation runs at the next block's number, as upstream's validate_transaction.
      validate: (ctx, c: CallValue, who) => {
        const e = guardError(
          ctx.state,
          ctx.blockNumber + 1,
          who,
          { name: c.value.type, args: (c.value.value ?? {}) as Record<string, unknown> },
          options.allowLoopbackAxons,
        );
        if (e) {
          const code = customCodeOf(e);
          throw new InvalidTransaction('Custom', code, `Custom error: ${code} (${e})`);
        }
      },
    },
    runtimeApis: neuronApis(),
    rpc: neuronRpc(),
  });
}

/** Runs the guards before a signed call's body (upstream's System `DispatchExtension` pre-dispatch). */
function guarded(c: CallDef, options: SubtensorOptions): CallDef {
  return {
    ...c,
    dispatch: (ctx, args) => {
      if (ctx.origin.type === 'Signed') {
        const e = guardError(ctx.state, ctx.blockNumber, ctx.origin.who, { name: c.name, args }, options.allowLoopbackAxons);
        if (e) fail(e);
      }
      c.dispatch(ctx, args);
    },
  };
}
