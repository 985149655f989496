import type { BrowserContext, Page } from '@playwright/test';
import { expect, pageErrors, test } from './fixtures';
import {
  POPUP_VIEWPORT, SIDE_PANEL_VIEWPORT, createRecord, linkedSection, searchBox, searchResults, showTab, typeUntilFound,
  type ListedTab,
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

test('every control in the side panel, popup and options page has an accessible name', async ({
  context, openSurface,
}) => {
  const panel = await openSurface('sidepanel');
  await panel.setViewportSize(SIDE_PANEL_VIEWPORT);
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
});
