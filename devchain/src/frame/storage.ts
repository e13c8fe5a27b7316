/**
 * Typed storage helpers used by pallet code. Each item knows its metadata description (hashers,
 * key and value types, default) and its keys: `twox128(pallet) ++ twox128(item) ++ hash(k1) ++ ...`.
 */
import { blake2AsU8a, xxhashAsU8a } from '@polkadot/util-crypto';
import { u8aConcat, u8aToHex, hexToU8a } from '@polkadot/util';
import { codecOf, encode, decode, Reader, type Codec } from '../scale/codec.ts';
import type { TypeRef } from '../scale/types.ts';
import type { ReadState, State } from './state.ts';

export type Hasher = 'Blake2_128' | 'Blake2_256' | 'Blake2_128Concat' | 'Twox128' | 'Twox256' | 'Twox64Concat' | 'Identity';

export function hashKey(hasher: Hasher, data: Uint8Array): Uint8Array {
  switch (hasher) {
    case 'Blake2_128':
      return blake2AsU8a(data, 128);
    case 'Blake2_256':
      return blake2AsU8a(data, 256);
    case 'Blake2_128Concat':
      return u8aConcat(blake2AsU8a(data, 128), data);
    case 'Twox128':
      return xxhashAsU8a(data, 128);
    case 'Twox256':
      return xxhashAsU8a(data, 256);
    case 'Twox64Concat':
      return u8aConcat(xxhashAsU8a(data, 64), data);
    case 'Identity':
      return data;
  }
}

const CONCAT_SKIP: Partial<Record<Hasher, number>> = { Blake2_128Concat: 16, Twox64Concat: 8, Identity: 0 };

/** The metadata description of one storage item. */
export interface StorageEntryMeta {
  name: string;
  modifier: 'Optional' | 'Default';
  hashers: Hasher[];
  keys: TypeRef[];
  value: TypeRef;
  /** SCALE of the default (empty for Optional items). */
  fallback: Uint8Array;
  docs: string[];
}

/** `twox128(pallet) ++ twox128(item)` as hex. */
export function storagePrefix(pallet: string, item: string): string {
  return u8aToHex(u8aConcat(xxhashAsU8a(pallet, 128), xxhashAsU8a(item, 128)));
}

abstract class StorageBase<V, D extends V | undefined> {
  readonly meta: StorageEntryMeta;
  readonly prefix: string;
  protected readonly valueCodec: Codec<V>;
  constructor(
    readonly pallet: string,
    name: string,
    hashers: Hasher[],
    keys: TypeRef[],
    value: TypeRef,
    protected readonly defaultValue: D,
    docs: string[] = [],
  ) {
    this.prefix = storagePrefix(pallet, name);
    this.valueCodec = codecOf<V>(value);
    this.meta = {
      name,
      hashers,
      keys,
      value,
      docs,
      modifier: defaultValue === undefined ? 'Optional' : 'Default',
      fallback: defaultValue === undefined ? new Uint8Array([0]) : encode(value, defaultValue),
    };
  }
  protected keyOf(parts: unknown[]): string {
    let hex = this.prefix;
    parts.forEach((p, i) => {
      hex += u8aToHex(hashKey(this.meta.hashers[i]!, encode(this.meta.keys[i]!, p))).slice(2);
    });
    return hex;
  }
  protected read(s: ReadState, key: string): V | D {
    const raw = s.get(key);
    return raw === undefined ? this.defaultValue : decode<V>(this.meta.value, raw);
  }
  protected write(s: State, key: string, v: V): void {
    s.set(key, encode(this.meta.value, v));
  }
  /** Decodes the map keys of a full storage key (needs concat or identity hashers). */
  protected decodeKeys(fullKey: string): unknown[] {
    const r = new Reader(hexToU8a(fullKey));
    r.take(32);
    return this.meta.hashers.map((h, i) => {
      const skip = CONCAT_SKIP[h];
      if (skip === undefined) throw new Error(`storage ${this.pallet}.${this.meta.name}: hasher ${h} cannot be iterated with keys`);
      r.take(skip);
      return codecOf(this.meta.keys[i]!).dec(r);
    });
  }
}

/** A single value. */
export class StorageValue<V, D extends V | undefined = V> extends StorageBase<V, D> {
  constructor(pallet: string, name: string, type: TypeRef, defaultValue: D, docs?: string[]) {
    super(pallet, name, [], [], type, defaultValue, docs);
  }
  get key(): string {
    return this.prefix;
  }
  get(s: ReadState): V | D {
    return this.read(s, this.prefix);
  }
  exists(s: ReadState): boolean {
    return s.get(this.prefix) !== undefined;
  }
  set(s: State, v: V): void {
    this.write(s, this.prefix, v);
  }
  kill(s: State): void {
    s.delete(this.prefix);
  }
  mutate(s: State, f: (v: V | D) => V): V {
    const v = f(this.get(s));
    this.set(s, v);
    return v;
  }
}

/** A map `K -> V`. */
export class StorageMap<K, V, D extends V | undefined = V> extends StorageBase<V, D> {
  constructor(pallet: string, name: string, hasher: Hasher, key: TypeRef, value: TypeRef, defaultValue: D, docs?: string[]) {
    super(pallet, name, [hasher], [key], value, defaultValue, docs);
  }
  key(k: K): string {
    return this.keyOf([k]);
  }
  get(s: ReadState, k: K): V | D {
    return this.read(s, this.key(k));
  }
  contains(s: ReadState, k: K): boolean {
    return s.get(this.key(k)) !== undefined;
  }
  set(s: State, k: K, v: V): void {
    this.write(s, this.key(k), v);
  }
  remove(s: State, k: K): void {
    s.delete(this.key(k));
  }
  mutate(s: State, k: K, f: (v: V | D) => V): V {
    const v = f(this.get(s, k));
    this.set(s, k, v);
    return v;
  }
  /** All entries, in key order of the hashed keys. */
  entries(s: ReadState): [K, V][] {
    return s.keys(this.prefix).map((full) => [this.decodeKeys(full)[0] as K, decode<V>(this.meta.value, s.get(full)!)]);
  }
  keys(s: ReadState): K[] {
    return s.keys(this.prefix).map((full) => this.decodeKeys(full)[0] as K);
  }
}

/** A double map `(K1, K2) -> V`. */
export class StorageDoubleMap<K1, K2, V, D extends V | undefined = V> extends StorageBase<V, D> {
  constructor(
    pallet: string,
    name: string,
    hashers: [Hasher, Hasher],
    keys: [TypeRef, TypeRef],
    value: TypeRef,
    defaultValue: D,
    docs?: string[],
  ) {
    super(pallet, name, hashers, keys, value, defaultValue, docs);
  }
  key(k1: K1, k2: K2): string {
    return this.keyOf([k1, k2]);
  }
  prefixOf(k1: K1): string {
    return this.keyOf([k1]);
  }
  get(s: ReadState, k1: K1, k2: K2): V | D {
    return this.read(s, this.key(k1, k2));
  }
  contains(s: ReadState, k1: K1, k2: K2): boolean {
    return s.get(this.key(k1, k2)) !== undefined;
  }
  set(s: State, k1: K1, k2: K2, v: V): void {
    this.write(s, this.key(k1, k2), v);
  }
  remove(s: State, k1: K1, k2: K2): void {
    s.delete(this.key(k1, k2));
  }
  mutate(s: State, k1: K1, k2: K2, f: (v: V | D) => V): V {
    const v = f(this.get(s, k1, k2));
    this.set(s, k1, k2, v);
    return v;
  }
  /** Entries under the first key: `[k2, value]`. */
  entriesOf(s: ReadState, k1: K1): [K2, V][] {
    return s.keys(this.prefixOf(k1)).map((full) => [this.decodeKeys(full)[1] as K2, decode<V>(this.meta.value, s.get(full)!)]);
  }
  /** Removes every entry under the first key. */
  clearPrefix(s: State, k1: K1): void {
    for (const k of s.keys(this.prefixOf(k1))) s.delete(k);
  }
  entries(s: ReadState): [K1, K2, V][] {
    return s.keys(this.prefix).map((full) => {
      const [a, b] = this.decodeKeys(full);
      return [a as K1, b as K2, decode<V>(this.meta.value, s.get(full)!)];
    });
  }
}

/** Any storage item, as the metadata builder sees it. */
export type AnyStorage = StorageBase<unknown, unknown>;
export type { StorageBase };
