import { expect, pageErrors, test } from './fixtures';
import { expectVisibleFocus, retype, tabTo } from './keyboard';
import {
  DEFAULT_OWNER, SIDE_PANEL_VIEWPORT, field, linkedSection, recordList, searchBox, searchResults, setupHeading, surfaceElement,
  trashList,
} from './ui';

/**
 * The whole of a day's work without a mouse: every step is a key press, and at every stop on
 * the way the focus can be seen and is never dropped to the page.
 */
test('setup, add, search, open, edit, delete and restore a person with the keyboard alone', async ({ openSurface }) => {
  test.setTimeout(180_000);
  const page = await openSurface('sidepanel');
  await page.setViewportSize(SIDE_PANEL_VIEWPORT);
  const { keyboard } = page;

  await test.step('set up the account', async () => {
    await expect(setupHeading(page)).toBeVisible();
    await tabTo(page, field(page, 'Your name'));
    await keyboard.type(DEFAULT_OWNER.name);
    await tabTo(page, field(page, 'Email'));
    await keyboard.type(DEFAULT_OWNER.email);
    await tabTo(page, field(page, 'Password'));
    await keyboard.type(DEFAULT_OWNER.password);
    await tabTo(page, page.getByRole('button', { name: 'Create account', exact: true }));
    await keyboard.press('Enter');
    await expect(surfaceElement(page)).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('main').getByRole('status')).toHaveText('No people yet.');
  });

  await test.step('add a person', async () => {
    await tabTo(page, page.getByRole('button', { name: 'New person' }));
    await keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'New person' });
    await tabTo(page, field(form, 'First name'));
    await keyboard.type('Ada');
    await tabTo(page, field(form, 'Last name'));
    await keyboard.type('Lovelace');
    await tabTo(page, field(form, 'Job title'));
    await keyboard.type('Engineer');
    await tabTo(page, form.getByRole('button', { name: 'Add person' }));
    await keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'Ada Lovelace', exact: true })).toBeVisible();
    await expectVisibleFocus(page);
  });

  await test.step('back to the list, search, and open the person found', async () => {
    await tabTo(page, page.getByRole('button', { name: 'Back', exact: true }), { backwards: true });
    await keyboard.press('Enter');
    await expect(recordList(page, 'People').getByRole('button', { name: 'Open Ada Lovelace' })).toBeVisible();
    await expectVisibleFocus(page);
    await tabTo(page, searchBox(page), { backwards: true });
    await keyboard.type('lovelace');
    const hit = searchResults(page).getByRole('button', { name: 'Open Ada Lovelace' });
    await expect(hit).toBeVisible({ timeout: 10_000 });
    await tabTo(page, hit);
    await keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'Ada Lovelace', exact: true })).toBeVisible();
    await expectVisibleFocus(page);
  });

  await test.step('edit the job title', async () => {
    await tabTo(page, page.getByRole('button', { name: 'Edit', exact: true }));
    await keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'Edit person' });
    await tabTo(page, field(form, 'Job title'));
    await retype(page, 'Mathematician');
    await tabTo(page, form.getByRole('button', { name: 'Save changes' }));
    await keyboard.press('Enter');
    await expect(page.getByRole('main').getByText('Mathematician', { exact: true })).toBeVisible();
    await expectVisibleFocus(page);
  });

  await test.step('delete, confirming in the dialog', async () => {
    await tabTo(page, page.getByRole('button', { name: 'Delete', exact: true }));
    await keyboard.press('Enter');
    const confirm = page.getByRole('alertdialog', { name: 'Confirm delete' });
    // The confirmation opens on its safe answer; the other is one step back.
    await expect(confirm.getByRole('button', { name: 'Keep' })).toBeFocused();
    await tabTo(page, confirm.getByRole('button', { name: 'Move to trash' }), { backwards: true });
    await keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Edit', exact: true })).toHaveCount(0);
    await expectVisibleFocus(page);
  });

  await test.step('restore from the trash, and find the person back in the list', async () => {
    await tabTo(page, page.getByRole('banner').getByRole('button', { name: 'Trash', exact: true }), { backwards: true });
    await keyboard.press('Enter');
    const restore = trashList(page).getByRole('button', { name: 'Restore Ada Lovelace', exact: true });
    await tabTo(page, restore);
    await keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Ada Lovelace is back in People.' })).toBeVisible();
    await expectVisibleFocus(page);
    await tabTo(page, page.getByRole('tab', { name: 'People' }), { backwards: true });
    await keyboard.press('Enter');
    const row = recordList(page, 'People').getByRole('button', { name: 'Open Ada Lovelace', exact: true });
    await tabTo(page, row);
    await keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'Ada Lovelace', exact: true })).toBeVisible();
    await expect(linkedSection(page, 'Notes')).toBeVisible();
    await expect(page.getByRole('main').getByText('Mathematician', { exact: true })).toBeVisible();
  });
  expect(pageErrors(page)).toEqual([]);
});
