import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { deriveAuditKeys, idHash } from '../../core/audit/hash';
import { fromBase64 } from '../../core/vault/bytes';
import type { Bytes } from '../../core/vault/types';
import Papa from 'papaparse';
import { expect, pageErrors, test } from './fixtures';
import { SIDE_PANEL_VIEWPORT, createAccount, createRecord, linkedSection, openFromList, showTab } from './ui';

const FORMULA_NAME = '=1+2';
const PERSON = 'Ada Lovelace';

const bytesOf = async (download: Download): Promise<Uint8Array> => new Uint8Array(await readFile(await download.path()));
const rowsOf = (bytes: Uint8Array): Record<string, string>[] =>
  Papa.parse<Record<string, string>>(new TextDecoder().decode(bytes), { header: true, skipEmptyLines: true }).data;

/** Every object store of the account's database, read raw from an extension page, as text. */
const rawDatabase = (page: Page): Promise<string> => page.evaluate(async () => {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('locket');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(new Error('open failed'));
  });
  const names = [...db.objectStoreNames];
  const all = await Promise.all(names.map((name) => new Promise<unknown[]>((resolve, reject) => {
    const request = db.transaction(name).objectStore(name).getAll();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(new Error(`read ${name} failed`));
  })));
  db.close();
  // Ciphertext is shown as its bytes' count: only what is stored in the clear can be searched.
  return JSON.stringify(Object.fromEntries(names.map((name, index) => [name, all[index]])),
    (_key, value: unknown) => (value instanceof Uint8Array ? `<${value.length} bytes>` : value));
});

/** The account key the unlocked session holds in storage.session, as the pages read it. */
const sessionAccountKey = async (page: Page): Promise<Bytes> => {
  const encoded = await page.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: { storage: { session: { get: (key: string) => Promise<Record<string, { accountKey: string } | undefined>> } } } }).chrome;
    return (await chrome.storage.session.get('locket:session'))['locket:session']?.accountKey ?? '';
  });
  expect(encoded).not.toBe('');
  return fromBase64(encoded);
};

test('export, subject access and erasure from the owner’s pages', async ({ openSurface, saveScreenshot }) => {
  const panel = await openSurface('sidepanel');
  await panel.setViewportSize(SIDE_PANEL_VIEWPORT);
  await createAccount(panel);
  await createRecord(panel, 'Organisations', 'organisation', { Name: 'Northwind', Domain: 'northwind.example' });
  await createRecord(panel, 'People', 'person', { 'First name': FORMULA_NAME, 'Last name': 'Formula' });
  await createRecord(panel, 'People', 'person', { 'First name': 'Ada', 'Last name': 'Lovelace', Emails: 'ada@northwind.example' },
    [['Organisation', 'North', 'Northwind']]);
  await linkedSection(panel, 'Notes').getByLabel('New note').fill('Prefers calls before noon.');
  await linkedSection(panel, 'Notes').getByRole('button', { name: 'Add note' }).click();
  await expect(linkedSection(panel, 'Notes').getByRole('listitem')).toHaveCount(1);

  await test.step('the options page exports every file as one zip, formulas neutralised', async () => {
    const options = await openSurface('options');
    await options.setViewportSize({ width: 900, height: 760 });
    await options.getByRole('link', { name: 'Export' }).click();
    const section = options.getByRole('form', { name: 'Export' });
    await expect(section.getByRole('checkbox', { name: 'Notes' })).toBeChecked();
    await section.getByRole('checkbox', { name: 'For Excel (adds a byte-order mark)' }).check();
    await saveScreenshot(options, 'export-section');
    const downloading = options.waitForEvent('download');
    await section.getByRole('button', { name: 'Export', exact: true }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^locket-export-\d{4}-\d{2}-\d{2}\.zip$/);
    await expect(section.getByRole('status')).toHaveText(/Exported locket-export-/);
    // The file is offered and the form is free again: a progress message after the result does not lock it.
    await expect(section.getByRole('button', { name: 'Export', exact: true })).toBeEnabled();
    await expect(section.getByRole('button', { name: 'Cancel', exact: true })).toHaveCount(0);
    await expect(section.getByRole('progressbar', { name: 'Export progress' })).toHaveCount(0);
    await expect(section.getByRole('checkbox', { name: 'Notes' })).toBeEnabled();
    const files = unzipSync(await bytesOf(download));
    expect(Object.keys(files).sort()).toEqual([
      'locket-activities.csv', 'locket-cases.csv', 'locket-contacts.csv', 'locket-notes.csv', 'locket-opportunities.csv', 'locket-tasks.csv',
    ]);
    const contactsBytes = files['locket-contacts.csv'] ?? new Uint8Array();
    expect([...contactsBytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const contacts = rowsOf(contactsBytes);
    expect(contacts).toHaveLength(3);
    expect(contacts.find((row) => row['Last Name'] === 'Formula')?.['First Name']).toBe(`'${FORMULA_NAME}`);
    expect(contacts.find((row) => row['Last Name'] === 'Lovelace')).toMatchObject({ Organisation: 'Northwind', Emails: 'ada@northwind.example' });
    const [note] = rowsOf(files['locket-notes.csv'] ?? new Uint8Array());
    expect(note).toMatchObject({ Body: 'Prefers calls before noon.', Record: PERSON });
    expect(pageErrors(options)).toEqual([]);
  });

  await test.step('a list exports its own file from the side panel', async () => {
    await showTab(panel, 'People');
    const downloading = panel.waitForEvent('download');
    await panel.getByRole('button', { name: 'Export contacts (CSV)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('locket-contacts.csv');
    expect(rowsOf(await bytesOf(download))).toHaveLength(3);
  });

  let personId = '';
  await test.step('subject access gives a JSON file with the person and their note', async () => {
    await openFromList(panel, 'People', PERSON);
    const downloading = panel.waitForEvent('download');
    await panel.getByRole('button', { name: 'Export everything about this person' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^locket-subject-[\w-]+\.json$/);
    const report: unknown = JSON.parse(new TextDecoder().decode(await bytesOf(download)));
    expect(report).toMatchObject({
      person: { fields: { firstName: 'Ada', emails: ['ada@northwind.example'] } },
      organisation: 'Northwind',
      notes: [{ fields: { body: 'Prefers calls before noon.' } }],
      auditEntries: [{ type: 'subject-access-export' }],
    });
    personId = /^locket-subject-(.+)\.json$/.exec(download.suggestedFilename())?.[1] ?? '';
    expect(personId).not.toBe('');
  });

  await test.step('erasure leaves nothing of the person but a receipt', async () => {
    expect(await rawDatabase(panel)).toContain(personId);
    await panel.getByRole('button', { name: 'Erase…' }).click();
    const dialog = panel.getByRole('alertdialog', { name: /Erase Ada Lovelace for good/ });
    await expect(dialog).toContainText('1 note about them');
    await dialog.getByRole('checkbox', { name: /Remember a hash of their email/ }).check();
    await saveScreenshot(panel, 'erase-confirmation');
    await dialog.getByRole('button', { name: 'Erase permanently' }).click();
    await expect(panel.getByRole('heading', { level: 2, name: PERSON })).toHaveCount(0);

    // The page leaves the person as soon as the erasure commits; the snapshots' copies are
    // scrubbed right after, in the same call, so the raw check waits for that call to end.
    await expect.poll(async () => (await rawDatabase(panel)).includes(personId), { timeout: 15_000 }).toBe(false);
    const raw = await rawDatabase(panel);
    expect(raw).not.toContain(personId);
    // The receipt names the person by a hash keyed with the account's audit key, never a plain SHA-256.
    const plainHash = createHash('sha256').update(`locket-record:${personId}`).digest('hex');
    const hash = await idHash(await deriveAuditKeys(await sessionAccountKey(panel)), personId);
    expect(hash).not.toBe(plainHash);
    expect(raw).not.toContain(plainHash);
    const audit = (JSON.parse(raw) as { audit: { type: string; subjects: { idHash: string }[] }[] }).audit;
    expect(audit.filter((entry) => entry.type === 'record-erased').map((entry) => entry.subjects[0]?.idHash)).toEqual([hash]);
    const suppressed = (JSON.parse(raw) as { suppressed: unknown[] }).suppressed;
    expect(suppressed).toHaveLength(1);
    expect(raw).not.toContain('ada@northwind.example');
    expect(pageErrors(panel)).toEqual([]);
  });
});
