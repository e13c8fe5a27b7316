/**
 * The leaderboard model: a subnet snapshot as read from the chain (plain values, no codecs) and the pure
 * ranking that turns it into table rows. Browser-safe (no Node imports): the dashboard bundles it too.
 */
import { ipFromChain } from '#core/reader';

/** u16 proportions are stored as floor(x * 65535). */
export const U16_MAX = 65_535;
/** 1 TAO (and 1 alpha) = 10^9 rao. */
export const RAO_PER_UNIT = 1_000_000_000n;

/** One uid as read from SubtensorModule storage; proportions are raw u16, balances rao. */
export interface NeuronState {
  uid: number;
  hotkey: string;
  coldkey: string;
  active: boolean;
  validatorPermit: boolean;
  incentive: number;
  emissionRao: bigint;
  dividends: number;
  consensus: number;
  validatorTrust: number;
  stakeRao: bigint;
  /** Block of the last weight set/commit (0 = never). */
  lastUpdate: number;
  blockAtRegistration: number;
  /** `ip:port`, `[ipv6]:port`, or null when the axon was never served. */
  axon: string | null;
}

/** One subnet at one block. */
export interface SubnetSnapshot {
  netuid: number;
  block: number;
  blockHash: string;
  tempo: number;
  /** First block of the next epoch, or null when the subnet runs no epochs (tempo 0). */
  nextEpochBlock: number | null;
  /** SubnetworkN. */
  n: number;
  neurons: NeuronState[];
}

export type Role = 'validator' | 'miner';

/** One ranked line of the leaderboard; proportions as floats in [0, 1]. */
export interface LeaderboardRow {
  rank: number;
  uid: number;
  hotkey: string;
  coldkey: string;
  role: Role;
  validatorPermit: boolean;
  incentive: number;
  emissionRao: bigint;
  dividends: number;
  consensus: number;
  validatorTrust: number;
  stakeRao: bigint;
  lastUpdate: number;
  /** Blocks since the last weight set/commit; null when it never set weights. */
  updatedBlocksAgo: number | null;
  blockAtRegistration: number;
  active: boolean;
  axon: string | null;
}

/** The subnet header and its ranked rows. */
export interface Leaderboard {
  netuid: number;
  block: number;
  blockHash: string;
  tempo: number;
  nextEpochBlock: number | null;
  /** Blocks until the next epoch (0 = this block), null without epochs. */
  blocksToEpoch: number | null;
  n: number;
  validators: number;
  miners: number;
  totalEmissionRao: bigint;
  totalStakeRao: bigint;
  rows: LeaderboardRow[];
}

/**
 * Validator when it earns dividends or validator trust (its weights count); miner when it earns
 * incentive; otherwise a permit without a served axon means validator. A permit alone is not enough:
 * the epoch grants permits to the top `MaxAllowedValidators` (64) uids by stake, so on a small subnet
 * every miner holding stake has one, and miners serve axons while validators need not.
 */
export function roleOf(
  n: Pick<NeuronState, 'validatorPermit' | 'dividends' | 'incentive'> & Partial<Pick<NeuronState, 'validatorTrust' | 'axon'>>,
): Role {
  if (n.dividends > 0 || (n.validatorTrust ?? 0) > 0) return 'validator';
  if (n.incentive > 0) return 'miner';
  return n.validatorPermit && (n.axon ?? null) === null ? 'validator' : 'miner';
}

/** Ranks neurons: incentive (desc), then emission (desc), then uid (asc). Rank is 1-based. */
export function buildLeaderboard(s: SubnetSnapshot): Leaderboard {
  const sorted = [...s.neurons].sort((a, b) => {
    if (a.incentive !== b.incentive) return b.incentive - a.incentive;
    if (a.emissionRao !== b.emissionRao) return a.emissionRao > b.emissionRao ? -1 : 1;
    return a.uid - b.uid;
  });
  const rows = sorted.map(
    (n, i): LeaderboardRow => ({
      rank: i + 1,
      uid: n.uid,
      hotkey: n.hotkey,
      coldkey: n.coldkey,
      role: roleOf(n),
      validatorPermit: n.validatorPermit,
      incentive: n.incentive / U16_MAX,
      emissionRao: n.emissionRao,
      dividends: n.dividends / U16_MAX,
      consensus: n.consensus / U16_MAX,
      validatorTrust: n.validatorTrust / U16_MAX,
      stakeRao: n.stakeRao,
      lastUpdate: n.lastUpdate,
      updatedBlocksAgo: n.lastUpdate > 0 ? Math.max(0, s.block - n.lastUpdate) : null,
      blockAtRegistration: n.blockAtRegistration,
      active: n.active,
      axon: n.axon,
    }),
  );
  const validators = rows.filter((r) => r.role === 'validator').length;
  return {
    netuid: s.netuid,
    block: s.block,
    blockHash: s.blockHash,
    tempo: s.tempo,
    nextEpochBlock: s.nextEpochBlock,
    blocksToEpoch: s.nextEpochBlock === null ? null : Math.max(0, s.nextEpochBlock - s.block),
    n: s.n,
    validators,
    miners: rows.length - validators,
    totalEmissionRao: rows.reduce((acc, r) => acc + r.emissionRao, 0n),
    totalStakeRao: rows.reduce((acc, r) => acc + r.stakeRao, 0n),
    rows,
  };
}

/**
 * Next epoch block. Dynamic tempo (subtensor spec >= 423): `LastEpochBlock + tempo`, or `PendingEpochAt`
 * when an epoch is queued. Legacy chains (no `LastEpochBlock`): the first block b >= `block` with
 * `(b + netuid + 1) mod (tempo + 1) == tempo`. Null when tempo is 0.
 */
export function nextEpochBlock(args: {
  block: number;
  netuid: number;
  tempo: number;
  lastEpochBlock?: number | null;
  pendingEpochAt?: number | null;
}): number | null {
  const { block, netuid, tempo } = args;
  if (tempo <= 0) return null;
  if (args.pendingEpochAt !== undefined && args.pendingEpochAt !== null && args.pendingEpochAt > 0) return args.pendingEpochAt;
  if (args.lastEpochBlock !== undefined && args.lastEpochBlock !== null) {
    const next = args.lastEpochBlock + tempo;
    return Math.max(next, block); // overdue: due now
  }
  return block + (tempo - ((block + netuid + 1) % (tempo + 1)));
}

/** Formats rao as a decimal with `decimals` digits (truncated), e.g. 1_500_000_000n -> "1.50". */
export function formatRao(rao: bigint, decimals = 4): string {
  const neg = rao < 0n;
  const abs = neg ? -rao : rao;
  const whole = abs / RAO_PER_UNIT;
  const frac = (abs % RAO_PER_UNIT).toString().padStart(9, '0').slice(0, decimals);
  const ws = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${ws}${decimals > 0 ? `.${frac}` : ''}`;
}

/** `5GrwvaEF…oHGKutQY` style: first `head` and last `tail` characters. */
export function shortKey(key: string, head = 6, tail = 4): string {
  return key.length <= head + tail + 1 ? key : `${key.slice(0, head)}…${key.slice(-tail)}`;
}

/** A u128 ip (as stored in `AxonInfo.ip`) as text (core's codec); null for 0 or a value out of range for its type. */
export function ipToText(ip: bigint, ipType: number): string | null {
  if (ip === 0n) return null;
  try {
    return ipFromChain(ip, ipType);
  } catch {
    return null; // out of range for its ip_type, or an unknown ip_type: shown as not served
  }
}

/** `ip:port` (`[ip]:port` for IPv6) of a stored axon, or null when not served. */
export function axonText(ip: bigint, ipType: number, port: number): string | null {
  const text = ipToText(ip, ipType);
  if (text === null) return null;
  return ipType === 6 ? `[${text}]:${port}` : `${text}:${port}`;
}

/** rao as a plain decimal string with 9 digits (no separators), e.g. "1.500000000". */
export function units(rao: bigint): string {
  return formatRao(rao, 9).replace(/,/g, '');
}

/** JSON-safe form of a leaderboard: balances as rao strings plus decimal strings. */
export function leaderboardToJson(lb: Leaderboard): Record<string, unknown> {
  return {
    netuid: lb.netuid,
    block: lb.block,
    blockHash: lb.blockHash,
    tempo: lb.tempo,
    nextEpochBlock: lb.nextEpochBlock,
    blocksToEpoch: lb.blocksToEpoch,
    n: lb.n,
    validators: lb.validators,
    miners: lb.miners,
    totalEmissionRao: lb.totalEmissionRao.toString(),
    totalStakeRao: lb.totalStakeRao.toString(),
    rows: lb.rows.map((r) => ({
      rank: r.rank,
      uid: r.uid,
      hotkey: r.hotkey,
      coldkey: r.coldkey,
      role: r.role,
      validatorPermit: r.validatorPermit,
      incentive: r.incentive,
      emissionRao: r.emissionRao.toString(),
      emission: units(r.emissionRao),
      dividends: r.dividends,
      consensus: r.consensus,
      validatorTrust: r.validatorTrust,
      stakeRao: r.stakeRao.toString(),
      stake: units(r.stakeRao),
      lastUpdate: r.lastUpdate,
      updatedBlocksAgo: r.updatedBlocksAgo,
      blockAtRegistration: r.blockAtRegistration,
      active: r.active,
      axon: r.axon,
    })),
  };
}
