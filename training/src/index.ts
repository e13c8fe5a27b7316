/** Public entry of `training/`: competitions, data, models, backends and fast training on @tensorflow/tfjs only. */
export * from './backend.ts';
export * from './competition.ts';
export * from './data.ts';
export { buildModel, isModelName, parameterCount } from './models.ts';
export * from './prng.ts';
export { generateDigits, renderDigit } from './synth-digits.ts';
export * from './train.ts';
export * from './model-io.ts';
export * from './metrics.ts';
export { registerWasmTrainingKernels, conv2dBackpropFilter } from './wasm-kernels.ts';
export { compileLogits } from './forward.ts';
