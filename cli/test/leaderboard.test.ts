/** Pure leaderboard building, formatting and rendering. */
import test from 'ava';
import {
  axonText,
  buildLeaderboard,
  formatRao,
  ipToText,
  leaderboardToJson,
  nextEpochBlock,
  roleOf,
  shortKey,
  type NeuronState,
  type SubnetSnapshot,
} from '../src/leaderboard/model.ts';
import { renderHeader, renderLeaderboard } from '../src/leaderboard/render.ts';

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';

function neuron(uid: number, over: Partial<NeuronState> = {}): NeuronState {
  return {
    uid,
    hotkey: `${ALICE.slice(0, -2)}${String(uid).padStart(2, '0')}`,
    coldkey: BOB,
    active: true,
    validatorPermit: false,
    incentive: 0,
    emissionRao: 0n,
    dividends: 0,
    consensus: 0,
    validatorTrust: 0,
    stakeRao: 0n,
    lastUpdate: 0,
    blockAtRegistration: 1,
    axon: null,
    ...over,
  };
}

function snapshot(neurons: NeuronState[], over: Partial<SubnetSnapshot> = {}): SubnetSnapshot {
  return { netuid: 1, block: 100, blockHash: `0x${'ab'.repeat(32)}`, tempo: 10, nextEpochBlock: 105, n: neurons.length, neurons, ...over };
}

test('ranks by incentive, then emission, then uid', (t) => {
  const lb = buildLeaderboard(
    snapshot([
      neuron(0, { incentive: 100, emissionRao: 5n }),
      neuron(1, { incentive: 30_000, emissionRao: 1n }),
      neuron(2, { incentive: 100, emissionRao: 9n }),
      neuron(3, { incentive: 100, emissionRao: 9n }),
      neuron(4),
    ]),
  );
  t.deepEqual(
    lb.rows.map((r) => r.uid),
    [1, 2, 3, 0, 4],
  );
  t.deepEqual(
    lb.rows.map((r) => r.rank),
    [1, 2, 3, 4, 5],
  );
});

test('role: dividends make a validator, incentive a miner, else the permit decides', (t) => {
  t.is(roleOf({ validatorPermit: true, dividends: 0, incentive: 0 }), 'validator');
  t.is(roleOf({ validatorPermit: false, dividends: 1, incentive: 0 }), 'validator');
  t.is(roleOf({ validatorPermit: true, dividends: 1, incentive: 5 }), 'validator');
  t.is(roleOf({ validatorPermit: false, dividends: 0, incentive: 0 }), 'miner');
  // Small subnets give every staked uid a permit: an earning miner stays a miner.
  t.is(roleOf({ validatorPermit: true, dividends: 0, incentive: 9 }), 'miner');
  t.is(
    roleOf({ validatorPermit: true, dividends: 0, incentive: 0, validatorTrust: 100, axon: null }),
    'validator',
    'weights that count make a validator',
  );
  t.is(
    roleOf({ validatorPermit: true, dividends: 0, incentive: 0, validatorTrust: 0, axon: '127.0.0.1:8091' }),
    'miner',
    'a permit plus a served axon and nothing earned yet is a miner',
  );
  const lb = buildLeaderboard(
    snapshot([neuron(0, { validatorPermit: true, stakeRao: 5_000_000_000n }), neuron(1), neuron(2, { dividends: 7 })]),
  );
  t.is(lb.validators, 2);
  t.is(lb.miners, 1);
  t.is(lb.totalStakeRao, 5_000_000_000n);
});

test('proportions, blocks ago and header fields', (t) => {
  const lb = buildLeaderboard(
    snapshot([neuron(0, { incentive: 65_535, consensus: 32_767, lastUpdate: 90 }), neuron(1, { lastUpdate: 0 })]),
  );
  const [top, other] = lb.rows;
  t.is(top?.incentive, 1);
  t.true(Math.abs((top?.consensus ?? 0) - 0.49999) < 1e-4);
  t.is(top?.updatedBlocksAgo, 10);
  t.is(other?.updatedBlocksAgo, null);
  t.is(lb.blocksToEpoch, 5);
  t.is(buildLeaderboard(snapshot([], { nextEpochBlock: null })).blocksToEpoch, null);
});

test('nextEpochBlock: dynamic tempo, pending epoch, legacy modulo, tempo 0', (t) => {
  t.is(nextEpochBlock({ block: 100, netuid: 1, tempo: 10, lastEpochBlock: 95 }), 105);
  t.is(nextEpochBlock({ block: 100, netuid: 1, tempo: 10, lastEpochBlock: 80 }), 100); // overdue: due now
  t.is(nextEpochBlock({ block: 100, netuid: 1, tempo: 10, lastEpochBlock: 95, pendingEpochAt: 101 }), 101);
  // Legacy: epoch when (b + netuid + 1) mod (tempo + 1) == tempo; tempo 100, netuid 0 -> 99, 200, 301.
  t.is(nextEpochBlock({ block: 100, netuid: 0, tempo: 100 }), 200);
  t.is(nextEpochBlock({ block: 99, netuid: 0, tempo: 100 }), 99);
  t.is(nextEpochBlock({ block: 0, netuid: 1, tempo: 100 }), 98);
  t.is(nextEpochBlock({ block: 100, netuid: 0, tempo: 0 }), null);
});

test('formatRao truncates and groups thousands', (t) => {
  t.is(formatRao(1_500_000_000n, 2), '1.50');
  t.is(formatRao(1_234_567_891_234_567n, 4), '1,234,567.8912');
  t.is(formatRao(0n, 4), '0.0000');
  t.is(formatRao(999n, 9), '0.000000999');
  t.is(formatRao(5_000_000_000n, 0), '5');
});

test('shortKey keeps head and tail', (t) => {
  t.is(shortKey(ALICE), '5Grwva…utQY');
  t.is(shortKey('short'), 'short');
});

test('ip and axon text: IPv4, IPv6 (compressed), unserved and out-of-range', (t) => {
  t.is(ipToText(0x7f000001n, 4), '127.0.0.1');
  t.is(axonText(0x7f000001n, 4, 8091), '127.0.0.1:8091');
  t.is(ipToText(1n, 6), '::1');
  t.is(axonText(1n, 6, 443), '[::1]:443');
  t.is(ipToText(0x2001_0db8_0000_0000_0000_0000_0000_0001n, 6), '2001:db8::1');
  t.is(ipToText(0x2001_0db8_0001_0002_0003_0004_0005_0006n, 6), '2001:db8:1:2:3:4:5:6');
  t.is(ipToText(0n, 4), null);
  t.is(ipToText(1n << 40n, 4), null);
  t.is(ipToText(5n, 9), null);
});

test('JSON form: balances as exact strings, every column present', (t) => {
  const lb = buildLeaderboard(
    snapshot([neuron(0, { emissionRao: 123_456_789_012n, stakeRao: 18_446_744_073_709_551_615n, axon: '10.0.0.1:1' })]),
  );
  const json = JSON.parse(JSON.stringify(leaderboardToJson(lb))) as {
    rows: Record<string, unknown>[];
    block: number;
    nextEpochBlock: number;
  };
  const row = json.rows[0];
  t.is(row?.emissionRao, '123456789012');
  t.is(row?.emission, '123.456789012');
  t.is(row?.stakeRao, '18446744073709551615');
  t.is(row?.stake, '18446744073.709551615');
  t.is(row?.axon, '10.0.0.1:1');
  for (const k of ['rank', 'uid', 'hotkey', 'coldkey', 'role', 'incentive', 'dividends', 'consensus', 'validatorTrust', 'updatedBlocksAgo'])
    t.true(k in (row ?? {}), k);
  t.is(json.block, 100);
  t.is(json.nextEpochBlock, 105);
});

test('rendered table: header, aligned columns, no ANSI unless asked', (t) => {
  const lb = buildLeaderboard(
    snapshot([
      neuron(0, { validatorPermit: true, dividends: 65_535, stakeRao: 1_000_000_000_000n, lastUpdate: 97, axon: '127.0.0.1:9000' }),
      neuron(1, { incentive: 65_535, emissionRao: 2_500_000_000n, axon: '127.0.0.1:9001' }),
    ]),
  );
  const text = renderLeaderboard(lb);
  t.false(text.includes('\u001b['));
  const lines = text.split('\n');
  t.is(lines[0], renderHeader(lb));
  t.regex(lines[0] ?? '', /subnet 1 · block 100 · tempo 10 · next epoch 105 \(in 5\) · n 2 \(1 validators, 1 miners\)/);
  const head = lines[2] ?? '';
  for (const col of [
    '#',
    'UID',
    'HOTKEY',
    'COLDKEY',
    'ROLE',
    'INCENTIVE',
    'EMISSION',
    'DIVIDENDS',
    'CONSENSUS',
    'VTRUST',
    'STAKE',
    'UPDATED',
    'AXON',
  ])
    t.true(head.includes(col), col);
  const first = lines[4] ?? '';
  t.regex(first, /^ ?1 +1 +5Grwva…/);
  t.true(
    first.includes('miner') &&
      first.includes('1.0000') &&
      first.includes('2.5000') &&
      first.includes('127.0.0.1:9001') &&
      first.includes('never'),
  );
  const second = lines[5] ?? '';
  t.true(second.includes('validator') && second.includes('1,000.00') && second.includes('3 ago'));
  // Right-aligned numeric columns end at the same offset on every row.
  const end = (line: string, word: string): number => line.indexOf(word) + word.length;
  t.is(end(head, 'INCENTIVE'), end(first, '1.0000'));
  t.true(renderLeaderboard(lb, { color: true }).includes('\u001b[1m'));
  t.regex(renderLeaderboard(buildLeaderboard(snapshot([]))), /no registered neurons/);
});
