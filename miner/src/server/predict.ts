import {
  decodePredictRequest,
  encodePredictResponse,
  findNonFinite,
  type MinerInfo,
  type PredictResponse,
  ProtocolError,
  shapeSize,
} from '#protocol';

/** The model, supplied by the miner daemon. */
export interface Predictor {
  /** Runs a float32 batch `shape` = [N, ...inputShape]; resolves to float32 [N, ...outputShape]. */
  predict(input: Float32Array, shape: readonly number[]): Promise<PredictorOutput>;
}

/** A model answer; the checkpoint fields default to the current `info()`. */
export interface PredictorOutput {
  data: Float32Array;
  shape: readonly number[];
  checkpointHash?: string;
  trainingStep?: number;
}

/** What the model serves, read on each call (the daemon swaps checkpoints). */
export type InfoSource = () => Omit<MinerInfo, 'hotkey'>;

/** Shape and size limits of Predict. */
export interface PredictLimits {
  /** Per-row input shape, e.g. [784]. */
  inputShape: readonly number[];
  /** Per-row output shape, e.g. [10]; checked on the model's answer when given. */
  outputShape?: readonly number[];
  /** Largest batch, rows; default 1024. */
  maxBatch?: number;
}

/** A last check of a valid batch before the model runs (the relay guard); throws or rejects with ProtocolError to refuse. */
export type PredictScreen = (input: Float32Array, batch: number) => void | Promise<void>;

/** Decodes, validates, runs and encodes one Predict; throws ProtocolError on bad input or a bad model answer. */
export async function handlePredict(
  body: Buffer,
  deps: { predictor: Predictor; info: InfoSource; limits: PredictLimits; screen?: PredictScreen },
): Promise<Buffer> {
  const { inputShape, maxBatch = 1024 } = deps.limits;
  const req = decodePredictRequest(body, {
    dtypes: ['float32'],
    maxRank: inputShape.length + 1,
    maxElements: maxBatch * shapeSize(inputShape),
  });
  const info = deps.info();
  if (req.competitionId !== info.competitionId) {
    throw new ProtocolError(
      'wrong-competition',
      `expected competition ${JSON.stringify(info.competitionId)}, found ${JSON.stringify(req.competitionId)}`,
    );
  }
  const shape = req.input.shape;
  const batch = shape[0] ?? 0;
  if (shape.length !== inputShape.length + 1 || batch < 1 || !inputShape.every((d, i) => shape[i + 1] === d)) {
    throw new ProtocolError('bad-shape', `expected input shape [1..${maxBatch}, ${inputShape.join(', ')}], found [${shape.join(', ')}]`);
  }
  const input = req.input.data as Float32Array;
  const bad = findNonFinite(input);
  if (bad >= 0) throw new ProtocolError('non-finite', `expected finite inputs, found ${input[bad]} at flat index ${bad}`);
  await deps.screen?.(input, batch);
  const started = performance.now();
  const out = await deps.predictor.predict(input, shape);
  const computeMicros = Math.round((performance.now() - started) * 1000);
  checkOutput(out, batch, deps.limits.outputShape);
  const res: PredictResponse = {
    competitionId: req.competitionId,
    roundId: req.roundId,
    output: { dtype: 'float32', shape: out.shape, data: out.data },
    checkpointHash: out.checkpointHash ?? info.checkpointHash,
    trainingStep: out.trainingStep ?? info.trainingStep,
    computeMicros,
  };
  return encodePredictResponse(res);
}

function checkOutput(out: PredictorOutput, batch: number, outputShape: readonly number[] | undefined): void {
  const expected = outputShape ? [batch, ...outputShape] : undefined;
  const okShape = expected ? expected.length === out.shape.length && expected.every((d, i) => out.shape[i] === d) : out.shape[0] === batch;
  if (!(out.data instanceof Float32Array) || !okShape || out.data.length !== shapeSize(out.shape)) {
    const want = expected ? `[${expected.join(', ')}]` : `[${batch}, ...]`;
    throw new ProtocolError(
      'internal',
      `model answered shape [${out.shape.join(', ')}] with ${out.data.length} values, expected ${want} float32`,
    );
  }
}
