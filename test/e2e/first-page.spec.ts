import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SIDE_PANEL_VIEWPORT, createAccount, createRecord, field, lockedHeading, recordList, showTab, surfaceElement } from './ui';

const FIRST_PAGE_KEY = 'locket:first-page';

/** What storage.session holds under the remembered rows' key, as the pages read it. */
const rememberedRows = (page: Page, key = FIRST_PAGE_KEY) => page.evaluate(async (wanted) => {
  const chrome = (globalThis as unknown as { chrome: { storage: { session: { get: (key: string) => Promise<Record<string, unknown>> } } } }).chrome;
  return chrome.storage.session.get(wanted);
}, key);

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

test('a side panel opened again on Tasks or on the board draws what they showed last before their data is read', async ({ openSurface }) => {
  const first = await openSurface('sidepanel');
  await first.setViewportSize(SIDE_PANEL_VIEWPORT);
  await createAccount(first);
  await createRecord(first, 'Opportunities', 'opportunity', { Name: 'Renewal', Value: '1000', Currency: 'EUR' });
  const base = first.url().replace(/#.*$/, '');
  const open = async (hash: string) => {
    const page = await first.context().newPage();
    await page.setViewportSize(SIDE_PANEL_VIEWPORT);
    await page.goto(base + hash);
    return page;
  };

  const tasks = await open('#tasks');
  await tasks.getByRole('button', { name: 'New task', exact: true }).click();
  const form = tasks.getByRole('form', { name: 'New task' });
  await field(form, 'What is to be done').fill('Call Ada about the renewal');
  await field(form, 'Due date').fill(await tasks.evaluate(() => new Date().toLocaleDateString('sv')));
  await form.getByRole('button', { name: 'Save task' }).click();
  await expect(tasks.getByText('Call Ada about the renewal')).toBeVisible();
  await expect.poll(async () => JSON.stringify(await rememberedRows(tasks, 'locket:first-tasks'))).toContain('"iv"');
  expect(JSON.stringify(await rememberedRows(tasks, 'locket:first-tasks'))).not.toContain('Ada');
  await tasks.close();

  const board = await open('#pipeline');
  await expect(board.locator('.card').filter({ hasText: 'Renewal' })).toBeVisible();
  await expect.poll(async () => JSON.stringify(await rememberedRows(board, 'locket:first-board'))).toContain('"iv"');
  expect(JSON.stringify(await rememberedRows(board, 'locket:first-board'))).not.toContain('Renewal');
  await board.close();

  for (const [hash, firstMark, liveMark, text] of [
    ['#tasks', 'locket:tasks-first-row', 'locket:tasks-live', 'Call Ada about the renewal'],
    ['#pipeline', 'locket:board-first-paint', 'locket:board-live', 'Renewal'],
  ] as const) {
    const again = await open(hash);
    await expect(again.getByText(text, { exact: true }).first()).toBeVisible();
    await expect.poll(async () => Object.keys(await marks(again))).toContain(liveMark);
    const seen = await marks(again);
    // The remembered screen marked the first paint before the live view drew its own.
    expect(seen[firstMark]).toBeLessThan(seen[liveMark] ?? 0);
    await expect(again.locator('#locket-early-paint')).toHaveCount(0);
    await again.close();
  }

  await surfaceElement(first).getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(lockedHeading(first)).toBeVisible();
  expect(await rememberedRows(first, 'locket:first-tasks')).toEqual({});
  expect(await rememberedRows(first, 'locket:first-board')).toEqual({});
  // Locked: a panel opened on Tasks draws nothing remembered.
  const locked = await open('#tasks');
  await expect(lockedHeading(locked)).toBeVisible();
  expect(Object.keys(await marks(locked))).not.toContain('locket:tasks-first-row');
});
