/**
 * Builds a scale-info portable type registry (the `lookup` of metadata V14/V15) from type
 * descriptions. Composite and variant types are identified by object identity; sequences,
 * arrays, tuples, compacts, primitives, `Option` and `Result` are deduplicated structurally.
 */
import { resolve, type Field, type TypeDef, type TypeRef } from './types.ts';

interface SiField {
  name: string | null;
  type: number;
  typeName: string | null;
  docs: string[];
}
export interface SiType {
  id: number;
  type: { path: string[]; params: { name: string; type: number | null }[]; def: Record<string, unknown>; docs: string[] };
}

const PRIMS: Record<string, string> = {
  bool: 'Bool',
  char: 'Char',
  str: 'Str',
  u8: 'U8',
  u16: 'U16',
  u32: 'U32',
  u64: 'U64',
  u128: 'U128',
  u256: 'U256',
  i8: 'I8',
  i16: 'I16',
  i32: 'I32',
  i64: 'I64',
  i128: 'I128',
  i256: 'I256',
};

export class PortableRegistryBuilder {
  readonly types: SiType[] = [];
  private byDef = new Map<TypeDef, number>();
  private byKey = new Map<string, number>();

  /** The lookup id of a type, registering it (and its dependencies) on first use. */
  id(ref: TypeRef): number {
    const def = resolve(ref);
    const known = this.byDef.get(def);
    if (known !== undefined) return known;
    const structural = def.kind !== 'composite' && (def.kind !== 'variant' || ['Option', 'Result'].includes(def.path.join('::')));
    if (structural) {
      const key = this.structuralKey(def);
      const hit = this.byKey.get(key);
      if (hit !== undefined) {
        this.byDef.set(def, hit);
        return hit;
      }
      const id = this.reserve(def);
      this.byKey.set(key, id);
      this.fill(id, def);
      return id;
    }
    const id = this.reserve(def);
    this.fill(id, def);
    return id;
  }

  private reserve(def: TypeDef): number {
    const id = this.types.length;
    this.types.push({ id, type: { path: [], params: [], def: {}, docs: [] } });
    this.byDef.set(def, id);
    return id;
  }

  private structuralKey(def: TypeDef): string {
    switch (def.kind) {
      case 'primitive':
        return `p:${def.name}`;
      case 'compact':
        return `c:${this.id(def.of)}`;
      case 'sequence':
        return `s:${this.id(def.of)}`;
      case 'array':
        return `a:${def.len}:${this.id(def.of)}`;
      case 'tuple':
        return `t:${def.of.map((t) => this.id(t)).join(',')}`;
      case 'variant':
        return `v:${def.path.join('::')}:${(def.params ?? []).map((p) => (p.type ? this.id(p.type) : '-')).join(',')}`;
      case 'composite':
        throw new Error('composites are not structural');
    }
  }

  private fields(fields: Field[]): SiField[] {
    return fields.map((f) => ({ name: f.name ?? null, type: this.id(f.type), typeName: f.typeName ?? null, docs: f.docs ?? [] }));
  }

  private fill(id: number, def: TypeDef): void {
    const entry = this.types[id]!.type;
    switch (def.kind) {
      case 'primitive':
        entry.def = { Primitive: PRIMS[def.name] };
        break;
      case 'compact':
        entry.def = { Compact: { type: this.id(def.of) } };
        break;
      case 'sequence':
        entry.def = { Sequence: { type: this.id(def.of) } };
        break;
      case 'array':
        entry.def = { Array: { len: def.len, type: this.id(def.of) } };
        break;
      case 'tuple':
        entry.def = { Tuple: def.of.map((t) => this.id(t)) };
        break;
      case 'composite':
        entry.path = def.path;
        entry.params = (def.params ?? []).map((p) => ({ name: p.name, type: p.type ? this.id(p.type) : null }));
        entry.def = { Composite: { fields: this.fields(def.fields) } };
        entry.docs = def.docs ?? [];
        break;
      case 'variant':
        entry.path = def.path;
        entry.params = (def.params ?? []).map((p) => ({ name: p.name, type: p.type ? this.id(p.type) : null }));
        entry.def = {
          Variant: {
            variants: [...def.variants]
              .sort((a, b) => a.index - b.index)
              .map((v) => ({ name: v.name, fields: this.fields(v.fields), index: v.index, docs: v.docs ?? [] })),
          },
        };
        entry.docs = def.docs ?? [];
        break;
    }
  }
}
