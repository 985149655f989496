import { uuidv7 } from 'uuidv7';
import { recordsToCsv } from '../../core/csv/export';
import type { ContactRecord } from '../../core/csv/columns';
import type { RecordId } from '../../core/records/types';
import { organisationAt, personAt, planDataset } from '../../test/bench/seed-data';

/**
 * A Locket contacts file of `rows` rows, as another Locket's export would be: the seeded
 * organisations first, then people linked to them (Organisation ID and name filled in),
 * with ids this database has never seen, so every row is new on import.
 */
export const contactsFile = (seed: number, rows: number): { readonly bytes: Uint8Array; readonly records: readonly ContactRecord[] } => {
  // Contacts are 70 % of a seeded set (10 % organisations, 60 % people).
  const plan = planDataset(Math.ceil(rows / 0.7));
  const now = Date.now();
  const organisationCount = Math.min(plan.organisations, rows);
  const organisations = Array.from({ length: organisationCount }, (_, index): ContactRecord => ({
    id: uuidv7(), kind: 'organisation', createdAt: now, updatedAt: now, deletedAt: null, fields: organisationAt(seed, index),
  }));
  const people = Array.from({ length: rows - organisationCount }, (_, index): ContactRecord => {
    const { fields, organisationIndex } = personAt(seed, index, plan);
    const organisationId = organisationIndex === null ? null : organisations[organisationIndex]?.id ?? null;
    return { id: uuidv7(), kind: 'person', createdAt: now, updatedAt: now, deletedAt: null, fields: { ...fields, organisationId } };
  });
  const records = [...organisations, ...people];
  const names = new Map<RecordId, string>(organisations.map((record) => [record.id, record.kind === 'organisation' ? record.fields.name : '']));
  const text = recordsToCsv('contacts', records, { nameOf: (id) => names.get(id) }, { bom: false });
  return { bytes: new TextEncoder().encode(text), records };
};
