/**
 * Upstream `drain_pending` with `is_epoch_input_state_consistent` false: a subnet whose Keys hold a
 * duplicate hotkey consumes its epoch slot, emits EpochSkipped and keeps its pending emission. No
 * extrinsic or genesis can create duplicate hotkeys, so the state is set up directly and the
 * coinbase step (`blockStep`) runs over it in process.
 */
import test from 'ava';
import { MapState, Overlay } from '../src/frame/state.ts';
import type { PalletEvent, RuntimeContext } from '../src/frame/pallet.ts';
import { SubtensorStorage } from '../src/pallets/subtensor/storage.ts';
import { blockStep } from '../src/pallets/subtensor/state/block-step.ts';
import { DEFAULT_SUBTENSOR_OPTIONS } from '../src/pallets/subtensor/options.ts';
import { splitBlockEmission } from '../src/pallets/subtensor/epoch/index.ts';

const hotkey = (b: number): Uint8Array => new Uint8Array(32).fill(b);

/** A started subnet 1 (tempo 1) with two uids whose hotkeys are `a` and `b`. */
function subnetState(a: Uint8Array, b: Uint8Array): Overlay {
  const s = new Overlay(new MapState());
  const S = SubtensorStorage;
  S.NetworksAdded.set(s, 1, true);
  S.Tempo.set(s, 1, 1);
  S.SubnetworkN.set(s, 1, 2);
  S.MaxAllowedUids.set(s, 1, 256);
  S.MaxAllowedValidators.set(s, 1, 64);
  S.NetworkRegistrationAllowed.set(s, 1, true);
  S.SubtokenEnabled.set(s, 1, true);
  S.FirstEmissionBlockNumber.set(s, 1, 1n);
  const cold = hotkey(9);
  for (const [uid, hk] of [
    [0, a],
    [1, b],
  ] as const) {
    S.Keys.set(s, 1, uid, hk);
    S.Uids.set(s, 1, hk, uid);
    S.Owner.set(s, hk, cold);
    S.LastUpdate.mutate(s, 1, (v) => [...v, 0n]);
    S.ValidatorPermit.mutate(s, 1, (v) => [...v, false]);
  }
  return s;
}

/** Runs `blockStep` for blocks 1..count; returns the SubtensorModule event names per block. */
function run(s: Overlay, count: number): Array<{ block: number; events: string[] }> {
  const out: Array<{ block: number; events: string[] }> = [];
  for (let block = 1; block <= count; block++) {
    const events: PalletEvent[] = [];
    const ctx: RuntimeContext = {
      state: s,
      blockNumber: block,
      runtime: { queryInfo: () => ({}), queryFeeDetails: () => ({}) },
      deposit: (e) => {
        events.push(e);
      },
    };
    blockStep(ctx, DEFAULT_SUBTENSOR_OPTIONS);
    out.push({ block, events: events.filter((e) => e.pallet === 'SubtensorModule').map((e) => e.name) });
  }
  return out;
}

const pending = (s: Overlay): bigint =>
  SubtensorStorage.PendingServerEmission.get(s, 1) +
  SubtensorStorage.PendingValidatorEmission.get(s, 1) +
  SubtensorStorage.PendingOwnerCut.get(s, 1);

test('duplicate hotkeys: the epoch slot is consumed with EpochSkipped and the pending emission is kept', (t) => {
  const s = subnetState(hotkey(1), hotkey(1));
  const blocks = run(s, 6);
  const skipped = blocks.filter((b) => b.events.includes('EpochSkipped'));
  t.true(skipped.length >= 2, `epochs were due (${JSON.stringify(blocks)})`);
  t.is(Number(SubtensorStorage.SubnetEpochIndex.get(s, 1)), skipped.length, 'each skipped slot is consumed');
  t.is(Number(SubtensorStorage.LastEpochBlock.get(s, 1)), skipped.at(-1)!.block);
  const split = splitBlockEmission(DEFAULT_SUBTENSOR_OPTIONS.emissionPerBlock, { subnetOwnerCut: SubtensorStorage.SubnetOwnerCut.get(s) });
  t.is(pending(s), 6n * (split.server + split.validator + split.ownerCut), 'all six blocks of emission are still pending');
  t.is(SubtensorStorage.TotalHotkeyAlpha.get(s, hotkey(1), 1), 0n, 'nothing was paid');
  t.is(Number(SubtensorStorage.BlocksSinceLastStep.get(s, 1)), 6, 'BlocksSinceLastStep is not reset by a skipped epoch');
});

test('control: distinct hotkeys run the epoch and drain the pending emission', (t) => {
  const s = subnetState(hotkey(1), hotkey(2));
  const blocks = run(s, 6);
  t.false(blocks.some((b) => b.events.includes('EpochSkipped')));
  t.true(Number(SubtensorStorage.SubnetEpochIndex.get(s, 1)) >= 2);
  t.true(pending(s) < 6n * DEFAULT_SUBTENSOR_OPTIONS.emissionPerBlock, 'the epochs drained the pending emission');
});
