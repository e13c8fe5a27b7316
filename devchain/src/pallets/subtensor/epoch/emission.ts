/**
 * Emission bookkeeping around the epoch (subtensor-api.md §7), pure and storage-free:
 *  - {@link splitBlockEmission}: one block's subnet alpha → owner cut, miners, validators, root;
 *  - {@link distributeEmission}: the payout of `distribute_emission` after an epoch (no child
 *    keys): who gets which alpha, per hotkey, root dividends included (see root-dividends.ts).
 */
import { U96F32, div, fromInt, fromRatio, mul, toU64 } from '../math/fixed.ts';
import { splitDividends } from './root-dividends.ts';

/** `SubnetOwnerCut` default: 11796 / 65535 ≈ 18%. */
export const DEFAULT_SUBNET_OWNER_CUT = 11_796;
/** `Delegates` (validator take) default: 11796 / 65535 ≈ 18%. */
export const DEFAULT_VALIDATOR_TAKE = 11_796;

export interface BlockEmissionSplit {
  ownerCut: bigint;
  /** → `PendingServerEmission` (miners). */
  server: bigint;
  /** → `PendingValidatorEmission`. */
  validator: bigint;
  /** → `PendingRootAlphaDivs` (0 without root stake). */
  rootDivs: bigint;
}

export interface SplitOptions {
  /** `SubnetOwnerCut` u16; default 11796. */
  subnetOwnerCut?: number;
  /** Root proportion as U96F32 raw bits (0..2^32); default 0. */
  rootProportion?: bigint;
}

/** 0.5 as U96F32 bits. */
const HALF = 1n << 31n;

function checkU16(name: string, v: number): void {
  if (!Number.isInteger(v) || v < 0 || v > 65535) throw new RangeError(`${name}: expected a u16, found ${String(v)}`);
}

/**
 * Split one block's `alpha_out` (u64 rao) as upstream's `emit_to_subnets`, in U96F32 and in its
 * order: `owner = alpha × cut/65535`, `r = alpha − owner`, `root = (root_prop × r) × 0.5`,
 * `server = r × 0.5`, `validator = (r − server) − root`; each floored to u64.
 */
export function splitBlockEmission(alphaOut: bigint, options: SplitOptions = {}): BlockEmissionSplit {
  if (alphaOut < 0n || alphaOut >= 1n << 64n) throw new RangeError(`splitBlockEmission: expected alphaOut to be a u64, found ${alphaOut}`);
  const cutU16 = options.subnetOwnerCut ?? DEFAULT_SUBNET_OWNER_CUT;
  checkU16('splitBlockEmission subnetOwnerCut', cutU16);
  const alpha = fromInt(U96F32, alphaOut);
  const owner = mul(U96F32, alpha, fromRatio(U96F32, cutU16, 65535));
  const rest = alpha - owner;
  const root = mul(U96F32, mul(U96F32, options.rootProportion ?? 0n, rest), HALF);
  const server = mul(U96F32, rest, HALF);
  const validator = rest - server - root;
  return {
    ownerCut: toU64(U96F32, owner),
    server: toU64(U96F32, server),
    validator: toU64(U96F32, validator < 0n ? 0n : validator),
    rootDivs: toU64(U96F32, root),
  };
}

/** Per-hotkey result of a distribution. Amounts are alpha rao on the subnet. */
export interface HotkeyCredit {
  /** Uid on the subnet, or undefined for the owner-cut recipient when it holds no uid. */
  uid: number | undefined;
  hotkey: string;
  /** `Owner[hotkey]`. */
  coldkey: string;
  /** Miner incentive, staked to (hotkey, coldkey). */
  incentive: bigint;
  /** Validator take of its dividends, staked to (hotkey, its own coldkey). */
  validatorTake: bigint;
  /** Rest of the dividends, added to `TotalHotkeyAlpha` (shared pro rata by all nominators). */
  nominatorDividends: bigint;
  /** Subnet owner cut, staked to (SubnetOwnerHotkey, SubnetOwner). */
  ownerCut: bigint;
  /** Validator take of its root dividends, staked to (hotkey, its own coldkey) on the subnet. */
  rootTake: bigint;
  /** Rest of the root dividends: made claimable by the hotkey's root stakers (`RootClaimable`). */
  rootDividends: bigint;
}

export interface DistributionInput {
  /** Hotkey per uid (any stable string form, e.g. SS58). */
  hotkeys: readonly string[];
  /** `Owner[hotkey]` per uid. */
  coldkeys: readonly string[];
  /** Epoch output `serverEmission` per uid (paid exactly). */
  serverEmission: readonly bigint[];
  /** Epoch output `validatorEmission` per uid (used only as proportions). */
  validatorEmission: readonly bigint[];
  /** Drained `PendingServerEmission`. */
  pendingServer: bigint;
  /** Drained `PendingValidatorEmission`. */
  pendingValidator: bigint;
  /** Drained `PendingRootAlphaDivs`; default 0. */
  pendingRoot?: bigint;
  /** `TotalHotkeyAlpha` on the subnet per uid (splits each dividend between alpha and root stakers). */
  alphaStake?: readonly bigint[];
  /** `TotalHotkeyAlpha` on root per uid; default none. */
  rootStake?: readonly bigint[];
  /** Raw `TaoWeight` (u64); default 0. */
  taoWeight?: bigint;
  /** Drained `PendingOwnerCut`; default 0. */
  ownerCut?: bigint;
  /** `Delegates[hotkey]` per uid (u16); default 11796. */
  takes?: readonly (number | undefined)[];
  /** Receiver of the owner cut. */
  subnetOwnerHotkey?: string;
  subnetOwnerColdkey?: string;
  /** Owner's immune hotkeys: their miner incentive is recycled (burned) instead of paid. */
  recycleIncentiveOf?: readonly string[];
}

export interface DistributionOutput {
  /** One entry per hotkey that receives anything, uid order, owner-cut recipient last if it has no uid. */
  credits: HotkeyCredit[];
  /** Miner incentive recycled instead of paid. */
  recycled: bigint;
  /** Validator alpha not paid out because of flooring (or because no validator had a proportion). */
  undistributed: bigint;
  /** Total validator alpha that was shared (`pendingValidator`, plus `pendingServer` if Σ server = 0). */
  validatorPool: bigint;
  /** Root alpha not paid out because of flooring (or because no validator had root stake). */
  rootUndistributed: bigint;
}

/**
 * The validator take on one validator's share `prop` (U96F32 bits) as upstream's
 * `distribute_dividends_and_incentives`: `take = (take_u16 / 65535) × prop`, `rest = prop − take`;
 * the two payments are each floored to u64, so they may sum to one rao less than `floor(prop)`.
 */
export function payTake(prop: bigint, takeU16: number): { take: bigint; rest: bigint } {
  const take = mul(U96F32, div(U96F32, fromInt(U96F32, takeU16), fromInt(U96F32, 65535)), prop);
  return { take: toU64(U96F32, take), rest: toU64(U96F32, prop - take) };
}

/**
 * `distribute_emission` without child keys (§7 step 5): miners get their `serverEmission` exactly;
 * each validator's `validatorEmission` is split between its alpha and root stakers
 * ({@link splitDividends}); the alpha pool (`pendingValidator`, plus `pendingServer` when
 * Σ serverEmission = 0) and the root pool (`pendingRoot`) are shared in those proportions with
 * upstream's U96F32 rounding; each validator keeps its take of both for its own coldkey
 * ({@link payTake}), the rest of the alpha goes to its nominators and the rest of the root alpha
 * to its root stakers. The owner cut goes to the subnet-owner hotkey.
 */
export function distributeEmission(input: DistributionInput): DistributionOutput {
  const n = input.hotkeys.length;
  for (const [name, arr] of [
    ['coldkeys', input.coldkeys],
    ['serverEmission', input.serverEmission],
    ['validatorEmission', input.validatorEmission],
  ] as const) {
    if (arr.length !== n)
      throw new RangeError(`distributeEmission: expected ${name} to have ${n} entries (one per hotkey), found ${arr.length}`);
  }
  const serverSum = input.serverEmission.reduce((a, b) => a + b, 0n);
  const pool = input.pendingValidator + (serverSum === 0n ? input.pendingServer : 0n);
  const pendingRoot = input.pendingRoot ?? 0n;
  const split = splitDividends({
    dividends: input.validatorEmission,
    alphaStake: input.alphaStake ?? [],
    rootStake: input.rootStake ?? [],
    taoWeight: input.taoWeight ?? 0n,
    pendingAlpha: pool,
    pendingRoot,
  });
  const recycleSet = new Set(input.recycleIncentiveOf ?? []);
  const credits: HotkeyCredit[] = [];
  let recycled = 0n;
  let paid = 0n;
  let rootPaid = 0n;
  for (let uid = 0; uid < n; uid++) {
    const hotkey = input.hotkeys[uid]!;
    const credit: HotkeyCredit = {
      uid,
      hotkey,
      coldkey: input.coldkeys[uid]!,
      incentive: 0n,
      validatorTake: 0n,
      nominatorDividends: 0n,
      ownerCut: 0n,
      rootTake: 0n,
      rootDividends: 0n,
    };
    const server = input.serverEmission[uid]!;
    if (recycleSet.has(hotkey)) recycled += server;
    else credit.incentive = server;
    const takeU16 = input.takes?.[uid] ?? DEFAULT_VALIDATOR_TAKE;
    checkU16(`distributeEmission takes[${uid}]`, takeU16);
    const alpha = payTake(split.alpha[uid]!, takeU16);
    credit.validatorTake = alpha.take;
    credit.nominatorDividends = alpha.rest;
    paid += alpha.take + alpha.rest;
    const root = payTake(split.root[uid]!, takeU16);
    credit.rootTake = root.take;
    credit.rootDividends = root.rest;
    rootPaid += root.take + root.rest;
    credits.push(credit);
  }
  const ownerCut = input.ownerCut ?? 0n;
  if (ownerCut > 0n && input.subnetOwnerHotkey !== undefined) {
    const existing = credits.find((c) => c.hotkey === input.subnetOwnerHotkey);
    if (existing) existing.ownerCut += ownerCut;
    else {
      credits.push({
        uid: undefined,
        hotkey: input.subnetOwnerHotkey,
        coldkey: input.subnetOwnerColdkey ?? '',
        incentive: 0n,
        validatorTake: 0n,
        nominatorDividends: 0n,
        ownerCut,
        rootTake: 0n,
        rootDividends: 0n,
      });
    }
  }
  return {
    credits: credits.filter((c) => c.incentive + c.validatorTake + c.nominatorDividends + c.ownerCut + c.rootTake + c.rootDividends > 0n),
    recycled,
    undistributed: pool - paid,
    validatorPool: pool,
    rootUndistributed: pendingRoot - rootPaid,
  };
}
