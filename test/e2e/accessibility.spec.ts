import type { Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { expectAccessible } from './axe';
import { pressToolbarButton } from './capture-helpers';
import { captureTest } from './capture-test';
import { expect, pageErrors, test } from './fixtures';
import { syncSection } from './sync-helpers';
import {
  DEFAULT_OWNER, POPUP_VIEWPORT, SIDE_PANEL_VIEWPORT, createAccount, createRecord, field, linkedSection, lockedHeading,
  moveToTrash, openTrash, searchBox, searchResults, setupHeading, showTab, surfaceElement, trashList, typeUntilFound, unlock,
  type ListedTab,
} from './ui';

/**
 * axe (WCAG 2.1 A and AA) over every surface and state the other end-to-end tests reach, in
 * the light and the dark colour scheme: setup, lock, lists, record pages, forms with their
 * errors, the trash, every section of the options page, the import wizard, the capture form
 * and the sync section. One walk per surface keeps it quick; `expectAccessible` reports every
 * state's findings at the end instead of stopping at the first.
 */

/** The new-record forms with the most kinds of field (every kind shares one form element). */
const NEW_FORMS: readonly (readonly [ListedTab, string])[] = [['People', 'person'], ['Opportunities', 'opportunity']];

const importFixture = (name: string): string => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));

test('the side panel\'s setup, lists, record pages and forms have no serious accessibility problems', async ({ openSurface }) => {
  test.setTimeout(300_000);
  const panel = await openSurface('sidepanel');
  await panel.setViewportSize(SIDE_PANEL_VIEWPORT);

  await test.step('first-run setup, empty and with a refused password', async () => {
    await expect(setupHeading(panel)).toBeVisible();
    await expectAccessible(panel, 'setup screen');
    await field(panel, 'Your name').fill(DEFAULT_OWNER.name);
    await field(panel, 'Email').fill(DEFAULT_OWNER.email);
    await field(panel, 'Password').fill('password1');
    await panel.getByRole('button', { name: 'Create account', exact: true }).click();
    await expect(field(panel, 'Password')).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(panel, 'setup screen with errors');
    await panel.reload();
    await createAccount(panel);
    await expect(panel.getByRole('main').getByRole('status')).toHaveText('No people yet.');
    await expectAccessible(panel, 'empty list');
  });

  await test.step('lists, a record page with a link and a note, and its delete confirmation', async () => {
    await createRecord(panel, 'Organisations', 'organisation', { Name: 'Hooli', Domain: 'hooli.example', Tags: 'tech' });
    await createRecord(panel, 'People', 'person', { 'First name': 'Gavin', 'Last name': 'Belson', Emails: 'gavin@hooli.example' },
      [['Organisation', 'Hoo', 'Hooli']]);
    await linkedSection(panel, 'Notes').getByLabel('New note').fill('Met at the conference.');
    await linkedSection(panel, 'Notes').getByRole('button', { name: 'Add note' }).click();
    await expect(linkedSection(panel, 'Notes').getByRole('listitem')).toHaveCount(1);
    await expectAccessible(panel, 'person page with a link and a note');
    await panel.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(panel.getByRole('alertdialog')).toBeVisible();
    await expectAccessible(panel, 'delete confirmation');
    await panel.getByRole('alertdialog').getByRole('button', { name: 'Keep' }).click();
    await showTab(panel, 'People');
    await expect(panel.getByRole('button', { name: 'Open Gavin Belson' })).toBeVisible();
    await expectAccessible(panel, 'list of people');
  });

  await test.step('forms: edit, each new form, errors, and the picker open', async () => {
    await panel.getByRole('button', { name: 'Open Gavin Belson' }).click();
    await panel.getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = panel.getByRole('form', { name: 'Edit person' });
    await field(edit, 'Emails').fill('gavin at hooli');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect(field(edit, 'Emails')).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(panel, 'edit form with an error');
    for (const [tab, noun] of NEW_FORMS) {
      await showTab(panel, tab);
      await panel.getByRole('button', { name: `New ${noun}` }).click();
      const form = panel.getByRole('form', { name: `New ${noun}` });
      await form.getByRole('button', { name: `Add ${noun}` }).click();
      await expect(form.getByRole('alert').first()).toBeVisible();
      await expectAccessible(panel, `new ${noun} form with errors`);
    }
    await typeUntilFound(panel.getByRole('combobox', { name: 'Party' }), 'hoo', panel.getByRole('option', { name: /Hooli/ }));
    await expectAccessible(panel, 'picker with suggestions open');
    await panel.getByRole('button', { name: 'Cancel' }).click();
  });

  expect(pageErrors(panel)).toEqual([]);
});

test('the side panel\'s search and trash have no serious accessibility problems', async ({ openSurface }) => {
  test.setTimeout(300_000);
  const panel = await openSurface('sidepanel');
  await panel.setViewportSize(SIDE_PANEL_VIEWPORT);
  await createAccount(panel);
  await createRecord(panel, 'Organisations', 'organisation', { Name: 'Hooli', Domain: 'hooli.example' });
  await createRecord(panel, 'People', 'person', { 'First name': 'Gavin', 'Last name': 'Belson' });

  await test.step('search results', async () => {
    await typeUntilFound(searchBox(panel), 'gav', searchResults(panel).getByRole('button', { name: 'Open Gavin Belson' }));
    await expectAccessible(panel, 'search results');
    await searchBox(panel).fill('');
  });

  await test.step('the trash, its confirmation, and a restore', async () => {
    await openTrash(panel);
    await expectAccessible(panel, 'empty trash');
    await panel.getByRole('button', { name: 'Back' }).click();
    await showTab(panel, 'Organisations');
    await panel.getByRole('button', { name: 'Open Hooli' }).click();
    await moveToTrash(panel);
    await openTrash(panel);
    await expect(trashList(panel).getByRole('listitem')).toHaveCount(1);
    await expectAccessible(panel, 'trash with a record');
    await panel.getByRole('button', { name: 'Delete Hooli forever' }).click();
    await expect(panel.getByRole('alertdialog')).toBeVisible();
    await expectAccessible(panel, 'delete forever confirmation');
    await panel.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
    await panel.getByRole('button', { name: 'Restore Hooli' }).click();
    await expect(panel.getByRole('status').filter({ hasText: 'Hooli is back' })).toBeVisible();
    await expectAccessible(panel, 'trash after a restore');
  });

  expect(pageErrors(panel)).toEqual([]);
});

test('the popup and the lock screen have no serious accessibility problems', async ({ openSurface }) => {
  test.setTimeout(300_000);
  const panel = await openSurface('sidepanel');
  await panel.setViewportSize(SIDE_PANEL_VIEWPORT);
  await createAccount(panel);
  await createRecord(panel, 'People', 'person', { 'First name': 'Gavin', 'Last name': 'Belson', 'Job title': 'Chief executive' });

  await test.step('the popup: recent records, quick add with an error, search', async () => {
    const popup = await openSurface('popup');
    await popup.setViewportSize(POPUP_VIEWPORT);
    await expect(popup.getByRole('region', { name: 'Recent' }).getByRole('button').first()).toBeVisible();
    await expectAccessible(popup, 'popup');
    await popup.getByRole('form', { name: 'New person' }).getByRole('button', { name: 'Add person' }).click();
    await expect(popup.getByRole('alert').first()).toBeVisible();
    await expectAccessible(popup, 'popup quick add with an error');
    await typeUntilFound(searchBox(popup), 'gav', searchResults(popup).getByRole('button', { name: 'Open Gavin Belson' }));
    await expectAccessible(popup, 'popup search results');
    expect(pageErrors(popup)).toEqual([]);
  });

  await test.step('the lock screen, and a wrong password refused', async () => {
    await panel.bringToFront();
    await panel.getByRole('banner').getByRole('button', { name: 'Lock', exact: true }).click();
    await expect(lockedHeading(panel)).toBeVisible();
    await expectAccessible(panel, 'lock screen');
    await field(panel, 'Password').fill('violet tundra harbour 24');
    await panel.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect(panel.getByRole('alert')).toHaveText('Wrong password.');
    await expectAccessible(panel, 'lock screen after a wrong password');
    await panel.waitForTimeout(1_000);
    await unlock(panel, DEFAULT_OWNER.password);
  });
  expect(pageErrors(panel)).toEqual([]);
});

/** Submits an options form empty or as filled, and waits for its first error. */
const submitForErrors = async (page: Page, form: string, button: string): Promise<void> => {
  const scope = page.getByRole('form', { name: form });
  await scope.getByRole('button', { name: button, exact: true }).click();
  await expect(scope.getByRole('alert').first()).toBeVisible();
};

test('every section of the options page, the import wizard and the sync section have no serious accessibility problems', async ({
  openSurface,
}) => {
  test.setTimeout(300_000);
  const options = await openSurface('options');
  await options.setViewportSize({ width: 1100, height: 900 });
  await createAccount(options);
  await expectAccessible(options, 'options page, every section');

  await test.step('forms with errors', async () => {
    await options.getByLabel('Default currency').fill('12');
    await options.getByRole('button', { name: 'Save settings' }).click();
    await expect(options.getByRole('form', { name: 'General settings' }).getByRole('alert')).toBeVisible();
    await submitForErrors(options, 'Download backup', 'Download backup');
    await options.getByRole('button', { name: 'Cancel account…' }).click();
    await submitForErrors(options, 'Cancel account', 'Cancel my account');
    await expectAccessible(options, 'options forms with errors');
  });

  await test.step('the sync section with a refused relay address', async () => {
    const form = syncSection(options).getByRole('form', { name: 'Connect to a relay' });
    await form.getByLabel('Relay address', { exact: true }).fill('not a relay');
    await form.getByLabel('Device name', { exact: true }).fill('');
    await form.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(form.getByLabel('Device name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(options, 'sync section with an error');
  });

  const section = options.getByRole('region', { name: 'Import', exact: true });
  await test.step('the import wizard: a refused file, the preview, the check, the result and undo', async () => {
    await section.getByLabel('CSV files to import').setInputFiles(importFixture('not-utf8.csv'));
    await expect(section.getByRole('alert')).toContainText('not UTF-8');
    await expectAccessible(options, 'import with a refused file');
    await section.getByLabel('CSV files to import').setInputFiles(importFixture('capsule-contacts.csv'));
    await expect(section.getByRole('table', { name: 'First rows of capsule-contacts.csv' })).toBeVisible();
    await expectAccessible(options, 'import preview and mapping');
    await section.getByRole('button', { name: 'Check' }).click();
    await expect(section.getByRole('table', { name: 'What the import would do' })).toBeVisible();
    await expectAccessible(options, 'import check summary');
    await section.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(section.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible();
    await expectAccessible(options, 'import done');
    await section.getByRole('table', { name: 'Recent imports' }).getByRole('button', { name: /^Undo the import of / }).click();
    await expect(section.getByRole('alertdialog')).toBeVisible();
    await expectAccessible(options, 'import undo confirmation');
  });
  expect(pageErrors(options)).toEqual([]);
});

captureTest('the capture form and its duplicate offer have no serious accessibility problems', async ({
  context, extensionId, openSurface, fixtures,
}) => {
  test.setTimeout(120_000);
  const panel = await openSurface('sidepanel');
  await panel.setViewportSize(SIDE_PANEL_VIEWPORT);
  await createAccount(panel);
  const view = panel.getByRole('region', { name: 'Quick capture' });
  const site = await context.newPage();
  await site.goto(fixtures.url('json-ld-person.html'));
  await (await pressToolbarButton(context, extensionId, site)).click('Capture this page');
  await expect(field(view.getByRole('form', { name: 'New person' }), 'First name')).toHaveValue('Ada');
  await panel.bringToFront();
  await expectAccessible(panel, 'capture form');
  await view.getByRole('button', { name: 'Add person' }).click();
  await expect(panel.getByRole('heading', { level: 2, name: 'Ada Okafor', exact: true })).toBeVisible();

  await (await pressToolbarButton(context, extensionId, site)).click('Capture this page');
  await expect(view.getByRole('region', { name: 'Already in Locket' })).toBeVisible();
  await panel.bringToFront();
  await expectAccessible(panel, 'capture duplicate offer');
  expect(pageErrors(panel)).toEqual([]);
  await expect(surfaceElement(panel)).toBeVisible();
});
