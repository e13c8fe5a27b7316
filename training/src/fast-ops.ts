import * as tf from '@tensorflow/tfjs';

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
    const a3 = tf.reshape(x, [1, x.shape[0], x.shape[1]]),
      b3 = tf.reshape(kernel, [1, kernel.shape[0], kernel.shape[1]]);
    const y3 = tf
      .engine()
      .runKernel('_FusedMatMul', { a: a3, b: b3, bias: bvec }, { transposeA: false, transposeB: false, activation: act }) as tf.Tensor3D;
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

/**
 * Filter and bias gradients of a stride-1 'valid' convolution in one forward conv: x transposed to
 * [Cin, H, W, N] (channels become the batch) with a row of ones appended, convolved with dz
 * transposed to [Ho, Wo, N, Cout] as the filter. Rows 0..Cin-1 of the result are dW, the ones row
 * at tap (0, 0) is the sum of dz over batch and positions, i.e. db (no separate reduction pass).
 */
export function convFilterAndBiasGrad(x: tf.Tensor4D, dz: tf.Tensor4D, kh: number, kw: number): [tf.Tensor4D, tf.Tensor1D] {
  return tf.tidy(() => {
    const [n, h, w, cin] = x.shape;
    const cout = dz.shape[3];
    // With one input channel the move to [1, H, W, N] is a 2-D transpose.
    const xt: tf.Tensor4D = cin === 1 ? tf.reshape(tf.transpose(tf.reshape(x, [n, h * w])), [1, h, w, n]) : tf.transpose(x, [3, 1, 2, 0]);
    const dyt: tf.Tensor4D = tf.transpose(dz, [1, 2, 0, 3]);
    const withOnes = tf.concat([xt, tf.ones([1, h, w, n])], 0) as tf.Tensor4D;
    const out = tf.conv2d(withOnes, dyt, 1, 'valid') as tf.Tensor4D; // [cin + 1, kh, kw, cout]
    const dW = tf.transpose(tf.slice(out, [0, 0, 0, 0], [cin, kh, kw, cout]), [1, 2, 0, 3]) as tf.Tensor4D;
    const db = tf.reshape(tf.slice(out, [cin, 0, 0, 0], [1, 1, 1, cout]), [cout]) as tf.Tensor1D;
    return [dW, db];
  });
}

/** Input gradient of a stride-1 'valid' conv: full correlation of dz with the rotated filter (padding inside the conv, no pad pass). */
function convInputGrad(dz: tf.Tensor4D, filter: tf.Tensor4D): tf.Tensor4D {
  const [kh, kw] = filter.shape;
  const rotated = tf.transpose(tf.reverse(filter, [0, 1]), [0, 1, 3, 2]) as tf.Tensor4D;
  return tf.conv2d(dz, rotated, 1, [
    [0, 0],
    [kh - 1, kh - 1],
    [kw - 1, kw - 1],
    [0, 0],
  ]);
}

/** y = act(conv2d(x, W, stride 1, 'valid') + b) for NHWC x and W [kh, kw, cin, cout]. */
export function convOp(w: tf.Tensor4D, b: tf.Tensor | undefined, act: Act, needInputGrad: boolean): Op1 {
  const bias = b ?? tf.zeros([w.shape[3]]);
  const [kh, kw] = w.shape;
  const f = tf.customGrad(((x: tf.Tensor4D, filter: tf.Tensor4D, bvec: tf.Tensor1D, save: tf.GradSaveFunc) => {
    const y = tf
      .engine()
      .runKernel(
        'FusedConv2D',
        { x, filter, bias: bvec },
        { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [1, 1], activation: act },
      ) as tf.Tensor4D;
    save([x, filter, y]);
    return {
      value: y,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sx, sf, sy] = saved as [tf.Tensor4D, tf.Tensor4D, tf.Tensor4D];
        const dz = activationGrad(dy, sy, act) as tf.Tensor4D;
        const [dW, db] = convFilterAndBiasGrad(sx, dz, kh!, kw!);
        const dx = needInputGrad ? convInputGrad(dz, sf) : zerosLikeGrad(sx);
        return [dx, dW, db];
      },
    };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return (x) => f(x, w, bias);
}

/**
 * maxPool2x2(relu(conv2d(x, W, stride 1, 'valid') + b)) as one op. Its gradient routes dy to the
 * window maxima with one compare on a 6-D view and folds the relu gradient into the pooled
 * tensor (a window whose maximum is 0 had only non-positive pre-activations), which saves two
 * full-size passes over the conv output compared with separate conv and pool gradients.
 */
export function convReluPool2Op(w: tf.Tensor4D, b: tf.Tensor | undefined, needInputGrad: boolean): Op1 {
  const bias = b ?? tf.zeros([w.shape[3]]);
  const [kh, kw] = w.shape;
  const f = tf.customGrad(((x: tf.Tensor4D, filter: tf.Tensor4D, bvec: tf.Tensor1D, save: tf.GradSaveFunc) => {
    const y = tf
      .engine()
      .runKernel(
        'FusedConv2D',
        { x, filter, bias: bvec },
        { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [1, 1], activation: 'relu' },
      ) as tf.Tensor4D;
    const m = tf.maxPool(y, 2, 2, 'valid');
    save([x, filter, y, m]);
    // save() keeps clones, and nothing tidies inside a custom op's forward function.
    y.dispose();
    return {
      value: m,
      gradFunc: (dm: tf.Tensor, saved: tf.Tensor[]) => {
        const [sx, sf, sy, sm] = saved as [tf.Tensor4D, tf.Tensor4D, tf.Tensor4D, tf.Tensor4D];
        const [n, h, wd, c] = sy.shape;
        const ho = sm.shape[1],
          wo = sm.shape[2];
        const even = h === 2 * ho && wd === 2 * wo;
        const ye = even ? sy : tf.slice(sy, [0, 0, 0, 0], [n, 2 * ho, 2 * wo, c]);
        const g6 = tf.reshape(tf.mul(dm, tf.step(sm)), [n, ho, 1, wo, 1, c]);
        // 1 where y < max (step of max - y), so dz = g - g * that: wasm's broadcasting Equal is ~30x slower than Sub.
        const below = tf.step(tf.sub(tf.reshape(sm, [n, ho, 1, wo, 1, c]), tf.reshape(ye, [n, ho, 2, wo, 2, c])));
        const dz6 = tf.sub(g6, tf.mul(below, g6));
        const dzc = tf.reshape(dz6, [n, 2 * ho, 2 * wo, c]) as tf.Tensor4D;
        const dz = even
          ? dzc
          : (tf.pad(dzc, [
              [0, 0],
              [0, h - 2 * ho],
              [0, wd - 2 * wo],
              [0, 0],
            ]) as tf.Tensor4D);
        const [dW, db] = convFilterAndBiasGrad(sx, dz, kh!, kw!);
        const dx = needInputGrad ? convInputGrad(dz, sf) : zerosLikeGrad(sx);
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
        const ho = sy.shape[1],
          wo = sy.shape[2];
        const xe = h === 2 * ho && w === 2 * wo ? sx : tf.slice(sx, [0, 0, 0, 0], [n, 2 * ho, 2 * wo, c]);
        const x6 = tf.reshape(xe, [n, ho, 2, wo, 2, c]);
        // mask = (x == max) as 1 - step(max - x): wasm's broadcasting Equal is ~30x slower than Sub.
        const mask = tf.sub(1, tf.step(tf.sub(tf.reshape(sy, [n, ho, 1, wo, 1, c]), x6)));
        const dx6 = tf.mul(mask, tf.reshape(dy, [n, ho, 1, wo, 1, c]));
        const dx = tf.reshape(dx6, [n, 2 * ho, 2 * wo, c]);
        return h === 2 * ho && w === 2 * wo
          ? dx
          : tf.pad(dx, [
              [0, 0],
              [0, h - 2 * ho],
              [0, w - 2 * wo],
              [0, 0],
            ]);
      },
    };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return (x) => f(x);
}
