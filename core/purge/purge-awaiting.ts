import type { ValueCodec } from '../codec';
import type { StoredChangeSet } from '../db/rows';
import { awaitingKey, awaitingRange, droppedKey, parseAwaiting, prepareRewrites, setStamp, type AwaitingRow } from './purge-rewrite';
import type { LocketDatabase } from '../db/schema';
import { retriedWrite, settled, STALE } from '../db/transaction';

/** Awaiting sets per transaction: each is decoded and encoded whole, so fewer than rows in a purge. */
const AWAITING_PAGE = 100;
const PAGE_ATTEMPTS = 4;

interface Waiting {
  readonly row: AwaitingRow;
  readonly set: StoredChangeSet | undefined;
}

const sameWaiting = (a: Waiting, b: Waiting | undefined): boolean =>
  b !== undefined && droppedKey(a.row.purged) === droppedKey(b.row.purged)
  && (a.set && b.set ? setStamp(a.set) === setStamp(b.set) : a.set === b.set);

const readWaiting = async (db: LocketDatabase): Promise<Waiting[]> => {
  const tx = db.transaction(['changes', 'meta']);
  const stored = await tx.objectStore('meta').getAll(awaitingRange(), AWAITING_PAGE);
  const rows = stored.flatMap((value) => {
    const row = parseAwaiting(value);
    return row ? [row] : [];
  });
  const sets = await Promise.all(rows.map((row) => tx.objectStore('changes').get(row.hlc)));
  return rows.map((row, index) => ({ row, set: sets[index] }));
};

/**
 * Rewrites the change sets a locked purge remembered, without the purged records' changes and
 * values (deleting a set with nothing left), a page at a time: codec work first, then one
 * transaction per page that writes only if every set and note is still as read.
 * Returns how many waiting sets it finished (rewritten, deleted, or already gone), so the
 * count awaiting before minus this is the count awaiting after.
 */
export const rewriteAwaiting = async ({ db, codec }: { readonly db: LocketDatabase; readonly codec: ValueCodec }): Promise<number> => {
  let finished = 0;
  for (;;) {
    const { value: done } = await retriedWrite(db, {
      subject: { type: 'purged-values-removal' },
      stores: ['changes', 'meta'],
      attempts: PAGE_ATTEMPTS,
      prepare: async () => {
        const waiting = await readWaiting(db);
        if (waiting.length === 0) return settled(0);
        const present = waiting.flatMap(({ row, set }) => (set ? [{ set, dropped: row.purged }] : []));
        return { waiting, prepared: await prepareRewrites(codec, present) };
      },
      write: async (tx, { waiting, prepared }) => {
        const changes = tx.objectStore('changes');
        const meta = tx.objectStore('meta');
        const now = await Promise.all(waiting.map(async ({ row }) => {
          const [stored, set] = await Promise.all([meta.get(awaitingKey(row.hlc)), changes.get(row.hlc)]);
          const current = parseAwaiting(stored);
          return current ? { row: current, set } : undefined;
        }));
        if (!waiting.every((item, index) => sameWaiting(item, now[index]))) return STALE;
        const writes = waiting.flatMap(({ row, set }) => {
          const forget = meta.delete(awaitingKey(row.hlc));
          if (!set) return [forget];
          const rewritten = prepared.get(row.hlc)?.set;
          return [forget, rewritten ? changes.put(rewritten) : changes.delete(row.hlc)];
        });
        await Promise.all(writes);
        return waiting.length;
      },
    });
    if (done === 0) return finished;
    finished += done;
  }
};
