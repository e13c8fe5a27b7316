import * as tf from '@tensorflow/tfjs';
import { conv2dBackpropFilter } from './wasm-kernels.ts';

/**
 * Layer ops with hand-written gradients that suit the wasm backend: its BatchMatMul is ~13x slower
 * with transposeA/transposeB than on plain operands, its Conv2DBackpropInput and MaxPoolGrad are
 * naive loops, and inside a gradient tape tfjs un-fuses matMul+bias+relu. Here the forward pass
 * calls the fused kernels directly, transposes are explicit, and gradients are expressed with
 * forward kernels (XNNPACK). Input gradients of the first layer are skipped (zeros).
 */
type Act = 'relu' | 'linear';
export type Op1 = (x: tf.Tensor) => tf.Tensor;

const zerosLikeGrad = (x: tf.Tensor): tf.Tensor => tf.zeros(x.shape, x.dtype);

function activationGrad(dy: tf.Tensor, y: tf.Tensor, act: Act): tf.Tensor {
  return act === 'relu' ? tf.mul(dy, tf.step(y)) : dy;
}

/** y = act(x W + b) for x [n, in], W [in, out], b [out]. */
export function denseOp(w: tf.Tensor, b: tf.Tensor | undefined, act: Act, needInputGrad: boolean): Op1 {
  const bias = b ?? tf.zeros([w.shape[1]!]);
  const f = tf.customGrad(((x: tf.Tensor2D, kernel: tf.Tensor2D, bvec: tf.Tensor1D, save: tf.GradSaveFunc) => {
    const a3 = tf.reshape(x, [1, x.shape[0], x.shape[1]]), b3 = tf.reshape(kernel, [1, kernel.shape[0], kernel.shape[1]]);
    const y3 = tf.engine().runKernel('_FusedMatMul', { a: a3, b: b3, bias: bvec }, { transposeA: false, transposeB: false, activation: act }) as tf.Tensor3D;
    const y = tf.reshape(y3, [x.shape[0], kernel.shape[1]]);
    save([x, kernel, y]);
    return {
      value: y,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sx, sk, sy] = saved as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
        const dz = activationGrad(dy, sy, act) as tf.Tensor2D;
        const dW = tf.matMul(tf.transpose(sx), dz);
        const db = tf.sum(dz, 0);
        const dx = needInputGrad ? tf.matMul(dz, tf.transpose(sk)) : zerosLikeGrad(sx);
        return [dx, dW, db];
      },
    };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return (x) => f(x, w, bias);
}

/** y = act(conv2d(x, W, stride 1, 'valid') + b) for NHWC x and W [kh, kw, cin, cout]. */
export function convOp(w: tf.Tensor4D, b: tf.Tensor | undefined, act: Act, needInputGrad: boolean): Op1 {
  const bias = b ?? tf.zeros([w.shape[3]]);
  const [kh, kw] = w.shape;
  const f = tf.customGrad(((x: tf.Tensor4D, filter: tf.Tensor4D, bvec: tf.Tensor1D, save: tf.GradSaveFunc) => {
    const y = tf.engine().runKernel('FusedConv2D', { x, filter, bias: bvec },
      { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [1, 1], activation: act }) as tf.Tensor4D;
    save([x, filter, y]);
    return {
      value: y,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sx, sf, sy] = saved as [tf.Tensor4D, tf.Tensor4D, tf.Tensor4D];
        const dz = activationGrad(dy, sy, act) as tf.Tensor4D;
        const dW = conv2dBackpropFilter(sx, dz, sf.shape, 1, 'valid');
        const db = tf.sum(dz, [0, 1, 2]);
        // Full correlation of dz with the filter rotated by 180 degrees and in/out channels swapped.
        const dx = needInputGrad
          ? tf.conv2d(tf.pad(dz, [[0, 0], [kh - 1, kh - 1], [kw - 1, kw - 1], [0, 0]]), tf.transpose(tf.reverse(sf, [0, 1]), [0, 1, 3, 2]), 1, 'valid')
          : zerosLikeGrad(sx);
        return [dx, dW, db];
      },
    };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return (x) => f(x, w, bias);
}

/** 2x2 max pooling, stride 2, 'valid'; the gradient routes dy to the maxima via a compare on a 6-D view. */
export function maxPool2Op(): Op1 {
  const f = tf.customGrad(((x: tf.Tensor4D, save: tf.GradSaveFunc) => {
    const y = tf.maxPool(x, 2, 2, 'valid');
    save([x, y]);
    return {
      value: y,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sx, sy] = saved as [tf.Tensor4D, tf.Tensor4D];
        const [n, h, w, c] = sx.shape;
        const ho = sy.shape[1], wo = sy.shape[2];
        const xe = h === 2 * ho && w === 2 * wo ? sx : tf.slice(sx, [0, 0, 0, 0], [n, 2 * ho, 2 * wo, c]);
        const x6 = tf.reshape(xe, [n, ho, 2, wo, 2, c]);
        // mask = (x == max) as 1 - step(max - x): wasm's broadcasting Equal is ~30x slower than Sub.
        const mask = tf.sub(1, tf.step(tf.sub(tf.reshape(sy, [n, ho, 1, wo, 1, c]), x6)));
        const dx6 = tf.mul(mask, tf.reshape(dy, [n, ho, 1, wo, 1, c]));
        const dx = tf.reshape(dx6, [n, 2 * ho, 2 * wo, c]);
        return h === 2 * ho && w === 2 * wo ? dx : tf.pad(dx, [[0, 0], [0, h - 2 * ho], [0, w - 2 * wo], [0, 0]]);
      },
    };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return (x) => f(x);
}
