/** The state a validator would hold after round `r` in the crash loop: every field a function of r. */
import { emptyState, type ValidatorState } from '#validator';

export const NETUID = 1;
export const HOTKEY = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';

export function stateForRound(r: number): ValidatorState {
  const s = emptyState(NETUID, HOTKEY);
  s.lastRoundId = r;
  s.lastRoundBlock = 10 * r;
  for (let uid = 0; uid < 64; uid++)
    s.scores.set(uid, { hotkey: `hk-${uid}`, emaLoss: 1 / (1 + r + uid), availability: (r % 10) / 10, rounds: r });
  s.timing = { lastWeightsBlock: 10 * r, nextAttemptBlock: 10 * r + 20 };
  // A commit made this round whose reveal is due two epochs later: losing it would forfeit the weights.
  s.pendingCommits = [
    {
      hash: `0x${(r % 256).toString(16).padStart(2, '0').repeat(32)}`,
      uids: [0, 1, 2],
      weights: [r % 65536, 1, 2],
      salt: [r % 65536, 7],
      versionKey: '0',
      commitBlock: 10 * r,
      commitEpoch: r,
      revealEpoch: r + 2,
      nextRevealBlock: 10 * r + 40,
    },
  ];
  return s;
}
