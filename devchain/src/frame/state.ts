/**
 * Storage state seen by the runtime: synchronous reads and writes over raw keys. The runtime
 * executes a block against an `Overlay` stacked on the head state; `begin`/`commit`/`rollback`
 * give transactional layers (each dispatch is transactional, as in FRAME).
 */
import { u8aToHex, hexToU8a } from '@polkadot/util';

/** Read access to a state; keys are lowercase `0x` hex strings. */
export interface ReadState {
  get(key: string): Uint8Array | undefined;
  /** Keys starting with `prefix`, sorted ascending. */
  keys(prefix: string): string[];
}

/** A read/write state with transactional layers. */
export interface State extends ReadState {
  set(key: string, value: Uint8Array): void;
  delete(key: string): void;
}

export const toHexKey = (k: Uint8Array): string => u8aToHex(k);
export const fromHexKey = (k: string): Uint8Array => hexToU8a(k);

/** A plain map state (the head state kept in memory, or a snapshot of an old block). */
export class MapState implements ReadState {
  private sorted: string[] | null = null;
  constructor(readonly map: Map<string, Uint8Array> = new Map()) {}
  get(key: string): Uint8Array | undefined {
    return this.map.get(key);
  }
  keys(prefix: string): string[] {
    this.sorted ??= [...this.map.keys()].sort();
    return sliceByPrefix(this.sorted, prefix);
  }
  /** Applies a block's changes (null = deleted). */
  apply(changes: Map<string, Uint8Array | null>): void {
    let structural = false;
    for (const [k, v] of changes) {
      if (v === null) structural = this.map.delete(k) || structural;
      else {
        if (!this.map.has(k)) structural = true;
        this.map.set(k, v);
      }
    }
    if (structural) this.sorted = null;
  }
}

function lowerBound(arr: string[], x: string): number {
  let lo = 0,
    hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function sliceByPrefix(sorted: string[], prefix: string): string[] {
  const out: string[] = [];
  for (let i = lowerBound(sorted, prefix); i < sorted.length && sorted[i]!.startsWith(prefix); i++) out.push(sorted[i]!);
  return out;
}

/** Writable layers over a base state. */
export class Overlay implements State {
  private layers: Map<string, Uint8Array | null>[] = [new Map()];
  constructor(private readonly base: ReadState) {}

  get(key: string): Uint8Array | undefined {
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const v = this.layers[i]!.get(key);
      if (v !== undefined) return v ?? undefined;
    }
    return this.base.get(key);
  }
  set(key: string, value: Uint8Array): void {
    this.top().set(key, value);
  }
  delete(key: string): void {
    this.top().set(key, null);
  }

  keys(prefix: string): string[] {
    const merged = new Map<string, boolean>();
    for (const k of this.base.keys(prefix)) merged.set(k, true);
    for (const layer of this.layers) {
      for (const [k, v] of layer) if (k.startsWith(prefix)) merged.set(k, v !== null);
    }
    return [...merged]
      .filter(([, live]) => live)
      .map(([k]) => k)
      .sort();
  }

  begin(): void {
    this.layers.push(new Map());
  }
  commit(): void {
    if (this.layers.length < 2) throw new Error('commit without an open transactional layer');
    const top = this.layers.pop()!;
    const below = this.top();
    for (const [k, v] of top) below.set(k, v);
  }
  rollback(): void {
    if (this.layers.length < 2) throw new Error('rollback without an open transactional layer');
    this.layers.pop();
  }
  get depth(): number {
    return this.layers.length - 1;
  }

  /** All changes relative to the base (only valid with no open layers). */
  changes(): Map<string, Uint8Array | null> {
    if (this.layers.length !== 1) throw new Error(`${this.layers.length - 1} transactional layers still open`);
    const out = new Map<string, Uint8Array | null>();
    for (const [k, v] of this.layers[0]!) {
      const before = this.base.get(k);
      if (v === null ? before !== undefined : !(before && equalBytes(before, v))) out.set(k, v);
    }
    return out;
  }

  private top(): Map<string, Uint8Array | null> {
    return this.layers[this.layers.length - 1]!;
  }
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
