import { listenHttp, sendJson, type HttpHandler, type HttpService } from '#core';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Prometheus instruments of the miner: gRPC traffic plus training gauges the daemon sets. */
export interface MinerMetrics {
  registry: Registry;
  /** gRPC requests by method and final status name. */
  requests: Counter<'method' | 'status'>;
  /** Refused MinerService calls by reason code (`relayed`, `low-stake`, ...). */
  refusals: Counter<'reason'>;
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
    requests: new Counter({
      name: 'arena_miner_grpc_requests_total',
      help: 'gRPC requests by method and status',
      labelNames: ['method', 'status'],
      registers,
    }),
    refusals: new Counter({
      name: 'arena_miner_refusals_total',
      help: 'refused MinerService calls by reason code',
      labelNames: ['reason'],
      registers,
    }),
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

/** A small HTTP server answering `GET /metrics` from `registry` and `GET /health` (404 elsewhere). */
export interface MetricsServer {
  start(host: string, port: number): Promise<{ port: number }>;
  stop(): Promise<void>;
}

/**
 * Creates the `/metrics` server over core's `listenHttp` (a taken port is a clear error naming the address).
 * `GET /health` answers the Predict service's serving status for probes that speak HTTP, not gRPC health:
 * 200 `{"status":"SERVING"}` once a model is loaded, 503 with the status otherwise.
 */
export function createMetricsServer(registry: Registry, serving: () => string | undefined = () => 'SERVING'): MetricsServer {
  let http: HttpService | undefined;
  const handler: HttpHandler = async (req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'GET' && path === '/health') {
      const status = serving() ?? 'UNKNOWN';
      sendJson(res, status === 'SERVING' ? 200 : 503, { status });
      return;
    }
    if (req.method !== 'GET' || path !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found; metrics are at GET /metrics, health at GET /health\n');
      return;
    }
    const text = await registry.metrics();
    res.writeHead(200, { 'content-type': registry.contentType }).end(text);
  };
  return {
    start: async (host, port) => {
      http = await listenHttp({ host, port, handler, what: 'miner metrics' });
      return { port: http.port };
    },
    stop: async () => {
      const h = http;
      http = undefined;
      if (h === undefined) return;
      h.server.closeAllConnections();
      await h.close();
    },
  };
}
