import type { BrowserContext, Page } from '@playwright/test';
import { expect, pageErrors, test } from './fixtures';
import {
  DEFAULT_OWNER, POPUP_VIEWPORT, SIDE_PANEL_VIEWPORT, createAccount, createRecord, field, linkedSection, lockedHeading,
  searchBox, searchResults, setupHeading, showTab, surfaceElement, typeUntilFound, unlock, type ListedTab,
} from './ui';

/** Roles a user operates; each needs a name a screen reader can announce. */
const CONTROL_ROLES = new Set([
  'button', 'checkbox', 'combobox', 'link', 'listbox', 'menuitem', 'option', 'radio', 'searchbox',
  'slider', 'spinbutton', 'switch', 'tab', 'textbox', 'PopUpButton',
]);

interface AxNode {
  readonly ignored?: boolean;
  readonly role?: { readonly value?: unknown };
  readonly name?: { readonly value?: unknown };
}

/**
 * The browser's own accessibility tree (shadow roots included), so what is checked is what
 * assistive technology gets. Returns "role" for each control that has no name, and how many
 * controls were seen, so a page that failed to render cannot pass by having none.
 */
const unnamedControls = async (context: BrowserContext, page: Page): Promise<{ unnamed: string[]; seen: number }> => {
  const cdp = await context.newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
    const controls = nodes.filter((node) => !node.ignored && CONTROL_ROLES.has(String(node.role?.value)));
    const unnamed = controls
      .filter((node) => String(node.name?.value ?? '').trim() === '')
      .map((node) => String(node.role?.value));
    return { unnamed, seen: controls.length };
  } finally {
    await cdp.detach();
  }
};

const expectAllNamed = async (context: BrowserContext, page: Page, state: string): Promise<void> => {
  const { unnamed, seen } = await unnamedControls(context, page);
  expect(seen, `${state}: controls found`).toBeGreaterThan(0);
  expect(unnamed, `${state}: controls without an accessible name`).toEqual([]);
};

const NEW_FORMS: readonly (readonly [ListedTab, string])[] = [
  ['People', 'person'], ['Organisations', 'organisation'], ['Cases', 'case'], ['Opportunities', 'opportunity'],
];

test('every control in account setup, the lock screen, the side panel, popup and options page has an accessible name', async ({
  context, openSurface, relaunch, saveScreenshot,
}) => {
  const panel = await openSurface('sidepanel');
  await panel.setViewportSize(SIDE_PANEL_VIEWPORT);
  await expect(setupHeading(panel)).toBeVisible();
  await expectAllNamed(context, panel, 'first-run setup screen');

  await test.step('a weak password is refused on the setup screen, with the reason and the strength shown', async () => {
    await field(panel, 'Your name').fill(DEFAULT_OWNER.name);
    await field(panel, 'Email').fill(DEFAULT_OWNER.email);
    await field(panel, 'Password').fill('password1');
    await expect(panel.getByRole('meter', { name: 'Password strength' })).toBeVisible();
    await panel.getByRole('button', { name: 'Create account', exact: true }).click();
    const password = field(panel, 'Password');
    await expect(password).toHaveAttribute('aria-invalid', 'true');
    await expect(password).toHaveAccessibleDescription(/too common/);
    await panel.getByRole('button', { name: 'Show password' }).click();
    await expect(panel.getByRole('button', { name: 'Show password' })).toHaveAttribute('aria-pressed', 'true');
    await expect(password).toHaveValue('password1');
    await expect(setupHeading(panel)).toBeVisible();
    await expect(surfaceElement(panel)).toHaveCount(0);
    await expectAllNamed(context, panel, 'setup screen with a refused password shown');
    await saveScreenshot(panel, 'setup-weak-password');
  });

  await createAccount(panel);
  await expect(panel.getByRole('main').getByRole('status')).toHaveText('No people yet.');
  await expectAllNamed(context, panel, 'empty side panel');

  await createRecord(panel, 'Organisations', 'organisation', { Name: 'Hooli', Domain: 'hooli.example', Tags: 'tech' });
  await createRecord(panel, 'People', 'person', { 'First name': 'Gavin', 'Last name': 'Belson' },
    [['Organisation', 'Hoo', 'Hooli']]);
  await linkedSection(panel, 'Notes').getByLabel('New note').fill('Met at the conference.');
  await linkedSection(panel, 'Notes').getByRole('button', { name: 'Add note' }).click();
  await expect(linkedSection(panel, 'Notes').getByRole('listitem')).toHaveCount(1);
  await panel.getByRole('button', { name: 'Delete' }).click();
  await expect(panel.getByRole('alertdialog')).toBeVisible();
  await expectAllNamed(context, panel, 'person page with a link, a note and the delete confirmation');

  await panel.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(panel.getByRole('button', { name: 'Remove organisation link' })).toBeVisible();
  await expectAllNamed(context, panel, 'edit form with a linked organisation');
  // Removing the link puts the keyboard back in the search box that replaces it.
  await panel.getByRole('button', { name: 'Remove organisation link' }).click();
  await expect(panel.getByRole('combobox', { name: 'Organisation' })).toBeFocused();

  for (const [tab, noun] of NEW_FORMS) {
    await showTab(panel, tab);
    await panel.getByRole('button', { name: `New ${noun}` }).click();
    await expect(panel.getByRole('form', { name: `New ${noun}` })).toBeVisible();
    await expectAllNamed(context, panel, `new ${noun} form`);
  }
  // The picker's suggestions are options in a listbox.
  await typeUntilFound(panel.getByRole('combobox', { name: 'Party' }), 'hoo', panel.getByRole('option', { name: /Hooli/ }));
  await expectAllNamed(context, panel, 'picker with suggestions open');

  await showTab(panel, 'People');
  await typeUntilFound(searchBox(panel), 'gav', searchResults(panel).getByRole('button', { name: 'Open Gavin Belson' }));
  await expectAllNamed(context, panel, 'list with search results');

  const popup = await openSurface('popup');
  await popup.setViewportSize(POPUP_VIEWPORT);
  await expect(popup.getByRole('region', { name: 'Recent' }).getByRole('button')).toHaveCount(2);
  await expectAllNamed(context, popup, 'popup with recent records');
  await popup.getByRole('radio', { name: 'Organisation' }).check();
  await typeUntilFound(searchBox(popup), 'hool', searchResults(popup).getByRole('button', { name: 'Open Hooli' }));
  await expectAllNamed(context, popup, 'popup quick add organisation and search results');

  const options = await openSurface('options');
  await options.getByLabel('Default currency').fill('12');
  await options.getByRole('button', { name: 'Save settings' }).click();
  await expect(options.getByRole('alert')).toBeVisible();
  await expectAllNamed(context, options, 'options page with an error');

  for (const page of [panel, popup, options]) expect(pageErrors(page)).toEqual([]);

  await test.step('after a browser restart, the lock screen and its refusal of a wrong password', async () => {
    const restarted = await relaunch();
    const locked = await restarted.openSurface('sidepanel');
    await locked.setViewportSize(SIDE_PANEL_VIEWPORT);
    await expect(lockedHeading(locked)).toBeVisible();
    await expectAllNamed(restarted.context, locked, 'lock screen');
    await field(locked, 'Password').fill('violet tundra harbour 24');
    await locked.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect(locked.getByRole('alert')).toHaveText('Wrong password.');
    await expect(surfaceElement(locked)).toHaveCount(0);
    await expectAllNamed(restarted.context, locked, 'lock screen after a wrong password');
    await saveScreenshot(locked, 'lock-screen-wrong-password');
    // A failed unlock holds off the next attempt for a moment; the user is told to wait a second.
    await locked.waitForTimeout(1_000);
    await unlock(locked, DEFAULT_OWNER.password);
    expect(pageErrors(locked)).toEqual([]);
  });
});
