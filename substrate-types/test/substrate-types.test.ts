import test from 'ava';
import { readFileSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { arenaApiOptions } from '../src/index.ts';
import '../src/augment.ts';
import { fetchDevchainMetadata, SNAPSHOT } from '../scripts/typegen.ts';

const ARENA = fileURLToPath(new URL('../../cli/bin/arena.js', import.meta.url));

test('the committed metadata snapshot equals what a fresh devchain serves (run `npm run typegen` when this fails)', async (t) => {
  const committed = (JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as { result: string }).result;
  const fresh = await fetchDevchainMetadata();
  t.is(fresh, committed, 'substrate-types/metadata/devchain.json is stale: run `npm run typegen` and commit the result');
});

/** A provider that hides metadata V15 (answers Metadata_metadata_versions with [14]). */
class V14OnlyProvider extends WsProvider {
  override async send<T = unknown>(
    method: string,
    params: unknown[],
    isCacheable?: boolean,
    subscription?: Parameters<WsProvider['send']>[3],
  ): Promise<T> {
    if (method === 'state_call' && params[0] === 'Metadata_metadata_versions') return '0x040e000000' as T;
    return super.send<T>(method, params, isCacheable, subscription);
  }
}

async function spawnChain(t: import('ava').ExecutionContext): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'arena-types-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const cfg = join(dir, 'devchain.json');
  writeFileSync(
    cfg,
    JSON.stringify({
      genesis: {
        pallets: {
          SubtensorModule: {
            subnets: [
              {
                netuid: 1,
                owner: '//Alice',
                ownerHotkey: '//Alice//owner',
                hyperparams: { tempo: 10 },
                neurons: [
                  { hotkey: '//Bob//v', coldkey: '//Bob', stake: 12.5 },
                  { hotkey: '//Charlie//m', coldkey: '//Charlie' },
                ],
              },
            ],
          },
        },
      },
    }),
  );
  const child = spawn(
    process.execPath,
    [ARENA, 'devchain', '--config', cfg, '--tmp', '--manual-seal', '--port', '0', '--log-level', 'info'],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  t.teardown(async () => {
    if (child.exitCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  });
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('devchain did not start')), 30_000);
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /"msg":"devchain listening".*?"url":"(ws:[^"]+)"|"url":"(ws:[^"]+)".*?"msg":"devchain listening"/.exec(buf);
      if (m) {
        clearTimeout(timer);
        resolve((m[1] ?? m[2])!);
      }
    });
  });
}

for (const [label, Provider] of [
  ['metadata V15', WsProvider],
  ['metadata V14 only', V14OnlyProvider],
] as const) {
  test(`api.call.neuronInfoRuntimeApi.getNeuronsLite decodes with arenaApiOptions (${label})`, async (t) => {
    const url = await spawnChain(t);
    const provider = new Provider(url, false);
    await provider.connect();
    const api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true, ...arenaApiOptions });
    t.teardown(() => api.disconnect());
    const neurons = await api.call.neuronInfoRuntimeApi.getNeuronsLite(1);
    t.is(neurons.length, 3);
    const v = neurons[1]!;
    t.is(v.uid.toNumber(), 1);
    t.is(v.netuid.toNumber(), 1);
    t.is(v.stake[0]![1].toBigInt(), 12_500_000_000n);
    t.is(v.pruningScore.toNumber(), 65535);
    t.true(v.active.isTrue);
    const one = await api.call.neuronInfoRuntimeApi.getNeuronLite(1, 2);
    t.true(one.isSome);
    t.true((await api.call.neuronInfoRuntimeApi.getNeuronLite(1, 9)).isNone);
    const info = await api.call.subnetInfoRuntimeApi.getSubnetInfo(1);
    t.is(info.unwrap().tempo.toNumber(), 10);
    t.is(info.unwrap().subnetworkN.toNumber(), 3);
    const hp = await api.call.subnetInfoRuntimeApi.getSubnetHyperparamsV2(1);
    t.is(hp.unwrap().tempo.toNumber(), 10);
    // Legacy JSON-RPC: SCALE bytes as a JSON array of u8.
    const raw = (await provider.send('neuronInfo_getNeuronsLite', [1])) as number[];
    t.true(Array.isArray(raw) && raw.every((b) => Number.isInteger(b) && b >= 0 && b < 256));
    const decoded = api.createType('Vec<NeuronInfoLite>', Uint8Array.from(raw));
    t.is(decoded.length, 3);
    t.is(decoded[1]!.hotkey.toString(), neurons[1]!.hotkey.toString());
    const hpRaw = (await provider.send('subnetInfo_getSubnetHyperparams', [1])) as number[];
    t.is(api.createType('Option<SubnetHyperparams>', Uint8Array.from(hpRaw)).unwrap().tempo.toNumber(), 10);
    const siRaw = (await provider.send('subnetInfo_getSubnetInfo', [1])) as number[];
    t.is(api.createType('Option<SubnetInfo>', Uint8Array.from(siRaw)).unwrap().netuid.toNumber(), 1);
  });
}
