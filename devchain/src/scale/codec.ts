/**
 * SCALE codec compiled from the type descriptions of `types.ts`.
 * Value mapping: u8..u32/i8..i32 -> number; u64 and wider -> bigint; bool -> boolean; str -> string;
 * `Vec<u8>` and `[u8; N]` -> Uint8Array; composite with named fields -> object; newtype (one unnamed
 * field) -> the inner value; tuple -> array; `Option<T>` -> T | null; other enums ->
 * `{ type: 'Variant', value? }` (value: object for named fields, the value for one unnamed field,
 * an array for several).
 */
import { resolve, type TypeDef, type TypeRef, type Variant } from './types.ts';

export class ScaleError extends Error {}

export class Reader {
  offset = 0;
  constructor(readonly bytes: Uint8Array) {}
  take(n: number): Uint8Array {
    if (this.offset + n > this.bytes.length) {
      throw new ScaleError(`expected ${n} more bytes at offset ${this.offset}, found ${this.bytes.length - this.offset}`);
    }
    const out = this.bytes.subarray(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }
  byte(): number {
    return this.take(1)[0] as number;
  }
  get remaining(): number {
    return this.bytes.length - this.offset;
  }
}

export class Writer {
  private chunks: Uint8Array[] = [];
  private size = 0;
  push(b: Uint8Array): void {
    this.chunks.push(b);
    this.size += b.length;
  }
  byte(b: number): void {
    this.push(Uint8Array.of(b));
  }
  finish(): Uint8Array {
    const out = new Uint8Array(this.size);
    let o = 0;
    for (const c of this.chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  }
}

export interface Codec<V = unknown> {
  enc(w: Writer, v: V): void;
  dec(r: Reader): V;
}

export function encodeCompact(w: Writer, value: bigint | number): void {
  const v = BigInt(value);
  if (v < 0n) throw new ScaleError(`compact expects a non-negative integer, found ${v}`);
  if (v < 64n) w.byte(Number(v) << 2);
  else if (v < 1n << 14n) {
    const n = (Number(v) << 2) | 1;
    w.push(Uint8Array.of(n & 0xff, n >> 8));
  } else if (v < 1n << 30n) {
    const n = ((Number(v) << 2) | 2) >>> 0;
    w.push(Uint8Array.of(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24));
  } else {
    const bytes: number[] = [];
    let x = v;
    while (x > 0n) {
      bytes.push(Number(x & 0xffn));
      x >>= 8n;
    }
    w.byte(((bytes.length - 4) << 2) | 3);
    w.push(Uint8Array.from(bytes));
  }
}

export function decodeCompact(r: Reader): bigint {
  const b0 = r.byte();
  switch (b0 & 3) {
    case 0:
      return BigInt(b0 >> 2);
    case 1:
      return BigInt((b0 | (r.byte() << 8)) >> 2);
    case 2: {
      const b = r.take(3);
      return BigInt(((b0 | (b[0]! << 8) | (b[1]! << 16)) >>> 2) + (b[2]! << 22));
    }
    default: {
      const n = (b0 >> 2) + 4;
      const b = r.take(n);
      let x = 0n;
      for (let i = n - 1; i >= 0; i--) x = (x << 8n) | BigInt(b[i]!);
      return x;
    }
  }
}

export function compactToNumber(r: Reader): number {
  const v = decodeCompact(r);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ScaleError(`length ${v} is too large`);
  return Number(v);
}

const INT_BITS: Record<string, number> = {
  u8: 8,
  u16: 16,
  u32: 32,
  u64: 64,
  u128: 128,
  u256: 256,
  i8: 8,
  i16: 16,
  i32: 32,
  i64: 64,
  i128: 128,
  i256: 256,
};

function intCodec(name: string): Codec {
  const bits = INT_BITS[name]!;
  const bytes = bits / 8;
  const signed = name.startsWith('i');
  const asNumber = bits <= 32;
  const min = signed ? -(1n << BigInt(bits - 1)) : 0n;
  const max = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
  return {
    enc(w, v) {
      if (typeof v !== 'number' && typeof v !== 'bigint') throw new ScaleError(`${name} expects a number or bigint, found ${typeof v}`);
      if (typeof v === 'number' && !Number.isInteger(v)) throw new ScaleError(`${name} expects an integer, found ${v}`);
      let x = BigInt(v);
      if (x < min || x > max) throw new ScaleError(`${name} out of range: ${x}`);
      if (x < 0n) x += 1n << BigInt(bits);
      const out = new Uint8Array(bytes);
      for (let i = 0; i < bytes; i++) {
        out[i] = Number(x & 0xffn);
        x >>= 8n;
      }
      w.push(out);
    },
    dec(r) {
      const b = r.take(bytes);
      let x = 0n;
      for (let i = bytes - 1; i >= 0; i--) x = (x << 8n) | BigInt(b[i]!);
      if (signed && x > max) x -= 1n << BigInt(bits);
      return asNumber ? Number(x) : x;
    },
  };
}

function fieldsCodec(fields: { name?: string; type: TypeRef }[]): Codec {
  const named = fields.length > 0 && fields.every((f) => f.name !== undefined);
  const codecs = fields.map((f) => lazyCodec(f.type));
  if (fields.length === 0) return { enc() {}, dec: () => null };
  if (fields.length === 1 && !named) return codecs[0]!;
  if (!named) return tupleCodec(codecs);
  const names = fields.map((f) => f.name as string);
  return {
    enc(w, v) {
      if (typeof v !== 'object' || v === null) throw new ScaleError(`expected an object with fields ${names.join(', ')}`);
      const o = v as Record<string, unknown>;
      names.forEach((n, i) => {
        if (!(n in o)) throw new ScaleError(`missing field ${n}`);
        codecs[i]!.enc(w, o[n]);
      });
    },
    dec(r) {
      const o: Record<string, unknown> = {};
      names.forEach((n, i) => {
        o[n] = codecs[i]!.dec(r);
      });
      return o;
    },
  };
}

function tupleCodec(codecs: Codec[]): Codec {
  return {
    enc(w, v) {
      if (!Array.isArray(v) || v.length !== codecs.length) throw new ScaleError(`expected a tuple of ${codecs.length}`);
      codecs.forEach((c, i) => c.enc(w, v[i]));
    },
    dec: (r) => codecs.map((c) => c.dec(r)),
  };
}

function variantCodec(def: Extract<TypeDef, { kind: 'variant' }>): Codec {
  const isOption = def.path.length === 1 && def.path[0] === 'Option';
  const byName = new Map<string, { v: Variant; c: Codec }>();
  const byIndex = new Map<number, { v: Variant; c: Codec }>();
  const lazyInit = (): void => {
    if (byName.size) return;
    for (const v of def.variants) {
      const entry = { v, c: fieldsCodec(v.fields) };
      byName.set(v.name, entry);
      byIndex.set(v.index, entry);
    }
  };
  if (isOption) {
    const inner = lazyCodec(def.variants[1]!.fields[0]!.type);
    const innerDef = resolve(def.variants[1]!.fields[0]!.type);
    const isBool = innerDef.kind === 'primitive' && innerDef.name === 'bool';
    return {
      enc(w, v) {
        if (v === null || v === undefined) {
          w.byte(0);
          return;
        }
        if (isBool) {
          w.byte(v ? 1 : 2);
          return;
        }
        w.byte(1);
        inner.enc(w, v);
      },
      dec(r) {
        const tag = r.byte();
        if (tag === 0) return null;
        if (isBool) {
          if (tag > 2) throw new ScaleError(`bad Option<bool> tag ${tag}`);
          return tag === 1;
        }
        if (tag !== 1) throw new ScaleError(`bad Option tag ${tag}`);
        return inner.dec(r);
      },
    };
  }
  return {
    enc(w, v) {
      lazyInit();
      const o = v as { type?: unknown; value?: unknown };
      const e = typeof o === 'object' && o !== null && typeof o.type === 'string' ? byName.get(o.type) : undefined;
      if (!e) throw new ScaleError(`expected one of ${def.variants.map((x) => x.name).join('|')} for ${def.path.join('::')}`);
      w.byte(e.v.index);
      e.c.enc(w, o.value);
    },
    dec(r) {
      lazyInit();
      const tag = r.byte();
      const e = byIndex.get(tag);
      if (!e) throw new ScaleError(`unknown variant index ${tag} of ${def.path.join('::')}`);
      return e.v.fields.length === 0 ? { type: e.v.name } : { type: e.v.name, value: e.c.dec(r) };
    },
  };
}

function isU8(ref: TypeRef): boolean {
  const t = resolve(ref);
  return t.kind === 'primitive' && t.name === 'u8';
}

function buildCodec(def: TypeDef): Codec {
  switch (def.kind) {
    case 'primitive':
      if (def.name === 'bool') {
        return {
          enc(w, v) {
            if (typeof v !== 'boolean') throw new ScaleError(`bool expected, found ${typeof v}`);
            w.byte(v ? 1 : 0);
          },
          dec(r) {
            const b = r.byte();
            if (b > 1) throw new ScaleError(`bad bool byte ${b}`);
            return b === 1;
          },
        };
      }
      if (def.name === 'str' || def.name === 'char') {
        return {
          enc(w, v) {
            const b = new TextEncoder().encode(String(v));
            encodeCompact(w, b.length);
            w.push(b);
          },
          dec(r) {
            return new TextDecoder().decode(r.take(compactToNumber(r)));
          },
        };
      }
      return intCodec(def.name);
    case 'compact': {
      const inner = resolve(def.of);
      const small = inner.kind === 'primitive' && ['u8', 'u16', 'u32'].includes(inner.name);
      const unit = inner.kind === 'tuple' && inner.of.length === 0;
      return {
        enc(w, v) {
          encodeCompact(w, unit ? 0 : (v as bigint | number));
        },
        dec(r) {
          const x = decodeCompact(r);
          return unit ? null : small ? Number(x) : x;
        },
      };
    }
    case 'sequence': {
      if (isU8(def.of)) {
        return {
          enc(w, v) {
            if (!(v instanceof Uint8Array)) throw new ScaleError('bytes expected');
            encodeCompact(w, v.length);
            w.push(v);
          },
          dec(r) {
            return r.take(compactToNumber(r)).slice();
          },
        };
      }
      const c = lazyCodec(def.of);
      return {
        enc(w, v) {
          if (!Array.isArray(v)) throw new ScaleError('array expected');
          encodeCompact(w, v.length);
          for (const x of v) c.enc(w, x);
        },
        dec(r) {
          const n = compactToNumber(r);
          if (n > r.remaining) throw new ScaleError(`sequence length ${n} exceeds the ${r.remaining} remaining bytes`);
          const out: unknown[] = [];
          for (let i = 0; i < n; i++) out.push(c.dec(r));
          return out;
        },
      };
    }
    case 'array': {
      const len = def.len;
      if (isU8(def.of)) {
        return {
          enc(w, v) {
            if (!(v instanceof Uint8Array) || v.length !== len) throw new ScaleError(`[u8; ${len}] expected`);
            w.push(v);
          },
          dec(r) {
            return r.take(len).slice();
          },
        };
      }
      return tupleCodec(Array.from({ length: len }, () => lazyCodec(def.of)));
    }
    case 'tuple':
      if (def.of.length === 0) return { enc() {}, dec: () => null };
      return tupleCodec(def.of.map((t) => lazyCodec(t)));
    case 'composite':
      return fieldsCodec(def.fields);
    case 'variant':
      return variantCodec(def);
  }
}

const codecs = new WeakMap<TypeDef, Codec>();

/** The codec of a type (compiled once per description). */
export function codecOf<V = unknown>(ref: TypeRef): Codec<V> {
  const def = resolve(ref);
  let c = codecs.get(def);
  if (!c) {
    // Placeholder first so recursive types resolve to the same codec.
    const holder: { c?: Codec } = {};
    const proxy: Codec = { enc: (w, v) => holder.c!.enc(w, v), dec: (r) => holder.c!.dec(r) };
    codecs.set(def, proxy);
    holder.c = buildCodec(def);
    codecs.set(def, holder.c);
    c = holder.c;
  }
  return c as Codec<V>;
}

function lazyCodec(ref: TypeRef): Codec {
  // Thunks (outer types such as RuntimeCall) are resolved on every use, so a runtime built later
  // in the same process with other pallets is honoured; plain descriptions are resolved once.
  if (typeof ref === 'function') return { enc: (w, v) => codecOf(ref).enc(w, v), dec: (r) => codecOf(ref).dec(r) };
  let c: Codec | undefined;
  return { enc: (w, v) => (c ??= codecOf(ref)).enc(w, v), dec: (r) => (c ??= codecOf(ref)).dec(r) };
}

export function encode(ref: TypeRef, value: unknown): Uint8Array {
  const w = new Writer();
  codecOf(ref).enc(w, value);
  return w.finish();
}

/** Decodes all of `bytes`; trailing bytes are an error. */
export function decode<V = unknown>(ref: TypeRef, bytes: Uint8Array): V {
  const r = new Reader(bytes);
  const v = codecOf<V>(ref).dec(r);
  if (r.remaining !== 0) throw new ScaleError(`${r.remaining} trailing bytes after decoding`);
  return v;
}
