/**
 * Deadlines for chain reads and waits.
 */
import { ChainError } from '../errors.ts';

/** Resolves/rejects like `promise`, or rejects with `ChainError('CHAIN_TIMEOUT')` after `timeoutMs`. */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string, onTimeout?: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout?.();
      reject(new ChainError('CHAIN_TIMEOUT', `${what} did not complete within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
