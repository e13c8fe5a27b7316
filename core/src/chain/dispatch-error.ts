/**
 * Turning chain failures into `ChainError`s: dispatch errors via the metadata (`registry.findMetaError`),
 * and RPC "invalid transaction" errors into messages that say what to do.
 */
import type { DispatchError } from '@polkadot/types/interfaces';
import type { Registry } from '@polkadot/types/types';
import { ChainError, errorMessage, type ChainErrorContext, type DispatchErrorInfo } from '../errors.ts';
import { customCodeIn, customTxError } from './custom-errors.ts';

/** Pallet, name and docs of a dispatch error, decoded with the chain's metadata. */
export function decodeDispatchError(registry: Registry, err: DispatchError): DispatchErrorInfo {
  if (err.isModule) {
    const meta = registry.findMetaError(err.asModule);
    const pallet = meta.section.charAt(0).toUpperCase() + meta.section.slice(1);
    return { pallet, name: meta.name, docs: meta.docs.join(' ').trim() };
  }
  if (err.isToken) return { pallet: 'System', name: `Token.${err.asToken.type}`, docs: 'token error' };
  if (err.isArithmetic) return { pallet: 'System', name: `Arithmetic.${err.asArithmetic.type}`, docs: 'arithmetic error' };
  if (err.isTransactional) return { pallet: 'System', name: `Transactional.${err.asTransactional.type}`, docs: '' };
  return { pallet: 'System', name: err.type, docs: '' };
}

/** `ChainError` for a dispatch error, with a message that says what to do. */
export function chainErrorFromDispatch(registry: Registry, err: DispatchError, context: ChainErrorContext = {}): ChainError {
  return ChainError.fromDispatch(decodeDispatchError(registry, err), context);
}

const INVALID_TX_HINTS: ReadonlyArray<[RegExp, string]> = [
  [/outdated|stale/i, 'the nonce was already used (another transaction from this account got in first); retry'],
  [/future/i, 'the nonce is ahead of the chain (an earlier transaction is missing); retry after resetting the nonce'],
  [/Priority is too low/i, 'a transaction with the same nonce is already in the pool; wait for it or retry with a new nonce'],
  [/already imported/i, 'this exact transaction is already in the pool'],
  [/Inability to pay some fees|balance too low/i, 'the signing account cannot pay the fee: fund it'],
  [/temporarily banned/i, 'the pool banned this transaction for a while (it was invalid recently); wait and retry'],
  [/BadProof|bad signature/i, 'the signature does not verify: wrong key, or genesis/spec version mismatch'],
  [/ExhaustsResources/i, 'the block is full; retry'],
];

/**
 * The text of an RPC rejection. polkadot.js puts the node's `data` in the message (strings reformatted,
 * everything cut at 256 characters); a structured `data` is added in full when its code is not in the message.
 */
function rpcErrorText(err: unknown): string {
  const message = errorMessage(err);
  const data = (err as { data?: unknown } | null)?.data;
  if (data === undefined || data === null || typeof data === 'string' || customCodeIn(message) !== undefined) return message;
  return `${message} (${JSON.stringify(data)})`;
}

/** `ChainError('CHAIN_INVALID_TX')` for an RPC submission error, naming custom codes and adding what to do. */
export function chainErrorFromRpc(err: unknown, context: ChainErrorContext = {}): ChainError {
  const text = rpcErrorText(err);
  const call = context.call === undefined ? 'transaction' : context.call;
  const code = customCodeIn(text);
  if (code !== undefined) return customRefusal(code, text, call, context, err);
  const hint = INVALID_TX_HINTS.find(([re]) => re.test(text))?.[1];
  return new ChainError('CHAIN_INVALID_TX', `${call} rejected by the node: ${text}${hint === undefined ? '' : `; ${hint}`}`, {
    context,
    cause: err,
  });
}

function customRefusal(code: number, text: string, call: string, context: ChainErrorContext, cause: unknown): ChainError {
  const named = customTxError(code);
  const what =
    named === undefined
      ? `custom error ${code}, which upstream subtensor does not define (a newer runtime?)`
      : `${named.name} (custom error ${code}): ${named.hint}`;
  return new ChainError('CHAIN_INVALID_TX', `${call} rejected by the node: ${what} [node said: ${text}]`, {
    context,
    cause,
    invalid: { code, name: named?.name },
  });
}

/** True when an RPC rejection means our nonce is wrong (so the local counter must be refetched). */
export function isNonceError(err: unknown): boolean {
  const message = errorMessage(err);
  return /outdated|stale|future|Priority is too low|already imported/i.test(message);
}
