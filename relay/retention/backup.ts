/**
 * Operator backups of a SQLite relay (SYNC.md §11): `npm run relay -- backup <dir>` writes a
 * consistent copy with `VACUUM INTO` (one read transaction, so a relay writing meanwhile is
 * copied as of one commit) and deletes copies older than 50 days, so no backup outlives the
 * window the relay promises for everything else.
 *
 * Invariants:
 * - A copy is written under a temporary name and renamed when complete: a killed backup never
 *   leaves a file that looks like a finished copy.
 * - A copy's age comes from its name (the injected clock at writing), not from file times.
 * - Deleting is a destructive time rule: it is judged against the time the relay's own sweep last
 *   trusted (core/retention/clock-trust.ts), and under a clock that went back or jumped ahead it
 *   deletes nothing. The copy just written is never deleted.
 */
import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../../core/clock';
import { judgeClock, type ClockHold } from '../../core/retention/clock-trust';
import { SNAPSHOT_MAX_DAYS, windowClosed } from '../../core/retention/windows';
import { readRelayTimeSeen } from '../store/retention-mark';
import { openSqliteDriver } from '../store/sqlite';

/** No operator copy is kept longer than the relay keeps anything else. */
export const BACKUP_DAYS = SNAPSHOT_MAX_DAYS;

const NAME = /^relay-(\d{4})-(\d{2})-(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z\.sqlite$/;

export const backupFileName = (at: number): string =>
  `relay-${new Date(at).toISOString().replace(/[:]/g, '').replace('.', '')}.sqlite`;

/** When the copy was written, from its name; null for any other file (left alone). */
export const backupTime = (name: string): number | null => {
  const parts = NAME.exec(name)?.slice(1).map(Number);
  if (!parts || parts.length !== 7) return null;
  const [year, month, day, hours, minutes, seconds, ms] = parts as [number, number, number, number, number, number, number];
  return Date.UTC(year, month - 1, day, hours, minutes, seconds, ms);
};

export interface BackupReport {
  readonly file: string;
  readonly deleted: readonly string[];
  /** Why no old copy was deleted; null when the clock was trusted. */
  readonly held: ClockHold | null;
}

export const backupSqliteRelay = async (options: { dataFile: string; dir: string; clock: Clock }): Promise<BackupReport> => {
  const now = options.clock.now();
  mkdirSync(options.dir, { recursive: true });
  const name = backupFileName(now);
  const file = join(options.dir, name);
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const source = new Database(options.dataFile, { readonly: true, fileMustExist: true });
  try {
    source.prepare('VACUUM INTO ?').run(partial);
  } finally {
    source.close();
  }
  renameSync(partial, file);

  const seen = openSqliteDriver(options.dataFile);
  const judgement = judgeClock(await readRelayTimeSeen(seen).finally(() => seen.close()), now);
  const deleted: string[] = [];
  if (judgement.hold === null) {
    for (const entry of readdirSync(options.dir)) {
      const at = backupTime(entry);
      if (at === null || entry === name || !windowClosed(at, BACKUP_DAYS, now)) continue;
      rmSync(join(options.dir, entry), { force: true });
      deleted.push(entry);
    }
  }
  return { file, deleted: deleted.sort(), held: judgement.hold };
};
