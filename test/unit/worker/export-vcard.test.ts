import { describe, expect, it } from 'vitest';
import { coreWorkerContract } from '../../../worker/contract';
import { validated } from '../../../worker/host';
import { createWorkerApi } from '../../../worker/worker-api';
import { createHarness, person, saved } from '../store/harness';
import { readVcf } from '../vcard/vcard-support';

const seed = async () => {
  const harness = await createHarness();
  const { store } = harness;
  const org = saved(await store.create('organisation', { name: 'Acme Ltd', emails: ['hello@acme.example'] }));
  const ada = saved(await store.create('person', person('Ada', 'Lovelace', {
    organisationId: org.id, emails: ['ada@acme.example', 'ada@home.example'], phones: ['+44 7700 900001'],
  })));
  const grace = saved(await store.create('person', person('Grace', 'Hopper', { emails: ['grace@navy.example'] })));
  saved(await store.create('note', { body: 'Met at the show.', recordId: ada.id, sourceUrl: null, capturedAt: null }));
  saved(await store.create('case', { name: 'Roof', partyId: ada.id }));
  const api = validated(coreWorkerContract, createWorkerApi({ store, bus: harness.bus, clock: harness.clock }));
  return { ...harness, api, org, ada, grace };
};

const cellOf = async (bytes: Uint8Array, header: string): Promise<string[]> => {
  const { table } = await readVcf(new TextDecoder().decode(bytes));
  const column = table.headers.indexOf(header);
  return table.rows.map((row) => row.cells[column] ?? '');
};

describe('exportVcard', () => {
  it('writes one person as vCard 4.0 with their organisation, every email and their notes', async () => {
    const { api, ada } = await seed();
    const file = await api.exportVcard([ada.id]);
    expect(file).toMatchObject({ fileName: 'Ada Lovelace.vcf', mimeType: 'text/vcard', rows: { contacts: 1 } });
    const text = new TextDecoder().decode(file.bytes);
    expect(text).toContain('VERSION:4.0');
    expect(await cellOf(file.bytes, 'E-mail 2 - Value')).toEqual(['ada@home.example']);
    expect(await cellOf(file.bytes, 'Organization Name')).toEqual(['Acme Ltd']);
    expect(await cellOf(file.bytes, 'Notes')).toEqual(['Met at the show.']);
  });

  it('writes a selection, or everyone outside the trash, and logs each export', async () => {
    const { api, store, ada, grace } = await seed();
    const chosen = await api.exportVcard([grace.id, ada.id]);
    expect(await cellOf(chosen.bytes, 'Last Name')).toEqual(['Hopper', 'Lovelace']);
    await store.remove(grace.id);
    const everyone = await api.exportVcard(null);
    expect(everyone.fileName).toBe('locket-contacts.vcf');
    expect(await cellOf(everyone.bytes, 'Full Name')).toEqual(['Acme Ltd', 'Ada Lovelace']);
    const exports = (await store.audit.entries()).filter((entry) => entry.type === 'export-taken');
    expect(exports.map((entry) => entry.detail)).toEqual([
      { files: 'vcard', zip: false, bom: false, contacts: 2 }, { files: 'vcard', zip: false, bom: false, contacts: 2 },
    ]);
  });
});

describe('exportTasksIcs', () => {
  it('writes every live task with its record’s title as one calendar file, and logs the export', async () => {
    const { api, store, ada } = await seed();
    saved(await store.create('task', { description: 'Call Ada', recordId: ada.id, dueDate: '2026-12-07', dueTime: '10:00', timeZone: 'Europe/Berlin' }));
    const gone = saved(await store.create('task', { description: 'Binned' }));
    await store.remove(gone.id);

    const file = await api.exportTasksIcs();
    const text = new TextDecoder().decode(file.bytes);
    expect([file.fileName, file.mimeType, file.rows]).toEqual(['locket-tasks.ics', 'text/calendar', { tasks: 1 }]);
    expect(text).toContain('SUMMARY:Call Ada');
    expect(text).toContain('DESCRIPTION:Ada Lovelace');
    expect(text).toContain('DUE:20261207T090000Z');
    expect(text).not.toContain('Binned');
    expect((await store.audit.entries()).at(-1)).toMatchObject({ type: 'export-taken', detail: { files: 'ics', tasks: 1 } });
  });
});
