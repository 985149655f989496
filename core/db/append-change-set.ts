import type { StoreNames } from 'idb';
import type { EncodedValue } from '../codec';
import type { RecordId, RecordKind } from '../records/types';
import type { StoredChangeSet } from './rows';
import type { LocketDb } from './schema';
import type { WriteTransaction } from './transaction';

type Appending = 'changes' | 'outbox';

/**
 * The one way a local write adds its change set: the set and its outbox row in the caller's
 * transaction, so a set is never written without being queued for sync, nor queued without
 * being written. Rewrites of existing sets (`changes.put`) stay local; remote sets never come here.
 * `erased` is an erase set's sealed plain ids, for the relay (rows.ts OutboxRow).
 */
export const appendChangeSet = async <S extends StoreNames<LocketDb>>(
  tx: WriteTransaction<S | Appending>, set: StoredChangeSet, erased?: EncodedValue,
): Promise<void> => {
  const row = erased === undefined ? { setId: set.hlc } : { setId: set.hlc, erased };
  await Promise.all([tx.objectStore('changes').add(set), tx.objectStore('outbox').add(row)]);
};

/**
 * Id-only tombstones for ids a purge or an erasure removed for good, in the caller's transaction.
 * An erasure passes its ids' keyed hashes (audit/hash.ts idHash), never the ids.
 */
export const addTombstones = async <S extends StoreNames<LocketDb>>(
  tx: WriteTransaction<S | 'purged'>, rows: readonly { readonly id: RecordId; readonly kind: RecordKind }[], setId: string, op: 'purge' | 'erase',
): Promise<void> => {
  const purged = tx.objectStore('purged');
  await Promise.all(rows.map((row) => purged.put({ recordId: row.id, kind: row.kind, setId, op })));
};
