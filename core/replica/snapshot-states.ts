/**
 * Records as a snapshot holds them: each one's state as merging sees it (replica/merge.ts
 * `MergeRow`: fields, their HLC clocks, trash, tag and text clocks). Reading gives what a device
 * uploads; applying joins a snapshot's states into this device's records by the same per-field
 * rule as remote sets, so a snapshot and the log after it end where the whole log would have.
 *
 * Invariants:
 * - An id purged or erased here (its tombstone, by id or keyed hash) is never written back.
 * - A local field with a later clock wins; applying the same states twice changes nothing.
 * - One transaction through retriedWrite per page: a crash applies the page or none of it.
 * - Pages are in id order over records and group rows together, as the relay pages them back.
 */
import * as v from 'valibot';
import { idHash } from '../audit/hash';
import { recordAad } from '../codec';
import { deepEqual } from '../db/deep-equal';
import type { StoredRecord } from '../db/rows';
import { auditKeysOf } from '../db/store-deps';
import { TagClocksSchema } from '../db/tag-clocks';
import { retriedWrite, STALE } from '../db/transaction';
import { parseHlc } from '../hlc';
import { RECORD_KINDS, type RecordKind } from '../records/types';
import { settingsUnchanged } from '../settings/settings';
import { isTeamGroupId, teamRowOf } from '../settings/team-settings';
import type { ApplyOutcome, RecordState } from '../sync/ports';
import { SETTINGS_KIND } from '../team/roles';
import { tombstonesOf } from './apply-remote';
import { planSnapshotSettings, snapshotGroupsBetween, type SnapshotGroup } from './apply-settings';
import { readMany } from './batch-reads';
import { joinRows, type MergeRow } from './merge';
import { localOutcomeOf, nextRowOf, type ReplicaDeps } from './replica-rows';
import { markUnloggedChange } from '../db/unlogged-mark';

const Clock = v.string();
const MergeRowSchema = v.object({
  kind: v.string(),
  fields: v.record(v.string(), v.unknown()),
  fieldClocks: v.record(v.string(), Clock),
  deletedAt: v.nullable(v.pipe(v.number(), v.finite())),
  createdAt: v.optional(v.pipe(v.number(), v.finite())),
  tagClocks: v.optional(TagClocksSchema),
  textClocks: v.optional(v.record(v.string(), v.object({ basis: Clock, rival: Clock }))),
});

const isRecordKind = (kind: string): kind is RecordKind => (RECORD_KINDS as readonly string[]).includes(kind);
const wallOf = (hlc: string): number => {
  const wall = Number(hlc.slice(0, 13));
  return Number.isFinite(wall) ? wall : 0;
};
const newestClock = (row: MergeRow): string => Object.values(row.fieldClocks).reduce((max, clock) => (clock > max ? clock : max), '');

export const createSnapshotStates = (deps: ReplicaDeps) => {
  const { db, codec } = deps;

  const read = async (afterId: string, limit: number): Promise<RecordState[]> => {
    const rows = await db.getAll('records', IDBKeyRange.lowerBound(afterId, true), limit);
    const decoded = await codec.decodeMany(rows.map((row) => row.body), rows.map(recordAad));
    const records = rows.flatMap((row, index): RecordState[] => {
      const outcome = localOutcomeOf(row, decoded[index]);
      return outcome.type === 'row' ? [{ recordId: row.id, kind: row.kind, state: outcome.row }] : [];
    });
    // A full page ends at its last record: a group id past it belongs to a later page.
    const until = rows.length < limit ? undefined : rows.at(-1)?.id;
    const groups = await snapshotGroupsBetween(deps, afterId, until);
    if (groups.length === 0) return records;
    const states = [...records, ...groups.map(({ groupId, row }) => ({ recordId: groupId, kind: SETTINGS_KIND, state: row }))];
    return states.sort((a, b) => (a.recordId < b.recordId ? -1 : 1)).slice(0, limit);
  };

  const apply = async (states: readonly RecordState[]): Promise<ApplyOutcome> => {
    const incoming = new Map<string, MergeRow>();
    const groups: SnapshotGroup[] = [];
    for (const { recordId, kind, state } of states) {
      if (kind === SETTINGS_KIND) {
        if (isTeamGroupId(recordId)) groups.push({ groupId: recordId, row: teamRowOf(state) });
        continue;
      }
      const parsed = v.safeParse(MergeRowSchema, state);
      // A state for another kind than its row names, or of no kind this device keeps, is not merged.
      if (parsed.success && parsed.output.kind === kind && isRecordKind(kind)) incoming.set(recordId, parsed.output as MergeRow);
    }
    const ids = [...incoming.keys()];
    const hashOf = new Map(await Promise.all(ids.map(async (id) => [id, await idHash(auditKeysOf(deps), id)] as const)));
    const { value: plan } = await retriedWrite(db, {
      subject: { type: 'remote-changes' },
      stores: ['records', 'purged', 'settings', 'meta'],
      prepare: async () => {
        const settings = await planSnapshotSettings(deps, groups);
        const tx = db.transaction(['records', 'purged']);
        const [rows, tombs] = await Promise.all([readMany(tx.objectStore('records'), ids), tombstonesOf(tx.objectStore('purged'), ids, hashOf)]);
        const live = rows.flatMap((row) => (row ? [row] : []));
        const decoded = await codec.decodeMany(live.map((row) => row.body), live.map(recordAad));
        const bodyOf = new Map(live.map((row, index) => [row.id, decoded[index]]));
        const next: { row: StoredRecord; body: object }[] = [];
        ids.forEach((id, index) => {
          const theirs = incoming.get(id);
          const before = rows[index];
          if (!theirs || tombs[index]) return;
          const local = before ? localOutcomeOf(before, bodyOf.get(id)) : undefined;
          if (local?.type === 'terminal') return;
          const merged = local ? joinRows(local.row, theirs) : theirs;
          const written = nextRowOf(id, before, merged, wallOf(newestClock(merged)));
          // Nothing new for this record: compared before encoding (an encrypted body differs every time).
          const unchanged = before && written && deepEqual({ ...written.row, body: null }, { ...before, body: null })
            && deepEqual(written.body, bodyOf.get(id));
          if (written && !unchanged) next.push(written);
        });
        const encoded = await codec.encodeMany(next.map((entry) => entry.body), next.map((entry) => recordAad(entry.row)));
        const puts = next.map((entry, index) => ({ ...entry.row, body: encoded[index] ?? entry.row.body }));
        return { rows, tombs, puts, settings };
      },
      write: async (tx, prepared) => {
        const [rows, tombs] = await Promise.all([readMany(tx.objectStore('records'), ids), tombstonesOf(tx.objectStore('purged'), ids, hashOf)]);
        // Written here or elsewhere since the read: merge again from what is stored.
        if (rows.some((row, index) => !deepEqual(row, prepared.rows[index]))) return STALE;
        if (tombs.some((tomb, index) => !deepEqual(tomb, prepared.tombs[index]))) return STALE;
        const settings = tx.objectStore('settings');
        if (prepared.settings && !(await settingsUnchanged(settings, prepared.settings.stored))) return STALE;
        await Promise.all([
          ...prepared.puts.map((row) => tx.objectStore('records').put(row)),
          ...(prepared.settings?.puts ?? []).map(({ key, value }) => settings.put(value, key)),
          // Rows written with no change set: a saved search index cannot catch up with them from the log.
          ...(prepared.puts.length > 0 ? [markUnloggedChange(tx.objectStore('meta'))] : []),
        ]);
        return { puts: prepared.puts, settings: prepared.settings?.puts.length ?? 0 };
      },
    });
    // Later edits here must carry later clocks than anything the snapshot held.
    const clocks = [...[...incoming.values()].map(newestClock), ...groups.flatMap(({ row }) => Object.values(row.clocks))];
    for (const clock of clocks) if (parseHlc(clock) && !deps.hlc.receive(clock).ok) deps.hlc.adopt(clock);
    const { puts } = plan;
    if (puts.length > 0) deps.bus.publish({ ids: puts.map((row) => row.id), kinds: [...new Set(puts.map((row) => row.kind))], settings: false });
    // Open pages (options → Fields, Pipeline, Tracks; forms; the board) read the settings again.
    if (plan.settings > 0) deps.bus.publish({ ids: [], kinds: [], settings: true });
    const applied = puts.length + plan.settings;
    return { applied, skipped: states.length - applied };
  };

  return { read, apply };
};
