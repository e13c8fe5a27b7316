/**
 * Fuzz surfaces of the devchain's JSON-RPC server, over a real `arena devchain` process: random and
 * mutated requests, batches and raw frames over WebSocket and HTTP. Every reply must be a JSON-RPC
 * answer with a documented error code (never -32603 Internal error, never a dropped socket), each case
 * within its deadline, the process's memory bounded, and a legitimate client served afterwards.
 */
import fc from 'fast-check';
import { startDevchainProcess, type DevchainProcess } from '../../../test/_helpers/devchain.ts';
import {
  assertBoundedRss,
  checkProperty,
  FuzzFailure,
  Tally,
  watchRss,
  type FuzzOptions,
  type FuzzSurface,
} from '../../../test/fuzz/surface.ts';
import { httpPost, judgeBody, WsProbe } from './rpc-probe.ts';

const SUBNET_CONFIG = new URL('../../../configs/devchain/subnet.json', import.meta.url).pathname;
const DEV_ADDRESSES = ['5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY', '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty'];

/** Starts a devchain with a subnet (so storage is not empty), in memory, blocks on demand. */
export async function startFuzzDevchain(): Promise<DevchainProcess> {
  const { readFileSync } = await import('node:fs');
  const config = { ...(JSON.parse(readFileSync(SUBNET_CONFIG, 'utf8')) as Record<string, unknown>), port: 0 };
  return startDevchainProcess({ config, args: ['--tmp', '--manual-seal'], env: { ARENA_DEVCHAIN_MAX_PAYLOAD_BYTES: String(1 << 20) } });
}

/** The RPC method names the node lists (dev_* excluded: they produce blocks on request, a test-only power). */
async function methodNames(chain: DevchainProcess): Promise<string[]> {
  const r = await httpPost(chain.httpUrl, JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'rpc_methods', params: [] }));
  const methods = (r.json as { result: { methods: string[] } }).result.methods;
  return methods.filter((m) => !m.startsWith('dev_'));
}

const hexBytes = (max: number): fc.Arbitrary<string> => fc.uint8Array({ maxLength: max }).map((b) => `0x${Buffer.from(b).toString('hex')}`);

/** One parameter: any JSON, hex of any length, a 32-byte hash, an address, a number at an edge. */
function paramArb(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    hexBytes(80),
    hexBytes(32).map((h) => h.padEnd(66, '0')),
    fc.constantFrom(...DEV_ADDRESSES, 'not-an-address', '0x', '0x0', 'latest', null),
    fc.constantFrom(-1, 0, 2 ** 32, 2 ** 53, Number.MAX_SAFE_INTEGER, 1e308, -0),
    fc.record({ count: fc.integer({ min: -5, max: 20 }) }),
  );
}

/** One request object: method from the node's list or random; id, jsonrpc and params sometimes wrong. */
function requestArb(methods: string[]): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(
    {
      jsonrpc: fc.oneof({ weight: 9, arbitrary: fc.constant('2.0') }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) }),
      id: fc.oneof(
        { weight: 8, arbitrary: fc.nat() },
        { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
        { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) },
      ),
      method: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...methods) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }),
      params: fc.oneof(
        { weight: 9, arbitrary: fc.array(paramArb(), { maxLength: 4 }) },
        { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
      ),
    },
    { requiredKeys: ['method'] },
  );
}

/** A whole frame: one request, a batch, random text, or a request text cut or with one character replaced. */
export function frameArb(methods: string[]): fc.Arbitrary<string> {
  const req = requestArb(methods);
  return fc.oneof(
    { weight: 6, arbitrary: req.map((r) => JSON.stringify(r)) },
    {
      weight: 2,
      arbitrary: fc.array(fc.oneof(req, fc.jsonValue({ maxDepth: 1 })), { minLength: 0, maxLength: 12 }).map((b) => JSON.stringify(b)),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 60, unit: 'binary' }) },
    {
      weight: 1,
      arbitrary: fc.tuple(req, fc.nat(), fc.string({ minLength: 1, maxLength: 1 })).map(([r, at, ch]) => {
        const s = JSON.stringify(r);
        const i = at % (s.length + 1);
        return s.slice(0, i) + ch + s.slice(i + 1);
      }),
    },
  );
}

/** A legitimate client after the attack: a fresh WebSocket and an HTTP call both read the head. */
export async function assertStillServing(surface: string, o: FuzzOptions, chain: DevchainProcess): Promise<void> {
  const probe = await WsProbe.open(chain.url);
  try {
    const ws = await probe.request('chain_getHeader', []);
    const http = await httpPost(chain.httpUrl, JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'chain_getHeader', params: [] }));
    const ok = (v: unknown): boolean => typeof (v as { result?: { number?: unknown } })?.result?.number === 'string';
    if (!ok(ws) || !ok(http.json))
      throw new FuzzFailure(
        surface,
        o.seed,
        undefined,
        `a legitimate client was not served after the run: ws ${JSON.stringify(ws)}, http ${http.text.slice(0, 200)}`,
      );
  } finally {
    probe.close();
  }
}

async function withChain<T>(fn: (chain: DevchainProcess) => Promise<T>): Promise<T> {
  const chain = await startFuzzDevchain();
  try {
    return await fn(chain);
  } finally {
    chain.child.kill('SIGKILL');
    await chain.exited;
  }
}

const wsSurface: FuzzSurface = {
  name: 'devchain.rpc.ws',
  run: (o) =>
    withChain(async (chain) => {
      const started = Date.now();
      const methods = await methodNames(chain);
      const probe = await WsProbe.open(chain.url);
      const tally = new Tally();
      const rss = watchRss(chain.child.pid!);
      try {
        await checkProperty(
          'devchain.rpc.ws',
          fc.asyncProperty(frameArb(methods), async (frame) => {
            const replies = await probe.send(frame);
            for (const r of replies) {
              const j = judgeBody(r);
              for (const l of j.labels) tally.add(l);
              if (j.problem !== null) throw new Error(`${j.problem} for frame ${frame.slice(0, 300)}`);
            }
          }),
          o,
        );
      } finally {
        probe.close();
      }
      const mem = rss.stop();
      assertBoundedRss('devchain.rpc.ws', o, mem, 150);
      await assertStillServing('devchain.rpc.ws', o, chain);
      return { surface: 'devchain.rpc.ws', runs: o.numRuns, seed: o.seed, ms: Date.now() - started, rss: mem, outcomes: tally.counts };
    }),
};

const httpSurface: FuzzSurface = {
  name: 'devchain.rpc.http',
  run: (o) =>
    withChain(async (chain) => {
      const started = Date.now();
      const methods = await methodNames(chain);
      const tally = new Tally();
      const rss = watchRss(chain.child.pid!);
      await checkProperty(
        'devchain.rpc.http',
        fc.asyncProperty(frameArb(methods), async (frame) => {
          const r = await httpPost(chain.httpUrl, frame);
          tally.add(`http ${r.status}`);
          if (r.status !== 200 && r.status !== 204) throw new Error(`HTTP ${r.status} for frame ${frame.slice(0, 300)}`);
          if (r.json === null) return; // notifications only: nothing to answer
          const j = judgeBody(r.json);
          for (const l of j.labels) tally.add(l);
          if (j.problem !== null) throw new Error(`${j.problem} for frame ${frame.slice(0, 300)}`);
        }),
        o,
      );
      const mem = rss.stop();
      assertBoundedRss('devchain.rpc.http', o, mem, 150);
      await assertStillServing('devchain.rpc.http', o, chain);
      return { surface: 'devchain.rpc.http', runs: o.numRuns, seed: o.seed, ms: Date.now() - started, rss: mem, outcomes: tally.counts };
    }),
};

export const surfaces: FuzzSurface[] = [wsSurface, httpSurface];
export { withChain };
