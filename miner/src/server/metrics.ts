import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Prometheus instruments of the miner: gRPC traffic plus training gauges the daemon sets. */
export interface MinerMetrics {
  registry: Registry;
  /** gRPC requests by method and final status name. */
  requests: Counter<'method' | 'status'>;
  /** gRPC handling time by method, seconds. */
  latency: Histogram<'method'>;
  /** Latest training step. */
  trainingStep: Gauge;
  /** Latest training loss. */
  trainingLoss: Gauge;
  /** Training throughput, samples per second. */
  trainingSamplesPerSec: Gauge;
}

/** Creates the miner's instruments in `registry` (default a fresh one). */
export function createMinerMetrics(registry: Registry = new Registry()): MinerMetrics {
  const registers = [registry];
  return {
    registry,
    requests: new Counter({ name: 'arena_miner_grpc_requests_total', help: 'gRPC requests by method and status', labelNames: ['method', 'status'], registers }),
    latency: new Histogram({
      name: 'arena_miner_grpc_request_duration_seconds',
      help: 'gRPC request handling time in seconds',
      labelNames: ['method'],
      buckets: [0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10],
      registers,
    }),
    trainingStep: new Gauge({ name: 'arena_miner_training_step', help: 'latest training step', registers }),
    trainingLoss: new Gauge({ name: 'arena_miner_training_loss', help: 'latest training loss', registers }),
    trainingSamplesPerSec: new Gauge({ name: 'arena_miner_training_samples_per_second', help: 'training samples per second', registers }),
  };
}

/** A small HTTP server answering `GET /metrics` from `registry` (404 elsewhere). */
export interface MetricsServer {
  start(host: string, port: number): Promise<{ port: number }>;
  stop(): Promise<void>;
}

/** Creates the `/metrics` server; the miner and validator daemons both use it. */
export function createMetricsServer(registry: Registry): MetricsServer {
  let server: Server | undefined;
  const handler: Parameters<typeof createServer>[1] = (req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found; metrics are at GET /metrics\n');
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
      (err: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics failed: ${String(err)}\n`),
    );
  };
  return {
    start: (host, port) =>
      new Promise((resolve, reject) => {
        const s = createServer(handler);
        s.once('error', reject);
        s.listen(port, host, () => {
          server = s;
          resolve({ port: (s.address() as AddressInfo).port });
        });
      }),
    stop: () =>
      new Promise((resolve) => {
        if (!server) return resolve();
        server.closeAllConnections();
        server.close(() => resolve());
        server = undefined;
      }),
  };
}
