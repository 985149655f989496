import type { Page } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, pageErrors, test } from './fixtures';
import { PROJECT_ROOT } from './launch';
import { waitForSidePanel } from './side-panel-target';
import { captureTest } from './capture-test';
import { pressToolbarButton, waitFor } from './capture-helpers';
import {
  POPUP_VIEWPORT, SIDE_PANEL_VIEWPORT, createAccount, createRecord, fillFields, listedCount, openFromList, recordList, recordRow,
  searchBox, searchResults, showTab, typeUntilFound,
} from './ui';

const PEOPLE = [
  ['Ada', 'Lovelace'], ['Grace', 'Hopper'], ['Alan', 'Turing'],
  ['Edsger', 'Dijkstra'], ['Barbara', 'Liskov'], ['Donald', 'Knuth'],
] as const;

const openPopup = async (openSurface: (surface: 'popup') => Promise<Page>): Promise<Page> => {
  const popup = await openSurface('popup');
  await popup.setViewportSize(POPUP_VIEWPORT);
  return popup;
};

const quickAddPerson = async (popup: Page, firstName: string, lastName: string): Promise<void> => {
  const form = popup.getByRole('form', { name: 'New person' });
  await fillFields(form, { 'First name': firstName, 'Last name': lastName });
  await form.getByRole('button', { name: 'Add person' }).click();
  await expect(popup.getByRole('status')).toHaveText(`Saved ${firstName} ${lastName}.`);
  // The quick form empties itself for the next one.
  await expect(form.getByLabel('First name')).toHaveValue('');
};

const recentButtons = (popup: Page) => popup.getByRole('region', { name: 'Recent' }).getByRole('button');
/** Each Recent row: the record's name (its button) and, beside it, its kind. */
const recentRows = (popup: Page) => popup.getByRole('region', { name: 'Recent' }).getByRole('listitem');

test('people added in the popup reach the open side panel at once, and Recent keeps the five touched last', async ({
  openSurface, saveScreenshot,
}) => {
  const panel = await openSurface('sidepanel');
  await panel.setViewportSize(SIDE_PANEL_VIEWPORT);
  await createAccount(panel);
  await expect(panel.getByRole('main').getByRole('status')).toHaveText('No people yet.');
  // The session is shared: the popup opens unlocked.
  const popup = await openPopup(openSurface);
  await expect(popup.getByRole('region', { name: 'Recent' })).toContainText('Nothing yet');

  for (const [first, last] of PEOPLE) await quickAddPerson(popup, first, last);

  // The side panel was never reloaded: the change reached it over the broadcast channel.
  await expect(recordList(panel, 'People').getByRole('button', { name: 'Open Donald Knuth' })).toBeVisible();
  expect(await listedCount(panel, 'People')).toBe(PEOPLE.length);

  const touchedLast = PEOPLE.slice(1).reverse().map(([first, last]) => `${first} ${last} Person`);
  await expect(recentRows(popup)).toHaveText(touchedLast);

  // Editing the oldest in the side panel brings it back to the top of the popup's Recent.
  await openFromList(panel, 'People', 'Ada Lovelace');
  await panel.getByRole('button', { name: 'Edit', exact: true }).click();
  await fillFields(panel.getByRole('form', { name: 'Edit person' }), { 'Job title': 'Analyst' });
  await panel.getByRole('button', { name: 'Save changes' }).click();
  await expect(recentButtons(popup)).toHaveCount(5);
  await expect(recentButtons(popup).first()).toHaveAccessibleName('Open Ada Lovelace');
  await expect(recentRows(popup).first()).toContainText('Analyst');
  await expect(popup.getByRole('button', { name: 'Open Grace Hopper' })).toHaveCount(0);

  // Quick add switches to organisations, and they reach the panel too.
  await popup.getByRole('radio', { name: 'Organisation' }).check();
  const organisationForm = popup.getByRole('form', { name: 'New organisation' });
  await fillFields(organisationForm, { Name: 'Analytical Engines', Domain: 'engines.example' });
  await organisationForm.getByRole('button', { name: 'Add organisation' }).click();
  await expect(popup.getByRole('status')).toHaveText('Saved Analytical Engines.');
  await expect(recentButtons(popup).first()).toHaveAccessibleName('Open Analytical Engines');
  await showTab(panel, 'Organisations');
  await expect(recordList(panel, 'Organisations').getByRole('button', { name: 'Open Analytical Engines' })).toBeVisible();

  await saveScreenshot(popup, 'popup');
  expect(pageErrors(popup)).toEqual([]);
  expect(pageErrors(panel)).toEqual([]);
});

test('popup search finds a record, and choosing it opens the side panel on that record', async ({
  context, openSurface,
}) => {
  const popup = await openPopup(openSurface);
  await createAccount(popup);
  await quickAddPerson(popup, 'Grace', 'Hopper');
  await quickAddPerson(popup, 'Alan', 'Turing');
  await popup.reload();
  // The popup is for a quick look-up: the search box has the focus as soon as it opens.
  await expect(searchBox(popup)).toBeFocused();

  const hit = searchResults(popup).getByRole('button', { name: 'Open Grace Hopper' });
  await typeUntilFound(searchBox(popup), 'hopp', hit);
  await expect(searchResults(popup).getByRole('button')).toHaveCount(1);
  await hit.click();

  const sidePanel = await waitForSidePanel(context, popup);
  expect(sidePanel, 'the browser opened its side panel').toBeDefined();
  await expect.poll(() => sidePanel!.headings()).toContain('Grace Hopper');
  const screenshots = join(PROJECT_ROOT, 'test-results', 'screenshots');
  await mkdir(screenshots, { recursive: true });
  await sidePanel!.screenshot(join(screenshots, 'popup-opened-side-panel.png'));
  await expect(popup.getByRole('alert')).toHaveCount(0);
  expect(pageErrors(popup)).toEqual([]);
});

test('the "Open side panel" button opens the panel, and says so plainly when the browser refuses', async ({
  context, openSurface,
}) => {
  const popup = await openPopup(openSurface);
  await createAccount(popup);
  await popup.getByRole('button', { name: 'Open side panel' }).click();
  const sidePanel = await waitForSidePanel(context, popup);
  expect(sidePanel, 'the browser opened its side panel').toBeDefined();
  await expect.poll(() => sidePanel!.headings()).toContain('Locket');
  await expect(popup.getByRole('alert')).toHaveCount(0);

  // As Chromium does when the gesture has expired or the window has no side panel.
  await popup.evaluate(() => {
    type Namespace = { sidePanel: { open: () => Promise<void> } } | undefined;
    const { chrome, browser } = globalThis as { chrome?: Namespace; browser?: Namespace };
    for (const api of [chrome, browser]) if (api) api.sidePanel.open = () => Promise.reject(new Error('Side panel refused'));
  });
  await popup.getByRole('button', { name: 'Open side panel' }).click();
  await expect(popup.getByRole('alert')).toContainText('The side panel did not open (Side panel refused)');
  // The popup still works.
  await quickAddPerson(popup, 'Barbara', 'Liskov');
  expect(pageErrors(popup)).toEqual([]);
});

captureTest('the toolbar popup over a saved person’s page logs a call in one click, and Last contacted follows in the side panel', async ({
  context, extensionId, openSurface, fixtures,
}) => {
  const panel = await openSurface('sidepanel');
  await panel.setViewportSize(SIDE_PANEL_VIEWPORT);
  await createAccount(panel);
  const profile = fixtures.url('json-ld-person.html');
  await createRecord(panel, 'Organisations', 'organisation', { Name: 'Müller GmbH' });
  await createRecord(panel, 'People', 'person', { 'First name': 'Anna', 'Last name': 'Schmidt', Websites: profile },
    [['Organisation', 'Müller', 'Müller GmbH']]);
  await expect(panel.getByText('Not contacted yet')).toBeVisible();
  await showTab(panel, 'People');
  await expect(recordRow(panel, 'People', 'Anna Schmidt')).not.toContainText('Last contacted');

  // The real popup, opened by the toolbar button over the person's page (which grants activeTab on it).
  const site = await context.newPage();
  await site.goto(profile);
  const popup = await pressToolbarButton(context, extensionId, site);
  await waitFor('the page’s person in the popup', async () => ((await popup.text()).includes('On this page: Anna Schmidt — Müller GmbH') ? true : undefined), 30_000);
  await popup.click('Log a call');
  await popup.click('Save');
  await waitFor('the call logged', async () => ((await popup.text()).includes('Logged for Anna Schmidt.') ? true : undefined));

  // The side panel, never reloaded, hears of the call: the row and the record both say so.
  await panel.bringToFront();
  await expect(recordRow(panel, 'People', 'Anna Schmidt')).toContainText(/Last contacted /);
  await openFromList(panel, 'People', 'Anna Schmidt');
  await expect(panel.getByText(/^Last contacted /)).toBeVisible();

  // A page about nobody saved shows nothing new.
  const elsewhere = await context.newPage();
  await elsewhere.goto(fixtures.url('nothing.html'));
  const plain = await pressToolbarButton(context, extensionId, elsewhere);
  await waitFor('the popup’s Recent', async () => ((await plain.text()).includes('Anna Schmidt') ? true : undefined));
  expect(await plain.text()).not.toContain('On this page');
  expect(pageErrors(panel)).toEqual([]);
});

