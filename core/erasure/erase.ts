/**
 * Erasure of one person (the right to be forgotten): the person's record and their notes,
 * live or in the trash, go (from the archival snapshots too); cases and opportunities that concerned them lose the link
 * (an update with its own change set); and every change set that held their values is
 * rewritten without them (deleted when nothing else is left), so nothing of the person
 * remains but a receipt in the audit log that names them by a hash of their id.
 *
 * Everything is read and re-encoded first, then written in one transaction that checks
 * nothing it read has changed meanwhile (otherwise it starts over). The receipt and a marker
 * for the snapshot scrub commit in that same transaction: an erasure interrupted anywhere has
 * either not happened at all, or has its receipt (which every restore honours) and leaves the
 * scrub for the next sweep to finish.
 */
import type { AuditEntry, AuditLog } from '../audit/audit-log';
import { idHash } from '../audit/hash';
import { suppressionEntries } from '../audit/suppression';
import { erasureScrubKey, scrubThenForget } from '../snapshots/erasure-pending';
import { changeAad, changePreviousAad, erasedIdsAad, recordAad, type EncodedValue } from '../codec';
import { linksOf } from '../records/links';
import { isDependentKind, type RecordId } from '../records/types';
import type { StoredChangeSet, StoredRecord } from '../db/rows';
import { fieldsFromBody, metaOf, rowFor } from '../db/record-rows';
import { announce, auditKeysOf, changeItem, changeSet, type StoreDeps } from '../db/store-deps';
import { retriedWrite, STALE } from '../db/transaction';
import { refusalError } from '../refusals';
import { addTombstones, appendChangeSet } from '../db/append-change-set';
import { stampClocks } from '../db/field-clocks';
import { attributionIn, stampWrite, withAttribution } from '../db/attribution';
import { remoteAuthor } from '../audit/remote-author';
import { isSyncIdentityRow, SYNC_IDENTITY_KEY } from '../sync-account/identity-store';
import { markUnloggedChange } from '../db/unlogged-mark';

export interface EraseOptions {
  /** Keep keyed hashes of the person's emails (audit/suppression.ts) so a later import can refuse to bring them back. */
  readonly suppressEmails: boolean;
  /** The device whose erasure this one carries out (sync); absent when the owner erased here. */
  readonly remoteDevice?: string;
}

/**
 * The id-only set that tells other devices to erase too: no field values, and its items name the
 * ids by their keyed hash, as the audit log and the tombstones do. The plain ids other devices
 * need are sealed for the set's outbox row (`sealedIds`), kept only while a relay is connected.
 */
const eraseSet = async (deps: StoreDeps, plan: ErasurePlan) => {
  const erased = [plan.person, ...plan.notes];
  const keys = auditKeysOf(deps);
  const hashed = await Promise.all(erased.map(async (row) => ({ id: await idHash(keys, row.id), kind: row.kind })));
  const items = hashed.map((row) => changeItem(row, 'erase', []));
  const hlc = deps.hlc.tick();
  const [values, sealedIds] = await deps.codec.encodeMany([
    // Empty objects, yet through the codec like every value an unlocked write stores: a key rotation then finds nothing left in the clear.
    erased.map(() => ({})),
    erased.map((row) => ({ id: row.id, kind: row.kind })),
  ], [changeAad(hlc), erasedIdsAad(hlc)]);
  if (!values || !sealedIds) throw new Error('The codec returned fewer values than it was given');
  return { set: changeSet(deps, items, values, hlc), tombstones: hashed, sealedIds };
};

export interface ErasureReceipt {
  readonly notes: number;
  /** Cases and opportunities that no longer point at the person. */
  readonly links: number;
  readonly changeSetsRewritten: number;
  readonly changeSetsDeleted: number;
  readonly suppressedEmails: number;
  readonly entry: AuditEntry;
}

/** The points an erasure passes, in order; tests stop it at each as a killed browser would. */
export type ErasureStep = 'planned' | 'prepared' | 'writing' | 'committed' | 'snapshot-page' | 'scrubbed';

export interface ErasureHooks {
  /** Called as each step is reached; a throw stops the erasure there. */
  readonly reached?: (step: ErasureStep) => void;
}

/** Replaces every string equal to an erased id, at any depth, with null. */
const scrub = (value: unknown, erased: ReadonlySet<string>): unknown => {
  if (typeof value === 'string') return erased.has(value) ? null : value;
  if (Array.isArray(value)) return value.map((inner) => scrub(inner, erased));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, scrub(inner, erased)]));
  }
  return value;
};

const setKeys = (sets: readonly StoredChangeSet[]): string => sets.map((set) => set.hlc).sort().join('|');
const rowStamps = (rows: readonly (StoredRecord | undefined)[]): string =>
  rows.map((row) => (row ? `${row.id}@${row.updatedAt}` : '-')).join('|');

interface ErasurePlan {
  readonly person: StoredRecord;
  readonly notes: readonly StoredRecord[];
  readonly unlinked: readonly StoredRecord[];
  readonly touchedIds: readonly RecordId[];
  readonly sets: readonly StoredChangeSet[];
  readonly emails: readonly string[];
}

const readPlan = async ({ db, codec }: StoreDeps, personId: RecordId): Promise<ErasurePlan> => {
  const person = await db.get('records', personId);
  if (!person || person.kind !== 'person') throw refusalError({ type: 'not-a-person', act: 'erase' });
  const linked = await db.getAllFromIndex('records', 'byLink', personId);
  const notes = linked.filter((row) => isDependentKind(row.kind));
  const unlinked = linked.filter((row) => row.kind === 'case' || row.kind === 'opportunity');
  const touchedIds = [personId, ...notes.map((row) => row.id), ...unlinked.map((row) => row.id)];
  const perId = await Promise.all(touchedIds.map((id) => db.getAllFromIndex('changes', 'byRecord', id)));
  const sets = [...new Map(perId.flat().map((set) => [set.hlc, set])).values()];
  const fields = fieldsFromBody(person, 'person', await codec.decode(person.body, recordAad(person)));
  return { person, notes, unlinked, touchedIds, sets, emails: fields.emails };
};

export const createErase = (deps: StoreDeps, audit: AuditLog, hooks: ErasureHooks = {}) => {
  const { db, codec, clock } = deps;

  /** Builds every row to write from the plan; all codec work happens here, before the transaction. */
  const prepare = async (plan: ErasurePlan, suppress: boolean) => {
    const erased = new Set([plan.person.id, ...plan.notes.map((row) => row.id)]);
    const now = clock.now();
    const [setValues, setPrevious, linkedBodies] = await Promise.all([
      codec.decodeMany(plan.sets.map((set) => set.values), plan.sets.map((set) => changeAad(set.hlc))),
      // An import's update sets also hold the fields' earlier values: they go the same way.
      Promise.all(plan.sets.map((set) => (set.previous ? codec.decode(set.previous, changePreviousAad(set.hlc)) : undefined))),
      codec.decodeMany(plan.unlinked.map((row) => row.body), plan.unlinked.map(recordAad)),
    ]);
    const aligned = (value: unknown, set: StoredChangeSet): unknown[] => {
      if (!Array.isArray(value) || value.length !== set.changes.length) {
        throw new Error(`Change set ${set.hlc} holds values that do not line up with its changes`);
      }
      return value;
    };
    const rewrites = plan.sets.map((set, index) => {
      const values = aligned(setValues[index], set);
      const previous = set.previous ? aligned(setPrevious[index], set) : null;
      const kept = set.changes.flatMap((change, at) => (erased.has(change.recordId) ? [] : [{
        change, value: scrub(values[at], erased), previous: previous ? scrub(previous[at], erased) : undefined,
      }]));
      return { set, kept };
    });
    const unlinkHlc = deps.hlc.tick();
    const unlinkedFields = plan.unlinked.map((row, index) => {
      const fields = { ...fieldsFromBody(row, row.kind, linkedBodies[index]), partyId: null };
      return { row, fields, body: withAttribution(fields, stampWrite(attributionIn(linkedBodies[index]), deps.deviceId, unlinkHlc, false)) };
    });
    const kept = rewrites.filter((rewrite) => rewrite.kept.length > 0);
    const encoded = await codec.encodeMany([
      ...kept.map((rewrite) => rewrite.kept.map((item) => item.value)),
      ...unlinkedFields.map((item) => item.body),
      unlinkedFields.map(() => ({ partyId: null })),
    ], [
      ...kept.map(({ set }) => changeAad(set.hlc)),
      ...unlinkedFields.map((item) => recordAad(item.row)),
      changeAad(unlinkHlc),
    ]);
    const at = (index: number): EncodedValue => {
      const value = encoded[index];
      if (!value) throw new Error('The codec returned fewer values than it was given');
      return value;
    };
    const keptPrevious = kept.filter(({ set }) => set.previous);
    const encodedPrevious = await codec.encodeMany(
      keptPrevious.map(({ kept: items }) => items.map((item) => item.previous ?? null)),
      keptPrevious.map(({ set }) => changePreviousAad(set.hlc)),
    );
    const previousOf = new Map(keptPrevious.map(({ set }, index) => [set.hlc, encodedPrevious[index]]));
    const rewrittenSets: StoredChangeSet[] = kept.map(({ set, kept: items }, index) => {
      const { previous: _previousWithErased, ...rest } = set;
      const previous = previousOf.get(set.hlc);
      return {
        ...rest,
        ...(previous ? { previous } : {}),
        changes: items.map((item) => item.change),
        values: at(index),
        recordIds: [...new Set(items.map((item) => item.change.recordId))],
      };
    });
    const newRows = unlinkedFields.map(({ row, fields }, index) =>
      stampClocks(rowFor({ ...metaOf(row), updatedAt: now }, linksOf(row.kind, fields), at(kept.length + index), row.due), row, ['partyId'], unlinkHlc));
    const unlinkSet = newRows.length === 0 ? null
      : changeSet(deps, newRows.map((row) => changeItem(row, 'update', ['partyId'])), at(kept.length + newRows.length), unlinkHlc);
    return {
      deletedIds: [...erased],
      deletedSets: rewrites.filter((rewrite) => rewrite.kept.length === 0).map((rewrite) => rewrite.set.hlc),
      rewrittenSets,
      newRows,
      unlinkSet,
      suppressed: suppress ? await suppressionEntries(auditKeysOf(deps), plan.emails, now) : [],
    };
  };

  return async (personId: RecordId, options: EraseOptions): Promise<ErasureReceipt> => {
    const { value: { plan, writes, hash }, receipt } = await retriedWrite(db, {
      subject: { type: 'erasure' },
      stores: ['records', 'changes', 'suppressed', 'meta', 'outbox', 'purged'],
      prepare: async () => {
        const plan = await readPlan(deps, personId);
        hooks.reached?.('planned');
        const writes = await prepare(plan, options.suppressEmails);
        const hash = await idHash(auditKeysOf(deps), personId);
        const erasure = await eraseSet(deps, plan);
        hooks.reached?.('prepared');
        return { plan, writes, hash, erasure };
      },
      write: async (tx, prepared) => {
        const { plan, writes, hash, erasure } = prepared;
        const records = tx.objectStore('records');
        const changes = tx.objectStore('changes');
        const plannedRows = [plan.person, ...plan.notes, ...plan.unlinked];
        const [rowsNow, linkedNow, setsNow, connected] = await Promise.all([
          Promise.all(plannedRows.map((row) => records.get(row.id))),
          records.index('byLink').getAllKeys(personId),
          Promise.all(plan.touchedIds.map((id) => changes.index('byRecord').getAll(id))),
          tx.objectStore('meta').get(SYNC_IDENTITY_KEY).then(isSyncIdentityRow),
        ]);
        const unchanged = rowStamps(rowsNow) === rowStamps(plannedRows)
          && linkedNow.length === plan.notes.length + plan.unlinked.length
          && setKeys([...new Map(setsNow.flat().map((set) => [set.hlc, set])).values()]) === setKeys(plan.sets);
        if (!unchanged) return STALE;
        await Promise.all([
          ...writes.deletedIds.map((id) => records.delete(id)),
          ...writes.newRows.map((row) => records.put(row)),
          ...writes.deletedSets.map((hlc) => changes.delete(hlc)),
          ...writes.rewrittenSets.map((set) => changes.put(set)),
          ...(writes.unlinkSet ? [appendChangeSet(tx, writes.unlinkSet)] : []),
          // Only a device connected to a relay keeps the plain ids (sealed) until the relay has the set: without one, nobody is left to tell.
          appendChangeSet(tx, erasure.set, connected ? erasure.sealedIds : undefined),
          addTombstones(tx, erasure.tombstones, erasure.set.hlc, 'erase'),
          markUnloggedChange(tx.objectStore('meta')),
          ...writes.suppressed.map((entry) => tx.objectStore('suppressed').put(entry)),
          // Snapshots still hold copies of these rows: the next sweep finishes this if the scrub below is cut short.
          tx.objectStore('meta').put({ ids: writes.deletedIds }, erasureScrubKey(hash)),
        ]);
        hooks.reached?.('writing');
        return prepared;
      },
      receipt: async ({ plan, writes, hash }) => audit.stage({
        type: 'record-erased',
        by: options.remoteDevice === undefined ? deps.author : remoteAuthor(options.remoteDevice),
        subjects: [{ kind: 'person', idHash: hash }],
        detail: {
          person: 1, notes: plan.notes.length, links: plan.unlinked.length,
          changeSetsRewritten: writes.rewrittenSets.length, changeSetsDeleted: writes.deletedSets.length,
          suppressedEmails: writes.suppressed.length,
        },
      }),
    });
    hooks.reached?.('committed');
    announce(deps.bus, [plan.person, ...plan.notes, ...plan.unlinked]);
    // Snapshots copied the rows as stored: the person, their notes and links to them leave those copies too.
    await scrubThenForget(db, hash, writes.deletedIds, codec, () => hooks.reached?.('snapshot-page'));
    hooks.reached?.('scrubbed');
    if (!receipt) throw new Error('The erasure was written without its receipt');
    return {
      notes: plan.notes.length, links: plan.unlinked.length, changeSetsRewritten: writes.rewrittenSets.length,
      changeSetsDeleted: writes.deletedSets.length, suppressedEmails: writes.suppressed.length, entry: receipt,
    };
  };
};
