import test from 'ava';
import { assertGpuVisible, BackendUnavailableError, selectBackend, tensorflowDevices } from '../src/backend.ts';

// tfjs-node-gpu cannot be installed on these machines (no libtensorflow download, no GPU): the native
// backend's device flags are given as the binding reports them.
test('tensorflow-gpu without a visible GPU device is refused with what to do and exit code 2', (t) => {
  const err = t.throws(() => assertGpuVisible('tensorflow-gpu', { isGPUPackage: true, isUsingGpuDevice: false }), {
    instanceOf: BackendUnavailableError,
  });
  t.is(err.exitCode, 2);
  t.regex(err.message, /sees no GPU device \(devices: CPU:0\).*CUDA 11\.2 and cuDNN 8\.1.*--backend wasm/);
  t.regex(t.throws(() => assertGpuVisible('tensorflow-gpu', { isGPUPackage: false }))!.message, /CPU build of tfjs-node/);
  t.notThrows(() => assertGpuVisible('tensorflow-gpu', { isGPUPackage: true, isUsingGpuDevice: true }));
  t.notThrows(() => assertGpuVisible('tensorflow', { isUsingGpuDevice: false }), 'the CPU build needs no GPU');
});

test('the device list says whether TensorFlow has a GPU device', (t) => {
  t.deepEqual(tensorflowDevices({ isGPUPackage: true, isUsingGpuDevice: true }), ['CPU:0', 'GPU:0']);
  t.deepEqual(tensorflowDevices({ isGPUPackage: true, isUsingGpuDevice: false }), ['CPU:0']);
});

test('asking for tensorflow-gpu where the package cannot load is a usage error (exit code 2)', async (t) => {
  const err = await t.throwsAsync(selectBackend('tensorflow-gpu'), { instanceOf: BackendUnavailableError });
  t.is(err.exitCode, 2);
  t.regex(err.message, /tensorflow-gpu/);
});
