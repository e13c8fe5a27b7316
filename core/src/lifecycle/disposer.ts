/**
 * The daemons' start-up discipline: every resource a start opens is registered on a disposer stack the
 * moment it exists, so a start that fails half-way releases exactly what it opened (in reverse order)
 * instead of leaving a chain socket or a server that keeps the process alive.
 */
import type { Logger } from 'pino';
import { silentLogger } from '../logger.ts';

interface Disposer {
  name: string;
  dispose: () => Promise<void> | void;
}

/** A LIFO stack of release functions; `disposeAll` runs each once, logging (not throwing) failures. */
export class DisposerStack {
  readonly #items: Disposer[] = [];
  #disposing: Promise<void> | undefined;

  /** Registers how to release `name`. */
  defer(name: string, dispose: () => Promise<void> | void): void {
    this.#items.push({ name, dispose });
  }

  /** Registers `value` with its release function and returns it (`const c = stack.use('chain', await connect(), (c) => c.close())`). */
  use<T>(name: string, value: T, dispose: (value: T) => Promise<void> | void): T {
    this.defer(name, () => dispose(value));
    return value;
  }

  /** Number of resources still registered. */
  get size(): number {
    return this.#items.length;
  }

  /** Releases everything, newest first; idempotent (a second call waits for the first). */
  disposeAll(log: Logger = silentLogger()): Promise<void> {
    this.#disposing ??= this.#drain(log);
    return this.#disposing;
  }

  async #drain(log: Logger): Promise<void> {
    for (let item = this.#items.pop(); item !== undefined; item = this.#items.pop()) {
      try {
        await item.dispose();
        log.debug({ resource: item.name }, 'released');
      } catch (err: unknown) {
        log.warn({ err, resource: item.name }, 'release failed; continuing with the rest');
      }
    }
  }
}

/** Runs `start`; when it throws, releases what the stack holds and rethrows the start's error. */
export async function startOrRelease<T>(stack: DisposerStack, log: Logger | undefined, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (err: unknown) {
    await stack.disposeAll(log);
    throw err;
  }
}
