/**
 * Erasure reaches the archives too: an erased person's row, and the notes that belong to
 * them, are dropped from every snapshot chunk, and rows that pointed at them lose the link.
 * Rows are ciphertext: without a codec only the clear links can be cut (a restore still
 * scrubs the body, since the erasure is in the audit log); with the codec (an unlocked
 * erase) the bodies are rewritten without the id as well.
 */
import * as v from 'valibot';
import { recordAad, type ValueCodec } from '../codec';
import { linksOf } from '../records/links';
import { isDependentKind, type RecordId } from '../records/types';
import { parseFields } from '../records/validate';
import { scrubErasedIds } from '../archives/archive-prepare';
import { approximateRowBytes, normalisedRow } from '../archives/archive-rows';
import type { StoredRecord } from '../db/rows';
import type { LocketDatabase } from '../db/schema';
import { writeTransaction } from '../db/transaction';
import { chunkRange, ChunkSchema, InfoSchema, type Chunk } from './snapshot-schema';

const CHUNKS_PER_PAGE = 10;

type ChunkKey = [string, number];

/** The record itself, or a note, task or activity that belongs to it. */
const isErased = (row: StoredRecord, erased: ReadonlySet<RecordId>): boolean =>
  erased.has(row.id) || (isDependentKind(row.kind) && row.links.some((link) => erased.has(link)));

const pointsAtErased = (row: StoredRecord, erased: ReadonlySet<RecordId>): boolean => row.links.some((link) => erased.has(link));

/** The row without its links to erased records; its body too when the codec can open it. */
const unlinked = async (row: StoredRecord, erased: ReadonlySet<RecordId>, codec: ValueCodec | undefined): Promise<StoredRecord> => {
  const cut = { ...row, links: row.links.filter((link) => !erased.has(link)) };
  if (!codec) return normalisedRow(cut);
  const fields = parseFields(row.kind, scrubErasedIds(await codec.decode(row.body, recordAad(row)).catch(() => null), erased));
  if (!fields.ok) return normalisedRow(cut);
  return normalisedRow({ ...cut, links: linksOf(row.kind, fields.value), body: await codec.encode(fields.value, recordAad(row)) });
};

interface Rewrite {
  readonly chunk: Omit<Chunk, 'records'> & { readonly records: readonly StoredRecord[] };
  readonly removed: readonly StoredRecord[];
}

const rewriteOf = async (chunk: Chunk, erased: ReadonlySet<RecordId>, codec: ValueCodec | undefined): Promise<Rewrite | null> => {
  const rows = chunk.records.map(normalisedRow);
  const removed = rows.filter((row) => isErased(row, erased));
  const kept = rows.filter((row) => !isErased(row, erased));
  if (removed.length === 0 && !kept.some((row) => pointsAtErased(row, erased))) return null;
  const records = await Promise.all(kept.map((row) => (pointsAtErased(row, erased) ? unlinked(row, erased, codec) : row)));
  return { chunk: { ...chunk, records }, removed };
};

const readPage = (db: LocketDatabase, range: IDBKeyRange | null): Promise<[unknown[], ChunkKey[]]> => {
  const tx = db.transaction('snapshotChunks');
  return Promise.all([tx.store.getAll(range, CHUNKS_PER_PAGE), tx.store.getAllKeys(range, CHUNKS_PER_PAGE)]);
};

/**
 * Writes one page's rewrites and the counts on their snapshots' info rows in one transaction.
 * A chunk deleted meanwhile (its snapshot expired) is not brought back; a snapshot with a chunk
 * that cannot be read might hold an erased row, so it is deleted whole. Returns the rows removed.
 */
const writePage = (db: LocketDatabase, rewrites: readonly Rewrite[], unreadable: ReadonlySet<string>): Promise<number> =>
  writeTransaction(db, ['snapshots', 'snapshotChunks'], async (tx) => {
    const chunks = tx.objectStore('snapshotChunks');
    const infos = tx.objectStore('snapshots');
    const less = new Map<string, { records: number; bytes: number }>();
    let removed = 0;
    for (const { chunk, removed: gone } of rewrites) {
      if (unreadable.has(chunk.snapshotId) || (await chunks.count([chunk.snapshotId, chunk.seq])) === 0) continue;
      await chunks.put(chunk);
      removed += gone.length;
      const before = less.get(chunk.snapshotId) ?? { records: 0, bytes: 0 };
      less.set(chunk.snapshotId, {
        records: before.records + gone.length,
        bytes: before.bytes + gone.reduce((total, row) => total + approximateRowBytes(row), 0),
      });
    }
    for (const [id, { records, bytes }] of less) {
      const info = v.safeParse(InfoSchema, await infos.get(id));
      if (info.success) await infos.put({ ...info.output, records: info.output.records - records, bytes: Math.max(0, info.output.bytes - bytes) });
    }
    for (const id of unreadable) await Promise.all([infos.delete(id), chunks.delete(chunkRange(id))]);
    return removed;
  });

/**
 * Drops these records (and the notes that belong to them) from every snapshot and cuts links
 * to them; returns how many rows were dropped. Pass the codec when the vault is unlocked.
 * `afterPage` hears each committed page (a throw stops there, as a killed browser would).
 */
export const removeFromSnapshots = async (
  db: LocketDatabase, ids: readonly RecordId[], codec?: ValueCodec, afterPage?: () => void,
): Promise<number> => {
  if (ids.length === 0) return 0;
  const erased = new Set(ids);
  let removed = 0;
  let range: IDBKeyRange | null = null;
  for (;;) {
    const [values, keys] = await readPage(db, range);
    const rewrites: Rewrite[] = [];
    const unreadable = new Set<string>();
    for (const [index, value] of values.entries()) {
      const chunk = v.safeParse(ChunkSchema, value);
      const key = keys[index];
      if (!chunk.success) {
        if (key) unreadable.add(key[0]);
        continue;
      }
      const rewrite = await rewriteOf(chunk.output, erased, codec);
      if (rewrite) rewrites.push(rewrite);
    }
    if (rewrites.length > 0 || unreadable.size > 0) {
      removed += await writePage(db, rewrites, unreadable);
      afterPage?.();
    }
    const last = keys.at(-1);
    if (values.length < CHUNKS_PER_PAGE || !last) return removed;
    range = IDBKeyRange.lowerBound(last, true);
  }
};
