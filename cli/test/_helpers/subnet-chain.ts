/**
 * A real `arena devchain --tmp --manual-seal` process with one genesis subnet (2 validators, 3 miners
 * with axons unset, tempo 5, commit-reveal off), plus helpers to seal blocks and to set weights.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { lineSplitter, parseJsonLine, serveAxon } from '#core';

export const ARENA = fileURLToPath(new URL('../../bin/arena.js', import.meta.url));
export const NETUID = 1;
export const TEMPO = 5;
export const VALIDATORS = ['//Alice//v1', '//Bob//v2'];
export const MINERS = ['//Charlie//m1', '//Dave//m2', '//Eve//m3'];
export const AXON_PORT = 9100;

export interface SubnetChain {
  url: string;
  api: ApiPromise;
  child: ChildProcess;
  /** Seals `count` blocks now; returns the last block number. */
  newBlocks(count?: number): Promise<number>;
  /** Each miner serves its axon at 127.0.0.1:`AXON_PORT + i`, in one sealed block. */
  serveAxons(): Promise<void>;
  /** Each validator sets `weights` (over uids) in one sealed block. */
  setWeights(weights: number[]): Promise<void>;
  /** SS58 hotkey of a dev URI. */
  address(uri: string): string;
  stop(): Promise<void>;
}

/** The devchain config file content of the test subnet. */
export function subnetGenesis(): unknown {
  return {
    allowLoopbackAxons: true,
    genesis: {
      devAccountsTao: 1_000_000,
      accounts: [],
      sudo: '//Alice',
      pallets: {
        SubtensorModule: {
          subnets: [
            {
              netuid: NETUID,
              owner: '//Ferdie',
              startCall: true,
              hyperparams: { tempo: TEMPO, commitRevealEnabled: false, weightsSetRateLimit: 0, minAllowedWeights: 1, immunityPeriod: 100 },
              neurons: [
                { hotkey: VALIDATORS[0], coldkey: '//Alice', stake: 1000, validatorPermit: true },
                { hotkey: VALIDATORS[1], coldkey: '//Bob', stake: 500, validatorPermit: true },
                ...MINERS.map((m, i) => ({ hotkey: m, coldkey: ['//Charlie', '//Dave', '//Eve'][i] ?? '//Eve' })),
              ],
            },
          ],
        },
      },
    },
  };
}

export async function startSubnetChain(timeoutMs = 30_000): Promise<SubnetChain> {
  await cryptoWaitReady();
  const dir = mkdtempSync(join(tmpdir(), 'arena-lb-'));
  const cfg = join(dir, 'devchain.json');
  writeFileSync(cfg, JSON.stringify(subnetGenesis()));
  const child = spawn(
    process.execPath,
    [ARENA, 'devchain', '--config', cfg, '--tmp', '--manual-seal', '--port', '0', '--log-level', 'info'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const logs: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  let url: string;
  try {
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`devchain did not start within ${timeoutMs} ms; logs:\n${logs.join('\n')}`)),
        timeoutMs,
      );
      child.stdout?.on(
        'data',
        lineSplitter((line) => {
          logs.push(line); // kept for the error message
          const j = parseJsonLine(line);
          if (j?.msg === 'devchain listening' && typeof j.url === 'string') {
            clearTimeout(timer);
            resolve(j.url);
          }
        }),
      );
      child.stderr?.on('data', (d: Buffer) => logs.push(d.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`devchain exited with ${code}; logs:\n${logs.join('\n')}`));
      });
    });
  } catch (err: unknown) {
    await kill();
    throw err;
  }
  const provider = new WsProvider(url, false);
  await provider.connect();
  const api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const newBlocks = async (count = 1): Promise<number> => {
    await provider.send('dev_newBlock', [{ count }]);
    return (await api.rpc.chain.getHeader()).number.toNumber();
  };
  return {
    url,
    api,
    child,
    newBlocks,
    address: (uri) => keyring.addFromUri(uri).address,
    serveAxons: async () => {
      await Promise.all(
        MINERS.map((m, i) => serveAxon(api, { netuid: NETUID, ip: '127.0.0.1', port: AXON_PORT + i }).signAndSend(keyring.addFromUri(m))),
      );
      await newBlocks(1);
    },
    setWeights: async (weights) => {
      const uids = weights.map((_, i) => i);
      const hashes = await Promise.all(
        VALIDATORS.map((v) => api.tx.subtensorModule.setWeights(NETUID, uids, weights, 0).signAndSend(keyring.addFromUri(v))),
      );
      if (hashes.length !== VALIDATORS.length) throw new Error('expected one transaction per validator');
      await newBlocks(1);
    },
    stop: async () => {
      await api.disconnect().catch(() => undefined);
      await kill();
    },
  };
}
