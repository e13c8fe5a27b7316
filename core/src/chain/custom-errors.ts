/**
 * Subtensor's pool-validation codes (`InvalidTransaction::Custom(n)`), by name, with what to do.
 * The numbers are the runtime's wire values (upstream `CustomTransactionError`, common/src/transaction_error.rs);
 * a node only ever sends the number, so the name and hint are ours to add.
 */

/** One named custom code. */
export interface CustomTxError {
  /** The `InvalidTransaction::Custom` value. */
  code: number;
  /** Upstream's variant name, e.g. `InvalidIpAddress`. */
  name: string;
  /** What the user should do; '' when there is nothing specific to say. */
  hint: string;
}

const TABLE: ReadonlyArray<readonly [number, string, string]> = [
  [0, 'ColdkeyInSwapSchedule', 'the coldkey is scheduled for a swap; wait until the swap is done'],
  [1, 'StakeAmountTooLow', 'stake at least the minimum stake amount (DefaultMinStake)'],
  [2, 'BalanceTooLow', 'the coldkey cannot pay this amount: fund it or send less'],
  [3, 'SubnetNotExists', 'check the netuid (the subnet does not exist)'],
  [4, 'HotkeyAccountDoesntExist', 'the hotkey is not registered anywhere: register it first (burned_register)'],
  [5, 'NotEnoughStakeToWithdraw', 'unstake at most what the hotkey holds for this coldkey'],
  [6, 'RateLimitExceeded', 'the call is rate limited: wait some blocks (weights: WeightsSetRateLimit) and retry'],
  [7, 'InsufficientLiquidity', 'the subnet pool cannot fill this amount; try a smaller one'],
  [8, 'SlippageTooHigh', 'the price moved past your limit; retry or raise the limit'],
  [9, 'TransferDisallowed', 'transfers are disabled on this subnet'],
  [10, 'HotKeyNotRegisteredInNetwork', 'register the hotkey on this subnet first (burned_register)'],
  [11, 'InvalidIpAddress', 'the chain refuses private, loopback and unspecified axon IPs; set --axon.external-ip to a public address'],
  [12, 'ServingRateLimitExceeded', 'wait ServingRateLimit blocks before serving the axon again'],
  [13, 'InvalidPort', 'serve a port other than 0'],
  [14, 'ZeroMaxAmount', 'the price limit allows no amount at all; raise it'],
  [15, 'InvalidRevealRound', 'the timelocked commit targets a drand round that is not valid'],
  [16, 'CommitNotFound', 'no weight commit matches this reveal (wrong salt, uids, weights or version key, or it expired)'],
  [17, 'CommitBlockNotInRevealRange', "reveal inside the commit's reveal window (RevealPeriodEpochs epochs after the commit)"],
  [18, 'InputLengthsUnequal', 'uids, weights and salts must have the same lengths'],
  [19, 'UidNotFound', 'the uid is not on this subnet'],
  [20, 'EvmKeyAssociateRateLimitExceeded', 'wait before associating an EVM key again'],
  [21, 'ColdkeySwapDisputed', 'the coldkey swap is disputed'],
  [22, 'InvalidRealAccount', 'the proxied (real) account is not valid for this call'],
  [23, 'FailedShieldedTxParsing', 'the shielded transaction could not be parsed'],
  [24, 'InvalidShieldedTxPubKeyHash', 'the shielded transaction names an unknown key'],
  [25, 'NonAssociatedColdKey', 'the hotkey does not belong to this coldkey'],
  [26, 'DelegateTakeTooLow', 'raise the delegate take to at least MinDelegateTake'],
  [27, 'DelegateTakeTooHigh', 'lower the delegate take to at most MaxDelegateTake'],
  [255, 'BadRequest', "the call's arguments are malformed (e.g. an unknown ip_type)"],
];

const BY_CODE: ReadonlyMap<number, CustomTxError> = new Map(TABLE.map(([code, name, hint]) => [code, { code, name, hint }]));

/** The named custom code, or undefined when the runtime's number is not one upstream defines. */
export function customTxError(code: number): CustomTxError | undefined {
  return BY_CODE.get(code);
}

// The shapes a custom code arrives in: a Substrate node's RPC data ("Custom error: 11"), a runtime
// validity result as JSON ({"invalid":{"custom":11}}, as Chopsticks and dry runs report it) and
// Rust's debug form (Custom(11)).
const CODE_PATTERNS: readonly RegExp[] = [/Custom error:\s*(\d+)/i, /"custom"\s*:\s*(\d+)/i, /\bCustom\s*\(\s*(\d+)\s*\)/];

/** The `InvalidTransaction::Custom` code inside an RPC error text, if it carries one. */
export function customCodeIn(text: string): number | undefined {
  for (const re of CODE_PATTERNS) {
    const m = re.exec(text);
    if (m?.[1] !== undefined) return Number(m[1]);
  }
  return undefined;
}
