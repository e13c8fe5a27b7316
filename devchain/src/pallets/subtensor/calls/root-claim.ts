/**
 * Root claim calls as upstream (spec 425, call indices 121–124): `claim_root`, `set_root_claim_type`,
 * `sudo_set_num_root_claims` (root) and `sudo_set_root_claim_threshold` (subnet owner or root).
 */
import { T } from '../../../scale/types.ts';
import { DispatchFailure, call, ensureRoot, ensureSigned, type CallDef, type DispatchContext } from '../../../frame/pallet.ts';
import { NetUidSet, RootClaimTypeEnum, SubtensorStorage, type RootClaimTypeValue } from '../storage.ts';
import { same } from '../accounts.ts';
import { emit } from '../events.ts';
import { fail } from '../errors.ts';
import { doRootClaim } from '../state/root-claim.ts';
import { maybeAddColdkeyIndex } from '../state/root-claim-auto.ts';

const NetUid = T.u16;
/** Upstream `MAX_SUBNET_CLAIMS`: subnets one `claim_root` may name. */
export const MAX_SUBNET_CLAIMS = 5;
/** Upstream `MAX_NUM_ROOT_CLAIMS`: the largest `NumRootClaim`. */
export const MAX_NUM_ROOT_CLAIMS = 50n;
/** Upstream `MAX_ROOT_CLAIM_THRESHOLD` (rao). */
export const MAX_ROOT_CLAIM_THRESHOLD = 10_000_000n;

/** A decoded `BTreeSet<NetUid>`: SCALE decoding collects into a set, so duplicates collapse. */
const asSet = (xs: readonly number[]): number[] => [...new Set(xs)].sort((a, b) => a - b);

/** `ensure_subnet_owner_or_root`. */
function ensureOwnerOrRoot(ctx: DispatchContext, netuid: number): void {
  if (ctx.origin.type === 'Root') return;
  const who = ensureSigned(ctx);
  if (!same(SubtensorStorage.SubnetOwner.get(ctx.state, netuid), who))
    throw new DispatchFailure({ type: 'BadOrigin' }, 'BadOrigin: the subnet owner or root is required');
}

export function rootClaimCalls(): CallDef[] {
  return [
    call<{ subnets: number[] }>({
      name: 'claim_root',
      index: 121,
      args: [{ name: 'subnets', type: NetUidSet, typeName: 'BTreeSet<NetUid>' }],
      weight: 60_000_000n,
      dispatch: (ctx, a) => {
        const coldkey = ensureSigned(ctx);
        const subnets = asSet(a.subnets);
        if (subnets.length === 0 || subnets.length > MAX_SUBNET_CLAIMS) fail('InvalidSubnetNumber');
        maybeAddColdkeyIndex(ctx.state, coldkey);
        doRootClaim(ctx, coldkey, subnets);
      },
    }),
    call<{ new_root_claim_type: RootClaimTypeValue }>({
      name: 'set_root_claim_type',
      index: 122,
      args: [{ name: 'new_root_claim_type', type: RootClaimTypeEnum, typeName: 'RootClaimTypeEnum' }],
      dispatch: (ctx, a) => {
        const coldkey = ensureSigned(ctx);
        let type = a.new_root_claim_type;
        if (type.type === 'KeepSubnets') {
          const subnets = asSet(type.value.subnets);
          if (subnets.length === 0) fail('InvalidSubnetNumber');
          type = { type: 'KeepSubnets', value: { subnets } };
        }
        maybeAddColdkeyIndex(ctx.state, coldkey);
        SubtensorStorage.RootClaimType.set(ctx.state, coldkey, type);
        emit(ctx, 'RootClaimTypeSet', { coldkey, root_claim_type: type });
      },
    }),
    call<{ new_value: bigint }>({
      name: 'sudo_set_num_root_claims',
      index: 123,
      args: [{ name: 'new_value', type: T.u64, typeName: 'u64' }],
      dispatch: (ctx, a) => {
        ensureRoot(ctx);
        if (a.new_value > MAX_NUM_ROOT_CLAIMS) fail('InvalidNumRootClaim');
        SubtensorStorage.NumRootClaim.set(ctx.state, a.new_value);
      },
    }),
    call<{ netuid: number; new_value: bigint }>({
      name: 'sudo_set_root_claim_threshold',
      index: 124,
      args: [
        { name: 'netuid', type: NetUid, typeName: 'NetUid' },
        { name: 'new_value', type: T.u64, typeName: 'u64' },
      ],
      dispatch: (ctx, a) => {
        ensureOwnerOrRoot(ctx, a.netuid);
        if (a.new_value > MAX_ROOT_CLAIM_THRESHOLD) fail('InvalidRootClaimThreshold');
        SubtensorStorage.RootClaimableThreshold.set(ctx.state, a.netuid, { bits: a.new_value << 32n });
      },
    }),
  ];
}
