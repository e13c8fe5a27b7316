/**
 * Behaviour of runEpoch beyond the published vectors: hand-reasoned Yuma3 and classic scenarios,
 * masks (outdated weights, inactivity, commit-reveal), stake threshold, permits, owner exceptions,
 * input validation. Expected numbers are derived in the comments.
 */
import test from 'ava';
import { EpochInputError, runEpoch, type EpochInput } from './epoch.ts';

const RAO = 1_000_000_000n;
const FULL = 65535;

/** 2 validators (uids 0, 1; stake 3 : 1 ⇒ 0.75 / 0.25), 2 miners (uids 2, 3), block 1000, tempo 100. */
function twoByTwo(over: Partial<EpochInput> = {}): EpochInput {
  return {
    n: 4,
    currentBlock: 1000,
    tempo: 100,
    activityCutoff: 5000,
    lastUpdate: [1000, 1000, 0, 0],
    blockAtRegistration: [0, 0, 0, 0],
    alphaStake: [3n, 1n, 0n, 0n],
    validatorPermit: [true, true, false, false],
    maxAllowedValidators: 2,
    // v0 puts everything on miner 2; v1 splits evenly over miners 2 and 3.
    weights: [
      [[2, FULL]],
      [
        [2, FULL],
        [3, FULL],
      ],
    ],
    bonds: [],
    raoEmission: RAO,
    ...over,
  };
}

/*
 * Shared first-epoch reasoning for twoByTwo (κ = 32767/65535 ⇒ minority m = 1 − κ ≈ 0.5000076):
 *  - W rows: v0 = [2: 1], v1 = [2: 0.5, 3: 0.5].
 *  - C_2: scores (1, 0.5), pivot 0.5 (v1), upper {v0} with 0.75; hi − hs = 0.25 ≤ m ⇒ {v0} ⇒ 1.
 *    C_3: scores (0, 0.5), pivot 0.5, lower {v0} with 0.75 > m ⇒ {v0} ⇒ 0.
 *  - Clipped: v0 = [2: 1], v1 = [2: 0.5] (its weight on 3 is clipped away: C_3 = 0).
 *  - VT = (1, 0.5) ⇒ 65535, 32767. R_2 = 0.75 + 0.125 = 0.875, R_3 = 0 ⇒ I = (0, 0, 1, 0).
 *  - Dividends: both Yuma versions give v0 : v1 = 0.75·1 : 0.25·0.5 = 6 : 1 ⇒ 6/7 and 1/7
 *    ⇒ floor(65535·6/7) = 56172, floor(65535/7) = 9362.
 *  - Emission: I and D both sum to 1 ⇒ miner 2 gets 1/2, validators 1/2 · (6/7, 1/7).
 */
test('Yuma3, liquid alpha off, 2 validators / 2 miners: first epoch by hand', (t) => {
  const out = runEpoch(twoByTwo({ yuma3On: true }));
  t.deepEqual(out.consensus, [0, 0, FULL, 0]);
  t.deepEqual(out.validatorTrust, [FULL, 32767, 0, 0]);
  t.deepEqual(out.incentive, [0, 0, FULL, 0]);
  t.deepEqual(out.dividends, [56172, 9362, 0, 0]);
  t.deepEqual(out.serverEmission, [0n, 0n, 500_000_000n, 0n]);
  // 1/2·6/7 = 428571428.57, 1/2·1/7 = 71428571.43, floored after fixed-point truncations.
  t.deepEqual(out.validatorEmission, [428_571_428n, 71_428_571n, 0n, 0n]);
  // Yuma3 stores E itself: E = α·W with α = 1 − trunc32(0.9) = 429496730/2^32 (≈ 0.1 + 9e-11):
  // v0: 0.1·1 ⇒ floor(6553.50) = 6553; v1: 0.1·0.5 ⇒ floor(3276.75) = 3276.
  t.deepEqual(out.bonds, [[[2, 6553]], [[2, 3276]], [], []]);
  t.deepEqual(out.newValidatorPermit, [true, true, false, false]);
  t.deepEqual(out.stakeWeight, [49151, 16383, 0, 0]);
});

test('classic Yuma on the same graph: same first dividends, different stored bonds', (t) => {
  const out = runEpoch(twoByTwo({ yuma3On: false }));
  t.deepEqual(out.dividends, [56172, 9362, 0, 0]);
  // Classic stores column-max-upscaled normalized bonds: v0 ⇒ 1, v1 ⇒ (1/7)/(6/7) = 1/6 ⇒ floor(10922.5) = 10922.
  t.deepEqual(out.bonds, [[[2, FULL]], [[2, 10922]], [], []]);
});

test('classic vs Yuma3 diverge once bonds carry over: a newly weighting validator', (t) => {
  // Epoch 1: only v0 weights miner 2. Epoch 2: v1 starts to weight miner 2 too (equal stake).
  const base = twoByTwo({ alphaStake: [1n, 1n, 0n, 0n], weights: [[[2, FULL]], []] });
  const second = (yuma3On: boolean) => {
    const e1 = runEpoch({ ...base, yuma3On });
    return runEpoch({
      ...base,
      yuma3On,
      currentBlock: 1100,
      lastUpdate: [1100, 1100, 0, 0],
      weights: [[[2, FULL]], [[2, FULL]]],
      bonds: e1.bonds,
    });
  };
  const classic = second(false);
  const yuma3 = second(true);
  // Classic: B col-normalized = (1, 0); ΔB = (0.5, 0.5) normalized; E = 0.1·0.5 + 0.9·1 = 0.95 vs 0.05
  // ⇒ dividends 0.95 / 0.05 ⇒ floor(62258.25) = 62258 and floor(3276.75) ≈ 3276.
  t.deepEqual(classic.dividends, [62258, 3276, 0, 0]);
  // Yuma3: B = stored/65535 = (6553/65535, 0) ⇒ E_v0 = 0.1 + 0.9·0.099992 = 0.189993, E_v1 = 0.1;
  // shares 0.655 and 0.345 times equal stake ⇒ ≈ 42936 / 22598: the newcomer earns far more.
  const e0 = 0.1 + 0.9 * (6553 / 65535);
  const expect0 = Math.floor((65535 * e0) / (e0 + 0.1));
  const expect1 = Math.floor((65535 * 0.1) / (e0 + 0.1));
  t.true(Math.abs(yuma3.dividends[0]! - expect0) <= 2, `v0 dividends ${yuma3.dividends[0]} vs ${expect0}`);
  t.true(Math.abs(yuma3.dividends[1]! - expect1) <= 2, `v1 dividends ${yuma3.dividends[1]} vs ${expect1}`);
  // Absolute bonds: v0 ≈ 0.19 ⇒ ≈ 12451, v1 ≈ 0.1 ⇒ 6553.
  t.deepEqual(yuma3.bonds[1], [[2, 6553]]);
  t.true(Math.abs(yuma3.bonds[0]![0]![1] - 12451) <= 2);
});

test('Yuma3 with liquid alpha: bonds jump to α ≈ 0.7013 × weight on the first epoch', (t) => {
  const out = runEpoch(twoByTwo({ yuma3On: true, liquidAlphaOn: true }));
  // For both validators w ≥ b = 0 and d = clamp(w − C_2, 0, 1) = 0 (w ≤ C_2 = 1) ⇒ x = −0.5,
  // σ = 1/(1 + e^5) ≈ 0.0066929 ⇒ α = lo + σ(hi − lo) with lo = 45875/65535, hi = 58982/65535
  // ⇒ α ≈ 0.701354. E_v0 = α·1 ⇒ ≈ 45963, E_v1 = α·0.5 ⇒ ≈ 22981 (± 1 for the float exp).
  const lo = 45875 / 65535;
  const hi = 58982 / 65535;
  const alpha = lo + (hi - lo) / (1 + Math.exp(5));
  const b0 = out.bonds[0]![0]![1];
  const b1 = out.bonds[1]![0]![1];
  t.true(Math.abs(b0 - Math.floor(alpha * 65535)) <= 1, `v0 bond ${b0}`);
  t.true(Math.abs(b1 - Math.floor((alpha / 2) * 65535)) <= 1, `v1 bond ${b1}`);
  // Dividend ratio is unchanged (6 : 1), only the bond level differs.
  t.deepEqual(out.dividends, [56172, 9362, 0, 0]);
});

test('Yuma3 sparse caveat: omitting a uid drops its bond immediately, an explicit zero decays it', (t) => {
  const e1 = runEpoch(twoByTwo({ yuma3On: true, liquidAlphaOn: true }));
  // v1 now omits miner 2 entirely (liquid-alpha EMA only keeps columns of the new row).
  const omitted = runEpoch(
    twoByTwo({
      yuma3On: true,
      liquidAlphaOn: true,
      currentBlock: 1100,
      lastUpdate: [1100, 1100, 0, 0],
      weights: [[[2, FULL]], [[3, FULL]]],
      bonds: e1.bonds,
    }),
  );
  t.false(omitted.bonds[1]!.some(([j]) => j === 2));
  // With liquid alpha off the EMA runs over the union, so the bond to miner 2 decays by 0.9.
  const e1c = runEpoch(twoByTwo({ yuma3On: true }));
  const decayed = runEpoch(
    twoByTwo({ yuma3On: true, currentBlock: 1100, lastUpdate: [1100, 1100, 0, 0], weights: [[[2, FULL]], [[3, FULL]]], bonds: e1c.bonds }),
  );
  const bond = decayed.bonds[1]!.find(([j]) => j === 2);
  t.truthy(bond);
  t.true(Math.abs(bond![1] - Math.floor(0.9 * 3276)) <= 1);
});

test('outdated weights: a uid registered after a validator last set weights gets nothing from it', (t) => {
  // Miner 3 re-registered at block 500; v0 last set weights at 400 (outdated for 3), v1 at 600.
  const input = (v0Update: number): EpochInput =>
    twoByTwo({
      alphaStake: [1n, 1n, 0n, 0n],
      lastUpdate: [v0Update, 600, 0, 0],
      blockAtRegistration: [0, 0, 0, 500],
      weights: [
        [
          [2, FULL],
          [3, FULL],
        ],
        [
          [2, FULL],
          [3, FULL],
        ],
      ],
    });
  // v0 row becomes [2: 1]; v1 = [2: .5, 3: .5]. C_2 = 1 (v0 is the upper half, m > 0.5),
  // C_3 = 0.5 (v1's 0.5 is the pivot, v0's 0 is exactly half the stake ≤ m ⇒ pivot).
  // R_2 = 0.5·1 + 0.5·0.5 = 0.75, R_3 = 0.5·0.5 = 0.25.
  const masked = runEpoch(input(400));
  t.deepEqual(masked.incentive, [0, 0, 49151, 16383]);
  // The boundary is inclusive: last update == registration block is still outdated.
  t.deepEqual(runEpoch(input(500)).incentive, masked.incentive);
  // Once v0 sets weights after the registration, both count equally.
  t.deepEqual(runEpoch(input(501)).incentive, [0, 0, 32767, 32767]);
});

test('inactive validators contribute no stake to consensus, incentive or dividends', (t) => {
  // v1 last updated at 10 with cutoff 100 at block 1000 ⇒ inactive. v0 weights miner 2, v1 miner 3.
  const out = runEpoch(
    twoByTwo({
      alphaStake: [1n, 1n, 0n, 0n],
      activityCutoff: 100,
      lastUpdate: [1000, 10, 1000, 1000],
      weights: [[[2, FULL]], [[3, FULL]]],
    }),
  );
  t.deepEqual(out.active, [true, false, true, true]);
  t.deepEqual(out.incentive, [0, 0, FULL, 0]);
  t.deepEqual(out.consensus, [0, 0, FULL, 0]);
  t.deepEqual(out.dividends, [FULL, 0, 0, 0]);
  t.deepEqual(out.fixed.activeStake, [1n << 32n, 0n, 0n, 0n]);
  // Its stake still shows in StakeWeight and it keeps its permit.
  t.deepEqual(out.stakeWeight, [32767, 32767, 0, 0]);
  t.deepEqual(out.newValidatorPermit, [true, true, false, false]);
  // Boundary: lastUpdate + cutoff == block is still active.
  t.true(runEpoch(twoByTwo({ activityCutoff: 990, lastUpdate: [1000, 10, 0, 0] })).active[1]);
});

test('stake threshold zeroes small stakes (owner exempt) before normalization and permits', (t) => {
  const base = twoByTwo({ alphaStake: [10n, 5n, 0n, 0n], stakeThreshold: 6n });
  const out = runEpoch(base);
  t.deepEqual(out.stakeWeight, [FULL, 0, 0, 0]);
  t.deepEqual(out.newValidatorPermit, [true, false, false, false]);
  // v1's weights carry no stake: only v0's choice (miner 2) gets incentive.
  t.deepEqual(out.incentive, [0, 0, FULL, 0]);
  const owner = runEpoch({ ...base, ownerUid: 1 });
  // 10/15 ⇒ floor(2^32·2/3) = 2863311530 ⇒ floor(43689.99) = 43689 (truncation, not rounding); 5/15 ⇒ 21844.
  t.deepEqual(owner.stakeWeight, [43689, 21844, 0, 0]);
  t.deepEqual(owner.newValidatorPermit, [true, true, false, false]);
  // Exactly at the threshold passes (floor(S) < threshold is what fails).
  t.deepEqual(runEpoch({ ...base, stakeThreshold: 5n }).newValidatorPermit, [true, true, false, false]);
});

test('permits: top-k by stake with ties dropping the lower uid; this epoch uses the stored permits', (t) => {
  const n = 5;
  const out = runEpoch({
    n,
    currentBlock: 10,
    tempo: 100,
    activityCutoff: 5000,
    lastUpdate: [10, 10, 10, 10, 10],
    blockAtRegistration: [0, 0, 0, 0, 0],
    alphaStake: [5n, 5n, 5n, 1n, 0n],
    validatorPermit: [false, false, false, true, false],
    maxAllowedValidators: 2,
    weights: [[[4, FULL]], [[4, FULL]], [[4, FULL]], [[0, FULL]], []],
    bonds: [],
    raoEmission: RAO,
  });
  t.deepEqual(out.newValidatorPermit, [false, true, true, false, false]);
  // Only uid 3 held a permit, so only its weight (to uid 0) counts this epoch.
  t.deepEqual(out.incentive, [FULL, 0, 0, 0, 0]);
  t.deepEqual(out.dividends, [0, 0, 0, FULL, 0]);
  // Bonds rows are rewritten for everyone: uid 3 lost its permit ⇒ empty row.
  t.deepEqual(out.bonds, [[], [], [], [], []]);
});

test('self-weights are masked except for the subnet owner, who also always holds a permit', (t) => {
  const base = twoByTwo({
    alphaStake: [1n, 1n, 0n, 0n],
    validatorPermit: [false, true, false, false],
    weights: [[[0, FULL]], [[2, FULL]]],
  });
  const plain = runEpoch(base);
  t.deepEqual(plain.incentive, [0, 0, FULL, 0]);
  const owned = runEpoch({ ...base, ownerUid: 0 });
  // Owner row [0: 1] now counts with stake 1/2: C_0 = 0 (v1 gives 0, majority tie ⇒ lower), so
  // the owner's self weight is clipped away and incentive stays on miner 2; permit forced.
  t.true(owned.newValidatorPermit[0]);
  t.deepEqual(owned.fixed.activeStake, [1n << 31n, 1n << 31n, 0n, 0n]);
  // With all stake on the owner its self-weight is the consensus.
  const solo = runEpoch({ ...base, ownerUid: 0, alphaStake: [1n, 0n, 0n, 0n] });
  t.deepEqual(solo.incentive, [FULL, 0, 0, 0]);
});

test('commit-reveal mask drops weights to uids registered after the earliest commit', (t) => {
  const input = (commit: number | null): EpochInput =>
    twoByTwo({
      alphaStake: [1n, 1n, 0n, 0n],
      lastUpdate: [700, 700, 0, 0],
      blockAtRegistration: [0, 0, 0, 500],
      weights: [
        [
          [2, FULL],
          [3, FULL],
        ],
        [
          [2, FULL],
          [3, FULL],
        ],
      ],
      earliestCommitBlock: [commit, 600],
    });
  t.deepEqual(runEpoch(input(400)).incentive, [0, 0, 49151, 16383]);
  t.deepEqual(runEpoch(input(500)).incentive, [0, 0, 32767, 32767]);
  t.deepEqual(runEpoch(input(null)).incentive, [0, 0, 32767, 32767]);
});

test('bonds to uids registered since the last tempo are dropped before the EMA', (t) => {
  // Stored bond of v0 to miner 3, but miner 3 re-registered at 950 ≥ last_tempo = 1000 − 100 = 900.
  const out = runEpoch(
    twoByTwo({ yuma3On: true, blockAtRegistration: [0, 0, 0, 950], weights: [[[2, FULL]], [[2, FULL]]], bonds: [[[3, 30000]], []] }),
  );
  t.deepEqual(out.bonds[0], [[2, 6553]]);
  // With LastMechansimStepBlock = 960 the cut-off becomes 961 > 950 ⇒ the bond survives and decays.
  const kept = runEpoch(
    twoByTwo({
      yuma3On: true,
      lastMechanismStepBlock: 960,
      blockAtRegistration: [0, 0, 0, 950],
      weights: [[[2, FULL]], [[2, FULL]]],
      bonds: [[[3, 30000]], []],
    }),
  );
  t.deepEqual(
    kept.bonds[0]!.map(([j]) => j),
    [2, 3],
  );
});

test('no weights at all: emission falls back to active stake', (t) => {
  const out = runEpoch(twoByTwo({ weights: [] }));
  t.deepEqual(out.serverEmission, [0n, 0n, 0n, 0n]);
  t.deepEqual(out.validatorEmission, [750_000_000n, 250_000_000n, 0n, 0n]);
  t.deepEqual(out.emission, out.validatorEmission);
});

test('bad input gets a clear EpochInputError naming the field', (t) => {
  t.throws(() => runEpoch(twoByTwo({ n: -1 })), { instanceOf: EpochInputError, message: /n to be an integer/ });
  t.throws(() => runEpoch(twoByTwo({ currentBlock: Number.NaN })), { instanceOf: EpochInputError, message: /currentBlock.*NaN/ });
  t.throws(
    () =>
      runEpoch(
        twoByTwo({
          weights: [
            [
              [2, 1],
              [2, 5],
            ],
          ],
        }),
      ),
    { instanceOf: EpochInputError, message: /unique columns in weights\[0\]/ },
  );
  t.throws(() => runEpoch(twoByTwo({ bonds: [[[2, 70000]]] })), { instanceOf: EpochInputError, message: /bonds\[0\] entries/ });
  t.throws(() => runEpoch(twoByTwo({ alphaStake: [-1n] })), { instanceOf: EpochInputError, message: /alphaStake\[0\] to be a u64/ });
  t.throws(() => runEpoch(twoByTwo({ raoEmission: 1n << 64n })), { instanceOf: EpochInputError, message: /raoEmission/ });
});

test('stake: root TAO counts by tao weight; uids without a hotkey get no stake', (t) => {
  const U64_MAX = (1n << 64n) - 1n;
  // TaoWeight = u64::MAX ⇒ tw = floor(2^96 / (2^64 − 1)) / 2^32 = exactly 1 ⇒ S = alpha + root.
  const full = runEpoch(twoByTwo({ alphaStake: [1n, 0n, 0n, 0n], rootStake: [0n, 1n, 0n, 0n], taoWeight: U64_MAX }));
  t.deepEqual(full.stakeWeight, [32767, 32767, 0, 0]);
  // TaoWeight = 2^63 ⇒ tw = 1/2: root 2 weighs like alpha 1.
  const half = runEpoch(twoByTwo({ alphaStake: [1n, 0n, 0n, 0n], rootStake: [0n, 2n, 0n, 0n], taoWeight: 1n << 63n }));
  t.deepEqual(half.stakeWeight, [32767, 32767, 0, 0]);
  // Default tao weight 0: root stake is ignored.
  t.deepEqual(runEpoch(twoByTwo({ alphaStake: [1n, 0n, 0n, 0n], rootStake: [0n, 5n, 0n, 0n] })).stakeWeight, [FULL, 0, 0, 0]);
  // No Keys entry for uid 1 ⇒ stake 0 (and its registration block reads as 0).
  const noKey = runEpoch(twoByTwo({ hasHotkey: [true, false, true, true] }));
  t.deepEqual(noKey.stakeWeight, [FULL, 0, 0, 0]);
  t.deepEqual(noKey.newValidatorPermit, [true, false, false, false]);
});
