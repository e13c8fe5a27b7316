/**
 * Pallets' custom JSON-RPC methods (neuronInfo_*, subnetInfo_*) answer bad parameters with -32602 Invalid
 * params, as the core methods do, not -32603 Internal error (found by `npm run fuzz -- --only devchain.rpc`).
 */
import test from 'ava';
import { spawnDevchain } from './_helpers/spawn.ts';

const METHODS = [
  'neuronInfo_getNeuronsLite',
  'neuronInfo_getNeuronLite',
  'neuronInfo_getNeurons',
  'neuronInfo_getNeuron',
  'subnetInfo_getSubnetInfo',
  'subnetInfo_getSubnetHyperparams',
  'subnetInfo_getSubnetHyperparamsV2',
];

test('pallet RPC methods refuse bad parameters with -32602 and still answer good ones', async (t) => {
  const node = await spawnDevchain(t, ['--tmp', '--manual-seal']);
  const call = async (method: string, params: unknown[]): Promise<{ result?: unknown; error?: { code: number; data?: unknown } }> => {
    const r = await fetch(node.httpUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    });
    return (await r.json()) as { result?: unknown; error?: { code: number; data?: unknown } };
  };
  for (const method of METHODS) {
    for (const params of [[], ['one'], [70_000, 0], [1, -1], [1, 0, 42]]) {
      const r = await call(method, params);
      if (r.error === undefined) continue; // e.g. getSubnetInfo(70000)? no: u16 bound refuses it; methods without a uid ignore the 2nd param
      t.is(r.error.code, -32602, `${method}(${JSON.stringify(params)}) -> ${JSON.stringify(r.error)}`);
    }
    t.is((await call(method, [])).error?.code, -32602, `${method}([]) must be refused`);
  }
  const ok = await call('neuronInfo_getNeuronsLite', [0]);
  t.true(Array.isArray(ok.result), JSON.stringify(ok));
  const subnets = await call('subnetInfo_getSubnetsInfo', [`0x${'00'.repeat(32)}`]);
  t.is(subnets.error?.code, 4003, 'an unknown block hash stays 4003');
});
