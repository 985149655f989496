/**
 * When someone was last contacted: the latest logged conversation (`occurredAt`) or completed
 * task (`doneAt`) linked to them. A conversation or task on a case or opportunity counts for
 * the person or organisation that case or opportunity concerns, and one with a person counts
 * for their organisation too, so "last contacted" on an organisation covers its people.
 */
import type { LocketRecord, RecordId } from '../records/types';

/** The moment a record counts as a contact, or null when it is no contact (a note, an open task, a trashed record). */
export const contactMomentOf = (record: LocketRecord): { readonly with: RecordId; readonly at: number } | null => {
  if (record.deletedAt !== null) return null;
  if (record.kind === 'activity') return { with: record.fields.recordId, at: record.fields.occurredAt };
  if (record.kind === 'task' && record.fields.doneAt !== null && record.fields.recordId !== null) {
    return { with: record.fields.recordId, at: record.fields.doneAt };
  }
  return null;
};

/**
 * Gathers contacts over any number of passes (batches of records, in any order), then
 * answers per person and organisation. Links up (case → party, person → organisation) are
 * learnt from the same records, so the order of batches does not matter.
 */
export const createLastContactedMap = () => {
  const direct = new Map<RecordId, number>();
  const upTo = new Map<RecordId, RecordId>();
  return {
    visit: (record: LocketRecord): void => {
      if (record.deletedAt !== null) return;
      const contact = contactMomentOf(record);
      if (contact) direct.set(contact.with, Math.max(direct.get(contact.with) ?? 0, contact.at));
      if (record.kind === 'person' && record.fields.organisationId) upTo.set(record.id, record.fields.organisationId);
      if ((record.kind === 'case' || record.kind === 'opportunity') && record.fields.partyId) upTo.set(record.id, record.fields.partyId);
    },
    /** Call once every record has been visited. Walks each contact up at most two links (case → person → organisation). */
    result: (): ReadonlyMap<RecordId, number> => {
      const latest = new Map<RecordId, number>();
      const bump = (id: RecordId, at: number) => latest.set(id, Math.max(latest.get(id) ?? 0, at));
      for (const [id, at] of direct) {
        bump(id, at);
        let above = upTo.get(id);
        for (let step = 0; above !== undefined && step < 2; step++) {
          bump(above, at);
          above = upTo.get(above);
        }
      }
      return latest;
    },
  };
};

/** Last contacted of one record from the records linked to it (what the store's linkedTo gives); null when never. */
export const lastContactedFromLinked = (recordId: RecordId, linked: readonly LocketRecord[]): number | null => {
  let latest: number | null = null;
  for (const record of linked) {
    const contact = contactMomentOf(record);
    if (contact && contact.with === recordId && (latest === null || contact.at > latest)) latest = contact.at;
  }
  return latest;
};
