/** Account-id helpers of the SubtensorModule (32-byte keys compared by value). */
import { u8aToHex } from '@polkadot/util';

export const hex = (k: Uint8Array): string => u8aToHex(k);
export const same = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
export const isZeroAccount = (a: Uint8Array): boolean => a.every((b) => b === 0);
