/**
 * What `arena up` prepares before starting processes: one dev wallet per validator and miner (in the
 * Bittensor layout, under `<dataDir>/wallets`) and the devchain config whose genesis creates the subnet
 * with the validators registered and staked. Miners are not in the genesis: they register themselves
 * with `burned_register`, as a real miner does.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDevWallet, walletPaths, readHotkeyAddress, readColdkeyAddress } from '#core';
import type { UpConfig } from './config.ts';

/** The URIs behind a neuron's dev wallet (local chains only; never use dev keys elsewhere). */
export function devUris(name: string): { coldkey: string; hotkey: string } {
  return { coldkey: `//Arena//${name}`, hotkey: `//Arena//${name}//hot` };
}

/** Paths of everything `arena up` keeps in its data directory. */
export function upPaths(dataDir: string): {
  wallets: string;
  chain: string;
  logs: string;
  devchainConfig: string;
  neuron: (name: string) => string;
} {
  return {
    wallets: join(dataDir, 'wallets'),
    chain: join(dataDir, 'chain'),
    logs: join(dataDir, 'logs'),
    devchainConfig: join(dataDir, 'devchain.json'),
    neuron: (name) => join(dataDir, 'neurons', name),
  };
}

/** A neuron's addresses. */
export interface NeuronKeys {
  name: string;
  coldkey: string;
  hotkey: string;
}

/** Creates the dev wallets that do not exist yet and returns every neuron's addresses. */
export async function ensureWallets(cfg: UpConfig): Promise<Map<string, NeuronKeys>> {
  const path = upPaths(cfg.dataDir).wallets;
  mkdirSync(path, { recursive: true, mode: 0o700 });
  const out = new Map<string, NeuronKeys>();
  for (const name of [...cfg.validators.map((v) => v.name), ...cfg.miners.map((m) => m.name)]) {
    const loc = { path, name, hotkey: 'default' };
    const files = walletPaths(loc);
    if (!existsSync(files.coldkey) || !existsSync(files.hotkey)) {
      const uris = devUris(name);
      await createDevWallet({ ...loc, coldkeyUri: uris.coldkey, hotkeyUri: uris.hotkey, overwrite: true });
    }
    const coldkey = readColdkeyAddress(loc);
    const hotkey = readHotkeyAddress(loc);
    if (coldkey === null || hotkey === null) throw new Error(`wallet ${name} in ${path} is incomplete; rerun with --fresh`);
    out.set(name, { name, coldkey, hotkey });
  }
  return out;
}

/** The devchain config of the local competition (genesis: funded coldkeys, subnet, staked validators). */
export function devchainConfig(cfg: UpConfig, keys: Map<string, NeuronKeys>): Record<string, unknown> {
  const s = cfg.subnet;
  const key = (name: string): NeuronKeys => {
    const k = keys.get(name);
    if (!k) throw new Error(`no wallet for ${name}`);
    return k;
  };
  return {
    host: '127.0.0.1',
    port: cfg.chain.port,
    blockTimeMs: cfg.chain.blockTimeMs,
    allowLoopbackAxons: true,
    emissionPerBlockTao: cfg.chain.emissionTaoPerBlock,
    logLevel: 'info',
    genesis: {
      devAccountsTao: 1_000_000,
      accounts: [...keys.values()].map((k) => ({ account: k.coldkey, balanceTao: cfg.fundTao })),
      sudo: '//Alice',
      pallets: {
        SubtensorModule: {
          // Miners refuse callers below this stake (their default floor), so a miner that earns a permit
          // cannot query and copy a competitor until it holds as much stake as a validator.
          stakeThreshold: Math.round(cfg.chain.stakeThresholdTao * 1e9),
          subnets: [
            {
              netuid: s.netuid,
              owner: '//Alice',
              ownerHotkey: '//Alice//arena-owner',
              startCall: true,
              hyperparams: {
                tempo: s.tempo,
                weightsSetRateLimit: s.weightsSetRateLimit,
                commitRevealEnabled: s.commitReveal,
                revealPeriodEpochs: s.revealPeriodEpochs,
                yuma3Enabled: s.yuma3,
                immunityPeriod: s.immunityPeriod,
                maxAllowedValidators: s.maxAllowedValidators,
                minAllowedWeights: s.minAllowedWeights,
                burn: Math.round(s.burnTao * 1e9),
                servingRateLimit: 0,
                // Activity cutoff of a few epochs, so a validator that stops is dropped quickly.
                activityCutoffFactorMilli: 5000,
              },
              neurons: cfg.validators.map((v) => ({
                hotkey: key(v.name).hotkey,
                coldkey: key(v.name).coldkey,
                stake: v.stakeTao,
                validatorPermit: true,
              })),
            },
          ],
        },
      },
    },
  };
}

/** Writes the devchain config file (mode 0600) and returns its path. */
export function writeDevchainConfig(cfg: UpConfig, keys: Map<string, NeuronKeys>): string {
  const file = upPaths(cfg.dataDir).devchainConfig;
  mkdirSync(cfg.dataDir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(devchainConfig(cfg, keys), null, 2)}\n`, { mode: 0o600 });
  return file;
}
