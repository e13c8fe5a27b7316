/**
 * TAO movements of the SubtensorModule as upstream `coinbase/tao.rs`: stake, registration burns and
 * network locks move TAO between a coldkey and the subnet's account (issuance unchanged, a
 * `Balances.Transfer` event); block emission mints TAO into the subnet's account.
 */
import type { RuntimeContext } from '../../../frame/pallet.ts';
import { EXISTENTIAL_DEPOSIT, deposit, freeBalance, transfer } from '../../balances.ts';
import { fail } from '../errors.ts';

/** Upstream runtime's `SubtensorPalletId`. */
const PALLET_ID = new TextEncoder().encode('subtensr');
const MODL = new TextEncoder().encode('modl');

/**
 * `get_subnet_account_id`: `PalletId(*b"subtensr").into_sub_account_truncating(netuid as u16)`, i.e.
 * `b"modl" ++ b"subtensr" ++ netuid (u16 LE)` zero-padded to 32 bytes.
 */
export function subnetAccountId(netuid: number): Uint8Array {
  const id = new Uint8Array(32);
  id.set(MODL, 0);
  id.set(PALLET_ID, 4);
  id[12] = netuid & 0xff;
  id[13] = (netuid >> 8) & 0xff;
  return id;
}

/**
 * `transfer_tao_to_subnet`: moves up to `amount` from `coldkey` to the subnet account, never below
 * the existential deposit (upstream transfers `min(amount, free − ED)` with `Preservation::Preserve`);
 * returns what moved. Nothing movable is `InsufficientBalance`.
 */
export function transferTaoToSubnet(ctx: RuntimeContext, netuid: number, coldkey: Uint8Array, amount: bigint): bigint {
  if (amount === 0n) return 0n;
  const free = freeBalance(ctx.state, coldkey);
  const keepAlive = free > EXISTENTIAL_DEPOSIT ? free - EXISTENTIAL_DEPOSIT : 0n;
  const moved = amount < keepAlive ? amount : keepAlive;
  if (moved === 0n) fail('InsufficientBalance');
  transfer(ctx, coldkey, subnetAccountId(netuid), moved, true);
  return moved;
}

/** `transfer_tao_from_subnet`: pays `amount` from the subnet account to `coldkey`; `InsufficientBalance` when the account holds less. */
export function transferTaoFromSubnet(ctx: RuntimeContext, netuid: number, coldkey: Uint8Array, amount: bigint): void {
  if (amount === 0n) return;
  const from = subnetAccountId(netuid);
  if (freeBalance(ctx.state, from) < amount) fail('InsufficientBalance');
  transfer(ctx, from, coldkey, amount, false);
}

/**
 * Block emission's TAO side (upstream `mint_tao` then `spend_tao` to the subnet account in
 * `inject_and_maybe_swap`): issuance grows and the subnet account holds the TAO.
 */
export function mintTaoToSubnet(ctx: RuntimeContext, netuid: number, amount: bigint): bigint {
  const account = subnetAccountId(netuid);
  if (amount <= 0n) return 0n;
  // A dead account cannot receive dust below ED (upstream's subnet account always holds the lock).
  if (freeBalance(ctx.state, account) + amount < EXISTENTIAL_DEPOSIT) return 0n;
  deposit(ctx, account, amount, false);
  return amount;
}
