/**
 * What a devchain start has opened, released newest first: when the start fails half-way (a genesis error
 * after the store opened, a taken RPC port) and when the node stops. The same discipline as core's
 * DisposerStack, kept here because the devchain imports no project folder (DESIGN.md).
 */
import type { Logger } from 'pino';

export class Releases {
  readonly #pending: Array<{ what: string; release: () => Promise<void> | void }> = [];
  #done: Promise<void> | undefined;

  /** Registers `value` with how to release it, and returns it. */
  hold<T>(what: string, value: T, release: (value: T) => Promise<void> | void): T {
    this.#pending.push({ what, release: () => release(value) });
    return value;
  }

  /** Releases everything held, newest first; a failure is logged and the rest still released. Idempotent. */
  releaseAll(log: Logger): Promise<void> {
    this.#done ??= (async () => {
      while (this.#pending.length > 0) {
        const { what, release } = this.#pending.pop()!;
        await Promise.resolve()
          .then(release)
          .catch((err: unknown) => log.warn({ err, resource: what }, 'release failed; releasing the rest'));
      }
    })();
    return this.#done;
  }
}
