/** Subnet calls: register_network (59) and start_call (92). */
import { T } from '../../../scale/types.ts';
import { DispatchFailure, call, ensureSigned, type CallDef } from '../../../frame/pallet.ts';
import { AccountId32 } from '../../../frame/common-types.ts';
import { freeBalance } from '../../balances.ts';
import { SubtensorStorage } from '../storage.ts';
import { same } from '../accounts.ts';
import { emit } from '../events.ts';
import { fail } from '../errors.ts';
import { initNetwork, networkLockCost, nextNetuid, subnetExists } from '../state/subnets.ts';
import { transferTaoToSubnet } from '../state/tao.ts';

const NetUid = T.u16;

export function networkCalls(): CallDef[] {
  return [
    call<{ hotkey: Uint8Array }>({
      name: 'register_network',
      index: 59,
      args: [{ name: 'hotkey', type: AccountId32, typeName: 'T::AccountId' }],
      dispatch: (ctx, a) => {
        const cold = ensureSigned(ctx);
        const s = ctx.state;
        if (SubtensorStorage.Owner.contains(s, a.hotkey) && !same(SubtensorStorage.Owner.get(s, a.hotkey), cold))
          fail('NonAssociatedColdKey');
        const now = BigInt(ctx.blockNumber);
        if (now - SubtensorStorage.NetworkLastRegistered.get(s) < SubtensorStorage.NetworkRateLimit.get(s))
          fail('NetworkTxRateLimitExceeded');
        if (SubtensorStorage.TotalNetworks.get(s) - 1 >= SubtensorStorage.SubnetLimit.get(s)) fail('SubnetLimitReached');
        const lock = networkLockCost(s, ctx.blockNumber);
        if (freeBalance(s, cold) < lock) fail('CannotAffordLockCost');
        const netuid = nextNetuid(s);
        // The lock moves to the new subnet's account and stays in its pool (SubnetTAO, TotalStake).
        const locked = transferTaoToSubnet(ctx, netuid, cold, lock);
        SubtensorStorage.NetworkLastRegistered.set(s, now);
        SubtensorStorage.NetworkLastLockCost.set(s, locked);
        initNetwork(s, { netuid, owner: cold, ownerHotkey: a.hotkey, block: ctx.blockNumber, lock: locked });
        SubtensorStorage.TotalStake.mutate(s, (x) => x + locked);
        emit(ctx, 'NetworkAdded', [netuid, 0]);
      },
    }),
    call<{ netuid: number }>({
      name: 'start_call',
      index: 92,
      args: [{ name: 'netuid', type: NetUid, typeName: 'NetUid' }],
      dispatch: (ctx, a) => {
        const who = ensureSigned(ctx);
        const s = ctx.state;
        if (!subnetExists(s, a.netuid)) fail('SubnetNotExists');
        if (!same(SubtensorStorage.SubnetOwner.get(s, a.netuid), who))
          throw new DispatchFailure({ type: 'BadOrigin' }, 'BadOrigin: only the subnet owner coldkey may call start_call');
        // Upstream: FirstEmissionBlockNumberAlreadySet (index not in the reference); devchain uses InvalidValue.
        if (SubtensorStorage.FirstEmissionBlockNumber.get(s, a.netuid) !== undefined) fail('InvalidValue');
        const registered = SubtensorStorage.NetworkRegisteredAt.get(s, a.netuid);
        if (BigInt(ctx.blockNumber) < registered + SubtensorStorage.StartCallDelay.get(s)) fail('NeedWaitingMoreBlocksToStarCall');
        const first = BigInt(ctx.blockNumber) + 1n;
        SubtensorStorage.FirstEmissionBlockNumber.set(s, a.netuid, first);
        SubtensorStorage.SubtokenEnabled.set(s, a.netuid, true);
        emit(ctx, 'FirstEmissionBlockNumberSet', [a.netuid, first]);
      },
    }),
  ];
}
