import type { Locator, Page } from '@playwright/test';
import { expect, pageErrors, test } from './fixtures';
import {
  DEFAULT_OWNER, SIDE_PANEL_VIEWPORT, createAccount, createRecord, linkedSection, listedCount, moveToTrash,
  openFromList, openTrash, recordList, showTab, trashList,
} from './ui';

const PERSON = 'Ada Lovelace';
const NOTE = 'Asked for the Q3 quote.';
const EMPTY_TRASH = 'The trash is empty. Deleted records wait here for 30 days.';

const trashRow = (page: Page, title: string): Locator =>
  trashList(page).getByRole('listitem').filter({ has: page.getByText(title, { exact: true }) });
const confirmation = (page: Page): Locator => page.getByRole('alertdialog');

test('the trash shows who deleted what and how long it stays, restores it with its note, and deletes for good only when confirmed', async ({
  openSurface, saveScreenshot,
}) => {
  const page = await openSurface('sidepanel');
  await page.setViewportSize(SIDE_PANEL_VIEWPORT);
  await createAccount(page);

  await test.step('an empty trash says so', async () => {
    await openTrash(page);
    await expect(page.getByText(EMPTY_TRASH)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Empty trash' })).toHaveCount(0);
  });

  await test.step('a deleted person waits in the trash with their note', async () => {
    await createRecord(page, 'People', 'person', { 'First name': 'Ada', 'Last name': 'Lovelace', 'Job title': 'Engineer' });
    const notes = linkedSection(page, 'Notes');
    await notes.getByLabel('New note').fill(NOTE);
    await notes.getByRole('button', { name: 'Add note' }).click();
    await expect(notes.getByRole('listitem').filter({ hasText: NOTE })).toBeVisible();
    await moveToTrash(page);

    await openTrash(page);
    const row = trashRow(page, PERSON);
    await expect(row).toContainText('Person with 1 note');
    await expect(row).toContainText(`Deleted by ${DEFAULT_OWNER.name} on`);
    await expect(row).toContainText('30 days left');
    // The note went with its person: it is counted on the row, not listed apart.
    await expect(trashList(page).getByRole('listitem')).toHaveCount(1);
    await saveScreenshot(page, 'trash-list');
  });

  await test.step('restoring brings the person back to their list with the note', async () => {
    await trashRow(page, PERSON).getByRole('button', { name: `Restore ${PERSON}`, exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: `${PERSON} is back in People.` })).toBeVisible();
    await expect(page.getByText(EMPTY_TRASH)).toBeVisible();
    await openFromList(page, 'People', PERSON);
    await expect(linkedSection(page, 'Notes').getByRole('listitem').filter({ hasText: NOTE })).toBeVisible();
  });

  await test.step('delete forever asks first; Cancel keeps the record', async () => {
    await moveToTrash(page);
    await openTrash(page);
    const deleteButton = trashRow(page, PERSON).getByRole('button', { name: `Delete ${PERSON} forever`, exact: true });
    await deleteButton.click();
    await expect(confirmation(page)).toHaveAccessibleName(`Delete ${PERSON} forever?`);
    await expect(confirmation(page)).toContainText('This cannot be undone.');
    await expect(confirmation(page).getByRole('button', { name: 'Cancel' })).toBeFocused();
    await saveScreenshot(page, 'trash-confirm-delete-forever');
    await confirmation(page).getByRole('button', { name: 'Cancel' }).click();
    await expect(confirmation(page)).toHaveCount(0);
    await expect(deleteButton).toBeFocused();
    await expect(trashRow(page, PERSON)).toBeVisible();
  });

  await test.step('confirmed, delete forever removes the person from the trash and every list', async () => {
    await trashRow(page, PERSON).getByRole('button', { name: `Delete ${PERSON} forever`, exact: true }).click();
    await confirmation(page).getByRole('button', { name: 'Delete forever', exact: true }).click();
    await expect(page.getByText(EMPTY_TRASH)).toBeVisible();
    await showTab(page, 'People');
    expect(await listedCount(page, 'People')).toBe(0);
  });

  await test.step('Empty trash, confirmed, purges everything in it', async () => {
    await createRecord(page, 'Organisations', 'organisation', { Name: 'Northwind Traders' });
    await moveToTrash(page);
    await createRecord(page, 'Cases', 'case', { Name: 'Billing dispute' });
    await moveToTrash(page);
    await openTrash(page);
    await expect(trashList(page).getByRole('listitem')).toHaveCount(2);
    // Most recently deleted first.
    await expect(trashList(page).getByRole('listitem').first()).toContainText('Billing dispute');
    await page.getByRole('button', { name: 'Empty trash', exact: true }).click();
    await expect(confirmation(page)).toHaveAccessibleName('Empty the trash?');
    await expect(confirmation(page)).toContainText('2 records');
    await expect(confirmation(page)).toContainText('This cannot be undone.');
    await saveScreenshot(page, 'trash-confirm-empty');
    await confirmation(page).getByRole('button', { name: 'Delete forever', exact: true }).click();
    await expect(page.getByText(EMPTY_TRASH)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Empty trash' })).toHaveCount(0);
    await showTab(page, 'Organisations');
    expect(await listedCount(page, 'Organisations')).toBe(0);
    await showTab(page, 'Cases');
    await expect(recordList(page, 'Cases')).toHaveCount(0);
    expect(await listedCount(page, 'Cases')).toBe(0);
  });

  expect(pageErrors(page)).toEqual([]);
});
