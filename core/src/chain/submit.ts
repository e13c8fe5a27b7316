/**
 * Submitting a signed extrinsic and waiting for inclusion or finality, with clear errors.
 */
import type { ApiPromise } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { EventRecord } from '@polkadot/types/interfaces';
import type { ISubmittableResult } from '@polkadot/types/types';
import type { HexString } from '@polkadot/util/types';
import type { Logger } from 'pino';
import { ChainError, type ChainErrorContext } from '../errors.ts';
import { silentLogger } from '../logger.ts';
import { chainErrorFromDispatch, chainErrorFromRpc } from './dispatch-error.ts';
import type { NonceTracker } from './nonce.ts';

/** Options of `submitAndWait`. */
export interface SubmitOptions {
  /** Resolve at inclusion (`inBlock`, default) or at finality (`finalized`). */
  until?: 'inBlock' | 'finalized';
  /** Deadline from submission to the wanted status, ms; default 60 000. */
  timeoutMs?: number;
  /** Nonce tracker (pass `client.nonces`); without it the node's next index is used. */
  nonces?: NonceTracker;
  /** Extra facts for error messages (e.g. `nextAllowedBlock` for weight calls). */
  context?: ChainErrorContext;
  logger?: Logger;
}

/** What a successful submission returns. */
export interface SubmitResult {
  /** Hash of the block the extrinsic is in. */
  blockHash: HexString;
  /** Extrinsic hash. */
  txHash: HexString;
  /** Events of this extrinsic (filtered by its index in the block). */
  events: EventRecord[];
  /** Nonce used. */
  nonce: number;
}

type SignableTx = SubmittableExtrinsic<'promise'>;

/** Signs with `signer`, submits, and waits; dispatch failures become `ChainError` with pallet/name/docs. */
export async function submitAndWait(
  api: ApiPromise,
  tx: SignableTx,
  signer: KeyringPair,
  options: SubmitOptions = {},
): Promise<SubmitResult> {
  const call = `${tx.method.section}.${tx.method.method}`;
  const context: ChainErrorContext = { call, ...options.context };
  const log = (options.logger ?? silentLogger()).child({ component: 'chain.submit' });
  const nonce = options.nonces === undefined ? -1 : await options.nonces.next(signer.address);
  const started = Date.now();
  try {
    const result = await watch(api, tx, signer, nonce, options.until ?? 'inBlock', options.timeoutMs ?? 60_000, context);
    log.debug({ call, nonce, durationMs: Date.now() - started, blockHash: result.blockHash }, 'extrinsic included');
    return result;
  } catch (err: unknown) {
    // Any failure before inclusion may leave the local counter ahead of the chain: refetch next time.
    if (!(err instanceof ChainError && err.code === 'CHAIN_DISPATCH')) options.nonces?.reset(signer.address);
    log.debug({ call, nonce, err }, 'extrinsic failed');
    throw err;
  }
}

function watch(
  api: ApiPromise,
  tx: SignableTx,
  signer: KeyringPair,
  nonce: number,
  until: 'inBlock' | 'finalized',
  timeoutMs: number,
  context: ChainErrorContext,
): Promise<SubmitResult> {
  return new Promise<SubmitResult>((resolve, reject) => {
    let unsub: (() => void) | undefined;
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      unsub?.();
      fn();
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new ChainError(
              'CHAIN_TIMEOUT',
              `${context.call ?? 'transaction'} not ${until === 'inBlock' ? 'included' : 'finalized'} within ${timeoutMs} ms`,
              { context },
            ),
          ),
        ),
      timeoutMs,
    );
    const onStatus = (result: ISubmittableResult): void => {
      const outcome = classify(api, result, until, nonce, context);
      if (outcome instanceof Error) finish(() => reject(outcome));
      else if (outcome !== undefined) finish(() => resolve(outcome));
    };
    tx.signAndSend(signer, { nonce }, onStatus)
      .then((u) => {
        if (settled) u();
        else unsub = u;
      })
      .catch((err: unknown) => finish(() => reject(chainErrorFromRpc(err, context))));
  });
}

/** Maps one status update to a result, an error, or undefined (keep waiting). */
function classify(
  api: ApiPromise,
  result: ISubmittableResult,
  until: 'inBlock' | 'finalized',
  nonce: number,
  context: ChainErrorContext,
): SubmitResult | ChainError | undefined {
  const { status } = result;
  if (status.isInvalid || status.isDropped || status.isUsurped) {
    return new ChainError(
      'CHAIN_INVALID_TX',
      `${context.call ?? 'transaction'} was ${status.type.toLowerCase()} by the pool (nonce ${nonce})`,
      { context },
    );
  }
  if (status.isFinalityTimeout)
    return new ChainError('CHAIN_TIMEOUT', `${context.call ?? 'transaction'} hit a finality timeout`, { context });
  const blockHash = status.isInBlock ? status.asInBlock.toHex() : status.isFinalized ? status.asFinalized.toHex() : undefined;
  if (blockHash === undefined) return undefined;
  if (result.dispatchError !== undefined) return chainErrorFromDispatch(api.registry, result.dispatchError, { ...context, blockHash });
  if (until === 'finalized' && !status.isFinalized) return undefined;
  return { blockHash: blockHash as HexString, txHash: result.txHash.toHex(), events: result.events, nonce };
}
