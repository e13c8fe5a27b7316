/** Structural mutations of JSON documents for fuzzing: set, delete or add a field at any depth. */
import fc from 'fast-check';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** One edit: a path of indices into each level's keys, what to do there, the value and the key to add. */
export interface Edit {
  path: number[];
  op: 'set' | 'delete' | 'add';
  value: Json;
  key: string;
}

export const editArb: fc.Arbitrary<Edit> = fc.record({
  path: fc.array(fc.nat(), { maxLength: 5 }),
  op: fc.constantFrom('set' as const, 'delete' as const, 'add' as const),
  value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  key: fc.string({ maxLength: 12 }),
});

/** Applies an edit at a path chosen by indices into each level's keys (bounded by the real depth). */
export function applyEdit(root: Json, e: Edit): Json {
  const copy = structuredClone(root);
  let node: Json = copy;
  for (const i of e.path) {
    if (node === null || typeof node !== 'object') break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const k = keys[i % keys.length]!;
    const child: Json = (node as Record<string, Json>)[k]!;
    if (child === null || typeof child !== 'object' || e.path.length === 0) {
      const obj = node as Record<string, Json>;
      if (e.op === 'set') obj[k] = e.value;
      else if (e.op === 'delete') delete obj[k];
      else obj[e.key] = e.value;
      return copy;
    }
    node = child;
  }
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) (node as Record<string, Json>)[e.key] = e.value;
  return copy;
}
