/** `block_step` (§7): per subnet, registration price decay, emission accrual, and the due epoch. */
import type { RuntimeContext } from '../../../frame/pallet.ts';
import type { State } from '../../../frame/state.ts';
import { burnDecayFactor, decayBurn, isEpochDue } from '../epoch/index.ts';
import { SubtensorStorage } from '../storage.ts';
import type { SubtensorOptions } from '../options.ts';
import { netuids } from './subnets.ts';
import { accrueEmission, emitsTo, isEpochInputConsistent, rootSellFlag, runSubnetEpoch, subnetRootProportion } from './coinbase.ts';
import { consumeDueEpoch, scheduleOf } from './epoch-schedule.ts';
import { runAutoClaimRootDivs } from './root-claim-auto.ts';
import { emit } from '../events.ts';
import { Storage as SystemStorage } from '../../system.ts';

const decayFactors = new Map<number, bigint>();
function decayFactor(halfLife: number): bigint {
  let f = decayFactors.get(halfLife);
  if (f === undefined) {
    f = burnDecayFactor(halfLife);
    decayFactors.set(halfLife, f);
  }
  return f;
}

/**
 * `block_step` (§7), in upstream's order: burn decay of every subnet; emission accrual of every
 * subnet it emits to (`emit_to_subnets`, under one root sell flag); due epochs with payouts
 * (`drain_pending`); `RootProp` of the emitting subnets (`update_root_prop`); the auto-claim of
 * root dividends keyed by the parent hash. At most `MaxEpochsPerBlock` epochs run per block
 * (lowest netuid first); a due epoch beyond the cap is deferred to the next block
 * (`PendingEpochAt`, `EpochDeferred`) without consuming its slot.
 */
export function blockStep(ctx: RuntimeContext, options: SubtensorOptions): void {
  const s = ctx.state;
  const block = ctx.blockNumber;
  const subnets = netuids(s).filter((n) => n !== 0);
  for (const netuid of subnets) {
    decayRegistrationPrice(s, netuid, block);
    if (SubtensorStorage.RegistrationsThisBlock.get(s, netuid) !== 0) SubtensorStorage.RegistrationsThisBlock.set(s, netuid, 0);
  }
  const emitting = subnets.filter((n) => emitsTo(s, n, block, options));
  const rootSell = rootSellFlag(emitting);
  for (const netuid of emitting) accrueEmission(ctx, netuid, options, rootSell);
  drainPending(ctx, subnets);
  for (const netuid of emitting) SubtensorStorage.RootProp.set(s, netuid, { bits: subnetRootProportion(s, netuid) });
  runAutoClaimRootDivs(ctx, SystemStorage.ParentHash.get(s));
}

/** `drain_pending` + `distribute_emissions_to_subnets`: the due epochs, capped per block. */
function drainPending(ctx: RuntimeContext, subnets: readonly number[]): void {
  const s = ctx.state;
  const block = ctx.blockNumber;
  const cap = SubtensorStorage.MaxEpochsPerBlock.get(s);
  let epochsRun = 0;
  for (const netuid of subnets) {
    SubtensorStorage.BlocksSinceLastStep.mutate(s, netuid, (x) => x + 1n);
    if (!isEpochDue(scheduleOf(s, netuid), block)) continue;
    if (epochsRun >= cap) {
      SubtensorStorage.PendingEpochAt.set(s, netuid, BigInt(block + 1));
      emit(ctx, 'EpochDeferred', { netuid, from_block: BigInt(block), to_block: BigInt(block + 1) });
      continue;
    }
    if (!isEpochInputConsistent(s, netuid)) {
      // Upstream `drain_pending`: the slot is consumed, the pending emission stays for the next
      // successful epoch, BlocksSinceLastStep keeps counting and the cap is not charged.
      const since = SubtensorStorage.BlocksSinceLastStep.get(s, netuid);
      consumeDueEpoch(s, netuid, block);
      SubtensorStorage.BlocksSinceLastStep.set(s, netuid, since);
      emit(ctx, 'EpochSkipped', { netuid, block: BigInt(block) });
      continue;
    }
    consumeDueEpoch(s, netuid, block);
    runSubnetEpoch(ctx, netuid);
    epochsRun++;
    SubtensorStorage.LastMechansimStepBlock.set(s, netuid, BigInt(block));
  }
}

function decayRegistrationPrice(s: State, netuid: number, block: number): void {
  if (block <= 1) return;
  const burn = SubtensorStorage.Burn.get(s, netuid);
  const next = decayBurn(
    burn,
    decayFactor(SubtensorStorage.BurnHalfLife.get(s, netuid)),
    SubtensorStorage.MinBurn.get(s, netuid),
    SubtensorStorage.MaxBurn.get(s, netuid),
  );
  if (next !== burn) SubtensorStorage.Burn.set(s, netuid, next);
}
