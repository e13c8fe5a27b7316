import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { pino, type Logger } from 'pino';
import { registerWasmTrainingKernels } from './wasm-kernels.ts';

/** Backends by name: `auto` picks the fastest one that loads (tensorflow-gpu > tensorflow > wasm > cpu). */
export const BACKEND_NAMES = ['auto', 'tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

/** What actually runs; never a guess. */
export interface BackendInfo {
  /** The tfjs backend in use: 'tensorflow' (tfjs-node and tfjs-node-gpu both register this name), 'wasm' or 'cpu'. */
  backend: string;
  /** The name that was asked for, or for `auto`, the one it resolved to. */
  selected: Exclude<BackendName, 'auto'>;
  simd: boolean;
  threads: boolean;
  /** Why threads are off, when they are. */
  threadsNote?: string;
  /** Native backends: the TensorFlow devices libtensorflow made visible (e.g. `['CPU:0', 'GPU:0']`). */
  devices?: string[];
}

const NATIVE_PACKAGES = { 'tensorflow-gpu': '@tensorflow/tfjs-node-gpu', tensorflow: '@tensorflow/tfjs-node' } as const;

/** Thrown when a backend that was asked for by name cannot be loaded. */
export class BackendUnavailableError extends Error {
  /** The CLI exits with 2: the flag asks for something this machine cannot run. */
  readonly exitCode = 2;

  constructor(
    readonly backendName: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BackendUnavailableError';
  }
}

/** What the tfjs-node(-gpu) backend instance says about libtensorflow's devices. */
export interface NativeBackendFlags {
  /** True for @tensorflow/tfjs-node-gpu. */
  isGPUPackage?: boolean;
  /** True when libtensorflow created a GPU device (it found CUDA and cuDNN it was built for). */
  isUsingGpuDevice?: boolean;
}

/**
 * The TensorFlow devices of a native backend. libtensorflow lists its devices when the binding starts,
 * and the binding exposes whether a GPU device is among them; tfjs-node-gpu 4.x loads libtensorflow
 * 2.9.1, built for CUDA 11.2 and cuDNN 8.1 (it looks for libcudart.so.11.0), and without them it
 * creates only the CPU device and silently runs there.
 */
export function tensorflowDevices(flags: NativeBackendFlags): string[] {
  return flags.isUsingGpuDevice === true ? ['CPU:0', 'GPU:0'] : ['CPU:0'];
}

/** Refuses `tensorflow-gpu` when libtensorflow sees no GPU device (it would train on the CPU unannounced). */
export function assertGpuVisible(name: Exclude<BackendName, 'auto'>, flags: NativeBackendFlags): void {
  if (name !== 'tensorflow-gpu' || flags.isUsingGpuDevice === true) return;
  throw new BackendUnavailableError(
    name,
    `backend 'tensorflow-gpu' loaded, but TensorFlow sees no GPU device (devices: ` +
      `${tensorflowDevices(flags).join(', ')}${flags.isGPUPackage === false ? '; this is the CPU build of tfjs-node' : ''}): ` +
      'libtensorflow 2.9.1 needs CUDA 11.2 and cuDNN 8.1 (libcudart.so.11.0) and a visible NVIDIA device ' +
      '(docker run --gpus all); see training/README.md, or use --backend wasm',
  );
}

/**
 * Selects and initialises a tfjs backend, logs `{ backend, simd, threads }` and returns what runs.
 * A backend asked for by name that cannot load throws a BackendUnavailableError; `auto` falls through.
 */
export function selectBackend(name: BackendName, logger: Logger = pino({ level: 'silent' })): Promise<BackendInfo> {
  // tfjs backend switching is global state: a second setBackend while one is initialising reports
  // failure, so concurrent callers (several miners in one process, tests) take turns.
  const run = selectionQueue.then(() => selectBackendNow(name, logger));
  selectionQueue = run.catch(() => undefined);
  return run;
}

let selectionQueue: Promise<unknown> = Promise.resolve();

async function selectBackendNow(name: BackendName, logger: Logger): Promise<BackendInfo> {
  if (!(BACKEND_NAMES as readonly string[]).includes(name)) {
    throw new BackendUnavailableError(String(name), `expected a backend among ${BACKEND_NAMES.join(', ')}, found '${String(name)}'`);
  }
  const order: Exclude<BackendName, 'auto'>[] = name === 'auto' ? ['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'] : [name];
  for (const candidate of order) {
    try {
      const info = await initBackend(candidate);
      logger.info(
        {
          backend: info.backend,
          selected: info.selected,
          simd: info.simd,
          threads: info.threads,
          threadsNote: info.threadsNote,
          devices: info.devices,
        },
        'tfjs backend selected',
      );
      return info;
    } catch (err: unknown) {
      if (name !== 'auto') throw err;
      logger.debug({ err, backend: candidate }, 'tfjs backend unavailable, trying the next');
    }
  }
  throw new BackendUnavailableError('auto', 'no tfjs backend could be initialised (tried tensorflow-gpu, tensorflow, wasm, cpu)');
}

async function initBackend(name: Exclude<BackendName, 'auto'>): Promise<BackendInfo> {
  if (name === 'wasm') return initWasm();
  if (name === 'cpu') {
    await setBackendOrThrow('cpu');
    silenceCpuBanner();
    return { backend: 'cpu', selected: 'cpu', simd: false, threads: false };
  }
  await importNative(name);
  await setBackendOrThrow('tensorflow');
  const flags = tf.backend() as unknown as NativeBackendFlags;
  assertGpuVisible(name, flags);
  return { backend: 'tensorflow', selected: name, simd: true, threads: true, devices: tensorflowDevices(flags) };
}

/** Loads an optional native binding at run time; it is never a dependency of this package. */
async function importNative(name: 'tensorflow' | 'tensorflow-gpu'): Promise<void> {
  const pkg: string = NATIVE_PACKAGES[name];
  try {
    await import(pkg);
  } catch (err: unknown) {
    throw new BackendUnavailableError(
      name,
      `backend '${name}' needs the optional package ${pkg}, which could not be loaded ` +
        `(${(err as Error).message.split('\n')[0]}); install it where libtensorflow can be downloaded, or use --backend wasm`,
      { cause: err },
    );
  }
}

async function initWasm(): Promise<BackendInfo> {
  const require = createRequire(import.meta.url);
  // The .wasm binaries sit next to the package's entry in dist/; point the loader at them on disk.
  setWasmPaths(`${dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm'))}/`);
  registerWasmTrainingKernels();
  await setBackendOrThrow('wasm');
  const simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) === true;
  const threads = (await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')) === true;
  return {
    backend: 'wasm',
    selected: 'wasm',
    simd,
    threads,
    ...(threads
      ? {}
      : { threadsNote: 'tfjs disables wasm threads under Node.js (tfjs issue 3830); use a second worker or process for the second core' }),
  };
}

async function setBackendOrThrow(name: string): Promise<void> {
  let ok = false;
  try {
    ok = await tf.setBackend(name);
  } catch (err: unknown) {
    throw new BackendUnavailableError(name, `tfjs backend '${name}' failed to initialise: ${(err as Error).message}`, { cause: err });
  }
  if (!ok || tf.getBackend() !== name) {
    throw new BackendUnavailableError(name, `tfjs backend '${name}' failed to initialise (tf.getBackend() is '${tf.getBackend()}')`);
  }
  await tf.ready();
}

/** The cpu backend prints a "install tfjs-node" banner through console.warn on first use; the choice is logged instead. */
function silenceCpuBanner(): void {
  const cpu = tf.findBackend('cpu') as unknown as { firstUse?: boolean } | null;
  if (cpu && 'firstUse' in cpu) cpu.firstUse = false;
}
