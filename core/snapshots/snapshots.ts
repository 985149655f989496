/**
 * Archival snapshots: the `records` and `settings` rows copied as stored (still encrypted),
 * so no key is needed and the background can take one while the vault is locked.
 *
 * Invariants: the info row is written with complete:false before any chunk and set complete
 * last, so a snapshot cut short is never listed or restored (expireSnapshots removes it).
 * Chunk 0 holds the settings rows; chunks 1… hold about a thousand record rows each, in id order.
 * Rows are read a page per read transaction, so a snapshot taken while the owner edits may
 * catch records from slightly different moments; each row itself is whole.
 */
import * as v from 'valibot';
import type { Clock } from '../clock';
import type { Result } from '../result';
import { snapshotsToDelete } from '../retention/snapshot-policy';
import { approximateRowBytes, approximateSettingsBytes, normalisedRow, type SettingsRow } from '../archives/archive-rows';
import type { StoredRecord } from '../db/rows';
import type { LocketDatabase, LocketDb } from '../db/schema';
import { writeTransaction } from '../db/transaction';
import { chunkRange, ChunkSchema, InfoSchema, type Chunk } from './snapshot-schema';
import type { SnapshotInfo, SnapshotReason } from './types';

/** Record rows per chunk (one write transaction each). */
export const SNAPSHOT_CHUNK_ROWS = 1000;
/** Chunks read per read transaction when a snapshot is read back or rewritten. */
const CHUNKS_PER_READ = 10;
/** An unfinished snapshot this old was cut short (its context died): expire removes it. */
const UNFINISHED_GRACE_MS = 60 * 60 * 1000;

/** Why a snapshot cannot be restored; the words live in components/shared/messages/archive-messages.ts. */
export type SnapshotProblem = { readonly type: 'snapshot-missing' | 'snapshot-damaged' };

export const SNAPSHOT_MISSING: SnapshotProblem = { type: 'snapshot-missing' };
export const SNAPSHOT_DAMAGED: SnapshotProblem = { type: 'snapshot-damaged' };

export interface SnapshotContents {
  readonly info: SnapshotInfo;
  readonly settingsRows: readonly SettingsRow[];
  readonly rows: readonly StoredRecord[];
}

const readSettingsRows = async (db: LocketDatabase): Promise<SettingsRow[]> => {
  const tx = db.transaction('settings');
  const [values, keys] = await Promise.all([tx.store.getAll(), tx.store.getAllKeys()]);
  return values.flatMap((value, index) => {
    const key = keys[index];
    return key === undefined ? [] : [{ key, value }];
  });
};

/** One row, in a write transaction of its own: a full disk rejects typed, as every write does. */
const putRow = <S extends 'snapshots' | 'snapshotChunks'>(db: LocketDatabase, store: S, row: LocketDb[S]['value']): Promise<unknown> =>
  writeTransaction(db, [store], (tx) => tx.objectStore(store).put(row));

export const takeSnapshot = async (
  db: LocketDatabase,
  { clock, newId, reason }: { readonly clock: Clock; readonly newId: () => string; readonly reason: SnapshotReason },
): Promise<SnapshotInfo> => {
  const started: SnapshotInfo = { id: newId(), takenAt: clock.now(), reason, records: 0, bytes: 0, complete: false };
  await putRow(db, 'snapshots', started);
  try {
    const settings = await readSettingsRows(db);
    await putRow(db, 'snapshotChunks', { snapshotId: started.id, seq: 0, records: [], settings });
    let bytes = settings.reduce((total, row) => total + approximateSettingsBytes(row), 0);
    let records = 0;
    const readPage = (after: string | null): Promise<StoredRecord[]> =>
      db.getAll('records', after === null ? null : IDBKeyRange.lowerBound(after, true), SNAPSHOT_CHUNK_ROWS);
    let reading = readPage(null);
    for (let seq = 1; ; seq++) {
      const page = await reading;
      if (page.length === 0) break;
      const writing = putRow(db, 'snapshotChunks', { snapshotId: started.id, seq, records: page, settings: [] });
      const last = page.at(-1);
      const more = page.length === SNAPSHOT_CHUNK_ROWS && last !== undefined;
      // The next page is read while this chunk is written: the two transactions share no store.
      if (more) {
        reading = readPage(last.id);
        // Observed now, awaited on the next turn: a write that fails first leaves it unawaited.
        reading.catch(() => undefined);
      }
      await writing;
      records += page.length;
      bytes += page.reduce((total, row) => total + approximateRowBytes(row), 0);
      if (!more) break;
    }
    const finished: SnapshotInfo = { ...started, records, bytes, complete: true };
    await putRow(db, 'snapshots', finished);
    return finished;
  } catch (error) {
    await deleteSnapshot(db, started.id).catch(() => undefined);
    throw error;
  }
};

const parsedInfos = async (db: LocketDatabase): Promise<{ readonly key: string; readonly info: SnapshotInfo | null }[]> => {
  const tx = db.transaction('snapshots');
  const [values, keys] = await Promise.all([tx.store.getAll(), tx.store.getAllKeys()]);
  return keys.map((key, index) => {
    const parsed = v.safeParse(InfoSchema, values[index]);
    return { key, info: parsed.success ? parsed.output : null };
  });
};

/** Finished snapshots, newest first. */
export const listSnapshots = async (db: LocketDatabase): Promise<SnapshotInfo[]> =>
  (await parsedInfos(db)).flatMap(({ info }) => (info?.complete ? [info] : []))
    .sort((a, b) => b.takenAt - a.takenAt || (a.id < b.id ? 1 : -1));

const readChunkPage = (db: LocketDatabase, range: IDBKeyRange): Promise<[unknown[], [string, number][]]> => {
  const tx = db.transaction('snapshotChunks');
  return Promise.all([tx.store.getAll(range, CHUNKS_PER_READ), tx.store.getAllKeys(range, CHUNKS_PER_READ)]);
};

/** Raw chunks of one snapshot in seq order, a few per read transaction. */
const readChunks = async (db: LocketDatabase, id: string): Promise<unknown[]> => {
  const chunks: unknown[] = [];
  let range = chunkRange(id);
  for (;;) {
    const [page, keys] = await readChunkPage(db, range);
    chunks.push(...page);
    const lastKey = keys.at(-1);
    if (page.length < CHUNKS_PER_READ || !lastKey) return chunks;
    range = IDBKeyRange.bound(lastKey, [id, Infinity], true);
  }
};

/** A finished snapshot whose every chunk is present, in order, and readable; refused otherwise. */
export const readSnapshot = async (db: LocketDatabase, id: string): Promise<Result<SnapshotContents, SnapshotProblem>> => {
  const stored = await db.get('snapshots', id);
  if (stored === undefined) return { ok: false, error: SNAPSHOT_MISSING };
  const info = v.safeParse(InfoSchema, stored);
  if (!info.success || !info.output.complete) return { ok: false, error: SNAPSHOT_DAMAGED };
  const chunks: Chunk[] = [];
  for (const raw of await readChunks(db, id)) {
    const chunk = v.safeParse(ChunkSchema, raw);
    if (!chunk.success || chunk.output.snapshotId !== id || chunk.output.seq !== chunks.length) return { ok: false, error: SNAPSHOT_DAMAGED };
    chunks.push(chunk.output);
  }
  const rows = chunks.flatMap((chunk) => chunk.records);
  if (chunks.length === 0 || rows.length !== info.output.records) return { ok: false, error: SNAPSHOT_DAMAGED };
  return { ok: true, value: { info: info.output, settingsRows: chunks[0]?.settings ?? [], rows: rows.map(normalisedRow) } };
};

/** The info row and every chunk, in one transaction. */
export const deleteSnapshot = (db: LocketDatabase, id: string): Promise<void> =>
  writeTransaction(db, ['snapshots', 'snapshotChunks'], async (tx) => {
    await Promise.all([tx.objectStore('snapshots').delete(id), tx.objectStore('snapshotChunks').delete(chunkRange(id))]);
  });

/** Applies the keep policy and removes snapshots cut short or unreadable; returns how many went. */
export const expireSnapshots = async (db: LocketDatabase, now: number): Promise<number> => {
  const infos = await parsedInfos(db);
  const finished = infos.flatMap(({ info }) => (info?.complete ? [info] : []));
  const doomed = [
    ...snapshotsToDelete(finished, now),
    ...infos.filter(({ info }) => info === null || (!info.complete && now - info.takenAt >= UNFINISHED_GRACE_MS)).map(({ key }) => key),
  ];
  for (const id of doomed) await deleteSnapshot(db, id);
  return doomed.length;
};

export { removeFromSnapshots } from './snapshot-erasure';
