import * as tf from '@tensorflow/tfjs';

/**
 * Training kernels the wasm backend lacks (tfjs 4.22). The cnn model needs Conv2DBackpropFilter;
 * Conv2DBackpropInput and MaxPoolGrad already exist. Kernels are written with tfjs ops, which run
 * on the wasm backend's own forward kernels (XNNPACK).
 */
export function registerWasmTrainingKernels(): void {
  if (!tf.getKernel('Conv2DBackpropFilter', 'wasm')) {
    tf.registerKernel({
      kernelName: 'Conv2DBackpropFilter',
      backendName: 'wasm',
      kernelFunc: conv2dBackpropFilterKernel as unknown as tf.KernelFunc,
    });
  }
}

interface BackpropFilterAttrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
}

function conv2dBackpropFilterKernel(args: { inputs: { x: tf.Tensor4D; dy: tf.Tensor4D }; attrs: BackpropFilterAttrs }): tf.Tensor4D {
  const { x, dy } = args.inputs;
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = args.attrs;
  if (dataFormat !== 'NHWC') throw new Error(`wasm Conv2DBackpropFilter: expected dataFormat NHWC, found ${dataFormat}`);
  return conv2dBackpropFilter(x, dy, filterShape, strides, pad, dimRoundingMode);
}

/**
 * dW[kh,kw,ci,co] = sum over n,ho,wo of x[n, ho*s+kh-padTop, wo*s+kw-padLeft, ci] * dy[n,ho,wo,co]:
 * a forward conv of x transposed to [Cin,H,W,N] (channels become the batch) with dy transposed to
 * [Ho,Wo,N,Cout] as the filter, stride 1, dilation = the forward stride, 'valid' on the padded x.
 */
export function conv2dBackpropFilter(
  x: tf.Tensor4D,
  dy: tf.Tensor4D,
  filterShape: [number, number, number, number],
  strides: number | [number, number],
  pad: BackpropFilterAttrs['pad'],
  dimRoundingMode?: 'floor' | 'round' | 'ceil',
): tf.Tensor4D {
  return tf.tidy(() => {
    const info = tf.backend_util.computeConv2DInfo(x.shape, filterShape, strides, 1, pad, dimRoundingMode, false, 'channelsLast');
    const { top, bottom, left, right } = info.padInfo;
    const [kh, kw] = filterShape;
    const padded =
      top || bottom || left || right
        ? tf.pad(x, [
            [0, 0],
            [Math.max(top, 0), Math.max(bottom, 0)],
            [Math.max(left, 0), Math.max(right, 0)],
            [0, 0],
          ])
        : x;
    const xt = tf.transpose(padded, [3, 1, 2, 0]);
    const dyt = tf.transpose(dy, [1, 2, 0, 3]);
    const dilations: [number, number] = [info.strideHeight, info.strideWidth];
    let out = tf.conv2d(xt, dyt, 1, 'valid', 'NHWC', dilations);
    if (out.shape[1] !== kh || out.shape[2] !== kw) out = tf.slice(out, [0, 0, 0, 0], [-1, kh, kw, -1]);
    return tf.transpose(out, [1, 2, 0, 3]);
  });
}
