/**
 * Serving calls (subtensor-api.md §2.3): serve_axon (4) and serve_prometheus (5). Pool validation
 * of both is the CheckServingEndpoints guard (guards.ts); the bodies re-check as upstream.
 */
import { T } from '../../../scale/types.ts';
import { call, ensureSigned, type CallDef } from '../../../frame/pallet.ts';
import { SubtensorStorage } from '../storage.ts';
import { emit } from '../events.ts';
import { fail } from '../errors.ts';
import type { SubtensorOptions } from '../options.ts';
import { axonError, prometheusError } from './serving-checks.ts';

const NetUid = T.u16;
interface AxonArgs {
  netuid: number;
  version: number;
  ip: bigint;
  port: number;
  ip_type: number;
  protocol: number;
  placeholder1: number;
  placeholder2: number;
}

export function servingCalls(options: SubtensorOptions): CallDef[] {
  return [
    call<AxonArgs>({
      name: 'serve_axon',
      index: 4,
      pays: 'No',
      args: [
        { name: 'netuid', type: NetUid, typeName: 'NetUid' },
        { name: 'version', type: T.u32, typeName: 'u32' },
        { name: 'ip', type: T.u128, typeName: 'u128' },
        { name: 'port', type: T.u16, typeName: 'u16' },
        { name: 'ip_type', type: T.u8, typeName: 'u8' },
        { name: 'protocol', type: T.u8, typeName: 'u8' },
        { name: 'placeholder1', type: T.u8, typeName: 'u8' },
        { name: 'placeholder2', type: T.u8, typeName: 'u8' },
      ],
      dispatch: (ctx, a) => {
        const who = ensureSigned(ctx);
        const e = axonError(ctx.state, ctx.blockNumber, who, a, options.allowLoopbackAxons);
        if (e) fail(e);
        SubtensorStorage.Axons.set(ctx.state, a.netuid, who, {
          block: BigInt(ctx.blockNumber),
          version: a.version,
          ip: a.ip,
          port: a.port,
          ip_type: a.ip_type,
          protocol: a.protocol,
          placeholder1: a.placeholder1,
          placeholder2: a.placeholder2,
        });
        emit(ctx, 'AxonServed', [a.netuid, who]);
      },
    }),
    call<{ netuid: number; version: number; ip: bigint; port: number; ip_type: number }>({
      name: 'serve_prometheus',
      index: 5,
      pays: 'No',
      args: [
        { name: 'netuid', type: NetUid, typeName: 'NetUid' },
        { name: 'version', type: T.u32, typeName: 'u32' },
        { name: 'ip', type: T.u128, typeName: 'u128' },
        { name: 'port', type: T.u16, typeName: 'u16' },
        { name: 'ip_type', type: T.u8, typeName: 'u8' },
      ],
      dispatch: (ctx, a) => {
        const who = ensureSigned(ctx);
        const s = ctx.state;
        const e = prometheusError(s, ctx.blockNumber, who, a, options.allowLoopbackAxons);
        if (e) fail(e);
        SubtensorStorage.Prometheus.set(s, a.netuid, who, {
          block: BigInt(ctx.blockNumber),
          version: a.version,
          ip: a.ip,
          port: a.port,
          ip_type: a.ip_type,
        });
        emit(ctx, 'PrometheusServed', [a.netuid, who]);
      },
    }),
  ];
}
