/**
 * One shutdown signal handler for every daemon: the first SIGINT/SIGTERM asks for a clean stop, a
 * second one exits at once with code 1 (the user insists).
 */
import type { Logger } from 'pino';

/** Calls `onFirst` at the first SIGINT/SIGTERM; returns a function that removes the handlers. */
export function onShutdownSignal(log: Logger, onFirst: (signal: NodeJS.Signals) => void): () => void {
  let signalled = false;
  const handler = (signal: NodeJS.Signals): void => {
    if (signalled) {
      log.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    signalled = true;
    log.info({ signal }, 'shutting down');
    onFirst(signal);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}

/** Resolves with the first SIGINT/SIGTERM (see `onShutdownSignal`). */
export function firstShutdownSignal(log: Logger): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    onShutdownSignal(log, resolve);
  });
}
