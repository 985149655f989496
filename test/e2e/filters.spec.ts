import { expectAccessible } from './axe';
import { expect, pageErrors, test } from './fixtures';
import {
  DEFAULT_OWNER, SIDE_PANEL_VIEWPORT, createAccount, createRecord, listedCount, lockedHeading, recordList, showTab, unlock,
} from './ui';

const PEOPLE = [
  { 'First name': 'Ada', 'Last name': 'Lovelace', Tags: 'Customer, VIP', Addresses: '12 Park Row, Leeds, LS1 5HD' },
  { 'First name': 'Bob', 'Last name': 'Brown', Tags: 'Customer', Addresses: '3 Stonegate, York' },
  { 'First name': 'Cy', 'Last name': 'Clark', Tags: 'Partner', Addresses: '9 Briggate, Leeds' },
] as const;

test('filter people by tag and city, see the count, save the list and reopen it after a reload', async ({ openSurface }) => {
  test.setTimeout(120_000);
  const page = await openSurface('sidepanel');
  await page.setViewportSize(SIDE_PANEL_VIEWPORT);
  await createAccount(page);
  for (const person of PEOPLE) await createRecord(page, 'People', 'person', person);
  await showTab(page, 'People');
  await expect.poll(() => listedCount(page, 'People')).toBe(3);

  const main = page.getByRole('main');
  const status = main.getByRole('status');
  const addFilter = async (field: string, condition: string, value: string) => {
    await main.getByRole('button', { name: 'Add filter' }).click();
    await main.getByRole('combobox', { name: 'Field' }).selectOption({ label: field });
    await main.getByRole('combobox', { name: 'Condition' }).selectOption({ label: condition });
    await main.getByRole('textbox', { name: 'Value' }).fill(value);
    await main.getByRole('button', { name: 'Add', exact: true }).click();
  };

  await test.step('filter by tag, then by city as well', async () => {
    await addFilter('Tag', 'has', 'customer');
    await expect(status).toHaveText('2 matching');
    await addFilter('City', 'is', 'Leeds');
    await expect(status).toHaveText('1 matching');
    await expect(recordList(page, 'People').getByRole('button', { name: 'Open Ada Lovelace', exact: true })).toBeVisible();
    await expect(recordList(page, 'People').getByRole('button', { name: /^Open (Bob|Cy)/ })).toHaveCount(0);
    await expectAccessible(page, 'a list with two filters');
  });

  await test.step('removing a filter widens the list again', async () => {
    await main.getByRole('button', { name: 'Remove filter: Tag has customer' }).click();
    await expect(status).toHaveText('2 matching');
    await addFilter('Tag', 'has', 'customer');
    await expect(status).toHaveText('1 matching');
  });

  await test.step('save the list under a name: it shows in the navigation', async () => {
    await main.getByRole('button', { name: 'Save list' }).click();
    await main.getByRole('textbox', { name: 'List name' }).fill('Leeds customers');
    await main.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('navigation', { name: 'Lists' }).getByRole('button', { name: 'Leeds customers' })).toHaveAttribute('aria-current', 'page');
  });

  await test.step('after a reload the saved list opens from the navigation with its filters', async () => {
    await page.reload();
    if (await lockedHeading(page).isVisible()) await unlock(page, DEFAULT_OWNER.password);
    await expect.poll(() => listedCount(page, 'People')).toBe(3);
    await page.getByRole('navigation', { name: 'Lists' }).getByRole('button', { name: 'Leeds customers' }).click();
    await expect(status).toHaveText('1 matching');
    await expect(main.getByRole('listitem').filter({ hasText: 'Tag has customer' })).toBeVisible();
    await expect(main.getByRole('listitem').filter({ hasText: 'City is Leeds' })).toBeVisible();
    await expect(recordList(page, 'People').getByRole('button', { name: 'Open Ada Lovelace', exact: true })).toBeVisible();
  });

  await test.step('a built-in list opens the same way', async () => {
    await page.getByRole('navigation', { name: 'Lists' }).getByRole('button', { name: 'Added this week' }).click();
    await expect(status).toHaveText('3 matching');
  });

  expect(pageErrors(page)).toEqual([]);
});
