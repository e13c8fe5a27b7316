/**
 * The Yuma-consensus epoch (subtensor-api.md §8) as a pure function over plain data.
 * Same fixed-point arithmetic and truncation points as the chain's sparse `epoch_mechanism`;
 * see README.md in this folder for the map of truncation points.
 */
import {
  I32F32,
  I64F64,
  ONE32,
  U64_MAX,
  add32,
  convert,
  div,
  fromInt,
  proportionOfAmount,
  sub32,
  toU16Proportion,
  u16ProportionToFixed,
} from '../math/fixed.ts';
import {
  colClip,
  colMaxUpscale,
  colNormalize,
  fromU16Rows,
  interpolate,
  liquidAlphas,
  maskByScalar,
  maskByVectors,
  maskDiagExcept,
  maskRows,
  matEma,
  matEmaAlpha,
  matmul,
  matmulTranspose,
  matVecMul,
  rowHadamard,
  rowNormalize,
  rowSum,
  weightedMedianCol,
  type SparseMatrix,
} from '../math/sparse.ts';
import { isTopkNonzero, isZero, maskVector, normalize, normalize64, normalizeUsingSum, sum, vecMul } from '../math/vec.ts';

/** A stored sparse u16 row (`Vec<(u16 col, u16 value)>`), as `Weights` and `Bonds` hold them. */
export type U16Row = ReadonlyArray<readonly [number, number]>;

/** Everything the epoch reads. Blocks are plain numbers (u64 on chain, safe below 2^53). */
export interface EpochInput {
  /** SubnetworkN. */
  n: number;
  currentBlock: number;
  tempo: number;
  /** Activity cutoff in blocks (spec ≥ 423: `activityCutoffBlocks(factorMilli, tempo)`). */
  activityCutoff: number;
  /** `LastUpdate` per uid (missing entries read as 0). */
  lastUpdate: readonly number[];
  /** `BlockAtRegistration` per uid (missing entries read as 0). */
  blockAtRegistration: readonly number[];
  /** Which uids have a `Keys` entry (default: all). Uids without one get stake 0 and registration block 0. */
  hasHotkey?: readonly boolean[];
  /** Inherited alpha stake per uid (u64 rao). */
  alphaStake: readonly bigint[];
  /** Inherited root TAO stake per uid (u64 rao); default 0. */
  rootStake?: readonly bigint[];
  /** Raw `TaoWeight` (u64, ÷ u64::MAX); default 0. */
  taoWeight?: bigint;
  /** `StakeThreshold` (u64); default 0. */
  stakeThreshold?: bigint;
  /** Uid of `SubnetOwnerHotkey`, if registered. */
  ownerUid?: number;
  /** Stored `ValidatorPermit` (missing entries read as false). */
  validatorPermit: readonly boolean[];
  maxAllowedValidators: number;
  /** Stored `Weights` rows (max-upscaled u16). */
  weights: readonly U16Row[];
  /** Stored `Bonds` rows (u16). */
  bonds: readonly U16Row[];
  /** `Kappa` u16; default 32767. */
  kappa?: number;
  /** `BondsPenalty` u16; default 65535. */
  bondsPenalty?: number;
  /** `BondsMovingAverage` u64 (÷ 1e6); default 900_000. */
  bondsMovingAverage?: bigint | number;
  /** `Yuma3On`; default false (runtime default; new subnets since spec 402 set it true). */
  yuma3On?: boolean;
  /** `LiquidAlphaOn`; default false. */
  liquidAlphaOn?: boolean;
  /** `AlphaValues` (low, high) u16; default (45875, 58982). */
  alphaValues?: readonly [number, number];
  /** `AlphaSigmoidSteepness` i16; default 1000. */
  alphaSigmoidSteepness?: number;
  /** `LastMechansimStepBlock`; default 0 (⇒ bonds mask uses `currentBlock − tempo`). */
  lastMechanismStepBlock?: number;
  /**
   * Commit-reveal epoch-side mask (§2.2), only when CR is enabled: per uid the block of its
   * earliest non-expired commit, or null/undefined when it has none. Entries `(i, j)` with
   * `commitBlock_i < BlockAtRegistration_j` are dropped.
   */
  earliestCommitBlock?: readonly (number | null | undefined)[];
  /** Emission to distribute this epoch (u64 rao). */
  raoEmission: bigint;
}

/** The I32F32 intermediates (raw bits), for callers that need exact proportions. */
export interface EpochFixed {
  stake: bigint[];
  activeStake: bigint[];
  consensus: bigint[];
  incentive: bigint[];
  dividends: bigint[];
  validatorTrust: bigint[];
  serverProportion: bigint[];
  validatorProportion: bigint[];
  combinedProportion: bigint[];
}

/** Everything §8 step 14 writes, per uid. */
export interface EpochOutput {
  active: boolean[];
  newValidatorPermit: boolean[];
  consensus: number[];
  incentive: number[];
  dividends: number[];
  validatorTrust: number[];
  stakeWeight: number[];
  /** `Emission` = combined (u64 rao). */
  emission: bigint[];
  serverEmission: bigint[];
  validatorEmission: bigint[];
  /** New `Bonds` row of every uid: storage-form row if it has a new permit, otherwise empty. */
  bonds: Array<Array<[number, number]>>;
  fixed: EpochFixed;
}

export class EpochInputError extends Error {
  override name = 'EpochInputError';
}

export const EPOCH_DEFAULTS = {
  kappa: 32767,
  bondsPenalty: 65535,
  bondsMovingAverage: 900_000n,
  yuma3On: false,
  liquidAlphaOn: false,
  alphaValues: [45875, 58982] as const,
  alphaSigmoidSteepness: 1000,
  lastMechanismStepBlock: 0,
  stakeThreshold: 0n,
  taoWeight: 0n,
} as const;

function checkInt(name: string, v: number, min: number, max: number): void {
  if (!Number.isInteger(v) || v < min || v > max) {
    throw new EpochInputError(`runEpoch: expected ${name} to be an integer in [${min}, ${max}], found ${String(v)}`);
  }
}

function checkU64(name: string, v: bigint): void {
  if (typeof v !== 'bigint' || v < 0n || v > U64_MAX) {
    throw new EpochInputError(`runEpoch: expected ${name} to be a u64 bigint, found ${String(v)}`);
  }
}

function checkRows(name: string, rows: readonly U16Row[], n: number): void {
  if (rows.length > n) throw new EpochInputError(`runEpoch: expected at most n=${n} ${name} rows, found ${rows.length}`);
  rows.forEach((row, i) => {
    const seen = new Set<number>();
    for (const e of row) {
      const [j, v] = e;
      if (!Number.isInteger(j) || j < 0 || j > 65535 || !Number.isInteger(v) || v < 0 || v > 65535) {
        throw new EpochInputError(`runEpoch: expected ${name}[${i}] entries to be [u16, u16], found [${String(j)}, ${String(v)}]`);
      }
      if (seen.has(j)) throw new EpochInputError(`runEpoch: expected unique columns in ${name}[${i}], found column ${j} twice`);
      seen.add(j);
    }
  });
}

/** Validate shapes and ranges; throws {@link EpochInputError} naming the offending field. */
export function validateEpochInput(input: EpochInput): void {
  const { n } = input;
  checkInt('n', n, 0, 65535);
  checkInt('currentBlock', input.currentBlock, 0, Number.MAX_SAFE_INTEGER);
  checkInt('tempo', input.tempo, 0, 65535);
  checkInt('activityCutoff', input.activityCutoff, 0, Number.MAX_SAFE_INTEGER);
  checkInt('maxAllowedValidators', input.maxAllowedValidators, 0, 65535);
  input.lastUpdate.forEach((v, i) => checkInt(`lastUpdate[${i}]`, v, 0, Number.MAX_SAFE_INTEGER));
  input.blockAtRegistration.forEach((v, i) => checkInt(`blockAtRegistration[${i}]`, v, 0, Number.MAX_SAFE_INTEGER));
  if (input.alphaStake.length > n)
    throw new EpochInputError(`runEpoch: expected at most n=${n} alphaStake entries, found ${input.alphaStake.length}`);
  input.alphaStake.forEach((v, i) => checkU64(`alphaStake[${i}]`, v));
  input.rootStake?.forEach((v, i) => checkU64(`rootStake[${i}]`, v));
  checkU64('raoEmission', input.raoEmission);
  if (input.taoWeight !== undefined) checkU64('taoWeight', input.taoWeight);
  if (input.stakeThreshold !== undefined) checkU64('stakeThreshold', input.stakeThreshold);
  if (input.ownerUid !== undefined) checkInt('ownerUid', input.ownerUid, 0, 65535);
  if (input.kappa !== undefined) checkInt('kappa', input.kappa, 0, 65535);
  if (input.bondsPenalty !== undefined) checkInt('bondsPenalty', input.bondsPenalty, 0, 65535);
  if (input.bondsMovingAverage !== undefined) checkU64('bondsMovingAverage', BigInt(input.bondsMovingAverage));
  if (input.alphaValues !== undefined) {
    checkInt('alphaValues[0]', input.alphaValues[0], 0, 65535);
    checkInt('alphaValues[1]', input.alphaValues[1], 0, 65535);
  }
  if (input.alphaSigmoidSteepness !== undefined) checkInt('alphaSigmoidSteepness', input.alphaSigmoidSteepness, -32768, 32767);
  if (input.lastMechanismStepBlock !== undefined)
    checkInt('lastMechanismStepBlock', input.lastMechanismStepBlock, 0, Number.MAX_SAFE_INTEGER);
  checkRows('weights', input.weights, n);
  checkRows('bonds', input.bonds, n);
}

/** `TaoWeight / u64::MAX` as U96F32 (truncating division), widened exactly to I64F64 bits. */
function taoWeightI64F64(taoWeight: bigint): bigint {
  const u96 = (taoWeight << 32n) / U64_MAX;
  return u96 << 32n;
}

/**
 * §8 step 2: `S_i = alpha_i + tao_weight × root_i` (I64F64), zeroed below the stake threshold
 * (owner exempt), normalized in I64F64, truncated to I32F32.
 */
export function computeStake(input: EpochInput): bigint[] {
  const { n } = input;
  const tw = taoWeightI64F64(input.taoWeight ?? 0n);
  const threshold = input.stakeThreshold ?? 0n;
  const raw: bigint[] = [];
  for (let i = 0; i < n; i++) {
    if (input.hasHotkey && !input.hasHotkey[i]) {
      raw.push(0n);
      continue;
    }
    const alpha = input.alphaStake[i] ?? 0n;
    const root = input.rootStake?.[i] ?? 0n;
    let s = (alpha << 64n) + root * tw; // (root << 64) · tw >> 64 = root · tw exactly
    if (s > I64F64.max) s = I64F64.max;
    if (s >> 64n < threshold && i !== input.ownerUid) s = 0n;
    raw.push(s);
  }
  return normalize64(raw).map((s) => convert(I64F64, I32F32, s));
}

/** `α = 1 − trunc32(BondsMovingAverage / 1e6)`, the division in I64F64. */
export function bondsAlpha(bondsMovingAverage: bigint): bigint {
  const bma64 = div(I64F64, fromInt(I64F64, bondsMovingAverage), fromInt(I64F64, 1_000_000n));
  return sub32(ONE32, convert(I64F64, I32F32, bma64));
}

/** Run one epoch. Pure: reads only `input`, returns fresh arrays. */
export function runEpoch(input: EpochInput): EpochOutput {
  validateEpochInput(input);
  const { n, currentBlock, ownerUid } = input;
  const owner = ownerUid !== undefined && ownerUid < n ? ownerUid : undefined;
  const lastUpdate = Array.from({ length: n }, (_, i) => input.lastUpdate[i] ?? 0);
  const blockAtReg = Array.from({ length: n }, (_, i) =>
    input.hasHotkey && !input.hasHotkey[i] ? 0 : (input.blockAtRegistration[i] ?? 0),
  );

  // 1. Activity.
  const inactive = lastUpdate.map((u) => u + input.activityCutoff < currentBlock);
  const active = inactive.map((b) => !b);

  // 2. Stake.
  const stake = computeStake(input);

  // 3. Permits: this epoch uses the stored ones; the new ones are stored at the end.
  const oldPermit = Array.from({ length: n }, (_, i) => i === owner || (input.validatorPermit[i] ?? false));
  const forbids = oldPermit.map((p) => !p);
  const newPermit = isTopkNonzero(stake, input.maxAllowedValidators);
  if (owner !== undefined) newPermit[owner] = true;

  // 4. Active stake.
  const activeStake = normalize(maskVector(forbids, maskVector(inactive, stake)));

  // 5. Weights.
  let weights: SparseMatrix = fromU16Rows(input.weights, n, n, 'raw');
  weights = maskRows(forbids, weights);
  weights = maskDiagExcept(weights, owner);
  weights = maskByVectors(weights, lastUpdate, blockAtReg, (updated: number, registered: number) => updated <= registered);
  if (input.earliestCommitBlock) {
    const commits = Array.from({ length: n }, (_, i) => input.earliestCommitBlock?.[i] ?? null);
    weights = maskByVectors(weights, commits, blockAtReg, (c: number | null, registered: number) => c !== null && c < registered);
  }
  weights = rowNormalize(weights);

  // 6-9. Consensus, clip, validator trust, incentive.
  const kappa = u16ProportionToFixed(input.kappa ?? EPOCH_DEFAULTS.kappa);
  const consensus = weightedMedianCol(activeStake, weights, n, kappa);
  const clipped = colClip(weights, consensus);
  const validatorTrust = rowSum(clipped);
  const incentive = normalize(matmul(clipped, activeStake, n));

  // 10. Weights for bonds.
  const beta = u16ProportionToFixed(input.bondsPenalty ?? EPOCH_DEFAULTS.bondsPenalty);
  const weightsForBonds = interpolate(weights, clipped, n, beta);

  // 11/12. Bonds and dividends.
  const lmsb = input.lastMechanismStepBlock ?? 0;
  const lastTempo = lmsb !== 0 ? lmsb + 1 : Math.max(0, currentBlock - input.tempo);
  const alpha = bondsAlpha(BigInt(input.bondsMovingAverage ?? EPOCH_DEFAULTS.bondsMovingAverage));
  const { dividends, storage } =
    (input.yuma3On ?? EPOCH_DEFAULTS.yuma3On)
      ? yuma3Bonds(input, weightsForBonds, consensus, incentive, activeStake, blockAtReg, lastTempo, alpha)
      : classicBonds(input, weightsForBonds, incentive, activeStake, blockAtReg, lastTempo, alpha);

  // 13. Emission split.
  const combined = incentive.map((x, i) => add32(x, dividends[i]!));
  const total = sum(combined);
  const serverProportion = normalizeUsingSum(incentive, total);
  let validatorProportion = normalizeUsingSum(dividends, total);
  let combinedProportion = normalize(combined);
  if (total === 0n) {
    const fallback = isZero(activeStake) ? stake : activeStake;
    validatorProportion = fallback.slice();
    combinedProportion = fallback.slice();
  }
  const rao = input.raoEmission;

  // 14. Outputs.
  return {
    active,
    newValidatorPermit: newPermit,
    consensus: consensus.map(toU16Proportion),
    incentive: incentive.map(toU16Proportion),
    dividends: dividends.map(toU16Proportion),
    validatorTrust: validatorTrust.map(toU16Proportion),
    stakeWeight: stake.map(toU16Proportion),
    emission: combinedProportion.map((x) => proportionOfAmount(x, rao)),
    serverEmission: serverProportion.map((x) => proportionOfAmount(x, rao)),
    validatorEmission: validatorProportion.map((x) => proportionOfAmount(x, rao)),
    bonds: storage.map((row, i) => (newPermit[i] ? row : [])),
    fixed: {
      stake,
      activeStake,
      consensus,
      incentive,
      dividends,
      validatorTrust,
      serverProportion,
      validatorProportion,
      combinedProportion,
    },
  };
}

interface BondsResult {
  dividends: bigint[];
  /** Storage-form u16 rows for every uid (before the permit filter). */
  storage: Array<Array<[number, number]>>;
}

function toStorage(m: SparseMatrix): Array<Array<[number, number]>> {
  return m.map((row) => row.map(([j, v]) => [j, toU16Proportion(v)] as [number, number]));
}

/** §8 step 11: classic Yuma bonds (column-normalized EMA of stake-weighted weights). */
function classicBonds(
  input: EpochInput,
  weightsForBonds: SparseMatrix,
  incentive: bigint[],
  activeStake: bigint[],
  blockAtReg: number[],
  lastTempo: number,
  alpha: bigint,
): BondsResult {
  const { n } = input;
  let bonds = fromU16Rows(input.bonds, n, n, 'raw');
  bonds = maskByScalar(bonds, lastTempo, blockAtReg, (lt: number, registered: number) => lt <= registered);
  bonds = colNormalize(bonds, n);
  const delta = colNormalize(rowHadamard(weightsForBonds, activeStake), n);
  const ema = colNormalize(matEma(delta, bonds, alpha), n);
  const dividends = normalize(matmulTranspose(ema, incentive));
  return { dividends, storage: toStorage(colMaxUpscale(ema, n)) };
}

/** §8 step 12: Yuma3 bonds (absolute EMA in [0, 1], optionally with liquid alpha). */
function yuma3Bonds(
  input: EpochInput,
  weightsForBonds: SparseMatrix,
  consensus: bigint[],
  incentive: bigint[],
  activeStake: bigint[],
  blockAtReg: number[],
  lastTempo: number,
  alpha: bigint,
): BondsResult {
  const { n } = input;
  let bonds = fromU16Rows(input.bonds, n, n, 'proportion');
  bonds = maskByScalar(bonds, lastTempo, blockAtReg, (lt: number, registered: number) => lt <= registered);
  let ema: SparseMatrix;
  if ((input.liquidAlphaOn ?? EPOCH_DEFAULTS.liquidAlphaOn) && consensus.some((c) => c !== 0n)) {
    const [lo, hi] = input.alphaValues ?? EPOCH_DEFAULTS.alphaValues;
    const steepness = BigInt(input.alphaSigmoidSteepness ?? EPOCH_DEFAULTS.alphaSigmoidSteepness) << 32n;
    const alphas = liquidAlphas(weightsForBonds, bonds, consensus, u16ProportionToFixed(lo), u16ProportionToFixed(hi), steepness);
    ema = matEmaAlpha(weightsForBonds, bonds, alphas);
  } else {
    ema = matEma(weightsForBonds, bonds, alpha);
  }
  const normalized = colNormalize(ema, n);
  const perValidator = rowSum(matVecMul(normalized, incentive));
  const dividends = normalize(vecMul(perValidator, activeStake));
  return { dividends, storage: toStorage(ema) };
}
