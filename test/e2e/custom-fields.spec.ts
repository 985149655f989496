import { readFile } from 'node:fs/promises';
import type { Download } from '@playwright/test';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { SIDE_PANEL_VIEWPORT, createAccount, createRecord, openFromList } from './ui';

const rowsOf = (bytes: Uint8Array): Record<string, string>[] =>
  Papa.parse<Record<string, string>>(new TextDecoder().decode(bytes), { header: true, skipEmptyLines: true }).data;
const bytesOf = async (download: Download): Promise<Uint8Array> => new Uint8Array(await readFile(await download.path()));

test('a date field defined once: filled on a person, shown on the record, exported as its own column', async ({ openSurface }) => {
  const panel = await openSurface('sidepanel');
  await panel.setViewportSize(SIDE_PANEL_VIEWPORT);
  await createAccount(panel);
  const options = await openSurface('options');
  await options.setViewportSize({ width: 900, height: 760 });

  await test.step('options → Fields defines a date field "Renewal" for people', async () => {
    await options.getByRole('link', { name: 'Fields', exact: true }).click();
    const section = options.getByRole('region', { name: 'Fields', exact: true });
    await section.getByLabel('Name', { exact: true }).fill('Renewal');
    await section.getByLabel('Type', { exact: true }).selectOption({ label: 'Date' });
    await section.getByRole('button', { name: 'Add field' }).click();
    await expect(section.getByRole('list', { name: 'Fields of People' })).toContainText('Renewal');
    await expect(section.getByRole('status').filter({ hasText: 'Fields saved.' })).toBeVisible();
    await expectAccessible(options, 'options → Fields with a field');
  });

  await test.step('the person form offers the field and saves the date', async () => {
    await panel.reload();
    await createRecord(panel, 'People', 'person', { 'First name': 'Ada', 'Last name': 'Lovelace', Renewal: '2027-03-01' });
    await expect(panel.getByRole('definition').filter({ hasText: '2027-03-01' })).toBeVisible();
    await expect(panel.getByRole('term').filter({ hasText: 'Renewal' })).toBeVisible();
  });

  await test.step('the record keeps the value when opened again', async () => {
    await panel.reload();
    await openFromList(panel, 'People', 'Ada Lovelace');
    await expect(panel.getByRole('term').filter({ hasText: 'Renewal' })).toBeVisible();
    await expect(panel.getByRole('definition').filter({ hasText: '2027-03-01' })).toBeVisible();
  });

  await test.step('the CSV export has a Renewal column with the date', async () => {
    await options.getByRole('link', { name: 'Export' }).click();
    const section = options.getByRole('form', { name: 'Export' });
    const downloading = options.waitForEvent('download');
    await section.getByRole('button', { name: 'Export', exact: true }).click();
    const files = unzipSync(await bytesOf(await downloading));
    const [ada] = rowsOf(files['locket-contacts.csv'] ?? new Uint8Array());
    expect(ada).toMatchObject({ 'First Name': 'Ada', Renewal: '2027-03-01', 'Custom Fields': '' });
  });
});
