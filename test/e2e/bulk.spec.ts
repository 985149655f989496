import { readFile } from 'node:fs/promises';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { createAccount, listedCount, recordList, showTab } from './ui';

const PEOPLE = 30;
const peopleCsv = (): Buffer => Buffer.from([
  'First Name,Last Name,Email Address',
  ...Array.from({ length: PEOPLE }, (_, i) => `Bulk,Person ${String(i + 1).padStart(2, '0')},bulk${i + 1}@example.com`),
].join('\r\n'));

test('select 20 people with shift-click, tag them, undo as one, and export a selection as vCard', async ({ openSurface, saveScreenshot }) => {
  const options = await openSurface('options');
  await options.setViewportSize({ width: 1100, height: 900 });
  await createAccount(options);
  const panel = await openSurface('sidepanel');
  // Tall enough for the first twenty rows of the virtualised list to be drawn at once.
  await panel.setViewportSize({ width: 400, height: 1700 });

  await test.step('thirty people arrive through an import', async () => {
    await options.bringToFront();
    await options.getByRole('link', { name: 'Import', exact: true }).click();
    const section = options.getByRole('region', { name: 'Import', exact: true });
    await section.getByLabel('CSV files to import').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: peopleCsv() });
    await section.getByRole('button', { name: 'Check' }).click();
    await section.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(section.getByRole('status').filter({ hasText: 'Imported' })).toHaveText(`Imported ${PEOPLE} records.`);
    await panel.bringToFront();
    await showTab(panel, 'People');
    await expect.poll(() => listedCount(panel, 'People')).toBe(PEOPLE);
  });

  const boxes = recordList(panel, 'People').getByRole('checkbox');
  const toolbar = panel.getByRole('toolbar', { name: 'Bulk actions' });

  await test.step('a click and a shift-click select the twenty rows between them', async () => {
    await boxes.nth(0).click();
    await boxes.nth(19).click({ modifiers: ['Shift'] });
    await expect(toolbar.getByText('20 selected')).toBeVisible();
    await expect(boxes.nth(19)).toBeChecked();
    await expect(boxes.nth(20)).not.toBeChecked();
    await expectAccessible(panel, 'a list with a selection and its bulk bar');
  });

  await test.step('tagging them Customer is one change, seen in options → Tags', async () => {
    await toolbar.getByRole('button', { name: 'Add tag' }).click();
    await panel.getByRole('textbox', { name: 'Tag' }).fill('Customer');
    await panel.getByRole('button', { name: 'Apply' }).click();
    await expect(panel.getByRole('status').filter({ hasText: 'Done:' })).toHaveText(/Done: 20 records tagged Customer\./);
    await expect(toolbar).toHaveCount(0);
    await saveScreenshot(panel, 'bulk-tagged');
    await options.bringToFront();
    await options.getByRole('link', { name: 'Tags', exact: true }).click();
    const tags = options.getByRole('table', { name: 'Tags' });
    await expect(tags.getByRole('row', { name: /Customer/ }).getByRole('cell').first()).toHaveText('20');
    await expect(options.getByRole('table', { name: 'Recent bulk changes' })).toContainText('20 records tagged Customer');
  });

  await test.step('undo takes the tag off all twenty again', async () => {
    await panel.bringToFront();
    await panel.getByRole('button', { name: 'Undo: 20 records tagged Customer' }).click();
    await expect(panel.getByRole('status').filter({ hasText: 'Undone' })).toHaveText('Undone: 20 records back as they were.');
    await options.bringToFront();
    await expect(options.getByText('No tags yet.')).toBeVisible();
    await expect(options.getByRole('table', { name: 'Recent bulk changes' }).getByRole('cell', { name: 'Undone' })).toBeVisible();
  });

  await test.step('the selection exports as one vCard 4.0 file', async () => {
    await panel.bringToFront();
    await boxes.nth(2).click();
    await boxes.nth(6).click({ modifiers: ['Shift'] });
    await expect(toolbar.getByText('5 selected')).toBeVisible();
    const downloading = panel.waitForEvent('download');
    await toolbar.getByRole('button', { name: 'Export vCard' }).click();
    const file = await readFile(await (await downloading).path(), 'utf8');
    expect(file.match(/BEGIN:VCARD/g)).toHaveLength(5);
    expect(file).toContain('VERSION:4.0');
    expect(file).toMatch(/FN:Bulk Person \d\d/);
  });
});
