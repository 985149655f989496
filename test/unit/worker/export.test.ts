import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { coreWorkerContract } from '../../../worker/contract';
import { validated } from '../../../worker/host';
import { createWorkerApi } from '../../../worker/worker-api';
import { createHarness, person, saved } from '../store/harness';
import { finished } from './harness';
import { failureText } from '../../../components/shared/failure-text';

const text = (bytes: Uint8Array): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
const rowsOf = (csv: string): Record<string, string>[] =>
  Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;

const seed = async () => {
  const harness = await createHarness();
  const { store } = harness;
  const org = saved(await store.create('organisation', { name: 'Acme, "the" firm' }));
  const ada = saved(await store.create('person', person('=HYPERLINK("http://evil")', 'Lovelace', { organisationId: org.id, emails: ['ada@example.org'] })));
  saved(await store.create('case', { name: 'Roof', partyId: ada.id }));
  saved(await store.create('opportunity', { name: '+1 upsell', partyId: org.id, currency: 'EUR', value: 1200 }));
  saved(await store.create('note', { body: 'Line one\nline two, with comma', recordId: ada.id, sourceUrl: null, capturedAt: null }));
  const api = validated(coreWorkerContract, createWorkerApi({ store, bus: harness.bus, clock: harness.clock }));
  return { ...harness, api, org, ada };
};

describe('exportCsv', () => {
  it('writes one CSV whose rows parse back, with linked names and formula cells neutralised', async () => {
    const { api, ada, org } = await seed();
    const file = finished(await api.exportCsv(['contacts'], { bom: false, zip: false }, () => undefined));
    expect(file.fileName).toBe('locket-contacts.csv');
    const rows = rowsOf(text(file.bytes));
    const adaRow = rows.find((row) => row['Locket ID'] === ada.id);
    expect(adaRow?.['First Name']).toBe('\'=HYPERLINK("http://evil")');
    expect(adaRow?.Organisation).toBe('Acme, "the" firm');
    expect(rows.find((row) => row['Locket ID'] === org.id)?.Type).toBe('organisation');
    expect(file.bytes[0]).not.toBe(0xef);
  });

  it('adds a UTF-8 byte-order mark for Excel', async () => {
    const { api } = await seed();
    const file = finished(await api.exportCsv(['cases'], { bom: true, zip: false }, () => undefined));
    expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('zips exactly the chosen files, each readable', async () => {
    const { api, clock } = await seed();
    const file = finished(await api.exportCsv(['opportunities', 'notes'], { bom: false, zip: true }, () => undefined));
    expect(file.fileName).toBe(`locket-export-${new Date(clock.now()).toISOString().slice(0, 10)}.zip`);
    const files = unzipSync(file.bytes);
    expect(Object.keys(files).sort()).toEqual(['locket-notes.csv', 'locket-opportunities.csv']);
    const [deal] = rowsOf(text(files['locket-opportunities.csv'] ?? new Uint8Array()));
    expect(deal).toMatchObject({ Name: '\'+1 upsell', Party: 'Acme, "the" firm', Value: '1200' });
    const [note] = rowsOf(text(files['locket-notes.csv'] ?? new Uint8Array()));
    expect(note?.Body).toBe('Line one\nline two, with comma');
  });

  it('reports progress up to the number of records and logs the export', async () => {
    const { api, store } = await seed();
    const seen: [number, number][] = [];
    await api.exportCsv(['contacts', 'cases'], { bom: false, zip: true }, (done, total) => { seen.push([done, total]); });
    expect(seen.at(-1)).toEqual([4, 4]);
    const [entry] = await store.audit.entries();
    expect(entry).toMatchObject({ type: 'export-taken', detail: { files: 'contacts,cases', contacts: 2, cases: 1 } });
  });

  it('stops when cancelled and logs nothing', async () => {
    const { api, store } = await seed();
    const many = Array.from({ length: 2500 }, (_, n) => person(`P${n}`, 'Bulk'));
    await store.insertMany('person', many);
    const running = api.exportCsv(['contacts'], { bom: false, zip: false }, (done) => {
      if (done > 0) void api.cancelExport();
    });
    await expect(running).resolves.toEqual({ type: 'cancelled' });
    expect(await store.audit.entries()).toEqual([]);
  });

  it('refuses several files without a zip, and unknown files', async () => {
    const { api } = await seed();
    const refused = await api.exportCsv(['contacts', 'cases'], { bom: false, zip: false }, () => undefined).then(() => null, (error: unknown) => failureText(error));
    expect(refused).toMatch(/zip/);
    await expect(api.exportCsv(['secrets' as never], { bom: false, zip: false }, () => undefined)).rejects.toThrow();
  });
});
