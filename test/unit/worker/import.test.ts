import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CsvFile } from '../../../core/csv/import';
import type { ImportFileInput } from '../../../worker/import-types';
import { coreWorkerContract } from '../../../worker/contract';
import { validated } from '../../../worker/host';
import { createWorkerApi } from '../../../worker/worker-api';
import { createHarness, person, saved } from '../store/harness';
import { finished } from './harness';
import { importFileRefusalText, rowNoteText } from '../../../components/shared/messages/import-messages';
import { failureText } from '../../../components/shared/failure-text';

const fixture = (name: string): ImportFileInput => ({
  name, bytes: new Uint8Array(readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url))),
});

const start = async () => {
  const harness = await createHarness();
  return { ...harness, api: validated(coreWorkerContract, createWorkerApi({ store: harness.store, bus: harness.bus, clock: harness.clock })) };
};

/** Preview, then a dry run with the guessed mappings. */
const check = async (api: Awaited<ReturnType<typeof start>>['api'], files: ImportFileInput[], policy: 'skip' | 'update' | 'create' = 'skip') => {
  const previews = await api.previewImport(files);
  const mappings = previews.map((preview) => {
    if (!preview.mapping) throw new Error(`${preview.name} was refused: ${preview.refusal ?? ''}`);
    return preview.mapping;
  });
  return api.planImport(files, mappings, policy);
};

describe('importing a Capsule contacts file', () => {
  it('previews headers, the first rows and a guessed mapping', async () => {
    const { api } = await start();
    const [preview] = await api.previewImport([fixture('capsule-contacts.csv')]);
    expect(preview?.refusal).toBeNull();
    expect(preview?.headers.slice(0, 4)).toEqual(['Type', 'Title', 'First Name', 'Last Name']);
    expect(preview?.sampleRows).toHaveLength(5);
    expect(preview?.sampleRows[1]?.[2]).toBe('Grace');
    expect(preview?.rowCount).toBe(7);
    expect(preview?.mapping).toMatchObject({ file: 'contacts', format: 'other' });
    expect(preview?.mapping?.columns.slice(0, 4)).toEqual(['type', { customField: 'Title' }, 'firstName', 'lastName']);
  });

  it('checks every row without writing, then imports the valid ones and undoes them as one batch', async () => {
    const { api, store } = await start();
    const ada = saved(await store.create('person', person('Ada', 'Lovelace', { emails: ['ada@example.com'] })));

    const summary = await check(api, [fixture('capsule-contacts.csv')]);

    expect(summary.total).toEqual({ new: 4, updated: 0, skipped: 1, invalid: 2 });
    expect(summary.rows.map((row) => [row.rowNumber, row.action])).toEqual([[5, 'invalid'], [6, 'invalid'], [7, 'skip']]);
    expect(rowNoteText(summary.rows[0]!.reasons[0]!)).toMatch(/^Email Address: .*bob@/);
    expect(rowNoteText(summary.rows[2]!.reasons[0]!)).toMatch(/already has this person \(same email\)/);
    expect(await store.count('person')).toBe(1);

    const progress: number[] = [];
    const result = await api.runImport(summary.planRef ?? '', (p) => progress.push(p.done));
    expect(result).toMatchObject({ written: 4, failed: 0, failure: null });
    expect(progress).toEqual([4]);
    expect(await store.count('person')).toBe(4);
    expect(await store.count('organisation')).toBe(1);
    // A plan runs once.
    const stale = await api.runImport(summary.planRef ?? '').then(() => null, (error: unknown) => failureText(error));
    expect(stale).toMatch(/check the file again/);

    const undone = await api.undoImport(result.batchId);
    expect(undone).toEqual({ removed: 4, restored: 0, skipped: [] });
    expect(await store.count('person')).toBe(1);
    expect(await store.get(ada.id)).toEqual(ada);
    // Both the import and its undo are in the audit log, by batch, with counts only.
    const entries = (await store.audit.entries()).filter((entry) => entry.type.startsWith('import-'));
    expect(entries.map((entry) => [entry.type, entry.detail])).toEqual([
      ['import-started', { batchId: result.batchId, planned: 4 }],
      ['import-done', { batchId: result.batchId, written: 4, failed: 0 }],
      ['import-undo-started', { batchId: result.batchId }],
      ['import-undone', { batchId: result.batchId, removed: 4, restored: 0, skipped: 0 }],
    ]);
  });

  it('updates a duplicate when asked, and undo gives back what it held', async () => {
    const { api, store, clock } = await start();
    const ada = saved(await store.create('person', person('Ada', 'Lovelace', { emails: ['ada@example.com'] })));
    const summary = await check(api, [fixture('capsule-contacts.csv')], 'update');
    expect(summary.total).toMatchObject({ updated: 1, skipped: 0 });
    const result = await api.runImport(summary.planRef ?? '');
    expect((await store.get(ada.id))?.fields).toMatchObject({ tags: ['vip'] });
    clock.advance(1000);
    expect(await api.undoImport(result.batchId)).toMatchObject({ restored: 1 });
    expect((await store.get(ada.id))?.fields).toEqual(ada.fields);
  });

  it('skips a person erased earlier at the owner’s request', async () => {
    const { api, store } = await start();
    const grace = saved(await store.create('person', person('Grace', 'Hopper', { emails: ['Grace@Navy.example'] })));
    await store.erase(grace.id, { suppressEmails: true });

    const summary = await check(api, [fixture('capsule-contacts.csv')]);

    // Ada is new here; Grace alone is held back.
    expect(summary.total).toEqual({ new: 4, updated: 0, skipped: 1, invalid: 2 });
    const erased = summary.rows.find((row) => row.rowNumber === 3);
    expect(erased).toMatchObject({ action: 'skip' });
    expect(erased?.reasons.map(rowNoteText)).toEqual(['Erased earlier at the owner’s request.']);
    await api.runImport(summary.planRef ?? '');
    expect((await store.page('person', 0, 10)).map((p) => p.fields).filter((f) => 'firstName' in f && f.firstName === 'Grace')).toEqual([]);
  });

  it('refuses a file that is not UTF-8 with a message, and plans nothing', async () => {
    const { api } = await start();
    const [preview] = await api.previewImport([fixture('not-utf8.csv')]);
    expect(preview?.refusal && importFileRefusalText(preview.refusal)).toMatch(/not UTF-8/);
    expect(preview?.mapping).toBeNull();
    const summary = await api.planImport([fixture('not-utf8.csv')], [{ file: 'contacts', format: 'other', columns: [null, null, null] }], 'skip');
    expect(summary.planRef).toBeNull();
    const [refused] = summary.refusals;
    expect(refused && importFileRefusalText(refused.refusal)).toMatch(/not UTF-8/);
  });
});

describe('importing a Locket export', () => {
  it('brings every record and link back into an empty Locket with the same ids', async () => {
    const source = await start();
    const org = saved(await source.store.create('organisation', { name: 'Acme', domain: 'acme.example' }));
    const ada = saved(await source.store.create('person', person('Ada', 'Lovelace', { organisationId: org.id, emails: ['ada@acme.example'], tags: ['vip'] })));
    const roof = saved(await source.store.create('case', { name: 'Roof', partyId: ada.id }));
    saved(await source.store.create('note', { body: 'Line one\nline two', recordId: roof.id, sourceUrl: null, capturedAt: null }));
    const files: ImportFileInput[] = [];
    for (const file of ['contacts', 'cases', 'notes'] as const satisfies readonly CsvFile[]) {
      const exported = finished(await source.api.exportCsv([file], { bom: true, zip: false }, () => undefined));
      files.push({ name: exported.fileName, bytes: exported.bytes });
    }

    const target = await start();
    const previews = await target.api.previewImport(files);
    expect(previews.map((preview) => preview.mapping?.file)).toEqual(['contacts', 'cases', 'notes']);
    expect(previews.every((preview) => preview.mapping?.format === 'locket')).toBe(true);
    const summary = await check(target.api, files);
    expect(summary.total).toEqual({ new: 4, updated: 0, skipped: 0, invalid: 0 });
    await target.api.runImport(summary.planRef ?? '');

    expect(await target.store.get(ada.id)).toMatchObject({ fields: { organisationId: org.id, tags: ['vip'] }, createdAt: ada.createdAt });
    expect((await target.store.linkedTo(roof.id)).map((note) => note.fields)).toEqual([expect.objectContaining({ body: 'Line one\nline two' })]);
  });
});
