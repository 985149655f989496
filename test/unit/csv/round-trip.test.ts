import { describe, expect, it } from 'vitest';
import type { LocketRecord, RecordId } from '../../../core/records/types';
import { createRecordMaker, exportAll, plan, plannedRecords } from './fixtures';

const make = createRecordMaker();
const acme = make('organisation', {
  name: 'Acme, "Widgets" & Co', domain: 'acme.example', emails: ['hello@acme.example'], phones: ['+44 113 496 0000'],
  websites: ['https://acme.example/', 'https://www.linkedin.com/company/acme'], addresses: ['Unit 4\nLeeds LS1 1AA', 'PO Box 9'],
  tags: ['supplier', '=risky'], customFields: [{ name: 'VAT: number', value: 'GB123' }, { name: 'Notes', value: 'line one\nline two' }],
  owner: 'Mo',
});
const globex = make('organisation', { name: 'Globex', domain: 'globex.example' });
const ada = make('person', {
  firstName: 'Ada', lastName: 'Lovelace', jobTitle: '@Head of R&D', organisationId: acme.id,
  emails: ['ada@acme.example', 'ada@home.example'], phones: ['-0113 496 0001'], tags: ['vip', 'a,b;c'],
  customFields: [{ name: 'Birthday', value: '1815-12-10' }],
  consent: { basis: 'consent', date: '2024-02-29', source: 'Signed form,\n"paper"' }, owner: 'Mo',
});
const bob = make('person', { firstName: 'Bob', lastName: 'Ng', organisationId: globex.id, consent: { basis: 'legitimate-interests', date: '2023-01-01', source: 'Trade fair' } });
const cleo = make('person', { firstName: '=1+1', lastName: "O'Neil", emails: ['cleo@example.org'] });
const migration = make('case', { name: 'Migration', description: 'Move "everything",\r\nthen tidy', status: 'open', partyId: ada.id, owner: 'Mo' });
const audit = make('case', { name: 'Audit', status: 'closed', partyId: globex.id });
const loose = make('case', { name: '+Loose end' });
const renewal = make('opportunity', {
  name: 'Renewal', partyId: acme.id, value: 1200.5, currency: 'EUR', milestone: 'proposal', probability: 60,
  expectedCloseDate: '2025-03-31', status: 'open', owner: 'Mo',
});
const pilot = make('opportunity', { name: 'Pilot', partyId: bob.id, value: null, milestone: 'new', status: 'lost' });
const notes = [
  make('note', { body: 'Met at the fair.\nLikes "tea", not coffee.', recordId: ada.id, sourceUrl: 'https://fair.example/exhibitors?id=4', capturedAt: Date.UTC(2024, 3, 2, 14, 5, 6, 789) }),
  make('note', { body: '=HYPERLINK("http://evil.example","click")', recordId: migration.id }),
  make('note', { body: 'Budget approved', recordId: renewal.id }),
  make('note', { body: '-- call back', recordId: acme.id }),
];
const dataset: readonly LocketRecord[] = [acme, globex, ada, bob, cleo, migration, audit, loose, renewal, pilot, ...notes];

const comparable = (record: { id: RecordId; kind: string; fields: unknown; createdAt: number | null; updatedAt: number | null }) =>
  ({ id: record.id, kind: record.kind, fields: record.fields, createdAt: record.createdAt, updatedAt: record.updatedAt });

describe('a Locket export imported back', () => {
  it.each([[false], [true]])('into an empty Locket reproduces every record, field, link, tag and note (BOM %s)', (bom) => {
    const result = plan(exportAll(dataset, bom));
    expect(result.total).toEqual({ new: dataset.length, updated: 0, skipped: 0, invalid: 0 });
    expect(result.rows.every((row) => row.warnings.length === 0)).toBe(true);
    const imported = plannedRecords(result);
    expect([...imported.values()].map(comparable).sort((a, b) => a.id.localeCompare(b.id)))
      .toEqual(dataset.map(comparable).sort((a, b) => a.id.localeCompare(b.id)));
  });

  it('into the Locket it came from skips every record as already there', () => {
    const result = plan(exportAll(dataset), { existing: dataset });
    expect(result.total).toEqual({ new: 0, updated: 0, skipped: dataset.length, invalid: 0 });
    expect(result.rows.every((row) => row.action === 'skip' && row.matchedBy === 'id')).toBe(true);
  });

  it('as an update of the Locket it came from changes nothing', () => {
    const result = plan(exportAll(dataset), { existing: dataset, policy: 'update' });
    expect(result.total.updated).toBe(dataset.length);
    for (const row of result.rows) {
      if (row.action !== 'update') throw new Error(`row ${row.rowNumber} of ${row.file} is ${row.action}`);
      expect(row.record.fields).toEqual(dataset.find((record) => record.id === row.record.id)?.fields);
    }
  });

  it('as copies gives every record a new id and moves every link with it', () => {
    const result = plan(exportAll(dataset), { existing: dataset, policy: 'create' });
    expect(result.total.new).toBe(dataset.length);
    const imported = [...plannedRecords(result).values()];
    const newIdOf = new Map<RecordId, RecordId>();
    for (const original of dataset) {
      const copy = imported.find((record) => record.kind === original.kind && JSON.stringify(record.createdAt) === JSON.stringify(original.createdAt));
      expect(copy).toBeDefined();
      expect(copy!.id).not.toBe(original.id);
      newIdOf.set(original.id, copy!.id);
    }
    for (const copy of imported) {
      const original = dataset.find((record) => newIdOf.get(record.id) === copy.id)!;
      if (copy.kind === 'person' && original.kind === 'person') {
        expect(copy.fields.organisationId).toBe(original.fields.organisationId && newIdOf.get(original.fields.organisationId));
      }
      if ((copy.kind === 'case' || copy.kind === 'opportunity') && (original.kind === 'case' || original.kind === 'opportunity')) {
        expect(copy.fields.partyId).toBe(original.fields.partyId && newIdOf.get(original.fields.partyId));
      }
      if (copy.kind === 'note' && original.kind === 'note') expect(copy.fields.recordId).toBe(newIdOf.get(original.fields.recordId));
    }
  });

  it('keeps links when only some files are imported and the rest is already in Locket', () => {
    const files = exportAll(dataset);
    const result = plan({ notes: files.notes }, { existing: dataset.filter((record) => record.kind !== 'note') });
    expect(result.counts.notes).toEqual({ new: notes.length, updated: 0, skipped: 0, invalid: 0 });
  });
});
