import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { EncodedValue } from '../codec';
import type { RecordId, RecordKind } from '../records/types';
import type { OutboxRow, PurgedRow, StoredChangeSet, StoredRecord } from './rows';
import { clocksFromLog } from './field-clocks';

/** The typed shape of one account's database. */
export interface LocketDb extends DBSchema {
  records: {
    key: RecordId;
    value: StoredRecord;
    indexes: {
      /** [kind, updatedAt]; only live records carry a listKey, so the trash never shows in lists. */
      list: [RecordKind, number];
      /** multiEntry over `links`: one entry per id a record points at. */
      byLink: RecordId;
      /** deletedAt; live rows hold null, which is no key, so only the trash is in this index. */
      trash: number;
      /** dueKey: live open tasks with a due date, by due instant (Tasks, counts while locked). */
      due: number;
      /** remindKey: live open tasks with a due time, by that instant (the background's alarms). */
      remind: number;
      /**
       * [deletedAt, id, kind]: the trash in the `trash` index's order (deletedAt, then id), with
       * each row's kind in the key, so a purge learns kinds from a key cursor without reading bodies.
       */
      trashKinds: [number, RecordId, RecordKind];
    };
  };
  /** The change log: one change set per write transaction. */
  changes: {
    /** Hybrid logical clock timestamp of the set: unique and sortable. */
    key: string;
    value: StoredChangeSet;
    /** multiEntry over `recordIds`: one entry per record the set touched. */
    indexes: { byRecord: RecordId; byBatch: string; byUndo: string };
  };
  /** Settings bodies through the codec: the owner's name is personal data. */
  settings: { key: string; value: EncodedValue };
  /** Per-install facts such as the device id; read back through a schema, never trusted. */
  meta: { key: string; value: unknown };
  /** The vault (salts, wrapped keys, public keys): readable while locked, validated on read. */
  vault: { key: string; value: unknown };
  /** Every unlock attempt, oldest first (ids sort by time); no personal data. */
  logins: { key: string; value: unknown };
  /** The append-only audit log, chained by keyed hashes, by sequence number; no personal data, so in the clear. */
  audit: { key: number; value: unknown };
  /** Keyed hashes (audit/hash.ts) of erased people's emails the owner asked to keep, so an import does not bring them back. */
  suppressed: { key: string; value: unknown };
  /** One row per archival snapshot: when, why, how big, whether it finished; validated on read. */
  snapshots: { key: string; value: unknown };
  /** A snapshot's copied rows, about a thousand per chunk, keyed [snapshotId, seq]. */
  snapshotChunks: { key: [string, number]; value: unknown; indexes: { bySnapshot: string } };
  /** Local change sets in the order they were written (autoIncrement position); remote sets never enter. */
  outbox: { key: number; value: OutboxRow; indexes: { bySeq: number } };
  /** Id-only tombstones of purged and erased records; no data. */
  purged: { key: RecordId; value: PurgedRow; indexes: { bySet: string } };
}

export type LocketDatabase = IDBPDatabase<LocketDb>;
export type UpgradeTransaction = IDBPTransaction<LocketDb, StoreNames<LocketDb>[], 'versionchange'>;

/** One schema step. Runs inside the upgrade transaction, so it must not await anything but that transaction. */
export type Migration = (db: LocketDatabase, tx: UpgradeTransaction) => void;

const createInitialStores: Migration = (db) => {
  const records = db.createObjectStore('records', { keyPath: 'id' });
  records.createIndex('list', 'listKey');
  records.createIndex('byLink', 'links', { multiEntry: true });

  const changes = db.createObjectStore('changes', { keyPath: 'hlc' });
  changes.createIndex('byRecord', 'recordIds', { multiEntry: true });

  db.createObjectStore('settings');
  db.createObjectStore('meta');
};

/**
 * Migration N upgrades version N-1 to N; the database version is the length of this list.
 * Append only: a shipped migration never changes, or installs already past it diverge.
 */
const createVaultStores: Migration = (db) => {
  db.createObjectStore('vault');
  db.createObjectStore('logins', { keyPath: 'id' });
};

const createAuditStores: Migration = (db) => {
  db.createObjectStore('audit', { keyPath: 'seq' });
  db.createObjectStore('suppressed', { keyPath: 'hash' });
};

/**
 * Import batches: an import's change sets carry its batch id, so undo finds them in one
 * index read; an undo's sets carry `undoOf`, so the list of imports tells undone ones apart.
 */
const indexChangesByBatch: Migration = (_db, tx) => {
  const changes = tx.objectStore('changes');
  changes.createIndex('byBatch', 'batchId');
  changes.createIndex('byUndo', 'undoOf');
};

/**
 * Retention: the trash is an index (sweeps read expired rows by deletedAt, oldest first), and
 * archival snapshots are rows copied as stored (still encrypted), in chunks.
 */
const createRetentionStores: Migration = (db, tx) => {
  tx.objectStore('records').createIndex('trash', 'deletedAt');
  db.createObjectStore('snapshots', { keyPath: 'id' });
  const chunks = db.createObjectStore('snapshotChunks', { keyPath: ['snapshotId', 'seq'] });
  chunks.createIndex('bySnapshot', 'snapshotId');
};

/**
 * Sync: the outbox and the tombstones, then the whole history enqueued in HLC order (so a
 * profile that turns sync on later pushes everything it has), and every record's field clocks
 * derived from the change log, where field names and ops are already in the clear. Only
 * requests of the upgrade transaction are awaited, in callbacks, so it stays open.
 */
const createSyncStores: Migration = (db, tx) => {
  const outbox = db.createObjectStore('outbox', { autoIncrement: true });
  outbox.createIndex('bySeq', 'clientSeq');
  db.createObjectStore('purged', { keyPath: 'recordId' }).createIndex('bySet', 'setId');
  const sets: StoredChangeSet[] = [];
  const changes = tx.objectStore('changes');
  const records = tx.objectStore('records');
  const readSets = (cursor: Awaited<ReturnType<typeof changes.openCursor>>): Promise<void> | undefined => {
    if (!cursor) return undefined;
    // Values stay behind: only the clear parts are needed here.
    sets.push({ ...cursor.value, values: { codec: 'plain', value: null } });
    void outbox.add({ setId: cursor.value.hlc });
    return cursor.continue().then(readSets);
  };
  const stampRows = (cursor: Awaited<ReturnType<typeof records.openCursor>>): Promise<void> | undefined => {
    if (!cursor) return undefined;
    const fieldClocks = clocks.get(cursor.value.id);
    if (fieldClocks) void cursor.update({ ...cursor.value, fieldClocks });
    return cursor.continue().then(stampRows);
  };
  let clocks = new Map<RecordId, Record<string, string>>();
  void changes.openCursor().then(readSets).then(() => {
    clocks = clocksFromLog(sets);
    return records.openCursor().then(stampRows);
  }).catch(() => {
    // A failed request has already aborted the upgrade: the database stays at the old version.
  });
};

/**
 * Tasks: open tasks by due instant and by reminder instant. Only live rows carry the keys
 * (record-rows.ts rowFor), so neither index ever lists the trash or a done task.
 */
const indexTasksByDue: Migration = (_db, tx) => {
  const records = tx.objectStore('records');
  records.createIndex('due', 'dueKey');
  records.createIndex('remind', 'remindKey');
};

/**
 * The trash with kinds in its keys (see `trashKinds` above). A live row's deletedAt is null,
 * which is no key, so, as in `trash`, only trashed rows are in it.
 */
const indexTrashKinds: Migration = (_db, tx) => {
  tx.objectStore('records').createIndex('trashKinds', ['deletedAt', 'id', 'kind']);
};

export const migrations: readonly Migration[] = [
  createInitialStores, createVaultStores, createAuditStores, indexChangesByBatch, createRetentionStores,
  createSyncStores,
  indexTasksByDue,
  indexTrashKinds,
];

export const currentSchemaVersion = migrations.length;

/**
 * Opens (and upgrades) one account's database through an injected IDBFactory, so pages,
 * the worker and tests each bring their own. Rejects if the stored version is newer than
 * this code knows, or if any migration throws (the upgrade then rolls back as a whole).
 */
export const openLocketDb = async (factory: IDBFactory, name: string): Promise<LocketDatabase> => {
  const request = factory.open(name, currentSchemaVersion);
  let migrationError: unknown;
  request.addEventListener('upgradeneeded', (event) => {
    const upgrade = request.transaction;
    if (!upgrade) return;
    const db = typed(wrap(request.result));
    const tx = typedUpgrade(wrap(upgrade));
    try {
      for (let version = event.oldVersion; version < currentSchemaVersion; version++) {
        migrations[version]?.(db, tx);
      }
    } catch (error) {
      // A half-applied schema must never be committed as the new version.
      migrationError = error;
      upgrade.abort();
    }
  });
  const opened = await wrap(request).catch((error: unknown) => {
    throw migrationError ?? error;
  });
  if (!opened) throw new Error(`IndexedDB did not open database "${name}"`);
  const db = typed(opened);
  // Another context is upgrading to a newer schema: step aside instead of blocking it forever.
  db.addEventListener('versionchange', () => db.close());
  return db;
};

// idb's schema typing is a compile-time view over the same objects; wrap() itself is untyped.
const typed = (db: IDBPDatabase): LocketDatabase => db as unknown as LocketDatabase;
const typedUpgrade = (tx: IDBPTransaction): UpgradeTransaction => tx as unknown as UpgradeTransaction;
