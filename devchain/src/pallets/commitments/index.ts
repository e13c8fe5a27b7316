/** pallet_commitments (18): per-subnet commitments of registered hotkeys. */
export { Commitments, MAX_FIELDS } from './pallet.ts';
export { CS as CommitmentsStorage, DEFAULT_MAX_SPACE } from './storage.ts';
export { Data, CommitmentInfo, Registration, type DataValue, type CommitmentInfoValue, type RegistrationValue } from './types.ts';
