/**
 * Root dividends as upstream computes them (spec 425, `coinbase/run_coinbase.rs` and
 * `coinbase/block_step.rs`), pure and storage-free, all in U96F32 raw bits:
 *  - {@link rootProportion}: the share of a subnet's validator emission set aside for root stakers
 *    each block (`root_proportion`);
 *  - {@link splitDividends}: after an epoch, each validator's dividend split between its alpha
 *    stakers and its root stakers by alpha stake vs root stake × TaoWeight, and the pending pools
 *    shared out in those proportions (`calculate_dividend_distribution`).
 */
import { U64_MAX, U96F32, add, div, fromInt, mul, sub } from '../math/fixed.ts';

/** `get_tao_weight`: `TaoWeight / u64::MAX` as U96F32 (truncating safe division). */
export function taoWeightU96(taoWeight: bigint): bigint {
  return div(U96F32, fromInt(U96F32, taoWeight), fromInt(U96F32, U64_MAX));
}

/**
 * `root_proportion(netuid)`: `tw / (tw + alpha_issuance)` with `tw = SubnetTAO[root] × tao_weight`
 * (U96F32); 0 when both are 0. `alphaIssuance` is `SubnetAlphaIn + SubnetAlphaOut` of the subnet.
 */
export function rootProportion(rootTao: bigint, taoWeight: bigint, alphaIssuance: bigint): bigint {
  const tw = mul(U96F32, fromInt(U96F32, rootTao), taoWeightU96(taoWeight));
  return div(U96F32, tw, add(U96F32, tw, fromInt(U96F32, alphaIssuance)));
}

export interface DividendSplitInput {
  /** Each validator's epoch dividend (u64 rao, the epoch's validator emission). */
  dividends: readonly bigint[];
  /** `TotalHotkeyAlpha` of each validator on the subnet. */
  alphaStake: readonly bigint[];
  /** `TotalHotkeyAlpha` of each validator on root (netuid 0). */
  rootStake: readonly bigint[];
  /** Raw `TaoWeight` (u64). */
  taoWeight: bigint;
  /** Alpha shared among alpha stakers (`PendingValidatorEmission`, plus the server pool when no miner earned). */
  pendingAlpha: bigint;
  /** Alpha shared among root stakers (`PendingRootAlphaDivs`). */
  pendingRoot: bigint;
}

export interface DividendSplit {
  /** Per validator: its share of `pendingAlpha` (U96F32 bits). */
  alpha: bigint[];
  /** Per validator: its share of `pendingRoot` (U96F32 bits). */
  root: bigint[];
}

/**
 * `calculate_dividend_distribution`: per validator `root_prop = root·tw / (alpha + root·tw)`,
 * `root_divs = div × root_prop`, `alpha_divs = div − root_divs`; then each pool is shared by
 * `x_divs / Σ x_divs` (0 when the sum is 0, so a pool nobody qualifies for is not paid).
 */
export function splitDividends(input: DividendSplitInput): DividendSplit {
  const tw = taoWeightU96(input.taoWeight);
  const n = input.dividends.length;
  const alphaDivs: bigint[] = [];
  const rootDivs: bigint[] = [];
  let alphaSum = 0n;
  let rootSum = 0n;
  for (let i = 0; i < n; i++) {
    const dividend = fromInt(U96F32, input.dividends[i]!);
    const rootAlpha = mul(U96F32, fromInt(U96F32, input.rootStake[i] ?? 0n), tw);
    const total = add(U96F32, fromInt(U96F32, input.alphaStake[i] ?? 0n), rootAlpha);
    const rootDiv = mul(U96F32, dividend, div(U96F32, rootAlpha, total));
    const alphaDiv = sub(U96F32, dividend, rootDiv);
    alphaDivs.push(alphaDiv);
    rootDivs.push(rootDiv);
    alphaSum = add(U96F32, alphaSum, alphaDiv);
    rootSum = add(U96F32, rootSum, rootDiv);
  }
  const share = (pool: bigint, part: bigint, sum: bigint): bigint => mul(U96F32, fromInt(U96F32, pool), div(U96F32, part, sum));
  return {
    alpha: alphaDivs.map((d) => share(input.pendingAlpha, d, alphaSum)),
    root: rootDivs.map((d) => share(input.pendingRoot, d, rootSum)),
  };
}
