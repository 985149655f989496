/**
 * Sealing one record's state for a snapshot on the relay (SYNC.md §5): AES-256-GCM under the
 * epoch's snapshot key (HKDF `locket/relay/snapshot/v1` of the sync key, never the item key),
 * PADMÉ-padded JSON, with additional data naming the team, snapshot, record, kind and epoch: a
 * row moved to another snapshot, record or kind no longer opens.
 */
import type { Bytes } from '../vault/types';
import { decryptBytes, derivePurposeKey, encryptBytes } from './item-crypto';
import { padJson, unpadJson } from './padme';

export const SNAPSHOT_KEY_INFO = 'locket/relay/snapshot/v1';

/** Where a snapshot row sits. */
export interface SnapshotRowPlace {
  readonly snapshotId: string;
  readonly recordId: string;
  readonly kind: string;
}

/** What SyncCrypto offers for snapshots: rows are sealed under the newest epoch and open under any epoch held. */
export interface SnapshotCrypto {
  /** The epoch rows are sealed under now. */
  readonly epoch: number;
  readonly seal: (place: SnapshotRowPlace, state: unknown) => Promise<Bytes>;
  /** The state sealed for this place at `epoch`, or null when it does not open or parse. */
  readonly open: (place: SnapshotRowPlace & { readonly epoch: number }, sealed: Uint8Array) => Promise<{ state: unknown } | null>;
}

export const snapshotRowAad = (team: string, place: SnapshotRowPlace, epoch: number): string =>
  `locket/snapshot/v1|${team}|${place.snapshotId}|${place.recordId}|${place.kind}|${epoch}`;

export const createSnapshotCrypto = async (
  team: string, epoch: number, syncKey: Bytes, olderKeys: ReadonlyMap<number, Bytes> = new Map(),
): Promise<SnapshotCrypto> => {
  const keys = new Map<number, CryptoKey>([[epoch, await derivePurposeKey(syncKey, SNAPSHOT_KEY_INFO)]]);
  for (const [older, key] of olderKeys) if (older !== epoch) keys.set(older, await derivePurposeKey(key, SNAPSHOT_KEY_INFO));
  const current = keys.get(epoch);
  if (!current) throw new Error('The current epoch has no snapshot key');
  return {
    epoch,
    seal: (place, state) => encryptBytes(current, padJson(state), snapshotRowAad(team, place, epoch)),
    open: async (place, sealed) => {
      const key = keys.get(place.epoch);
      const plain = key ? await decryptBytes(key, sealed, snapshotRowAad(team, place, place.epoch)) : null;
      if (!plain) return null;
      try {
        return { state: unpadJson(plain) };
      } catch {
        return null;
      }
    },
  };
};
