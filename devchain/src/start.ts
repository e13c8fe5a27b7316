/** Starts a devchain node: store, runtime, chain, pool, producer and the RPC server. */
import { pino, type Logger } from 'pino';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, decodeAddress } from '@polkadot/util-crypto';
import { ChainStore } from './chain/store.ts';
import { Chain } from './chain/chain.ts';
import { TxPool } from './chain/pool.ts';
import { BlockProducer } from './chain/producer.ts';
import { Runtime } from './runtime/runtime.ts';
import { BASE_PALLETS } from './runtime/pallets.ts';
import { subtensorPallets } from './pallets/subtensor/index.ts';
import type { GenesisConfig, Pallet } from './frame/pallet.ts';
import { buildHandlers } from './rpc/index.ts';
import { RpcServer } from './server.ts';
import { Releases } from './releases.ts';
import { DevchainConfigSchema, type DevchainConfig, type DevchainConfigInput } from './config.ts';

export interface StartDevchainOptions extends DevchainConfigInput {
  logger?: Logger;
  /** Extra pallets (SubtensorModule, AdminUtils, ...) added to the base runtime. */
  pallets?: Pallet[];
}

export interface DevchainHandle {
  url: string;
  httpUrl: string;
  port: number;
  genesisHash: string;
  stop(): Promise<void>;
}

export const DEV_ACCOUNTS = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];
const RAO = 1_000_000_000n;

export function taoToRao(tao: number | string): bigint {
  const [int, frac = ''] = String(tao).split('.');
  return BigInt(int!) * RAO + BigInt(`${frac}000000000`.slice(0, 9));
}

function accountOf(keyring: Keyring, s: string): Uint8Array {
  return s.startsWith('//') ? keyring.addFromUri(s).publicKey : decodeAddress(s);
}

export function genesisFromConfig(cfg: DevchainConfig): GenesisConfig {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const balances = new Map<string, { who: Uint8Array; free: bigint }>();
  const add = (who: Uint8Array, free: bigint): void => {
    balances.set(Buffer.from(who).toString('hex'), { who, free });
  };
  for (const name of DEV_ACCOUNTS) add(accountOf(keyring, `//${name}`), taoToRao(cfg.genesis.devAccountsTao));
  for (const a of cfg.genesis.accounts) add(accountOf(keyring, a.account), taoToRao(a.balanceTao));
  return { accounts: [...balances.values()], sudoKey: accountOf(keyring, cfg.genesis.sudo), pallets: cfg.genesis.pallets };
}

/** Starts the node; resolves once it is listening. A start that fails releases what it opened, then rejects. */
export async function startDevchain(options: StartDevchainOptions = {}): Promise<DevchainHandle> {
  const { logger, pallets = [], ...rest } = options;
  const cfg = DevchainConfigSchema.parse(rest);
  const log = logger ?? pino({ level: 'silent' });
  const releases = new Releases();
  try {
    return await openNode(cfg, pallets, log, releases);
  } catch (err: unknown) {
    await releases.releaseAll(log);
    throw err;
  }
}

/** Opens store, chain, RPC server and producer, each held by `releases` the moment it exists. */
async function openNode(cfg: DevchainConfig, pallets: Pallet[], log: Logger, releases: Releases): Promise<DevchainHandle> {
  await cryptoWaitReady();
  const runtime = new Runtime(
    [
      ...BASE_PALLETS,
      ...subtensorPallets({ allowLoopbackAxons: cfg.allowLoopbackAxons, emissionPerBlock: taoToRao(cfg.emissionPerBlockTao) }),
      ...pallets,
    ],
    { blockTimeMs: cfg.blockTimeMs, logger: log.child({ component: 'devchain.runtime' }) },
  );
  const store = releases.hold('block store', await ChainStore.open(cfg.tmp ? null : cfg.dataDir), (s) => s.close());
  const chain = await Chain.open(store, runtime, genesisFromConfig(cfg), log.child({ component: 'devchain.chain' }));
  const pool = new TxPool(chain);
  const producer = new BlockProducer(chain, pool, cfg.blockTimeMs, log.child({ component: 'devchain.producer' }));
  const server = releases.hold('rpc server', rpcServer(cfg, log, runtime, { chain, pool, producer }), (s) => s.close());
  const port = await server.listen();
  // Registered last so that it is released first: no block is sealed into a closing store.
  releases.hold('block producer', producer, (p) => p.stop());
  producer.start(cfg.manualSeal ? null : cfg.blockTimeMs);
  const url = `ws://${cfg.host}:${port}`;
  log.info(
    { url, block: chain.head.number, genesisHash: chain.genesisHex, manualSeal: cfg.manualSeal, blockTimeMs: cfg.blockTimeMs },
    'devchain listening',
  );
  let stopped: Promise<void> | undefined;
  return {
    url,
    httpUrl: `http://${cfg.host}:${port}`,
    port,
    genesisHash: chain.genesisHex,
    stop: () => (stopped ??= releases.releaseAll(log).then(() => log.info('devchain stopped'))),
  };
}

function rpcServer(
  cfg: DevchainConfig,
  log: Logger,
  runtime: Runtime,
  parts: { chain: Chain; pool: TxPool; producer: BlockProducer },
): RpcServer {
  return new RpcServer({
    host: cfg.host,
    port: cfg.port,
    maxPayloadBytes: cfg.maxPayloadBytes,
    logger: log.child({ component: 'devchain.rpc' }),
    handlers: buildHandlers(runtime.pallets),
    context: {
      ...parts,
      node: {
        chainName: 'Arena Devchain',
        nodeName: 'arena-devchain',
        version: '0.1.0',
        properties: { ss58Format: 42, tokenDecimals: 9, tokenSymbol: 'TAO' },
      },
    },
  });
}
