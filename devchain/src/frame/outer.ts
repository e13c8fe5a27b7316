/**
 * The runtime-wide ("outer") types that pallets reference before the runtime is assembled:
 * `RuntimeCall` (for Sudo/Utility arguments) and `RuntimeEvent` (for `System.Events`). They are
 * filled in by `buildRuntime` and referenced through thunks.
 */
import { T, vec, type TypeDef } from '../scale/types.ts';
import { H256 } from './common-types.ts';

export const outer: { RuntimeCall?: TypeDef; RuntimeEvent?: TypeDef; RuntimeError?: TypeDef; UncheckedExtrinsic?: TypeDef } = {};

function need(name: keyof typeof outer): TypeDef {
  const t = outer[name];
  if (!t) throw new Error(`${name} is not built yet: call buildRuntime first`);
  return t;
}

export const RuntimeCallRef = (): TypeDef => need('RuntimeCall');
export const RuntimeEventRef = (): TypeDef => need('RuntimeEvent');
export const UncheckedExtrinsicRef = (): TypeDef => need('UncheckedExtrinsic');

export const Phase = T.variant('frame_system::Phase', [
  { name: 'ApplyExtrinsic', index: 0, fields: [{ type: T.u32 }] },
  { name: 'Finalization', index: 1, fields: [] },
  { name: 'Initialization', index: 2, fields: [] },
]);

export const EventRecordType: TypeDef = T.struct('frame_system::EventRecord', { phase: Phase, event: RuntimeEventRef, topics: vec(H256) }, [
  { name: 'E', type: RuntimeEventRef },
  { name: 'T', type: H256 },
]);
export const EventsType = vec(EventRecordType);
