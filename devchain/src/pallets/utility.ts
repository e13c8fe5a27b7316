/** pallet_utility (pallet 11): batch, batch_all, force_batch. */
import { T, vec, result } from '../scale/types.ts';
import { DispatchError, Unit, Weight } from '../frame/common-types.ts';
import { RuntimeCallRef } from '../frame/outer.ts';
import { DispatchFailure, call, definePallet, ensureRoot, errorList, type CallValue, type DispatchContext } from '../frame/pallet.ts';

const P = 'Utility';
const BATCHED_CALLS_LIMIT = 10_922;
const Calls = vec(RuntimeCallRef);

function checkLimit(calls: CallValue[]): void {
  if (calls.length > BATCHED_CALLS_LIMIT) throw Utility.error('TooManyCalls');
}

const batchWeight = (a: { calls: CallValue[] }, rt: { callWeight(c: CallValue): bigint }): bigint =>
  a.calls.reduce((sum, c) => sum + rt.callWeight(c), 5_000_000n);

export const Utility = definePallet({
  name: P,
  index: 11,
  path: 'pallet_utility',
  calls: [
    call<{ calls: CallValue[] }>({
      name: 'batch',
      index: 0,
      args: [{ name: 'calls', type: Calls, typeName: 'Vec<<T as Config>::RuntimeCall>' }],
      weight: batchWeight,
      dispatch: (ctx, a) => {
        checkLimit(a.calls);
        for (const [index, c] of a.calls.entries()) {
          const error = ctx.dispatch(c, ctx.origin);
          if (error) {
            ctx.deposit(Utility.event('BatchInterrupted', { index, error }));
            return;
          }
          ctx.deposit(Utility.event('ItemCompleted'));
        }
        ctx.deposit(Utility.event('BatchCompleted'));
      },
    }),
    call<{ calls: CallValue[] }>({
      name: 'batch_all',
      index: 2,
      args: [{ name: 'calls', type: Calls, typeName: 'Vec<<T as Config>::RuntimeCall>' }],
      weight: batchWeight,
      dispatch: (ctx, a) => {
        checkLimit(a.calls);
        for (const c of a.calls) {
          const error = ctx.dispatch(c, ctx.origin);
          if (error) throw new DispatchFailure(error);
          ctx.deposit(Utility.event('ItemCompleted'));
        }
        ctx.deposit(Utility.event('BatchCompleted'));
      },
    }),
    call<{ calls: CallValue[] }>({
      name: 'force_batch',
      index: 4,
      args: [{ name: 'calls', type: Calls, typeName: 'Vec<<T as Config>::RuntimeCall>' }],
      weight: batchWeight,
      dispatch: (ctx, a) => {
        checkLimit(a.calls);
        let failed = false;
        for (const c of a.calls) {
          const error = ctx.dispatch(c, ctx.origin);
          if (error) {
            failed = true;
            ctx.deposit(Utility.event('ItemFailed', { error }));
          } else ctx.deposit(Utility.event('ItemCompleted'));
        }
        ctx.deposit(Utility.event(failed ? 'BatchCompletedWithErrors' : 'BatchCompleted'));
      },
    }),
    call<{ call: CallValue; weight: unknown }>({
      name: 'with_weight',
      index: 5,
      args: [
        { name: 'call', type: RuntimeCallRef, typeName: 'Box<<T as Config>::RuntimeCall>' },
        { name: 'weight', type: Weight, typeName: 'Weight' },
      ],
      weight: (a) => (a.weight as { ref_time: bigint }).ref_time,
      dispatch: (ctx: DispatchContext, a) => {
        ensureRoot(ctx);
        const error = ctx.dispatch(a.call, { type: 'Root' });
        if (error) throw new DispatchFailure(error);
      },
    }),
  ],
  events: [
    {
      name: 'BatchInterrupted',
      index: 0,
      fields: [
        { name: 'index', type: T.u32, typeName: 'u32' },
        { name: 'error', type: DispatchError, typeName: 'DispatchError' },
      ],
    },
    { name: 'BatchCompleted', index: 1, fields: [] },
    { name: 'BatchCompletedWithErrors', index: 2, fields: [] },
    { name: 'ItemCompleted', index: 3, fields: [] },
    { name: 'ItemFailed', index: 4, fields: [{ name: 'error', type: DispatchError, typeName: 'DispatchError' }] },
    { name: 'DispatchedAs', index: 5, fields: [{ name: 'result', type: result(Unit, DispatchError), typeName: 'DispatchResult' }] },
  ],
  errors: errorList(['TooManyCalls']),
  constants: [{ name: 'batched_calls_limit', type: T.u32, value: BATCHED_CALLS_LIMIT }],
});
