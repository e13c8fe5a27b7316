/** The Dockerfile's GPU stage matches the versions table of training/README.md (CUDA/cuDNN of libtensorflow). */
import test from 'ava';
import { readFileSync } from 'node:fs';

const ROOT = new URL('..', import.meta.url).pathname;

interface GpuRow {
  tfjsNodeGpu: string;
  libtensorflow: string;
  cuda: string;
  cudnn: string;
  baseImage: string;
}

/** The row under the `gpu-versions` marker of training/README.md. */
function readmeRow(): GpuRow {
  const text = readFileSync(`${ROOT}training/README.md`, 'utf8');
  const after = text.slice(text.indexOf('<!-- gpu-versions'));
  const rows = after
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .slice(2);
  const cells = (rows[0] ?? '')
    .split('|')
    .slice(1, -1)
    .map((c) => c.trim().replace(/`/g, ''));
  const [tfjsNodeGpu = '', libtensorflow = '', cuda = '', cudnn = '', baseImage = ''] = cells;
  return { tfjsNodeGpu, libtensorflow, cuda, cudnn, baseImage };
}

test("the GPU image is built on the CUDA and cuDNN that tfjs-node-gpu's libtensorflow needs", (t) => {
  const row = readmeRow();
  t.is(row.libtensorflow, '2.9.1', 'tfjs-node-gpu 4.x downloads libtensorflow 2.9.1');
  t.is(row.cuda, '11.2', 'libtensorflow 2.9.1 is built for CUDA 11.2');
  t.is(row.cudnn, '8.1', 'and cuDNN 8.1');
  const dockerfile = readFileSync(`${ROOT}Dockerfile`, 'utf8');
  const base = /^FROM\s+(\S+)\s+AS\s+gpu\s*$/m.exec(dockerfile)?.[1];
  t.is(base, row.baseImage, 'the gpu stage uses the base image of the table');
  const [image = '', tag = ''] = (base ?? '').split(':');
  t.is(image, 'nvidia/cuda');
  t.true(tag.startsWith(`${row.cuda}.`), `CUDA ${row.cuda} image, found tag ${tag}`);
  t.true(tag.includes(`-cudnn${row.cudnn.split('.')[0]}-`), `cuDNN ${row.cudnn} image, found tag ${tag}`);
  t.regex(tag, /-runtime-/, 'a runtime image (no compilers for CUDA needed)');
  const installed = /@tensorflow\/tfjs-node-gpu@(\S+)/.exec(dockerfile)?.[1];
  t.is(installed, row.tfjsNodeGpu, 'the installed tfjs-node-gpu is the one in the table');
});
