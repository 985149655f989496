/**
 * vCard export in the worker: the chosen people and organisations (or every live one) as
 * one vCard 4.0 file, each with its organisation's name and its notes.
 */
import type { ContactRecord } from '../core/csv/columns';
import type { LocketRecord, RecordId } from '../core/records/types';
import type { RecordReads } from '../core/record-store/contract';
import { vcardFileName, writeVcards, type VcardContact } from '../core/vcard/write-vcards';
import type { ExportedFile } from './contract';

const BATCH_SIZE = 1000;
const encoder = new TextEncoder();

const isContact = (record: LocketRecord): record is ContactRecord => record.kind === 'person' || record.kind === 'organisation';

interface Gathered {
  readonly contacts: readonly ContactRecord[];
  readonly notesOf: (id: RecordId) => readonly string[];
  readonly nameOf: (id: RecordId) => string | undefined;
}

/** Everyone: one pass over every live record, keeping contacts, organisation names and notes. */
const gatherAll = async (store: RecordReads): Promise<Gathered> => {
  const contacts: ContactRecord[] = [];
  const notes = new Map<RecordId, string[]>();
  const names = new Map<RecordId, string>();
  await store.forEachBatch(BATCH_SIZE, (batch) => {
    for (const record of batch) {
      if (isContact(record)) contacts.push(record);
      if (record.kind === 'organisation') names.set(record.id, record.fields.name);
      if (record.kind === 'note') notes.set(record.fields.recordId, [...(notes.get(record.fields.recordId) ?? []), record.fields.body]);
    }
  });
  return { contacts, notesOf: (id) => notes.get(id) ?? [], nameOf: (id) => names.get(id) };
};

/** Some: those records, their notes and their organisations, read by id. */
const gatherSome = async (store: RecordReads, ids: readonly RecordId[]): Promise<Gathered> => {
  const contacts = (await store.getMany(ids)).filter(isContact);
  const notes = new Map<RecordId, string[]>();
  for (const contact of contacts) {
    const linked = await store.linkedTo(contact.id);
    notes.set(contact.id, linked.flatMap((record) => (record.kind === 'note' && record.fields.recordId === contact.id ? [record.fields.body] : [])));
  }
  const organisationIds = contacts.flatMap((contact) => (contact.kind === 'person' && contact.fields.organisationId ? [contact.fields.organisationId] : []));
  const organisations = await store.getMany([...new Set(organisationIds)]);
  const names = new Map(organisations.flatMap((record) => (record.kind === 'organisation' ? [[record.id, record.fields.name] as const] : [])));
  return { contacts, notesOf: (id) => notes.get(id) ?? [], nameOf: (id) => names.get(id) };
};

/** `ids`: the records to export, in that order; null for every live person and organisation. */
export const runVcardExport = async (store: RecordReads, ids: readonly RecordId[] | null): Promise<ExportedFile> => {
  const { contacts, notesOf, nameOf } = ids === null ? await gatherAll(store) : await gatherSome(store, ids);
  const cards: VcardContact[] = contacts.map((record) => ({
    record,
    organisationName: record.kind === 'person' && record.fields.organisationId ? nameOf(record.fields.organisationId) ?? null : null,
    notes: notesOf(record.id),
  }));
  const bytes = encoder.encode(await writeVcards(cards));
  return { fileName: vcardFileName(cards), mimeType: 'text/vcard', bytes, rows: { contacts: cards.length } };
};
