/**
 * `npm run relay -- backup [<dir>] [--backup-dir <dir>] [--data <file>]`: one operator backup of a
 * SQLite relay (relay/retention/backup.ts). A PostgreSQL relay is backed up by PostgreSQL's own
 * point-in-time recovery, held to 50 days (README, "Backups").
 */
import { parseArgs } from 'node:util';
import { systemClock, type Clock } from '../../core/clock';
import { backupSqliteRelay, BACKUP_DAYS } from './backup';

export const DEFAULT_BACKUP_DIR = 'relay-data/backups';

export type BackupCommand = { kind: 'backup'; dataFile: string; dir: string } | { kind: 'error'; message: string };

export const parseBackupArgs = (argv: readonly string[], env: Readonly<Record<string, string | undefined>>): BackupCommand => {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv], allowPositionals: true, strict: true,
      options: { data: { type: 'string' }, db: { type: 'string' }, 'backup-dir': { type: 'string' } },
    });
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.db !== undefined || env.LOCKET_RELAY_DB !== undefined) {
    return { kind: 'error', message: `A PostgreSQL relay is backed up by PostgreSQL's point-in-time recovery, kept ${BACKUP_DAYS} days at most: see the README` };
  }
  if (positionals.length > 1) return { kind: 'error', message: 'backup takes at most one folder' };
  return { kind: 'backup', dataFile: values.data ?? 'relay-data/relay.sqlite', dir: positionals[0] ?? values['backup-dir'] ?? DEFAULT_BACKUP_DIR };
};

/** Runs the command; the exit code. */
export const runBackupCommand = async (
  argv: readonly string[], env: Readonly<Record<string, string | undefined>>, out: (line: string) => void, clock: Clock = systemClock,
): Promise<number> => {
  const command = parseBackupArgs(argv, env);
  if (command.kind === 'error') {
    out(command.message);
    return 2;
  }
  const report = await backupSqliteRelay({ dataFile: command.dataFile, dir: command.dir, clock });
  out(`Backup written: ${report.file}`);
  if (report.held) out(`Older copies kept: the clock disagrees with the relay's last trusted time (${report.held.type})`);
  else out(`Copies older than ${BACKUP_DAYS} days deleted: ${report.deleted.length}`);
  return 0;
};
