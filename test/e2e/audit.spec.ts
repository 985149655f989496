import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { expect, pageErrors, test } from './fixtures';
import { SIDE_PANEL_VIEWPORT, createAccount, createRecord, moveToTrash, openFromList } from './ui';

const PERSON = 'Ada Lovelace';
const MARKUP = '<img src="x" onerror="window.auditMarkupRan = true">';

/**
 * Edits one stored audit row in place, as someone with access to the profile could: the
 * export's entry gets a different detail. Returns the edited entry's seq.
 */
const editExportEntry = (page: Page, files: string): Promise<number> => page.evaluate(async (newFiles) => {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('locket');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(new Error('open failed'));
  });
  const store = db.transaction('audit', 'readwrite').objectStore('audit');
  const rows = await new Promise<{ seq: number; type: string; detail: Record<string, unknown> }[]>((resolve, reject) => {
    const request = store.getAll();
    request.onsuccess = () => resolve(request.result as { seq: number; type: string; detail: Record<string, unknown> }[]);
    request.onerror = () => reject(new Error('read failed'));
  });
  const row = rows.find((entry) => entry.type === 'export-taken');
  if (!row) throw new Error('no export entry');
  await new Promise<void>((resolve, reject) => {
    const request = store.put({ ...row, detail: { ...row.detail, files: newFiles } });
    request.onsuccess = () => resolve();
    request.onerror = () => reject(new Error('write failed'));
  });
  db.close();
  return row.seq;
}, files);

test('the audit log shows what happened, verifies its chain, exports as CSV, and catches an edited entry',
  async ({ openSurface, saveScreenshot }) => {
    const options = await openSurface('options');
    await options.setViewportSize({ width: 1100, height: 900 });
    await createAccount(options);
    const panel = await openSurface('sidepanel');
    await panel.setViewportSize(SIDE_PANEL_VIEWPORT);
    await createRecord(panel, 'People', 'person', { 'First name': 'Ada', 'Last name': 'Lovelace' });

    await test.step('an export and a delete', async () => {
      await options.bringToFront();
      await options.getByRole('link', { name: 'Export', exact: true }).click();
      const exportForm = options.getByRole('form', { name: 'Export' });
      const downloading = options.waitForEvent('download');
      await exportForm.getByRole('button', { name: 'Export', exact: true }).click();
      await downloading;
      await expect(exportForm.getByRole('status')).toHaveText(/Exported locket-export-/);
      await panel.bringToFront();
      await openFromList(panel, 'People', PERSON);
      await moveToTrash(panel);
      await expect(panel.getByRole('heading', { level: 2, name: PERSON })).toHaveCount(0);
    });

    await options.bringToFront();
    await options.getByRole('link', { name: 'Audit log', exact: true }).click();
    const section = options.getByRole('region', { name: 'Audit log', exact: true });
    const table = section.getByRole('table', { name: /^Audit log entries/ });
    const rows = table.getByRole('row');

    await test.step('the table lists the entries newest first, records named only by kind and hash', async () => {
      await section.getByRole('button', { name: 'Refresh' }).click();
      const deleted = rows.filter({ hasText: 'Record moved to the trash' });
      await expect(deleted).toHaveCount(1);
      await expect(deleted.getByRole('cell').nth(4)).toHaveText(/^person #[0-9a-f]{8}$/);
      await expect(rows.filter({ hasText: 'CSV export taken' })).toHaveCount(1);
      await expect(table).not.toContainText('Lovelace');
      const seqs = (await rows.locator('td:first-child').allTextContents()).map(Number);
      expect(seqs.length).toBeGreaterThanOrEqual(2);
      expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
      await expect(table).toHaveAccessibleName(new RegExp(`^Audit log entries 1–${seqs.length} of ${seqs.length}, newest first$`));
    });

    let entries = 0;
    await test.step('the chain verifies', async () => {
      await section.getByRole('button', { name: 'Verify chain' }).click();
      const status = section.getByRole('status');
      await expect(status).toHaveText(/^The log is intact: \d+ entries, each linked to the one before\.$/);
      entries = Number(/(\d+) entries/.exec((await status.textContent()) ?? '')?.[1]);
      await expect(rows).toHaveCount(entries + 1);
      await saveScreenshot(options, 'audit-log-intact');
    });

    await test.step('the CSV has a header row and every entry', async () => {
      const downloading = options.waitForEvent('download');
      await section.getByRole('button', { name: 'Export as CSV' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/^locket-audit-\d{4}-\d{2}-\d{2}\.csv$/);
      const text = new TextDecoder().decode(await readFile(await download.path()));
      const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
      expect(parsed.meta.fields).toEqual(['seq', 'at', 'type', 'by', 'subjects', 'detail', 'prevHash', 'hash']);
      expect(parsed.data).toHaveLength(entries);
      expect(parsed.data.map((row) => row.type)).toEqual(expect.arrayContaining(['export-taken', 'record-deleted']));
      const deleted = parsed.data.find((row) => row.type === 'record-deleted');
      expect(JSON.parse(deleted?.subjects ?? '[]')).toEqual([{ kind: 'person', idHash: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
      expect(parsed.data.map((row) => Number(row.seq))).toEqual(parsed.data.map((_row, index) => index + 1));
    });

    await test.step('an entry edited in the database is caught, and its markup is shown as text', async () => {
      const seq = await editExportEntry(options, MARKUP);
      await section.getByRole('button', { name: 'Verify chain' }).click();
      await expect(section.getByRole('alert')).toHaveText(`The log was changed: entry ${seq} was altered after it was written.`);
      const edited = rows.filter({ hasText: 'CSV export taken' });
      await expect(edited.getByRole('cell').nth(5)).toContainText(`files: ${MARKUP}`);
      await expect(edited.locator('img')).toHaveCount(0);
      expect(await options.evaluate(() => (window as unknown as { auditMarkupRan?: boolean }).auditMarkupRan)).toBeUndefined();
      await saveScreenshot(options, 'audit-log-changed');
    });
    expect(pageErrors(options)).toEqual([]);
  });
