import test from 'ava';
import '@polkadot/api-augment';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { u8aToHex } from '@polkadot/util';
import { startDevchain } from '#devchain';
import {
  T,
  compact,
  definePallet,
  call,
  ensureSigned,
  errorList,
  InvalidTransaction,
  StorageDoubleMap,
  StorageValue,
  type Pallet,
} from '#devchain';
import { devKeys, sendAndWaitInBlock } from './_helpers/api.ts';

// A toy pallet written the way SubtensorModule will be: declarative description + dispatch functions.
const P = 'TestPallet';
const Storage = {
  Counter: new StorageValue<number>(P, 'Counter', T.u32, 0),
  Notes: new StorageDoubleMap<number, Uint8Array, bigint>(
    P,
    'Notes',
    ['Identity', 'Blake2_128Concat'],
    [T.u16, T.newtype('sp_core::crypto::AccountId32', T.array(32, T.u8))],
    T.u64,
    0n,
  ),
};
const TestPallet: Pallet = definePallet({
  name: P,
  index: 42,
  path: 'pallet_test',
  calls: [
    call<{ netuid: number; value: bigint }>({
      name: 'write_note',
      index: 0,
      args: [
        { name: 'netuid', type: T.u16 },
        { name: 'value', type: compact(T.u64) },
      ],
      pays: 'No',
      validate: (_ctx, a) => {
        if (a.value === 13n) throw new InvalidTransaction('Custom', 7);
      },
      dispatch: (ctx, a) => {
        const who = ensureSigned(ctx);
        if (a.value === 0n) throw TestPallet.error('ZeroNote');
        Storage.Notes.set(ctx.state, a.netuid, who, a.value);
        ctx.deposit(TestPallet.event('NoteWritten', { netuid: a.netuid, who, value: a.value }));
      },
    }),
  ],
  events: [
    {
      name: 'NoteWritten',
      index: 0,
      fields: [
        { name: 'netuid', type: T.u16 },
        { name: 'who', type: T.array(32, T.u8) },
        { name: 'value', type: T.u64 },
      ],
    },
  ],
  errors: errorList(['ZeroNote']),
  storage: Object.values(Storage),
  constants: [{ name: 'Answer', type: T.u16, value: 42 }],
  hooks: {
    onInitialize: (ctx) => {
      Storage.Counter.mutate(ctx.state, (n) => n + 1);
    },
    genesis: (ctx) => {
      Storage.Counter.set(ctx.state, (ctx.palletConfig as { start?: number } | undefined)?.start ?? 0);
    },
  },
  runtimeApis: [
    {
      name: 'TestApi',
      version: 1,
      methods: [
        {
          name: 'notes_of',
          inputs: [{ name: 'netuid', type: T.u16 }],
          output: T.vec(T.u64),
          handler: (ctx, [netuid]) => Storage.Notes.entriesOf(ctx.state, netuid as number).map(([, v]) => v),
        },
      ],
    },
  ],
  rpc: {
    test_counter: async (ctx, params) => Storage.Counter.get((await ctx.readAt(params[0] as string | undefined)).state),
  },
});

test('a pallet added declaratively gets metadata, calls, storage, events, errors, constants, hooks, runtime API and RPC', async (t) => {
  const node = await startDevchain({
    tmp: true,
    port: 0,
    manualSeal: true,
    pallets: [TestPallet],
    genesis: { pallets: { TestPallet: { start: 100 } } },
  });
  t.teardown(() => node.stop());
  const api = await ApiPromise.create({ provider: new WsProvider(node.url), noInitWarn: true });
  t.teardown(() => api.disconnect());
  const { alice } = devKeys();
  t.is(api.consts.testPallet!.answer!.toString(), '42');
  t.is((await api.query.testPallet!.counter!()).toString(), '100');

  // Blocks are produced on demand by the helper: run it with an interval-free node.
  const produce = (): Promise<unknown> => api.rpc('dev_newBlock' as never, { count: 1 } as never);
  const pending = sendAndWaitInBlock(api, api.tx.testPallet!.writeNote!(3, 99n), alice);
  await new Promise((r) => setTimeout(r, 200));
  await produce();
  const res = await pending;
  t.truthy(res.events.find(({ event }) => event.section === 'testPallet' && event.method === 'NoteWritten'));
  t.is((await api.query.testPallet!.notes!(3, alice.address)).toString(), '99');
  t.is((await api.query.testPallet!.counter!()).toString(), '101');
  const entries = await api.query.testPallet!.notes!.entries(3);
  t.is(entries.length, 1);

  const failing = sendAndWaitInBlock(api, api.tx.testPallet!.writeNote!(3, 0n), alice);
  await new Promise((r) => setTimeout(r, 200));
  await produce();
  const meta = api.registry.findMetaError((await failing).dispatchError!.asModule);
  t.is(`${meta.section}.${meta.name}`, 'testPallet.ZeroNote');

  const rejected = await t.throwsAsync(
    api.tx.testPallet!.writeNote!(3, 13n).signAndSend(alice, { nonce: await api.rpc.system.accountNextIndex(alice.address) }),
  );
  t.regex(rejected!.message, /Custom error: 7/);

  const out = await api.rpc.state.call('TestApi_notes_of', u8aToHex(api.createType('u16', 3).toU8a()));
  t.is(api.createType('Vec<u64>', out).toString(), '[99]');
  const reply = await fetch(node.httpUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'test_counter', params: [] }),
  });
  t.is(((await reply.json()) as { result: number }).result, 102);
  const methods = await api.rpc.rpc.methods();
  t.true(methods.methods.map(String).includes('test_counter'));
});
