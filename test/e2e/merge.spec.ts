import type { Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { expect, pageErrors, test } from './fixtures';
import {
  SIDE_PANEL_VIEWPORT, createAccount, createRecord, linkedSection, listedCount, openTrash, recordRow, showTab, trashList,
} from './ui';

const ANNA = 'Anna Schmidt';
const FAIR = 'Met at the trade fair.';
const SHOES = 'Called about the shoe order.';

const addNote = async (page: Page, text: string): Promise<void> => {
  const notes = linkedSection(page, 'Notes');
  await notes.getByLabel('New note').fill(text);
  await notes.getByRole('button', { name: 'Add note' }).click();
  await expect(notes.getByRole('listitem').filter({ hasText: text })).toBeVisible();
};

test('two Annas are found as duplicates, merged with every note on the one kept, the other in the trash, and the merge undone', async ({
  openSurface, saveScreenshot,
}) => {
  test.setTimeout(120_000);
  const page = await openSurface('sidepanel');
  await page.setViewportSize(SIDE_PANEL_VIEWPORT);
  await createAccount(page);

  await test.step('two people named Anna Schmidt, each with a note', async () => {
    await createRecord(page, 'People', 'person', { 'First name': 'Anna', 'Last name': 'Schmidt', Emails: 'anna@example.com' });
    await addNote(page, FAIR);
    await createRecord(page, 'People', 'person', { 'First name': 'Anna', 'Last name': 'Schmidt', 'Job title': 'Buyer' });
    await addNote(page, SHOES);
    await showTab(page, 'People');
    expect(await listedCount(page, 'People')).toBe(2);
  });

  await test.step('the Duplicates view proposes the pair, and the compare view shows them side by side', async () => {
    await page.getByRole('button', { name: 'Duplicates', exact: true }).click();
    const pairs = page.getByRole('list', { name: 'Possible duplicate pairs' });
    await expect(pairs.getByRole('listitem')).toHaveCount(1);
    await expect(pairs).toContainText('Same name');
    await expectAccessible(page, 'the Duplicates view');
    await pairs.getByRole('button', { name: `Compare and merge ${ANNA} and ${ANNA}` }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Compare and merge' })).toBeVisible();
    await expect(page.getByRole('table')).toContainText('anna@example.com');
    await saveScreenshot(page, 'merge-compare');
    await expectAccessible(page, 'the compare and merge view');
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: `${ANNA} was merged into ${ANNA}.` })).toBeVisible();
  });

  await test.step('every note is on the one kept, with a note saying it was merged', async () => {
    await page.getByRole('button', { name: `Open ${ANNA}`, exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: ANNA, exact: true })).toBeVisible();
    const notes = linkedSection(page, 'Notes').getByRole('listitem');
    await expect(notes.filter({ hasText: FAIR })).toBeVisible();
    await expect(notes.filter({ hasText: SHOES })).toBeVisible();
    await expect(notes.filter({ hasText: `Merged from ${ANNA} on` })).toBeVisible();
    await expect(page.getByText('Buyer', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Back', exact: true }).click();
  });

  await test.step('the other Anna is in the trash, alone: her note moved', async () => {
    await openTrash(page);
    const rows = trashList(page).getByRole('listitem');
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText(ANNA);
    await expect(rows).not.toContainText('note');
    await page.getByRole('button', { name: 'Back', exact: true }).click();
  });

  await test.step('undo brings the other Anna back with her note, and the pair is proposed again', async () => {
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: `Undone: ${ANNA} is back.` })).toBeVisible();
    await page.getByRole('button', { name: `Open ${ANNA}`, exact: true }).click();
    const notes = linkedSection(page, 'Notes').getByRole('listitem');
    await expect(notes.filter({ hasText: SHOES })).toBeVisible();
    await expect(notes).toHaveCount(1);
    await showTab(page, 'People');
    expect(await listedCount(page, 'People')).toBe(2);
    await page.getByRole('button', { name: 'Duplicates', exact: true }).click();
    await expect(page.getByRole('list', { name: 'Possible duplicate pairs' }).getByRole('listitem')).toHaveCount(1);
  });

  await test.step('"Not duplicates" is remembered', async () => {
    await page.getByRole('button', { name: `${ANNA} and ${ANNA} are not duplicates` }).click();
    await expect(page.getByText('No likely duplicates among people.')).toBeVisible();
    await showTab(page, 'People');
    await page.getByRole('button', { name: 'Duplicates', exact: true }).click();
    await expect(page.getByText('No likely duplicates among people.')).toBeVisible();
  });

  await test.step('a person converts into an organisation with their note', async () => {
    await showTab(page, 'People');
    await recordRow(page, 'People', ANNA).filter({ hasText: 'Buyer' }).getByRole('button', { name: `Open ${ANNA}`, exact: true }).click();
    await page.getByRole('button', { name: 'Convert to an organisation' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Convert', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: `${ANNA} is now an organisation.` })).toBeVisible();
    await page.getByRole('button', { name: `Open ${ANNA}`, exact: true }).click();
    await expect(page.getByText('Organisation', { exact: true }).first()).toBeVisible();
    await expect(linkedSection(page, 'Notes').getByRole('listitem').filter({ hasText: 'Converted from a person on' })).toBeVisible();
    await showTab(page, 'Organisations');
    expect(await listedCount(page, 'Organisations')).toBe(1);
    await showTab(page, 'People');
    expect(await listedCount(page, 'People')).toBe(1);
  });

  expect(pageErrors(page)).toEqual([]);
});
