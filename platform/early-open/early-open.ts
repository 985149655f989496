/**
 * The account's database, asked for as soon as a surface's first module runs, and handed to
 * the gate when it gets there. The first open after the browser let the origin's storage go
 * reads it back from disk (0.6 s and more at 100,000 records, traced in the bench); started
 * here, that overlaps evaluating the rest of the page's code instead of following it.
 */
import { LOCKET_DB_NAME } from '../../core/db/db-name';
import { openLocketDb, type LocketDatabase } from '../../core/db/schema';

interface EarlyOpen {
  readonly connection: Promise<LocketDatabase>;
  /** The browser closed it before it was taken (the database was deleted or upgraded meanwhile). */
  closed: boolean;
}

let early: EarlyOpen | null = null;

/** Starts opening the account's database, once per page; the gate takes the connection. */
export const startEarlyOpen = (factory: IDBFactory = indexedDB, name: string = LOCKET_DB_NAME): void => {
  if (early) return;
  const started: EarlyOpen = { connection: openLocketDb(factory, name), closed: false };
  started.connection.then(
    (db) => { db.addEventListener('versionchange', () => { started.closed = true; }); },
    // An early open that failed hands nothing over; the gate's own open says why.
    () => undefined,
  );
  early = started;
};

/**
 * The early connection, handed over once. Null when none was started, it was already taken,
 * it failed, or the browser closed it before now: the caller then opens its own.
 */
export const takeEarlyOpen = async (): Promise<LocketDatabase | null> => {
  const taken = early;
  early = null;
  if (!taken) return null;
  const db = await taken.connection.catch(() => null);
  return db && !taken.closed ? db : null;
};
