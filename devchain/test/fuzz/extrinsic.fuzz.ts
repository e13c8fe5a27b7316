/**
 * Fuzz surfaces of the devchain's extrinsic and call decoding, and of its metadata, over a real process:
 * - `devchain.extrinsic`: random bytes and mutated valid signed extrinsics to author_submitExtrinsic;
 * - `devchain.call-args`: correctly signed extrinsics whose call is a real (pallet, call) index followed by
 *   random argument bytes, so decoding and dispatch of call arguments are reached; blocks are produced
 *   every 100 cases so accepted calls also execute;
 * - `devchain.metadata`: metadata at random versions and storage read under random prefixes; every value
 *   decodes with the metadata's own type and re-encodes to the same bytes (pedantic round trip).
 * Every reply must be a result or a documented error; the node then includes a legitimate transfer.
 */
import '@polkadot/api-augment';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { Metadata } from '@polkadot/types';
import { unwrapStorageType } from '@polkadot/types/util';
import { compactToU8a, u8aConcat, u8aToHex, hexToU8a } from '@polkadot/util';
import { blake2AsU8a, cryptoWaitReady } from '@polkadot/util-crypto';
import fc from 'fast-check';
import type { DevchainProcess } from '../../../test/_helpers/devchain.ts';
import {
  assertBoundedRss,
  checkProperty,
  FuzzFailure,
  Tally,
  watchRss,
  type FuzzOptions,
  type FuzzSurface,
  type SurfaceResult,
} from '../../../test/fuzz/surface.ts';
import { judgeReply, WsProbe } from './rpc-probe.ts';
import { startFuzzDevchain } from './rpc.fuzz.ts';

interface Target {
  chain: DevchainProcess;
  api: ApiPromise;
  probe: WsProbe;
  keys: Record<'alice' | 'bob' | 'eve', KeyringPair>;
}

async function withTarget(fn: (t: Target) => Promise<SurfaceResult>): Promise<SurfaceResult> {
  await cryptoWaitReady();
  const chain = await startFuzzDevchain();
  const provider = new WsProvider(chain.url, false);
  let api: ApiPromise | undefined;
  let probe: WsProbe | undefined;
  try {
    await provider.connect();
    api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
    probe = await WsProbe.open(chain.url);
    const k = new Keyring({ type: 'sr25519', ss58Format: 42 });
    return await fn({
      chain,
      api,
      probe,
      keys: { alice: k.addFromUri('//Alice'), bob: k.addFromUri('//Bob'), eve: k.addFromUri('//Eve') },
    });
  } finally {
    probe?.close();
    await api?.disconnect().catch(() => undefined);
    chain.child.kill('SIGKILL');
    await chain.exited;
  }
}

async function rpc(
  probe: WsProbe,
  method: string,
  params: unknown[],
): Promise<{ result?: unknown; error?: { code: number; message: string; data?: unknown } }> {
  const own = await probe.request(method, params);
  const j = judgeReply(own);
  if (j.problem !== null) throw new Error(`${method}: ${j.problem}`);
  return own as { result?: unknown; error?: { code: number; message: string } };
}

/** A legitimate transfer from Bob is accepted and included in the next block. */
async function assertTransferIncluded(surface: string, o: FuzzOptions, t: Target): Promise<void> {
  const nonce = await t.api.rpc.system.accountNextIndex(t.keys.bob.address);
  const tx = await t.api.tx.balances.transferKeepAlive(t.keys.alice.address, 1_000_000_000n).signAsync(t.keys.bob, { nonce });
  const r = await rpc(t.probe, 'author_submitExtrinsic', [tx.toHex()]);
  await t.chain.newBlocks(1);
  const after = await t.api.rpc.system.accountNextIndex(t.keys.bob.address);
  const block = await t.api.rpc.chain.getBlock();
  const included = block.block.extrinsics.some((x) => x.hash.toHex() === tx.hash.toHex());
  if (r.error !== undefined || after.toNumber() !== nonce.toNumber() + 1 || !included) {
    throw new FuzzFailure(
      surface,
      o.seed,
      undefined,
      `a legitimate transfer was not included after the run: ${JSON.stringify(r)}, nonce ${nonce} -> ${after}`,
    );
  }
}

type Mutation =
  | { kind: 'flip'; at: number; xor: number }
  | { kind: 'cut'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'prefix'; len: number };
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
  fc.record({ kind: fc.constant('prefix' as const), len: fc.oneof(fc.nat(300), fc.constant(2 ** 30 - 1), fc.constant(2 ** 32 - 1)) }),
);

function mutate(bytes: Uint8Array, ms: Mutation[]): Uint8Array {
  let b: Uint8Array = Uint8Array.from(bytes);
  for (const m of ms) {
    const at = b.length === 0 ? 0 : 'at' in m ? m.at % (b.length + 1) : 0;
    if (m.kind === 'flip' && b.length > 0) {
      const i = Math.min(at, b.length - 1);
      b[i] = b[i]! ^ m.xor;
    } else if (m.kind === 'cut') b = b.subarray(0, at);
    else if (m.kind === 'insert') b = u8aConcat(b.subarray(0, at), m.bytes, b.subarray(at));
    else if (m.kind === 'prefix') b = u8aConcat(compactToU8a(m.len), b.subarray(b.length > 0 ? 1 : 0));
  }
  return b;
}

/** Submits bytes as an extrinsic; the reply must be a hash or a documented refusal. Returns the outcome label. */
async function submitJudged(probe: WsProbe, bytes: Uint8Array): Promise<string> {
  const reply = await probe.request('author_submitExtrinsic', [u8aToHex(bytes)]);
  const j = judgeReply(reply);
  if (j.problem !== null) throw new Error(j.problem);
  return j.label;
}

const extrinsicSurface: FuzzSurface = {
  name: 'devchain.extrinsic',
  run: (o) =>
    withTarget(async (t) => {
      const started = Date.now();
      const { api, keys } = t;
      const valid = [
        await api.tx.balances.transferKeepAlive(keys.bob.address, 1_000_000n).signAsync(keys.eve, { nonce: 0 }),
        await api.tx.system.remark(`0x${'07'.repeat(300)}`).signAsync(keys.eve, { nonce: 0 }),
        await api.tx.subtensorModule.setWeights(1, [0, 1], [65535, 1], 0).signAsync(keys.eve, { nonce: 0 }),
        await api.tx.utility
          .batch([api.tx.system.remark('0x01'), api.tx.balances.transferAllowDeath(keys.bob.address, 1n)])
          .signAsync(keys.eve, { nonce: 0, tip: 5 }),
      ].map((x) => x.toU8a());
      const input = fc.oneof(
        { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }) },
        {
          weight: 3,
          arbitrary: fc
            .tuple(fc.constantFrom(...valid), fc.array(mutationArb, { minLength: 1, maxLength: 4 }))
            .map(([b, ms]) => mutate(b, ms)),
        },
      );
      const tally = new Tally();
      const rss = watchRss(t.chain.child.pid!);
      await checkProperty(
        'devchain.extrinsic',
        fc.asyncProperty(input, async (bytes) => {
          tally.add(await submitJudged(t.probe, bytes));
        }),
        o,
      );
      const mem = rss.stop();
      assertBoundedRss('devchain.extrinsic', o, mem, 150);
      await assertTransferIncluded('devchain.extrinsic', o, t);
      return { surface: 'devchain.extrinsic', runs: o.numRuns, seed: o.seed, ms: Date.now() - started, rss: mem, outcomes: tally.counts };
    }),
};

/** Signs `call` as Eve with `nonce` (immortal, no tip) exactly as the devchain's signed extensions expect. */
function signedWithCall(api: ApiPromise, eve: KeyringPair, call: Uint8Array, nonce: number): Uint8Array {
  const extra = u8aConcat(Uint8Array.of(0), compactToU8a(nonce), compactToU8a(0), Uint8Array.of(0)); // era, nonce, tip, metadata-hash mode
  const u32 = (n: number): Uint8Array => {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, n, true);
    return b;
  };
  const genesis = api.genesisHash.toU8a();
  let payload = u8aConcat(
    call,
    extra,
    u32(api.runtimeVersion.specVersion.toNumber()),
    u32(api.runtimeVersion.transactionVersion.toNumber()),
    genesis,
    genesis,
    Uint8Array.of(0),
  );
  if (payload.length > 256) payload = blake2AsU8a(payload, 256);
  const body = u8aConcat(Uint8Array.of(0x84, 0x00), eve.publicKey, Uint8Array.of(0x01), eve.sign(payload), extra, call);
  return u8aConcat(compactToU8a(body.length), body);
}

/** Every (pallet index, call index) pair of the metadata. */
function callIndices(api: ApiPromise): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const section of Object.values(api.tx)) {
    for (const fn of Object.values(section)) {
      const idx = (fn as { callIndex?: Uint8Array }).callIndex;
      if (idx instanceof Uint8Array) out.push(idx);
    }
  }
  return out;
}

const callArgsSurface: FuzzSurface = {
  name: 'devchain.call-args',
  run: (o) =>
    withTarget(async (t) => {
      const started = Date.now();
      const { api, keys } = t;
      // The hand-built signing matches polkadot.js's: a remark signed both ways must be accepted.
      const probeNonce = (await api.rpc.system.accountNextIndex(keys.eve.address)).toNumber();
      const check = await submitJudged(t.probe, signedWithCall(api, keys.eve, api.tx.system.remark('0x01').method.toU8a(), probeNonce));
      if (check !== 'result')
        throw new Error(`the hand-signed remark was refused (${check}): the fuzz signer does not match the chain's signed extensions`);
      let nonce = probeNonce + 1;
      const indices = callIndices(api);
      const hugeCompact = Uint8Array.of(0x13, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff);
      const args = fc.oneof(
        { weight: 4, arbitrary: fc.uint8Array({ maxLength: 120 }) },
        { weight: 1, arbitrary: fc.uint8Array({ maxLength: 40 }).map((b) => u8aConcat(hugeCompact, b)) },
        { weight: 1, arbitrary: fc.tuple(fc.nat(40), fc.uint8Array({ maxLength: 40 })).map(([n, b]) => u8aConcat(compactToU8a(n), b)) },
      );
      const call = fc.tuple(fc.constantFrom(...indices), args).map(([i, a]) => u8aConcat(i, a));
      const tally = new Tally();
      let cases = 0;
      const rss = watchRss(t.chain.child.pid!);
      await checkProperty(
        'devchain.call-args',
        fc.asyncProperty(call, async (c) => {
          const label = await submitJudged(t.probe, signedWithCall(api, keys.eve, c, nonce));
          tally.add(label);
          if (label === 'result') nonce++;
          if (++cases % 100 === 0) await t.chain.newBlocks(1);
          if (label === 'code 1010' && cases % 50 === 0) nonce = (await api.rpc.system.accountNextIndex(keys.eve.address)).toNumber();
        }),
        o,
      );
      await t.chain.newBlocks(1);
      const mem = rss.stop();
      assertBoundedRss('devchain.call-args', o, mem, 200);
      await assertTransferIncluded('devchain.call-args', o, t);
      return {
        surface: 'devchain.call-args',
        runs: o.numRuns,
        seed: o.seed,
        ms: Date.now() - started,
        rss: mem,
        outcomes: { ...tally.counts, eveNonceAfter: nonce },
      };
    }),
};

/** Storage entries of the metadata: section.method, key prefix and value type name. */
function storageEntries(api: ApiPromise): { name: string; prefix: string; type: string }[] {
  const out: { name: string; prefix: string; type: string }[] = [];
  for (const [section, items] of Object.entries(api.query)) {
    for (const [method, fn] of Object.entries(items)) {
      const f = fn as unknown as {
        keyPrefix?: () => string;
        creator?: { meta: { type: Parameters<typeof unwrapStorageType>[1]; modifier: { isOptional: boolean } } };
      };
      if (f.keyPrefix === undefined || f.creator === undefined) continue;
      out.push({ name: `${section}.${method}`, prefix: f.keyPrefix(), type: unwrapStorageType(api.registry, f.creator.meta.type) });
    }
  }
  return out;
}

const metadataSurface: FuzzSurface = {
  name: 'devchain.metadata',
  run: (o) =>
    withTarget(async (t) => {
      const started = Date.now();
      const { api } = t;
      await t.chain.newBlocks(2);
      const entries = storageEntries(api);
      const seenMetadata = new Map<string, boolean>();
      const tally = new Tally();
      const u32 = (n: number): string => {
        const b = new Uint8Array(4);
        new DataView(b.buffer).setUint32(0, n >>> 0, true);
        return u8aToHex(b);
      };
      /** Metadata bytes decode and re-encode to the same bytes (checked once per distinct answer). */
      const roundTrip = (hex: string, opaque: boolean): void => {
        if (seenMetadata.has(hex)) return;
        const bytes = opaque ? api.registry.createType('Option<OpaqueMetadata>', hexToU8a(hex)).unwrap().toU8a(true) : hexToU8a(hex);
        const md = new Metadata(api.registry, bytes);
        const same = u8aToHex(md.toU8a()) === u8aToHex(bytes);
        seenMetadata.set(hex, same);
        if (!same)
          throw new Error(
            `metadata (${bytes.length} bytes, ${opaque ? 'at_version' : 'state_getMetadata'}) does not re-encode to the same bytes`,
          );
      };
      const input = fc.oneof(
        {
          weight: 1,
          arbitrary: fc.record({ kind: fc.constant('version' as const), v: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.nat()) }),
        },
        {
          weight: 8,
          arbitrary: fc.record({
            kind: fc.constant('keys' as const),
            entry: fc.nat(entries.length - 1),
            extra: fc.oneof(
              { weight: 3, arbitrary: fc.constant(new Uint8Array()) },
              { weight: 1, arbitrary: fc.uint8Array({ maxLength: 20 }) },
            ),
            count: fc.integer({ min: 0, max: 50 }),
          }),
        },
      );
      const rss = watchRss(t.chain.child.pid!);
      await checkProperty(
        'devchain.metadata',
        fc.asyncProperty(input, async (c) => {
          if (c.kind === 'version') {
            const r = await rpc(t.probe, 'state_call', ['Metadata_metadata_at_version', u32(c.v)]);
            tally.add(r.error ? `version code ${r.error.code}` : 'version result');
            if (typeof r.result === 'string') {
              const opt = api.registry.createType('Option<OpaqueMetadata>', hexToU8a(r.result));
              if (opt.isSome) roundTrip(r.result, true);
              if (opt.isSome !== (c.v === 14 || c.v === 15))
                throw new Error(`metadata at version ${c.v}: ${opt.isSome ? 'served' : 'none'}`);
            }
            return;
          }
          const e = entries[c.entry]!;
          const prefix = e.prefix + Buffer.from(c.extra).toString('hex');
          const r = await rpc(t.probe, 'state_getKeysPaged', [prefix, c.count, null]);
          if (r.error !== undefined) {
            tally.add(`keys code ${r.error.code}`);
            return;
          }
          const keys = r.result as string[];
          if (!Array.isArray(keys) || keys.length > c.count || keys.some((k) => !k.startsWith(prefix)))
            throw new Error(`state_getKeysPaged(${prefix}, ${c.count}) returned ${JSON.stringify(keys).slice(0, 300)}`);
          tally.add(keys.length > 0 ? 'keys found' : 'keys none');
          for (const k of keys.slice(0, 3)) {
            const v = await rpc(t.probe, 'state_getStorage', [k]);
            if (typeof v.result !== 'string') throw new Error(`state_getStorage(${k}) of a listed key returned ${JSON.stringify(v)}`);
            const value = api.registry.createTypeUnsafe(e.type, [hexToU8a(v.result)], { isPedantic: true });
            if (u8aToHex(value.toU8a()) !== v.result) throw new Error(`${e.name} value ${v.result} does not round-trip as ${e.type}`);
            tally.add('values round-tripped');
          }
        }),
        o,
      );
      const [v14] = await Promise.all([rpc(t.probe, 'state_getMetadata', [])]);
      roundTrip(v14.result as string, false);
      const mem = rss.stop();
      assertBoundedRss('devchain.metadata', o, mem, 150);
      await assertTransferIncluded('devchain.metadata', o, t);
      return {
        surface: 'devchain.metadata',
        runs: o.numRuns,
        seed: o.seed,
        ms: Date.now() - started,
        rss: mem,
        outcomes: { ...tally.counts, distinctMetadata: seenMetadata.size, storageEntries: entries.length },
      };
    }),
};

export const surfaces: FuzzSurface[] = [extrinsicSurface, callArgsSurface, metadataSurface];
