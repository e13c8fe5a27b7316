import type { ServiceDefinition } from '@grpc/grpc-js';
import { grpc } from './generated/proto.js';

/**
 * grpc-js service definitions. MinerService moves raw bytes both ways: the request bytes are what the
 * validator signed and the miner verifies, the response bytes are what the miner signed, so the codecs in
 * messages.ts run inside the handler/client where errors map to proper statuses (and nothing is copied twice).
 */
const rawBytes = {
  serialize: (b: Buffer): Buffer => b,
  deserialize: (b: Buffer): Buffer => b,
};

function unaryRaw(path: string) {
  return {
    path,
    requestStream: false,
    responseStream: false,
    requestSerialize: rawBytes.serialize,
    requestDeserialize: rawBytes.deserialize,
    responseSerialize: rawBytes.serialize,
    responseDeserialize: rawBytes.deserialize,
  } as const;
}

/** `arena.v1.MinerService`, bytes in and out. */
export const MINER_SERVICE = {
  Predict: unaryRaw('/arena.v1.MinerService/Predict'),
  Info: unaryRaw('/arena.v1.MinerService/Info'),
} satisfies ServiceDefinition;

/** Serving states of the standard health service. */
export const ServingStatus = grpc.health.v1.HealthCheckResponse.ServingStatus;
export type ServingStatusName = 'UNKNOWN' | 'SERVING' | 'NOT_SERVING' | 'SERVICE_UNKNOWN';

const HealthCheckRequest = grpc.health.v1.HealthCheckRequest;
const HealthCheckResponse = grpc.health.v1.HealthCheckResponse;
type HealthReq = { service: string };
type HealthRes = { status: number };

const healthCodec = {
  requestSerialize: (r: HealthReq): Buffer => HealthCheckRequest.encode(r).finish() as Buffer,
  requestDeserialize: (b: Buffer): HealthReq => ({ service: HealthCheckRequest.decode(b).service }),
  responseSerialize: (r: HealthRes): Buffer => HealthCheckResponse.encode(r).finish() as Buffer,
  responseDeserialize: (b: Buffer): HealthRes => ({ status: HealthCheckResponse.decode(b).status }),
};

/** The standard `grpc.health.v1.Health` service (Check and Watch). */
export const HEALTH_SERVICE = {
  Check: { path: '/grpc.health.v1.Health/Check', requestStream: false, responseStream: false, ...healthCodec },
  Watch: { path: '/grpc.health.v1.Health/Watch', requestStream: false, responseStream: true, ...healthCodec },
} satisfies ServiceDefinition;

export type { HealthReq as HealthCheckRequest, HealthRes as HealthCheckResponse };
