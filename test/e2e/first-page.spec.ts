import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SIDE_PANEL_VIEWPORT, createAccount, createRecord, lockedHeading, recordList, showTab, surfaceElement } from './ui';

const FIRST_PAGE_KEY = 'locket:first-page';

/** What storage.session holds under the remembered rows' key, as the pages read it. */
const rememberedRows = (page: Page) => page.evaluate(async (key) => {
  const chrome = (globalThis as unknown as { chrome: { storage: { session: { get: (key: string) => Promise<Record<string, unknown>> } } } }).chrome;
  return chrome.storage.session.get(key);
}, FIRST_PAGE_KEY);

/** The `locket:*` marks a page set, by name: which rows were drawn first. */
const marks = (page: Page) => page.evaluate(() => Object.fromEntries(
  performance.getEntriesByType('mark').filter((mark) => mark.name.startsWith('locket:')).map((mark) => [mark.name, mark.startTime]),
));

test('a side panel opened again while unlocked draws the people it listed before its database is read, and nothing once locked', async ({ openSurface }) => {
  const first = await openSurface('sidepanel');
  await first.setViewportSize(SIDE_PANEL_VIEWPORT);
  await createAccount(first);
  await createRecord(first, 'People', 'person', { 'First name': 'Ada', 'Last name': 'Lovelace', 'Job title': 'Engineer' });
  await showTab(first, 'People');
  await expect(recordList(first, 'People').getByRole('button', { name: 'Open Ada Lovelace', exact: true })).toBeVisible();
  // Kept sealed: no word of the row in the clear.
  await expect.poll(async () => JSON.stringify(await rememberedRows(first))).toContain('"iv"');
  expect(JSON.stringify(await rememberedRows(first))).not.toContain('Lovelace');
  await first.close();

  const again = await openSurface('sidepanel');
  await again.setViewportSize(SIDE_PANEL_VIEWPORT);
  await expect(recordList(again, 'People').getByRole('button', { name: 'Open Ada Lovelace', exact: true })).toBeVisible();
  await expect.poll(async () => Object.keys(await marks(again))).toContain('locket:list-row');
  const seen = await marks(again);
  // The remembered rows marked the first row before the live list drew its own.
  expect(seen['locket:first-row']).toBeLessThan(seen['locket:list-row'] ?? 0);

  // A side panel opened on Tasks shows no remembered people on its way there.
  const onTasks = await again.context().newPage();
  await onTasks.setViewportSize(SIDE_PANEL_VIEWPORT);
  await onTasks.goto(again.url().replace(/#.*$/, '') + '#tasks');
  await expect(onTasks.getByRole('heading', { name: 'Tasks', level: 2 })).toBeVisible();
  expect(Object.keys(await marks(onTasks))).not.toContain('locket:first-row');
  await onTasks.close();

  await surfaceElement(again).getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(lockedHeading(again)).toBeVisible();
  expect(await rememberedRows(again)).toEqual({});
});
