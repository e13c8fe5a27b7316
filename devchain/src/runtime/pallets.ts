/** The pallets of the devchain runtime, at subtensor's indices. Add new pallets here. */
import type { Pallet } from '../frame/pallet.ts';
import { System } from '../pallets/system.ts';
import { Timestamp } from '../pallets/timestamp.ts';
import { Balances } from '../pallets/balances.ts';
import { TransactionPayment } from '../pallets/transaction-payment.ts';
import { Utility } from '../pallets/utility.ts';
import { Sudo } from '../pallets/sudo.ts';

export const BASE_PALLETS: Pallet[] = [System, Timestamp, Balances, TransactionPayment, Utility, Sudo];
