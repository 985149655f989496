import { expect, test } from './fixtures';
import { importFixture as fixture, openImportStage } from './import-helpers';
import {
  DEFAULT_OWNER, SIDE_PANEL_VIEWPORT, createAccount, createRecord, listedCount, lockedHeading, openFromList, searchBox, searchResults,
  showTab, surfaceElement, typeUntilFound, unlock,
} from './ui';


test('a Capsule contacts file is checked, imported, found, and undone as one batch', async ({ openSurface, saveScreenshot }) => {
  const options = await openSurface('options');
  await options.setViewportSize({ width: 1100, height: 900 });
  await createAccount(options);

  const panel = await openSurface('sidepanel');
  await panel.setViewportSize(SIDE_PANEL_VIEWPORT);
  await createRecord(panel, 'People', 'person', { 'First name': 'Ada', 'Last name': 'Lovelace', Emails: 'ada@example.com' });

  await options.bringToFront();
  await options.getByRole('link', { name: 'Import', exact: true }).click();
  const section = options.getByRole('region', { name: 'Import', exact: true });
  const picker = section.getByLabel('CSV files to import');

  await test.step('a file that is not UTF-8 is refused with a clear message', async () => {
    await picker.setInputFiles(fixture('not-utf8.csv'));
    await expect(section.getByRole('alert')).toContainText('This file is not UTF-8 text');
    await expect(section.getByRole('button', { name: 'Check' })).toHaveCount(0);
  });

  await test.step('a file with too many columns is refused before any preview, with the numbers', async () => {
    const header = Array.from({ length: 501 }, (_, index) => `Column ${index + 1}`).join(',');
    await picker.setInputFiles({ name: 'wide.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\r\nAda\r\n`) });
    await expect(section.getByRole('alert')).toContainText('This file has 501 columns; Locket imports up to 500.');
    await expect(section.getByRole('table')).toHaveCount(0);
    await expect(section.getByRole('button', { name: 'Check' })).toHaveCount(0);
  });

  await test.step('the preview shows the first rows and a guessed mapping', async () => {
    await picker.setInputFiles(fixture('capsule-contacts.csv'));
    const preview = section.getByRole('table', { name: 'First rows of capsule-contacts.csv' });
    await expect(preview.getByRole('columnheader', { name: 'Email Address' })).toBeVisible();
    await expect(preview.getByRole('cell', { name: 'grace@navy.example', exact: true })).toBeVisible();
    await expect(preview.getByRole('row')).toHaveCount(1 + 5);
    await expect(section.getByRole('combobox', { name: 'Field for column “Email Address”' })).toHaveValue('emails');
    await expect(section.getByRole('combobox', { name: 'Field for column “Twitter Handle”' })).toHaveValue('custom:Twitter Handle');
    await saveScreenshot(options, 'import-preview-mapping');
  });

  await test.step('the check reports what would happen, row by row, and writes nothing', async () => {
    await section.getByRole('button', { name: 'Check' }).click();
    const totals = section.getByRole('table', { name: 'What the import would do' }).getByRole('row', { name: /^Total/ });
    await expect(totals.getByRole('cell')).toHaveText(['4', '0', '1', '2']);
    const rows = section.getByRole('list', { name: 'Rows to look at' }).getByRole('listitem');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toContainText('row 5: Invalid — Email Address: “bob@” is not a valid email address.');
    await expect(rows.nth(1)).toContainText('row 6: Invalid');
    await expect(rows.nth(2)).toContainText('row 7: Skipped — Locket already has this person (same email).');
    await saveScreenshot(options, 'import-summary');
    await panel.bringToFront();
    await showTab(panel, 'People');
    expect(await listedCount(panel, 'People')).toBe(1);
  });

  await test.step('the import writes the valid rows, and the new people are in the list and search', async () => {
    await options.bringToFront();
    await section.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(section.getByRole('status').filter({ hasText: 'Imported' })).toHaveText('Imported 4 records.');
    await panel.bringToFront();
    await expect.poll(() => listedCount(panel, 'People')).toBe(4);
    await typeUntilFound(searchBox(panel), 'hopper', searchResults(panel).getByRole('button', { name: 'Open Grace Hopper' }));
    await searchBox(panel).fill('');
  });

  await test.step('undo removes what the import created and leaves the existing person as she was', async () => {
    await options.bringToFront();
    await section.getByRole('button', { name: 'Undo this import' }).click();
    await expect(section.getByRole('status').filter({ hasText: 'undone' })).toHaveText('Import undone: 4 removed, 0 restored.');
    await expect(section.getByRole('table', { name: 'Recent imports' }).getByRole('row').nth(1).getByRole('cell').nth(3)).toHaveText('Undone');
    await panel.bringToFront();
    await expect.poll(() => listedCount(panel, 'People')).toBe(1);
    await showTab(panel, 'Organisations');
    expect(await listedCount(panel, 'Organisations')).toBe(0);
    await searchBox(panel).fill('hopper');
    await expect(searchResults(panel).getByRole('button', { name: 'Open Grace Hopper' })).toHaveCount(0);
    await searchBox(panel).fill('');
    await openFromList(panel, 'People', 'Ada Lovelace');
    await expect(panel.getByRole('main').getByText('ada@example.com', { exact: true })).toBeVisible();
    await expect(panel.getByRole('list', { name: 'Tags' })).toHaveCount(0);
  });
});

test('an import stays listed after a reload and can be undone from the list', async ({ openSurface, saveScreenshot }) => {
  const { options, panel, section } = await openImportStage(openSurface);
  const recent = section.getByRole('table', { name: 'Recent imports' });

  await test.step('an import is written and shows up in the recent imports', async () => {
    await expect(section.getByText('No imports yet.')).toBeVisible();
    await section.getByLabel('CSV files to import').setInputFiles(fixture('capsule-contacts.csv'));
    await section.getByRole('button', { name: 'Check' }).click();
    await section.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(section.getByRole('status').filter({ hasText: 'Imported' })).toHaveText('Imported 5 records.');
    await expect(recent.getByRole('row')).toHaveCount(2);
    await panel.bringToFront();
    await showTab(panel, 'People');
    await expect.poll(() => listedCount(panel, 'People')).toBe(4);
  });

  await test.step('after a reload the import is still listed, with its counts, and can be undone', async () => {
    await options.bringToFront();
    await options.reload();
    await expect(surfaceElement(options).or(lockedHeading(options))).toBeVisible({ timeout: 15_000 });
    if (await lockedHeading(options).isVisible()) await unlock(options, DEFAULT_OWNER.password);
    await options.getByRole('link', { name: 'Import', exact: true }).click();
    const row = recent.getByRole('row').nth(1);
    await expect(row.getByRole('cell')).toHaveText([/\d/, '5', '0', 'Undo']);
    await row.getByRole('button', { name: /^Undo the import of / }).click();
    const confirm = section.getByRole('alertdialog');
    await expect(confirm).toContainText('removes the 5 records it created');
    await saveScreenshot(options, 'import-recent-undo-confirm');
    await confirm.getByRole('button', { name: 'Undo import', exact: true }).click();
    await expect(section.getByRole('status').filter({ hasText: 'undone' })).toHaveText('Import undone: 5 removed, 0 restored.');
    await expect(row.getByRole('cell').nth(3)).toHaveText('Undone');
    await expect(section.getByRole('alertdialog')).toHaveCount(0);
  });

  await test.step('the imported people and organisation are gone', async () => {
    await panel.bringToFront();
    await expect.poll(() => listedCount(panel, 'People')).toBe(0);
    await showTab(panel, 'Organisations');
    expect(await listedCount(panel, 'Organisations')).toBe(0);
    await searchBox(panel).fill('hopper');
    await expect(searchResults(panel).getByRole('button', { name: 'Open Grace Hopper' })).toHaveCount(0);
  });
});
