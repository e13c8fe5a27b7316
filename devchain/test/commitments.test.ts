import test from 'ava';
import { u8aToHex } from '@polkadot/util';
import { startChain, exec, key } from './_helpers/subtensor.ts';

const alice = key('//Alice');
const v1 = key('//Bob//v1');
const m = key('//Charlie//m');
const outsider = key('//Dave'); // funded, registered nowhere

const genesis = () => ({
  subnets: [
    {
      netuid: 1,
      owner: '//Alice',
      hyperparams: { tempo: 100, commitRevealEnabled: false, minAllowedWeights: 1 },
      neurons: [
        { hotkey: '//Bob//v1', coldkey: '//Bob', stake: 100, validatorPermit: true },
        { hotkey: '//Charlie//m', coldkey: '//Charlie' },
      ],
    },
  ],
});

const sha = (byte: number): `0x${string}` => u8aToHex(new Uint8Array(32).fill(byte));

test('set_commitment by a registered hotkey: CommitmentOf, LastCommitment and the event, also read at a past block', async (t) => {
  const chain = await startChain(t, genesis());
  const { api } = chain;
  const tx = api.tx.commitments.setCommitment(1, { fields: [{ Sha256: sha(0xab) }] });
  t.is(tx.method.section, 'commitments');
  t.is(tx.method.callIndex[0], 18);
  t.is(tx.method.callIndex[1], 0);
  const first = await exec(chain, tx, m);
  t.true(first.ok, first.error);
  t.true(first.events.includes('commitments.Commitment'));
  const header = await api.rpc.chain.getHeader(first.blockHash);
  const firstBlock = header.number.toNumber();
  const stored = await api.query.commitments.commitmentOf(1, m.address);
  t.true(stored.isSome);
  const reg = stored.unwrap();
  t.is(reg.block.toNumber(), firstBlock);
  t.is(reg.deposit.toString(), '0');
  t.is(reg.info.fields.length, 1);
  t.true(reg.info.fields[0]!.isSha256);
  t.is(reg.info.fields[0]!.asSha256.toHex(), sha(0xab));
  t.is((await api.query.commitments.lastCommitment(1, m.address)).unwrap().toNumber(), firstBlock);

  // A second commitment (raw bytes) replaces the first; the first stays readable at its block.
  const second = await exec(chain, api.tx.commitments.setCommitment(1, { fields: [{ Raw5: '0x68656c6c6f' }, { Keccak256: sha(1) }] }), m);
  t.true(second.ok, second.error);
  const now = (await api.query.commitments.commitmentOf(1, m.address)).unwrap();
  t.true(now.info.fields[0]!.isRaw5);
  t.is(now.info.fields[0]!.asRaw5.toHex(), '0x68656c6c6f');
  t.true(now.info.fields[1]!.isKeccak256);
  const past = await (await api.at(first.blockHash)).query.commitments.commitmentOf(1, m.address);
  t.is(past.unwrap().info.fields[0]!.asSha256.toHex(), sha(0xab));
  const entries = await api.query.commitments.commitmentOf.entries(1);
  t.is(entries.length, 1);
  t.is(api.consts.commitments.maxFields.toNumber(), 3);
  // The stored bytes are upstream's encoding: deposit u64, block u32, compact length, Raw5 = 6 ++ 5 bytes, Keccak256 = 132 ++ hash.
  const raw = await api.rpc.state.getStorage(api.query.commitments.commitmentOf.key(1, m.address));
  const bytes = (raw as unknown as { unwrap(): { toU8a(bare: boolean): Uint8Array } }).unwrap().toU8a(true);
  t.deepEqual([...bytes.slice(12, 15)], [2 << 2, 6, 0x68]);
  t.is(bytes[19], 132);

  // A timelocked field: TimelockCommitment event and an entry in TimelockedIndex (never revealed: no drand).
  const tl = await exec(
    chain,
    api.tx.commitments.setCommitment(1, { fields: [{ TimelockEncrypted: { encrypted: '0x010203', revealRound: 77 } }] }),
    m,
  );
  t.true(tl.ok, tl.error);
  t.true(tl.events.includes('commitments.TimelockCommitment'));
  const index = await api.query.commitments.timelockedIndex();
  t.deepEqual(
    index.map(([n, a]) => [n.toNumber(), a.toString()]),
    [[1, m.address]],
  );
  t.true((await exec(chain, api.tx.commitments.setCommitment(1, { fields: [{ Sha256: sha(2) }] }), m)).ok);
  t.is((await api.query.commitments.timelockedIndex()).length, 0);
});

test('set_commitment refusals: unregistered signer, too many fields, space limit per epoch', async (t) => {
  const chain = await startChain(t, genesis());
  const { api } = chain;
  t.is(
    (await exec(chain, api.tx.commitments.setCommitment(1, { fields: [{ Sha256: sha(1) }] }), outsider)).error,
    'commitments.AccountNotAllowedCommit',
  );
  t.is(
    (await exec(chain, api.tx.commitments.setCommitment(2, { fields: [{ Sha256: sha(1) }] }), m)).error,
    'commitments.AccountNotAllowedCommit',
  );
  const four = api.tx.commitments.setCommitment(1, {
    fields: [{ Sha256: sha(1) }, { Sha256: sha(2) }, { Sha256: sha(3) }, { Sha256: sha(4) }],
  });
  const refused = await t.throwsAsync(four.signAndSend(m, { nonce: await api.rpc.system.accountNextIndex(m.address) }));
  t.regex(refused!.message, /at most 3/);
  // Each call costs max(100, bytes): 31 calls of one 32-byte hash use 3100 bytes; the 32nd exceeds MaxSpace.
  for (let i = 0; i < 31; i++) {
    const r = await exec(chain, api.tx.commitments.setCommitment(1, { fields: [{ Sha256: sha(i) }] }), v1);
    t.true(r.ok, `call ${i}: ${r.error}`);
  }
  const usage = (await api.query.commitments.usedSpaceOf(1, v1.address)).unwrap();
  t.is(usage.usedSpace.toNumber(), 3100);
  t.is(
    (await exec(chain, api.tx.commitments.setCommitment(1, { fields: [{ Sha256: sha(99) }] }), v1)).error,
    'commitments.SpaceLimitExceeded',
  );
  // Root raises the limit (set_max_space), and the next call fits.
  t.true((await exec(chain, api.tx.sudo.sudo(api.tx.commitments.setMaxSpace(3200)), alice)).ok);
  t.true((await exec(chain, api.tx.commitments.setCommitment(1, { fields: [{ Sha256: sha(99) }] }), v1)).ok);
  t.is((await exec(chain, api.tx.commitments.setMaxSpace(1), outsider)).error, 'BadOrigin');
});

test('a ResetBondsFlag commitment removes the signer from every bond row when BondsResetOn', async (t) => {
  const chain = await startChain(t, genesis());
  const { api } = chain;
  t.true((await exec(chain, api.tx.sudo.sudo(api.tx.adminUtils.sudoSetBondsResetEnabled(1, true)), alice)).ok);
  t.true((await api.query.subtensorModule.bondsResetOn(1)).isTrue);
  // Bonds are seeded through an epoch: the validator weights the miner, then the epoch runs.
  t.true((await exec(chain, api.tx.subtensorModule.setWeights(1, [1], [65535], 0), v1)).ok);
  t.true((await exec(chain, api.tx.sudo.sudo(api.tx.adminUtils.sudoSetTempo(1, 1)), alice)).ok);
  await chain.newBlocks(3);
  const before = await api.query.subtensorModule.bonds(1, 0);
  t.true(
    before.some(([j]) => j.toNumber() === 1),
    `bond row of uid 0 before: ${before.toString()}`,
  );
  const r = await exec(chain, api.tx.commitments.setCommitment(1, { fields: [{ ResetBondsFlag: null }] }), m);
  t.true(r.ok, r.error);
  const after = await api.query.subtensorModule.bonds(1, 0);
  t.false(
    after.some(([j]) => j.toNumber() === 1),
    `bond row of uid 0 after: ${after.toString()}`,
  );
  t.true((await api.query.commitments.lastBondsReset(1, m.address)).isSome);
});
