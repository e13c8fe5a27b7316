/**
 * Axon IP encoding as subtensor and the Bittensor SDK use it: IPv4 `a.b.c.d` → `a·2^24 + b·2^16 + c·2^8 + d`,
 * IPv6 → its 128-bit big-endian integer; both stored in a u128 with `ip_type` 4 or 6.
 */
// No node:net here: the dashboard bundles this file for the browser.
const IPV4_PART = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${IPV4_PART}(\\.${IPV4_PART}){3}$`);
const HEX_GROUP = /^[0-9a-f]{1,4}$/i;

/** True for dotted-quad IPv4 text (no leading zeros, each part at most 255). */
export function isIPv4(ip: string): boolean {
  return IPV4.test(ip);
}

/** True for IPv6 text: 8 hex groups, at most one `::`, optionally ending in a dotted IPv4. */
export function isIPv6(ip: string): boolean {
  const halves = ip.split('::');
  if (halves.length > 2 || ip.includes(':::')) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  const last = groups.at(-1) ?? '';
  const v4 = last.includes('.') ? 2 : 0;
  if (v4 > 0 && (!isIPv4(last) || ip.endsWith('::'))) return false;
  const hex = v4 > 0 ? groups.slice(0, -1) : groups;
  if (!hex.every((g) => HEX_GROUP.test(g))) return false;
  const count = hex.length + v4;
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** An IP address as stored on chain. */
export interface ChainIp {
  /** The u128 value. */
  ip: bigint;
  /** 4 or 6. */
  ipType: 4 | 6;
}

function ipv4ToBigInt(ip: string): bigint {
  return ip.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function ipv6Groups(ip: string): number[] {
  let text = ip;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4 !== null) {
    const n = Number(ipv4ToBigInt(v4[1] as string));
    text = `${text.slice(0, v4.index)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (s: string): number[] => (s === '' ? [] : s.split(':').map((g) => parseInt(g, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const zeros = tail === undefined ? [] : new Array<number>(8 - left.length - right.length).fill(0);
  return [...left, ...zeros, ...right];
}

/** Encodes an IPv4 or IPv6 string for `serve_axon`; throws `RangeError` for anything else. */
export function ipToChain(ip: string): ChainIp {
  if (isIPv4(ip)) return { ip: ipv4ToBigInt(ip), ipType: 4 };
  if (isIPv6(ip)) return { ip: ipv6Groups(ip).reduce((acc, g) => (acc << 16n) | BigInt(g), 0n), ipType: 6 };
  throw new RangeError(`expected an IPv4 or IPv6 address, found ${JSON.stringify(ip)}`);
}

/** Decodes an on-chain (u128, ip_type) pair to text; IPv6 in RFC 5952 compressed form. */
export function ipFromChain(ip: bigint, ipType: number): string {
  if (ipType === 4) {
    if (ip < 0n || ip > 0xffffffffn) throw new RangeError(`expected an IPv4 value below 2^32, found ${ip}`);
    return [24n, 16n, 8n, 0n].map((s) => String((ip >> s) & 0xffn)).join('.');
  }
  if (ipType === 6) {
    if (ip < 0n || ip >= 1n << 128n) throw new RangeError(`expected an IPv6 value below 2^128, found ${ip}`);
    const groups = Array.from({ length: 8 }, (_, i) => Number((ip >> BigInt(112 - 16 * i)) & 0xffffn));
    return compressIpv6(groups);
  }
  throw new RangeError(`expected ip_type 4 or 6, found ${ipType}`);
}

function compressIpv6(groups: number[]): string {
  let best = { start: -1, len: 0 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.len) best = { start: i, len: j - i };
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.len < 2) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.len).join(':')}`;
}
