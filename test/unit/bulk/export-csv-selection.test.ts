import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { neutraliseCell } from '../../../core/csv/neutralise';
import { runCsvSelectionExport } from '../../../worker/bulk/export-csv-selection';
import { createHarness, person, saved } from '../store/harness';

const text = (bytes: Uint8Array): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

describe('CSV export of a selection', () => {
  it('writes only the selected records, with formula cells neutralised as the full export does', async () => {
    const { store, clock } = await createHarness();
    const acme = saved(await store.create('organisation', { name: 'Acme' }));
    const ada = saved(await store.create('person', person('=HYPERLINK("x")', 'Lovelace', { organisationId: acme.id })));
    const left = saved(await store.create('person', person('Grace', 'Left-out')));

    const file = await runCsvSelectionExport({ store, clock }, [ada.id], { bom: false });

    expect(file).toMatchObject({ fileName: 'locket-contacts.csv', mimeType: 'text/csv;charset=utf-8', rows: { contacts: 1 } });
    const csv = text(file.bytes);
    expect(csv).toContain(neutraliseCell('=HYPERLINK("x")').replaceAll('"', '""'));
    expect(csv).toContain('Acme');
    expect(csv).not.toContain(left.fields.lastName);
  });

  it('puts a selection of several kinds into one zip, a file per kind', async () => {
    const { store, clock } = await createHarness();
    const ada = saved(await store.create('person', person('Ada', 'Lovelace')));
    const audit = saved(await store.create('case', { name: 'Yearly audit' }));

    const file = await runCsvSelectionExport({ store, clock }, [ada.id, audit.id], { bom: true });

    expect(file.mimeType).toBe('application/zip');
    const files = unzipSync(file.bytes);
    expect(Object.keys(files).sort()).toEqual(['locket-cases.csv', 'locket-contacts.csv']);
    expect(text(files['locket-cases.csv'] ?? new Uint8Array()).startsWith('\ufeff')).toBe(true);
    expect(text(files['locket-cases.csv'] ?? new Uint8Array())).toContain('Yearly audit');
  });
});
