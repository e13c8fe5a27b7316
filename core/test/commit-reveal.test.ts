import type { ApiDecoration } from '@polkadot/api/types';
import { TypeRegistry } from '@polkadot/types';
import { hexToU8a } from '@polkadot/util';
import { encodeAddress } from '@polkadot/util-crypto';
import test from 'ava';
import {
  commitRevealEpochAfter,
  commitRevealLayout,
  decodeWeightCommits,
  legacyEpochIndex,
  readWeightCommits,
} from '../src/chain/commit-reveal.ts';
import { SubtensorAt } from '../src/chain/reader.ts';

const registry = new TypeRegistry();
const QUEUE = 'Option<Vec<(H256, u64, u64, u64)>>';
const HASH_A = `0x${'ab'.repeat(32)}`;
const HASH_B = `0x${'cd'.repeat(32)}`;
const HOTKEY = encodeAddress(new Uint8Array(32).fill(7));

/** A SubtensorModule whose storage is the given items (codecs built from a registry), as `api.at` decorates it. */
function subtensorWith(items: Record<string, (...args: unknown[]) => unknown>): SubtensorAt {
  const module = Object.fromEntries(Object.entries(items).map(([k, v]) => [k, async (...args: unknown[]) => v(...args)]));
  return new SubtensorAt({ hash: `0x${'00'.repeat(32)}`, number: 1_100 }, {
    query: { subtensorModule: module },
  } as unknown as ApiDecoration<'promise'>);
}

test("the layout comes from the chain's own metadata: SubnetEpochIndex means epoch indices", (t) => {
  t.is(commitRevealLayout({ has: (name) => name === 'subnetEpochIndex' }), 'epoch-index');
  t.is(commitRevealLayout({ has: () => false }), 'reveal-blocks');
});

test('reveal-blocks runtimes: (hash, commit_block, first, last) is read as a commit block, and its epoch by the fixed-tempo formula', async (t) => {
  const netuid = 1;
  const tempo = 360;
  const period = 1;
  const commitBlock = 1_000;
  const epoch = legacyEpochIndex(commitBlock, netuid, tempo);
  // The window an older runtime stores: the blocks of epoch `epoch + period`.
  const first = (epoch + period) * (tempo + 1) - (netuid + 1);
  const stored = registry.createType(QUEUE, [
    [HASH_A, commitBlock, first, first + tempo],
    [HASH_B, 1_050, first, first + tempo],
  ]);
  const s = subtensorWith({ weightCommits: () => stored, tempo: () => registry.createType('u16', tempo) });
  t.is(commitRevealLayout(s), 'reveal-blocks');
  const commits = await readWeightCommits(s, netuid, HOTKEY, tempo);
  t.deepEqual(commits[0], { hash: HASH_A, commitBlock, commitEpoch: epoch, revealBlocks: { first, last: first + tempo } });
  t.is(commits[1]?.commitEpoch, epoch);
  t.is(legacyEpochIndex(first, netuid, tempo), epoch + period, 'the stored first reveal block is in the reveal epoch');
  t.is(legacyEpochIndex(first - 1, netuid, tempo), epoch, 'and the block before it is not');
  // The bug this replaces: reading position 1 as an epoch would put the reveal ~1000 epochs away.
  t.is(decodeWeightCommits(stored, 'epoch-index', netuid, tempo)[0]?.commitEpoch, commitBlock);
});

test('epoch-index runtimes: (hash, commit_epoch, commit_block, 0) is read as an epoch index', async (t) => {
  const stored = registry.createType(QUEUE, [[HASH_A, 42, 1_077, 0]]);
  const s = subtensorWith({ weightCommits: () => stored, subnetEpochIndex: () => registry.createType('u64', 42) });
  t.is(commitRevealLayout(s), 'epoch-index');
  t.deepEqual(await readWeightCommits(s, 1, HOTKEY, 360), [{ hash: HASH_A, commitEpoch: 42, commitBlock: 1_077 }]);
});

test('the oldest runtimes store one (hash, block) pair, and no commits read as none', (t) => {
  const single = registry.createType('Option<(H256, u64)>', [HASH_A, 700]);
  t.deepEqual(decodeWeightCommits(single, 'reveal-blocks', 1, 99), [
    { hash: HASH_A, commitBlock: 700, commitEpoch: legacyEpochIndex(700, 1, 99) },
  ]);
  t.deepEqual(decodeWeightCommits(registry.createType(QUEUE, null), 'epoch-index', 1, 99), []);
});

test('the epoch a commit sent now is counted in, for either layout', (t) => {
  const legacy = { tempo: 10, lastEpochBlock: null, pendingEpochAt: null, subnetEpochIndex: null, blocksSinceLastStep: null };
  t.is(commitRevealEpochAfter('reveal-blocks', legacy, 7, 1), legacyEpochIndex(8, 1, 10));
  const dynamic = { tempo: 10, lastEpochBlock: 30, pendingEpochAt: 0, subnetEpochIndex: 3, blocksSinceLastStep: 0 };
  t.is(commitRevealEpochAfter('epoch-index', dynamic, 38, 1), 3);
  t.is(commitRevealEpochAfter('epoch-index', dynamic, 39, 1), 4, 'an epoch fires in the inclusion block');
});

// Bytes the real runtime stored (spec 293 under Chopsticks, 2026-12-04; netuid 2, Tempo 10, RevealPeriodEpochs 1),
// read with state_getStorage at the commit's inclusion block; core/README.md says how the check was run.
const SPEC_293 = { netuid: 2, tempo: 10, revealPeriodEpochs: 1 };
const SPEC_293_COMMITS = [
  {
    block: 41,
    raw: '0x04d482d3f29807a6151a21fc03b72ba096ce2b45fab6adc50b8eccf2a004489874290000000000000034000000000000003e00000000000000',
    hash: '0xd482d3f29807a6151a21fc03b72ba096ce2b45fab6adc50b8eccf2a004489874',
    commitEpoch: 4,
    window: { first: 52, last: 62 },
  },
  {
    block: 54,
    raw: '0x04025f7d0416463749984026ee4eb852ea39dd7be152bc13dbccc2e989bd4a3ea936000000000000003f000000000000004900000000000000',
    hash: '0x025f7d0416463749984026ee4eb852ea39dd7be152bc13dbccc2e989bd4a3ea9',
    commitEpoch: 5,
    window: { first: 63, last: 73 },
  },
];

test('spec 293 as stored: the commit is read at its block, counted in the epoch planned one block before, revealable exactly in the stored window', async (t) => {
  const { netuid, tempo, revealPeriodEpochs } = SPEC_293;
  const legacy = { tempo, lastEpochBlock: null, pendingEpochAt: null, subnetEpochIndex: null, blocksSinceLastStep: null };
  for (const c of SPEC_293_COMMITS) {
    // An OptionQuery value: the raw bytes are the inner Vec; Some(..) wraps them.
    const stored = registry.createType(QUEUE, hexToU8a(`0x01${c.raw.slice(2)}` as const));
    t.is(String(stored.unwrap().toHex()), c.raw, 'the fake holds exactly the observed bytes');
    const s = subtensorWith({ weightCommits: () => stored, tempo: () => registry.createType('u16', tempo) });
    t.is(commitRevealLayout(s), 'reveal-blocks', 'spec 293 has no SubnetEpochIndex');
    t.deepEqual(await readWeightCommits(s, netuid, HOTKEY, tempo), [
      { hash: c.hash, commitBlock: c.block, commitEpoch: c.commitEpoch, revealBlocks: c.window },
    ]);
    // The validator plans the commit from the snapshot of the block before inclusion.
    t.is(commitRevealEpochAfter('reveal-blocks', legacy, c.block - 1, netuid), c.commitEpoch);
    // A reveal sent after block b lands in b + 1: accepted only for b + 1 in the stored window.
    const revealEpoch = c.commitEpoch + revealPeriodEpochs;
    t.is(commitRevealEpochAfter('reveal-blocks', legacy, c.window.first - 2, netuid), revealEpoch - 1, 'RevealTooEarly one block before');
    t.is(commitRevealEpochAfter('reveal-blocks', legacy, c.window.first - 1, netuid), revealEpoch);
    t.is(commitRevealEpochAfter('reveal-blocks', legacy, c.window.last - 1, netuid), revealEpoch);
    t.is(commitRevealEpochAfter('reveal-blocks', legacy, c.window.last, netuid), revealEpoch + 1, 'expired one block after');
  }
});
