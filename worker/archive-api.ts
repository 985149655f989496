/**
 * Backups, snapshots and restores, as the worker offers them. Every restore first takes a
 * 'before-restore' snapshot, so the restore itself can be undone; a restore that is refused
 * removes that snapshot again and leaves everything as it was.
 */
import { readBackup, writeBackup } from '../core/backup/backup-file';
import { collectBackupContents } from '../core/backup/collect';
import type { Result } from '../core/result';
import { deleteSnapshot, listSnapshots, readSnapshot, takeSnapshot } from '../core/snapshots/snapshots';
import type { LocketStore } from '../core/store/contract';
import { replaceAllData, type ReplaceReport, type RestoreSource } from '../core/archives/replace-all';
import type { StoreDeps } from '../core/db/store-deps';
import { defaultVaultDeps } from '../core/vault/deps';
import type { ArchiveImplementation, ExportedFile, RestoreOutcome } from './contract';
import type { RestoreProblem } from './contracts/archives';
import type { Progress } from './contracts/exports';
import { refusalError } from '../core/refusals';

export interface ArchiveApiDeps {
  readonly storeDeps: StoreDeps;
  readonly store: LocketStore;
  /** PBKDF2 iterations for new backups; the vault's default unless a test lowers it. */
  readonly kdfIterations?: number;
}

/** Progress is reported in thousandths of the whole job, whatever phase it is in. */
const PROGRESS_SCALE = 1000;


/** One progress bar over several phases: phase `index` of `phases` reports its share of the whole. */
const phase = (report: Progress, index: number, phases: number): Progress => (done, total) => {
  const share = total > 0 ? Math.min(1, done / total) : 1;
  report(Math.round(((index + share) / phases) * PROGRESS_SCALE), PROGRESS_SCALE);
};

export const backupFileName = (now: number): string => `locket-${new Date(now).toISOString().slice(0, 10)}.locket-backup`;

/** Arguments arrive checked against the contract (host.ts). */
export const createArchiveApi = ({ storeDeps, store, kdfIterations }: ArchiveApiDeps): ArchiveImplementation => {
  const { db, clock, newId } = storeDeps;
  const crypto = defaultVaultDeps();
  let running = false;

  /** One archive job at a time: a restore must not interleave with a backup or another restore. */
  const exclusive = async <T>(job: () => Promise<T>): Promise<T> => {
    if (running) throw refusalError({ type: 'archive-busy' });
    running = true;
    try {
      return await job();
    } finally {
      running = false;
    }
  };

  /**
   * The safety snapshot, taken while the replace checks and encodes what it will write, then the
   * replace (which writes nothing before the snapshot is complete); the snapshot goes again if the
   * replace refused or failed.
   */
  const restore = async (source: RestoreSource, report: Progress): Promise<RestoreOutcome> => {
    const safety = takeSnapshot(db, { clock, newId, reason: 'before-restore' });
    let outcome: Result<ReplaceReport, RestoreProblem> | undefined;
    try {
      outcome = await replaceAllData(storeDeps, source, { safetySnapshot: safety.then((info) => info.id), onProgress: report });
    } finally {
      // A snapshot still being taken is waited for, so none of its chunks is written after it was deleted.
      const taken = outcome?.ok ? null : await safety.catch(() => null);
      if (taken) await deleteSnapshot(db, taken.id);
    }
    return outcome.ok ? { ok: true, value: { ...outcome.value, safetySnapshotId: (await safety).id } } : outcome;
  };

  /**
   * The file leaves the device, so its password meets the account's own policy, with the
   * owner's name and email as words it must not lean on. The page checks first and says why
   * beside the field; this is the check that holds whatever the page sent.
   */
  const newBackupPassword = async (password: string): Promise<string> => {
    const [{ checkPassword }, settings] = await Promise.all([import('../core/security/password-policy'), store.getSettings()]);
    const problem = checkPassword(password, { name: settings.ownerName, email: settings.ownerEmail }).problems[0];
    if (problem) throw refusalError({ type: 'backup-password', problem });
    return password;
  };

  const createBackup = (password: string, report: Progress): Promise<ExportedFile> => exclusive(async () => {
    const secret = await newBackupPassword(password);
    const contents = await collectBackupContents(storeDeps, phase(report, 0, 2));
    const bytes = await writeBackup(contents, secret, { iterations: kdfIterations, crypto, onProgress: phase(report, 1, 2) });
    const perKind: Record<string, number> = {};
    for (const { record } of contents.records) perKind[record.kind] = (perKind[record.kind] ?? 0) + 1;
    await store.audit.append({
      type: 'backup-made', by: storeDeps.author, subjects: [],
      detail: {
        ...perKind, records: contents.records.length, trash: contents.records.filter(({ record }) => record.deletedAt !== null).length,
        settings: contents.settings !== null, auditEntries: contents.audit.length, bytes: bytes.length,
      },
    });
    return { fileName: backupFileName(contents.createdAt), mimeType: 'application/octet-stream', bytes, rows: {} };
  });

  const restoreBackup = (bytes: Uint8Array, secret: string, report: Progress): Promise<RestoreOutcome> => exclusive(async () => {
    const contents = await readBackup(bytes, secret, { crypto, onProgress: phase(report, 0, 2) });
    if (!contents.ok) return contents;
    return restore({ from: 'backup', ...contents.value }, phase(report, 1, 2));
  });

  const restoreSnapshot = (snapshotId: string, report: Progress): Promise<RestoreOutcome> => exclusive(async () => {
    const snapshot = await readSnapshot(db, snapshotId);
    if (!snapshot.ok) return snapshot;
    const { rows, settingsRows } = snapshot.value;
    return restore({ from: 'snapshot', snapshotId, rows, settingsRows }, report);
  });

  return {
    createBackup,
    restoreBackup,
    restoreSnapshot,
    listSnapshots: () => listSnapshots(db),
    takeSnapshot: () => takeSnapshot(db, { clock, newId, reason: 'manual' }),
  };
};
