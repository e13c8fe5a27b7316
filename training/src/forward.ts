import * as tf from '@tensorflow/tfjs';
import { convOp, convReluPool2Op, denseOp, maxPool2Op } from './fast-ops.ts';

/** A model's forward pass as plain fused tfjs ops over its own variables, returning logits (pre-softmax). */
export type LogitsFn = (x: tf.Tensor2D) => tf.Tensor2D;

interface LayerLike {
  getClassName(): string;
  getConfig(): tf.serialization.ConfigDict;
  trainableWeights: { read(): tf.Tensor }[];
  name: string;
}

type Step = (x: tf.Tensor) => tf.Tensor;

/**
 * Compiles a Sequential of Dense / Conv2D / MaxPooling2D / Reshape / Flatten layers into fused ops
 * (matMul+bias+relu and conv2d+bias+relu in one kernel each). Skipping the Layers API per step is
 * most of the training speed-up. The last layer must be a softmax Dense; it yields logits instead,
 * so the loss can use the stable softmax cross-entropy.
 */
export function compileLogits(model: tf.LayersModel): LogitsFn {
  const layers = model.layers as unknown as LayerLike[];
  let needInputGrad = false;
  const steps: Step[] = [];
  for (let i = 0; i < layers.length; i++) {
    const layer = layers[i]!,
      next = layers[i + 1];
    // A relu conv followed by a 2x2 pool runs as one op whose gradient folds the relu into the pool's.
    const fused = next && i + 1 < layers.length - 1 && isPool2x2(next) ? fusedConvPool(layer, needInputGrad) : undefined;
    steps.push(fused ?? compileLayer(layer, i === layers.length - 1, needInputGrad));
    if (fused) i++;
    // Layers before the first weighted one see only data, which needs no gradient.
    if (layer.trainableWeights.length > 0) needInputGrad = true;
  }
  return (x) => steps.reduce<tf.Tensor>((h, step) => step(h), x) as tf.Tensor2D;
}

function isPool2x2(layer: LayerLike): boolean {
  if (layer.getClassName() !== 'MaxPooling2D') return false;
  const cfg = layer.getConfig();
  const pool = cfg.poolSize as [number, number],
    strides = cfg.strides as [number, number];
  return pool[0] === 2 && pool[1] === 2 && strides[0] === 2 && strides[1] === 2 && cfg.padding === 'valid';
}

/** The fused conv+relu+pool step when `layer` is a plain (stride 1, 'valid', channelsLast) relu Conv2D with a kernel. */
function fusedConvPool(layer: LayerLike, needInputGrad: boolean): Step | undefined {
  if (layer.getClassName() !== 'Conv2D') return undefined;
  const cfg = layer.getConfig();
  const [filter, bias] = layer.trainableWeights.map((w) => w.read());
  if (!filter || cfg.activation !== 'relu' || cfg.dataFormat !== 'channelsLast' || !isPlainConv(cfg)) return undefined;
  return convReluPool2Op(filter as tf.Tensor4D, bias, needInputGrad);
}

function isPlainConv(cfg: tf.serialization.ConfigDict): boolean {
  const strides = cfg.strides as [number, number],
    dilations = cfg.dilationRate as [number, number];
  return strides.every((v) => v === 1) && dilations.every((v) => v === 1) && cfg.padding === 'valid';
}

function compileLayer(layer: LayerLike, isLast: boolean, needInputGrad: boolean): Step {
  const cls = layer.getClassName();
  const cfg = layer.getConfig();
  const weights = layer.trainableWeights.map((w) => w.read());
  if (isLast && (cls !== 'Dense' || cfg.activation !== 'softmax')) {
    throw new Error(
      `expected the last layer of the model to be a softmax Dense, found ${cls} '${layer.name}' (activation ${String(cfg.activation)})`,
    );
  }
  switch (cls) {
    case 'Dense':
      return denseStep(weights, isLast ? 'linear' : String(cfg.activation), layer.name, needInputGrad);
    case 'Conv2D':
      return convStep(weights, cfg, layer.name, needInputGrad);
    case 'MaxPooling2D': {
      const pool = cfg.poolSize as [number, number],
        strides = cfg.strides as [number, number];
      return isPool2x2(layer) ? maxPool2Op() : (x) => tf.maxPool(x as tf.Tensor4D, pool, strides, cfg.padding as 'valid' | 'same');
    }
    case 'Reshape':
      return (x) => tf.reshape(x, [-1, ...(cfg.targetShape as number[])]);
    case 'Flatten':
      return (x) => tf.reshape(x, [x.shape[0], -1]);
    case 'InputLayer':
      return (x) => x;
    default:
      throw new Error(
        `layer '${layer.name}' of class ${cls} is not supported by the fast trainer (Dense, Conv2D, MaxPooling2D, Reshape, Flatten)`,
      );
  }
}

function activationOf(name: string, where: string): 'relu' | 'linear' {
  if (name === 'relu' || name === 'linear') return name;
  throw new Error(`layer '${where}': expected activation relu or linear, found ${name}`);
}

function denseStep(weights: tf.Tensor[], activation: string, name: string, needInputGrad: boolean): Step {
  const [kernel, bias] = weights;
  if (!kernel) throw new Error(`dense layer '${name}' has no kernel`);
  return denseOp(kernel, bias, activationOf(activation, name), needInputGrad);
}

function convStep(weights: tf.Tensor[], cfg: tf.serialization.ConfigDict, name: string, needInputGrad: boolean): Step {
  const [filter, bias] = weights;
  if (!filter) throw new Error(`conv layer '${name}' has no kernel`);
  if (cfg.dataFormat !== 'channelsLast') throw new Error(`conv layer '${name}': expected channelsLast, found ${String(cfg.dataFormat)}`);
  const act = activationOf(String(cfg.activation), name);
  const strides = cfg.strides as [number, number],
    pad = cfg.padding as 'valid' | 'same';
  const dilations = cfg.dilationRate as [number, number];
  if (isPlainConv(cfg)) return convOp(filter as tf.Tensor4D, bias, act, needInputGrad);
  return (x) =>
    tf.fused.conv2d({
      x: x as tf.Tensor4D,
      filter: filter as tf.Tensor4D,
      strides,
      pad,
      dilations,
      ...(bias ? { bias } : {}),
      activation: act,
    });
}
