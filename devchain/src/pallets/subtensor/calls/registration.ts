/** Registration calls (subtensor-api.md §2.2): register (6) and burned_register (7). */
import { T } from '../../../scale/types.ts';
import { call, ensureSigned, type CallDef, type DispatchContext } from '../../../frame/pallet.ts';
import { AccountId32, Bytes } from '../../../frame/common-types.ts';
import { freeBalance } from '../../balances.ts';
import { bumpBurn } from '../epoch/index.ts';
import { SubtensorStorage } from '../storage.ts';
import { same } from '../accounts.ts';
import { emit } from '../events.ts';
import { fail } from '../errors.ts';
import { subnetExists } from '../state/subnets.ts';
import { appendNeuron, createAccountIfNew, neuronToPrune, replaceNeuron } from '../state/registration.ts';
import { transferTaoToSubnet } from '../state/tao.ts';

const NetUid = T.u16;

/** `do_register` / `do_burned_registration` (spec 425): the signer's coldkey pays and owns the hotkey. */
function register(ctx: DispatchContext, coldkey: Uint8Array, netuid: number, hotkey: Uint8Array): void {
  const s = ctx.state;
  if (netuid === 0) fail('RegistrationNotPermittedOnRootSubnet');
  if (!subnetExists(s, netuid)) fail('SubnetNotExists');
  if (!SubtensorStorage.NetworkRegistrationAllowed.get(s, netuid)) fail('SubNetRegistrationDisabled');
  if (SubtensorStorage.Uids.get(s, netuid, hotkey) !== undefined) fail('HotKeyAlreadyRegisteredInSubNet');
  const cost = SubtensorStorage.Burn.get(s, netuid);
  if (freeBalance(s, coldkey) < cost) fail('NotEnoughBalanceToStake');
  createAccountIfNew(s, coldkey, hotkey);
  if (!same(SubtensorStorage.Owner.get(s, hotkey), coldkey)) fail('NonAssociatedColdKey');
  const max = SubtensorStorage.MaxAllowedUids.get(s, netuid);
  if (max === 0) fail('NoNeuronIdAvailable');
  const full = SubtensorStorage.SubnetworkN.get(s, netuid) >= max;
  const prune = full ? neuronToPrune(s, netuid, ctx.blockNumber) : null;
  if (full && prune === null) fail('NoNeuronIdAvailable');
  // The burn moves to the subnet account and into SubnetTAO/TotalStake (upstream swaps it 1:1 into
  // alpha and takes that alpha back out: SubnetAlphaOut is unchanged).
  const paid = transferTaoToSubnet(ctx, netuid, coldkey, cost);
  SubtensorStorage.SubnetTAO.mutate(s, netuid, (x) => x + paid);
  SubtensorStorage.TotalStake.mutate(s, (x) => x + paid);
  let uid: number;
  if (prune !== null) {
    replaceNeuron(s, netuid, prune, hotkey, ctx.blockNumber);
    uid = prune;
  } else uid = appendNeuron(s, netuid, hotkey, ctx.blockNumber);
  bumpRegistrationPrice(s, netuid);
  SubtensorStorage.RegistrationsThisBlock.mutate(s, netuid, (x) => x + 1);
  SubtensorStorage.RAORecycledForRegistration.mutate(s, netuid, (x) => x + cost);
  emit(ctx, 'NeuronRegistered', [netuid, uid, hotkey]);
}

const ONE_U64F64 = 1n << 64n;

/** `bump_registration_price_after_registration`: Burn × max(BurnIncreaseMult, 1), truncated, clamped. */
function bumpRegistrationPrice(s: DispatchContext['state'], netuid: number): void {
  const bits = SubtensorStorage.BurnIncreaseMult.get(s, netuid).bits;
  const mult = bits < ONE_U64F64 ? ONE_U64F64 : bits;
  SubtensorStorage.Burn.set(
    s,
    netuid,
    bumpBurn(SubtensorStorage.Burn.get(s, netuid), mult, SubtensorStorage.MinBurn.get(s, netuid), SubtensorStorage.MaxBurn.get(s, netuid)),
  );
}

export function registrationCalls(): CallDef[] {
  return [
    call<{ netuid: number; block_number: bigint; nonce: bigint; work: Uint8Array; hotkey: Uint8Array; coldkey: Uint8Array }>({
      name: 'register',
      index: 6,
      args: [
        { name: 'netuid', type: NetUid, typeName: 'NetUid' },
        { name: 'block_number', type: T.u64, typeName: 'u64' },
        { name: 'nonce', type: T.u64, typeName: 'u64' },
        { name: 'work', type: Bytes, typeName: 'Vec<u8>' },
        { name: 'hotkey', type: AccountId32, typeName: 'T::AccountId' },
        { name: 'coldkey', type: AccountId32, typeName: 'T::AccountId' },
      ],
      // Upstream ignores the PoW arguments and the `coldkey` argument: the signer is the coldkey.
      dispatch: (ctx, a) => register(ctx, ensureSigned(ctx), a.netuid, a.hotkey),
    }),
    call<{ netuid: number; hotkey: Uint8Array }>({
      name: 'burned_register',
      index: 7,
      args: [
        { name: 'netuid', type: NetUid, typeName: 'NetUid' },
        { name: 'hotkey', type: AccountId32, typeName: 'T::AccountId' },
      ],
      dispatch: (ctx, a) => register(ctx, ensureSigned(ctx), a.netuid, a.hotkey),
    }),
  ];
}
