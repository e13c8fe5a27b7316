/** Registration calls (subtensor-api.md §2.2): register (6) and burned_register (7). */
import { T } from '../../../scale/types.ts';
import { call, ensureSigned, type CallDef, type DispatchContext } from '../../../frame/pallet.ts';
import { AccountId32, Bytes } from '../../../frame/common-types.ts';
import { withdraw, freeBalance } from '../../balances.ts';
import { bumpBurn } from '../epoch/index.ts';
import { SubtensorStorage } from '../storage.ts';
import { same } from '../accounts.ts';
import { emit } from '../events.ts';
import { fail } from '../errors.ts';
import { subnetExists } from '../state/subnets.ts';
import { appendNeuron, createAccountIfNew, neuronToPrune, replaceNeuron } from '../state/registration.ts';

const NetUid = T.u16;

function register(ctx: DispatchContext, payer: Uint8Array, netuid: number, hotkey: Uint8Array, coldkey: Uint8Array): void {
  const s = ctx.state;
  if (netuid === 0) fail('RegistrationNotPermittedOnRootSubnet');
  if (!subnetExists(s, netuid)) fail('SubnetNotExists');
  if (!SubtensorStorage.NetworkRegistrationAllowed.get(s, netuid)) fail('SubNetRegistrationDisabled');
  if (SubtensorStorage.Uids.get(s, netuid, hotkey) !== undefined) fail('HotKeyAlreadyRegisteredInSubNet');
  const cost = SubtensorStorage.Burn.get(s, netuid);
  if (freeBalance(s, payer) < cost) fail('NotEnoughBalanceToStake');
  if (SubtensorStorage.Owner.contains(s, hotkey) && !same(SubtensorStorage.Owner.get(s, hotkey), coldkey)) fail('NonAssociatedColdKey');
  const n = SubtensorStorage.SubnetworkN.get(s, netuid);
  const full = n >= SubtensorStorage.MaxAllowedUids.get(s, netuid);
  const prune = full ? neuronToPrune(s, netuid, ctx.blockNumber) : null;
  if (full && prune === null) fail('NoNeuronIdAvailable');
  if (!withdraw(ctx, payer, cost)) fail('NotEnoughBalanceToStake');
  SubtensorStorage.RAORecycledForRegistration.mutate(s, netuid, (x) => x + cost);
  createAccountIfNew(s, coldkey, hotkey);
  let uid: number;
  if (prune !== null) { replaceNeuron(s, netuid, prune, hotkey, ctx.blockNumber); uid = prune; }
  else uid = appendNeuron(s, netuid, hotkey, ctx.blockNumber);
  SubtensorStorage.Burn.set(s, netuid, bumpBurn(cost, SubtensorStorage.BurnIncreaseMult.get(s, netuid).bits, SubtensorStorage.MinBurn.get(s, netuid), SubtensorStorage.MaxBurn.get(s, netuid)));
  SubtensorStorage.RegistrationsThisBlock.mutate(s, netuid, (x) => x + 1);
  SubtensorStorage.RegistrationsThisInterval.mutate(s, netuid, (x) => x + 1);
  emit(ctx, 'NeuronRegistered', [netuid, uid, hotkey]);
}

export function registrationCalls(): CallDef[] {
  return [
    call<{ netuid: number; block_number: bigint; nonce: bigint; work: Uint8Array; hotkey: Uint8Array; coldkey: Uint8Array }>({
      name: 'register', index: 6,
      args: [
        { name: 'netuid', type: NetUid, typeName: 'NetUid' }, { name: 'block_number', type: T.u64, typeName: 'u64' }, { name: 'nonce', type: T.u64, typeName: 'u64' },
        { name: 'work', type: Bytes, typeName: 'Vec<u8>' }, { name: 'hotkey', type: AccountId32, typeName: 'T::AccountId' }, { name: 'coldkey', type: AccountId32, typeName: 'T::AccountId' },
      ],
      dispatch: (ctx, a) => register(ctx, ensureSigned(ctx), a.netuid, a.hotkey, a.coldkey),
    }),
    call<{ netuid: number; hotkey: Uint8Array }>({
      name: 'burned_register', index: 7,
      args: [{ name: 'netuid', type: NetUid, typeName: 'NetUid' }, { name: 'hotkey', type: AccountId32, typeName: 'T::AccountId' }],
      dispatch: (ctx, a) => { const cold = ensureSigned(ctx); register(ctx, cold, a.netuid, a.hotkey, cold); },
    }),
  ];
}
