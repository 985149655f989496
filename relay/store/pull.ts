/**
 * Reading a team's log: sets after a cursor in seq order, each with its items. The head is read
 * first and bounds the query, so every set returned is committed (seq ≤ head commits with it).
 * A page also ends at about MAX_PULL_BYTES of ciphertext (SYNC.md §7.5), with `more`: a bulk
 * insert's sets hold a thousand records each, and 500 of them in one answer outlast any request
 * timeout before a device could apply the first.
 */
import { toBase64Url } from '../../core/security/base64url';
import type { Item, StoredSet } from '../../core/sync/protocol';
import type { SqlExecutor } from './sql-driver';

/** A page stops after the set that reaches this many ciphertext bytes; a larger set still goes, alone. */
export const MAX_PULL_BYTES = 1024 * 1024;

/** How many of the rows (in seq order) one page carries: at least one, then up to the byte budget. */
const withinBudget = (rows: readonly { bytes: number }[]): number => {
  let total = 0;
  for (const [index, row] of rows.entries()) {
    total += row.bytes;
    if (total >= MAX_PULL_BYTES) return index + 1;
  }
  return rows.length;
};

export const pullSets = async (db: SqlExecutor, team: string, since: number, limit: number): Promise<{ sets: StoredSet[]; head: number; more: boolean }> => {
  const head = (await db.all<{ head_seq: number }>(`SELECT head_seq FROM teams WHERE id = ?`, [team]))[0]?.head_seq ?? 0;
  const candidates = await db.all<{
    seq: number; set_id: string; device_id: string; client_seq: number; prev_set_id: string | null; epoch: number;
    batch_id: string | null; undo_of: string | null; sig: Uint8Array; bytes: number;
  }>(
    `SELECT seq, set_id, device_id, client_seq, prev_set_id, epoch, batch_id, undo_of, sig, bytes FROM change_sets
     WHERE team_id = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?`, [team, since, head, limit],
  );
  const setRows = candidates.slice(0, withinBudget(candidates.map((row) => ({ bytes: Number(row.bytes) }))));
  const last = setRows.at(-1)?.seq ?? since;
  const itemRows = await db.all<{ seq: number; record_id: string; kind: string; op: string; h: Uint8Array; ct: Uint8Array | null }>(
    `SELECT seq, record_id, kind, op, h, ct FROM change_items WHERE team_id = ? AND seq > ? AND seq <= ? ORDER BY seq, idx`,
    [team, since, last],
  );
  const itemsBySeq = new Map<number, Item[]>();
  for (const row of itemRows) {
    const item: Item = { recordId: row.record_id, kind: row.kind, op: row.op as Item['op'], h: toBase64Url(row.h) };
    const withCt = row.ct === null ? item : { ...item, ct: toBase64Url(row.ct) };
    const items = itemsBySeq.get(row.seq);
    if (items) items.push(withCt);
    else itemsBySeq.set(row.seq, [withCt]);
  }
  const sets = setRows.map((row): StoredSet => {
    const items = itemsBySeq.get(row.seq) ?? [];
    return {
      v: 1, team, setId: row.set_id, device: row.device_id, clientSeq: row.client_seq, prevSetId: row.prev_set_id,
      epoch: row.epoch, ...(row.batch_id === null ? {} : { batchId: row.batch_id }), ...(row.undo_of === null ? {} : { undoOf: row.undo_of }),
      // A set stored without items was pushed vacant (the schema allows no other).
      ...(items.length === 0 ? { vacant: true as const } : {}),
      items, sig: toBase64Url(row.sig), seq: row.seq,
    };
  });
  return { sets, head, more: last < head };
};
