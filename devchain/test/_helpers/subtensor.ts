/** Helpers for SubtensorModule tests: a manual-seal devchain process with a genesis config, and exec-one-block. */
import '@polkadot/api-augment';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { ExecutionContext } from 'ava';
import { spawnDevchain } from './spawn.ts';

export const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
export const key = (uri: string): KeyringPair => keyring.addFromUri(uri);

export interface Chain {
  api: ApiPromise;
  provider: WsProvider;
  newBlocks(count?: number): Promise<string>;
}

/** Spawns `arena devchain --tmp --manual-seal` with `genesis.pallets.SubtensorModule = subtensor`. */
export async function startChain(
  t: ExecutionContext,
  subtensor: unknown,
  extraArgs: string[] = [],
  options: Record<string, unknown> = {},
): Promise<Chain> {
  const dir = mkdtempSync(join(tmpdir(), 'arena-st-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const cfg = join(dir, 'devchain.json');
  writeFileSync(
    cfg,
    JSON.stringify({
      ...options,
      genesis: {
        devAccountsTao: 1_000_000,
        accounts: [],
        sudo: '//Alice',
        pallets: subtensor === undefined ? {} : { SubtensorModule: subtensor },
      },
    }),
  );
  const node = await spawnDevchain(t, ['--config', cfg, '--tmp', '--manual-seal', '--log-level', 'info', ...extraArgs]);
  const provider = new WsProvider(node.url, false);
  await provider.connect();
  const api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
  t.teardown(() => api.disconnect());
  return { api, provider, newBlocks: async (count = 1) => (await provider.send('dev_newBlock', [{ count }])) as string };
}

export interface ExecResult {
  ok: boolean;
  error?: string;
  events: string[];
  blockHash: string;
}

/** Signs and submits each `[tx, signer]`, seals one block, and reports each extrinsic's outcome. */
export async function execMany(chain: Chain, txs: Array<[SubmittableExtrinsic<'promise'>, KeyringPair]>): Promise<ExecResult[]> {
  const { api } = chain;
  const hashes: string[] = [];
  const nonces = new Map<string, number>();
  for (const [tx, signer] of txs) {
    let nonce = nonces.get(signer.address);
    if (nonce === undefined) nonce = (await api.rpc.system.accountNextIndex(signer.address)).toNumber();
    nonces.set(signer.address, nonce + 1);
    const signed = await tx.signAsync(signer, { nonce, era: 0 });
    hashes.push((await api.rpc.author.submitExtrinsic(signed)).toHex());
  }
  const blockHash = await chain.newBlocks(1);
  const block = await api.rpc.chain.getBlock(blockHash);
  const at = await api.at(blockHash);
  const records = await at.query.system.events();
  return hashes.map((h) => {
    const index = block.block.extrinsics.findIndex((x) => x.hash.toHex() === h);
    if (index < 0) throw new Error(`extrinsic ${h} is not in block ${blockHash}`);
    const mine = records.filter((r) => r.phase.isApplyExtrinsic && r.phase.asApplyExtrinsic.toNumber() === index);
    const events = mine.map((r) => `${r.event.section}.${r.event.method}`);
    const failed = mine.find((r) => api.events.system.ExtrinsicFailed.is(r.event));
    let error: string | undefined;
    if (failed && api.events.system.ExtrinsicFailed.is(failed.event)) {
      const de = failed.event.data.dispatchError;
      error = de.isModule
        ? (() => {
            const m = api.registry.findMetaError(de.asModule);
            return `${m.section}.${m.name}`;
          })()
        : de.type;
    }
    // Sudo: the inner result.
    const sudid = mine.find((r) => r.event.section === 'sudo' && r.event.method === 'Sudid');
    if (!error && sudid) {
      const res = sudid.event.data[0] as unknown as {
        isErr: boolean;
        asErr: { isModule: boolean; asModule: Parameters<typeof api.registry.findMetaError>[0]; type: string };
      };
      if (res.isErr)
        error = res.asErr.isModule
          ? (() => {
              const m = api.registry.findMetaError(res.asErr.asModule);
              return `${m.section}.${m.name}`;
            })()
          : res.asErr.type;
    }
    return { ok: !error, error, events, blockHash };
  });
}

export async function exec(chain: Chain, tx: SubmittableExtrinsic<'promise'>, signer: KeyringPair): Promise<ExecResult> {
  return (await execMany(chain, [[tx, signer]]))[0]!;
}

/** Signs and submits `tx`; resolves to the pool's refusal message (e.g. `1010: Invalid Transaction: Custom error: 6 ...`), or null if accepted. */
export async function poolRefusal(chain: Chain, tx: SubmittableExtrinsic<'promise'>, signer: KeyringPair): Promise<string | null> {
  const nonce = (await chain.api.rpc.system.accountNextIndex(signer.address)).toNumber();
  const signed = await tx.signAsync(signer, { nonce, era: 0 });
  try {
    await chain.api.rpc.author.submitExtrinsic(signed);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/** The `InvalidTransaction::Custom` code in a pool refusal message, or null. */
export const customCode = (refusal: string | null): number | null => {
  const m = /Custom error: (\d+)/.exec(refusal ?? '');
  return m ? Number(m[1]) : null;
};
