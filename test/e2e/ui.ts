import type { Locator, Page } from '@playwright/test';
import { expect, type Surface } from './fixtures';

/**
 * What a user does in Locket's pages, by role and accessible name only. Playwright's role
 * queries pierce the elements' shadow roots, so nothing here knows their internals.
 */

/** The width Chromium gives a side panel by default, so screenshots show what a user sees. */
export const SIDE_PANEL_VIEWPORT = { width: 400, height: 860 } as const;
export const POPUP_VIEWPORT = { width: 380, height: 600 } as const;

export type ListedTab = 'People' | 'Organisations' | 'Cases' | 'Opportunities';

/** Field label → text typed into it. */
export type Fields = Readonly<Record<string, string>>;

/** A field by its exact label: "Name" must not also find "First name". */
export const field = (scope: Page | Locator, label: string): Locator =>
  scope.getByLabel(label, { exact: true });

export const showTab = async (page: Page, tab: ListedTab): Promise<void> => {
  await page.getByRole('tab', { name: tab }).click();
  await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
};

/** The list of one kind in the side panel. */
export const recordList = (page: Page, tab: ListedTab): Locator => page.getByRole('list', { name: tab, exact: true });

/** One row of a list: the record's "Open …" button and, beside it, its details. */
export const recordRow = (page: Page, tab: ListedTab, title: string): Locator =>
  recordList(page, tab).getByRole('listitem').filter({ has: page.getByRole('button', { name: `Open ${title}`, exact: true }) });

/** The "N people" line above a list, or "No people yet.", as a number. */
export const listedCount = async (page: Page, tab: ListedTab): Promise<number> => {
  await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
  const status = page.getByRole('main').getByRole('status');
  // The list paints its first rows before it counts them all: the count follows.
  await expect(status).not.toHaveText(/Loading|Counting/);
  const text = (await status.textContent()) ?? '';
  if (/^No /.test(text.trim())) return 0;
  const count = /^([\d,]+) /.exec(text.trim());
  if (!count?.[1]) throw new Error(`Not a list count: "${text}"`);
  return Number(count[1].replace(/,/g, ''));
};

export const fillFields = async (scope: Page | Locator, fields: Fields): Promise<void> => {
  for (const [label, text] of Object.entries(fields)) await field(scope, label).fill(text);
};

/**
 * Types into a search box until the wanted hit shows. The index catches up with a write a
 * moment after it commits, so a user who typed a little too early would simply type again.
 */
export const typeUntilFound = async (box: Locator, text: string, hit: Locator): Promise<void> => {
  await expect(async () => {
    await box.fill('');
    await box.fill(text);
    await expect(hit).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
};

/** Links a record in a picker ("Organisation", "Concerns", "Party") by typing part of its name. */
export const pickRecord = async (page: Page, picker: string, typed: string, title: string): Promise<void> => {
  const box = page.getByRole('combobox', { name: picker, exact: true });
  const option = page.getByRole('option', { name: new RegExp(`^${escapeRegExp(title)}\\b`) });
  await typeUntilFound(box, typed, option);
  await option.click();
  await expect(page.getByRole('button', { name: `Remove ${picker.toLowerCase()} link` })).toBeVisible();
};

/** Creates a record from its list's "New …" button; ends on the new record's page. */
export const createRecord = async (
  page: Page,
  tab: ListedTab,
  noun: string,
  fields: Fields,
  links: readonly (readonly [picker: string, typed: string, title: string])[] = [],
): Promise<void> => {
  await showTab(page, tab);
  await page.getByRole('button', { name: `New ${noun}` }).click();
  const form = page.getByRole('form', { name: `New ${noun}` });
  await fillFields(form, fields);
  for (const [picker, typed, title] of links) await pickRecord(page, picker, typed, title);
  await form.getByRole('button', { name: `Add ${noun}` }).click();
  await expect(page.getByRole('button', { name: 'Edit', exact: true })).toBeVisible();
};

/** Opens a record from its kind's list. */
export const openFromList = async (page: Page, tab: ListedTab, title: string): Promise<void> => {
  await showTab(page, tab);
  await recordList(page, tab).getByRole('button', { name: `Open ${title}`, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: title, exact: true })).toBeVisible();
};

export const searchBox = (page: Page): Locator => page.getByRole('searchbox', { name: 'Search records' });
export const searchResults = (page: Page): Locator => page.getByRole('list', { name: 'Search results' });

/** A section of a record's page that lists linked records ("People", "Cases", "Concerns"…). */
export const linkedSection = (page: Page, heading: string): Locator =>
  page.getByRole('region', { name: heading, exact: true });

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The field is marked invalid and its description (what a screen reader reads with it) carries the message. */
export const expectFieldError = async (scope: Locator, label: string, message: string): Promise<void> => {
  const control = field(scope, label);
  await expect(control).toHaveAttribute('aria-invalid', 'true');
  await expect(control).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)));
  await expect(scope.getByRole('alert').filter({ hasText: message })).toBeVisible();
};

export const expectNoFieldError = async (scope: Locator, label: string): Promise<void> => {
  await expect(field(scope, label)).toHaveAttribute('aria-invalid', 'false');
};

/** Whom the specs create the account for, unless a spec needs someone else. */
export interface Owner {
  readonly name: string;
  readonly email: string;
  readonly password: string;
}

export const DEFAULT_OWNER: Owner = {
  name: 'Maria Schmidt',
  email: 'maria.schmidt@example.com',
  password: 'violet tundra harbour 42',
};

/** The element each page shows once unlocked, behind its `<locket-gate>`. */
export const SURFACE_ELEMENT = {
  popup: 'locket-popup',
  sidepanel: 'locket-workspace',
  options: 'locket-options',
} as const satisfies Readonly<Record<Surface, string>>;

/** The surface element of the page, found by the page's file name (popup.html → locket-popup). */
export const surfaceElement = (page: Page): Locator => {
  const file = /\/(\w+)\.html$/.exec(new URL(page.url()).pathname)?.[1] ?? '';
  if (!isSurface(file)) throw new Error(`Not one of Locket's pages: ${page.url()}`);
  return page.locator('locket-gate').locator(SURFACE_ELEMENT[file]);
};

const isSurface = (name: string): name is Surface => Object.hasOwn(SURFACE_ELEMENT, name);

/** The first-run screen, by its heading. */
export const setupHeading = (page: Page): Locator => page.getByRole('heading', { name: 'Set up Locket', exact: true });
/** The lock screen, by its heading. */
export const lockedHeading = (page: Page): Locator => page.getByRole('heading', { name: 'Locket is locked', exact: true });

const expectSurfaceShown = async (page: Page): Promise<void> => {
  await expect(surfaceElement(page)).toBeVisible({ timeout: 15_000 });
  await expect(setupHeading(page)).toHaveCount(0);
  await expect(lockedHeading(page)).toHaveCount(0);
};

/** Fills the first-run form and waits until the page shows its surface, unlocked. */
export const createAccount = async (page: Page, owner: Owner = DEFAULT_OWNER): Promise<void> => {
  await expect(setupHeading(page)).toBeVisible();
  await field(page, 'Your name').fill(owner.name);
  await field(page, 'Email').fill(owner.email);
  await field(page, 'Password').fill(owner.password);
  await page.getByRole('button', { name: 'Create account', exact: true }).click();
  await expectSurfaceShown(page);
};

/** Fills the lock screen and waits until the page shows its surface again. */
export const unlock = async (page: Page, password: string): Promise<void> => {
  await expect(lockedHeading(page)).toBeVisible();
  await field(page, 'Password').fill(password);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expectSurfaceShown(page);
};

/** Moves the record whose page is open to the trash, the way the detail page offers it. */
export const moveToTrash = async (page: Page): Promise<void> => {
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('alertdialog', { name: 'Confirm delete' }).getByRole('button', { name: 'Move to trash' }).click();
  await expect(page.getByRole('button', { name: 'Edit', exact: true })).toHaveCount(0);
};

/** Opens the side panel's trash view from its header. */
export const openTrash = async (page: Page): Promise<void> => {
  await page.getByRole('banner').getByRole('button', { name: 'Trash', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Trash', exact: true })).toBeVisible();
};

export const trashList = (page: Page): Locator => page.getByRole('list', { name: 'Trashed records', exact: true });
