/**
 * Metadata V14 and V15 generated from the runtime's pallet descriptions, encoded by
 * `@polkadot/types` (`TypeRegistry` + `Metadata`), not by hand.
 */
import { TypeRegistry, Metadata } from '@polkadot/types';
import { u8aToHex } from '@polkadot/util';
import { encode } from '../scale/codec.ts';
import { PortableRegistryBuilder } from '../scale/registry.ts';
import type { TypeDef } from '../scale/types.ts';
import type { ConstantContext, Pallet, RuntimeApiDef } from './pallet.ts';

type OuterTypes = 'Runtime' | 'RuntimeCall' | 'RuntimeEvent' | 'RuntimeError' | 'UncheckedExtrinsic' | 'Address' | 'Signature' | 'Extra';

/** What metadata is built from: the assembled runtime (`runtime/runtime.ts`) satisfies it. */
export interface MetadataSource {
  pallets: readonly Pallet[];
  types: Record<OuterTypes, TypeDef>;
  signedExtensions: readonly { identifier: string; type: TypeDef; additionalSigned: TypeDef }[];
  apis: readonly RuntimeApiDef[];
  palletTypes(name: string): { call?: TypeDef; event?: TypeDef; error?: TypeDef };
}

const MAGIC_NUMBER = 0x6174656d; // "meta", little endian

function palletsMeta(rt: MetadataSource, reg: PortableRegistryBuilder, withDocs: boolean, cc: ConstantContext): unknown[] {
  return rt.pallets.map((p) => {
    const types = rt.palletTypes(p.name);
    const storage = p.storage?.length
      ? {
          prefix: p.name,
          items: p.storage.map((s) => {
            const m = s.meta;
            const type =
              m.hashers.length === 0
                ? { Plain: reg.id(m.value) }
                : {
                    Map: {
                      hashers: m.hashers,
                      key: m.keys.length === 1 ? reg.id(m.keys[0]!) : reg.id({ kind: 'tuple', of: m.keys }),
                      value: reg.id(m.value),
                    },
                  };
            return { name: m.name, modifier: m.modifier, type, fallback: u8aToHex(m.fallback), docs: m.docs };
          }),
        }
      : null;
    const base = {
      name: p.name,
      storage,
      calls: types.call ? { type: reg.id(types.call) } : null,
      events: types.event ? { type: reg.id(types.event) } : null,
      constants: (p.constants ?? []).map((c) => {
        const value = typeof c.value === 'function' ? (c.value as (x: ConstantContext) => unknown)(cc) : c.value;
        return { name: c.name, type: reg.id(c.type), value: u8aToHex(encode(c.type, value)), docs: c.docs ?? [] };
      }),
      errors: types.error ? { type: reg.id(types.error) } : null,
      index: p.index,
    };
    return withDocs ? { ...base, docs: p.docs ?? [] } : base;
  });
}

function signedExtensions(rt: MetadataSource, reg: PortableRegistryBuilder): unknown[] {
  return rt.signedExtensions.map((e) => ({ identifier: e.identifier, type: reg.id(e.type), additionalSigned: reg.id(e.additionalSigned) }));
}

/** SCALE bytes of the versioned metadata (`0x6d657461` ++ version ++ body). */
export function buildMetadata(rt: MetadataSource, version: 14 | 15, cc: ConstantContext): Uint8Array {
  const reg = new PortableRegistryBuilder();
  const pallets = palletsMeta(rt, reg, version === 15, cc);
  const runtimeType = reg.id(rt.types.Runtime);
  let body: Record<string, unknown>;
  if (version === 14) {
    body = {
      lookup: { types: [] },
      pallets,
      extrinsic: { type: reg.id(rt.types.UncheckedExtrinsic), version: 4, signedExtensions: signedExtensions(rt, reg) },
      type: runtimeType,
    };
  } else {
    const apis = rt.apis.map((api) => ({
      name: api.name,
      methods: api.methods.map((m) => ({
        name: m.name,
        inputs: m.inputs.map((i) => ({ name: i.name, type: reg.id(i.type) })),
        output: reg.id(m.output),
        docs: m.docs ?? [],
      })),
      docs: api.docs ?? [],
    }));
    body = {
      lookup: { types: [] },
      pallets,
      extrinsic: {
        version: 4,
        addressType: reg.id(rt.types.Address),
        callType: reg.id(rt.types.RuntimeCall),
        signatureType: reg.id(rt.types.Signature),
        extraType: reg.id(rt.types.Extra),
        signedExtensions: signedExtensions(rt, reg),
      },
      type: runtimeType,
      apis,
      outerEnums: {
        callType: reg.id(rt.types.RuntimeCall),
        eventType: reg.id(rt.types.RuntimeEvent),
        errorType: reg.id(rt.types.RuntimeError),
      },
      custom: { map: {} },
    };
  }
  // Register every type first: the lookup must be complete before encoding.
  reg.id(rt.types.UncheckedExtrinsic);
  body.lookup = { types: reg.types };
  const registry = new TypeRegistry();
  const metadata = new Metadata(registry, { magicNumber: MAGIC_NUMBER, metadata: { [`V${version}`]: body } } as never);
  return metadata.toU8a();
}
