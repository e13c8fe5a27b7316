/**
 * The relay guard run in a worker thread of its own (`relay-guard-worker.ts`): `check` copies the batch to it and
 * resolves with the verdict, or rejects with ProtocolError `relayed` exactly as `RelayGuard.check` throws. The
 * server starts the worker with `ready()` before it listens (loading the worker's modules took seconds on a busy
 * machine, and the first Predict paid for it: three server tests ran past their 5 s deadline); the worker is
 * unref'd while idle, so an idle server does not hold the process open.
 * If the worker dies, the checks waiting on it are refused as `unavailable` (the caller retries) and the next
 * check starts a new worker (with an empty memory).
 */
import { Worker } from 'node:worker_threads';
import { ProtocolError } from '#protocol';
import type { RelayGuardOptions, RelayVerdict } from './relay-guard.ts';

/** One batch to check, as posted to the worker. */
export interface RelayCheckRequest {
  id: number;
  caller: string;
  input: Float32Array;
  batch: number;
  nowMs: number;
}

/** The worker's answer: the verdict, a refusal (`relayed`), or a failure of the check itself. */
export type RelayCheckReply = { id: number; verdict: RelayVerdict } | { id: number; relayed: string } | { id: number; failed: string };

/** What the worker posts: a check's reply, or once, when its modules have loaded, `{ ready: true }`. */
export type RelayWorkerMessage = RelayCheckReply | { ready: true };

interface Pending {
  resolve: (v: RelayVerdict) => void;
  reject: (e: Error) => void;
}

export class RelayGuardThread {
  readonly #options: RelayGuardOptions;
  readonly #pending = new Map<number, Pending>();
  #worker: Worker | undefined;
  /** Settles when the current worker has loaded (or failed to). */
  #loaded: Promise<void> | undefined;
  #nextId = 0;
  #closed = false;

  constructor(options: RelayGuardOptions = {}) {
    this.#options = options;
  }

  /** As `RelayGuard.check`, in the worker; the batch is copied (the caller keeps its own). */
  check(caller: string, input: Float32Array, batch: number, nowMs: number): Promise<RelayVerdict> {
    if (this.#closed) return Promise.reject(new ProtocolError('unavailable', 'server shutting down'));
    const worker = this.#ensureWorker();
    const id = this.#nextId++;
    const copy = input.slice();
    return new Promise<RelayVerdict>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.ref();
      const msg: RelayCheckRequest = { id, caller, input: copy, batch, nowMs };
      worker.postMessage(msg, [copy.buffer]);
    });
  }

  /**
   * Starts the worker if needed and resolves once it has loaded its modules; rejects with the reason when it
   * cannot load. Checks sent before that wait in the worker's queue, in order.
   */
  ready(): Promise<void> {
    if (this.#closed) return Promise.reject(new ProtocolError('unavailable', 'server shutting down'));
    this.#ensureWorker();
    return this.#loaded!;
  }

  /** Ends the worker; checks still waiting are refused as `unavailable`. */
  async close(): Promise<void> {
    this.#closed = true;
    const worker = this.#worker;
    this.#worker = undefined;
    this.#failAll('server shutting down');
    if (worker) await worker.terminate();
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('./relay-guard-worker-bootstrap.mjs', import.meta.url), { workerData: this.#options });
    let loaded!: () => void;
    let failed!: (e: Error) => void;
    this.#loaded = new Promise<void>((resolve, reject) => {
      loaded = resolve;
      failed = reject;
    });
    this.#loaded.catch(() => undefined); // a caller that never asks for readiness still gets its checks refused
    worker.ref(); // held until loaded: a server starting up waits for it
    worker.on('message', (m: RelayWorkerMessage) => {
      if ('ready' in m) {
        if (this.#pending.size === 0) worker.unref();
        loaded();
      } else this.#settle(m);
    });
    const lost = (why: string): void => {
      failed(new Error(`the relay guard's worker thread did not start: ${why}`));
      if (this.#worker !== worker) return;
      this.#worker = undefined;
      this.#failAll(`relay check unavailable: ${why}`);
    };
    worker.on('error', (e: Error) => lost(e.message));
    worker.on('exit', (code) => lost(`worker exited with code ${code}`));
    this.#worker = worker;
    return worker;
  }

  #settle(m: RelayCheckReply): void {
    const p = this.#pending.get(m.id);
    if (p === undefined) return;
    this.#pending.delete(m.id);
    if (this.#pending.size === 0) this.#worker?.unref();
    if ('verdict' in m) p.resolve(m.verdict);
    else if ('relayed' in m) p.reject(new ProtocolError('relayed', m.relayed));
    else p.reject(new ProtocolError('unavailable', `relay check failed: ${m.failed}`));
  }

  #failAll(why: string): void {
    const waiting = [...this.#pending.values()];
    this.#pending.clear();
    for (const p of waiting) p.reject(new ProtocolError('unavailable', why));
  }
}
