/**
 * Everything a restore writes, validated and encoded before its one transaction opens:
 * record rows, settings rows and the restore change sets. Records whose id hash an erasure
 * named are left out with the notes that belong to them; any other record pointing at one
 * loses that link, as erasure itself does.
 */
import type { AuditEntry } from '../audit/audit-log';
import type { BackupRecord } from '../backup/types';
import { changeAad, recordAad, settingsAad, type EncodedValue } from '../codec';
import { linksOf } from '../records/links';
import { isDependentKind, type FieldsByKind, type RecordId, type RecordKind, type RecordMeta } from '../records/types';
import type { Result } from '../result';
import { parseFields } from '../records/validate';
import { SETTINGS_ROW_KEY, type SettingsRow } from './archive-rows';
import type { Settings } from '../settings/contract';
import type { StoredChangeSet, StoredRecord } from '../db/rows';
import { metaOf, rowFor } from '../db/record-rows';
import { attributionIn, withAttribution, type Attribution } from '../db/attribution';
import { parseSettings, settingsFromRows } from '../settings/settings';
import { isTeamGroupId, teamRowOf } from '../settings/team-settings';
import { changeItem, changeSet, type StoreDeps } from '../db/store-deps';
import { taskDueOf } from '../tasks/due-instant';

/** Rows decoded, hashed or encoded per codec call, and restore changes per change set. */
export const RESTORE_BATCH = 1000;

/** What a restore puts back: rows as a snapshot stored them, or a backup's decoded records. */
export type RestoreSource =
  | {
    readonly from: 'snapshot';
    readonly snapshotId: string;
    readonly rows: readonly StoredRecord[];
    readonly settingsRows: readonly SettingsRow[];
  }
  | {
    readonly from: 'backup';
    readonly records: readonly BackupRecord[];
    readonly settings: Settings | null;
    readonly audit: readonly AuditEntry[];
    /** The audit key the backup's log and id hashes were made with; null for a backup made before keys. */
    readonly auditKey: Uint8Array<ArrayBuffer> | null;
  };

export interface PreparedRestore {
  readonly rows: readonly StoredRecord[];
  readonly settingsRows: readonly SettingsRow[];
  readonly changeSets: readonly StoredChangeSet[];
  readonly skippedErased: number;
}

type Progress = (done: number, total: number) => void;

interface Candidate {
  readonly meta: RecordMeta;
  readonly deletedBy: string | null;
  readonly fields: FieldsByKind[RecordKind];
  /** The stored body when it can be written back unchanged; null when it must be encoded. */
  readonly body: EncodedValue | null;
  /** Who created and last changed it: written back with the fields when the body is encoded again. */
  readonly attribution?: Attribution;
}

const batches = <T>(items: readonly T[]): T[][] => {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += RESTORE_BATCH) out.push(items.slice(start, start + RESTORE_BATCH));
  return out;
};

/** Snapshot rows decoded and validated as a read would; null if any of them is not a sound record. */
const snapshotCandidates = async (deps: Pick<StoreDeps, 'codec'>, rows: readonly StoredRecord[], progress: Progress): Promise<Candidate[] | null> => {
  const candidates: Candidate[] = [];
  for (const batch of batches(rows)) {
    const decoded = await deps.codec.decodeMany(batch.map((row) => row.body), batch.map(recordAad)).catch(() => null);
    if (!decoded) return null;
    for (const [index, row] of batch.entries()) {
      const fields = parseFields(row.kind, decoded[index]);
      if (!fields.ok) return null;
      const attribution = attributionIn(decoded[index]);
      candidates.push({ meta: metaOf(row), deletedBy: row.deletedBy ?? null, fields: fields.value, body: row.body, ...(attribution ? { attribution } : {}) });
    }
    progress(candidates.length, rows.length);
  }
  return candidates;
};

const backupCandidates = (records: readonly BackupRecord[]): Candidate[] =>
  records.map(({ record, deletedBy, attribution }) => ({
    meta: { id: record.id, kind: record.kind, createdAt: record.createdAt, updatedAt: record.updatedAt, deletedAt: record.deletedAt },
    deletedBy,
    fields: record.fields,
    body: null,
    ...(attribution ? { attribution } : {}),
  }));

/** Every way an erasure receipt may name an id: this account's key, the backup's, and the unkeyed hash of earlier versions. */
export type IdHasher = (id: RecordId) => Promise<string>;

const erasedIdsAmong = async (
  candidates: readonly Candidate[], erasedHashes: ReadonlySet<string>, hashers: readonly IdHasher[],
): Promise<Set<RecordId>> => {
  const erased = new Set<RecordId>();
  if (erasedHashes.size === 0) return erased;
  for (const batch of batches(candidates)) {
    const hashes = await Promise.all(batch.map((candidate) => Promise.all(hashers.map((hash) => hash(candidate.meta.id)))));
    batch.forEach((candidate, index) => {
      if ((hashes[index] ?? []).some((hash) => erasedHashes.has(hash))) erased.add(candidate.meta.id);
    });
  }
  return erased;
};

/** Every string equal to an erased id, at any depth, becomes null. */
export const scrubErasedIds = (value: unknown, erased: ReadonlySet<string>): unknown => {
  if (typeof value === 'string') return erased.has(value) ? null : value;
  if (Array.isArray(value)) return value.map((inner) => scrubErasedIds(inner, erased));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, scrubErasedIds(inner, erased)]));
  }
  return value;
};

/** The candidates to write: erased records and their notes left out, links to them cut. */
const withoutErased = (candidates: readonly Candidate[], erased: ReadonlySet<RecordId>): Candidate[] =>
  candidates.flatMap((candidate) => {
    const links = linksOf(candidate.meta.kind, candidate.fields);
    if (erased.has(candidate.meta.id) || (isDependentKind(candidate.meta.kind) && links.some((id) => erased.has(id)))) return [];
    if (!links.some((id) => erased.has(id))) return [candidate];
    const fields = parseFields(candidate.meta.kind, scrubErasedIds(candidate.fields, erased));
    // A record that cannot stand without the erased one is left out rather than kept pointing at it.
    return fields.ok ? [{ ...candidate, fields: fields.value, body: null }] : [];
  });

const encodedRows = async (deps: Pick<StoreDeps, 'codec'>, candidates: readonly Candidate[], progress: Progress): Promise<StoredRecord[]> => {
  const rows: StoredRecord[] = [];
  for (const batch of batches(candidates)) {
    const fresh = batch.filter((candidate) => candidate.body === null);
    const encoded = await deps.codec.encodeMany(
      fresh.map((candidate) => withAttribution(candidate.fields, candidate.attribution)), fresh.map((candidate) => recordAad(candidate.meta)),
    );
    let next = 0;
    for (const candidate of batch) {
      const body = candidate.body ?? encoded[next++];
      if (!body) throw new Error('The codec returned fewer values than it was given');
      const row = rowFor(candidate.meta, linksOf(candidate.meta.kind, candidate.fields), body, taskDueOf(candidate.meta.kind, candidate.fields));
      rows.push(candidate.meta.deletedAt !== null && candidate.deletedBy !== null ? { ...row, deletedBy: candidate.deletedBy } : row);
    }
    progress(rows.length, candidates.length);
  }
  return rows;
};

/**
 * A snapshot's settings rows as the settings they held, or null when they do not decode or
 * validate. Whichever layout the snapshot kept (team settings in the `general` row, or in their
 * group rows since they became records), the restore writes them back in the `general` row,
 * and the migration after it moves the team settings into group rows under new clocks, so the
 * restored values reach the other devices as the newest.
 */
const snapshotSettings = async (deps: Pick<StoreDeps, 'codec'>, rows: readonly SettingsRow[]): Promise<Settings | null | undefined> => {
  if (rows.length === 0) return undefined;
  const decoded = await deps.codec.decodeMany(rows.map((row) => row.value), rows.map((row) => settingsAad(row.key))).catch(() => null);
  if (!decoded) return null;
  const general = rows.findIndex((row) => row.key === SETTINGS_ROW_KEY);
  const groups = new Map(rows.flatMap((row, index) => (isTeamGroupId(row.key) ? [[row.key, teamRowOf(decoded[index])] as const] : [])));
  const parsed = parseSettings(settingsFromRows(general === -1 ? {} : decoded[general], groups));
  return parsed.ok ? parsed.value : null;
};

const restoreChangeSets = async (deps: StoreDeps, rows: readonly StoredRecord[]): Promise<StoredChangeSet[]> => {
  const sets: StoredChangeSet[] = [];
  for (const batch of batches(rows)) {
    // A restore carries no field values: the rows themselves are the new state.
    const hlc = deps.hlc.tick();
    const values = await deps.codec.encode(batch.map(() => ({})), changeAad(hlc));
    sets.push(changeSet(deps, batch.map((row) => changeItem(row, 'restore', [])), values, hlc));
  }
  return sets;
};

export const prepareRestore = async (
  deps: StoreDeps, source: RestoreSource, erasedHashes: ReadonlySet<string>, hashers: readonly IdHasher[], progress: Progress,
): Promise<Result<PreparedRestore, 'damaged'>> => {
  // A snapshot is decoded (to validate it) and then written; a backup, already decoded, is only written.
  const passes = source.from === 'snapshot' ? 2 : 1;
  const pass = (index: number): Progress => (done, total) => progress(index * total + done, passes * total);
  const candidates = source.from === 'snapshot' ? await snapshotCandidates(deps, source.rows, pass(0)) : backupCandidates(source.records);
  const settings = source.from === 'snapshot' ? await snapshotSettings(deps, source.settingsRows) : source.settings ?? undefined;
  if (!candidates || settings === null) return { ok: false, error: 'damaged' };
  const settingsRows = settings ? [{ key: SETTINGS_ROW_KEY, value: await deps.codec.encode(settings, settingsAad(SETTINGS_ROW_KEY)) }] : [];
  const kept = withoutErased(candidates, await erasedIdsAmong(candidates, erasedHashes, hashers));
  const rows = await encodedRows(deps, kept, pass(passes - 1));
  return {
    ok: true,
    value: { rows, settingsRows, changeSets: await restoreChangeSets(deps, rows), skippedErased: candidates.length - kept.length },
  };
};
