/** pallet_timestamp (pallet 2): the `set` inherent the block producer inserts first in each block. */
import { T, compact } from '../scale/types.ts';
import { StorageValue } from '../frame/storage.ts';
import { DispatchFailure, call, definePallet, type ConstantContext } from '../frame/pallet.ts';

const P = 'Timestamp';

export const Storage = {
  Now: new StorageValue<bigint>(P, 'Now', T.u64, 0n, [' The current time for the current block.']),
  DidUpdate: new StorageValue<boolean>(P, 'DidUpdate', T.bool, false),
};

export const Timestamp = definePallet({
  name: P,
  index: 2,
  path: 'pallet_timestamp',
  calls: [
    call<{ now: bigint }>({
      name: 'set',
      index: 0,
      args: [{ name: 'now', type: compact(T.u64), typeName: 'T::Moment' }],
      weight: 5_000_000n,
      pays: 'No',
      dispatch: (ctx, a) => {
        if (ctx.origin.type !== 'None') throw new DispatchFailure({ type: 'BadOrigin' }, 'Timestamp.set is an inherent');
        if (Storage.DidUpdate.get(ctx.state))
          throw new DispatchFailure({ type: 'Other' }, 'Timestamp must be updated only once in the block');
        Storage.Now.set(ctx.state, a.now);
        Storage.DidUpdate.set(ctx.state, true);
      },
    }),
  ],
  storage: Object.values(Storage),
  constants: [
    {
      name: 'MinimumPeriod',
      type: T.u64,
      value: (c: ConstantContext) => BigInt(Math.max(1, Math.floor(c.blockTimeMs / 2))),
      docs: [' The minimum period between blocks (half the slot duration).'],
    },
  ],
  hooks: {
    onFinalize: (ctx) => {
      if (!Storage.DidUpdate.get(ctx.state)) throw new Error('Timestamp must be updated once in the block');
      Storage.DidUpdate.kill(ctx.state);
    },
  },
});
