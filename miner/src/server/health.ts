import { status as GrpcStatus, type ServerUnaryCall, type ServerWritableStream, type sendUnaryData } from '@grpc/grpc-js';
import { ServingStatus, type HealthCheckRequest, type HealthCheckResponse, type ServingStatusName } from '#protocol';

/** Most concurrent Watch streams (health is unauthenticated, so they are capped). */
const MAX_WATCHERS = 64;

/** The standard `grpc.health.v1.Health` service: Check, and Watch with change notifications. */
export class HealthService {
  readonly #status = new Map<string, ServingStatusName>();
  readonly #watchers = new Set<{ service: string; call: ServerWritableStream<HealthCheckRequest, HealthCheckResponse> }>();

  constructor(services: readonly string[]) {
    for (const s of ['', ...services]) this.#status.set(s, 'SERVING');
  }

  /** Sets the status of `service` ('' = whole server) and notifies its watchers. */
  setStatus(service: string, status: ServingStatusName): void {
    this.#status.set(service, status);
    for (const w of this.#watchers) if (w.service === service) w.call.write({ status: ServingStatus[status] });
  }

  /** The status of `service` ('' = whole server); undefined for an unknown service. */
  statusOf(service: string): ServingStatusName | undefined {
    return this.#status.get(service);
  }

  /** Marks every service NOT_SERVING (before shutdown) and ends the Watch streams. */
  shutdown(): void {
    for (const s of this.#status.keys()) this.setStatus(s, 'NOT_SERVING');
    for (const w of this.#watchers) w.call.end();
    this.#watchers.clear();
  }

  readonly handlers = {
    Check: (call: ServerUnaryCall<HealthCheckRequest, HealthCheckResponse>, cb: sendUnaryData<HealthCheckResponse>): void => {
      const s = this.#status.get(call.request.service);
      if (s === undefined) cb({ code: GrpcStatus.NOT_FOUND, details: `unknown service ${JSON.stringify(call.request.service)}` });
      else cb(null, { status: ServingStatus[s] });
    },
    Watch: (call: ServerWritableStream<HealthCheckRequest, HealthCheckResponse>): void => {
      if (this.#watchers.size >= MAX_WATCHERS) {
        call.emit('error', { code: GrpcStatus.RESOURCE_EXHAUSTED, details: `at most ${MAX_WATCHERS} health watchers` });
        return;
      }
      const w = { service: call.request.service, call };
      this.#watchers.add(w);
      call.on('cancelled', () => this.#watchers.delete(w));
      call.write({ status: ServingStatus[this.#status.get(w.service) ?? 'SERVICE_UNKNOWN'] });
    },
  };
}
