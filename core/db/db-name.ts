/** The database every surface, the worker and the background open for the account. */
export const LOCKET_DB_NAME = 'locket';
