/**
 * A scripted miner's gRPC face: speaks `arena.v1.MinerService` exactly as a real miner does (checks the
 * validator's request signature, signs its answer over the request hash), but the answer comes from an
 * adversary's `answer` function instead of a model it trained.
 */

import { status as GrpcStatus, Server, ServerCredentials, type ServerUnaryCall, type sendUnaryData } from '@grpc/grpc-js';
import { errorMessage } from '#core';
import {
  DEFAULT_MAX_MESSAGE_BYTES,
  decodePredictRequest,
  encodeInfoResponse,
  encodePredictResponse,
  ensureCryptoReady,
  MINER_SERVICE,
  type PredictRequest,
  responseMetadata,
  type Signer,
  sha256Hex,
  signResponse,
  verifyRequest,
} from '#protocol';

/** What the adversary answers for one validator request: float32 [N, 10] probabilities. */
export type AnswerFn = (req: PredictRequest, callerHotkey: string) => Promise<Float32Array>;

/** Options of one fake miner (one hotkey, one port). */
export interface FakeMinerOptions {
  hotkey: Signer;
  answer: AnswerFn;
  /** Extra delay before answering, ms (churn: late answers). */
  delayMs?: () => number;
  modelName?: string;
}

/** Starts the server on 127.0.0.1 (port 0 = any); returns the bound port and a stop function. */
export async function startFakeMiner(opts: FakeMinerOptions): Promise<{ port: number; stop: () => void }> {
  await ensureCryptoReady();
  const server = new Server({
    'grpc.max_receive_message_length': DEFAULT_MAX_MESSAGE_BYTES,
    'grpc.max_send_message_length': DEFAULT_MAX_MESSAGE_BYTES,
  });
  const me = opts.hotkey.address;
  function guarded(impl: (body: Buffer, caller: string) => Promise<Buffer>) {
    return (call: ServerUnaryCall<Buffer, Buffer>, cb: sendUnaryData<Buffer>): void => {
      const v = verifyRequest(call.request, call.metadata, { expectedSignedFor: me });
      if (!v.ok) {
        cb({ code: GrpcStatus.UNAUTHENTICATED, details: `${v.code}: ${v.reason}` });
        return;
      }
      const caller = v.record.signedBy;
      void (async () => {
        const delay = opts.delayMs?.() ?? 0;
        if (delay > 0) await new Promise((r) => setTimeout(r, delay));
        const body = await impl(call.request, caller);
        const headers = signResponse(body, opts.hotkey, {
          uuid: v.record.uuid,
          validatorHotkey: caller,
          requestBodyHash: sha256Hex(call.request),
        });
        call.sendMetadata(responseMetadata(headers));
        cb(null, body);
      })().catch((err: unknown) => cb({ code: GrpcStatus.UNAVAILABLE, details: errorMessage(err) }));
    };
  }
  server.addService(MINER_SERVICE, {
    Predict: guarded(async (body, caller) => {
      const req = decodePredictRequest(body);
      const started = performance.now();
      const out = await opts.answer(req, caller);
      const n = req.input.shape[0] ?? 0;
      return encodePredictResponse({
        competitionId: req.competitionId,
        roundId: req.roundId,
        output: { dtype: 'float32', shape: [n, out.length / Math.max(n, 1)], data: out },
        checkpointHash: `0x${sha256Hex(Buffer.from(opts.modelName ?? 'adversary'))}`,
        trainingStep: 1,
        computeMicros: Math.round((performance.now() - started) * 1000),
      });
    }),
    Info: guarded(async () =>
      encodeInfoResponse({
        competitionId: 'mnist',
        backend: 'wasm',
        parameterCount: 101_770,
        checkpointHash: `0x${sha256Hex(Buffer.from(opts.modelName ?? 'adversary'))}`,
        trainingStep: 1,
        modelName: opts.modelName ?? 'mlp',
        version: '0.1.0',
        hotkey: me,
      }),
    ),
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
  );
  return { port, stop: () => server.forceShutdown() };
}
