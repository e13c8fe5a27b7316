/**
 * Crash-loop worker: the validator's real state persistence (saveState/loadState) saving one state per
 * round, each a deterministic function of the round (EMA per uid, a pending commit made before its
 * reveal), and printing `{ msg: 'saved', round }` after each save returns.
 * Usage: node --import tsx chaos/workers/validator-state.ts <statePath>
 */
import { loadState, saveState } from '#validator';
import { silentLogger } from '#core';
import { stateForRound, HOTKEY, NETUID } from './validator-state-model.ts';

const path = process.argv[2];
if (!path) {
  process.stderr.write('usage: validator-state.ts <statePath>\n');
  process.exit(2);
}
const { state, outcome } = await loadState(path, { netuid: NETUID, hotkey: HOTKEY, maxAgeMs: 3_600_000, log: silentLogger() });
process.stdout.write(`${JSON.stringify({ msg: 'loaded', outcome, round: state.lastRoundId })}\n`);
for (let round = state.lastRoundId + 1; round < 1_000_000; round++) {
  await saveState(path, stateForRound(round));
  process.stdout.write(`${JSON.stringify({ msg: 'saved', round })}\n`);
}
