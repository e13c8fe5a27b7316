/** Staking calls (subtensor-api.md §2.4): add_stake (2) and remove_stake (3), stable mechanism. */
import { T } from '../../../scale/types.ts';
import { call, ensureSigned, type CallDef } from '../../../frame/pallet.ts';
import { AccountId32 } from '../../../frame/common-types.ts';
import { freeBalance } from '../../balances.ts';
import { SubtensorStorage } from '../storage.ts';
import { emit } from '../events.ts';
import { fail } from '../errors.ts';
import { DEFAULT_MIN_STAKE } from '../options.ts';
import { subnetExists } from '../state/subnets.ts';
import { decreaseStake, increaseStake, stakeOf } from '../state/stake.ts';
import { transferTaoFromSubnet, transferTaoToSubnet } from '../state/tao.ts';
import { addStakeAdjustRootClaimed, removeStakeAdjustRootClaimed } from '../state/root-claim.ts';
import { coldkeyHasRootStake, maybeAddColdkeyIndex, maybeRemoveColdkeyIndex } from '../state/root-claim-auto.ts';

const NetUid = T.u16;

export function stakingCalls(): CallDef[] {
  return [
    call<{ hotkey: Uint8Array; netuid: number; amount_staked: bigint }>({
      name: 'add_stake',
      index: 2,
      args: [
        { name: 'hotkey', type: AccountId32, typeName: 'T::AccountId' },
        { name: 'netuid', type: NetUid, typeName: 'NetUid' },
        { name: 'amount_staked', type: T.u64, typeName: 'TaoBalance' },
      ],
      dispatch: (ctx, a) => {
        const cold = ensureSigned(ctx);
        const s = ctx.state;
        if (!subnetExists(s, a.netuid)) fail('SubnetNotExists');
        if (a.netuid !== 0 && !SubtensorStorage.SubtokenEnabled.get(s, a.netuid)) fail('SubtokenDisabled');
        if (a.amount_staked < DEFAULT_MIN_STAKE) fail('AmountTooLow');
        if (freeBalance(s, cold) < a.amount_staked) fail('NotEnoughBalanceToStake');
        if (!SubtensorStorage.Owner.contains(s, a.hotkey)) fail('HotKeyAccountNotExists');
        // `stake_into_subnet`: the TAO moves to the subnet account, keeping the coldkey's ED.
        const tao = transferTaoToSubnet(ctx, a.netuid, cold, a.amount_staked);
        // Stable mechanism: 1 TAO = 1 alpha, no swap fee.
        SubtensorStorage.SubnetTAO.mutate(s, a.netuid, (x) => x + tao);
        SubtensorStorage.SubnetAlphaOut.mutate(s, a.netuid, (x) => x + tao);
        SubtensorStorage.TotalStake.mutate(s, (x) => x + tao);
        increaseStake(s, a.hotkey, cold, a.netuid, tao);
        if (a.netuid === 0) {
          // New root stake is not owed root dividends paid before it came (upstream stake_into_subnet).
          addStakeAdjustRootClaimed(s, a.hotkey, cold, tao);
          maybeAddColdkeyIndex(s, cold);
        }
        emit(ctx, 'StakeAdded', [cold, a.hotkey, tao, tao, a.netuid, 0n]);
      },
    }),
    call<{ hotkey: Uint8Array; netuid: number; amount_unstaked: bigint }>({
      name: 'remove_stake',
      index: 3,
      args: [
        { name: 'hotkey', type: AccountId32, typeName: 'T::AccountId' },
        { name: 'netuid', type: NetUid, typeName: 'NetUid' },
        { name: 'amount_unstaked', type: T.u64, typeName: 'AlphaBalance' },
      ],
      dispatch: (ctx, a) => {
        const cold = ensureSigned(ctx);
        const s = ctx.state;
        if (a.amount_unstaked === 0n) fail('AmountTooLow');
        if (!subnetExists(s, a.netuid)) fail('SubnetNotExists');
        if (!SubtensorStorage.Owner.contains(s, a.hotkey)) fail('HotKeyAccountNotExists');
        const held = stakeOf(s, a.hotkey, cold, a.netuid);
        if (held < a.amount_unstaked) fail('NotEnoughStakeToWithdraw');
        if (held > a.amount_unstaked && a.amount_unstaked < DEFAULT_MIN_STAKE) fail('AmountTooLow');
        decreaseStake(s, a.hotkey, cold, a.netuid, a.amount_unstaked);
        SubtensorStorage.SubnetTAO.mutate(s, a.netuid, (x) => (x > a.amount_unstaked ? x - a.amount_unstaked : 0n));
        SubtensorStorage.SubnetAlphaOut.mutate(s, a.netuid, (x) => (x > a.amount_unstaked ? x - a.amount_unstaked : 0n));
        SubtensorStorage.TotalStake.mutate(s, (x) => (x > a.amount_unstaked ? x - a.amount_unstaked : 0n));
        transferTaoFromSubnet(ctx, a.netuid, cold, a.amount_unstaked);
        if (a.netuid === 0) {
          removeStakeAdjustRootClaimed(s, a.hotkey, cold, a.amount_unstaked);
          if (!coldkeyHasRootStake(s, cold)) maybeRemoveColdkeyIndex(s, cold);
        }
        emit(ctx, 'StakeRemoved', [cold, a.hotkey, a.amount_unstaked, a.amount_unstaked, a.netuid, 0n]);
      },
    }),
  ];
}
