/**
 * On-chain commitments (pallet Commitments, index 18, as upstream subtensor): write with
 * `set_commitment(netuid, { fields })`, read `CommitmentOf(netuid, account)` at any block. Validators
 * commit a hash of their competition period's secret here before the period's rounds, and anyone
 * checks a later reveal against what was on chain at the block it names.
 */
import type { ApiPromise } from '@polkadot/api';
import type { KeyringPair } from '@polkadot/keyring/types';
import { u8aToHex } from '@polkadot/util';
import type { HexString } from '@polkadot/util/types';
import type { Logger } from 'pino';
import { ArenaError, ChainError } from '../errors.ts';
import type { ChainClient } from './connect.ts';
import { submitAndWait } from './submit.ts';

/** The 32-byte hash variants of upstream's `Data` enum. */
export const COMMITMENT_HASH_KINDS = ['BlakeTwo256', 'Sha256', 'Keccak256', 'ShaThree256'] as const;

/** One field of a commitment: a 32-byte hash of a named kind, or raw bytes (at most 128). */
export type CommitmentField = { kind: (typeof COMMITMENT_HASH_KINDS)[number]; value: Uint8Array } | { kind: 'Raw'; value: Uint8Array };

/** A commitment as stored: the block it was set in and its fields. */
export interface CommitmentRecord {
  block: number;
  fields: CommitmentField[];
}

/** Where a commitment landed. */
export interface CommitmentReceipt {
  block: number;
  blockHash: HexString;
}

/** Write and read access to commitments (the chain adapter below; tests may use a fake). */
export interface CommitmentStore {
  /** Sets the signer's commitment on `netuid` and resolves once it is included. */
  set(netuid: number, fields: readonly CommitmentField[]): Promise<CommitmentReceipt>;
  /** The commitment of `account` on `netuid` as of block `atBlockHash` (default: best block); undefined when none. */
  get(netuid: number, account: string, atBlockHash?: HexString): Promise<CommitmentRecord | undefined>;
}

function dataOf(f: CommitmentField): Record<string, HexString> {
  if (f.kind === 'Raw') {
    if (f.value.length > 128)
      throw new ArenaError('USAGE', `expected a raw commitment field of at most 128 bytes, found ${f.value.length}`);
    return { [`Raw${f.value.length}`]: u8aToHex(f.value) };
  }
  if (f.value.length !== 32) throw new ArenaError('USAGE', `expected a 32-byte ${f.kind} commitment field, found ${f.value.length} bytes`);
  return { [f.kind]: u8aToHex(f.value) };
}

/** `Commitments.set_commitment(netuid, { fields })`, to be signed by a hotkey registered on `netuid`. */
export function setCommitmentTx(
  api: ApiPromise,
  netuid: number,
  fields: readonly CommitmentField[],
): ReturnType<ApiPromise['tx'][string][string]> {
  if (!Number.isInteger(netuid) || netuid < 0 || netuid > 0xffff)
    throw new ArenaError('USAGE', `expected netuid to be a u16, found ${netuid}`);
  const fn = api.tx.commitments?.setCommitment;
  if (fn === undefined)
    throw new ChainError(
      'CHAIN_UNSUPPORTED',
      'the chain has no Commitments.set_commitment call (pallet 18); is this a subtensor-compatible chain?',
    );
  return fn(netuid, { fields: fields.map(dataOf) });
}

/** Decodes one `Data` value from its JSON form (`{ sha256: '0x..' }`, `{ raw32: '0x..' }`, `{ none: null }`). */
function fieldOf(json: unknown): CommitmentField | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const [key, value] = Object.entries(json as Record<string, unknown>)[0] ?? [];
  if (key === undefined || typeof value !== 'string' || !value.startsWith('0x')) return undefined;
  const bytes = Uint8Array.from(Buffer.from(value.slice(2), 'hex'));
  const lower = key.toLowerCase();
  if (/^raw\d+$/.test(lower)) return { kind: 'Raw', value: bytes };
  const kind = COMMITMENT_HASH_KINDS.find((k) => k.toLowerCase() === lower);
  return kind === undefined ? undefined : { kind, value: bytes };
}

/** Reads `CommitmentOf(netuid, account)` at a block (default: best). Only core reads chain storage. */
export async function readCommitment(
  client: ChainClient,
  netuid: number,
  account: string,
  atBlockHash?: HexString,
): Promise<CommitmentRecord | undefined> {
  return client.read(`Commitments.CommitmentOf(${netuid}, ${account})`, async (api) => {
    const at = atBlockHash === undefined ? api : await api.at(atBlockHash);
    const query = at.query.commitments?.commitmentOf;
    if (query === undefined) throw new ChainError('CHAIN_UNSUPPORTED', 'the chain has no Commitments.CommitmentOf storage (pallet 18)');
    const raw = (await query(netuid, account)).toJSON() as { block?: number; info?: { fields?: unknown[] } } | null;
    if (raw === null || typeof raw.block !== 'number') return undefined;
    const fields = (raw.info?.fields ?? []).map(fieldOf).filter((f): f is CommitmentField => f !== undefined);
    return { block: raw.block, fields };
  });
}

/** The block hash of `block` on the client's chain (for reading state as of that block). */
export async function blockHashAt(client: ChainClient, block: number): Promise<HexString> {
  return client.read(`block hash of ${block}`, async (api) => (await api.rpc.chain.getBlockHash(block)).toHex());
}

/** `CommitmentStore` over a chain client, signing with `signer`. */
export class ChainCommitmentStore implements CommitmentStore {
  constructor(
    private readonly client: ChainClient,
    private readonly signer: KeyringPair,
    private readonly opts: { timeoutMs?: number; logger?: Logger } = {},
  ) {}

  async set(netuid: number, fields: readonly CommitmentField[]): Promise<CommitmentReceipt> {
    const tx = setCommitmentTx(this.client.api, netuid, fields);
    const r = await submitAndWait(this.client.api, tx, this.signer, {
      nonces: this.client.nonces,
      timeoutMs: this.opts.timeoutMs ?? 60_000,
      logger: this.opts.logger,
    });
    const header = await this.client.read('header of the commitment block', (api) => api.rpc.chain.getHeader(r.blockHash));
    return { block: header.number.toNumber(), blockHash: r.blockHash };
  }

  get(netuid: number, account: string, atBlockHash?: HexString): Promise<CommitmentRecord | undefined> {
    return readCommitment(this.client, netuid, account, atBlockHash);
  }
}
