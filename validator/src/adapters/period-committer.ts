/**
 * `PeriodCommitter` over core's commitment store: one `Sha256` field holding the period commitment,
 * set with `Commitments.set_commitment(netuid, ...)` by the validator hotkey and awaited until included.
 * Refusals (space/rate limit, not registered) come back as results, never as exceptions.
 */
import { ChainCommitmentStore, type ChainClient, errorMessage } from '#core';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { Logger } from 'pino';
import type { PeriodCommitter } from '../period-keeper.ts';

export class ChainPeriodCommitter implements PeriodCommitter {
  readonly #store: ChainCommitmentStore;

  constructor(
    client: ChainClient,
    hotkey: KeyringPair,
    private readonly netuid: number,
    log?: Logger,
  ) {
    this.#store = new ChainCommitmentStore(client, hotkey, { logger: log });
  }

  async commit(commitmentHex: string): Promise<{ ok: true; block: number; blockHash: string } | { ok: false; message: string }> {
    try {
      const r = await this.#store.set(this.netuid, [{ kind: 'Sha256', value: Uint8Array.from(Buffer.from(commitmentHex, 'hex')) }]);
      return { ok: true, block: r.block, blockHash: r.blockHash };
    } catch (err: unknown) {
      return { ok: false, message: errorMessage(err) };
    }
  }
}
