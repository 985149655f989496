import { openDB } from 'idb';
import { LOCKET_DB_NAME } from '../../core/db/db-name';
import { searchShelfName } from '../../worker/search-shelf';
import type { SavedIndexProbe } from './search-timing';

/** Reads and clears the search worker's saved index as stored, without its key. */
export const savedIndexProbe = (): SavedIndexProbe => {
  const open = () => openDB(searchShelfName(LOCKET_DB_NAME), 1, {
    upgrade: (db) => { db.createObjectStore('index'); },
  });
  return {
    forget: async () => {
      const db = await open();
      try { await db.delete('index', 'current'); } finally { db.close(); }
    },
    bytes: async () => {
      const db = await open();
      try {
        const stored: unknown = await db.get('index', 'current');
        if (typeof stored !== 'object' || stored === null || !('data' in stored) || !(stored.data instanceof Uint8Array)) return null;
        return stored.data.byteLength;
      } finally { db.close(); }
    },
  };
};
