import type { Locator, Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { SIDE_PANEL_VIEWPORT, createAccount, createRecord } from './ui';

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
});
