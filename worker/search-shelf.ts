import { wrap, type DBSchema, type IDBPDatabase } from 'idb';
import type { EncodedValue, ValueCodec } from '../core/codec';
import { unloggedMarkOf } from '../core/db/unlogged-mark';
import type { FilterColumnsJson } from './filters/filter-columns';
import type { SearchIndexJson } from './search-index';
import type { LogPosition } from './search-log';

/** A saved index, the filter columns held with it, and the change-log position both hold every change up to. */
export interface SavedSearchIndex {
  readonly position: LogPosition;
  /**
   * The records' unlogged mark (core/db/unlogged-mark.ts) read before the index was last known
   * to hold only live records; null when unknown. Kept in the clear beside the sealed copy (a
   * random token, bound to the copy as its associated data), so a load can compare it before
   * the copy is opened.
   */
  readonly unlogged: string | null;
  readonly index: SearchIndexJson;
  readonly columns: FilterColumnsJson;
}

/** Where the index waits between unlocks, sealed by the account's codec. */
export interface SearchIndexShelf {
  /**
   * The saved index; null when there is none, or it cannot be read (altered, another key, older
   * format). `whenRead` is called once a sealed copy has been read, with the unlogged mark it was
   * saved with, and awaited before the copy is opened: the database is free again then, while
   * opening it keeps this thread busy.
   */
  readonly load: (whenRead?: (unlogged: string | null) => Promise<void>) => Promise<SavedSearchIndex | null>;
  readonly save: (saved: SavedSearchIndex) => Promise<void>;
  /** Forgets the saved index: what it holds of purged or erased records must not outlive them on disk. */
  readonly clear: () => Promise<void>;
}

interface ShelfDb extends DBSchema {
  /** The sealed copy at `current`, its unlogged mark (a string) at `unlogged`. */
  index: { key: string; value: EncodedValue | string };
}

export { searchIndexDbName as searchShelfName } from '../core/db/db-name';

const KEY = 'current';
const UNLOGGED_KEY = 'unlogged';
const SHELF_AAD = 'locket/search-index';
/** The copy opens only beside the mark it was saved with. */
const aadFor = (unlogged: string | null): string => `${SHELF_AAD}#${unlogged ?? ''}`;
/** Raised when the saved shape changes, so an older one is rebuilt rather than misread. */
const FORMAT = 5;

const openShelfDb = (factory: IDBFactory, name: string): Promise<IDBPDatabase<ShelfDb>> => new Promise((resolve, reject) => {
  const request = factory.open(name, 1);
  request.addEventListener('upgradeneeded', () => { request.result.createObjectStore('index'); });
  request.addEventListener('success', () => {
    // Deleting the account deletes this database too: never block it.
    request.result.addEventListener('versionchange', () => { request.result.close(); });
    resolve(wrap(request.result) as unknown as IDBPDatabase<ShelfDb>);
  });
  request.addEventListener('error', () => { reject(request.error ?? new Error(`Cannot open ${name}`)); });
});

const isSaved = (value: unknown): value is SavedSearchIndex & { readonly format: number } => {
  if (typeof value !== 'object' || value === null) return false;
  const { format, position, index, columns } = value as Record<string, unknown>;
  if (format !== FORMAT || typeof position !== 'object' || position === null || typeof index !== 'object' || index === null) return false;
  if (typeof columns !== 'object' || columns === null) return false;
  const { dictionary, kinds, contacted, targets } = columns as Record<string, unknown>;
  if (!Array.isArray(dictionary) || typeof kinds !== 'object' || kinds === null || !Array.isArray(contacted) || !Array.isArray(targets)) return false;
  const { groups, hits, order } = index as Record<string, unknown>;
  return Array.isArray(groups) && Array.isArray(hits) && Array.isArray(order) && hits.length === order.length;
};

export const createSearchIndexShelf = (factory: IDBFactory, name: string, codec: ValueCodec): SearchIndexShelf => {
  let opened: Promise<IDBPDatabase<ShelfDb>> | null = null;
  const db = (): Promise<IDBPDatabase<ShelfDb>> => (opened ??= openShelfDb(factory, name));
  const clear = async (): Promise<void> => {
    const tx = (await db()).transaction('index', 'readwrite');
    await Promise.all([tx.store.delete(KEY), tx.store.delete(UNLOGGED_KEY), tx.done]);
  };
  return {
    load: async (whenRead) => {
      const tx = (await db()).transaction('index');
      const [stored, mark] = await Promise.all([tx.store.get(KEY), tx.store.get(UNLOGGED_KEY)]);
      if (stored === undefined) return null;
      const unlogged = unloggedMarkOf(mark);
      // Only the mark is a string here: a string at the copy's key is as good as missing.
      if (typeof stored === 'string') {
        await clear();
        return null;
      }
      await whenRead?.(unlogged);
      try {
        const saved = await codec.decode(stored, aadFor(unlogged));
        if (isSaved(saved)) return { position: saved.position, unlogged, index: saved.index, columns: saved.columns };
      } catch {
        // Sealed with another key or altered: as good as missing.
      }
      await clear();
      return null;
    },
    save: async ({ unlogged, ...saved }) => {
      const sealed = await codec.encode({ format: FORMAT, ...saved }, aadFor(unlogged));
      const tx = (await db()).transaction('index', 'readwrite');
      await Promise.all([tx.store.put(sealed, KEY), tx.store.put(unlogged ?? '', UNLOGGED_KEY), tx.done]);
    },
    clear,
  };
};
