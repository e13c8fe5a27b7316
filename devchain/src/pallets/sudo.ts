/** pallet_sudo (pallet 12): root dispatch for the sudo key (//Alice by default). */
import { result } from '../scale/types.ts';
import { AccountId32, DispatchError, MultiAddress, OptionAccountId, Unit, Weight } from '../frame/common-types.ts';
import { RuntimeCallRef } from '../frame/outer.ts';
import { StorageValue } from '../frame/storage.ts';
import { call, definePallet, ensureSigned, errorList, type CallValue, type DispatchContext, type ReadContext } from '../frame/pallet.ts';
import { lookup, type MultiAddressValue } from './balances.ts';

const P = 'Sudo';
const DispatchResult = result(Unit, DispatchError);

export const Storage = {
  Key: new StorageValue<Uint8Array, undefined>(P, 'Key', AccountId32, undefined, [' The `AccountId` of the sudo key.']),
};

function ensureSudo(ctx: DispatchContext): Uint8Array {
  const who = ensureSigned(ctx);
  const key = Storage.Key.get(ctx.state);
  if (!key?.every((b, i) => b === who[i])) throw Sudo.error('RequireSudo');
  return who;
}

function sudoResult(ctx: DispatchContext, c: CallValue, origin: Parameters<DispatchContext['dispatch']>[1]): unknown {
  const error = ctx.dispatch(c, origin);
  return error ? { type: 'Err', value: error } : { type: 'Ok', value: null };
}

/** Calls by the sudo key are free (upstream refunds them with Pays::No). */
const paysNoForKey = (ctx: ReadContext, _a: unknown, who: Uint8Array): 'Yes' | 'No' => {
  const key = Storage.Key.get(ctx.state);
  return key?.every((b, i) => b === who[i]) ? 'No' : 'Yes';
};

export const Sudo = definePallet({
  name: P,
  index: 12,
  path: 'pallet_sudo',
  calls: [
    call<{ call: CallValue }>({
      name: 'sudo',
      index: 0,
      args: [{ name: 'call', type: RuntimeCallRef, typeName: 'Box<<T as Config>::RuntimeCall>' }],
      pays: paysNoForKey,
      weight: (a, rt) => 10_000_000n + rt.callWeight(a.call),
      dispatch: (ctx, a) => {
        ensureSudo(ctx);
        ctx.deposit(Sudo.event('Sudid', { sudo_result: sudoResult(ctx, a.call, { type: 'Root' }) }));
      },
    }),
    call<{ call: CallValue; weight: unknown }>({
      name: 'sudo_unchecked_weight',
      index: 1,
      args: [
        { name: 'call', type: RuntimeCallRef, typeName: 'Box<<T as Config>::RuntimeCall>' },
        { name: 'weight', type: Weight, typeName: 'Weight' },
      ],
      pays: paysNoForKey,
      dispatch: (ctx, a) => {
        ensureSudo(ctx);
        ctx.deposit(Sudo.event('Sudid', { sudo_result: sudoResult(ctx, a.call, { type: 'Root' }) }));
      },
    }),
    call<{ new: MultiAddressValue }>({
      name: 'set_key',
      index: 2,
      args: [{ name: 'new', type: MultiAddress, typeName: 'AccountIdLookupOf<T>' }],
      pays: paysNoForKey,
      dispatch: (ctx, a) => {
        const old = ensureSudo(ctx);
        const next = lookup(a.new);
        Storage.Key.set(ctx.state, next);
        ctx.deposit(Sudo.event('KeyChanged', { old, new: next }));
      },
    }),
    call<{ who: MultiAddressValue; call: CallValue }>({
      name: 'sudo_as',
      index: 3,
      args: [
        { name: 'who', type: MultiAddress, typeName: 'AccountIdLookupOf<T>' },
        { name: 'call', type: RuntimeCallRef, typeName: 'Box<<T as Config>::RuntimeCall>' },
      ],
      pays: paysNoForKey,
      dispatch: (ctx, a) => {
        ensureSudo(ctx);
        ctx.deposit(Sudo.event('SudoAsDone', { sudo_result: sudoResult(ctx, a.call, { type: 'Signed', who: lookup(a.who) }) }));
      },
    }),
    call<Record<string, never>>({
      name: 'remove_key',
      index: 4,
      args: [],
      pays: paysNoForKey,
      dispatch: (ctx) => {
        ensureSudo(ctx);
        Storage.Key.kill(ctx.state);
        ctx.deposit(Sudo.event('KeyRemoved'));
      },
    }),
  ],
  events: [
    { name: 'Sudid', index: 0, fields: [{ name: 'sudo_result', type: DispatchResult, typeName: 'DispatchResult' }] },
    {
      name: 'KeyChanged',
      index: 1,
      fields: [
        { name: 'old', type: OptionAccountId, typeName: 'Option<T::AccountId>' },
        { name: 'new', type: AccountId32, typeName: 'T::AccountId' },
      ],
    },
    { name: 'KeyRemoved', index: 2, fields: [] },
    { name: 'SudoAsDone', index: 3, fields: [{ name: 'sudo_result', type: DispatchResult, typeName: 'DispatchResult' }] },
  ],
  errors: errorList(['RequireSudo']),
  storage: Object.values(Storage),
  hooks: { genesis: (ctx) => Storage.Key.set(ctx.state, ctx.genesis.sudoKey) },
});
