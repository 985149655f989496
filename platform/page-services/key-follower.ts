import { bytesEqual } from '../../core/vault/bytes';
import type { Bytes, UnlockedKeys } from '../../core/vault/types';

/**
 * The services a surface holds, opened with one account key. Removing a key or replacing the
 * recovery codes moves the session to a new account key (core/vault/account-key.ts): services
 * still holding the old one must not write again, or their rows would open under no stored
 * key. So on a new key the old services are closed first (a write through them fails from then
 * on instead of landing under the old key: their store, worker and sweep go with them), then
 * services on the new key are opened and handed over. The surface element is kept, with its
 * own state, so new recovery codes on screen stay there.
 */
export interface KeyFollower<S> {
  /** The services for these keys: the ones held when the account key is the same, new ones otherwise. */
  readonly follow: (keys: UnlockedKeys) => Promise<S>;
  readonly current: () => S | undefined;
  readonly close: () => void;
}

export const createKeyFollower = <S extends { readonly close: () => void }>(
  open: (keys: UnlockedKeys) => Promise<S>,
  /** `previous` is undefined the first time: the surface is created then, and given new services after. */
  handOver: (services: S, previous: S | undefined) => void,
): KeyFollower<S> => {
  let held: { readonly services: S; readonly accountKey: Bytes } | undefined;
  return {
    follow: async (keys) => {
      if (held && bytesEqual(held.accountKey, keys.accountKey)) return held.services;
      const previous = held?.services;
      held = undefined;
      previous?.close();
      const services = await open(keys);
      held = { services, accountKey: keys.accountKey };
      handOver(services, previous);
      return services;
    },
    current: () => held?.services,
    close: () => {
      held?.services.close();
      held = undefined;
    },
  };
};
