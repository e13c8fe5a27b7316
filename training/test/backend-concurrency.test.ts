import test from 'ava';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../src/index.ts';

test('concurrent selections of the same backend all succeed (they take turns)', async (t) => {
  const infos = await Promise.all(Array.from({ length: 6 }, () => selectBackend('wasm')));
  t.deepEqual(
    infos.map((i) => i.backend),
    Array(6).fill('wasm'),
  );
  t.is(tf.getBackend(), 'wasm');
});
