/** pallet_balances (pallet 5): free balances kept in `System.Account`, transfers, issuance. */
import { T, compact } from '../scale/types.ts';
import { AccountId32, MultiAddress } from '../frame/common-types.ts';
import { StorageValue } from '../frame/storage.ts';
import { DispatchFailure, call, definePallet, ensureRoot, ensureSigned, errorList, type RuntimeContext } from '../frame/pallet.ts';
import type { State } from '../frame/state.ts';
import { Storage as SystemStorage, System, EMPTY_ACCOUNT, type AccountInfoValue } from './system.ts';

const P = 'Balances';
/** Existential deposit in rao (as subtensor). */
export const EXISTENTIAL_DEPOSIT = 500n;

export const Storage = {
  TotalIssuance: new StorageValue<bigint>(P, 'TotalIssuance', T.u128, 0n, [' The total units issued in the system.']),
  InactiveIssuance: new StorageValue<bigint>(P, 'InactiveIssuance', T.u128, 0n),
};

/** A `MultiAddress` value as decoded from call arguments. */
export type MultiAddressValue = { type: string; value?: unknown };

/** Resolves a `MultiAddress` to an account id (Id and Address32 only, as upstream). */
export function lookup(addr: MultiAddressValue): Uint8Array {
  if ((addr.type === 'Id' || addr.type === 'Address32') && addr.value instanceof Uint8Array && addr.value.length === 32) return addr.value;
  throw new DispatchFailure({ type: 'CannotLookup' }, `CannotLookup: address kind ${addr.type} is not supported`);
}

const acc = (who: Uint8Array, n: bigint = 0n): Record<string, unknown> => ({ who, amount: n });

export const Balances = definePallet({
  name: P,
  index: 5,
  path: 'pallet_balances',
  calls: [
    call<{ dest: MultiAddressValue; value: bigint }>({
      name: 'transfer_allow_death',
      index: 0,
      args: [
        { name: 'dest', type: MultiAddress, typeName: 'AccountIdLookupOf<T>' },
        { name: 'value', type: compact(T.u128), typeName: 'T::Balance' },
      ],
      weight: 200_000_000n,
      dispatch: (ctx, a) => transfer(ctx, ensureSigned(ctx), lookup(a.dest), a.value, false),
    }),
    call<{ source: MultiAddressValue; dest: MultiAddressValue; value: bigint }>({
      name: 'force_transfer',
      index: 2,
      args: [
        { name: 'source', type: MultiAddress, typeName: 'AccountIdLookupOf<T>' },
        { name: 'dest', type: MultiAddress, typeName: 'AccountIdLookupOf<T>' },
        { name: 'value', type: compact(T.u128), typeName: 'T::Balance' },
      ],
      weight: 200_000_000n,
      dispatch: (ctx, a) => {
        ensureRoot(ctx);
        transfer(ctx, lookup(a.source), lookup(a.dest), a.value, false);
      },
    }),
    call<{ dest: MultiAddressValue; value: bigint }>({
      name: 'transfer_keep_alive',
      index: 3,
      args: [
        { name: 'dest', type: MultiAddress, typeName: 'AccountIdLookupOf<T>' },
        { name: 'value', type: compact(T.u128), typeName: 'T::Balance' },
      ],
      weight: 200_000_000n,
      dispatch: (ctx, a) => transfer(ctx, ensureSigned(ctx), lookup(a.dest), a.value, true),
    }),
    call<{ dest: MultiAddressValue; keep_alive: boolean }>({
      name: 'transfer_all',
      index: 4,
      args: [
        { name: 'dest', type: MultiAddress, typeName: 'AccountIdLookupOf<T>' },
        { name: 'keep_alive', type: T.bool, typeName: 'bool' },
      ],
      weight: 200_000_000n,
      dispatch: (ctx, a) => {
        const who = ensureSigned(ctx);
        const { data } = SystemStorage.Account.get(ctx.state, who);
        const usable = data.free - (data.frozen > data.reserved ? data.frozen - data.reserved : 0n);
        const amount = a.keep_alive ? usable - EXISTENTIAL_DEPOSIT : usable;
        if (amount > 0n) transfer(ctx, who, lookup(a.dest), amount, a.keep_alive);
      },
    }),
    call<{ who: MultiAddressValue; new_free: bigint }>({
      name: 'force_set_balance',
      index: 8,
      args: [
        { name: 'who', type: MultiAddress, typeName: 'AccountIdLookupOf<T>' },
        { name: 'new_free', type: compact(T.u128), typeName: 'T::Balance' },
      ],
      weight: 100_000_000n,
      dispatch: (ctx, a) => {
        ensureRoot(ctx);
        forceSetBalance(ctx, lookup(a.who), a.new_free);
      },
    }),
  ],
  events: [
    {
      name: 'Endowed',
      index: 0,
      fields: [
        { name: 'account', type: AccountId32, typeName: 'T::AccountId' },
        { name: 'free_balance', type: T.u128, typeName: 'T::Balance' },
      ],
    },
    {
      name: 'DustLost',
      index: 1,
      fields: [
        { name: 'account', type: AccountId32, typeName: 'T::AccountId' },
        { name: 'amount', type: T.u128, typeName: 'T::Balance' },
      ],
    },
    {
      name: 'Transfer',
      index: 2,
      fields: [
        { name: 'from', type: AccountId32, typeName: 'T::AccountId' },
        { name: 'to', type: AccountId32, typeName: 'T::AccountId' },
        { name: 'amount', type: T.u128, typeName: 'T::Balance' },
      ],
    },
    {
      name: 'BalanceSet',
      index: 3,
      fields: [
        { name: 'who', type: AccountId32, typeName: 'T::AccountId' },
        { name: 'free', type: T.u128, typeName: 'T::Balance' },
      ],
    },
    ...['Reserved', 'Unreserved'].map((name, i) => ({
      name,
      index: 4 + i,
      fields: [
        { name: 'who', type: AccountId32, typeName: 'T::AccountId' },
        { name: 'amount', type: T.u128, typeName: 'T::Balance' },
      ],
    })),
    {
      name: 'ReserveRepatriated',
      index: 6,
      fields: [
        { name: 'from', type: AccountId32 },
        { name: 'to', type: AccountId32 },
        { name: 'amount', type: T.u128 },
        { name: 'destination_status', type: T.unitEnum('frame_support::traits::tokens::misc::BalanceStatus', ['Free', 'Reserved']) },
      ],
    },
    ...['Deposit', 'Withdraw', 'Slashed', 'Minted', 'Burned'].map((name, i) => ({
      name,
      index: 7 + i,
      fields: [
        { name: 'who', type: AccountId32, typeName: 'T::AccountId' },
        { name: 'amount', type: T.u128, typeName: 'T::Balance' },
      ],
    })),
  ],
  errors: errorList([
    'VestingBalance',
    'LiquidityRestrictions',
    'InsufficientBalance',
    'ExistentialDeposit',
    'Expendability',
    'ExistingVestingSchedule',
    'DeadAccount',
    'TooManyReserves',
    'TooManyHolds',
    'TooManyFreezes',
    'IssuanceDeactivated',
    'DeltaZero',
  ]),
  storage: Object.values(Storage),
  constants: [
    {
      name: 'ExistentialDeposit',
      type: T.u128,
      value: EXISTENTIAL_DEPOSIT,
      docs: [' The minimum amount required to keep an account open.'],
    },
    { name: 'MaxLocks', type: T.u32, value: 50 },
    { name: 'MaxReserves', type: T.u32, value: 50 },
    { name: 'MaxFreezes', type: T.u32, value: 50 },
  ],
  hooks: {
    genesis: (ctx) => {
      for (const { who, free } of ctx.genesis.accounts) deposit(ctx, who, free, false);
    },
  },
});

function usableOf(a: AccountInfoValue): bigint {
  const locked = a.data.frozen > a.data.reserved ? a.data.frozen - a.data.reserved : 0n;
  return a.data.free > locked ? a.data.free - locked : 0n;
}

function setFree(ctx: RuntimeContext, who: Uint8Array, before: AccountInfoValue, free: bigint): void {
  const s = ctx.state;
  if (free < EXISTENTIAL_DEPOSIT && before.data.reserved === 0n) {
    if (SystemStorage.Account.contains(s, who)) {
      if (free > 0n) {
        ctx.deposit(Balances.event('DustLost', { account: who, amount: free }));
        Storage.TotalIssuance.mutate(s, (x) => x - free);
      }
      SystemStorage.Account.remove(s, who);
      ctx.deposit(System.event('KilledAccount', { account: who }));
    }
    return;
  }
  const isNew = before.providers === 0;
  SystemStorage.Account.set(s, who, { ...before, providers: isNew ? 1 : before.providers, data: { ...before.data, free } });
  if (isNew) {
    ctx.deposit(System.event('NewAccount', { account: who }));
    ctx.deposit(Balances.event('Endowed', { account: who, free_balance: free }));
  }
}

/** Moves `amount` from `from` to `to`; fails with InsufficientBalance / Expendability / ExistentialDeposit. */
export function transfer(ctx: RuntimeContext, from: Uint8Array, to: Uint8Array, amount: bigint, keepAlive: boolean): void {
  const s = ctx.state;
  const src = SystemStorage.Account.get(s, from);
  if (usableOf(src) < amount) throw Balances.error('InsufficientBalance');
  const left = src.data.free - amount;
  if (keepAlive && left < EXISTENTIAL_DEPOSIT) throw Balances.error('Expendability');
  if (amount === 0n || sameAccount(from, to)) {
    ctx.deposit(Balances.event('Transfer', { from, to, amount }));
    return;
  }
  const dst = SystemStorage.Account.get(s, to);
  if (dst.data.free + amount < EXISTENTIAL_DEPOSIT && dst.providers === 0) throw Balances.error('ExistentialDeposit');
  setFree(ctx, from, src, left);
  setFree(ctx, to, SystemStorage.Account.get(s, to), dst.data.free + amount);
  ctx.deposit(Balances.event('Transfer', { from, to, amount }));
}

/** Mints `amount` into `who` (issuance grows). `emit` adds a `Deposit` event. */
export function deposit(ctx: RuntimeContext, who: Uint8Array, amount: bigint, emit = true): void {
  if (amount === 0n) return;
  const before = SystemStorage.Account.get(ctx.state, who);
  if (before.providers === 0 && amount < EXISTENTIAL_DEPOSIT) throw Balances.error('ExistentialDeposit');
  setFree(ctx, who, before, before.data.free + amount);
  Storage.TotalIssuance.mutate(ctx.state, (x) => x + amount);
  if (emit) ctx.deposit(Balances.event('Deposit', acc(who, amount)));
}

/** Burns `amount` from `who`'s free balance (issuance shrinks); false when not enough. */
export function withdraw(ctx: RuntimeContext, who: Uint8Array, amount: bigint, emit = true): boolean {
  const before = SystemStorage.Account.get(ctx.state, who);
  if (usableOf(before) < amount) return false;
  if (amount === 0n) return true;
  SystemStorage.Account.set(ctx.state, who, { ...before, data: { ...before.data, free: before.data.free - amount } });
  Storage.TotalIssuance.mutate(ctx.state, (x) => x - amount);
  if (emit) ctx.deposit(Balances.event('Withdraw', acc(who, amount)));
  return true;
}

export function forceSetBalance(ctx: RuntimeContext, who: Uint8Array, newFree: bigint): void {
  const before = SystemStorage.Account.get(ctx.state, who);
  const target = newFree < EXISTENTIAL_DEPOSIT ? 0n : newFree;
  Storage.TotalIssuance.mutate(ctx.state, (x) => x - before.data.free + target);
  setFree(ctx, who, before, target);
  ctx.deposit(Balances.event('BalanceSet', { who, free: target }));
}

/** Free balance of an account (rao). */
export function freeBalance(s: State, who: Uint8Array): bigint {
  return SystemStorage.Account.get(s, who).data.free;
}

function sameAccount(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
export { EMPTY_ACCOUNT };
