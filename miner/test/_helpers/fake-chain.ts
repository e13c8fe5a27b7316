/**
 * An in-memory `MinerChain` for daemon tests: subnets, neurons with permits, burn and balances, axons,
 * and blocks advanced by the test. Error injection: `failNextServe`.
 */
import type { KeyringPair } from '@polkadot/keyring/types';
import { ChainError } from '#core';
import type { AxonAddress, MinerChain, MinerMetagraphView } from '../../src/chain.ts';

interface Neuron {
  hotkey: string;
  permit: boolean;
  axon: AxonAddress | undefined;
}

export class FakeMinerChain implements MinerChain {
  readonly endpoint = 'fake://chain';
  block = 1;
  burn = 1_000_000_000n;
  fee = 1_000n;
  readonly balances = new Map<string, bigint>();
  readonly subnets = new Map<number, Neuron[]>();
  readonly serveCalls: Array<AxonAddress & { hotkey: string }> = [];
  registerCalls = 0;
  failNextServe: ChainError | undefined;
  closed = false;
  #listeners = new Set<{ netuid: number; fn: (m: MinerMetagraphView) => void; every: number; last: number }>();

  addSubnet(netuid: number): void {
    this.subnets.set(netuid, []);
  }

  addNeuron(netuid: number, hotkey: string, permit = false): number {
    const list = this.subnets.get(netuid)!;
    list.push({ hotkey, permit, axon: undefined });
    return list.length - 1;
  }

  /** Puts `hotkey` at `uid` (as a registration that prunes the uid does); the old hotkey is gone. */
  replaceNeuron(netuid: number, uid: number, hotkey: string): void {
    this.subnets.get(netuid)![uid] = { hotkey, permit: false, axon: undefined };
  }

  setPermit(netuid: number, hotkey: string, permit: boolean): void {
    const n = this.subnets.get(netuid)!.find((x) => x.hotkey === hotkey)!;
    n.permit = permit;
  }

  setAxon(netuid: number, hotkey: string, axon: AxonAddress | undefined): void {
    this.subnets.get(netuid)!.find((x) => x.hotkey === hotkey)!.axon = axon;
  }

  /** Produces `n` blocks; listeners see a snapshot per block (respecting their every-N). */
  advance(n = 1): void {
    for (let i = 0; i < n; i++) {
      this.block++;
      for (const l of this.#listeners) {
        if (this.block - l.last >= l.every) {
          l.last = this.block;
          l.fn(this.snapshot(l.netuid));
        }
      }
    }
  }

  snapshot(netuid: number): MinerMetagraphView {
    const list = this.subnets.get(netuid) ?? [];
    return {
      block: this.block,
      hotkeys: list.map((x) => x.hotkey),
      validatorPermit: list.map((x) => x.permit),
      axons: list.map((x) => x.axon ?? { ip: '0.0.0.0', port: 0 }),
    };
  }

  async bestBlock(): Promise<number> {
    return this.block;
  }
  async subnetExists(netuid: number): Promise<boolean> {
    return this.subnets.has(netuid);
  }
  async uidOf(netuid: number, hotkey: string): Promise<number | undefined> {
    const i = (this.subnets.get(netuid) ?? []).findIndex((x) => x.hotkey === hotkey);
    return i < 0 ? undefined : i;
  }
  async burnRao(): Promise<bigint> {
    return this.burn;
  }
  async freeBalanceRao(address: string): Promise<bigint> {
    return this.balances.get(address) ?? 0n;
  }
  async registerFeeRao(): Promise<bigint> {
    return this.fee;
  }
  async burnedRegister(netuid: number, hotkey: string, coldkey: KeyringPair): Promise<void> {
    this.registerCalls++;
    const balance = this.balances.get(coldkey.address) ?? 0n;
    if (balance < this.burn + this.fee) {
      throw new ChainError('CHAIN_DISPATCH', 'NotEnoughBalanceToStake', {
        dispatch: { pallet: 'SubtensorModule', name: 'NotEnoughBalanceToStake', docs: '' },
      });
    }
    this.balances.set(coldkey.address, balance - this.burn - this.fee);
    this.addNeuron(netuid, hotkey);
  }
  async axonOf(netuid: number, hotkey: string): Promise<AxonAddress | undefined> {
    return (this.subnets.get(netuid) ?? []).find((x) => x.hotkey === hotkey)?.axon;
  }
  async serveAxon(netuid: number, hotkey: KeyringPair, axon: AxonAddress & { version: number }): Promise<void> {
    const err = this.failNextServe;
    this.failNextServe = undefined;
    if (err !== undefined) throw err;
    this.serveCalls.push({ ip: axon.ip, port: axon.port, hotkey: hotkey.address });
    this.setAxon(netuid, hotkey.address, { ip: axon.ip, port: axon.port });
  }
  async watchMetagraph(netuid: number, fn: (m: MinerMetagraphView) => void, every: number): Promise<() => void> {
    const l = { netuid, fn, every, last: this.block };
    this.#listeners.add(l);
    fn(this.snapshot(netuid));
    return () => {
      this.#listeners.delete(l);
    };
  }
  async close(): Promise<void> {
    this.closed = true;
  }
}
