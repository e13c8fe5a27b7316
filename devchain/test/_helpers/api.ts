/** An unmodified ApiPromise connected to a devchain, disconnected in teardown. */
import '@polkadot/api-augment';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { ISubmittableResult } from '@polkadot/types/types';
import type { ExecutionContext } from 'ava';

export async function connect(t: ExecutionContext, url: string): Promise<ApiPromise> {
  const provider = new WsProvider(url, false);
  await provider.connect();
  const api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
  t.teardown(() => api.disconnect());
  return api;
}

export function devKeys(): Record<'alice' | 'bob' | 'charlie' | 'dave' | 'eve' | 'ferdie', KeyringPair> {
  const k = new Keyring({ type: 'sr25519', ss58Format: 42 });
  return {
    alice: k.addFromUri('//Alice'),
    bob: k.addFromUri('//Bob'),
    charlie: k.addFromUri('//Charlie'),
    dave: k.addFromUri('//Dave'),
    eve: k.addFromUri('//Eve'),
    ferdie: k.addFromUri('//Ferdie'),
  };
}

/** Signs with an explicit nonce from system_accountNextIndex and resolves at inBlock or finalized (rejects on invalid/dropped). */
export async function sendAndWaitInBlock(
  api: ApiPromise,
  tx: SubmittableExtrinsic<'promise'>,
  signer: KeyringPair,
  timeoutMs = 45_000,
): Promise<ISubmittableResult> {
  const nonce = await api.rpc.system.accountNextIndex(signer.address);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('transaction not in a block in time')), timeoutMs);
    let unsub: (() => void) | undefined;
    tx.signAndSend(signer, { nonce }, (result) => {
      // Under heavy load polkadot.js may skip the inBlock result when finalized follows quickly.
      if (result.status.isInBlock || result.status.isFinalized) {
        clearTimeout(timer);
        unsub?.();
        resolve(result);
      } else if (result.status.isInvalid || result.status.isDropped) {
        clearTimeout(timer);
        unsub?.();
        reject(new Error(`transaction ${result.status.type}`));
      }
    }).then(
      (u) => {
        unsub = u;
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}
