/**
 * The miner's axon on chain: work out the address validators can reach, `serve_axon` it at start unless
 * the chain already has it, and re-serve whenever the chain and the reachable address differ.
 */
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { Logger } from 'pino';
import { ArenaError, ChainError, ipFromChain, ipToChain, errorMessage } from '#core';
import type { AxonAddress, MinerChain, MinerMetagraphView } from './chain.ts';

/** Axon version from the miner version `a.b.c` as Bittensor encodes it: a*10000 + b*100 + c. */
export function axonVersion(version: string): number {
  const [a = 0, b = 0, c = 0] = version.split('.').map((x) => Number.parseInt(x, 10) || 0);
  return a * 10_000 + b * 100 + c;
}

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

/** The IP validators should use: the configured one, a concrete listen host, or the first public-ish IPv4. */
export function reachableIp(
  externalIp: string | undefined,
  grpcHost: string,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): string {
  if (externalIp !== undefined) return externalIp;
  if (!WILDCARDS.has(grpcHost) && grpcHost !== 'localhost') return grpcHost;
  for (const list of Object.values(interfaces)) {
    const found = list?.find((i) => i.family === 'IPv4' && !i.internal);
    if (found !== undefined) return found.address;
  }
  throw new ArenaError(
    'USAGE',
    `cannot tell which IP validators reach this miner at: grpc.host is ${grpcHost} and no ` +
      'non-internal IPv4 interface exists; set --axon.external-ip',
  );
}

/** Canonical text of an IP (so `::ffff:…`/zero-padded forms compare equal); the input when it does not parse. */
export function canonicalIp(ip: string): string {
  try {
    const c = ipToChain(ip);
    return ipFromChain(c.ip, c.ipType);
  } catch {
    return ip;
  }
}

/** True when the chain's axon already is `want`. */
export function sameAxon(onChain: AxonAddress | undefined, want: AxonAddress): boolean {
  return onChain !== undefined && onChain.port === want.port && canonicalIp(onChain.ip) === canonicalIp(want.ip);
}

/** Options of `AxonKeeper`. */
export interface AxonKeeperOptions {
  chain: MinerChain;
  netuid: number;
  hotkey: KeyringPair;
  /** The reachable address now (re-evaluated at each check, so an interface change is noticed). */
  desired: () => AxonAddress;
  version: number;
  checkEveryBlocks: number;
  retryAfterBlocks: number;
  logger: Logger;
}

/** Chain errors that no retry can fix: the address itself is refused (BadRequest: an ip_type the chain does not know). */
const FATAL_SERVE_ERRORS = new Set(['InvalidIpAddress', 'InvalidIpType', 'InvalidPort', 'BadRequest']);

/**
 * True when the chain refused the address itself: a dispatch error by name, or a pool-validation
 * refusal (subtensor checks serve_axon in its transaction extension; core names the custom code).
 */
function isAddressRefusal(err: unknown): boolean {
  if (!(err instanceof ChainError)) return false;
  return FATAL_SERVE_ERRORS.has(err.errorName ?? '');
}

/** Keeps the axon on chain equal to the reachable address. */
export class AxonKeeper {
  readonly #o: AxonKeeperOptions;
  #busy = false;
  #nextCheckBlock = 0;
  /** What we last served successfully. */
  served: AxonAddress | undefined;
  /** Number of serve_axon calls that were included. */
  serveCount = 0;

  constructor(options: AxonKeeperOptions) {
    this.#o = options;
  }

  /** At start: serve unless the chain already has this axon. Address errors are fatal (exit 2). */
  async initial(): Promise<void> {
    const want = this.#o.desired();
    const onChain = await this.#o.chain.axonOf(this.#o.netuid, this.#o.hotkey.address);
    if (sameAxon(onChain, want)) {
      this.served = want;
      this.#o.logger.info({ ip: want.ip, port: want.port }, 'axon already on chain; not serving again');
      return;
    }
    try {
      await this.#serve(want, onChain);
    } catch (err: unknown) {
      if (isAddressRefusal(err)) {
        throw new ArenaError(
          'USAGE',
          `the chain refused axon ${want.ip}:${want.port}: ${errorMessage(err)}. ` +
            'Set a reachable public address with --axon.external-ip / --axon.external-port (a local devchain needs --allow-loopback-axons for 127.0.0.1).',
          { cause: err },
        );
      }
      this.#o.logger.warn({ err, ip: want.ip, port: want.port }, 'serve_axon failed; will retry');
    }
  }

  /** On a metagraph snapshot: re-serve when the chain's axon differs from the reachable address. */
  onSnapshot(m: MinerMetagraphView, uid: number): void {
    if (this.#busy || m.block < this.#nextCheckBlock) return;
    this.#nextCheckBlock = m.block + this.#o.checkEveryBlocks;
    let want: AxonAddress;
    try {
      want = this.#o.desired();
    } catch (err: unknown) {
      this.#o.logger.warn({ err }, 'reachable address unknown; axon not checked');
      return;
    }
    const onChain = m.axons[uid];
    const current = onChain === undefined || onChain.port === 0 ? undefined : { ip: onChain.ip, port: onChain.port };
    if (sameAxon(current, want)) return;
    this.#busy = true;
    void this.#reserve(want, current, m.block);
  }

  /** One re-serve; never rejects. `busy` clears in the same continuation as the outcome. */
  async #reserve(want: AxonAddress, current: AxonAddress | undefined, block: number): Promise<void> {
    try {
      await this.#serve(want, current);
    } catch (err: unknown) {
      this.#nextCheckBlock = block + this.#o.retryAfterBlocks;
      this.#o.logger.warn({ err, ip: want.ip, port: want.port, block }, 'serve_axon failed; will retry');
    } finally {
      this.#busy = false;
    }
  }

  async #serve(want: AxonAddress, onChain: AxonAddress | undefined): Promise<void> {
    this.#o.logger.info({ ip: want.ip, port: want.port, onChain }, 'serving axon');
    await this.#o.chain.serveAxon(this.#o.netuid, this.#o.hotkey, { ...want, version: this.#o.version });
    this.served = want;
    this.serveCount++;
    this.#o.logger.info({ ip: want.ip, port: want.port }, 'axon served');
  }
}
