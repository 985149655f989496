import type { Locator, Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { SIDE_PANEL_VIEWPORT, createAccount, createRecord, expectFieldError, openFromList } from './ui';

/** A milestone's column on the board: a region named by its heading. */
const column = (page: Page, milestone: string): Locator => page.getByRole('region', { name: milestone, exact: true });
const openBoard = async (page: Page): Promise<void> => {
  await page.getByRole('button', { name: 'Pipeline', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Pipeline', exact: true })).toBeVisible();
};

test('the pipeline board shows opportunities by milestone; a card dragged to another column moves, with both totals, and stays there', async ({
  openSurface, saveScreenshot,
}) => {
  const page = await openSurface('sidepanel');
  await page.setViewportSize(SIDE_PANEL_VIEWPORT);
  await createAccount(page);

  await test.step('three opportunities', async () => {
    for (const [name, value] of [['Renewal', '1000'], ['Upsell', '250'], ['Pilot', '400']] as const) {
      await createRecord(page, 'Opportunities', 'opportunity', { Name: name, Value: value, Currency: 'EUR' });
    }
  });

  await test.step('the board shows them in New, with the count and the total', async () => {
    await openBoard(page);
    await expect(column(page, 'New')).toContainText('3 opportunities · €1,650.00');
    await expect(column(page, 'Qualified')).toContainText('0 opportunities');
    await saveScreenshot(page, 'pipeline-board');
    await expectAccessible(page, 'the pipeline board');
  });

  await test.step('dragging Renewal to Qualified moves it, and both columns’ totals change', async () => {
    const card = column(page, 'New').getByRole('listitem').filter({ hasText: 'Renewal' });
    // Picked up by its edge, as a hand would, rather than by the menu in its middle.
    await card.dragTo(column(page, 'Qualified'), { sourcePosition: { x: 3, y: 3 } });
    await expect(column(page, 'Qualified')).toContainText('1 opportunity · €1,000.00');
    await expect(column(page, 'New')).toContainText('2 opportunities · €650.00');
    await expect(column(page, 'Qualified').getByRole('listitem')).toContainText('Renewal');
  });

  await test.step('the keyboard’s way: “Move to…” takes Pilot to Negotiation', async () => {
    await page.getByRole('combobox', { name: 'Move Pilot to…' }).selectOption({ label: 'Negotiation' });
    await expect(column(page, 'Negotiation')).toContainText('1 opportunity · €400.00');
  });

  await test.step('after a reload the cards are where they were moved', async () => {
    await page.reload();
    await openBoard(page);
    await expect(column(page, 'Qualified')).toContainText('1 opportunity · €1,000.00');
    await expect(column(page, 'Qualified').getByRole('listitem')).toContainText('Renewal');
    await expect(column(page, 'New')).toContainText('1 opportunity · €250.00');
    await expect(column(page, 'Negotiation')).toContainText('1 opportunity · €400.00');
  });

  await test.step('the board’s filter saved as a list: it is in the navigation, and opening it opens the board filtered', async () => {
    await page.getByRole('button', { name: 'Add filter' }).click();
    await page.getByRole('combobox', { name: 'Field' }).selectOption({ label: 'Milestone' });
    await page.getByRole('combobox', { name: 'Value' }).selectOption({ label: 'Qualified' });
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(column(page, 'New')).toContainText('0 opportunities');
    await page.getByRole('button', { name: 'Save list' }).click();
    await page.getByRole('textbox', { name: 'List name' }).fill('Qualified deals');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const lists = page.getByRole('navigation', { name: 'Lists' });
    await expect(lists.getByRole('button', { name: 'Qualified deals' })).toHaveAttribute('aria-current', 'page');

    // The board itself, its filter cleared; then the people's list, and the saved list again.
    await page.getByRole('button', { name: 'Pipeline', exact: true }).click();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(column(page, 'New')).toContainText('1 opportunity · €250.00');
    await page.getByRole('tab', { name: 'People' }).click();
    await lists.getByRole('button', { name: 'Qualified deals' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Pipeline', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Remove filter: Milestone is Qualified' })).toBeVisible();
    await expect(column(page, 'Qualified')).toContainText('1 opportunity · €1,000.00');
    await expect(column(page, 'New')).toContainText('0 opportunities');
  });
});

test('marking an opportunity lost in its form asks for one of the owner’s lost reasons, saves it and shows it', async ({ openSurface }) => {
  const options = await openSurface('options');
  await options.setViewportSize({ width: 1100, height: 900 });
  await createAccount(options);

  await test.step('the owner keeps two lost reasons (options → Pipeline)', async () => {
    await options.getByRole('link', { name: 'Pipeline', exact: true }).click();
    const section = options.getByRole('region', { name: 'Pipeline', exact: true });
    for (const reason of ['Price', 'Timing']) {
      await section.getByRole('textbox', { name: 'New lost reason' }).fill(reason);
      await section.getByRole('button', { name: 'Add reason' }).click();
    }
    await section.getByRole('button', { name: 'Save pipeline' }).click();
    await expect(section.getByRole('status')).toHaveText('Pipeline saved.');
  });

  const page = await openSurface('sidepanel');
  await page.setViewportSize(SIDE_PANEL_VIEWPORT);
  await createRecord(page, 'Opportunities', 'opportunity', { Name: 'Renewal', Value: '1000', Currency: 'EUR' });

  await test.step('status lost asks why, and refuses to save without a reason', async () => {
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const form = page.getByRole('form', { name: 'Edit opportunity' });
    await expect(form.getByLabel('Lost reason')).toHaveCount(0);
    await form.getByLabel('Status', { exact: true }).selectOption('lost');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expectFieldError(form, 'Lost reason', 'Choose why it was lost.');
    await form.getByLabel('Lost reason').selectOption('Timing');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect(form).toHaveCount(0);
  });

  await test.step('the record shows the reason, also after a reload, and the board no longer shows the card', async () => {
    await expect(page.getByText('Lost reason', { exact: true })).toBeVisible();
    await expect(page.getByText('Timing', { exact: true })).toBeVisible();
    await page.reload();
    await openFromList(page, 'Opportunities', 'Renewal');
    await expect(page.getByText('Timing', { exact: true })).toBeVisible();
    await openBoard(page);
    await expect(column(page, 'New')).toContainText('0 opportunities');
  });
});
