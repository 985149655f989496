import type { IDBPObjectStore } from 'idb';
import type { LocketDatabase, LocketDb } from '../core/db/schema';
import type { RecordId } from '../core/records/types';
import { writeTransaction } from '../core/db/transaction';
import { UNLOGGED_MARK_KEY, markUnloggedChange, unloggedMarkOf } from '../core/db/unlogged-mark';

/**
 * Where the change log stood when an index was known to hold every change: its newest set,
 * and how many sets were at or below that one. Sets are keyed by HLC, so local writes
 * always land above; a remote set may land below, which the count then shows.
 */
export interface LogPosition {
  readonly newest: string | null;
  readonly sets: number;
}

/** What an index needs of the store to catch up instead of rebuilding. */
export interface SearchLog {
  readonly position: () => Promise<LogPosition>;
  /** The newest set's key alone (no count): enough to see that a local write has landed. */
  readonly newest: () => Promise<string | null>;
  /**
   * The ids touched by sets newer than `since`, or null when sets were added at or below it
   * (the log can no longer tell what the index missed). Sets removed below it (purges,
   * erasures) are fine: `liveIds` finds what they removed.
   */
  readonly changedSince: (since: LogPosition) => Promise<{ readonly ids: RecordId[]; readonly position: LogPosition } | null>;
  /** The ids of every live (not trashed) record of the searchable kinds. */
  readonly liveIds: () => Promise<RecordId[]>;
  /** The records' unlogged mark (core/db/unlogged-mark.ts); null before anything moved it. */
  readonly unloggedMark: () => Promise<string | null>;
  /** The unlogged mark, set first when nothing has yet: a saved index can then be told apart from a later removal. */
  readonly startedUnloggedMark: () => Promise<string>;
}

const SEARCHED_KINDS = ['organisation', 'person', 'case', 'opportunity'] as const;

export const createSearchLog = (db: LocketDatabase): SearchLog => {
  const positionIn = async (changes: IDBPObjectStore<LocketDb, ['changes'], 'changes'>): Promise<LogPosition> => {
    const newest = await changes.openKeyCursor(null, 'prev');
    return { newest: newest ? String(newest.key) : null, sets: await changes.count() };
  };
  return {
    position: async () => positionIn(db.transaction('changes').store),
    newest: async () => {
      const newest = await db.transaction('changes').store.openKeyCursor(null, 'prev');
      return newest ? String(newest.key) : null;
    },
    changedSince: async (since) => {
      const changes = db.transaction('changes').store;
      const below = since.newest === null ? 0 : await changes.count(IDBKeyRange.upperBound(since.newest));
      if (below > since.sets) return null;
      const newer = await changes.getAll(since.newest === null ? null : IDBKeyRange.lowerBound(since.newest, true));
      const position = await positionIn(changes);
      return { ids: [...new Set(newer.flatMap((set) => set.recordIds))], position };
    },
    liveIds: async () => {
      const list = db.transaction('records').store.index('list');
      const byKind = await Promise.all(SEARCHED_KINDS.map((kind) => list.getAllKeys(IDBKeyRange.bound([kind, -Infinity], [kind, Infinity]))));
      return byKind.flat();
    },
    unloggedMark: async () => unloggedMarkOf(await db.get('meta', UNLOGGED_MARK_KEY)),
    startedUnloggedMark: () => writeTransaction(db, ['meta'], async (tx) => {
      const meta = tx.objectStore('meta');
      const current = unloggedMarkOf(await meta.get(UNLOGGED_MARK_KEY));
      return current ?? markUnloggedChange(meta);
    }),
  };
};
