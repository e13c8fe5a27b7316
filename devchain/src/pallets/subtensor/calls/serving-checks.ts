/** Serving checks shared by pool validation and dispatch: IP validity and the axon check order. */
import type { ReadState } from '../../../frame/state.ts';
import { SubtensorStorage, type AxonInfoValue } from '../storage.ts';

/** Upstream `is_valid_ip_address` (loopback optionally accepted). */
export function validIp(ipType: number, ip: bigint, allowZero: boolean, allowLoopback: boolean): boolean {
  if (!allowZero && ip === 0n) return false;
  if (ipType === 4) {
    if (ip >= 0xffffffffn) return false;
    if (ip === 0x7f000001n && !allowLoopback) return false;
  }
  if (ipType === 6) {
    if (ip === (1n << 128n) - 1n) return false;
    if (ip === 1n && !allowLoopback) return false;
  }
  return true;
}

/** First failing axon check (§2.3) as an upstream error name, or null. */
export function axonError(
  s: ReadState,
  block: number,
  hotkey: Uint8Array,
  a: { netuid: number; ip: bigint; port: number; ip_type: number },
  allowLoopback: boolean,
): string | null {
  if (!SubtensorStorage.IsNetworkMember.get(s, hotkey, a.netuid) || SubtensorStorage.Uids.get(s, a.netuid, hotkey) === undefined)
    return 'HotKeyNotRegisteredInNetwork';
  if (a.ip_type !== 4 && a.ip_type !== 6) return 'InvalidIpType';
  if (!validIp(a.ip_type, a.ip, true, allowLoopback)) return 'InvalidIpAddress';
  const prev: AxonInfoValue | undefined = SubtensorStorage.Axons.get(s, a.netuid, hotkey);
  const limit = SubtensorStorage.ServingRateLimit.get(s, a.netuid);
  if (prev && limit !== 0n && prev.block !== 0n && BigInt(block) - prev.block < limit) return 'ServingRateLimitExceeded';
  if (a.port === 0) return 'InvalidPort';
  return null;
}

/** First failing prometheus check as an upstream error name, or null (upstream checks the IP before registration). */
export function prometheusError(
  s: ReadState,
  block: number,
  hotkey: Uint8Array,
  a: { netuid: number; ip: bigint; port: number; ip_type: number },
  allowLoopback: boolean,
): string | null {
  if (a.ip_type !== 4 && a.ip_type !== 6) return 'InvalidIpType';
  if (!validIp(a.ip_type, a.ip, false, allowLoopback)) return 'InvalidIpAddress';
  if (!SubtensorStorage.IsNetworkMember.get(s, hotkey, a.netuid) || SubtensorStorage.Uids.get(s, a.netuid, hotkey) === undefined)
    return 'HotKeyNotRegisteredInNetwork';
  const prev = SubtensorStorage.Prometheus.get(s, a.netuid, hotkey);
  const limit = SubtensorStorage.ServingRateLimit.get(s, a.netuid);
  if (prev && limit !== 0n && prev.block !== 0n && BigInt(block) - prev.block < limit) return 'ServingRateLimitExceeded';
  if (a.port === 0) return 'InvalidPort';
  return null;
}
