/**
 * Commit-reveal end to end on a real devchain process (manual seal, tempo 10, RevealPeriodEpochs 1)
 * with real miner processes: the validator commits (WeightCommits holds its hash, no set_weights),
 * keeps the salt and pending commit on disk while it waits, reveals in the commit epoch + 1 (the
 * Weights row then equals the committed values after the chain's max-upscale), and after an epoch
 * the better miner has the larger incentive.
 */
import test from 'ava';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { connectChain } from '#core';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadValidatorConfig } from '../../src/daemon-config.ts';
import { startValidator } from '../../src/daemon.ts';
import { STATE_FILE } from '../../src/state.ts';
import { planCommit, type PendingCommit } from '../../src/weights.ts';
import { SubtensorChainView } from '../../src/adapters/chain-view.ts';
import { ChainWeightSetter } from '../../src/adapters/weight-setter.ts';
import { oneSubnetGenesis, serveMinerAxons, spawnDevchain, startBlockTicker } from '../_helpers/devchain.ts';
import { spawnMiner } from '../_helpers/miner-process.ts';

async function until(what: string, cond: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Upstream `vec_max_upscale_to_u16`, to within the rounding of its fixed-point arithmetic. */
function maxUpscale(values: number[]): number[] {
  const m = Math.max(...values);
  return values.map((v) => Math.round((v * 65535) / m));
}

test.serial('the validator commits, keeps the salt on disk, reveals in the next epoch, and the better miner earns more', async (t) => {
  await cryptoWaitReady();
  const kr = new Keyring({ type: 'sr25519' });
  const minerUris = ['//Bob', '//Charlie'];
  const chain = await spawnDevchain(
    t,
    oneSubnetGenesis({ miners: minerUris, hyperparams: { commitRevealEnabled: true, revealPeriodEpochs: 1 } }),
  );
  const miners = await Promise.all([
    spawnMiner(t, { hotkeyUri: '//Bob', behaviour: 'good' }),
    spawnMiner(t, { hotkeyUri: '//Charlie', behaviour: 'uniform' }),
  ]);
  const client = await connectChain({ endpoint: chain.url });
  t.teardown(() => client.close());
  // Manual seal: a block every 250 ms; the ticker can hold the chain still.
  const ticker = startBlockTicker(t, chain.newBlocks, 250);
  await serveMinerAxons(client, miners, minerUris);
  const eve = kr.addFromUri('//Eve');
  const dataDir = await mkdtemp(join(tmpdir(), 'arena-vcr-'));
  t.teardown(() => rm(dataDir, { recursive: true, force: true }));
  const config = loadValidatorConfig({
    file: {
      dataDir,
      netuid: 1,
      chainEndpoint: chain.url,
      http: { port: -1 },
      scoring: { batchSize: 64, roundLengthBlocks: 2, queryDeadlineMs: 5000, pollIntervalMs: 100, minAvailability: 0 },
    },
  });
  const chainCommits = async (): Promise<Array<[string, number, number, number]>> =>
    ((await client.api.query.subtensorModule!.weightCommits!(1, eve.address)).toPrimitive() ?? []) as Array<
      [string, number, number, number]
    >;
  ticker.holdWhile(async () => (await chainCommits()).length > 0);
  const v = await startValidator(config, { hotkey: eve, client });
  t.teardown(() => v.stop());

  const q = client.api.query.subtensorModule!;
  const uidOf = async (uri: string): Promise<number> => Number((await q.uids!(1, kr.addFromUri(uri).address)).toPrimitive());
  const [vUid, good, uniform] = [await uidOf('//Eve'), await uidOf('//Bob'), await uidOf('//Charlie')];
  const statePending = async (): Promise<PendingCommit[]> => {
    const text = await readFile(join(dataDir, STATE_FILE), 'utf8').catch(() => undefined);
    return text === undefined ? [] : (JSON.parse(text) as { pendingCommits: PendingCommit[] }).pendingCommits;
  };
  const weightsOnChain = async (): Promise<Map<number, number>> =>
    new Map(((await q.weights!(1, vUid)).toPrimitive() as Array<[number, number]>).map(([d, w]) => [d, w]));

  // 1. The commit: on chain and on disk (salt included), no Weights row yet. The plan is on disk before the
  // commit is sent (so a crash cannot lose its salt); wait for it as recorded after inclusion (the chain's block).
  // The ticker holds the chain at the block the first commit lands in (read from the chain, set before the
  // validator starts), whatever the epoch phase: a reveal can be included only in a later block.
  let held: { hash: string; commitBlock: number } | undefined;
  await until('a pending commit on chain and recorded on disk', async () => {
    const [c] = await chainCommits();
    held = c === undefined ? undefined : { hash: c[0], commitBlock: c[2] };
    const h = held;
    return h !== undefined && (await statePending()).some((p) => p.hash === h.hash && p.commitBlock === h.commitBlock);
  });
  await ticker.pause();
  ticker.holdWhile(undefined);
  const pending = (await statePending()).find((p) => p.hash === held!.hash);
  const onChain = await chainCommits();
  const mine = onChain.find(([hash]) => hash === pending!.hash);
  t.truthy(mine, `WeightCommits holds the validator's commit ${pending!.hash}: ${JSON.stringify(onChain)}`);
  t.is(mine![1], pending!.commitEpoch, 'the validator recorded the epoch the chain counted the commit in');
  t.is(pending!.revealEpoch, pending!.commitEpoch + 1);
  t.is(pending!.salt.length, 8);
  t.is((await weightsOnChain()).size, 0, 'no weights before the reveal (set_weights is not used)');
  t.is(v.status().pendingCommits, 1);
  ticker.resume();

  // 2. The reveal: the Weights row equals the committed values after max-upscale; the commit is gone.
  await until('weights revealed on chain', async () => (await weightsOnChain()).size > 0);
  const revealed = await weightsOnChain();
  const expected = maxUpscale(pending!.weights);
  for (const [i, uid] of pending!.uids.entries())
    t.true(Math.abs((revealed.get(uid) ?? -1) - expected[i]!) <= 1, `uid ${uid}: ${revealed.get(uid)} vs ${expected[i]}`);
  t.true((revealed.get(good) ?? 0) > (revealed.get(uniform) ?? 0), `weights ${JSON.stringify([...revealed])}`);
  t.false(
    (await chainCommits()).some(([hash]) => hash === pending!.hash),
    'the revealed commit left WeightCommits',
  );

  // 3. After an epoch with the revealed weights, the better miner has the larger incentive.
  const incentive = async (): Promise<number[]> => (await q.incentive!(1)).toPrimitive() as number[];
  await until('incentive after an epoch', async () => ((await incentive())[good] ?? 0) > 0);
  const inc = await incentive();
  t.true(inc[good]! > (inc[uniform] ?? 0), `incentive ${JSON.stringify(inc)}`);
});

test.serial(
  'at the last block of an epoch, the view and the recorded commit epoch follow the chain (epoch fires in the inclusion block)',
  async (t) => {
    await cryptoWaitReady();
    const kr = new Keyring({ type: 'sr25519' });
    const chain = await spawnDevchain(
      t,
      oneSubnetGenesis({
        miners: ['//Bob'],
        hyperparams: { tempo: 5, commitRevealEnabled: true, revealPeriodEpochs: 1, activityCutoff: undefined },
        allowLoopbackAxons: false,
      }),
    );
    const client = await connectChain({ endpoint: chain.url });
    t.teardown(() => client.close());
    const eve = kr.addFromUri('//Eve');
    const q = client.api.query.subtensorModule!;
    const num = async (item: string): Promise<number> => Number((await q[item]!(1)).toPrimitive());
    const view = new SubtensorChainView({ client, netuid: 1, ownHotkey: eve.address });
    const setter = new ChainWeightSetter({ client, netuid: 1, hotkey: eve, timeoutMs: 20_000 });
    await chain.newBlocks(1);
    // Walk to the last block before the next epoch fires (LastEpochBlock + tempo - 1).
    for (let i = 0; i < 20; i++) {
      const head = (await client.api.rpc.chain.getHeader()).number.toNumber();
      if (head + 1 - (await num('lastEpochBlock')) >= 5) break;
      await chain.newBlocks(1);
    }
    const snap = await view.snapshot();
    const indexNow = await num('subnetEpochIndex');
    t.is(snap.epochIndex, indexNow + 1, 'the next block fires an epoch, so a commit sent now is counted in the next epoch');
    const plan = planCommit({
      hotkey: eve.address,
      netuid: 1,
      uids: [1],
      weights: [65535],
      versionKey: 0n,
      commitBlock: snap.block,
      commitEpoch: snap.epochIndex,
      revealPeriodEpochs: 1,
    });
    const sent = setter.commitWeights(plan.hash);
    // Seal exactly one block once the commit is in the pool: it lands in block + 1.
    for (let i = 0; i < 100 && (await client.api.rpc.author.pendingExtrinsics()).length === 0; i++)
      await new Promise((r) => setTimeout(r, 50));
    await chain.newBlocks(1);
    const r = await sent;
    t.true(r.ok, JSON.stringify(r));
    if (!r.ok) return;
    t.is(r.block, snap.block + 1);
    const rows = (await q.weightCommits!(1, eve.address)).toPrimitive() as Array<[string, number, number, number]>;
    t.is(r.commitEpoch, rows[0]![1], 'the setter read the epoch the chain recorded');
    t.is(r.commitEpoch, snap.epochIndex, 'and the view predicted it');
    t.is(r.commitEpoch ?? -1, indexNow + 1, 'the index at the commit-time head alone would have been one too low');
  },
);

test.serial(
  'reveals the pool refuses come back as the errors they stand for: no commit is NoWeightsCommitFound (final), a reveal before its epoch RevealTooEarly',
  async (t) => {
    await cryptoWaitReady();
    const kr = new Keyring({ type: 'sr25519' });
    const chain = await spawnDevchain(
      t,
      oneSubnetGenesis({ miners: ['//Bob'], hyperparams: { commitRevealEnabled: true, revealPeriodEpochs: 1 }, allowLoopbackAxons: false }),
    );
    const client = await connectChain({ endpoint: chain.url });
    t.teardown(() => client.close());
    const eve = kr.addFromUri('//Eve');
    const setter = new ChainWeightSetter({ client, netuid: 1, hotkey: eve, timeoutMs: 20_000 });
    await chain.newBlocks(1);
    // Seals a block whenever something waits in the pool, so an accepted extrinsic is included (manual seal).
    const sealWhilePending = async (p: Promise<unknown>): Promise<void> => {
      let done = false;
      void p.finally(() => {
        done = true;
      });
      for (let i = 0; i < 200 && !done; i++) {
        if ((await client.api.rpc.author.pendingExtrinsics()).length > 0) await chain.newBlocks(1);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const salt = [1, 2, 3, 4, 5, 6, 7, 8];
    // A reveal with no commit on chain (e.g. revealed before a crash, or never landed): the pool refuses it.
    const none = setter.revealWeights([1], [65535], salt, 0n);
    await sealWhilePending(none);
    t.like(await none, { ok: false, code: 'NoWeightsCommitFound' });
    const plan = planCommit({
      hotkey: eve.address,
      netuid: 1,
      uids: [1],
      weights: [65535],
      versionKey: 0n,
      commitBlock: 0,
      commitEpoch: 0,
      revealPeriodEpochs: 1,
      salt,
    });
    const sent = setter.commitWeights(plan.hash);
    await sealWhilePending(sent);
    t.like(await sent, { ok: true });
    const early = setter.revealWeights(plan.uids, plan.weights, plan.salt, 0n);
    await sealWhilePending(early);
    t.like(await early, { ok: false, code: 'RevealTooEarly' });
  },
);
