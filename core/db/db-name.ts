/** The database every surface, the worker and the background open for the account. */
export const LOCKET_DB_NAME = 'locket';

/**
 * Beside each account's database, the saved search index (worker/search-shelf.ts): a database
 * of its own, so the account's schema, snapshots and backups never carry it.
 */
export const searchIndexDbName = (accountDbName: string): string => `${accountDbName}-search`;
