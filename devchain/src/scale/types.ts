/**
 * A small declarative type language for the runtime. Every storage value, call argument, event
 * field, constant and runtime-API type is described with it once; the same description yields
 * the metadata's portable type registry (scale-info) and the SCALE codec the runtime uses.
 */

export type Primitive =
  | 'bool'
  | 'char'
  | 'str'
  | 'u8'
  | 'u16'
  | 'u32'
  | 'u64'
  | 'u128'
  | 'u256'
  | 'i8'
  | 'i16'
  | 'i32'
  | 'i64'
  | 'i128'
  | 'i256';

/** A type description, or a thunk returning one (for recursive types such as RuntimeCall). */
export type TypeRef = TypeDef | (() => TypeDef);

export interface Field {
  /** Field name (snake_case as upstream); absent for tuple-like fields. */
  name?: string;
  type: TypeRef;
  /** The Rust type name shown in metadata (e.g. `T::AccountId`), informational. */
  typeName?: string;
  docs?: string[];
}

export interface Variant {
  name: string;
  index: number;
  fields: Field[];
  docs?: string[];
}

export interface TypeParam {
  name: string;
  type?: TypeRef;
}

export type TypeDef =
  | { kind: 'primitive'; name: Primitive }
  | { kind: 'compact'; of: TypeRef }
  | { kind: 'sequence'; of: TypeRef }
  | { kind: 'array'; len: number; of: TypeRef }
  | { kind: 'tuple'; of: TypeRef[] }
  | { kind: 'composite'; path: string[]; params?: TypeParam[]; fields: Field[]; docs?: string[] }
  | { kind: 'variant'; path: string[]; params?: TypeParam[]; variants: Variant[]; docs?: string[] };

export function resolve(ref: TypeRef): TypeDef {
  return typeof ref === 'function' ? ref() : ref;
}

const prim = (name: Primitive): TypeDef => ({ kind: 'primitive', name });

/** Builders and the common upstream types. Builders return fresh objects; identity = type. */
export const T = {
  bool: prim('bool'),
  str: prim('str'),
  u8: prim('u8'),
  u16: prim('u16'),
  u32: prim('u32'),
  u64: prim('u64'),
  u128: prim('u128'),
  i8: prim('i8'),
  i16: prim('i16'),
  i32: prim('i32'),
  i64: prim('i64'),
  i128: prim('i128'),
  compact: (of: TypeRef): TypeDef => ({ kind: 'compact', of }),
  vec: (of: TypeRef): TypeDef => ({ kind: 'sequence', of }),
  array: (len: number, of: TypeRef): TypeDef => ({ kind: 'array', len, of }),
  tuple: (...of: TypeRef[]): TypeDef => ({ kind: 'tuple', of }),
  struct: (path: string, fields: Record<string, TypeRef>, params?: TypeParam[]): TypeDef => ({
    kind: 'composite',
    path: path.split('::'),
    params,
    fields: Object.entries(fields).map(([name, type]) => ({ name, type })),
  }),
  newtype: (path: string, inner: TypeRef, params?: TypeParam[]): TypeDef => ({
    kind: 'composite',
    path: path.split('::'),
    params,
    fields: [{ type: inner }],
  }),
  /** A fieldless enum: variant i gets index i. */
  unitEnum: (path: string, names: string[]): TypeDef => ({
    kind: 'variant',
    path: path.split('::'),
    variants: names.map((name, index) => ({ name, index, fields: [] })),
  }),
  variant: (path: string, variants: Variant[], params?: TypeParam[]): TypeDef => ({
    kind: 'variant',
    path: path.split('::'),
    params,
    variants,
  }),
};

const cache = new Map<TypeRef, TypeDef>();
function memo(key: TypeRef, make: () => TypeDef): TypeDef {
  let t = cache.get(key);
  if (!t) {
    t = make();
    cache.set(key, t);
  }
  return t;
}

/** `Option<T>`: decoded as `null` or the value. */
export function option(of: TypeRef): TypeDef {
  return memo(of, () => ({
    kind: 'variant',
    path: ['Option'],
    params: [{ name: 'T', type: of }],
    variants: [
      { name: 'None', index: 0, fields: [] },
      { name: 'Some', index: 1, fields: [{ type: of }] },
    ],
  }));
}

const resultCache = new Map<TypeRef, Map<TypeRef, TypeDef>>();
/** `Result<T, E>`: decoded as `{ type: 'Ok', value }` / `{ type: 'Err', value }`. */
export function result(ok: TypeRef, err: TypeRef): TypeDef {
  let inner = resultCache.get(ok);
  if (!inner) {
    inner = new Map();
    resultCache.set(ok, inner);
  }
  let t = inner.get(err);
  if (!t) {
    t = {
      kind: 'variant',
      path: ['Result'],
      params: [
        { name: 'T', type: ok },
        { name: 'E', type: err },
      ],
      variants: [
        { name: 'Ok', index: 0, fields: [{ type: ok }] },
        { name: 'Err', index: 1, fields: [{ type: err }] },
      ],
    };
    inner.set(err, t);
  }
  return t;
}

const vecCache = new Map<TypeRef, TypeDef>();
/** `Vec<T>` with one shared description per element type (keeps the registry small). */
export function vec(of: TypeRef): TypeDef {
  let t = vecCache.get(of);
  if (!t) {
    t = T.vec(of);
    vecCache.set(of, t);
  }
  return t;
}
const compactCache = new Map<TypeRef, TypeDef>();
export function compact(of: TypeRef): TypeDef {
  let t = compactCache.get(of);
  if (!t) {
    t = T.compact(of);
    compactCache.set(of, t);
  }
  return t;
}
const arrayCache = new Map<string, TypeDef>();
export function array(len: number, of: TypeDef): TypeDef {
  const k = `${len}:${(of as { name?: string }).name ?? ''}`;
  if (of.kind !== 'primitive') return T.array(len, of);
  let t = arrayCache.get(k);
  if (!t) {
    t = T.array(len, of);
    arrayCache.set(k, t);
  }
  return t;
}
