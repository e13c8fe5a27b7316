/**
 * Registration on the subnet: refuse to run unregistered unless `--register`, then `burned_register`
 * paid by the coldkey after saying what it costs and what the coldkey holds.
 */
import type { KeyringPair } from '@polkadot/keyring/types';
import type { Logger } from 'pino';
import { ArenaError, ChainError } from '#core';
import type { MinerChain } from './chain.ts';

/** Formats rao as TAO with up to 9 decimals (`1.5 TAO`). */
export function formatTao(rao: bigint): string {
  const sign = rao < 0n ? '-' : '';
  const abs = rao < 0n ? -rao : rao;
  const whole = abs / 1_000_000_000n;
  const frac = (abs % 1_000_000_000n).toString().padStart(9, '0').replace(/0+$/, '');
  return `${sign}${whole}${frac === '' ? '' : `.${frac}`} TAO`;
}

/** Inputs of `ensureRegistered`. */
export interface RegistrationOptions {
  chain: MinerChain;
  netuid: number;
  hotkey: string;
  /** How the user names the wallet in messages, e.g. `miner1/default`. */
  walletLabel: string;
  /** Register when not registered (else refuse). */
  register: boolean;
  /** Coldkey address from coldkeypub.txt (no password needed), or null when the wallet has none. */
  coldkeyAddress: string | null;
  /** Loads (and decrypts) the coldkey; called only when a registration is really paid. */
  loadColdkey: () => Promise<KeyringPair>;
  logger: Logger;
}

/** Returns the hotkey's uid on the subnet, registering it first when allowed. */
export async function ensureRegistered(o: RegistrationOptions): Promise<number> {
  const where = `subnet ${o.netuid} on ${o.chain.endpoint}`;
  if (!(await o.chain.subnetExists(o.netuid))) {
    throw new ArenaError(
      'USAGE',
      `subnet ${o.netuid} does not exist on ${o.chain.endpoint}: expected an existing netuid (check --netuid and --network)`,
    );
  }
  const uid = await o.chain.uidOf(o.netuid, o.hotkey);
  if (uid !== undefined) return uid;
  const burn = await o.chain.burnRao(o.netuid);
  if (!o.register) {
    throw new ArenaError(
      'USAGE',
      `hotkey ${o.hotkey} (wallet ${o.walletLabel}) is not registered on ${where}. ` +
        `Run again with --register to burned_register it (current burn ${formatTao(burn)}, paid by the coldkey).`,
    );
  }
  return register(o, burn, where);
}

async function register(o: RegistrationOptions, burn: bigint, where: string): Promise<number> {
  if (o.coldkeyAddress === null) {
    throw new ArenaError(
      'WALLET_NOT_FOUND',
      `--register needs the coldkey of wallet ${o.walletLabel}, found no coldkeypub.txt ` +
        `(create it with "arena wallet create" or "arena wallet regen")`,
    );
  }
  const balance = await o.chain.freeBalanceRao(o.coldkeyAddress);
  o.logger.info(
    { coldkey: o.coldkeyAddress, burn: formatTao(burn), balance: formatTao(balance) },
    'hotkey not registered; registering (the coldkey pays the burn)',
  );
  if (balance < burn) throw unaffordable(o, burn, 0n, balance, where);
  const coldkey = await o.loadColdkey();
  const fee = await o.chain.registerFeeRao(o.netuid, o.hotkey, coldkey);
  if (balance < burn + fee) throw unaffordable(o, burn, fee, balance, where);
  try {
    await o.chain.burnedRegister(o.netuid, o.hotkey, coldkey);
  } catch (err: unknown) {
    // Someone (e.g. a second start) may have registered it meanwhile: that is success.
    if (!(err instanceof ChainError && err.dispatch?.name === 'HotKeyAlreadyRegisteredInSubNet')) throw err;
  }
  const uid = await o.chain.uidOf(o.netuid, o.hotkey);
  if (uid === undefined) {
    throw new ChainError('CHAIN_DECODE', `burned_register of ${o.hotkey} on ${where} was included but the hotkey has no uid afterwards`);
  }
  o.logger.info({ uid, burn: formatTao(burn) }, 'hotkey registered');
  return uid;
}

function unaffordable(o: RegistrationOptions, burn: bigint, fee: bigint, balance: bigint, where: string): ArenaError {
  return new ArenaError(
    'USAGE',
    `coldkey ${o.coldkeyAddress ?? '?'} (wallet ${o.walletLabel}) cannot afford registration on ${where}: ` +
      `expected at least ${formatTao(burn + fee)} (burn ${formatTao(burn)}${fee > 0n ? ` + fee ${formatTao(fee)}` : ''}), ` +
      `found a free balance of ${formatTao(balance)}. Fund the coldkey and try again.`,
  );
}
