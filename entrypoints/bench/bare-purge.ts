import type { IDBPDatabase } from 'idb';
import type { StoredChangeSet } from '../../core/db/rows';
import type { LocketDb } from '../../core/db/schema';
import type { RecordKind } from '../../core/records/types';

type Database = IDBPDatabase<LocketDb>;

/** A batch of records, in the order the sweep purges them. */
export type PurgePage = readonly { readonly id: string; readonly kind: RecordKind }[];

/** Copies the account's change sets into the scratch database (outside any timing); returns each set's key and records. */
export const copyChangeSets = async (account: Database, scratch: Database): Promise<{ readonly hlc: string; readonly recordIds: readonly string[] }[]> => {
  const kept: { hlc: string; recordIds: readonly string[] }[] = [];
  let after: string | undefined;
  for (;;) {
    const sets: StoredChangeSet[] = await account.getAll('changes', after === undefined ? null : IDBKeyRange.lowerBound(after, true), 50);
    if (sets.length === 0) return kept;
    const tx = scratch.transaction('changes', 'readwrite');
    await Promise.all([...sets.map((set) => tx.store.put(set)), tx.done]);
    for (const set of sets) kept.push({ hlc: set.hlc, recordIds: set.recordIds });
    after = sets.at(-1)?.hlc;
  }
};

/**
 * The floor a purge can reach with the work sync and the audit require of it, in bare
 * IndexedDB: per batch, one transaction that deletes the rows and every change set whose last
 * record goes in this batch (worked out beforehand), puts a tombstone per record, and adds one
 * purge set, its outbox row and one audit entry (a copy of the account's last one). No reads,
 * no checks, no codec. The scratch database holds the rows and the sets when it starts.
 */
export const timeBarePurge = async (
  scratch: Database, pages: readonly PurgePage[], sets: readonly { readonly hlc: string; readonly recordIds: readonly string[] }[], auditEntry: unknown,
): Promise<{ readonly purgeMs: number; readonly setsDeleted: number }> => {
  const pageOf = new Map<string, number>();
  pages.forEach((rows, index) => { for (const row of rows) pageOf.set(row.id, index); });
  const setsByPage = pages.map((): string[] => []);
  for (const set of sets) {
    const last = Math.max(-1, ...set.recordIds.map((id) => pageOf.get(id) ?? -1));
    if (last >= 0) setsByPage[last]?.push(set.hlc);
  }
  const entry = typeof auditEntry === 'object' && auditEntry !== null ? auditEntry : {};
  const started = performance.now();
  for (const [index, rows] of pages.entries()) {
    const hlc = `bench-purge-${String(index).padStart(6, '0')}`;
    const tx = scratch.transaction(['records', 'changes', 'outbox', 'purged', 'audit'], 'readwrite');
    const purgeSet: StoredChangeSet = {
      hlc, deviceId: 'bench', author: 'sweep',
      changes: rows.map((row) => ({ recordId: row.id, kind: row.kind, op: 'purge' as const, changed: [] })),
      recordIds: rows.map((row) => row.id), values: { codec: 'plain', value: rows.map(() => ({})) },
    };
    for (const row of rows) {
      void tx.objectStore('records').delete(row.id);
      void tx.objectStore('purged').put({ recordId: row.id, kind: row.kind, setId: hlc, op: 'purge' });
    }
    for (const key of setsByPage[index] ?? []) void tx.objectStore('changes').delete(key);
    void tx.objectStore('changes').add(purgeSet);
    void tx.objectStore('outbox').add({ setId: hlc });
    void tx.objectStore('audit').add({ ...entry, seq: Number.MAX_SAFE_INTEGER - pages.length + index });
    await tx.done;
  }
  return { purgeMs: performance.now() - started, setsDeleted: setsByPage.reduce((sum, keys) => sum + keys.length, 0) };
};
