/**
 * Applying verified, decrypted remote sets: read and decrypt first, merge (replica/merge.ts),
 * then one transaction through retriedWrite writes the records, the remote sets under their
 * own HLC keys (an existing key means already applied), tombstones and the cursor. A crash
 * applies all or nothing; applying the same sets again changes nothing.
 */
import { createAuditLog } from '../audit/audit-log';
import { remoteAuthor } from '../audit/remote-author';
import { idHash } from '../audit/hash';
import { createErase } from '../erasure/erase';
import { createPurger } from '../purge/purge';
import { purgeAuditReceipt } from '../purge/purge-receipt';
import { changeAad, recordAad, type EncodedValue } from '../codec';
import { deepEqual } from '../db/deep-equal';
import type { ChangeKind, ChangeSetItem, PurgedRow, StoredChangeSet, StoredRecord } from '../db/rows';
import { settingsUnchanged } from '../settings/settings';
import { isTeamSettingsItem, planRemoteSettings, type RemoteSettingsPlan } from './apply-settings';
import { auditKeysOf } from '../db/store-deps';
import { retriedWrite, STALE } from '../db/transaction';
import { parseHlc } from '../hlc';
import { RECORD_KINDS, type RecordId, type RecordKind } from '../records/types';
import type { ApplyOutcome, SyncCursor, SyncSet } from '../sync/ports';
import { readMany, type KeyedStore } from './batch-reads';
import { mergeItem, type MergeOutcome } from './merge';
import { CURSOR_KEY } from './outbox';
import { localOutcomeOf, nextRowOf, type ReplicaDeps } from './replica-rows';
import { logValuesOf, mergeItemOf } from './sync-items';
import { markUnloggedChange } from '../db/unlogged-mark';

const isRecordKind = (kind: string): kind is RecordKind => (RECORD_KINDS as readonly string[]).includes(kind);
const wallOf = (setId: string): number => parseHlc(setId)?.wallMs ?? 0;
const isTerminalOp = (op: SyncSet['items'][number]['op']): boolean => op === 'purge' || op === 'erase';
/** An item pulled without ciphertext opens to a null body (core/sync/envelopes.ts); a terminal item needs none. */
const isEmptied = (item: SyncSet['items'][number]): boolean => item.body === null && !isTerminalOp(item.op);

interface Plan {
  readonly fresh: readonly string[];
  /** Every id read, with what it was: the write checks each is unchanged. */
  readonly seen: ReadonlyMap<RecordId, { readonly row: StoredRecord | undefined; readonly tomb: PurgedRow | undefined }>;
  readonly puts: readonly StoredRecord[];
  /** The ids to remove, each with its tombstone: an erased id's tombstone names it by its keyed hash. */
  readonly tombs: readonly { readonly id: RecordId; readonly tomb: PurgedRow }[];
  readonly hashOf: ReadonlyMap<RecordId, string>;
  readonly logged: readonly StoredChangeSet[];
  readonly outcome: ApplyOutcome;
  /** The team settings' group rows this batch changes; null when it changes none. */
  readonly settings: RemoteSettingsPlan | null;
}

export const createApplyRemote = (deps: ReplicaDeps) => {
  const { db, codec } = deps;

  const prepare = async (sets: readonly SyncSet[]): Promise<Plan> => {
    const unique = [...new Map(sets.map((set) => [set.setId, set])).values()].sort((a, b) => (a.setId < b.setId ? -1 : 1));
    // Hashed before the transaction opens: awaiting WebCrypto inside it would let it commit.
    const hashOf = await hashesOf(unique.flatMap((set) => set.items.map((item) => item.recordId)));
    const tx = db.transaction(['changes', 'records', 'purged']);
    const known = await Promise.all(unique.map((set) => tx.objectStore('changes').getKey(set.setId)));
    const fresh = unique.filter((_, index) => known[index] === undefined);
    const ids = [...new Set(fresh.flatMap((set) => set.items.filter((item) => isRecordKind(item.kind)).map((item) => item.recordId)))];
    const [rows, tombstones] = await Promise.all([readMany(tx.objectStore('records'), ids), tombstonesOf(tx.objectStore('purged'), ids, hashOf)]);
    const read = ids.map((id, index) => ({ id, row: rows[index], tomb: tombstones[index] }));
    const seen = new Map(read.map(({ id, row, tomb }) => [id, { row, tomb }]));
    const live = read.flatMap(({ row }) => (row ? [row] : []));
    const decoded = await codec.decodeMany(live.map((row) => row.body), live.map(recordAad));
    const bodyOf = new Map(live.map((row, index) => [row, decoded[index]]));
    const states = new Map<RecordId, MergeOutcome | undefined>(read.map(({ id, row, tomb }) => [id, tomb
      ? { type: 'terminal', op: tomb.op, setId: tomb.setId }
      : row ? localOutcomeOf(row, bodyOf.get(row)) : undefined]));
    const lastSet = new Map<RecordId, string>();
    const kinds = new Map<RecordId, RecordKind>();
    let skipped = unique.length - fresh.length;
    const kept: { set: SyncSet; items: SyncSet['items'] }[] = [];
    for (const set of fresh) {
      // A remote item for an id purged or erased here before this batch is dropped, and so is one
      // the relay holds without its ciphertext (it ended the record: SYNC.md §10, §11): it carries
      // nothing to merge, and the relay's word alone never changes or ends a record here.
      const items = set.items.filter((item) => (isRecordKind(item.kind) || isTeamSettingsItem(item)) && !seen.get(item.recordId)?.tomb && !isEmptied(item));
      if (items.length === 0) { skipped++; continue; }
      kept.push({ set, items });
      for (const item of items) {
        // Team settings join their group rows apart (apply-settings.ts), never the records.
        if (!isRecordKind(item.kind)) continue;
        states.set(item.recordId, mergeItem(states.get(item.recordId), mergeItemOf(set, item)));
        lastSet.set(item.recordId, later(lastSet.get(item.recordId), set.setId));
        if (isRecordKind(item.kind)) kinds.set(item.recordId, item.kind);
      }
    }
    // An id this batch ends leaves nothing but its terminal items: its earlier sets may arrive in the
    // same pull (this device never held the record), and must not reach the change log.
    const endedHere = new Set([...states].flatMap(([id, state]) => (state?.type === 'terminal' ? [id] : [])));
    const logged = kept
      .map(({ set, items }) => ({ set, items: items.filter((item) => isTerminalOp(item.op) || !endedHere.has(item.recordId)) }))
      .filter(({ items }) => items.length > 0);
    skipped += kept.length - logged.length;
    const tombs: { id: RecordId; tomb: PurgedRow }[] = [];
    const nextRows: { readonly id: RecordId; readonly row: StoredRecord; readonly body: object }[] = [];
    for (const [id, state] of states) {
      const before = seen.get(id);
      if (!state || before?.tomb) continue;
      const kind = kinds.get(id);
      if (state.type === 'terminal') {
        const recordId = state.op === 'erase' ? hashOf.get(id) ?? '' : id;
        if (kind && recordId !== '') tombs.push({ id, tomb: { recordId, kind, setId: state.setId, op: state.op } });
        continue;
      }
      const next = nextRowOf(id, before?.row, state.row, wallOf(lastSet.get(id) ?? ''));
      if (next) nextRows.push({ id, ...next });
    }
    const encoded = await codec.encodeMany(nextRows.map((next) => next.body), nextRows.map((next) => recordAad(next.row)));
    const puts = nextRows.map((next, index) => ({ ...next.row, body: encoded[index] ?? next.row.body }))
      .filter((row) => !deepEqual(row, seen.get(row.id)?.row));
    return {
      fresh: fresh.map((set) => set.setId), seen, puts, tombs, hashOf, logged: await logSets(logged), outcome: { applied: logged.length, skipped },
      settings: await planRemoteSettings(deps, logged),
    };
  };

  /** The remote sets as the local change log keeps them: values encrypted per set, erased ids only as keyed hashes. */
  const logSets = async (kept: readonly { set: SyncSet; items: SyncSet['items'] }[]): Promise<StoredChangeSet[]> => {
    const withValues = kept.filter(({ items }) => items.some((item) => item.op !== 'purge' && item.op !== 'erase'));
    const encoded = await codec.encodeMany(withValues.map(({ items }) => items.map(logValuesOf)), withValues.map(({ set }) => changeAad(set.setId)));
    const valuesOf = new Map<string, EncodedValue | undefined>(withValues.map(({ set }, index) => [set.setId, encoded[index]]));
    return Promise.all(kept.map(async ({ set, items }) => {
      const changes: ChangeSetItem[] = await Promise.all(items.map(async (item) => ({
        recordId: item.op === 'erase' ? await idHash(auditKeysOf(deps), item.recordId) : item.recordId,
        kind: item.kind as ChangeKind,
        op: item.op,
        changed: item.body?.changed ?? [],
      })));
      return {
        hlc: set.setId, deviceId: set.deviceId, author: set.author, changes,
        values: valuesOf.get(set.setId) ?? { codec: 'plain', value: items.map(() => ({})) },
        recordIds: [...new Set(changes.map((change) => change.recordId))],
        ...(set.batchId === undefined ? {} : { batchId: set.batchId }),
        ...(set.undoOf === undefined ? {} : { undoOf: set.undoOf }),
      };
    }));
  };

  /** Each id's keyed hash, the form an erased id's tombstone takes. */
  const hashesOf = async (ids: readonly RecordId[]): Promise<Map<RecordId, string>> => {
    const distinct = [...new Set(ids)];
    const keys = auditKeysOf(deps);
    return new Map(await Promise.all(distinct.map(async (id) => [id, await idHash(keys, id)] as const)));
  };

  const audit = createAuditLog({ db, clock: deps.clock, keys: () => Promise.resolve(deps.auditKeys) });
  const erase = createErase(deps, audit);
  /** A purge that arrived through sync is audited as the act of the device that signed it. */
  const purgerFor = (deviceId: string) => createPurger(deps, purgeAuditReceipt(audit, remoteAuthor(deviceId), 'owner'));

  /**
   * A remote purge or erasure of a record this device holds runs the existing purger or
   * erasure first (change log, snapshots, links, audit entry naming the remote device), which
   * leaves its tombstone: the batch then drops those items like any for a purged id. A record
   * live here is purged all the same (its trash may come in this very pull, or an unsent edit
   * kept it live): nothing of its history may stay behind in this device's change log.
   */
  const finishTerminal = async (sets: readonly SyncSet[]): Promise<void> => {
    for (const set of sets) {
      for (const item of set.items) {
        if (item.op !== 'erase' && item.op !== 'purge') continue;
        const row = await db.get('records', item.recordId);
        const hashed = await idHash(auditKeysOf(deps), item.recordId);
        const tombs = await Promise.all([db.getKey('purged', item.recordId), db.getKey('purged', hashed)]);
        if (!row || tombs.some((key) => key !== undefined)) continue;
        if (item.op === 'erase' && row.kind === 'person') await erase(row.id, { suppressEmails: false, remoteDevice: set.deviceId });
        else if (item.op === 'purge') await purgerFor(set.deviceId).purgeHeld([row.id]);
      }
    }
  };

  return async (sets: readonly SyncSet[], cursor: SyncCursor): Promise<ApplyOutcome> => {
    await finishTerminal(sets);
    const { value: plan } = await retriedWrite(db, {
      subject: { type: 'remote-changes' },
      stores: ['records', 'changes', 'purged', 'meta', 'settings'],
      prepare: () => prepare(sets),
      write: async (tx, plan) => {
        const records = tx.objectStore('records');
        const purged = tx.objectStore('purged');
        const changes = tx.objectStore('changes');
        const ids = [...plan.seen.keys()];
        const [keys, rows, tombs] = await Promise.all([
          Promise.all(plan.fresh.map((setId) => changes.getKey(setId))),
          readMany(records, ids),
          tombstonesOf(purged, ids, plan.hashOf),
        ]);
        const expected = [...plan.seen.values()];
        // Applied by another context, or a record written here, since the read: merge again from what is stored.
        if (keys.some((key) => key !== undefined)) return STALE;
        if (rows.some((row, index) => !deepEqual(row, expected[index]?.row))) return STALE;
        if (tombs.some((tomb, index) => !deepEqual(tomb, expected[index]?.tomb))) return STALE;
        const settings = tx.objectStore('settings');
        if (plan.settings && !(await settingsUnchanged(settings, plan.settings.stored))) return STALE;
        await Promise.all([
          ...(plan.settings?.puts ?? []).map(({ key, value }) => settings.put(value, key)),
          ...plan.puts.map((row) => records.put(row)),
          ...plan.tombs.flatMap(({ id, tomb }) => [records.delete(id), purged.put(tomb)]),
          ...plan.logged.map((set) => changes.add(set)),
          tx.objectStore('meta').put(cursor, CURSOR_KEY),
          ...(plan.tombs.length > 0 ? [markUnloggedChange(tx.objectStore('meta'))] : []),
        ]);
        return plan;
      },
    });
    // Applied even when the clock refuses the stamp as too far ahead; the data holds it now, so the
    // clock still moves past it: a later edit here must win everywhere, as it does here.
    for (const set of sets) if (!deps.hlc.receive(set.setId).ok) deps.hlc.adopt(set.setId);
    const kindOf = (row: { readonly kind: RecordKind }) => row.kind;
    if (plan.puts.length > 0) {
      deps.bus.publish({ ids: plan.puts.map((row) => row.id), kinds: [...new Set(plan.puts.map(kindOf))], settings: false });
    }
    if (plan.tombs.length > 0) {
      deps.bus.publish({ ids: plan.tombs.map(({ id }) => id), kinds: [...new Set(plan.tombs.map(({ tomb }) => kindOf(tomb)))], settings: false, purged: true });
    }
    // Open pages (options → Fields, Pipeline, Tracks; forms; the board) read the settings again.
    if (plan.settings) deps.bus.publish({ ids: [], kinds: [], settings: true });
    return plan.outcome;
  };
};

/** Each id's tombstone, aligned with `ids`: a purge keeps the id, an erasure only its keyed hash, so both are looked up. */
export const tombstonesOf = async (
  purged: KeyedStore<PurgedRow>, ids: readonly RecordId[], hashOf: ReadonlyMap<RecordId, string>,
): Promise<(PurgedRow | undefined)[]> => {
  const hashes = ids.map((id) => hashOf.get(id));
  const found = await readMany(purged, [...ids, ...hashes.filter((hash): hash is string => hash !== undefined)]);
  // The hashes' answers follow the ids', in the same order.
  let nextHash = ids.length;
  return ids.map((_, index) => {
    const byId = found[index];
    if (hashes[index] === undefined) return byId;
    const byHash = found[nextHash];
    nextHash += 1;
    return byId ?? byHash;
  });
};

const later = (a: string | undefined, b: string): string => (a !== undefined && a > b ? a : b);
