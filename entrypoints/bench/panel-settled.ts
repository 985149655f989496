import { LOCKET_DB_NAME } from '../../core/db/db-name';
import { openLocketDb } from '../../core/db/schema';
import { readSweepReport } from '../../worker/sweep/report-store';
import { connectSearchWorker } from '../../worker/search-client';
import { sessionAccountKey } from './bench-account';

/**
 * Whether a side panel opened at `since` (wall time) is done with what it starts on its own:
 * its sweep (the daily snapshot copies every row) has stored a report that finished after
 * `since`, and the profile's search worker holds its index. A bench figure timed while either
 * still runs measures the machine's two cores shared three ways, not the work.
 */
export const panelSettled = async (since: number): Promise<boolean> => {
  const db = await openLocketDb(indexedDB, LOCKET_DB_NAME);
  try {
    const report = await readSweepReport(db);
    if (report === null || report.finishedAt < since) return false;
  } finally {
    db.close();
  }
  const connection = connectSearchWorker(await sessionAccountKey());
  try {
    return (await connection.api.whenIndexed()).state === 'ready';
  } finally {
    connection.release();
  }
};
