/**
 * The relay guard's worker thread: one `RelayGuard` holding every caller's recent samples, checking batches in
 * the order the server received them (so the first sender still wins). Runs off the server's event loop:
 * fingerprinting a batch costs ~12 ms per 256 samples, which on the event loop held every other call (with 64
 * validators querying at once, ~1 s per round).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ProtocolError } from '#protocol';
import { RelayGuard, type RelayGuardOptions } from './relay-guard.ts';
import type { RelayCheckReply, RelayCheckRequest, RelayWorkerMessage } from './relay-guard-thread.ts';

const guard = new RelayGuard(workerData as RelayGuardOptions);
const port = parentPort;
if (port === null) throw new Error('relay-guard-worker.ts runs as a worker thread only');

port.on('message', (m: RelayCheckRequest) => {
  let reply: RelayCheckReply;
  try {
    reply = { id: m.id, verdict: guard.check(m.caller, m.input, m.batch, m.nowMs) };
  } catch (e: unknown) {
    reply =
      e instanceof ProtocolError && e.code === 'relayed'
        ? { id: m.id, relayed: e.message }
        : { id: m.id, failed: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
});
const ready: RelayWorkerMessage = { ready: true };
port.postMessage(ready);
