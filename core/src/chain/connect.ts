/**
 * One long-lived chain connection: `WsProvider` (auto-reconnect) + `ApiPromise`, with a connect deadline.
 */
import { ApiPromise, WsProvider } from '@polkadot/api';
import type { Logger } from 'pino';
import { ChainError, errorMessage } from '../errors.ts';
import { silentLogger } from '../logger.ts';
import { NonceTracker, rpcNonceSource } from './nonce.ts';
import { capturePolkadotConsole } from './polkadot-console.ts';
import { withTimeout } from './timeout.ts';

/** Options of `connectChain`. */
export interface ConnectOptions {
  /** WebSocket endpoint, e.g. `ws://127.0.0.1:9944`. */
  endpoint: string;
  /** Logger; default silent. */
  logger?: Logger;
  /** Deadline for the first connection and metadata load, ms; default 15 000. */
  connectTimeoutMs?: number;
  /** Delay between reconnect attempts, ms; default 1 000. */
  reconnectDelayMs?: number;
  /** Default deadline for reads made through `ChainClient.read`, ms; default 10 000. */
  readTimeoutMs?: number;
}

/** A connected chain: the `ApiPromise`, per-signer nonces and deadline-bound reads. */
export interface ChainClient {
  readonly api: ApiPromise;
  readonly endpoint: string;
  readonly nonces: NonceTracker;
  /** True while the WebSocket is connected. */
  readonly isConnected: boolean;
  /** Runs a read with the default deadline (or `timeoutMs`), as `ChainError('CHAIN_TIMEOUT')` on expiry. */
  read<T>(what: string, fn: (api: ApiPromise) => Promise<T>, timeoutMs?: number): Promise<T>;
  /** Waits until connected again (after a node restart), up to `timeoutMs`. */
  waitConnected(timeoutMs?: number): Promise<void>;
  /** Closes the connection (no reconnects afterwards). */
  close(): Promise<void>;
}

/** Connects to `endpoint` and loads metadata; rejects with `ChainError` if that takes longer than the deadline. */
export async function connectChain(options: ConnectOptions): Promise<ChainClient> {
  const log = (options.logger ?? silentLogger()).child({ component: 'chain' });
  // polkadot.js prints its own console lines (RPC-CORE, API-WS); keep them out of the NDJSON stream.
  const releaseConsole = capturePolkadotConsole(log);
  const provider = new WsProvider(options.endpoint, options.reconnectDelayMs ?? 1_000, {}, options.connectTimeoutMs ?? 15_000);
  // A deliberate close() also emits 'disconnected'; only an unexpected one is worth a warning.
  const state: ClientState = { closing: false, releaseConsole };
  provider.on('disconnected', () => {
    if (state.closing) log.debug({ endpoint: options.endpoint }, 'chain connection closed');
    else log.warn({ endpoint: options.endpoint }, 'chain disconnected; reconnecting');
  });
  provider.on('connected', () => log.info({ endpoint: options.endpoint }, 'chain connected'));
  provider.on('error', (err: unknown) => log.debug({ err }, 'chain provider error'));
  const api = new ApiPromise({ provider, noInitWarn: true, throwOnConnect: false });
  try {
    await withTimeout(api.isReadyOrError, options.connectTimeoutMs ?? 15_000, `connecting to ${options.endpoint}`);
  } catch (err: unknown) {
    await api.disconnect().catch((e: unknown) => log.debug({ err: e }, 'disconnect after failed connect'));
    releaseConsole();
    if (err instanceof ChainError) throw err;
    throw new ChainError('CHAIN_CONNECTION', `cannot connect to ${options.endpoint}: ${errorMessage(err)}`, { cause: err });
  }
  return makeClient(api, provider, options, log, state);
}

interface ClientState {
  closing: boolean;
  releaseConsole: () => void;
}

function makeClient(api: ApiPromise, provider: WsProvider, options: ConnectOptions, log: Logger, state: ClientState): ChainClient {
  const nonces = new NonceTracker(rpcNonceSource(api));
  // After a reconnect the pool may have dropped our transactions: ask the chain again.
  provider.on('connected', () => nonces.reset());
  const readTimeoutMs = options.readTimeoutMs ?? 10_000;
  return {
    api,
    endpoint: options.endpoint,
    nonces,
    get isConnected() {
      return provider.isConnected;
    },
    read: (what, fn, timeoutMs) =>
      withTimeout(fn(api), timeoutMs ?? readTimeoutMs, what).catch((err: unknown) => {
        if (err instanceof ChainError || provider.isConnected) throw err;
        throw new ChainError('CHAIN_CONNECTION', `${what} failed: not connected to ${options.endpoint} (reconnecting)`, { cause: err });
      }),
    waitConnected: async (timeoutMs = 30_000) => {
      if (provider.isConnected) return;
      await withTimeout(
        new Promise<void>((resolve) => {
          const off = provider.on('connected', () => {
            off();
            resolve();
          });
        }),
        timeoutMs,
        `reconnecting to ${options.endpoint}`,
      );
      await api.isReady;
    },
    close: async () => {
      log.debug({ endpoint: options.endpoint }, 'closing chain connection');
      state.closing = true;
      try {
        await api.disconnect();
      } finally {
        state.releaseConsole();
      }
    },
  };
}
